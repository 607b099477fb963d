"""The whole analysis of a corpus of any size: normalization → topic → keywords → claims, shard by shard.

:func:`analyze` runs the chain on a DataFrame of articles in memory; :func:`run` does the same for Parquet
and JSONL files too big to load, resumably, in this process or on a Dask cluster, and is what
``python -m toolkit process`` calls.

>>> analyze(pd.DataFrame({"text": ["شبکه المیادین گزارش داد که عراق و سوریه توافق کرده‌اند."]}))[1].outlet.tolist()
['Al Mayadeen']
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._version import __version__
from toolkit.claims import extract_claims
from toolkit.corpus import CorpusError, as_articles, find_files, headed_texts, json_rows, parquet_errors
from toolkit.keywords import extract_keywords

#: The article table: ``topic_proba`` is the probability of ``topic``; ``low_confidence`` flags a guess
#: (see :meth:`toolkit.topics.TopicClassifier.classify`); ``keywords`` lists the ``k`` best keywords;
#: ``path`` and ``row`` (the article's position in its file, from 0; for a frame not read from a file, its
#: integer index) say where the raw text is.
ARTICLE_COLUMNS = ["doc_id", "outlet", "title", "topic", "topic_proba", "low_confidence", "keywords", "n_claims"]
ARTICLE_COLUMNS += ["path", "row"]
_ARTICLE_TYPES = {c: "str" for c in ARTICLE_COLUMNS} | {"topic_proba": "float64", "low_confidence": "bool"}
_ARTICLE_TYPES |= {"keywords": "object", "n_claims": "int64", "row": "int64"}
SUFFIXES = (".parquet", ".jsonl")


@functools.cache
def model(path: str | None = None):
    """The topic model at ``path``, or the default one, loaded once per process.

    So each Dask worker loads it from disk instead of receiving it over the network.

    Parameters
    ----------
    path : str, optional
        A skops file saved by ``train-topics``; the default model if ``None``.

    Returns
    -------
    toolkit.topics.TopicClassifier

    Examples
    --------
    >>> model() is model(None)
    True
    """
    from toolkit import topics

    return topics.TopicClassifier.load(path) if path else topics.load_default()


def analyze(articles: pd.DataFrame, *, k: int = 10, model_path: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Topic, keywords and claims of each article of a DataFrame.

    Each step is the in-process function: ``TopicClassifier.classify`` on title and text,
    ``extract_keywords`` on title and text (:func:`toolkit.corpus.headed_texts`), ``extract_claims(text)``.

    Parameters
    ----------
    articles : pandas.DataFrame
        Column ``text``, and optionally ``doc_id``, ``outlet``, ``title``, ``path``, ``row``.
    k : int, default 10
        Keywords per article.
    model_path : str, optional
        A topic model saved by ``train-topics``; the default model if ``None``.

    Returns
    -------
    articles : pandas.DataFrame
        One row per article with :data:`ARTICLE_COLUMNS`: its topic and probability, its keywords, how many
        claims it attributes.
    claims : pandas.DataFrame
        The rows of :func:`toolkit.claims.extract_claims` for all of them, with the evidence span in the raw
        text (the same column types with or without rows).

    Examples
    --------
    >>> arts, found = analyze(pd.DataFrame({"doc_id": ["s1"], "title": ["فوتبال"],
    ...     "text": ["تیم ملی فوتبال ایران در ورزشگاه آزادی مقابل عراق بازی کرد و با دو گل برنده شد."]}))
    >>> arts[["doc_id", "topic", "n_claims"]].values.tolist()
    [['s1', 'sport', 0]]
    """
    if "text" not in articles:
        raise ValueError("analyze: the frame has no 'text' column")
    n = len(articles)
    rows = articles["row"].to_numpy() if "row" in articles else _positions(articles.index)
    doc_id = _strings(articles, "doc_id") if "doc_id" in articles else pd.Series(rows.astype(str))
    frame = pd.DataFrame({column: _strings(articles, column) for column in ("title", "text", "outlet")})
    topics = model(model_path).classify(frame)
    keywords = keyword_lists(frame, k)
    # doc_id by position, so that duplicate ids in the input cannot mix up the counts
    claims = extract_claims(pd.Series(frame["text"].to_numpy(), index=[str(i) for i in range(n)]))
    position = claims["doc_id"].astype(int).to_numpy()
    claims["doc_id"] = doc_id.to_numpy()[position] if len(claims) else claims["doc_id"]
    out = pd.DataFrame(
        {
            "doc_id": doc_id.to_numpy(),
            "outlet": _strings(articles, "outlet").to_numpy(),
            "title": frame["title"].to_numpy(),
            "topic": topics["topic"].to_numpy(),
            "topic_proba": topics["probability"].to_numpy(),
            "low_confidence": topics["low_confidence"].to_numpy(),
            "keywords": keywords,
            "n_claims": np.bincount(position, minlength=n),
            "path": articles["path"].astype(str).to_numpy() if "path" in articles else "",
            "row": rows,
        }
    )
    return out.astype(_ARTICLE_TYPES), claims.reset_index(drop=True)


