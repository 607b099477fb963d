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
    """A Dask client: to a running scheduler, or to a new cluster of processes on this machine.

    Close it (or use it in a ``with`` block) when done; everything computed meanwhile runs there.

    Parameters
    ----------
    workers : int, optional
        Start a cluster of this many processes here (one thread each: the toolkit's work holds the GIL).
    scheduler : str, optional
        The address of a running scheduler, ``"tcp://host:8786"``. Give exactly one of the two.

    Returns
    -------
    dask.distributed.Client

    Examples
    --------
    >>> connect()
    Traceback (most recent call last):
    ...
    ValueError: connect() takes either workers (a local cluster) or scheduler (an address)
    """
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
    """A Dask DataFrame of the articles in Parquet and JSONL files, one partition per shard.

    Parameters
    ----------
    inputs : str, path or list
        A glob, folder or file, or a list of them.
    rows_per_partition : int, default 1000
        Rows of a JSONL shard (:func:`toolkit.pipeline.plan`); a Parquet row group is one partition.

    Returns
    -------
    dask.dataframe.DataFrame
        Columns ``doc_id, outlet, title, text, path, row`` and any other columns the files carry (all files
        must carry the same ones).

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text(json.dumps({"text": "خبر اول"}) + "\\n" + json.dumps({"text": "خبر دوم"}))
    >>> read_articles(d, rows_per_partition=1).compute().text.tolist()
    ['خبر اول', 'خبر دوم']
    """
    shards = pipeline.plan(inputs, rows_per_partition)
    first = next(pipeline.read_shard(shards[0], 1))
    return dd.from_map(_read, shards, meta=first.iloc[:0], enforce_metadata=False)


def _read(shard: pipeline.Shard) -> pd.DataFrame:
    return pd.concat(list(pipeline.read_shard(shard)), ignore_index=True)


@renamed_arguments(column="text_column")
def normalize(articles, text_column: str = "text", **options):
    """:func:`toolkit.normalize` of a column of a Dask DataFrame (or of a Dask Series).

    Parameters
    ----------
    articles : dask.dataframe.DataFrame or dask.dataframe.Series
        The articles, or their texts.
    text_column : str, default "text"
        The column of texts (``column=`` is its deprecated name).
    **options
        As for :class:`toolkit.Normalizer`.

    Returns
    -------
    dask.dataframe.Series
        The normalized texts (missing values stay missing).

    Examples
    --------
    >>> docs = dd.from_pandas(pd.DataFrame({"body": ["علي گفت"]}), npartitions=1)
    >>> normalize(docs, text_column="body", digits="latin").compute().tolist()
    ['علی گفت']
    """
    from toolkit.normalization import normalize as normalize_series

    series = articles if isinstance(articles, dd.Series) else articles[text_column]
    return series.map_partitions(normalize_series, **options, meta=(series.name, "object"))


#: The columns of ``TopicClassifier.classify`` and their types.
_CLASSIFY_TYPES = {"topic": "str", "probability": "float64", "low_confidence": "bool"}


def classify(articles, model_path: str | os.PathLike | None = None):
    """The topic of each article (its title and text), as :meth:`toolkit.topics.TopicClassifier.classify`.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        With a ``text`` column, and optionally ``title``.
    model_path : str or path, optional
        A model saved by ``train-topics``; the default model if ``None``. Each worker loads it from disk.

    Returns
    -------
    dask.dataframe.DataFrame
        ``topic, probability, low_confidence``, with the index of ``articles``.

    Examples
    --------
    >>> docs = dd.from_pandas(pd.DataFrame({"title": ["فوتبال"], "text": ["استقلال در بازی سه گل زد"]}), 1)
    >>> classify(docs).compute().topic.tolist()
    ['sport']
    """
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _CLASSIFY_TYPES.items()})
    path = str(model_path) if model_path else None
    return articles.map_partitions(_classify, path, meta=meta)


def _classify(part: pd.DataFrame, model_path: str | None) -> pd.DataFrame:
    frame = part[[c for c in ("title", "text") if c in part]]
    return pipeline.model(model_path).classify(frame).set_axis(part.index)


def extract_keywords(articles, k: int = 10):
    """The ``k`` best keywords of each article, from its title and text (:func:`toolkit.corpus.headed_texts`).

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        With a ``text`` column, and optionally ``title`` and ``outlet`` (the publishing outlet, whose names
        are never keywords).
    k : int, default 10
        How many keywords per article.

    Returns
    -------
    dask.dataframe.Series
        ``keywords``: a list of terms per article, best first.

    Examples
    --------
    >>> docs = dd.from_pandas(pd.DataFrame({"title": ["داعش"], "text": ["بمباران مواضع داعش در سوریه"]}), 1)
    >>> extract_keywords(docs, k=2).compute().tolist()
    [['داعش', 'سوریه']]
    """
    return articles.map_partitions(_keywords, k, meta=("keywords", "object"))


def _keywords(part: pd.DataFrame, k: int) -> pd.Series:
    return pd.Series(pipeline.keyword_lists(part, k), index=part.index, name="keywords", dtype="object")


def extract_claims(articles):
    """The attributed claims of every article, as :func:`toolkit.claims.extract_claims`.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        With ``doc_id`` and ``text`` columns.

    Returns
    -------
    dask.dataframe.DataFrame
        The columns of :data:`toolkit.claims.COLUMNS`, one row per claim.

    Examples
    --------
    >>> text = "شبکه المیادین گزارش داد که عراق و سوریه توافق کرده‌اند."
    >>> docs = dd.from_pandas(pd.DataFrame({"doc_id": ["a"], "text": [text]}), npartitions=1)
    >>> extract_claims(docs).compute()[["doc_id", "outlet"]].values.tolist()
    [['a', 'Al Mayadeen']]
    """
    from toolkit.claims import extract_claims as extract

    return articles.map_partitions(extract, meta=extract(None))


def analyze(articles, *, k: int = 10, model_path: str | os.PathLike | None = None):
    """Topic, keywords and number of claims of each article: what ``python -m toolkit process`` writes.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        With a ``text`` column, and optionally ``doc_id, outlet, title, path, row``.
    k : int, default 10
        Keywords per article.
    model_path : str or path, optional
        A topic model saved by ``train-topics``; the default model if ``None``.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per article with :data:`toolkit.pipeline.ARTICLE_COLUMNS`.

    Examples
    --------
    >>> docs = dd.from_pandas(pd.DataFrame({"doc_id": ["a"], "text": ["استقلال در بازی سه گل زد"]}), 1)
    >>> analyze(docs, k=1).compute()[["doc_id", "keywords", "n_claims"]].values.tolist()
    [['a', ['استقلال'], 0]]
    """
    path = str(model_path) if model_path else None
    return articles.map_partitions(_articles, k, path, meta=pipeline.empty_articles())


def _articles(part: pd.DataFrame, k: int, model_path: str | None) -> pd.DataFrame:
    return pipeline.analyze(part, k=k, model_path=model_path)[0].set_axis(part.index)
