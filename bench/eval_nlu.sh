#!/usr/bin/env bash
# NLU before and after, on the same training data (data/nlu), in one run:
#   baseline  bench/config-baseline.yml: n-grams + DIET for intents and entities (config.yml until 2026-12-03)
#   no-e5     bench/config-no-e5.yml: the DIET pipeline without the e5 sentence embeddings (what they add);
#             only with NLU_ABLATION=1 (it adds about 15 minutes)
#   diet      bench/config-diet.yml: n-grams + e5 sentence embeddings + DIET for intents, patterns for
#             entities (config.yml from 2026-12-03 until 2026-12-04)
#   linear-previous  bench/config-linear-previous.yml: the logistic regression as it was until the
#             seventh pass of issue 11 (no nearest-example similarities, no StateSpelling)
#   linear    config.yml: a logistic regression in DIET's place (channels/nlu/linear_intents.py)
# For each: 5-fold cross-validation (intent weighted F1 and accuracy, entity weighted F1 of the extractor;
# the folds are drawn with a fixed seed, so a run repeats; the two logistic regressions' rows are the mean
# over the seeds 1, 2 and 3, since one draw of folds moved the figure by up to 0.01),
# then a model trained on all of data/nlu scored by bench/nlu_eval.py on the fresh files of tests/nlu,
# kept out of training (intent accuracy as the dialogue sees it, after the fallback threshold; entity F1;
# share of out-of-scope messages on a domain intent). Prints one Markdown table. About 40 minutes on
# 2 cores (with others' load, 50): not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 LOG_LEVEL=ERROR
export PYTHONPATH=.
RASA=.venv-rasa/bin/rasa
OUT=build/eval-nlu
evaluate() {  # evaluate NAME CONFIG SEED...
  local name=$1 config=$2 seed
  shift 2
  rm -rf "${OUT:?}/$name"
  : >"$OUT/$name.log"
  for seed in "$@"; do
    echo "$name ($config): 5-fold cross-validation, folds of seed $seed" >&2
    # rasa draws the folds from numpy's global generator (StratifiedKFold, shuffled, no seed of its own)
    .venv-rasa/bin/python -c 'import sys, numpy; numpy.random.seed(int(sys.argv.pop(1))); from rasa.__main__ import main; sys.argv[0] = "rasa"; main()' \
      "$seed" test nlu --nlu data/nlu --config "$config" --cross-validation --folds 5 --out "$OUT/$name/cv-$seed" >>"$OUT/$name.log" 2>&1
  done
  echo "$name ($config): a model on all the data, scored on the test files" >&2
  "$RASA" train nlu --nlu data/nlu --config "$config" --out "$OUT/$name" --fixed-model-name model >>"$OUT/$name.log" 2>&1
  .venv-rasa/bin/python bench/nlu_eval.py "$OUT/$name/model.tar.gz" >"$OUT/$name/test.json" 2>>"$OUT/$name.log"
}
mkdir -p "$OUT"
rm -rf "${OUT:?}/no-e5"
evaluate baseline bench/config-baseline.yml 1
if [[ ${NLU_ABLATION:-0} == 1 ]]; then evaluate no-e5 bench/config-no-e5.yml 1; fi
evaluate diet bench/config-diet.yml 1
evaluate linear-previous bench/config-linear-previous.yml 1 2 3
evaluate linear config.yml 1 2 3
.venv/bin/python - <<'PY'
import json
from pathlib import Path

out = Path("build/eval-nlu")
rows = (
    ("baseline", "DIETClassifier", "before: n-grams + DIET (intents and entities)"),
    ("no-e5", "RegexEntityExtractor", "n-grams + DIET (intents) + patterns (entities)"),
    ("diet", "RegexEntityExtractor", "n-grams + e5 + DIET (intents) + patterns (entities)"),
    ("linear-previous", "RegexEntityExtractor", "n-grams + patterns + e5 + logistic regression, until 2026-12-04"),
    ("linear", "RegexEntityExtractor", "**config.yml: the same + nearest-example similarities + state spelling**"),
)
print(
    "| pipeline | 5-fold intent F1 | 5-fold intent accuracy | 5-fold entity F1 | test-file intent accuracy "
    "| test-file entity F1 | out of scope on a domain intent |"
)
print("|---|---|---|---|---|---|---|")
for name, extractor, label in rows:
    runs = sorted((out / name).glob("cv-*"))
    if not runs:
        continue
    intents = [json.loads((cv / "intent_report.json").read_text()) for cv in runs]
    f1 = sum(i["weighted avg"]["f1-score"] for i in intents) / len(runs)
    accuracy = sum(i["accuracy"] for i in intents) / len(runs)
    reports = [cv / f"{extractor}_report.json" for cv in runs if (cv / f"{extractor}_report.json").exists()]
    entity_f1 = (
        f"{sum(json.loads(r.read_text())['weighted avg']['f1-score'] for r in reports) / len(reports):.3f}"
        if reports
        else "n/a"
    )
    seeds = f" (mean of {len(runs)} fold draws)" if len(runs) > 1 else ""
    test = json.loads((out / name / "test.json").read_text().splitlines()[-1])
    print(
        f"| {label}{seeds} | {f1:.3f} | {accuracy:.3f} "
        f"| {entity_f1} | {test['test_intent_accuracy']:.3f} "
        f"| {test['test_entity_f1']:.3f} | {test['oos_routed_to_domain']:.1%} |"
    )
n_test, n_oos = test["test_messages"], test["oos_messages"]
print(f"\nTest files: {n_test} messages (tests/nlu/prueba.yml), {n_oos} out of scope (fuera_de_alcance.yml).")
PY
