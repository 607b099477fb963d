"""The pipeline: analyze() agrees with the in-process functions; run() is resumable and never duplicates."""

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from toolkit import datasets, pipeline, topics
from toolkit.claims import extract_claims
from toolkit.cli import main
from toolkit.corpus import CorpusError, headed_texts
from toolkit.keywords import extract_keywords


def bundled_sample(n: int, n_news2025: int, seed: int) -> pd.DataFrame:
    """Articles of every bundled news corpus: ``n`` of ISNA and of Fars (test splits), ``n_news2025`` of the
    2025 outlets, and the seed."""
    parts = [datasets.load_isna("test").sample(n, random_state=seed)]
    parts += [datasets.load_fars("test").sample(n, random_state=seed)]
    parts += [datasets.load_topics(corpora=("news2025",)).sample(n_news2025, random_state=seed), datasets.load_seeds()]
    return pd.concat([p[["doc_id", "outlet", "title", "text"]] for p in parts], ignore_index=True)


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return bundled_sample(25, 10, seed=1)


@pytest.fixture(scope="module")
def analyzed(sample):
    return pipeline.analyze(sample)


def test_analyze_is_the_in_process_functions(sample, analyzed):
    articles, claims = analyzed
    assert list(articles.columns) == pipeline.ARTICLE_COLUMNS
    assert articles.doc_id.tolist() == sample.doc_id.tolist()
    expected = topics.load_default().classify(sample)
    assert articles.topic.tolist() == expected.topic.tolist()
    assert articles.topic_proba.tolist() == pytest.approx(expected.probability.tolist())
    heads = headed_texts(sample.title, sample.text)  # the seed's title, its first line, counts once
    outlets = sample.outlet.fillna("").tolist() if "outlet" in sample else [""] * len(sample)
    assert articles.keywords.tolist() == [
        [t for t, _ in extract_keywords(h, outlet=o or None)] for h, o in zip(heads, outlets, strict=True)
    ]
    pd.testing.assert_frame_equal(claims, extract_claims(sample))
    assert articles.n_claims.tolist() == [int((claims.doc_id == d).sum()) for d in sample.doc_id]
    seed = articles.set_index("doc_id").loc[datasets.load_seeds().doc_id[0]]
    assert seed.topic == "world" and seed.n_claims >= 5


def test_analyze_types_match_the_empty_tables(analyzed):
    articles, claims = analyzed
    assert articles.dtypes.equals(pipeline.empty_articles().dtypes)
    assert claims.dtypes.equals(extract_claims(None).dtypes)
    empty_articles, empty_claims = pipeline.analyze(pd.DataFrame({"text": []}))
    assert empty_articles.dtypes.equals(articles.dtypes) and empty_claims.dtypes.equals(claims.dtypes)


def test_analyze_copes_with_missing_and_duplicate_ids():
    df = pd.DataFrame({"doc_id": ["x", "x"], "text": [None, "شبکه المیادین گزارش داد که عراق حمله کرد."]})
    articles, claims = pipeline.analyze(df)
    assert articles.n_claims.tolist() == [0, 1] and claims.doc_id.tolist() == ["x"]
    assert articles.low_confidence[0] and articles.keywords[0] == []
    assert articles.topic[0] in topics.load_default().classes_


def write_inputs(df: pd.DataFrame, folder) -> None:
    """A corpus as a publisher would ship it: two JSONL files and a Parquet file of several row groups."""
    folder.mkdir()
    a, b = len(df) // 3, 2 * len(df) // 3
    df.iloc[:a].to_json(folder / "a.jsonl", orient="records", lines=True, force_ascii=False)
    df.iloc[a:b].to_json(folder / "b.jsonl", orient="records", lines=True, force_ascii=False)
    pq.write_table(pa.Table.from_pandas(df.iloc[b:], preserve_index=False), folder / "c.parquet", row_group_size=9)


def read_run(out) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.read_parquet(out / "articles").sort_values(["path", "row"], ignore_index=True)
    return articles, pd.read_parquet(out / "claims")


def test_run_writes_every_article_once_and_resumes(sample, analyzed, tmp_path):
    write_inputs(sample, tmp_path / "in")
    out = tmp_path / "out"
    first = pipeline.run(tmp_path / "in", out, rows_per_shard=7, progress=False)
    articles, claims = read_run(out)
    assert first["articles"] == len(sample) and first["claims"] == len(analyzed[1])
    assert sorted(articles.doc_id) == sorted(sample.doc_id)
    expected = analyzed[0].set_index("doc_id").loc[articles.doc_id]
    assert articles.topic.tolist() == expected.topic.tolist()
    assert [list(k) for k in articles.keywords] == expected.keywords.tolist()
    assert articles.n_claims.sum() == len(claims)
    key = ["doc_id", "start", "end"]
    pd.testing.assert_frame_equal(  # the same claims, with the same evidence spans in the raw text
        claims.sort_values(key, ignore_index=True), analyzed[1].sort_values(key, ignore_index=True)
    )

    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    assert pipeline.run(tmp_path / "in", out, rows_per_shard=7, progress=False) == {
        "shards": first["shards"],
        "skipped": first["shards"],
        "articles": 0,
        "claims": 0,
    }
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamps

    lost = sorted((out / "articles").glob("c-*.parquet"))[1]  # as if the run had died before this part
    n_lost = len(pd.read_parquet(lost))
    lost.unlink()
    again = pipeline.run(tmp_path / "in", out, rows_per_shard=7, progress=False)
    assert again["articles"] == n_lost
    after, after_claims = read_run(out)
    pd.testing.assert_frame_equal(after, articles, check_like=True)
    assert len(after_claims) == len(claims)


