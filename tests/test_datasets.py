import functools
import hashlib
import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from toolkit import datasets
from toolkit.datasets import _build, _store
from toolkit.normalization import Normalizer

ROOT = Path(__file__).resolve().parents[1]
LOADERS = ["isna", "fars", "farstail", "hamshahri"]


@pytest.mark.parametrize("name", LOADERS)
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


# The splits as they were when the corpora were Parquet files in the repository (before 2026-12): the number of
# doc ids and the sha256 of their sorted list, per split, and a digest of every doc_id, title and text.
BEFORE = {
    "isna": ((5949, "8721125277f4f37b"), (1504, "eb7122911191e54c"), "1038376136decef7"),
    "fars": ((1193, "ce47e50929b412fb"), (297, "800c9f044281fe17"), "819f9df64015c633"),
    "farstail": ((8777, "0fdee7c4b40fd9f1"), (1564, "9a742990bdb6f43d"), "0247573d539aeee7"),
    "news2025": ((0, "e3b0c44298fc1c14"), (80, "024317a2393202e5"), "f7eca3343e274ed2"),
    "farexstance": ((20443, "75f16550c5b13160"), (2721, "87e64781323d85e6"), "d78dffb40bda3027"),
}


def _digest(df: pd.DataFrame):
    out = []
    for split in ("train", "test"):
        ids = sorted(df.doc_id[df.split == split])
        out.append((len(ids), hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]))
    rows = df.sort_values("doc_id")
    text = "\x1e".join(rows.doc_id + "\x1f" + rows.title + "\x1f" + rows.text)
    return (*out, hashlib.sha256(text.encode()).hexdigest()[:16])


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_the_split_and_the_texts_are_the_ones_of_the_committed_files(name):
    assert _digest(getattr(datasets, f"load_{name}")()) == BEFORE[name]


def test_counts_and_labels():
    assert len(datasets.load_isna()) == 7453
    assert datasets.load_isna().category.value_counts().min() > 1400
    fars = datasets.load_fars()
    assert fars.tags.map(len).gt(0).sum() > 600
    assert fars.date.str.match(r"^1[34]\d\d-\d\d-\d\d$").all()
    assert set(datasets.load_farstail().label) == {"e", "c", "n"}
    ham = datasets.load_hamshahri()
    assert 2000 < len(ham) <= 2203 and ham.section.str.contains(" > ").all()
    assert set(datasets.load_farexstance(task="article").stance) == {"agree", "disagree", "discuss", "unrelated"}


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="split must be"):
        datasets.load_isna("dev")
    with pytest.raises(ValueError, match="task must be"):
        datasets.load_farexstance(task="tweet")
    with pytest.raises(ValueError, match="unknown corpus 'isnaa'"):
        datasets.fetch("isnaa")


def test_seed_is_byte_for_byte_and_loads():
    seeds = datasets.load_seeds()
    assert len(seeds) == 1 and seeds.encoding[0] == "utf-8"
    assert seeds.title[0] == "همکاری عراق و سوریه در یک موضوع خاص و مهم"
    shared = ROOT.parent / "shared" / "seeds" / "000_1b4b289264b09812.txt"
    if shared.exists():
        assert (ROOT / "seeds" / shared.name).read_bytes() == shared.read_bytes()


def test_describe_says_where_each_corpus_is():
    d = datasets.describe()
    assert d.name.tolist() == list(_store.CORPORA)
    assert set(d["where"]) <= {"mirror", "cache", "missing"}
    assert (d.files > 0).all() and d.commit.str.fullmatch(r"[0-9a-f]{40}").all()


@pytest.mark.slow
def test_no_near_duplicates_across_the_split():
    """Word 5-gram containment between any train and any test article stays below the build's threshold."""
    norm = Normalizer(restore_zwnj=False)
    both = [datasets.load_isna(), datasets.load_fars(), datasets.load_hamshahri()]

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


# --- the cache -------------------------------------------------------------------------------------------


@pytest.fixture
def mirror():
    found = [m for m in _store.mirrors() if (m / _store.CORPORA["news2025"].mirror).is_dir()]
    if not found:
        pytest.skip("needs a mirror of the upstream files (TOOLKIT_RAW or ../shared/data/raw)")
    return found[0]


