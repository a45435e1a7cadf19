# Shortcuts for the scripts in bin/ (which need nothing but bash, Python 3.11 and Node).
.PHONY: help setup run test lint fmt migrations-check bench reliability

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

setup:  ## Install Python and front-end dependencies
	bin/setup test

run:  ## Set up, build a synthetic authority and serve Hearth on 127.0.0.1:8000
	bin/run

test:  ## Lint, then the whole test suite on SQLite and PostgreSQL
	bin/test

lint:  ## Ruff
	.venv/bin/ruff check .

fmt:  ## Ruff formatter and import sorting
	.venv/bin/ruff check --fix --select I .
	.venv/bin/ruff format hearth config tools

migrations-check:  ## Fail if the models changed without a migration
	.venv/bin/python manage.py makemigrations --check --dry-run

bench:  ## Build the dudley and large authorities and print page timings
	bin/setup test
	.venv/bin/python tools/bench.py --profiles dudley large --browser

# The authority the load test runs on: the one `make bench` (or tools/bench.py --profiles large
# --databases postgres) leaves behind, built first if it is not there yet.
RELIABILITY_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/hearth_bench_large

reliability:  ## Load test, SIGKILL mid-write, API fuzzing and the backup-restore drill
	bin/setup test,reliability
	.venv/bin/python tools/reliability.py load $(RELIABILITY_DATABASE_URL) --build-if-missing
	.venv/bin/python tools/reliability.py kill
	.venv/bin/python tools/reliability.py fuzz
	.venv/bin/python tools/restore_drill.py