def _positions(index: pd.Index) -> np.ndarray:
    """Rows of a frame that did not come from a file: its integer index (so the partitions of a Dask DataFrame
    keep their global positions), else 0, 1, 2 …"""
    return index.to_numpy() if pd.api.types.is_integer_dtype(index) else np.arange(len(index))


def keyword_lists(articles: pd.DataFrame, k: int = 10) -> list[list[str]]:
    """The ``k`` best keywords of each article, from its title and text.

    The title goes first (:func:`toolkit.corpus.headed_texts`): it is the head the keyword ranker looks for.
    The ``outlet`` column, when there is one, is the publishing outlet, whose names are never keywords.

    Parameters
    ----------
    articles : pandas.DataFrame
        Columns ``text`` and optionally ``title`` and ``outlet``.
    k : int, default 10

    Returns
    -------
    list of list of str

    Examples
    --------
    >>> keyword_lists(pd.DataFrame({"title": ["داعش"], "text": ["بمباران مواضع داعش در سوریه"]}), k=2)
    [['داعش', 'سوریه']]
    """
    heads = headed_texts(_strings(articles, "title"), _strings(articles, "text"))
    outlets = _strings(articles, "outlet")
    return [[term for term, _ in extract_keywords(h, k, outlet=o or None)] for h, o in zip(heads, outlets, strict=True)]


def _strings(articles: pd.DataFrame, column: str) -> pd.Series:
    """A column as str, missing values (or a missing column) as "", with a plain 0, 1, 2 … index."""
    if column not in articles:
        return pd.Series([""] * len(articles), dtype=object)
    values = articles[column].reset_index(drop=True)
    return values.astype(object).where(values.notna(), "").astype(str)


def empty_articles() -> pd.DataFrame:
    """An article table with no rows and the column types :func:`analyze` returns (a Dask ``meta``).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> empty_articles().dtypes[["topic_proba", "n_claims"]].astype(str).tolist()
    ['float64', 'int64']
    """
    return pd.DataFrame({c: pd.Series(dtype=_ARTICLE_TYPES[c]) for c in ARTICLE_COLUMNS})


@dataclass(frozen=True)
class Shard:
    """A piece of one input file read in one go (made by :func:`plan`).

    Parameters
    ----------
    path : str
        The file.
    first_row : int
        The position of its first article in the file, from 0.
    rows : int
        How many articles.
    byte_start, byte_end : int, default 0
        For a JSONL file: where its lines are.
    first_line : int, default 1
        For a JSONL file: the number of its first line.
    row_group : int, default -1
        For a Parquet file: the row group; -1 for a JSONL file.

    Examples
    --------
    >>> Shard("اخبار.jsonl", first_row=0, rows=3, byte_end=120).parts(2)
    ['اخبار-0bca2a8a7e-0000000000', 'اخبار-0bca2a8a7e-0000000002']
    """

    path: str
    first_row: int
    rows: int
    byte_start: int = 0
    byte_end: int = 0
    first_line: int = 1
    row_group: int = -1

    def parts(self, rows_per_shard: int) -> list[str]:
        """Names of the output parts this shard writes, one per batch of ``rows_per_shard`` rows.

        Parameters
        ----------
        rows_per_shard : int

        Returns
        -------
        list of str
            ``STEM-HASH-FIRSTROW``: the file's stem, a hash of its path, the batch's first row.
        """
        key = f"{Path(self.path).stem}-{hashlib.sha1(self.path.encode()).hexdigest()[:10]}"
        starts = range(self.first_row, self.first_row + self.rows, rows_per_shard)
        return [f"{key}-{start:010d}" for start in starts]


