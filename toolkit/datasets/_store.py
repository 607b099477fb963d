"""Where a corpus' files are, how they are fetched, and the cached tables built from them.

A corpus is its upstream files at a pinned commit, each with its sha256 (``resources/corpus_files.tsv.gz``).
They are looked for, in order, in a local mirror of the upstream files (``$TOOLKIT_RAW``; ``../shared/data/raw``
beside a source checkout), then in the data home's ``raw/`` folder, where a download puts them; a file not
found is downloaded with pooch and its checksum checked. The table built from the files (duplicates removed,
split set) is cached in the data home as Parquet with a manifest, keyed by the files' checksums and the
builder's version, and rebuilt when the key or the table's own checksum does not match.
"""

from __future__ import annotations

import concurrent.futures
import functools
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from toolkit.datasets import _build

#: Where a download comes from: ``{base}{repo}/{commit}/{path}``; ``$TOOLKIT_URL`` replaces the base (a mirror).
BASE_URL = "https://raw.githubusercontent.com/"
_CHECKOUT = Path(__file__).resolve().parents[2]


class DataError(FileNotFoundError):
    """A corpus cannot be had: not in a mirror, and not downloadable.

    A subclass of ``FileNotFoundError``; its message is one line that names the corpus, what was tried,
    and what to do (set ``TOOLKIT_RAW``, or ``python -m toolkit datasets fetch NAME``).

    Examples
    --------
    >>> issubclass(DataError, FileNotFoundError)
    True
    """


@dataclass(frozen=True)
class Corpus:
    """One corpus: its upstream repository, the folder its files are in there and in a mirror, its terms."""

    name: str
    title: str
    repo: str
    commit: str
    upstream: str
    mirror: str
    license: str
    citation: str
    columns: str

    @property
    def origin(self) -> str:
        return f"https://github.com/{self.repo}"

    def url(self, path: str) -> str:
        base = os.environ.get("TOOLKIT_URL") or BASE_URL
        return f"{base.rstrip('/')}/{self.repo}/{self.commit}/{quote(self.upstream + '/' + path)}"


CORPORA = {
    c.name: c
    for c in [
        Corpus(
            "isna",
            "ISNA news, 5 categories",
            "abbnaseri/Persian-news-classifier",
            "b66779f846db25c0e646c944d5f529a992333e14",
            "classifier/isna-dataset",
            "Persian-news-classifier/isna-dataset",
            "None stated in the repository; the text was scraped from isna.ir (ISNA's copyright). "
            "For non-commercial research only; do not redistribute.",
            "abbnaseri, Persian-news-classifier (GitHub, 2019); articles (c) Iranian Students' News Agency.",
            "doc_id, outlet, title, text, lead, category, split",
        ),
        Corpus(
            "fars",
            "Fars News, categories, subcategories and author tags",
            "language-ml/course-nlp-ir-1-text-exploring",
            "48c7d56a33a6f75709e90b001529bf7705420674",
            "exploring-datasets/news",
            "course-nlp-ir-1-text-exploring/news",
            "Repository Apache-2.0; the text was scraped from farsnews.ir (Fars News Agency's copyright). "
            "For non-commercial research only.",
            "language-ml, course-nlp-ir-1-text-exploring (GitHub, 2023); articles (c) Fars News Agency.",
            "doc_id, outlet, title, text, lead, category, subcategory, tags, url, date, split",
        ),
        Corpus(
            "farstail",
            "FarsTail natural language inference pairs",
            "dml-qom/FarsTail",
            "5d6322c40368ea5fab50e406e083e537a7d97817",
            "data",
            "FarsTail",
            "Apache-2.0",
            "Amirkhani et al. (2023). FarsTail: a Persian natural language inference dataset. Soft Computing.",
            "doc_id, outlet, title, text (= premise), premise, hypothesis, label (e/c/n), split",
        ),
        Corpus(
            "news2025",
            "Four agencies, 1404 SH (2025): Borna, Hamshahri Online, Khabaronline, Tasnim (test only)",
            "farzadjannati/Improving-Persian-News-Headline-Generation",
            "68785cc38f3207a44bfa24154d17e2b578b20a56",
            "DataCrawling/SampleGoldData",
            "Improving-Persian-News-Headline-Generation/SampleGoldData",
            "Repository MIT; the articles are the agencies' copyright. For non-commercial research only.",
            "farzadjannati, Improving-Persian-News-Headline-Generation (GitHub, 2025); articles (c) Borna, "
            "Hamshahri Online, Khabaronline and Tasnim news agencies.",
            "doc_id, outlet, title, text, lead, category (the outlet's own section, in Persian), tags, url, date, "
            "split (always test)",
        ),
        Corpus(
            "farexstance",
            "FarExStance claim stance: article-to-claim and headline-to-claim",
            "Zarharan/FarExStance",
            "1c139feb120b5f46bbf80cae5496e2691f048719",
            "data",
            "FarExStance",
            "None stated in the repository; research use with citation. Articles (c) their Persian news sites.",
            "Zarharan, Hashemi, Behroozrazegh, Eetemadi, Pilehvar, Foster (2025). FarExStance: Explainable "
            "Stance Detection for Farsi. COLING 2025.",
            "doc_id, outlet, title, text (article or headline), claim, stance (agree/disagree/discuss/unrelated), "
            "task (article/headline), claim_id, news_id, evidence, split, upstream_split",
        ),
        Corpus(
            "hamshahri",
            "Hamshahri Online RSS items (title + lead) with sections, 2020",
            "sci2lab/Farsi-datasets",
            "711848ccf478e974b4b53890e2727435e6d56309",
            "farsi_news",
            "farsi_news",
            "None stated in the repository (the dataset card says unknown); the texts are Hamshahri Online's. "
            "For non-commercial research only; do not redistribute.",
            "sci2lab, Farsi-datasets (GitHub, 2021), farsi_news; items (c) Hamshahri Online.",
            "doc_id, outlet, title, text (= the RSS lead), lead, section (TOP > SUB), url, split",
        ),
    ]
}


