"""Load folders of articles into a DataFrame, decoding each file honestly.

``load_corpus(path_or_glob)`` reads ``.txt`` (one article per file), ``.jsonl`` (one per line),
``.csv`` and ``.parquet`` files and returns a DataFrame with the columns ``doc_id, outlet, title,
text, path`` (plus any other columns a JSONL, CSV or Parquet file carries). The text is kept exactly
as decoded (normalize it yourself), so offsets into ``text`` point into the file's content.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the zero bytes say
which byte order), and Windows-1256, the legacy Persian code page. A file that is none of these, or
is binary, raises :class:`CorpusError` naming the file and what to do — never garbled text.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_bytes("عنوان\\nمتن خبر".encode("cp1256"))
>>> load_corpus(d)[["doc_id", "title", "text", "encoding"]].values.tolist()
[['a', 'عنوان', 'عنوان\\nمتن خبر', 'cp1256']]
"""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

CORE_COLUMNS = ["doc_id", "outlet", "title", "text"]
SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")


class CorpusError(ValueError):
    """A file that cannot be read as articles; the message names the file and what to do.

    Attributes
    ----------
    message : str
        One line: the file, what is wrong, what to do.

    Examples
    --------
    >>> decode(b"\\x00\\x01", "خبر.txt")
    Traceback (most recent call last):
    ...
    toolkit.corpus.CorpusError: خبر.txt: binary data (NUL bytes), not text; give plain text, or leave this file out
    """


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# What Windows-1256 Persian text is made of: Persian/Arabic letters, ZWNJ, digits, Arabic punctuation and
# printable ASCII. Other bytes decode to Urdu letters, marks and symbols that real text rarely has.
_PLAUSIBLE = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c\u060c\u061b\u061f\u0660-\u0669\u00ab\u00bb\x20-\x7e\t\n\r]"
)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of Persian text: UTF-8, UTF-16 (with or without a BOM) or Windows-1256.

    Parameters
    ----------
    data : bytes
        The content of a file.
    name : str, default "<bytes>"
        What to call it in an error message.

    Returns
    -------
    text : str
    encoding : str
        ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``, ``utf-16-be`` or ``cp1256``.

    Raises
    ------
    CorpusError
        For binary data, damaged UTF-8, or bytes that are none of these encodings.

    Examples
    --------
    >>> decode("سلام".encode("utf-16"))
    ('سلام', 'utf-16')
    >>> decode(b"\\xd3\\xe1\\xc7\\xe3")
    ('سلام', 'cp1256')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    enc = _utf16_without_bom(data)
    if enc:
        return _strict(data, enc, name), enc
    if b"\x00" in data:
        raise CorpusError(f"{name}: binary data (NUL bytes), not text; give plain text, or leave this file out")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _mostly_utf8(data):
            raise CorpusError(
                f"{name}: UTF-8 with invalid bytes (first at offset {e.start}); the file is damaged or "
                "truncated: re-export it, or decode it yourself with errors='replace'"
            ) from None
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise CorpusError(
                f"{name}: not UTF-8 (invalid byte at offset {e.start}) nor Windows-1256; "
                "convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)"
            ) from None
        if not _ARABIC_SCRIPT.search(text) or len(_PLAUSIBLE.findall(text)) < 0.95 * len(text):
            raise CorpusError(
                f"{name}: not UTF-8 (invalid byte at offset {e.start}) and does not look like "
                "Windows-1256 Persian; convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)"
            ) from None
        return text, "cp1256"
    if len(_CONTROL.findall(text)) > 0.01 * max(len(text), 1):
        raise CorpusError(f"{name}: control characters throughout; this looks binary, not text")
    return text, "utf-8"