def files(inputs: str | os.PathLike | list) -> list[Path]:
    """The ``.parquet`` and ``.jsonl`` files a glob, a folder or a file (or a list of them) names.

    Parameters
    ----------
    inputs : str, path or list

    Returns
    -------
    list of pathlib.Path
        Resolved and sorted.

    Raises
    ------
    toolkit.corpus.CorpusError
        When there are none.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "اخبار.jsonl").write_text("{}", encoding="utf-8")
    >>> [f.name for f in files([d, d / "*.jsonl"])]
    ['اخبار.jsonl']
    """
    if isinstance(inputs, list | tuple):
        return sorted({f for i in inputs for f in files(i)})
    other = Path(inputs).is_file() and Path(inputs).suffix.lower() not in SUFFIXES
    hint = " (convert other formats with toolkit.load_corpus(...).to_parquet(...))" if other else ""
    return sorted(f.resolve() for f in find_files(inputs, SUFFIXES, hint))


def plan(inputs, rows_per_shard: int = 1000, *, exclude: str | os.PathLike | None = None) -> list[Shard]:
    """The shards of the input files, in order, reading only Parquet metadata and scanning JSONL line ends.

    Parameters
    ----------
    inputs : str, path or list
        As for :func:`files`.
    rows_per_shard : int, default 1000
        Lines of a JSONL shard; a Parquet row group is one shard.
    exclude : str or path, optional
        A folder whose files are left out (a run's own output, when it lies inside the input folder).

    Returns
    -------
    list of Shard

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text("\\n".join(json.dumps({"text": t}) for t in "الف ب پ".split()))
    >>> [(s.first_row, s.rows) for s in plan(d, rows_per_shard=2)]
    [(0, 2), (2, 1)]
    """
    if rows_per_shard < 1:
        raise ValueError(f"rows_per_shard must be at least 1, not {rows_per_shard}")
    skip = Path(exclude).resolve() if exclude else None
    inputs = [f for f in files(inputs) if skip is None or not f.is_relative_to(skip)]
    if not inputs:
        raise CorpusError(f"no input files outside the output folder {exclude}")
    shards: list[Shard] = []
    for f in inputs:
        shards += _parquet_shards(f) if f.suffix.lower() == ".parquet" else _jsonl_shards(f, rows_per_shard)
    if not shards:
        raise CorpusError(f"{', '.join(map(str, inputs))}: no articles (every file is empty)")
    return shards


def _parquet_shards(path: Path) -> list[Shard]:
    import pyarrow.parquet as pq

    with parquet_errors(path):
        meta = pq.ParquetFile(path).metadata
    shards, first = [], 0
    for g in range(meta.num_row_groups):
        rows = meta.row_group(g).num_rows
        if rows:
            shards.append(Shard(str(path), first, rows, row_group=g))
        first += rows
    return shards


def _jsonl_shards(path: Path, rows_per_shard: int) -> list[Shard]:
    shards, rows, offset, start, start_line, first_row = [], 0, 0, 0, 1, 0
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            offset += len(line)
            if line.strip():
                rows += 1
            if rows == rows_per_shard:
                shards.append(Shard(str(path), first_row, rows, start, offset, start_line))
                first_row, rows, start, start_line = first_row + rows, 0, offset, n + 1
    if rows:
        shards.append(Shard(str(path), first_row, rows, start, offset, start_line))
    return shards


def read_shard(shard: Shard, rows_per_shard: int | None = None) -> Iterator[pd.DataFrame]:
    """The articles of a shard, in batches.

    Parameters
    ----------
    shard : Shard
    rows_per_shard : int, optional
        Rows per batch of a Parquet shard; all at once if ``None`` (a JSONL shard is always one batch).

    Yields
    ------
    pandas.DataFrame
        The core columns of :func:`toolkit.corpus.as_articles`, and ``row``.

    Raises
    ------
    toolkit.corpus.CorpusError
        Naming the file and line (JSONL) or row group, for bad content.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text("\\n".join(json.dumps({"text": t}) for t in "الف ب پ".split()))
    >>> [batch.text.tolist() for batch in read_shard(plan(d, rows_per_shard=2)[1])]
    [['پ']]
    """
    if shard.row_group >= 0:
        yield from _parquet_batches(shard, rows_per_shard or shard.rows)
    else:
        yield _jsonl_batch(shard)