def test_a_cached_table_is_rebuilt_when_it_or_its_inputs_change(mirror, tmp_path, monkeypatch):
    home = tmp_path / "home"
    first = _store.table("farstail", home, progress=False)
    manifest = json.loads((home / "farstail.json").read_text())
    assert manifest["counts"] == {"rows": len(first), "train": 8777, "test": 1564}
    stamp = (home / "farstail.parquet").stat().st_mtime_ns
    _store.table("farstail", home)  # reused
    assert (home / "farstail.parquet").stat().st_mtime_ns == stamp
    (home / "farstail.parquet").write_bytes(b"PAR1 truncated")  # a damaged table is not trusted
    pd.testing.assert_frame_equal(_store.table("farstail", home), first)
    monkeypatch.setattr(_build, "VERSION", _build.VERSION + 1)  # a new builder: the old table is stale
    assert _store.counts("farstail", home) is None
    pd.testing.assert_frame_equal(_store.table("farstail", home), first)
    assert _store.counts("farstail", home)["rows"] == len(first)


def test_a_mirror_file_that_is_not_the_upstream_file_is_refused(mirror, tmp_path, monkeypatch):
    folder = tmp_path / "raw" / _store.CORPORA["news2025"].mirror
    folder.mkdir(parents=True)
    for p in _store.files("news2025"):
        (folder / p).write_bytes((mirror / _store.CORPORA["news2025"].mirror / p).read_bytes())
    (folder / p).write_bytes(b"news_id,category\n")
    monkeypatch.setenv("TOOLKIT_RAW", str(tmp_path / "raw"))
    with pytest.raises(datasets.DataError, match=r"not the file of farzadjannati/.* restore the mirror"):
        _store._read("news2025", tmp_path / "home", False)


# --- downloads, against a server on 127.0.0.1 --------------------------------------------------------------

FIXTURE = {"a/one.txt": b"first file\n", "two.json": b'{"x": 1}\n'}