@functools.cache
def files(name: str) -> dict[str, str]:
    """The upstream files of corpus ``name``: path inside its folder → sha256."""
    out: dict[str, dict[str, str]] = {}
    data = (resources.files("toolkit") / "resources" / "corpus_files.tsv.gz").read_bytes()
    for line in gzip.decompress(data).decode().splitlines():
        if line and not line.startswith("#"):
            corpus, path, sha, _ = line.split("\t")
            out.setdefault(corpus, {})[path] = sha
    return out[name]


def get_data_home(data_home: str | os.PathLike | None = None) -> Path:
    """The folder for downloads and built tables.

    Parameters
    ----------
    data_home : str or os.PathLike, optional
        A folder to use; ``~`` is expanded.

    Returns
    -------
    pathlib.Path
        ``data_home``, else ``$TOOLKIT_DATA``, else the user cache folder of the platform
        (``~/.cache/persian-news-toolkit`` on Linux). The folder is created when something is written.

    Examples
    --------
    >>> get_data_home("/tmp/persian-news").name
    'persian-news'
    """
    if data_home is None:
        data_home = os.environ.get("TOOLKIT_DATA")
    if not data_home:
        import platformdirs

        data_home = platformdirs.user_cache_dir("persian-news-toolkit", appauthor=False)
    return Path(data_home).expanduser()


def mirrors() -> list[Path]:
    """The local mirrors of upstream files to look in, in order (those that exist)."""
    found = []
    if os.environ.get("TOOLKIT_RAW"):
        found.append(Path(os.environ["TOOLKIT_RAW"]).expanduser())
    found.append(_CHECKOUT.parent / "shared" / "data" / "raw")
    return [p for p in found if p.is_dir()]


def locate(name: str, data_home: Path) -> Path | None:
    """The folder holding every file of corpus ``name``: in a mirror, else in the data home; or None."""
    c = CORPORA[name]
    for root in [*mirrors(), data_home / "raw"]:
        folder = root / c.mirror
        if all((folder / p).is_file() for p in files(name)):
            return folder
    return None


def fetch(name: str, data_home: Path, *, progress: bool = True) -> Path:
    """The folder of corpus ``name``'s files, downloading what no mirror has into ``data_home/raw``."""
    folder = locate(name, data_home)
    if folder is not None:
        return folder
    import pooch
    from tqdm.auto import tqdm

    c = CORPORA[name]
    folder = data_home / "raw" / c.mirror
    existed = next(p for p in [folder, *folder.parents] if p.exists())
    want = {p: h for p, h in files(name).items() if not (folder / p).is_file()}
    pup = pooch.create(
        path=folder,
        base_url="",
        registry={p: f"sha256:{h}" for p, h in want.items()},
        urls={p: c.url(p) for p in want},
        retry_if_failed=2,
        allow_updates=False,
    )
    logger = pooch.get_logger()
    level = logger.level  # pooch logs each file at INFO; quiet for this call only, the user's setting kept

    def one(path: str) -> None:
        try:
            pup.fetch(path, progressbar=progress and len(want) == 1)
        except Exception as e:  # requests' connection and HTTP errors, pooch's checksum ValueError, OSError
            raise DataError(_missing(name, f"downloading {c.url(path)} failed: {_reason(e)}")) from None

    bar = tqdm(total=len(want), desc=f"downloading {name}", unit="file", disable=not progress or len(want) < 2)
    pool = concurrent.futures.ThreadPoolExecutor(4)
    logger.setLevel("WARNING")
    try:
        for future in concurrent.futures.as_completed([pool.submit(one, p) for p in want]):
            future.result()
            bar.update()
    except BaseException:
        pool.shutdown(cancel_futures=True)
        _prune(folder, existed)
        raise
    finally:
        pool.shutdown()
        bar.close()
        logger.setLevel(level)
    return folder


