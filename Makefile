# pyloto_corp: two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RUNTIME_STAMP := $(VENV)/.runtime-stamp
LOCK_TOOLS := $(VENV)/lock-tools
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
LOCK_INPUTS := pyproject.toml requirements-image.in

.PHONY: run test install install-runtime lock services lint format clean eval bench-classify \
	bench-export compliance load load-faults bench bench-turns

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## Versions and hashes from the lock files, then the package itself without resolving again.
$(STAMP): requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP) $(RUNTIME_STAMP)

$(RUNTIME_STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(RUNTIME_STAMP)

## Everything (runtime + dev tools): what `make test` uses.
install: $(STAMP)

## Runtime dependencies only (what the image has): what `make run` uses.
install-runtime: $(RUNTIME_STAMP)

## Regenerate requirements.lock and requirements-dev.lock (LOCK_ARGS=--upgrade: newest versions).
## The dev lock is solved first; the runtime lock starts from it, so shared pins are identical.
lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || ($(PYTHON) -m venv $(LOCK_TOOLS) && \
		$(LOCK_TOOLS)/bin/python -m pip install --quiet pip-tools)
	$(LOCK_TOOLS)/bin/pip-compile $(LOCK_FLAGS) $(LOCK_ARGS) --extra dev \
		-o requirements-dev.lock $(LOCK_INPUTS)
	cp requirements-dev.lock requirements.lock
	$(LOCK_TOOLS)/bin/pip-compile $(LOCK_FLAGS) -o requirements.lock $(LOCK_INPUTS)

## Serve the webhook on port 8080 with embedded defaults (no cloud credentials).
run: $(RUNTIME_STAMP)
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
	$(BIN)/pyloto-corp eval-turns --table corpus/turns/dev-r.jsonl
	$(BIN)/pyloto-corp eval-turns --table corpus/turns/dev-x.jsonl
	$(BIN)/pyloto-corp eval-turns --table corpus/turns/dev-z.jsonl
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

## Issue 24's figures side by side, each with its goal and ✅/❌ (throughput vs the minimal
## durable webhook and the bare endpoint, CPU per message, latency at 200 msg/s, Firestore
## operations per message, cold start, idle RSS, classifier, turn reading): docs/performance.md.
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
