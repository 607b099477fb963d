# Two commands do everything on a fresh clone: `make demo` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench data clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || { P=$$(scripts/find_python.sh) && $$P -m venv $(VENV); } || exit 1
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) scripts/run_notebooks.py --figures figures

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/zwnj.py
	$(PY) benchmarks/zwnj.py --corpus fars
	$(PY) benchmarks/zwnj.py --corpus news2025
	$(PY) benchmarks/zwnj_choices.py
	$(PY) benchmarks/keywords.py --cv 5
	$(PY) benchmarks/claims.py
	$(PY) benchmarks/stance.py
	$(PY) benchmarks/topics.py
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/pipeline.py

data: $(STAMP)
	$(PY) scripts/build_data.py --raw ../shared/data/raw --out data
	$(PY) scripts/build_farexstance.py --raw ../shared/data/raw --out data

clean:
	rm -rf $(VENV) figures build .pytest_cache
