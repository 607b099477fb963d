"""Every notebook runs headless with small parameters; a failing cell fails the test."""

import importlib.util
from pathlib import Path

import jupytext
import pytest

pytestmark = pytest.mark.slow  # every notebook, executed

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
SMALL = {
    "01_normalization": {"N_ARTICLES": 20},
    "02_topic_classification": {"TRAIN_PER_TOPIC": 30, "N_ERRORS": 3},
    "03_keyword_analysis": {"N_PER_OUTLET": 120, "N_BOOT": 20, "N_TAGGED": 3},
    "04_claim_comparison": {"ISNA_ARTICLES": 300, "FARS_ARTICLES": 400, "FX_ARTICLES": 200},
    "05_corpus_pipeline": {"N_ARTICLES": 300, "ROWS_PER_SHARD": 100},
}

spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "scripts" / "run_notebooks.py")
run_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_notebooks)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    run_notebooks.execute(path, SMALL.get(path.stem, {}), figures=tmp_path)
    assert list(tmp_path.glob("*.png")), "each notebook saves at least one figure"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_pair_in_sync_and_without_outputs(path):
    ipynb = jupytext.read(path)
    py = jupytext.read(path.with_suffix(".py"))
    assert [c.source for c in ipynb.cells] == [c.source for c in py.cells], "run: jupytext --sync notebooks/*.py"
    assert not any(c.get("outputs") for c in ipynb.cells), "commit notebooks without outputs"
    assert any("parameters" in c.metadata.get("tags", []) for c in py.cells)
