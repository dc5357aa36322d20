#!/usr/bin/env bash
# NLU comparison, 5-fold cross-validation of the intent and entity models:
#   (a) config.yml: whitespace tokens + word and char n-grams + DIET (what the assistant runs)
#   (b) bench/config-spacy.yml: spaCy es_core_news_sm lemmas + the same n-grams + DIET
# (b) needs spaCy, installed in a separate environment (build/venv-nlu-spacy) so the Rasa
# environment keeps its pins. Prints a table of weighted F1; slow (about 20 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
PY310=$(make -s -f Makefile print-python310)
SPACY_VENV=build/venv-nlu-spacy
if [[ ! -x $SPACY_VENV/bin/rasa ]]; then
  "$PY310" -m venv "$SPACY_VENV"
  "$SPACY_VENV/bin/python" -m pip install --quiet -r requirements/rasa.txt
  "$SPACY_VENV/bin/python" -m pip install --quiet --no-deps -r requirements/nlu-spacy.txt
fi
run() {  # run NAME RASA CONFIG
  "$2" test nlu --nlu data/nlu --config "$3" --cross-validation --folds 5 --out "build/eval-nlu/$1" >/dev/null 2>&1
}
run whitespace .venv-rasa/bin/rasa config.yml
run spacy "$SPACY_VENV/bin/rasa" bench/config-spacy.yml
.venv/bin/python - <<'PY'
import json
from pathlib import Path
print("| pipeline (5-fold cross-validation) | intent F1 | intent accuracy | entity F1 (DIET) |")
print("|---|---|---|---|")
for name, label in (("whitespace", "(a) whitespace + n-grams + DIET"), ("spacy", "(b) spaCy lemmas + n-grams + DIET")):
    root = Path("build/eval-nlu") / name
    intent = json.loads((root / "intent_report.json").read_text())
    entity_file = root / "DIETClassifier_report.json"
    entity = json.loads(entity_file.read_text()) if entity_file.exists() else {}
    f1 = intent["weighted avg"]["f1-score"]
    accuracy = intent.get("accuracy", 0.0)
    ef1 = entity.get("weighted avg", {}).get("f1-score", float("nan"))
    print(f"| {label} | {f1:.3f} | {accuracy:.3f} | {ef1:.3f} |")
PY
