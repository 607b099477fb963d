"""The toolkit on Dask: the same functions over Dask DataFrames, on a laptop's cores or on a cluster.

Each function maps the in-process one over the partitions of a Dask DataFrame (``map_partitions`` with
the exact ``meta``), so it gives the same results as :func:`toolkit.normalize`,
:meth:`toolkit.topics.TopicClassifier.classify`, :func:`toolkit.keywords.extract_keywords` and
:func:`toolkit.claims.extract_claims`, only computed where the data is. Workers load the topic model and
the lexicons from disk themselves (once per process); no model travels over the network.

>>> import dask.dataframe as dd, pandas as pd
>>> texts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["توافق کردهاند", "تروریستهای داعش"]})
>>> normalize(dd.from_pandas(texts, npartitions=2)).compute().tolist()
['توافق کرده\u200cاند', 'تروریست\u200cهای داعش']

On a cluster, connect first; everything computed afterwards runs there::

    client = connect(scheduler="tcp://10.0.0.5:8786")   # or connect(workers=2) for this machine's cores
    articles = read_articles("corpus/*.parquet")
    analyze(articles).to_parquet("out/articles")
"""

from __future__ import annotations

import os

import dask.dataframe as dd
import pandas as pd

from toolkit import pipeline
from toolkit._compat import renamed_arguments


def connect(workers: int | None = None, scheduler: str | None = None):
    """A ``dask.distributed.Client``: to the scheduler at ``scheduler`` (``"tcp://host:8786"``), or to a new
    cluster of ``workers`` processes on this machine (one thread each: the toolkit's work holds the GIL).
    Close it (or use it in a ``with`` block) when done."""
    from dask.distributed import Client

    if (workers is None) == (scheduler is None):
        raise ValueError("connect() takes either workers (a local cluster) or scheduler (an address)")
    if scheduler is not None:
        try:
            return Client(scheduler, timeout="20s")
        except OSError as e:
            raise ValueError(f"no Dask scheduler answers at {scheduler} ({e})") from None
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    # the client owns this cluster: closing the client stops its workers
    return Client(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def read_articles(inputs, *, rows_per_partition: int = 1000):
    """A Dask DataFrame of the articles in Parquet/JSONL files (a glob, folder, file or list), one partition
    per shard of :func:`toolkit.pipeline.plan`; columns ``doc_id, outlet, title, text, path, row`` and any
    other columns the files carry (all files must carry the same ones)."""
    shards = pipeline.plan(inputs, rows_per_partition)
    first = next(pipeline.read_shard(shards[0], 1))
    return dd.from_map(_read, shards, meta=first.iloc[:0], enforce_metadata=False)


def _read(shard: pipeline.Shard) -> pd.DataFrame:
    return pd.concat(list(pipeline.read_shard(shard)), ignore_index=True)


@renamed_arguments(column="text_column")
def normalize(articles, text_column: str = "text", **options):
    """:func:`toolkit.normalize` of ``articles[text_column]`` (or of a Dask Series), options as for
    :class:`toolkit.Normalizer`."""
    from toolkit.normalization import normalize as normalize_series

    series = articles if isinstance(articles, dd.Series) else articles[text_column]
    return series.map_partitions(normalize_series, **options, meta=(series.name, "object"))


#: The columns of ``TopicClassifier.classify`` and their types.
_CLASSIFY_TYPES = {"topic": "str", "probability": "float64", "low_confidence": "bool"}


def classify(articles, model_path: str | os.PathLike | None = None):
    """``topic, probability, low_confidence`` of each article (title and text), as
    :meth:`toolkit.topics.TopicClassifier.classify` with the model at ``model_path`` or the default."""
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _CLASSIFY_TYPES.items()})
    path = str(model_path) if model_path else None
    return articles.map_partitions(_classify, path, meta=meta)


def _classify(part: pd.DataFrame, model_path: str | None) -> pd.DataFrame:
    frame = part[[c for c in ("title", "text") if c in part]]
    return pipeline.model(model_path).classify(frame).set_axis(part.index)


def extract_keywords(articles, k: int = 10):
    """The ``k`` best keywords of each article (of its title and text, :func:`toolkit.corpus.headed_texts`), as a
    Series of lists of terms."""
    return articles.map_partitions(_keywords, k, meta=("keywords", "object"))


def _keywords(part: pd.DataFrame, k: int) -> pd.Series:
    return pd.Series(pipeline.keyword_lists(part, k), index=part.index, name="keywords", dtype="object")


def extract_claims(articles):
    """The rows of :func:`toolkit.claims.extract_claims` for every article (``doc_id`` and ``text`` columns)."""
    from toolkit.claims import extract_claims as extract

    return articles.map_partitions(extract, meta=extract(None))


def analyze(articles, *, k: int = 10, model_path: str | os.PathLike | None = None):
    """One row per article with :data:`toolkit.pipeline.ARTICLE_COLUMNS`: what ``python -m toolkit process``
    writes to ``articles/``."""
    path = str(model_path) if model_path else None
    return articles.map_partitions(_articles, k, path, meta=pipeline.empty_articles())


def _articles(part: pd.DataFrame, k: int, model_path: str | None) -> pd.DataFrame:
    return pipeline.analyze(part, k=k, model_path=model_path)[0].set_axis(part.index)
