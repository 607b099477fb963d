"""The corpora: where they come from, fetched and cached the way scikit-learn's datasets are.

No corpus text is in the toolkit. Each corpus is described by its upstream files (repository, pinned commit,
sha256 of every file, license, citation: :func:`describe`). A loader finds the files in a local mirror
(``$TOOLKIT_RAW``; ``../shared/data/raw`` beside a source checkout), else downloads them, checksummed, into the
data home (:func:`get_data_home`), else raises :class:`DataError` with what to do. The table built from them
(duplicates removed, a fixed split by article) is cached in the data home and rebuilt when its inputs change.

Every loader returns the core columns ``doc_id, outlet, title, text`` plus its own, and puts the corpus'
provenance (origin, commit, license, citation, counts) in ``df.attrs["provenance"]``. ``split`` is ``None``
(all rows), ``"train"`` or ``"test"``: made after removing exact and near-duplicate texts, so no text is on
both sides.

>>> isna = load_isna("test")
>>> list(isna.columns[:4]), sorted(isna["category"].unique())
(['doc_id', 'outlet', 'title', 'text'], ['cinema', 'economics', 'politics', 'sport', 'tech'])
>>> load_seeds()["title"].tolist()
['همکاری عراق و سوریه در یک موضوع خاص و مهم']
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import resources
from pathlib import Path

import pandas as pd

from toolkit import taxonomy
from toolkit._compat import moved
from toolkit.corpus import load_corpus
from toolkit.datasets._store import CORPORA, DataError, get_data_home

__all__ = [
    "DataError",
    "describe",
    "fetch",
    "get_data_home",
    "load_attribution",
    "load_claim_pairs",
    "load_claims_gold",
    "load_farexstance",
    "load_fars",
    "load_farstail",
    "load_hamshahri",
    "load_isna",
    "load_news2025",
    "load_seeds",
    "load_topics",
]

SPLITS = (None, "train", "test")


def describe(data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """The corpora the toolkit knows, one row each: where their files are, how many rows, on what terms.

    Parameters
    ----------
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        One row per corpus: ``name, title, where`` (``mirror``, ``cache`` or ``missing``: where its files
        are), ``rows, train, test`` (once built; missing before), ``license, origin, commit, files`` (how many
        upstream files it has).

    Examples
    --------
    >>> describe().name.tolist()
    ['isna', 'fars', 'farstail', 'news2025', 'farexstance', 'hamshahri']
    >>> list(describe().columns)
    ['name', 'title', 'where', 'rows', 'train', 'test', 'license', 'origin', 'commit', 'files']
    """
    from toolkit.datasets import _store

    home = get_data_home(data_home)
    rows = []
    for name, c in CORPORA.items():
        folder = _store.locate(name, home)
        where = "missing" if folder is None else "cache" if home in folder.parents else "mirror"
        n = _store.counts(name, home) or {}
        rows.append(
            {
                "name": name,
                "title": c.title,
                "where": where,
                "rows": n.get("rows"),
                "train": n.get("train"),
                "test": n.get("test"),
                "license": c.license,
                "origin": c.origin,
                "commit": c.commit,
                "files": len(_store.files(name)),
            }
        )
    return pd.DataFrame(rows)


def fetch(name: str = "all", *, data_home: str | os.PathLike | None = None, progress: bool = True) -> pd.DataFrame:
    """Find or download the files of a corpus, and build its table.

    The files are looked for, in order, in a local mirror (``$TOOLKIT_RAW``; ``../shared/data/raw`` beside a
    source checkout), then in the data home's ``raw/`` folder; what is in neither is downloaded there, its
    checksum checked. The table built from them is cached in the data home and only rebuilt when its inputs
    change, so a second call is quick.

    Parameters
    ----------
    name : str, default "all"
        A corpus of :func:`describe` (``"isna"``, ``"fars"``, ``"farstail"``, ``"news2025"``,
        ``"farexstance"``, ``"hamshahri"``), or ``"all"``.
    data_home : str or os.PathLike, optional
        The folder for downloads and built tables; default :func:`get_data_home` (``$TOOLKIT_DATA``, else the
        platform's user cache folder).
    progress : bool, default True
        Show a progress bar while downloading.

    Returns
    -------
    pandas.DataFrame
        :func:`describe` of the data home, after the fetch.

    Raises
    ------
    ValueError
        For a name that is no corpus.
    DataError
        When a corpus can be neither found nor downloaded, or a mirror's file is not the pinned upstream file
        (its sha256 differs).

    Examples
    --------
    >>> corpora = fetch("news2025", progress=False).set_index("name")
    >>> int(corpora.loc["news2025", "rows"]), int(corpora.loc["news2025", "test"])
    (80, 80)
    >>> fetch("hamshahri2")
    Traceback (most recent call last):
    ...
    ValueError: unknown corpus 'hamshahri2': choose from isna, fars, farstail, news2025, farexstance, hamshahri or 'all'
    """
    from toolkit.datasets import _store

    names = list(CORPORA) if name == "all" else [name]
    unknown = [n for n in names if n not in CORPORA]
    if unknown:
        raise ValueError(f"unknown corpus {unknown[0]!r}: choose from {', '.join(CORPORA)} or 'all'")
    home = get_data_home(data_home)
    for n in names:
        _store.table(n, home, progress=progress)
    return describe(home)


@functools.cache
def _table(name: str, home: Path) -> pd.DataFrame:
    from toolkit.datasets import _store

    return _store.table(name, home)


def _load(name: str, split: str | None, data_home) -> pd.DataFrame:
    if split not in SPLITS:
        raise ValueError(f"split must be None, 'train' or 'test', not {split!r}")
    df = _table(name, get_data_home(data_home))
    if split is not None:
        df = df[df["split"] == split]
    df = df.reset_index(drop=True).copy()
    df.attrs["provenance"] = provenance(name, data_home)
    return df


def provenance(name: str, data_home: str | os.PathLike | None = None) -> dict:
    """Where a corpus comes from and what it may be used for.

    Every loader puts this in ``df.attrs["provenance"]``.

    Parameters
    ----------
    name : str
        A corpus of :func:`describe`.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    dict
        ``title, origin, commit, paths, license, citation, columns, counts`` (``rows, train, test`` of the
        built table, None before it is built) and ``source_hash`` (what the cached table is built from: the
        builder's version and every input file's sha256).

    Raises
    ------
    KeyError
        For a name that is no corpus.

    Examples
    --------
    >>> isna = provenance("isna")
    >>> isna["counts"]
    {'rows': 7453, 'train': 5949, 'test': 1504}
    >>> load_isna("test").attrs["provenance"]["license"] == isna["license"]
    True
    """
    from toolkit.datasets import _store

    c = CORPORA[name]
    counts = _store.counts(name, get_data_home(data_home))
    return {
        "title": c.title,
        "origin": c.origin,
        "commit": c.commit,
        "paths": f"{c.upstream}/…",
        "license": c.license,
        "citation": c.citation,
        "columns": c.columns,
        "counts": counts,
        "source_hash": _store.key(name),
    }


def load_isna(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """ISNA news (isna.ir): five categories, about 1,500 articles each (7,453 in all).

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All articles, or one side of the split by article: 20 % are ``"test"``, chosen by a hash of the
        ``doc_id``, after the duplicates across ISNA and Fars are removed.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, lead, category, split``: ``text`` is the lead and the body, ``title`` the
        headline, ``category`` one of cinema, economics, politics, sport, tech.

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``.
    DataError
        When the files of ISNA, or of Fars (the two are built together), can be neither found nor downloaded.

    Examples
    --------
    >>> isna = load_isna()
    >>> isna.shape[1], sorted(isna["category"].unique())
    (7, ['cinema', 'economics', 'politics', 'sport', 'tech'])
    >>> isna[isna["title"].str.contains("سینما")]["category"].value_counts().index[0]
    'cinema'
    """
    return _load("isna", split, data_home)


def load_fars(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Fars News (farsnews.ir): articles with the site's categories, subcategories and authors' tags.

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All articles, or the ``"train"`` or ``"test"`` side, by the same hash of the ``doc_id`` as ISNA's
        (20 % test); an article duplicating an ISNA article with a smaller ``doc_id`` is left out.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, lead, category, subcategory, tags, url, date, split``. ``tags`` are the
        authors' keyword tags (a list, often empty); ``date`` is the Solar Hijri publication date read from the
        news id (``"1387-07-06"``).

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``.
    DataError
        When the files of Fars or ISNA (built together, duplicates removed across both) are in no mirror and
        cannot be downloaded.

    Examples
    --------
    >>> fars = load_fars()
    >>> fars.shape[1], bool(fars["date"].str.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}").all())
    (11, True)
    >>> fars[fars["tags"].map(lambda tags: "فوتبال" in tags)]["category"].value_counts().index[0]
    'sports'
    """
    return _load("fars", split, data_home)


def load_news2025(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """80 articles of four agencies from 1404 SH (2025), none of them in any training data.

    Borna, Hamshahri Online, Khabaronline and Tasnim, 20 articles each: the held-out check of other outlets
    and another year.

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All articles; they are all in ``"test"``, so ``"train"`` is empty.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, lead, category, tags, url, date, split``; ``category`` is the outlet's own
        section («اخبار ورزشی»), ``date`` the Solar Hijri date.

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``.
    DataError
        When its files, or those of ISNA and Fars (its duplicates are looked for among them), can be neither
        found nor downloaded.

    Examples
    --------
    >>> news = load_news2025()
    >>> news.groupby("outlet").size().tolist(), len(load_news2025("train"))
    ([20, 20, 20, 20], 0)
    >>> sorted(news["date"].str[:4].unique())
    ['1404']
    """
    return _load("news2025", split, data_home)


def load_hamshahri(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Hamshahri Online RSS items of 2020 (hamshahrionline.ir): a headline and a lead, with the outlet's section.

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All items, or one side of the split by a hash of the ``doc_id`` (20 % test). Items duplicating an ISNA
        or Fars article, or another item's lead (a story updated under a new title), are left out.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, lead, section, url, split``. ``text`` is the RSS lead (one or two
        sentences, about 150 characters), not the article; ``section`` the outlet's own section, ``"TOP > SUB"``
        (``"جهان > اروپا"``).

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``.
    DataError
        When its file, or the files of ISNA and Fars it is checked for duplicates against, can be neither found
        nor downloaded.

    Examples
    --------
    >>> load_hamshahri().section.str.split(" > ").str[0].value_counts().index[:3].tolist()
    ['ایران', 'زندگی', 'ورزش']
    """
    return _load("hamshahri", split, data_home)


def load_farstail(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """FarsTail natural language inference pairs: a premise, a hypothesis and how they relate.

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All pairs, or the upstream split (Train and Val are ``"train"``, Test is ``"test"``); a pair is left out
        only where its premise duplicates one on the other side.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, premise, hypothesis, label, split``; ``label`` is ``e`` (entailment),
        ``c`` (contradiction) or ``n`` (neutral), ``text`` the premise.

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``.
    DataError
        When the FarsTail files can be neither found nor downloaded.

    Examples
    --------
    >>> pairs = load_farstail("test")
    >>> sorted(pairs["label"].unique()), bool((pairs["text"] == pairs["premise"]).all())
    (['c', 'e', 'n'], True)
    """
    return _load("farstail", split, data_home)


def load_farexstance(
    split: str | None = None, task: str | None = None, *, data_home: str | os.PathLike | None = None
) -> pd.DataFrame:
    """FarExStance claim stance pairs: a claim and an article or a headline, and the stance of one to the other.

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All pairs, or a side of the upstream split (split by claim): ``"test"`` is the upstream test split,
        ``"train"`` the upstream train and dev (``upstream_split`` says which).
    task : {None, "article", "headline"}, default None
        ``"article"`` (a claim and a whole article: ``text``), ``"headline"`` (a claim and a headline), or
        None for both.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, claim, stance, task, claim_id, news_id, evidence, split,
        upstream_split``; ``stance`` is agree, disagree, discuss or unrelated.

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"train"`` or ``"test"``, or a ``task`` other than None,
        ``"article"`` or ``"headline"``.
    DataError
        When the FarExStance files can be neither found nor downloaded.

    Examples
    --------
    >>> stance = load_farexstance("test", task="headline")
    >>> stance.shape[1], sorted(stance["stance"].unique())
    (12, ['agree', 'disagree', 'discuss', 'unrelated'])
    >>> sorted(load_farexstance()["task"].unique())
    ['article', 'headline']
    """
    if task not in (None, "article", "headline"):
        raise ValueError(f"task must be None, 'article' or 'headline', not {task!r}")
    df = _load("farexstance", split, data_home)
    if task is not None:
        prov = df.attrs["provenance"]
        df = df[df["task"] == task].reset_index(drop=True)
        df.attrs["provenance"] = prov
    return df


def load_seeds() -> pd.DataFrame:
    """The seed article(s) of the project (``seeds/``, installed with the package).

    Read as files are by :func:`toolkit.load_corpus`: ``text`` is the file as it is (it has lost its ZWNJs),
    ``outlet`` is empty (the article names its relay itself, «به گزارش آران نیوز»). Needs no corpus.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`toolkit.load_corpus` (``doc_id, outlet, title, text, path, encoding``), with the
        seed's provenance in ``df.attrs["provenance"]``.

    Examples
    --------
    >>> seed = load_seeds()
    >>> list(seed.columns)
    ['doc_id', 'outlet', 'title', 'text', 'path', 'encoding']
    >>> "به گزارش آران نیوز" in seed.loc[0, "text"], "کردهاند" in seed.loc[0, "text"]
    (True, True)
    """
    with resources.as_file(resources.files("toolkit") / "resources" / "seeds") as folder:
        df = load_corpus(Path(folder))
    df.attrs["provenance"] = {
        "title": "Seed article: Iraq-Syria arrangement to bomb ISIS (RT, Al Mayadeen, Rudaw)",
        "origin": "the project's design card, copied byte for byte",
        "license": "news text quoted for research",
        "citation": "Relayed by Aran News; quoting RT, Al Mayadeen and Rudaw.",
    }
    return df


# --- Our own labels: passages referred to by corpus, doc id and span, resolved here ----------------------

_LOADERS = {
    "isna": load_isna,
    "fars": load_fars,
    "news2025": load_news2025,
    "hamshahri": load_hamshahri,
    "farexstance": load_farexstance,
}


def _label_records(file: str, split: str | None) -> list[dict]:
    """The records of one of our label files (``resources/labels/``), those of ``split`` if given."""
    lines = (resources.files("toolkit") / "resources" / "labels" / file).read_text("utf-8").split("\n")
    recs = [json.loads(x) for x in lines if x]
    return recs if split is None else [r for r in recs if r["split"] == split]


def _corpus_texts(file: str, corpora: set[str], data_home) -> dict[str, dict[str, str]]:
    """The raw text of every article of the corpora a label file quotes: corpus → doc id → text."""
    texts: dict[str, dict[str, str]] = {}
    for corpus in sorted(corpora):
        if corpus == "seed":
            df = load_seeds()
        elif corpus in _LOADERS:
            try:
                df = _LOADERS[corpus](data_home=data_home)
            except DataError as e:
                raise DataError(f"the labels of {file} quote the {corpus} corpus, which cannot be had: {e}") from None
        else:
            raise DataError(f"{file} names a corpus the toolkit does not know: {corpus!r}")
        texts[corpus] = dict(zip(df["doc_id"], df["text"], strict=True))
    return texts


def _labels(file: str, split: str | None, data_home, keep=None) -> pd.DataFrame:
    recs = _label_records(file, split)
    if keep is not None:
        recs = [r for r in recs if keep(r)]
    texts = _corpus_texts(file, {r["corpus"] for r in recs}, data_home)
    rows = []
    for r in recs:
        raw = texts[r["corpus"]][r["doc_id"]]
        passage = raw[r["start"] : r["end"]]
        if hashlib.sha256(passage.encode()).hexdigest() != r["sha256"]:
            raise DataError(
                f"{file}, passage {r['id']}: {r['doc_id']}[{r['start']}:{r['end']}] is not the labelled text"
            )
        claims = [c | {"content": raw[c["content_start"] : c["content_end"]]} for c in r["claims"]]
        rows.append({k: v for k, v in r.items() if k not in ("sha256", "claims")} | {"text": passage, "claims": claims})
    return pd.DataFrame(rows)


def load_claims_gold(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """The project's first labelled set of attributed claims: sentences of ISNA and Fars, with who said what.

    Parameters
    ----------
    split : {None, "dev", "test", "test2", "test3"}, default None
        All passages, or those of one of the four labelled sets.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``id, split, corpus, doc_id, start, end, text, claims`` (and ``note`` where a label has one). ``text``
        is the passage, resolved from the corpus (``raw[start:end]``, checked against the label's sha256); each
        claim is a dict ``outlet, speaker, cue, mode, content, content_start, content_end`` with raw offsets into
        the article's text.

    Raises
    ------
    DataError
        When a passage is not the labelled text (its sha256 differs), or ISNA or Fars cannot be had.

    Examples
    --------
    >>> gold = load_claims_gold()
    >>> sorted(gold["split"].unique())
    ['dev', 'test', 'test2', 'test3']
    >>> claims = gold["claims"].explode().dropna()
    >>> sorted(claims.iloc[0])
    ['content', 'content_end', 'content_start', 'cue', 'mode', 'outlet', 'speaker']
    >>> claims.map(lambda claim: claim["cue"]).value_counts().index[0]
    'گفت'
    """
    return _labels("claims_gold.jsonl", split, data_home)


#: The attribution set's rounds of drawing, by the letter their passage ids start with: round 1 was labelled
#: while the scheme's rules were being written, round 2 after, on articles round 1 did not draw.
ATTRIBUTION_ROUNDS = {"a": 1, "b": 2}


def load_attribution(
    split: str | None = None, *, round: int | None = None, data_home: str | os.PathLike | None = None
) -> pd.DataFrame:
    """The attribution set of the project's scheme: passages of outlets the extractor's rules were not written on.

    Labelled by reading, following the scheme (``docs``: attribution), before the extractor was run on them.
    Drawn in two rounds (:data:`ATTRIBUTION_ROUNDS`): 440 passages, then 217 more from other articles.

    Parameters
    ----------
    split : {None, "dev", "test"}, default None
        All passages, or the ``"dev"`` or the ``"test"`` set.
    round : {None, 1, 2}, default None
        Both rounds, or the passages of one.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``id, split, round, corpus, doc_id, start, end, text, claims``; ``text`` is the passage, resolved from the
        corpus and checked as in :func:`load_claims_gold`; each claim is a dict ``source, speaker, mode, cue,
        cue_start, cue_end, content, content_start, content_end`` (raw offsets into the article's text).

    Raises
    ------
    ValueError
        When ``round`` is not one of the rounds.
    DataError
        When a passage is not the labelled text (its sha256 differs), or a corpus it quotes cannot be had.

    Examples
    --------
    >>> load_attribution(round=2)["id"].str[0].unique().tolist()
    ['b']
    >>> claims = load_attribution("dev")["claims"].explode().dropna()
    >>> sorted(claims.iloc[0])
    ['content', 'content_end', 'content_start', 'cue', 'cue_end', 'cue_start', 'mode', 'source', 'speaker']
    >>> sorted(claims.map(lambda claim: claim["mode"]).unique())
    ['according_to', 'direct', 'indirect']
    >>> claims.map(lambda claim: claim["cue"]).value_counts().index[0]
    'گفت'
    """
    rounds = sorted(ATTRIBUTION_ROUNDS.values())
    if round is not None and round not in rounds:
        raise ValueError(f"round must be one of {rounds} or None, not {round!r}")
    keep = None if round is None else (lambda rec: ATTRIBUTION_ROUNDS[rec["id"][0]] == round)
    df = _labels("attribution.jsonl", split, data_home, keep)
    if not df.empty:
        df.insert(2, "round", df["id"].str[0].map(ATTRIBUTION_ROUNDS))
    return df


# --- Claim pairs: two claims of different articles and how they relate (issue 20) ------------------------

#: The relations of :func:`load_claim_pairs`, as the guide (*Claim pairs*) defines them.
CLAIM_RELATIONS = ("agree", "elaborate", "contradict", "unrelated")


def _claim_pair_texts(recs: list[dict], data_home) -> list[tuple[str, str]]:
    """The two claims of each pair, resolved from the corpora and checked against the labels' sha256."""
    texts = _corpus_texts("claim_pairs.jsonl", {r[side]["corpus"] for r in recs for side in ("a", "b")}, data_home)
    out = []
    for r in recs:
        pair = []
        for side in ("a", "b"):
            s = r[side]
            raw = texts[s["corpus"]].get(s["doc_id"])
            claim = None if raw is None else raw[s["start"] : s["end"]]
            if claim is None or hashlib.sha256(claim.encode()).hexdigest() != s["sha256"]:
                raise DataError(
                    f"claim_pairs.jsonl, pair {r['id']}: claim {side.upper()}, {s['doc_id']}[{s['start']}:{s['end']}], "
                    f"is not the labelled text: the {s['corpus']} corpus differs from the one labelled "
                    f"(check its files with toolkit.datasets.fetch({s['corpus']!r}))"
                )
            pair.append(claim)
        out.append((pair[0], pair[1]))
    return out


def load_claim_pairs(split: str | None = None, *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Pairs of claims from different articles, labelled agree, elaborate, contradict or unrelated by reading.

    The claims were extracted with :func:`toolkit.claims.extract_claims` from FarExStance's articles, ISNA, Fars,
    news2025, Hamshahri Online and the seed, paired across articles (different outlets first) in strata: the
    same FarExStance claim cluster, bands of lexical similarity, a shared number or speaker, random pairs, and
    pairs sought for contradictions (``scripts/build_claim_pairs.py``). Each pair was labelled by reading both
    claims in their sentences, before any model saw them (definitions in the guide, *Claim pairs*). The labels
    hold no text: each claim is its corpus, doc id and raw span, resolved here and checked by sha256. The
    ``test`` part is frozen, and split by event: no event (FarExStance claim cluster, or article) is on both
    sides.

    Parameters
    ----------
    split : {None, "dev", "test"}, default None
        All pairs, or those of one part.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``id, split, relation, numeric, text_a, text_b, outlet_a, outlet_b, corpus_a, doc_a,
        start_a, end_a, events_a, corpus_b, doc_b, start_b, end_b, events_b, stratum, note``. ``relation`` is one
        of :data:`CLAIM_RELATIONS`; ``numeric`` is True for a contradiction of numbers (400–500 vs 2,000);
        ``text_a`` / ``text_b`` are the claims' raw text (``raw[start:end]`` of the article's ``text``);
        ``events_a`` / ``events_b`` the events a claim belongs to (``fx:<claim_id>`` for a FarExStance claim
        cluster, else ``<corpus>:<doc_id>``); ``stratum`` how the pair was drawn; ``note`` the labeller's
        reason, or empty.

    Raises
    ------
    ValueError
        For a ``split`` other than None, ``"dev"`` or ``"test"``.
    DataError
        When a corpus the pairs quote can be neither found nor downloaded (the message names it and says what
        to do), or a claim is not the labelled text (its sha256 differs).

    Examples
    --------
    >>> pairs = load_claim_pairs("test")
    >>> sorted(pairs["relation"].unique())
    ['agree', 'contradict', 'elaborate', 'unrelated']
    >>> seed = load_claim_pairs().query("corpus_a == 'seed' and corpus_b == 'seed'")
    >>> row = seed[seed["text_b"].str.contains("یکدیگر")].iloc[0]
    >>> row["outlet_b"], row["relation"]
    ('Al Mayadeen', 'elaborate')
    """
    if split not in (None, "dev", "test"):
        raise ValueError(f"split must be None, 'dev' or 'test', not {split!r}")
    recs = _label_records("claim_pairs.jsonl", split)
    rows = []
    for r, (text_a, text_b) in zip(recs, _claim_pair_texts(recs, data_home), strict=True):
        row = {"id": r["id"], "split": r["split"], "relation": r["relation"], "numeric": r["numeric"]}
        row |= {"text_a": text_a, "text_b": text_b, "outlet_a": r["a"]["outlet"], "outlet_b": r["b"]["outlet"]}
        for side in ("a", "b"):
            s = r[side]
            row |= {f"corpus_{side}": s["corpus"], f"doc_{side}": s["doc_id"], f"start_{side}": s["start"]}
            row |= {f"end_{side}": s["end"], f"events_{side}": list(s["events"])}
        rows.append(row | {"stratum": r["stratum"], "note": r.get("note", "")})
    return pd.DataFrame(rows, columns=_CLAIM_PAIR_COLUMNS)


_CLAIM_PAIR_COLUMNS = [
    "id", "split", "relation", "numeric", "text_a", "text_b", "outlet_a", "outlet_b",
    "corpus_a", "doc_a", "start_a", "end_a", "events_a", "corpus_b", "doc_b", "start_b", "end_b", "events_b",
    "stratum", "note",
]  # fmt: skip


# --- Topics: one taxonomy over the labelled news corpora (toolkit.taxonomy; see load_topics) --------------

_TOPIC_COLUMNS = ["doc_id", "outlet", "title", "text", "topic", "label", "date", "split"]


def load_topics(
    split: str | None = None,
    *,
    corpora: tuple[str, ...] = ("isna", "fars", "hamshahri"),
    data_home: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Labelled news in one taxonomy (:data:`toolkit.taxonomy.TOPICS`), mapped from each corpus' own labels.

    The split is each corpus' own duplicate-free split by article; articles whose label maps to no topic are
    left out.

    The mapping (also in the guide, *Topics*):

    * ISNA: politics → politics, economics → economy, sport → sport, cinema → culture, tech → science-tech.
    * Fars, by category: politics and foreign-policy → politics; world and regional-offices → world; economy;
      sports → sport; culture and arts-media → culture; scientific-academic → science-tech; social and
      education → social. Left out: articles dated before 1384 (in 1382–1383 the section labels do not
      match the text: arts-media holds economy news, scientific-academic holds arts, politics holds world
      news), world/islamic-forces and world/iran (sport news), province and the 31 province desks (regional
      news on every topic), farsplus-magazine (a magazine mixing every topic), viewpoint (opinion essays),
      multimedia, other-media, myfars, last-clay and articles without a category.
    * Hamshahri Online, by section (:data:`toolkit.taxonomy.HAMSHAHRI_TOPICS`, fixed from the section names
      before any model was scored on it): ایران > سیاست داخلی, سیاست‌خارجی, قوای سه‌گانه, رهبری → politics;
      جهان → world; اقتصاد, بازار → economy; ورزش → sport; سینما, فرهنگ, ارتباطات > رسانه و روزنامه‌نگاری →
      culture; دانش > دانش, فناوری, فضا and ارتباطات > ارتباطات و فناوری → science-tech; دانش > پزشکی,
      زندگی, اجتماع, زیست‌بوم → social (medicine is health, and health is social in every corpus here, whichever
      desk files it). Left out: چندرسانه‌ای (video and podcasts on any topic) and محله (neighbourhood pages).
    * news2025, from the outlets' own sections: سیاسی → politics; جهان, بین‌الملل → world; اقتصادی,
      کسب و کار → economy; ورزشی → sport; فرهنگی, فرهنگ و هنر → culture; دانش, دانش و فناوری →
      science-tech; اجتماعی, سلامت, شهر, زندگی → social. Left out: استان‌ها (province desks).

    Parameters
    ----------
    split : {None, "train", "test"}, default None
        All rows, or one side of each corpus' split.
    corpora : tuple of str, default ("isna", "fars", "hamshahri")
        Among ``"isna"``, ``"fars"``, ``"hamshahri"`` (the default: the training corpora; Hamshahri's ``text``
        is an RSS lead of about 150 characters, not the article) and ``"news2025"``, 80 articles of four other
        agencies from 1404 SH (2025) that are all in the test split.
    data_home : str or os.PathLike, optional
        Where downloads and built tables are kept; default :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, title, text, topic, label, date, split``. ``label`` is the corpus' own label the topic
        was mapped from (``"world/west-asia"``), ``date`` the Solar Hijri date where the corpus has one (``None``
        for ISNA and Hamshahri). ``df.attrs["provenance"]`` holds :func:`provenance` of each corpus, by name.

    Raises
    ------
    ValueError
        For ``corpora`` empty or naming another corpus, or a ``split`` other than None, ``"train"`` or
        ``"test"``.
    DataError
        When a corpus' files are in no mirror and cannot be downloaded.

    Examples
    --------
    >>> df = load_topics("test")
    >>> sorted(df.topic.unique()) == sorted(taxonomy.TOPICS), sorted(df.outlet.unique())
    (True, ['Fars', 'Hamshahri Online', 'ISNA'])
    >>> news = load_topics(corpora=("news2025",))
    >>> news.split.unique().tolist(), news.loc[news["label"] == "ورزشی", "topic"].unique().tolist()
    (['test'], ['sport'])
    """
    known = ("fars", "hamshahri", "isna", "news2025")
    unknown = set(corpora) - set(known)
    if unknown or not corpora:
        raise ValueError(f"corpora must be among {list(known)}, not {list(corpora)!r}")
    frames = []
    for name in corpora:
        df = taxonomy.assign_topics(name, _load(name, split, data_home))
        frames.append(df[df["topic"].notna()][_TOPIC_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    out.attrs["provenance"] = {name: provenance(name, data_home) for name in corpora}
    return out


__getattr__ = moved(__name__, {"TOPICS": "toolkit.taxonomy:TOPICS"})