# High bytes of UTF-16 code units in Persian text: ASCII/Latin-1 (0x00), Arabic (0x06), punctuation
# and ZWNJ (0x20), Arabic presentation forms (0xFB-0xFE).
_UTF16_HIGH = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` if nearly every code unit's high byte is one Persian text uses."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:20000]
    units = len(sample) // 2
    for enc, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(b in _UTF16_HIGH for b in high) > 0.95 * units:
            low = sample[0::2] if enc == "utf-16-le" else sample[1::2]
            if low.count(0) < 0.1 * units:  # not mostly NULs: real text
                return enc
    return None


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """Do most non-ASCII bytes form valid UTF-8 sequences? (Windows-1256 Persian text rarely does.)"""
    high = sum(1 for b in data if b >= 0x80) if len(data) < 1 << 16 else len(re.findall(rb"[\x80-\xff]", data))
    covered = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return high > 0 and covered >= 0.8 * high


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise CorpusError(
            f"{name}: declared {encoding} but invalid at byte {e.start}; the file may be truncated"
        ) from None


def read_text(path: str | Path) -> tuple[str, str]:
    """Read one text file and decode it (:func:`decode`).

    Parameters
    ----------
    path : str or path

    Returns
    -------
    text : str
    encoding : str

    Raises
    ------
    CorpusError
        When the file cannot be read or decoded.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "خبر.txt"
    >>> _ = f.write_bytes("سلام".encode("utf-16"))
    >>> read_text(f)
    ('سلام', 'utf-16')
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise CorpusError(f"{p}: cannot read ({e.strerror})") from None
    return decode(data, str(p))


def find_files(path_or_glob: str | Path, suffixes: tuple[str, ...] = SUFFIXES, hint: str = "") -> list[Path]:
    """The files with one of ``suffixes`` that a folder (searched recursively), a file or a glob names.

    Parameters
    ----------
    path_or_glob : str or path
        A folder, a file or a glob (``"news/**/*.jsonl"``).
    suffixes : tuple of str, default :data:`SUFFIXES`
        The suffixes wanted, lower case.
    hint : str, default ""
        Appended to the error message when there are none.

    Returns
    -------
    list of pathlib.Path
        Sorted.

    Raises
    ------
    CorpusError
        When nothing is found.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "خبر.txt").write_text("متن", encoding="utf-8")
    >>> [f.name for f in find_files(d)]
    ['خبر.txt']
    """
    p = Path(path_or_glob)
    if not p.exists() and not re.search(r"[*?[]", str(p)):  # a name, not a pattern
        raise CorpusError(f"{path_or_glob}: no such file or folder")
    found = p.rglob("*") if p.is_dir() else [p] if p.is_file() else map(Path, glob.glob(str(p), recursive=True))
    files = sorted(f for f in found if f.is_file() and f.suffix.lower() in suffixes)
    if not files:
        kinds = f"{', '.join(suffixes[:-1])} or {suffixes[-1]}" if len(suffixes) > 1 else suffixes[0]
        raise CorpusError(f"{path_or_glob}: no {kinds} files found{hint}")
    return files


def _txt(path: Path, root: Path | None) -> dict:
    text, enc = read_text(path)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    rel = path.relative_to(root) if root else Path(path.name)
    return {
        "doc_id": rel.with_suffix("").as_posix(),
        "outlet": "",
        "title": title,
        "text": text,
        "path": str(path),
        "encoding": enc,
    }


def _jsonl(path: Path) -> pd.DataFrame:
    text, _ = read_text(path)
    return as_articles(pd.DataFrame(json_rows(text.splitlines(), path)), path)


def json_rows(lines, path: str | Path, first_line: int = 1) -> list[dict]:
    """The JSON objects of the non-blank lines of a JSONL file.

    Parameters
    ----------
    lines : iterable of str or bytes
        The lines (bytes are UTF-8).
    path : str or path
        The file, for error messages.
    first_line : int, default 1
        The number of the first line, for error messages.

    Returns
    -------
    list of dict

    Raises
    ------
    CorpusError
        Naming file and line, for a line that is not a JSON object.

    Examples
    --------
    >>> json_rows(['{"text": "خبر"}', "", "[1]"], "news.jsonl")
    Traceback (most recent call last):
    ...
    toolkit.corpus.CorpusError: news.jsonl:3: each line must be a JSON object with a 'text' field
    >>> json_rows(['{"text": "خبر"}'], "news.jsonl")
    [{'text': 'خبر'}]
    """
    rows = []
    for n, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:
            raise CorpusError(f"{path}:{n}: not UTF-8; save JSONL files as UTF-8") from None
        except json.JSONDecodeError as e:
            raise CorpusError(f"{path}:{n}: not valid JSON ({e.msg}); fix or remove that line") from None
        if not isinstance(obj, dict):
            raise CorpusError(f"{path}:{n}: each line must be a JSON object with a 'text' field")
        rows.append(obj)
    return rows


def _csv(path: Path) -> pd.DataFrame:
    text, _ = read_text(path)
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, engine="python")
    except (pd.errors.ParserError, csv.Error) as e:
        raise CorpusError(f"{path}: malformed CSV ({str(e).strip()}); check its quoting") from None
    return as_articles(df, path)


@contextlib.contextmanager
def parquet_errors(path: str | Path) -> Iterator[None]:
    """A context manager turning whatever pyarrow raises inside it (many types, for a broken file) into one
    :class:`CorpusError`.

    Parameters
    ----------
    path : str or path
        The file read inside the block, for the message.

    Returns
    -------
    contextlib.AbstractContextManager

    Examples
    --------
    >>> with parquet_errors("اخبار.parquet"):
    ...     raise OSError("bad magic")
    Traceback (most recent call last):
    ...
    toolkit.corpus.CorpusError: اخبار.parquet: not a readable Parquet file (OSError)
    """
    try:
        yield
    except Exception as e:
        raise CorpusError(f"{path}: not a readable Parquet file ({type(e).__name__})") from None


def _parquet(path: Path) -> pd.DataFrame:
    with parquet_errors(path):
        df = pd.read_parquet(path)
    return as_articles(df, path)


def as_articles(df: pd.DataFrame, path: str | Path, first_row: int = 0) -> pd.DataFrame:
    """Check that rows read from a file are articles and give them the core columns.

    Parameters
    ----------
    df : pandas.DataFrame
        The rows, with a ``text`` column.
    path : str or path
        The file they were read from.
    first_row : int, default 0
        The position of the first row in the file.

    Returns
    -------
    pandas.DataFrame
        A copy with a ``doc_id`` (``stem/row`` when the file has none), ``outlet`` and ``title`` (empty when
        missing) and ``path``.

    Raises
    ------
    CorpusError
        When there is no ``text`` column or a text is not a string.

    Examples
    --------
    >>> as_articles(pd.DataFrame({"text": ["خبر"]}), "news.csv", first_row=5).values.tolist()
    [['news/5', 'خبر', '', '', 'news.csv']]
    """
    path = Path(path)
    if "text" not in df.columns:
        raise CorpusError(f"{path}: no 'text' column (columns: {', '.join(map(str, df.columns)) or 'none'})")
    df = df.copy()
    if "doc_id" not in df.columns:
        df.insert(0, "doc_id", [f"{path.stem}/{first_row + i}" for i in range(len(df))])
    for col in ("outlet", "title"):
        if col not in df.columns:
            df[col] = ""
    df["path"] = str(path)
    bad = df["text"].map(lambda t: not (isinstance(t, str) or pd.isna(t)))
    if bad.any():
        raise CorpusError(f"{path}: row {first_row + int(bad.to_numpy().argmax()) + 1}: 'text' is not a string")
    return df


def headed_texts(titles: pd.Series, texts: pd.Series) -> list[str]:
    """Each article as one text, its title first, the title counted once.

    Parameters
    ----------
    titles, texts : pandas.Series of str
        Aligned by position.

    Returns
    -------
    list of str
        ``title + "\\n" + text``, or the text alone when its first line is the title already (a ``.txt`` file
        read by :func:`load_corpus`).

    Examples
    --------
    >>> headed_texts(pd.Series(["عنوان", "عنوان"]), pd.Series(["متن خبر", "عنوان\\nمتن خبر"]))
    ['عنوان\\nمتن خبر', 'عنوان\\nمتن خبر']
    """
    out = []
    for title, text in zip(titles, texts, strict=True):
        once = title.strip() and text.lstrip().partition("\n")[0].strip() == title.strip()
        out.append(text if once else f"{title}\n{text}".strip())
    return out


def load_corpus(path_or_glob: str | Path) -> pd.DataFrame:
    """Load every article under a folder, a file, or a glob (``"scraped/**/*.txt"``).

    Parameters
    ----------
    path_or_glob : str or path
        ``.txt`` (one article per file), ``.jsonl``, ``.csv`` and ``.parquet`` files.

    Returns
    -------
    pandas.DataFrame
        First the columns ``doc_id, outlet, title, text``, then ``path`` and any other columns the files carry.
        ``.txt`` files give ``doc_id`` = path relative to the folder without suffix and ``title`` = first
        non-empty line; the text is kept exactly as decoded.

    Raises
    ------
    CorpusError
        Naming the file (and line) that cannot be read, and what to do.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "news.jsonl").write_text('{"doc_id": "n1", "outlet": "ISNA", "text": "خبر"}', encoding="utf-8")
    >>> load_corpus(d)[["doc_id", "outlet", "text"]].values.tolist()
    [['n1', 'ISNA', 'خبر']]
    """
    root = Path(path_or_glob) if Path(path_or_glob).is_dir() else None
    files = find_files(path_or_glob)
    txt_rows = [_txt(f, root) for f in files if f.suffix.lower() == ".txt"]
    frames = [pd.DataFrame(txt_rows)] if txt_rows else []
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".jsonl":
            frames.append(_jsonl(f))
        elif suffix == ".csv":
            frames.append(_csv(f))
        elif suffix == ".parquet":
            frames.append(_parquet(f))
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    df["doc_id"] = df["doc_id"].astype(str)
    rest = [c for c in df.columns if c not in CORE_COLUMNS]
    return df[CORE_COLUMNS + rest].reset_index(drop=True)
