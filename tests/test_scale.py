"""toolkit.scale on a real dask.distributed cluster (two local worker processes): the same results as in process."""

import dask.dataframe as dd
import pandas as pd
import pytest

from toolkit import normalize, pipeline, scale, topics
from toolkit.claims import extract_claims
from toolkit.cli import main
from toolkit.keywords import extract_keywords

from .test_pipeline import bundled_sample, read_run, write_inputs

pytestmark = pytest.mark.slow  # local Dask clusters


@pytest.fixture(scope="module")
def client():
    with scale.connect(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return bundled_sample(20, 8, seed=2)


def test_functions_agree_with_in_process(client, articles):
    ddf = dd.from_pandas(articles, npartitions=4)
    assert scale.normalize(ddf).compute().tolist() == normalize(articles.text).tolist()

    got = scale.classify(ddf).compute()
    assert scale.classify(ddf).dtypes.to_dict() == got.dtypes.to_dict()  # the meta is what workers return
    expected = topics.load_default().classify(articles)
    assert got.topic.tolist() == expected.topic.tolist()
    assert got.probability.tolist() == pytest.approx(expected.probability.tolist())

    heads = (articles.title + "\n" + articles.text).str.strip()
    expected_keywords = [[t for t, _ in extract_keywords(h, 5)] for h in heads]
    assert scale.extract_keywords(ddf, k=5).compute().tolist() == expected_keywords

    claims = scale.extract_claims(ddf).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(claims, extract_claims(articles))

    assert scale.analyze(ddf).dtypes.to_dict() == pipeline.empty_articles().dtypes.to_dict()
    table = scale.analyze(ddf).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(table, pipeline.analyze(articles)[0])


def test_read_articles_matches_the_files(client, articles, tmp_path):
    write_inputs(articles, tmp_path / "in")
    ddf = scale.read_articles(tmp_path / "in", rows_per_partition=7)
    got = ddf.compute()
    assert ddf.npartitions == len(pipeline.plan(tmp_path / "in", 7))
    assert sorted(got.doc_id) == sorted(articles.doc_id)
    assert got.set_index("doc_id").text.loc[articles.doc_id].tolist() == articles.text.tolist()


def test_process_on_the_cluster_matches_in_process(client, articles, tmp_path):
    write_inputs(articles, tmp_path / "in")
    here = pipeline.run(tmp_path / "in", tmp_path / "here", rows_per_shard=6, progress=False)
    there = pipeline.run(tmp_path / "in", tmp_path / "there", rows_per_shard=6, client=client, progress=False)
    assert here == there
    for a, b in zip(read_run(tmp_path / "here"), read_run(tmp_path / "there"), strict=True):
        key = list(a.columns[:3])
        pd.testing.assert_frame_equal(a.sort_values(key, ignore_index=True), b.sort_values(key, ignore_index=True))
    rerun = pipeline.run(tmp_path / "in", tmp_path / "there", rows_per_shard=6, client=client, progress=False)
    assert rerun["skipped"] == rerun["shards"] and rerun["articles"] == 0


def test_process_command_by_scheduler_address(client, articles, tmp_path, capsys):
    """What a user of a real cluster runs: the command connects to a scheduler it did not start."""
    write_inputs(articles.head(12), tmp_path / "in")
    address = client.scheduler.address
    assert main(["process", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--scheduler", address]) == 0
    assert "wrote 12 articles" in capsys.readouterr().err
    assert client.scheduler_info()["workers"]  # the cluster outlives the command's own client
    assert sorted(read_run(tmp_path / "o")[0].doc_id) == sorted(articles.head(12).doc_id)


def test_connect_needs_exactly_one_place():
    with pytest.raises(ValueError, match="either workers"):
        scale.connect()
    with pytest.raises(ValueError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9"):
        scale.connect(scheduler="tcp://127.0.0.1:9")
