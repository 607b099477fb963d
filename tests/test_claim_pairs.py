"""The claim-pair set (issue 20): its spans resolve, its parts are apart by event, its labels are valid."""

import hashlib
import json
from pathlib import Path

import pytest

from toolkit import datasets

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "toolkit" / "resources" / "labels" / "claim_pairs.jsonl"


@pytest.fixture(scope="module")
def pairs():
    return datasets.load_claim_pairs()


def test_every_claim_resolves_to_its_span_in_the_raw_corpus(pairs):
    texts = {}
    for corpus in set(pairs.corpus_a) | set(pairs.corpus_b):
        df = datasets.load_seeds() if corpus == "seed" else datasets._LOADERS[corpus]()
        texts[corpus] = dict(zip(df.doc_id, df.text, strict=True))
    for row in pairs.itertuples():
        for side in ("a", "b"):
            raw = texts[getattr(row, f"corpus_{side}")][getattr(row, f"doc_{side}")]
            start, end = getattr(row, f"start_{side}"), getattr(row, f"end_{side}")
            assert getattr(row, f"text_{side}") == raw[start:end] and end - start >= 20


def test_pairs_join_different_articles_or_outlets(pairs):
    same_doc = pairs[pairs.doc_a == pairs.doc_b]
    assert (same_doc.corpus_a == "seed").all() and (same_doc.outlet_a != same_doc.outlet_b).all()
    assert pairs.id.is_unique and not (pairs.text_a == pairs.text_b).any()


def test_split_sizes_and_no_event_on_both_sides(pairs):
    assert len(pairs) >= 320 and set(pairs.split) == {"dev", "test"}
    test = datasets.load_claim_pairs("test")
    assert len(test) >= 130 and set(test.split) == {"test"}
    assert len(test) + len(datasets.load_claim_pairs("dev")) == len(pairs)
    events = {s: set() for s in ("dev", "test")}
    for row in pairs.itertuples():
        events[row.split] |= set(row.events_a) | set(row.events_b)
    assert events["dev"] and events["test"] and not events["dev"] & events["test"]


def test_relations_are_valid_and_numeric_marks_only_contradictions(pairs):
    assert set(pairs.relation) == set(datasets.CLAIM_RELATIONS)
    assert pairs.numeric.dtype == bool and (pairs.relation[pairs.numeric] == "contradict").all()
    for split in ("dev", "test"):
        assert set(pairs.relation[pairs.split == split]) == set(datasets.CLAIM_RELATIONS)


def test_labels_hold_spans_not_text():
    for line in LABELS.read_text("utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) <= {"id", "split", "stratum", "a", "b", "relation", "numeric", "note"}
        for side in ("a", "b"):
            assert set(rec[side]) == {"corpus", "doc_id", "start", "end", "sha256", "outlet", "events"}
        assert len(rec.get("note", "")) <= 120 and not any("\u0600" <= ch <= "\u06ff" for ch in rec.get("note", ""))


def test_a_bad_split_and_a_changed_corpus_are_clear_errors(monkeypatch):
    with pytest.raises(ValueError, match="split must be None, 'dev' or 'test', not 'train'"):
        datasets.load_claim_pairs("train")
    real = datasets.load_isna
    monkeypatch.setitem(datasets._LOADERS, "isna", lambda **kw: real(**kw).assign(text=lambda df: "x" + df.text))
    with pytest.raises(datasets.DataError, match=r"claim_pairs.jsonl, pair p\d{4}: claim [AB], isna/\S+ is not"):
        datasets.load_claim_pairs()


def test_a_missing_corpus_is_named(monkeypatch):
    def missing(**kw):
        raise datasets.DataError("fars: not in any mirror; run: python -m toolkit datasets fetch fars")

    monkeypatch.setitem(datasets._LOADERS, "fars", missing)
    with pytest.raises(datasets.DataError, match=r"quote the fars corpus, which cannot be had: .*fetch"):
        datasets.load_claim_pairs()


# The frozen test part: the sha256 of its lines (ids, spans, labels). Relabelling or redrawing it is a new set.
FROZEN_TEST = (195, "d65844940d79f652")


def test_the_test_part_is_frozen():
    lines = [x for x in LABELS.read_text("utf-8").splitlines(True) if '"split": "test"' in x]
    assert (len(lines), hashlib.sha256("".join(lines).encode()).hexdigest()[:16]) == FROZEN_TEST