def test_an_interrupted_run_resumes_without_duplicates(sample, tmp_path, monkeypatch):
    write_inputs(sample, tmp_path / "in")
    real, calls = pipeline.analyze, []

    def dies_on_the_fourth(batch, **kw):
        calls.append(len(batch))
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(batch, **kw)

    monkeypatch.setattr(pipeline, "analyze", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(tmp_path / "in", tmp_path / "out", rows_per_shard=10, progress=False)
    monkeypatch.setattr(pipeline, "analyze", real)
    assert len(list((tmp_path / "out" / "articles").glob("*.parquet"))) == 3
    assert not list((tmp_path / "out").rglob(".*.tmp"))
    pipeline.run(tmp_path / "in", tmp_path / "out", rows_per_shard=10, progress=False)
    articles, _ = read_run(tmp_path / "out")
    assert sorted(articles.doc_id) == sorted(sample.doc_id)


def test_a_rerun_with_other_settings_or_changed_input_is_refused(sample, tmp_path):
    write_inputs(sample.head(12), tmp_path / "in")
    pipeline.run(tmp_path / "in", tmp_path / "out", rows_per_shard=5, progress=False)
    with pytest.raises(ValueError, match=r"other settings.*rows_per_shard=5"):
        pipeline.run(tmp_path / "in", tmp_path / "out", rows_per_shard=6, progress=False)
    with open(tmp_path / "in" / "a.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"text": "خبر تازه"}, ensure_ascii=False) + "\n")
    with pytest.raises(ValueError, match=r"a\.jsonl changed"):
        pipeline.run(tmp_path / "in", tmp_path / "out", rows_per_shard=5, progress=False)


def test_a_run_that_wrote_no_part_leaves_its_folder_free(sample, tmp_path, capsys):
    """A run that fails on bad input or a bad model writes only its manifest: the corrected rerun into the same
    --out goes ahead (with the fixed file, and with other settings)."""
    lines = sample.head(3)[["doc_id", "title", "text"]].to_json(orient="records", lines=True, force_ascii=False)
    corpus, out = tmp_path / "in.jsonl", str(tmp_path / "out")
    corpus.write_text(lines + '{"text": oops}\n', encoding="utf-8")
    assert main(["process", str(corpus), "--out", out]) == 2
    assert "in.jsonl:4: not valid JSON" in capsys.readouterr().err
    corpus.write_text(lines, encoding="utf-8")
    assert main(["process", str(corpus), "--out", out, "--model", str(corpus)]) == 2
    assert "not a skops model file" in capsys.readouterr().err
    assert main(["process", str(corpus), "--out", out]) == 0
    assert "wrote 3 articles" in capsys.readouterr().err


def test_an_output_folder_inside_the_input_folder_is_not_read_back(sample, tmp_path):
    write_inputs(sample.head(6), tmp_path / "corpus")
    first = pipeline.run(tmp_path / "corpus", tmp_path / "corpus" / "out", rows_per_shard=3, progress=False)
    again = pipeline.run(tmp_path / "corpus", tmp_path / "corpus" / "out", rows_per_shard=3, progress=False)
    assert first["articles"] == 6 and again == {**first, "skipped": first["shards"], "articles": 0, "claims": 0}


def test_plan_reads_jsonl_in_shards_with_line_numbers(tmp_path):
    lines = [json.dumps({"text": f"خبر {i}"}, ensure_ascii=False) for i in range(7)]
    (tmp_path / "n.jsonl").write_text("\ufeff" + "\n\n".join(lines) + "\n", encoding="utf-8")
    shards = pipeline.plan(tmp_path / "n.jsonl", 3)
    assert [(s.first_row, s.rows, s.first_line) for s in shards] == [(0, 3, 1), (3, 3, 6), (6, 1, 12)]
    batches = [b for s in shards for b in pipeline.read_shard(s)]
    assert [t for b in batches for t in b.text] == [f"خبر {i}" for i in range(7)]
    assert [d for b in batches for d in b.doc_id] == [f"n/{i}" for i in range(7)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", b'{"text": "\xd8\xae\xd8\xa8\xd8\xb1"}\n{"text": oops}\n', r"bad.jsonl:2: not valid JSON"),
        ("cp.jsonl", '{"text": "خبر"}\n'.encode("cp1256"), r"cp.jsonl:1: not UTF-8"),
        ("list.jsonl", b"[1, 2]\n", r"list.jsonl:1: each line must be a JSON object"),
        ("notext.jsonl", b'{"body": "x"}\n', r"notext.jsonl: no 'text' column"),
        ("broken.parquet", b"PAR1 not really", r"broken.parquet: not a readable Parquet file"),
        ("notes.txt", "خبر".encode(), r"no .parquet or .jsonl files found \(convert other formats"),
        ("empty.jsonl", b"\n\n", r"empty.jsonl: no articles \(every file is empty\)"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, capsys, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        pipeline.run(tmp_path / name, tmp_path / "out", progress=False)
    assert main(["process", str(tmp_path / name), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err  # the progress bar, then one line
    assert err.splitlines()[-1].startswith(f"toolkit process: {tmp_path / name}") and "Traceback" not in err


def test_cli_process(sample, tmp_path, capsys):
    write_inputs(sample.head(9), tmp_path / "in")
    assert main(["process", str(tmp_path / "in" / "*.jsonl"), "--out", str(tmp_path / "o"), "-k", "3"]) == 0
    assert "wrote 6 articles" in capsys.readouterr().err
    articles, _ = read_run(tmp_path / "o")
    assert len(articles) == 6 and articles.keywords.map(len).max() <= 3
    assert main(["process", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "-k", "0"]) == 2
    assert main(["process", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--model", "nope.skops"]) == 2
    assert "nope.skops: no such model file" in capsys.readouterr().err
