"""``extract_claims`` (and ``provenance``) give the same output as when ``tests/fixtures/claims_snapshot.json``
was written (``scripts/claims_snapshot.py``): a refactoring of ``toolkit.claims`` must not change a row.
The seed and the small corpora run in the fast suite; ISNA, Fars and FarExStance are marked slow."""

import importlib.util
import json
from pathlib import Path

import pytest

from toolkit.claims import COLUMNS, extract_claims

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("claims_snapshot", ROOT / "scripts" / "claims_snapshot.py")
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)

EXPECTED = json.loads(snapshot.FIXTURE.read_text("utf-8"))
BIG = ("isna", "fars", "farexstance")


def _check(name: str) -> None:
    texts = snapshot.load(name)
    if texts is None:
        pytest.skip(f"the corpus {name} cannot be had here (toolkit.datasets.fetch({name!r}) gets it)")
    assert snapshot.fingerprint(name, texts) == EXPECTED[name], f"extract_claims changed its output on {name}"


@pytest.mark.parametrize("name", [n for n in snapshot.CORPORA if n not in BIG])
def test_same_claims_as_the_snapshot(name):
    _check(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", BIG)
def test_same_claims_as_the_snapshot_on_the_big_corpora(name):
    _check(name)


def test_the_fixture_covers_every_corpus():
    assert set(EXPECTED) == set(snapshot.CORPORA)
    assert all(EXPECTED[n]["rows"] > 0 for n in EXPECTED)


def test_the_digest_sees_one_changed_value_and_the_order_of_rows():
    table = extract_claims("وزیر نفت به رویترز گفت: تولید ثابت می‌ماند. او افزود: قیمت بالا می‌رود.")
    assert len(table) == 2
    base = snapshot.digest(table, COLUMNS)
    assert snapshot.digest(table.copy(), COLUMNS) == base
    moved = table.copy()
    moved.loc[1, "end"] += 1
    assert snapshot.digest(moved, COLUMNS) != base
    assert snapshot.digest(table.iloc[::-1], COLUMNS) != base


def test_check_fails_on_a_corpus_that_differs(tmp_path, capsys):
    wrong = tmp_path / "snapshot.json"
    wrong.write_text(json.dumps({"seed": EXPECTED["seed"] | {"rows": EXPECTED["seed"]["rows"] + 1}}), "utf-8")
    assert snapshot.main(["--check", "--corpus", "seed", "--fixture", str(wrong)]) == 1
    assert "differs on seed" in capsys.readouterr().err
    assert snapshot.main(["--check", "--corpus", "seed"]) == 0
