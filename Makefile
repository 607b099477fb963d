# Two commands do everything on a fresh clone: `make demo` and `make test`.
# `make setup` installs exactly the versions in uv.lock into .venv; `make lock` updates them.
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
UV_VERSION := $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)

.PHONY: setup demo test quick lint bench lock data docs clean

setup: $(STAMP)

$(STAMP): pyproject.toml uv.lock
	@test -x $(PY) || { P=$$(scripts/find_python.sh) && $$P -m venv $(VENV); } || exit 1
	$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --all-extras --quiet --python $(PY)
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) scripts/run_notebooks.py --figures figures

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto

# everything but the tests marked slow (retraining, Dask clusters, notebooks, long property runs)
quick: $(STAMP)
	$(PY) -m pytest -n auto -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) benchmarks/zwnj.py --corpus all
	$(PY) benchmarks/zwnj_choices.py
	$(PY) benchmarks/keywords.py --cv 5
	$(PY) benchmarks/claims.py
	$(PY) benchmarks/attribution.py
	$(PY) benchmarks/stance.py
	$(PY) benchmarks/topics.py
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/pipeline.py
	$(PY) benchmarks/collect.py

# the documentation site (mkdocs.yml), strict: a broken link, reference or docstring fails it; open site/index.html
docs: $(STAMP)
	$(VENV)/bin/mkdocs build --strict --site-dir site

# newest versions allowed by pyproject.toml into uv.lock, and environment.yml written from it
lock: $(STAMP)
	$(UV) lock --upgrade
	$(PY) scripts/environment_yml.py > environment.yml

# the corpora: found in a mirror ($$TOOLKIT_RAW, ../shared/data/raw) or downloaded, built into the data home
data: $(STAMP)
	$(PY) -m toolkit datasets fetch all

clean:
	rm -rf $(VENV) figures build site .cache .pytest_cache
