# ITA Portal. `make demo` runs the portal with the demo municipality; `make test` runs every test.
PY := .venv/bin/python
MANAGE := $(PY) manage.py
DEMO_ENV := DEBUG=1

.PHONY: setup demo demo-data serve test test-sqlite test-fast bench bench-load bench-links lint

setup:
	@bash scripts/setup.sh

demo-data: setup
	$(DEMO_ENV) $(MANAGE) migrate --noinput -v0
	$(DEMO_ENV) $(MANAGE) collectstatic --noinput -v0
	$(DEMO_ENV) $(MANAGE) load_criteria
	$(DEMO_ENV) $(MANAGE) load_demo

demo: demo-data
	bash scripts/demo.sh

# Production-like on this machine: PostgreSQL, gunicorn (DEBUG off), worker, scheduled jobs.
serve: setup
	bash scripts/serve.sh

# The whole suite, browser tests included (a missing browser fails the run), on PostgreSQL.
test: setup
	E2E_REQUIRED=1 bash scripts/with_postgres.sh $(PY) -m pytest -q $(PYTEST_ARGS)

# The same suite on the zero-setup default, SQLite.
test-sqlite: setup
	E2E_REQUIRED=1 $(PY) -m pytest -q $(PYTEST_ARGS)

bench: setup
	bash scripts/with_postgres.sh bash bench/run.sh

# The same data under gunicorn: page throughput beside a bare view, 50 users mixing pages and
# progress updates on one and on two app servers (bench/load.sh).
bench-load: setup
	bash scripts/with_postgres.sh bash bench/load.sh

# The nightly link check of one worker against local websites that answer after 1 s.
bench-links: setup
	bash scripts/with_postgres.sh bash bench/linkcheck.sh

lint: setup
	.venv/bin/ruff check .