@pytest.fixture
def server(tmp_path):
    """A web server on 127.0.0.1 serving tmp_path/site; yields (site folder, base URL)."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fixture_corpus(monkeypatch, tmp_path):
    """A corpus 'fixture' of two small files, with no mirror anywhere."""
    corpus = _store.Corpus("fixture", "t", "owner/repo", "0" * 40, "data", "fixture-mirror", "l", "c", "cols")
    monkeypatch.setitem(_store.CORPORA, "fixture", corpus)
    real = _store.files
    sums = {p: hashlib.sha256(b).hexdigest() for p, b in FIXTURE.items()}
    monkeypatch.setattr(_store, "files", lambda name: sums if name == "fixture" else real(name))
    monkeypatch.setattr(_store, "mirrors", lambda: [])
    return corpus


def _publish(site: Path, files: dict[str, bytes]) -> None:
    for p, b in files.items():
        path = site / "owner/repo" / ("0" * 40) / "data" / p
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b)


def test_download_checks_every_file(server, fixture_corpus, tmp_path, monkeypatch):
    site, url = server
    _publish(site, FIXTURE)
    monkeypatch.setenv("TOOLKIT_URL", url)
    home = tmp_path / "home"
    folder = _store.fetch("fixture", home, progress=False)
    assert folder == home / "raw" / "fixture-mirror"
    assert {p: (folder / p).read_bytes() for p in FIXTURE} == FIXTURE
    assert _store.locate("fixture", home) == folder  # found in the cache from now on


def test_a_corrupt_download_is_deleted_and_reported(server, fixture_corpus, tmp_path, monkeypatch):
    site, url = server
    _publish(site, {**FIXTURE, "two.json": b'{"x": 2}\n'})
    monkeypatch.setenv("TOOLKIT_URL", url)
    home = tmp_path / "home"
    home.mkdir()
    with pytest.raises(datasets.DataError, match=r"two\.json failed: checksum mismatch"):
        _store.fetch("fixture", home, progress=False)
    assert not (home / "raw" / "fixture-mirror" / "two.json").exists()
    assert not list(home.rglob("*.json"))  # nothing half-downloaded left


def test_no_mirror_and_no_network_is_one_clear_error_and_writes_nothing(fixture_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_URL", "http://127.0.0.1:9/")  # the discard port: nothing listens there
    home = tmp_path / "home"
    with pytest.raises(datasets.DataError) as e:
        _store.fetch("fixture", home, progress=False)
    message = str(e.value)
    assert "\n" not in message and "no connection" in message
    assert "TOOLKIT_RAW" in message and "python -m toolkit datasets fetch fixture" in message
    assert not home.exists()


def test_cli_datasets_lists_and_refuses_unknown_names():
    r = subprocess.run([sys.executable, "-m", "toolkit", "datasets"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert re.search(r"^\s*isna\s+(mirror|cache)\s+7453", r.stdout, re.M)
    r = subprocess.run([sys.executable, "-m", "toolkit", "datasets", "fetch", "isnaa"], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "unknown corpus 'isnaa'" in r.stderr


# --- our labels ----------------------------------------------------------------------------------------------


def test_claims_gold_is_resolved_from_the_corpora():
    gold = datasets.load_claims_gold()
    assert len(gold) == 360 and set(gold.split) == {"dev", "test", "test2", "test3"}
    first = gold.iloc[0]
    text = datasets.load_isna().set_index("doc_id").text[first.doc_id]
    assert first.text == text[first.start : first.end]
    for c in first.claims:
        assert c["content"] == text[c["content_start"] : c["content_end"]] and c["content"] in first.text


# The sha256 of round 1's lines of labels/attribution.jsonl as they were committed: a later round appends, it
# never rewrites what earlier rounds measured. Changed once on purpose, by a correction of one dev passage's
# source (a0212: Al-Watan -> Al-Watan (Bahrain), the outlet its text names; see benchmarks/README.md).
ROUND1 = (440, "3492f355c0caee52")


def test_attribution_set_rounds_are_apart_and_round_1_is_unchanged():
    lines = (ROOT / "toolkit" / "resources" / "labels" / "attribution.jsonl").read_text("utf-8").splitlines(True)
    first = [x for x in lines if x.startswith('{"id": "a')]
    assert (len(first), hashlib.sha256("".join(first).encode()).hexdigest()[:16]) == ROUND1
    gold = datasets.load_attribution()
    assert gold.columns[:3].tolist() == ["id", "split", "round"] and gold.id.is_unique
    assert gold.groupby("round").size().to_dict() == {1: 440, 2: 217}
    assert (gold.id.str[0].map({"a": 1, "b": 2}) == gold["round"]).all()
    assert not set(gold.doc_id[gold["round"] == 1]) & set(gold.doc_id[gold["round"] == 2])
    assert not set(gold.doc_id) & set(datasets.load_claims_gold().doc_id)
    second = datasets.load_attribution("test", round=2)
    assert len(second) == 101 and set(second["round"]) == {2} and set(second.split) == {"test"}
    for row in gold[gold["round"] == 2].itertuples():
        for c in row.claims:
            assert c["content"] in row.text and c["cue"] in row.text
            assert c["speaker"] is None or c["speaker"] in row.text
    with pytest.raises(ValueError, match="round must be one of"):
        datasets.load_attribution(round=3)


def test_a_label_whose_passage_changed_is_refused(monkeypatch):
    real = datasets.load_isna

    def edited(**kw):
        df = real(**kw)
        df["text"] = "x" + df["text"]
        return df

    monkeypatch.setitem(datasets._LOADERS, "isna", edited)
    with pytest.raises(datasets.DataError, match=r"claims_gold.jsonl, passage 0: isna/\S+ is not the labelled text"):
        datasets.load_claims_gold("dev")


def test_no_corpus_text_in_the_repository():
    """Sentences drawn from each corpus are not in any committed file (short test strings are fine)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    blob = "\n".join(
        (ROOT / p).read_text(encoding="utf-8", errors="ignore")
        for p in tracked.stdout.splitlines()
        if (ROOT / p).is_file() and not p.endswith((".gz", ".skops", ".lock"))
    )
    for name in ("isna", "fars", "farexstance", "news2025", "hamshahri"):
        df = getattr(datasets, f"load_{name}")()
        sentences = [s.strip() for t in df.text.sample(40, random_state=0) for s in re.split(r"[.\n!؟]", t)]
        for s in [s for s in sentences if len(s) > 60][:60]:
            assert s not in blob, (name, s)
