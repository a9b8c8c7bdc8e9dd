# policyparse: two commands set everything up on a fresh machine with Python 3.11.
#   make run    creates .venv, installs, parses data/raw/ into out/, prints a summary table
#   make test   creates .venv with the dev extras and runs the test suite
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
CORPUS := ../shared/corpus/raw
HTML   := ../shared/corpus/html
SYNTH  := data/synthetic
WORKERS ?= 2

.PHONY: run test eval eval-oof agreement sentences train bench cookie-layouts processor-layouts shapes readme-eval clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/policyparse parse data/raw -o out --format csv,jsonl,xlsx

test: $(VENV)/.installed
	$(PY) -m pytest

eval: $(VENV)/.installed
	@[ -d $(CORPUS) ] || echo "note: $(CORPUS) is absent; scoring the seeds in data/raw alone"
	$(VENV)/bin/policyparse evaluate --gold data/annotated --raw data/raw --raw $(CORPUS) --raw $(HTML) --raw $(SYNTH) --split both --report out/eval --workers $(WORKERS)

eval-oof: $(VENV)/.installed
	$(VENV)/bin/policyparse evaluate --gold data/annotated --raw data/raw --raw $(CORPUS) --raw $(HTML) --raw $(SYNTH) --split both --out-of-fold 5 --report out/eval-oof --workers $(WORKERS)

agreement: $(VENV)/.installed
	$(VENV)/bin/policyparse evaluate --gold data/annotated --second data/annotated/second --split both --report out/agreement

readme-eval: $(VENV)/.installed
	$(VENV)/bin/policyparse evaluate --gold data/annotated --raw data/raw --raw $(CORPUS) --raw $(HTML) --raw $(SYNTH) --split both --report out/eval --update-readme README.md --workers $(WORKERS)

sentences: $(VENV)/.installed
	$(VENV)/bin/policyparse sentences

train: $(VENV)/.installed
	$(VENV)/bin/policyparse train --update-readme README.md

bench: $(VENV)/.installed
	$(PY) benchmarks/bench.py

cookie-layouts: $(VENV)/.installed
	$(PY) benchmarks/cookie_layouts.py

processor-layouts: $(VENV)/.installed
	$(PY) benchmarks/processor_layouts.py

shapes: $(VENV)/.installed
	$(PY) benchmarks/shapes.py --workers $(WORKERS)

clean:
	rm -rf out .pytest_cache
