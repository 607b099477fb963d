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


def load_news2025(split: str | None = None) -> pd.DataFrame:
    """80 articles of four agencies (Borna, Hamshahri Online, Khabaronline, Tasnim; 20 each) from 1404 SH
    (2025), none of them in any training data: ``doc_id, outlet, title, text, lead, category, tags, url,
    date, split``, all in the test split. The held-out check of other outlets and another year.

    >>> load_news2025().groupby("outlet").size().tolist()
    [20, 20, 20, 20]"""
    return _load("news2025", split)


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


# --- Topics: one taxonomy over the labelled news corpora (see load_topics) ------------------------

#: The unified topics, in a fixed order.
TOPICS = ("politics", "world", "economy", "sport", "culture", "science-tech", "social")

_ISNA_TOPICS = {
    "politics": "politics",
    "economics": "economy",
    "sport": "sport",
    "cinema": "culture",
    "tech": "science-tech",
}
_FARS_TOPICS = {
    "politics": "politics",
    "foreign-policy": "politics",
    "world": "world",
    "regional-offices": "world",
    "economy": "economy",
    "sports": "sport",
    "culture": "culture",
    "arts-media": "culture",
    "scientific-academic": "science-tech",
    "social": "social",
    "education": "social",
}
#: Fars articles dated before this Solar Hijri year are left out: their section labels do not match their text.
_FARS_FIRST_YEAR = 1384
#: Fars (category, subcategory) pairs left out: the articles filed there are sport news.
_FARS_MISFILED = {("world", "islamic-forces"), ("world", "iran")}
_NEWS2025_TOPICS = {
    "سیاسی": "politics",
    "اخبار سیاسی": "politics",
    "اخبار سیاسی ایران": "politics",
    "اخبار جهان": "world",
    "اخبار بین الملل": "world",
    "اقتصادی": "economy",
    "اخبار اقتصادی": "economy",
    "کسب و کار": "economy",
    "ورزشی": "sport",
    "اخبار ورزشی": "sport",
    "فرهنگ و هنر": "culture",
    "اخبار فرهنگی": "culture",
    "اخبار فرهنگی و هنری": "culture",
    "اخبار دانش": "science-tech",
    "اخبار دانش و فناوری": "science-tech",
    "اجتماعی": "social",
    "اخبار اجتماعی": "social",
    "اخبار سلامت": "social",
    "اخبار شهر": "social",
    "زندگی": "social",
}
_TOPIC_COLUMNS = ["doc_id", "outlet", "title", "text", "topic", "label", "date", "split"]


def load_topics(split: str | None = None, *, corpora: tuple[str, ...] = ("isna", "fars")) -> pd.DataFrame:
    """Labelled news in one taxonomy (:data:`TOPICS`): ``doc_id, outlet, title, text, topic, label, date,
    split``. ``label`` is the corpus' own label the topic was mapped from (``"world/west-asia"``), ``date``
    the Solar Hijri date where the corpus has one (``None`` for ISNA). The split is each corpus' own
    duplicate-free split by article; articles whose label maps to no topic are left out.

    ``corpora``: ``"isna"`` and ``"fars"`` (the default: the training corpora) and ``"news2025"``, 80
    articles of four other agencies from 1404 SH (2025) that are all in the test split.

    The mapping (also in the README, section *Topic classification*):

    * ISNA: politics → politics, economics → economy, sport → sport, cinema → culture, tech → science-tech.
    * Fars, by category: politics and foreign-policy → politics; world and regional-offices → world; economy;
      sports → sport; culture and arts-media → culture; scientific-academic → science-tech; social and
      education → social. Left out: articles dated before 1384 (in 1382–1383 the section labels do not
      match the text: arts-media holds economy news, scientific-academic holds arts, politics holds world
      news), world/islamic-forces and world/iran (sport news), province and the 31 province desks (regional
      news on every topic), farsplus-magazine (a magazine mixing every topic), viewpoint (opinion essays),
      multimedia, other-media, myfars, last-clay and articles without a category.
    * news2025, from the outlets' own sections: سیاسی → politics; جهان, بین‌الملل → world; اقتصادی,
      کسب و کار → economy; ورزشی → sport; فرهنگی, فرهنگ و هنر → culture; دانش, دانش و فناوری →
      science-tech; اجتماعی, سلامت, شهر, زندگی → social. Left out: استان‌ها (province desks).

    >>> df = load_topics("test")
    >>> sorted(df.topic.unique()) == sorted(TOPICS), sorted(df.outlet.unique())
    (True, ['Fars', 'ISNA'])
    >>> load_topics(corpora=("news2025",)).split.unique().tolist()
    ['test']
    """
    loaders = {"isna": _isna_topics, "fars": _fars_topics, "news2025": _news2025_topics}
    unknown = set(corpora) - set(loaders)
    if unknown or not corpora:
        raise ValueError(f"corpora must be among {sorted(loaders)}, not {list(corpora)!r}")
    frames = []
    for name in corpora:
        df = loaders[name](_load(name, split))
        frames.append(df[df["topic"].notna()][_TOPIC_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    out.attrs["provenance"] = {name: registry()[name] for name in corpora}
    return out


def _isna_topics(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(topic=df["category"].map(_ISNA_TOPICS), label=df["category"], date=None)


def _fars_topics(df: pd.DataFrame) -> pd.DataFrame:
    topic = df["category"].map(_FARS_TOPICS)
    misfiled = pd.Series([(c, s) in _FARS_MISFILED for c, s in zip(df["category"], df["subcategory"], strict=True)])
    early = df["date"].str[:4].astype(int) < _FARS_FIRST_YEAR
    label = df["category"].where(df["subcategory"] == "", df["category"] + "/" + df["subcategory"])
    return df.assign(topic=topic.mask(early | misfiled), label=label)


def _news2025_topics(df: pd.DataFrame) -> pd.DataFrame:
    key = df["category"].str.replace("\u200c", " ").str.split().str.join(" ")
    return df.assign(topic=key.map(_NEWS2025_TOPICS), label=df["category"])
