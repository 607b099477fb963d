import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import datasets
from toolkit.normalization import Normalizer

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data" / "raw"


@pytest.mark.parametrize("name", ["isna", "fars", "farstail"])
def test_loaders_share_core_columns_and_split_cleanly(name):
    load = getattr(datasets, f"load_{name}")
    df = load()
    assert df.columns[:4].tolist() == ["doc_id", "outlet", "title", "text"]
    assert df.doc_id.is_unique
    train, test = load("train"), load("test")
    assert len(train) + len(test) == len(df)
    assert 0.15 < len(test) / len(df) < 0.25
    assert not set(train.doc_id) & set(test.doc_id)
    key = "premise" if name == "farstail" else "text"
    assert not set(train[key]) & set(test[key])  # no text on both sides
    prov = df.attrs["provenance"]
    assert prov["counts"]["rows"] == len(df) and prov["license"] and prov["origin"].startswith("https://")


def test_counts_and_labels():
    assert datasets.load_isna().category.value_counts().min() > 1400
    fars = datasets.load_fars()
    assert fars.tags.map(len).gt(0).sum() > 600
    assert fars.date.str.match(r"^1[34]\d\d-\d\d-\d\d$").all()
    assert set(datasets.load_farstail().label) == {"e", "c", "n"}


def test_bad_split_is_a_clear_error():
    with pytest.raises(ValueError, match="split must be"):
        datasets.load_isna("dev")


def test_seed_is_byte_for_byte_and_loads():
    seeds = datasets.load_seeds()
    assert len(seeds) == 1 and seeds.encoding[0] == "utf-8"
    assert seeds.title[0] == "همکاری عراق و سوریه در یک موضوع خاص و مهم"
    shared = ROOT.parent / "shared" / "seeds" / "000_1b4b289264b09812.txt"
    if shared.exists():
        assert (ROOT / "seeds" / shared.name).read_bytes() == shared.read_bytes()


def test_parquet_files_match_the_registry():
    for e in datasets.registry().values():
        if "sha256" in e:
            data = (datasets.data_home() / e["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == e["sha256"]


def test_no_near_duplicates_across_the_split():
    """Word 5-gram containment between any train and any test article stays below the build's threshold."""
    norm = Normalizer(restore_zwnj=False)
    both = [datasets.load_isna(), datasets.load_fars()]

    def shingles(t):
        w = re.sub(r"\s+", " ", norm.normalize(t)).replace("\u200c", "").split()
        return {hash(tuple(w[i : i + 5])) for i in range(len(w) - 4)}

    index: dict[int, set[int]] = {}
    train = [shingles(r.title + "\n" + r.text) for df in both for r in df[df.split == "train"].itertuples()]
    for i, s in enumerate(train):
        for h in s:
            index.setdefault(h, set()).add(i)
    for df in both:
        for r in df[df.split == "test"].itertuples():
            s = shingles(r.title + "\n" + r.text)
            hits: dict[int, int] = {}
            for h in s:
                for i in index.get(h, ()):
                    hits[i] = hits.get(i, 0) + 1
            for i, n in hits.items():
                assert n / max(min(len(s), len(train[i])), 1) < 0.8, r.doc_id


@pytest.mark.skipif(not RAW.exists(), reason="needs ../shared/data/raw")
def test_build_is_reproducible(tmp_path):
    out = tmp_path / "data"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_data.py"), "--raw", str(RAW), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    ours = json.loads((ROOT / "data" / "datasets.json").read_text())
    theirs = json.loads((out / "datasets.json").read_text())
    for name, e in ours.items():
        if "sha256" in e and name in theirs and "script" not in e:  # other corpora have their own build scripts
            assert theirs[name]["sha256"] == e["sha256"], name