def _with_rows(df: pd.DataFrame, shard: Shard, first_row: int) -> pd.DataFrame:
    df = as_articles(df, shard.path, first_row)
    df["row"] = np.arange(first_row, first_row + len(df), dtype="int64")
    return df


def _parquet_batches(shard: Shard, size: int) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    first = shard.first_row
    try:
        batches = pq.ParquetFile(shard.path).iter_batches(batch_size=size, row_groups=[shard.row_group])
        for batch in batches:
            df = _with_rows(batch.to_pandas(), shard, first)
            first += len(df)
            yield df
    except (OSError, ValueError) as e:
        if isinstance(e, CorpusError):
            raise
        raise CorpusError(f"{shard.path}: row group {shard.row_group} is not readable ({type(e).__name__})") from None


def _jsonl_batch(shard: Shard) -> pd.DataFrame:
    with open(shard.path, "rb") as f:
        f.seek(shard.byte_start)
        data = f.read(shard.byte_end - shard.byte_start)
    rows = json_rows(data.split(b"\n"), shard.path, shard.first_line)  # json.loads skips a UTF-8 BOM in bytes
    return _with_rows(pd.DataFrame(rows), shard, shard.first_row)


def process_shard(
    shard: Shard, out: str, *, rows_per_shard: int, k: int = 10, model_path: str | None = None
) -> tuple[int, int]:
    """Analyze the parts of a shard that are not finished and write them to ``out``: what a Dask worker runs.

    Parameters
    ----------
    shard : Shard
    out : str
        The output folder (with ``articles/`` and ``claims/``, made by :func:`run`).
    rows_per_shard : int
        Rows per output part.
    k : int, default 10
        Keywords per article.
    model_path : str, optional
        A topic model saved by ``train-topics``; the default model if ``None``.

    Returns
    -------
    articles, claims : int
        How many rows were written.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text(json.dumps({"text": "عراق و سوریه توافق کردند"}))
    >>> for sub in ("articles", "claims"):
    ...     (d / "out" / sub).mkdir(parents=True)
    >>> shard = plan(d)[0]
    >>> process_shard(shard, str(d / "out"), rows_per_shard=10), process_shard(shard, str(d / "out"), rows_per_shard=10)
    ((1, 0), (0, 0))
    """
    out_dir = Path(out)
    names = shard.parts(rows_per_shard)
    done = [(out_dir / "articles" / f"{name}.parquet").exists() for name in names]
    written = [0, 0]
    if all(done):
        return 0, 0
    for name, finished, batch in zip(names, done, read_shard(shard, rows_per_shard), strict=True):
        if finished:
            continue
        articles, claims = analyze(batch, k=k, model_path=model_path)
        _write(claims, out_dir / "claims" / f"{name}.parquet")
        _write(articles, out_dir / "articles" / f"{name}.parquet")  # last: it marks the part finished
        written[0] += len(articles)
        written[1] += len(claims)
    return written[0], written[1]


def _write(df: pd.DataFrame, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # one explicit schema from the column types, so that parts read together even when one has no keywords or
    # no claims (object columns are the keyword lists)
    types = {"float64": pa.float64(), "bool": pa.bool_(), "int64": pa.int64(), "str": pa.string()}
    types["object"] = pa.list_(pa.string())
    schema = pa.schema([(c, types[str(t)]) for c, t in df.dtypes.items()])
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False), tmp, compression="zstd")
    os.replace(tmp, path)