def _prune(folder: Path, existed: Path) -> None:
    """Remove the empty folders a failed download made, up to the first one that existed before it (pooch
    leaves no partial file: it downloads aside and moves a file in only when its checksum matches)."""
    if folder.is_dir():
        for d in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            if not any(d.iterdir()):
                d.rmdir()
    for d in [folder, *folder.parents]:
        if d == existed or not d.is_dir() or any(d.iterdir()):
            break
        d.rmdir()


def _reason(e: Exception) -> str:
    """The kind of failure, in a few words (not the whole chain of a requests error)."""
    import requests

    if isinstance(e, requests.ConnectionError):
        return "no connection"
    if isinstance(e, requests.HTTPError) and e.response is not None:
        return f"HTTP {e.response.status_code}"
    if isinstance(e, ValueError) and "hash" in str(e).lower():
        return "checksum mismatch, the file was deleted"
    return type(e).__name__


def _missing(name: str, why: str) -> str:
    return (
        f"corpus {name!r} not found ({why}); set TOOLKIT_RAW to a folder of the upstream files, or run "
        f"'python -m toolkit datasets fetch {name}' where the network reaches {BASE_URL}"
    )


def verify(name: str, folder: Path) -> None:
    """Refuse a mirror whose files are not the pinned upstream files."""
    for path, sha in files(name).items():
        if _sha256(folder / path) != sha:
            c = CORPORA[name]
            raise DataError(
                f"{folder / path}: not the file of {c.repo} at {c.commit[:10]} (sha256 differs); "
                "restore the mirror's copy or point TOOLKIT_RAW elsewhere"
            )


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


#: Corpora whose table depends on others' (the duplicate check against ISNA and Fars).
DEPENDS = {"isna": ("fars",), "fars": ("isna",), "news2025": ("isna", "fars"), "hamshahri": ("isna", "fars")}


def key(name: str) -> str:
    """What a cached table of ``name`` is built from: the builder's version and every input file's sha256."""
    names = sorted({name, *DEPENDS.get(name, ())})
    spec = {"version": _build.VERSION, "files": {n: files(n) for n in names}}
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()


def table(name: str, data_home: Path, *, progress: bool = True) -> pd.DataFrame:
    """The built table of corpus ``name``: from the cache when its key and checksum match, else built now."""
    cached = _cached(name, data_home)
    if cached is not None:
        return cached
    if name in ("isna", "fars"):
        raw = {n: _read(n, data_home, progress) for n in ("isna", "fars")}
        built = dict(zip(("isna", "fars"), _build.build_news(raw["isna"], raw["fars"]), strict=True))
    else:
        older = pd.concat([table(n, data_home) for n in ("isna", "fars")]) if name in DEPENDS else None
        built = {name: _build.build(name, _read(name, data_home, progress), older)}
    for n, df in built.items():
        _store(n, df, data_home)
    return built[name]


def _read(name: str, data_home: Path, progress: bool) -> pd.DataFrame:
    folder = fetch(name, data_home, progress=progress)
    verify(name, folder)
    return _build.READERS[name](folder)


def _cached(name: str, data_home: Path) -> pd.DataFrame | None:
    manifest = data_home / f"{name}.json"
    try:
        m = json.loads(manifest.read_text(encoding="utf-8"))
        path = data_home / f"{name}.parquet"
        if m["key"] != key(name) or _sha256(path) != m["sha256"]:
            return None
        return pd.read_parquet(path)
    except (OSError, ValueError, KeyError):
        return None


def _store(name: str, df: pd.DataFrame, data_home: Path) -> None:
    """Write the table and its manifest; each file appears whole or not at all (written aside, then renamed)."""
    data_home.mkdir(parents=True, exist_ok=True)
    path = data_home / f"{name}.parquet"
    tmp = data_home / f"{name}.parquet.tmp{os.getpid()}"
    df.to_parquet(tmp, index=False, compression="zstd")
    os.replace(tmp, path)
    counts = {"rows": len(df)}
    if "split" in df:
        counts |= {s: int((df["split"] == s).sum()) for s in ("train", "test")}
    manifest = {"key": key(name), "sha256": _sha256(path), "counts": counts}
    tmp = data_home / f"{name}.json.tmp{os.getpid()}"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, data_home / f"{name}.json")


def counts(name: str, data_home: Path) -> dict | None:
    """The row counts of the cached table of ``name``, or None when it is not built (or stale)."""
    try:
        m = json.loads((data_home / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return m.get("counts") if m.get("key") == key(name) else None
