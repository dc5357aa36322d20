#!/usr/bin/env bash
# NLU before and after, on the same training data (data/nlu), in one run:
#   baseline  bench/config-baseline.yml: n-grams + DIET for intents and entities (config.yml until 2026-12-03)
#   no-e5     bench/config-no-e5.yml: the DIET pipeline without the e5 sentence embeddings (what they add);
#             only with NLU_ABLATION=1 (it adds about 15 minutes)
#   diet      bench/config-diet.yml: n-grams + e5 sentence embeddings + DIET for intents, patterns for
#             entities (config.yml from 2026-12-03 until 2026-12-04)
#   linear    config.yml: a logistic regression in DIET's place (channels/nlu/linear_intents.py)
# For each: 5-fold cross-validation (intent weighted F1 and accuracy, entity weighted F1 of the extractor),
# then a model trained on all of data/nlu scored by bench/nlu_eval.py on the fresh files of tests/nlu,
# kept out of training (intent accuracy as the dialogue sees it, after the fallback threshold; entity F1;
# share of out-of-scope messages on a domain intent). Prints one Markdown table. About 30 minutes on
# 2 cores (with others' load, 40): not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 LOG_LEVEL=ERROR
export PYTHONPATH=.
RASA=.venv-rasa/bin/rasa
OUT=build/eval-nlu
evaluate() {  # evaluate NAME CONFIG
  rm -rf "${OUT:?}/$1"
  echo "$1 ($2): 5-fold cross-validation, then a model on all the data and the test files" >&2
  "$RASA" test nlu --nlu data/nlu --config "$2" --cross-validation --folds 5 --out "$OUT/$1/cv" >"$OUT/$1.log" 2>&1
  "$RASA" train nlu --nlu data/nlu --config "$2" --out "$OUT/$1" --fixed-model-name model >>"$OUT/$1.log" 2>&1
  .venv-rasa/bin/python bench/nlu_eval.py "$OUT/$1/model.tar.gz" >"$OUT/$1/test.json" 2>>"$OUT/$1.log"
}
mkdir -p "$OUT"
rm -rf "${OUT:?}/no-e5"
evaluate baseline bench/config-baseline.yml
if [[ ${NLU_ABLATION:-0} == 1 ]]; then evaluate no-e5 bench/config-no-e5.yml; fi
evaluate diet bench/config-diet.yml
evaluate linear config.yml
.venv/bin/python - <<'PY'
import json
from pathlib import Path

out = Path("build/eval-nlu")
rows = (
    ("baseline", "DIETClassifier", "before: n-grams + DIET (intents and entities)"),
    ("no-e5", "RegexEntityExtractor", "n-grams + DIET (intents) + patterns (entities)"),
    ("diet", "RegexEntityExtractor", "n-grams + e5 + DIET (intents) + patterns (entities)"),
    ("linear", "RegexEntityExtractor", "**config.yml: n-grams + patterns + e5 + logistic regression (intents)**"),
)
print(
    "| pipeline | 5-fold intent F1 | 5-fold intent accuracy | 5-fold entity F1 | test-file intent accuracy "
    "| test-file entity F1 | out of scope on a domain intent |"
)
print("|---|---|---|---|---|---|---|")
for name, extractor, label in rows:
    cv = out / name / "cv"
    if not cv.exists():
        continue
    intent = json.loads((cv / "intent_report.json").read_text())
    report = cv / f"{extractor}_report.json"
    entity_f1 = f"{json.loads(report.read_text())['weighted avg']['f1-score']:.3f}" if report.exists() else "n/a"
    test = json.loads((out / name / "test.json").read_text().splitlines()[-1])
    print(
        f"| {label} | {intent['weighted avg']['f1-score']:.3f} | {intent['accuracy']:.3f} "
        f"| {entity_f1} | {test['test_intent_accuracy']:.3f} "
        f"| {test['test_entity_f1']:.3f} | {test['oos_routed_to_domain']:.1%} |"
    )
n_test, n_oos = test["test_messages"], test["oos_messages"]
print(f"\nTest files: {n_test} messages (tests/nlu/prueba.yml), {n_oos} out of scope (fuera_de_alcance.yml).")
PY