def _manifest(out: Path, shards: list[Shard], settings: dict) -> None:
    """Record the settings and input sizes, or refuse a rerun that would mix outputs of other settings or inputs.
    A folder without any part (a run that failed on bad input or a bad model before writing one) holds nothing
    to mix: its manifest is replaced."""
    path = out / "manifest.json"
    sizes = {s.path: os.stat(s.path).st_size for s in shards}
    written = path.exists() and any(out.glob("*/*.parquet"))
    old = json.loads(path.read_text(encoding="utf-8")) if written else {"settings": settings, "inputs": {}}
    if old["settings"] != settings:
        was = ", ".join(f"{k}={v}" for k, v in old["settings"].items())
        raise ValueError(f"{out} holds a run with other settings ({was}); rerun with those, or use a new --out")
    changed = [p for p, size in sizes.items() if old["inputs"].get(p, size) != size]
    if changed:
        raise ValueError(f"{changed[0]} changed since {out} was written; use a new --out to process it again")
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(exist_ok=True)
    record = {"toolkit": __version__, "settings": settings, "inputs": old["inputs"] | sizes}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def run(
    inputs,
    out: str | os.PathLike,
    *,
    rows_per_shard: int = 1000,
    k: int = 10,
    model_path: str | None = None,
    client=None,
    progress: bool = True,
) -> dict[str, int]:
    """Analyze every article of the input files into Parquet parts under ``out``, resumably.

    The files are cut into shards (:func:`plan`): runs of ``rows_per_shard`` lines of a JSONL file, or the
    row groups of a Parquet file, read in batches of ``rows_per_shard`` rows. Each batch is analyzed
    (:func:`analyze`) and written as ``OUT/articles/PART.parquet`` and ``OUT/claims/PART.parquet``, the
    articles file last and each file by an atomic rename, so a part whose articles file exists is finished.
    A rerun skips finished parts (an interrupted run resumes, a finished one does nothing) and so never
    duplicates a row; ``OUT/manifest.json`` records the settings, and a rerun with other settings, or after
    an input file changed, is refused rather than mixed. Memory holds one batch per worker, whatever the size
    of the corpus.

    Parameters
    ----------
    inputs : str, path or list
        Parquet and JSONL files: a glob, folder, file or list (:func:`files`).
    out : str or path
        The output folder.
    rows_per_shard : int, default 1000
        Rows per output part.
    k : int, default 10
        Keywords per article.
    model_path : str, optional
        A topic model saved by ``train-topics``; the default model if ``None``.
    client : dask.distributed.Client, optional
        Run the shards on its workers (:func:`toolkit.scale.connect`); one after another here if ``None``.
    progress : bool, default True
        Show a progress bar.

    Returns
    -------
    dict of str to int
        ``shards`` (how many there are), ``skipped`` (already finished), ``articles`` and ``claims`` (rows
        written).

    Raises
    ------
    ValueError
        When ``out`` holds a run with other settings, or an input file changed since.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> line = {"doc_id": "a1", "outlet": "ISNA", "title": "همکاری عراق و سوریه",
    ...         "text": "شبکه المیادین گزارش داد که عراق و سوریه توافق کردهاند مواضع داعش را بمباران کنند."}
    >>> _ = (d / "news.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\\n", encoding="utf-8")
    >>> run(d / "*.jsonl", d / "out", progress=False)
    {'shards': 1, 'skipped': 0, 'articles': 1, 'claims': 1}
    >>> run(d / "*.jsonl", d / "out", progress=False)  # a rerun finds everything done
    {'shards': 1, 'skipped': 1, 'articles': 0, 'claims': 0}
    >>> import pandas as pd
    >>> pd.read_parquet(d / "out" / "claims")[["doc_id", "outlet", "cue"]].values.tolist()
    [['a1', 'Al Mayadeen', 'گزارش داد']]
    """
    from tqdm.auto import tqdm

    out = Path(out)
    shards = plan(inputs, rows_per_shard, exclude=out)
    model_path = str(Path(model_path).resolve()) if model_path else None  # None: the default model
    settings = {"rows_per_shard": rows_per_shard, "k": k, "model_path": model_path}
    _manifest(out, shards, settings)
    finished = {p.stem for p in (out / "articles").glob("*.parquet")}
    todo = [s for s in shards if not set(s.parts(rows_per_shard)) <= finished]
    total = sum(s.rows for s in shards)
    written = [0, 0]
    futures = {}
    if client is None:
        done = ((shard, process_shard(shard, str(out), **settings)) for shard in todo)
    else:
        from dask.distributed import as_completed

        futures = {client.submit(process_shard, s, str(out), pure=False, **settings): s for s in todo}
        done = ((futures[f], f.result()) for f in as_completed(futures))
    with tqdm(total=total, initial=total - sum(s.rows for s in todo), unit="article", disable=not progress) as bar:
        try:
            for shard, (a, c) in done:
                written[0], written[1] = written[0] + a, written[1] + c
                bar.update(shard.rows)
        finally:
            if futures:
                client.cancel(list(futures))
    return {"shards": len(shards), "skipped": len(shards) - len(todo), "articles": written[0], "claims": written[1]}
