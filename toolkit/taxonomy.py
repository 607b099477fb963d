"""The topic taxonomy: the seven topics, and how each labelled corpus' own labels map to them.

Plain data and pure functions on DataFrames, with no dependency on how the corpora are read, so that both
:mod:`toolkit.datasets` (``load_topics`` applies the maps) and :mod:`toolkit.topics` use it without either
importing the other for its vocabulary.

>>> TOPICS
('politics', 'world', 'economy', 'sport', 'culture', 'science-tech', 'social')
>>> ISNA_TOPICS["cinema"], FARS_TOPICS["foreign-policy"], NEWS2025_TOPICS["اخبار جهان"]
('culture', 'politics', 'world')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["FARS_TOPICS", "ISNA_TOPICS", "NEWS2025_TOPICS", "TOPICS", "assign_topics", "topic_order"]

#: The unified topics, in a fixed order.
TOPICS = ("politics", "world", "economy", "sport", "culture", "science-tech", "social")

#: ISNA's five folders.
ISNA_TOPICS = {
    "politics": "politics",
    "economics": "economy",
    "sport": "sport",
    "cinema": "culture",
    "tech": "science-tech",
}
#: Fars' categories (the ones left out are not here, see :func:`assign_topics`).
FARS_TOPICS = {
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
FARS_FIRST_YEAR = 1384
#: Fars (category, subcategory) pairs left out: the articles filed there are sport news.
FARS_MISFILED = {("world", "islamic-forces"), ("world", "iran")}
#: The sections of the 2025 outlets, ZWNJs read as spaces.
NEWS2025_TOPICS = {
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


def _isna(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(topic=df["category"].map(ISNA_TOPICS), label=df["category"], date=None)


def _fars(df: pd.DataFrame) -> pd.DataFrame:
    topic = df["category"].map(FARS_TOPICS)
    misfiled = pd.Series([(c, s) in FARS_MISFILED for c, s in zip(df["category"], df["subcategory"], strict=True)])
    early = df["date"].str[:4].astype(int) < FARS_FIRST_YEAR
    label = df["category"].where(df["subcategory"] == "", df["category"] + "/" + df["subcategory"])
    return df.assign(topic=topic.mask(early | misfiled), label=label)


def _news2025(df: pd.DataFrame) -> pd.DataFrame:
    key = df["category"].str.replace("\u200c", " ").str.split().str.join(" ")
    return df.assign(topic=key.map(NEWS2025_TOPICS), label=df["category"])


_ASSIGN = {"isna": _isna, "fars": _fars, "news2025": _news2025}


def assign_topics(corpus: str, df: pd.DataFrame) -> pd.DataFrame:
    """The articles of a corpus with ``topic`` (``None`` where the label maps to no topic), ``label`` and ``date``.

    ``label`` is the corpus' own label the topic was mapped from (``"world/west-asia"`` for Fars), ``date`` the
    Solar Hijri date where the corpus has one (``None`` for ISNA). Fars articles dated before
    :data:`FARS_FIRST_YEAR` or filed under :data:`FARS_MISFILED` get no topic.

    Parameters
    ----------
    corpus : {"isna", "fars", "news2025"}
        Which corpus ``df`` is, as :mod:`toolkit.datasets` loads it (``category``; Fars also ``subcategory``
        and ``date``).
    df : pandas.DataFrame
        The corpus' articles.

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with the columns ``topic``, ``label`` and ``date``.

    Examples
    --------
    >>> df = pd.DataFrame({"category": ["اخبار ورزشی", "استان‌ها"]})
    >>> assign_topics("news2025", df)[["topic", "label"]].values.tolist()
    [['sport', 'اخبار ورزشی'], [nan, 'استان\u200cها']]
    """
    if corpus not in _ASSIGN:
        raise ValueError(f"no topic map for corpus {corpus!r}: choose from {', '.join(_ASSIGN)}")
    return _ASSIGN[corpus](df)


def topic_order(labels) -> list[str]:
    """The distinct topics of ``labels`` in the order of :data:`TOPICS`, any others after them, sorted.

    Parameters
    ----------
    labels : iterable of str
        Topics, repeated or not.

    Returns
    -------
    list of str

    Examples
    --------
    >>> topic_order(["sport", "ورزش", "politics", "sport"])
    ['politics', 'sport', 'ورزش']
    """
    seen = set(labels)
    return [t for t in TOPICS if t in seen] + sorted(seen - set(TOPICS))
