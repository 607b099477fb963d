"""The topic taxonomy: the seven topics, and how each labelled corpus' own labels map to them.

Plain data and pure functions on DataFrames, with no dependency on how the corpora are read, so that both
:mod:`toolkit.datasets` (``load_topics`` applies the maps) and :mod:`toolkit.topics` use it without either
importing the other for its vocabulary.

>>> TOPICS
('politics', 'world', 'economy', 'sport', 'culture', 'science-tech', 'social')
>>> ISNA_TOPICS["cinema"], FARS_TOPICS["foreign-policy"], NEWS2025_TOPICS["اخبار جهان"]
('culture', 'politics', 'world')
>>> HAMSHAHRI_TOPICS["جهان"], HAMSHAHRI_TOPICS["دانش > پزشکی"], HAMSHAHRI_TOPICS["دانش > فضا"]
('world', 'social', 'science-tech')
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "FARS_TOPICS",
    "HAMSHAHRI_TOPICS",
    "ISNA_TOPICS",
    "NEWS2025_TOPICS",
    "TOPICS",
    "assign_topics",
    "hamshahri_topic",
    "topic_order",
]

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

#: Hamshahri Online's sections ("TOP > SUB", ZWNJs read as spaces): a key "TOP > SUB" decides for that subsection,
#: a key "TOP" for every subsection of TOP that has no key of its own. Fixed from the section names alone, before
#: any model was scored on these items. Left out: چندرسانه ای (multimedia: video and podcasts on any topic) and محله
#: (neighbourhood pages of Tehran, on any topic), as Fars' multimedia and province desks are.
HAMSHAHRI_TOPICS = {
    # Iran: domestic politics, foreign policy, the three branches (government, parliament, judiciary), the Leader
    "ایران > سیاست داخلی": "politics",
    "ایران > سیاست خارجی": "politics",
    "ایران > قوای سه گانه": "politics",
    "ایران > رهبری": "politics",
    "جهان": "world",  # Europe, America, Asia, West Asia, Africa, the Gulf, world bodies, viewpoints on them
    "اقتصاد": "economy",  # trade and finance, Iran's economy, transport, housing, energy, world economy
    "بازار": "economy",  # the market
    "ورزش": "sport",
    "سینما": "culture",  # Iranian and world cinema, radio and television
    "فرهنگ": "culture",  # art, literature, thought, heritage
    # media and journalism: culture, as Fars' arts-media; communications and technology: science-tech
    "ارتباطات > رسانه و روزنامه نگاری": "culture",
    "ارتباطات > ارتباطات و فناوری": "science-tech",
    "دانش > دانش": "science-tech",
    "دانش > فناوری": "science-tech",
    "دانش > فضا": "science-tech",
    # medicine is health, and health is social in every corpus here (Fars social/medicine-spirituality,
    # the news2025 health desks, Hamshahri's own زندگی > سلامت), whichever desk files it
    "دانش > پزشکی": "social",
    "زندگی": "social",  # health, family, nutrition, life skills
    "اجتماع": "social",  # society (travel)
    "زیست بوم": "social",  # the environment of Iran and of the world: social, as Fars' social/environment-tourism
}


def hamshahri_topic(section: str) -> str | None:
    """The topic of a Hamshahri Online section (:data:`HAMSHAHRI_TOPICS`), or ``None``.

    Parameters
    ----------
    section : str
        ``"TOP > SUB"`` as the outlet tags its items; ZWNJs count as spaces.

    Returns
    -------
    str or None

    Examples
    --------
    >>> hamshahri_topic("ایران > سیاست‌خارجی"), hamshahri_topic("دانش > پزشکی"), hamshahri_topic("محله > خط")
    ('politics', 'social', None)
    """
    key = " > ".join(" ".join(part.replace("‌", " ").split()) for part in str(section).split(">"))
    return HAMSHAHRI_TOPICS.get(key, HAMSHAHRI_TOPICS.get(key.split(" > ")[0]))


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


def _hamshahri(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(topic=df["section"].map(hamshahri_topic), label=df["section"], date=None)


_ASSIGN = {"isna": _isna, "fars": _fars, "news2025": _news2025, "hamshahri": _hamshahri}


def assign_topics(corpus: str, df: pd.DataFrame) -> pd.DataFrame:
    """The articles of a corpus with ``topic`` (``None`` where the label maps to no topic), ``label`` and ``date``.

    ``label`` is the corpus' own label the topic was mapped from (``"world/west-asia"`` for Fars), ``date`` the
    Solar Hijri date where the corpus has one (``None`` for ISNA and Hamshahri). Fars articles dated before
    :data:`FARS_FIRST_YEAR` or filed under :data:`FARS_MISFILED` get no topic.

    Parameters
    ----------
    corpus : {"isna", "fars", "news2025", "hamshahri"}
        Which corpus ``df`` is, as :mod:`toolkit.datasets` loads it (``category``; Fars also ``subcategory``
        and ``date``; Hamshahri ``section`` instead).
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
