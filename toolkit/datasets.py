"""The bundled corpora: a registry with provenance, and loaders that return DataFrames.

Every loader returns the core columns ``doc_id, outlet, title, text`` plus its own, and puts the
registry entry (origin, commit, license, citation, counts) in ``df.attrs["provenance"]``. ``split``
is ``None`` (all rows), ``"train"`` or ``"test"``: a fixed split by article, made after removing
exact and near-duplicate texts (see ``data/README.md``), so no text is on both sides.

The files live in ``data/`` at the top of the repository (or wherever ``TOOLKIT_DATA`` points);
``scripts/build_data.py`` rebuilds them from the raw snapshots.

>>> isna = load_isna("test")
>>> list(isna.columns[:4]), sorted(isna["category"].unique())
(['doc_id', 'outlet', 'title', 'text'], ['cinema', 'economics', 'politics', 'sport', 'tech'])
>>> load_seeds()["title"].tolist()
['همکاری عراق و سوریه در یک موضوع خاص و مهم']
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pandas as pd

from toolkit.corpus import load_corpus

REPO = Path(__file__).resolve().parents[1]
SPLITS = (None, "train", "test")


class DataError(FileNotFoundError):
    """The bundled data is not where the toolkit looks; the message says what to do."""


def data_home() -> Path:
    """The folder of bundled corpora: ``$TOOLKIT_DATA``, else ``data/`` in the repository."""
    home = Path(os.environ.get("TOOLKIT_DATA", REPO / "data"))
    if not (home / "datasets.json").is_file():
        raise DataError(
            f"bundled corpora not found in {home}: use a clone of the repository, set TOOLKIT_DATA "
            "to its data/ folder, or rebuild them with scripts/build_data.py"
        )
    return home


@functools.cache
def registry() -> dict[str, dict]:
    """Every bundled corpus with its provenance and counts (``data/datasets.json``)."""
    return json.loads((data_home() / "datasets.json").read_text(encoding="utf-8"))


def describe() -> pd.DataFrame:
    """One row per bundled corpus: name, title, rows, train, test, license, origin."""
    rows = []
    for name, e in registry().items():
        c = e.get("counts", {})
        rows.append(
            {
                "name": name,
                "title": e["title"],
                "rows": c.get("rows"),
                "train": c.get("train"),
                "test": c.get("test"),
                "license": e["license"],
                "origin": e["origin"],
            }
        )
    return pd.DataFrame(rows)


@functools.cache
def _read(name: str) -> pd.DataFrame:
    return pd.read_parquet(data_home() / registry()[name]["file"])


def _load(name: str, split: str | None) -> pd.DataFrame:
    if split not in SPLITS:
        raise ValueError(f"split must be None, 'train' or 'test', not {split!r}")
    df = _read(name)
    if split is not None:
        df = df[df["split"] == split]
    df = df.reset_index(drop=True).copy()
    df.attrs["provenance"] = registry()[name]
    return df


def load_isna(split: str | None = None) -> pd.DataFrame:
    """ISNA news (isna.ir): ``doc_id, outlet, title, text, lead, category, split``.

    Five categories (cinema, economics, politics, sport, tech), about 1,500 articles each; ``text`` is
    the lead and the body, ``title`` the headline."""
    return _load("isna", split)


def load_fars(split: str | None = None) -> pd.DataFrame:
    """Fars News (farsnews.ir): ``doc_id, outlet, title, text, lead, category, subcategory, tags, url,
    date, split``. ``tags`` are the authors' keyword tags (a list, often empty); ``date`` is the Solar
    Hijri publication date read from the news id (``"1387-07-06"``)."""
    return _load("fars", split)


def load_farstail(split: str | None = None) -> pd.DataFrame:
    """FarsTail NLI pairs: ``doc_id, outlet, title, text, premise, hypothesis, label, split``; ``label``
    is ``e`` (entailment), ``c`` (contradiction) or ``n`` (neutral), ``text`` the premise."""
    return _load("farstail", split)


def load_farexstance(split: str | None = None, task: str | None = None) -> pd.DataFrame:
    """FarExStance claim stance pairs: ``doc_id, outlet, title, text, claim, stance, task, claim_id,
    news_id, evidence, split, upstream_split``. ``task`` is ``"article"`` (a claim and a whole article:
    ``text``) or ``"headline"`` (a claim and a headline), or ``None`` for both; ``stance`` is agree,
    disagree, discuss or unrelated. The test split is the upstream test split (split by claim)."""
    if task not in (None, "article", "headline"):
        raise ValueError(f"task must be None, 'article' or 'headline', not {task!r}")
    df = _load("farexstance", split)
    if task is not None:
        df = df[df["task"] == task].reset_index(drop=True)
        df.attrs["provenance"] = registry()["farexstance"]
    return df


def load_seeds() -> pd.DataFrame:
    """The seed article(s) in ``seeds/``, read as files are by :func:`toolkit.load_corpus`: ``text`` is
    the file as it is (it has lost its ZWNJs), ``outlet`` is empty (the article names its relay
    itself, «به گزارش آران نیوز»)."""
    seeds = REPO / "seeds"
    if not seeds.is_dir():
        raise DataError(f"seed folder not found at {seeds}: use a clone of the repository")
    df = load_corpus(seeds)
    df.attrs["provenance"] = registry().get("seeds", {})
    return df
