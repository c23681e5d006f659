# pyloto_corp: two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install services lint format clean eval bench-classify bench-export compliance \
	load load-faults bench bench-turns

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Serve the webhook on port 8080 with embedded defaults (no cloud credentials).
run: $(STAMP)
	$(BIN)/pyloto-corp serve

## Install, start what the tests need, run quality gates and the whole suite with coverage.
test: $(STAMP) services
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest $(PYTEST_ARGS)
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

## Binaries the test suite starts by itself (redis-server); installed when missing.
services:
	@sh scripts/ensure-test-services.sh

## Regenerate Monitoramento_Regras-Padroes.md from the code (runs the suite with coverage).
compliance: $(STAMP) services
	$(BIN)/python scripts/compliance.py

## Reports on the dev splits: the intent classifier (accuracy, precision/recall per intent,
## confusion, reliability), the turn reader (per-act precision/recall/support, confusion) and
## the values of a lead (per-field exact match, false fills, support).
eval: $(STAMP)
	$(BIN)/pyloto-corp classify --eval corpus/intents/dev.jsonl
	$(BIN)/pyloto-corp eval-turns --table corpus/turns/dev.jsonl
	$(BIN)/pyloto-corp eval-turns corpus/turns/dev.jsonl
	$(BIN)/pyloto-corp eval-slots --table corpus/slots/dev.jsonl
	$(BIN)/pyloto-corp eval-slots corpus/slots/dev.jsonl

## Classifier throughput on this machine (figures, not a test).
bench-classify: $(STAMP)
	$(BIN)/python bench/classify_bench.py

## Cost of reading one turn (dialogue acts), median over the annotated turns (figures).
bench-turns: $(STAMP)
	$(BIN)/python bench/turns_bench.py

## Export cost (render + store + audit) for conversations of 100 to 5,000 messages (figures).
bench-export: $(STAMP)
	$(BIN)/python bench/export_bench.py

## Issue 9's figures side by side (throughput vs the bare ceiling, latency at 200 msg/s,
## Firestore operations per message, cold start, idle RSS, classifier): docs/performance.md.
bench: $(STAMP) services
	$(BIN)/python -m bench.performance $(BENCH_ARGS)

## Load harness (figures): 200 people x 8 messages with duplicates and reordering, through
## signed webhooks, on the embedded setup and on two processes sharing Firestore + Redis.
load: $(STAMP) services
	$(BIN)/python -m tests.load.run $(LOAD_ARGS)

## The same under faults: Redis down, Firestore restarted, Graph API errors, a process killed.
load-faults: $(STAMP) services
	$(BIN)/python -m tests.load.run --all-faults $(LOAD_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .coverage .coverage.* .pytest_cache .ruff_cache .import_linter_cache
