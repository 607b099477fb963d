"""Where outlets agree, add to or contradict each other: claim pairs across outlets, and an outlet × proposition table.

:func:`compare_claims` pairs each claim of :func:`toolkit.claims.extract_claims` with the claims of *other*
outlets that state the same proposition and says how they relate; :func:`claim_matrix` shows which outlet
states which proposition. Claims are paired by their concepts (:func:`concepts`); how two texts relate —
agree, elaborate, contradict or unrelated — is said by a learned model, :func:`relate` (also for a claim and
a headline or a whole article), with its evidence: shared concepts, numbers, negations. Two claims of two
outlets are then decided on that evidence (:func:`_decide`): a contradiction needs one quantity's numbers, a
negated predicate or an antonym in claims of the same content. :func:`group_claims` groups the claims of a
whole corpus into propositions.

>>> claims = pd.DataFrame({
...     "doc_id": ["d", "d", "d"], "outlet": ["RT", "Al Mayadeen", "Rudaw"],
...     "content": ["عراق بدون اجازه دمشق مواضع داعش را در سوریه بمباران می‌کند",
...                 "بغداد و دمشق اجازه داده‌اند تروریست‌ها را در خاک یکدیگر بمباران کنند",
...                 "۴۰۰ الی ۵۰۰ نفر از عناصر داعش در سوریه هستند"],
...     "start": [0, 0, 0], "end": [1, 1, 1]})
>>> pairs = compare_claims(claims)
>>> pairs[["outlet_a", "outlet_b", "relation"]].values.tolist()
[['RT', 'Al Mayadeen', 'elaborate'], ['Rudaw', '', 'unique']]
>>> pairs["reason"].tolist()
['shared proposition; direction/reciprocity', 'no other outlet']
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from toolkit.numbers import Quantity, overlap, quantities
from toolkit.tokens import lemmatize, sentence_spans, token_spans

__all__ = [
    "COMPARE_COLUMNS",
    "CONCEPTS",
    "PLACES",
    "RELATIONS",
    "claim_matrix",
    "compare_claims",
    "concepts",
    "group_claims",
    "pair_features",
    "relate",
    "relate_many",
]  # fmt: skip

COMPARE_COLUMNS = [
    "outlet_a", "outlet_b", "claim_a", "claim_b", "similarity", "relation", "reason",
    "doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b",
]  # fmt: skip

#: TABLE CONCEPTS — words news writes for the same thing, mapped to one concept (after lemmatization).
CONCEPTS = {
    # capitals and demonyms → the country
    **dict.fromkeys(["عراق", "بغداد", "عراقی", "عراقی‌ها"], "عراق"),
    **dict.fromkeys(["سوریه", "دمشق", "سوری", "سوری‌ها"], "سوریه"),
    **dict.fromkeys(["ایران", "تهران", "ایرانی", "ایرانی‌ها"], "ایران"),
    **dict.fromkeys(["آمریکا", "امریکا", "واشنگتن", "آمریکایی", "آمریکایی‌ها", "ایالات"], "آمریکا"),
    **dict.fromkeys(["روسیه", "مسکو", "روس", "روسی"], "روسیه"),
    **dict.fromkeys(["عربستان", "ریاض", "سعودی"], "عربستان"),
    **dict.fromkeys(["ترکیه", "آنکارا", "ترک"], "ترکیه"),
    **dict.fromkeys(["انگلیس", "انگلستان", "بریتانیا", "لندن", "انگلیسی"], "انگلیس"),
    **dict.fromkeys(["فرانسه", "پاریس", "فرانسوی"], "فرانسه"),
    **dict.fromkeys(["آلمان", "برلین", "آلمانی"], "آلمان"),
    **dict.fromkeys(["چین", "پکن", "چینی"], "چین"),
    **dict.fromkeys(["لبنان", "بیروت", "لبنانی"], "لبنان"),
    **dict.fromkeys(["اسرائیل", "تل‌آویو", "اسرائیلی", "صهیونیستی"], "اسرائیل"),
    **dict.fromkeys(["افغانستان", "کابل", "افغان"], "افغانستان"),
    **dict.fromkeys(["یمن", "صنعا", "یمنی"], "یمن"),
    # armed groups
    **dict.fromkeys(["داعش", "تروریست", "تروریستی", "تکفیری", "تروریسم"], "داعش"),
    # acts and permissions
    **dict.fromkeys(["بمباران", "حمله", "حملات", "هدف", "بمب"], "بمباران"),
    **dict.fromkeys(["اجازه", "اختیار", "مجوز", "اذن"], "اجازه"),
    **dict.fromkeys(["نیرو", "نیروی", "ارتش", "جنگنده", "جنگنده‌ها"], "نیرو"),
    **dict.fromkeys(["خاک", "قلمرو", "داخل"], "خاک"),
}
#: Words that make a claim reciprocal («در خاک یکدیگر», «طرفین»): the other claim may say it one way only.
RECIPROCAL = {"یکدیگر", "همدیگر", "طرفین", "متقابل", "متقابلا", "متقابلاً", "دوجانبه", "دوطرفه"}
_RECIPROCAL_PHRASE = re.compile(r"دو\s+طرف|هر\s+دو\s+(?:طرف|کشور)")
_NEGATIVE_COPULA = {"نیست", "نیستند", "نبود", "نبودند"}
_LIGHT_VERBS = {"کرد#کن", "شد#شو", "داد#ده", "داشت#دار", "گرفت#گیر", "زد#زن", "آمد#آ", "خورد#خور"}
_COPULA = {"است", "هست", "هستند", "بود", "بودند"}
#: Concepts that are places: sharing only places does not make two claims one proposition.
PLACES = {v for v in CONCEPTS.values() if v in {"عراق", "سوریه", "ایران", "آمریکا", "روسیه", "عربستان", "ترکیه",
                                                 "انگلیس", "فرانسه", "آلمان", "چین", "لبنان", "اسرائیل",
                                                 "افغانستان", "یمن", "خاک"}}  # fmt: skip
_STOP = set(
    "و در به از که را با این آن برای تا است بود شد شده شود می هم نیز یک خود یا اما بر پس هر همه "
    "دیگر کرد#کن شد#شو بود#باش است#هست داشت#دار داد#ده کرده کند کنند باید صرفا صرفاً همچنین نیز "
    "او وی ایشان ما آنها آن‌ها خواهد خواست#خواه گرفت#گیر قرار ای اند ها های الی".split()
)
#: Pairs at least this similar state the same proposition.
SAME_PROPOSITION = 0.2


@functools.lru_cache(maxsize=20_000)
def concepts(text: str) -> tuple[str, ...]:
    """The concepts of a claim, in order: lemmas of its content words, merged by ``CONCEPTS``.

    A claim's concepts are its content words, lemmatized (hazm), with the stop words out and a small table
    (:data:`CONCEPTS`) merging what news uses interchangeably: a capital and its country (بغداد → عراق), a
    demonym and its country (عراقی → عراق), «داعش» and «تروریست», «اجازه» and «اختیار», «بمباران» and «حمله».

    Parameters
    ----------
    text : str
        A claim, normalized.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> concepts("تروریست‌ها را در خاک یکدیگر بمباران کنند")
    ('داعش', 'خاک', 'یکدیگر', 'بمباران')
    """
    out = []
    for tok, _, _, kind in token_spans(text) if isinstance(text, str) else []:
        if kind not in ("word", "latin"):
            continue
        lemma = lemmatize(tok)
        for form in (tok, lemma):
            if form in CONCEPTS:
                out.append(CONCEPTS[form])
                break
        else:
            if lemma not in _STOP and tok not in _STOP and len(lemma) > 1:
                out.append(lemma)
    return tuple(out)


@functools.lru_cache(maxsize=20_000)
def _predicates(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(asserted, negated) predicates: verb lemmas, and «X است» / «X نیست» as «X+»."""
    pos, neg = set(), set()
    toks = [t for t, _, _, kind in token_spans(text) if kind == "word"]
    for i, tok in enumerate(toks):
        lemma = lemmatize(tok)
        if "#" in lemma:
            stems = lemma.split("#")
            negative = tok.startswith("نمی") or (tok.startswith("ن") and not any(x.startswith("ن") for x in stems))
            if lemma in _LIGHT_VERBS and i:  # «شرکت نمی‌کند»: the predicate is the compound verb
                lemma = lemmatize(toks[i - 1]) + " " + lemma
            (neg if negative else pos).add(lemma)
        elif i and (tok in _NEGATIVE_COPULA or tok in _COPULA):
            noun = lemmatize(toks[i - 1])
            (neg if tok in _NEGATIVE_COPULA else pos).add(CONCEPTS.get(noun, noun) + "+")
    return frozenset(pos), frozenset(neg)


@functools.lru_cache(maxsize=20_000)
def _quantities(text: str) -> tuple[tuple[Quantity, str], ...]:
    """Each number with the noun after it (its unit: نفر، دلار، درصد …)."""
    out = []
    for q in quantities(text):
        after = re.match(r"\s*(\S+)", text[q.end :])
        out.append((q, after.group(1).strip("،,.") if after else ""))
    return tuple(out)


@functools.lru_cache(maxsize=20_000)
def _reciprocal(text: str) -> bool:
    words = set(re.findall(r"\w+", text))
    return bool(words & RECIPROCAL) or _RECIPROCAL_PHRASE.search(text) is not None


def pair_features(a: str, b: str) -> dict[str, float]:
    """Features of a pair of texts that decide their relation (also used by the stance benchmark).

    ``overlap`` (Jaccard of concepts), ``shared_non_place`` (shared concepts that are not places),
    ``containment_a`` / ``containment_b`` (share of a's / b's concepts
    found in the other), ``negation_mismatch`` (a verb or a noun one negates and the other asserts),
    ``numeric_mismatch`` / ``numeric_match`` (numbers with the same unit that do / do not overlap),
    ``reciprocity_mismatch`` (only one is reciprocal), ``extra_a`` / ``extra_b`` (concepts only in a / b).
    Numbers are read with :mod:`toolkit.numbers` (``۴۰۰ الی ۵۰۰``, ``400-500``) and compared by value with
    the noun after them.

    Parameters
    ----------
    a, b : str
        Two claims, normalized.

    Returns
    -------
    dict of str to float

    Examples
    --------
    >>> f = pair_features("تعداد عناصر داعش ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش ۲۰۰۰ نفر است")
    >>> f["numeric_mismatch"], f["containment_a"] > 0.5
    (1.0, True)
    """
    ca, cb = set(concepts(a)), set(concepts(b))
    shared = ca & cb
    (pa, na), (pb, nb) = _predicates(a), _predicates(b)
    neg = bool((na & pb) or (nb & pa))
    qa, qb = _quantities(a), _quantities(b)
    same_unit = [(x, y) for x, ux in qa for y, uy in qb if ux and ux == uy]
    return {
        "overlap": len(shared) / len(ca | cb) if ca | cb else 0.0,
        "shared_non_place": float(len(shared - PLACES)),
        "containment_a": len(shared) / len(ca) if ca else 0.0,
        "containment_b": len(shared) / len(cb) if cb else 0.0,
        "negation_mismatch": float(neg),
        "numeric_mismatch": float(any(not overlap(x, y) for x, y in same_unit)),
        "numeric_match": float(any(overlap(x, y) for x, y in same_unit)),
        "reciprocity_mismatch": float(_reciprocal(a) != _reciprocal(b)),
        "extra_a": float(len(ca - cb)),
        "extra_b": float(len(cb - ca)),
    }


def _relation(a: str, b: str) -> tuple[str, str, str]:
    """(relation, reason, which side adds: 'a', 'b' or '') for two claims stating the same proposition."""
    f = pair_features(a, b)
    if f["numeric_mismatch"]:
        return "contradict", "numeric mismatch", ""
    if f["negation_mismatch"]:
        return "contradict", "negation mismatch", ""
    if f["reciprocity_mismatch"]:
        return "elaborate", "shared proposition; direction/reciprocity", "a" if _reciprocal(a) else "b"
    small, large = sorted((f["extra_a"], f["extra_b"]))
    if large - small >= 3 and max(f["containment_a"], f["containment_b"]) >= 0.6:
        return "elaborate", "shared proposition; extra detail", "a" if f["extra_a"] > f["extra_b"] else "b"
    return "agree", "shared proposition", ""


def _sparse(rows: list[dict[str, float]]) -> sparse.csr_matrix:
    """A sparse matrix with a row per dict and a column per key."""
    vocab: dict[str, int] = {}
    cols = np.array([vocab.setdefault(k, len(vocab)) for r in rows for k in r], dtype=np.int64)
    data = np.array([w for r in rows for w in r.values()], dtype=float)
    return sparse.csr_matrix((data, cols, np.cumsum([0, *map(len, rows)])), shape=(len(rows), len(vocab)))


def _vectors(docs: list[tuple[str, ...]]) -> sparse.csr_matrix:
    """Unit TF-IDF vectors of the claims' concepts, the IDF taken over the claims compared (a concept every
    claim shares says little)."""
    counts = [Counter(d) for d in docs]
    df = Counter(k for d in counts for k in d)
    idf = {k: math.log((1 + len(docs)) / (1 + v)) + 1 for k, v in df.items()}
    m = _sparse([{k: (1 + math.log(tf)) * idf[k] for k, tf in d.items()} for d in counts])
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    m.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(m.indptr))
    return m


#: More pairs stating one proposition than this is an error (the rows would not fit in memory, nor be read).
_MAX_PAIRS = 1_000_000
#: How many similarities are computed at once: a block of rows against the claims of other outlets (about
#: 50 bytes each in all, so memory stays bounded whatever the number of claims).
_BLOCK = 1 << 21


def _same_pairs(c: pd.DataFrame, threshold: float) -> Iterator[tuple[int, int, float]]:
    """``(i, j, similarity)``, i < j, for each pair of claims of different outlets that state one proposition
    (similar enough, and sharing at least two concepts besides places), in the order of a loop over i, then j.

    Similarities are computed only across outlets, a block of rows at a time; the shared concepts are counted
    only for the pairs that reach ``threshold``, and only the pairs found reach Python.
    """
    docs = [concepts(t) for t in c["content"]]
    codes = pd.factorize(c["outlet"])[0]
    size = np.bincount(codes)
    order = np.lexsort((codes, -size[codes]))  # grouped by outlet, the largest first
    vec = _vectors(docs)[order]
    common = _sparse([dict.fromkeys(set(d) - PLACES, 1.0) for d in docs])[order]  # the concepts besides places
    grouped = codes[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    ends = np.r_[starts[1:], len(order)]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    total = 0
    for start, end in zip(starts, ends, strict=True):
        if end == len(order):
            break
        others = vec[end:].T.tocsr()  # the claims of the outlets after this one
        step = max(1, _BLOCK // others.shape[1])
        for a in range(start, end, step):
            b = min(a + step, end)
            sim = vec[a:b] @ others
            hit = sim.data >= threshold
            if not hit.any():
                continue
            rows = np.repeat(np.arange(a, b), np.diff(sim.indptr))[hit]
            cols = sim.indices[hit] + end
            keep = np.asarray(common[rows].multiply(common[cols]).sum(axis=1)).ravel() >= 2
            i, j = order[rows[keep]], order[cols[keep]]
            found.append((np.minimum(i, j), np.maximum(i, j), sim.data[hit][keep]))
            total += len(i)
            if total > _MAX_PAIRS:
                raise ValueError(
                    f"over {_MAX_PAIRS:,} pairs of claims from different outlets state the same proposition: "
                    "compare fewer claims at a time, or raise the threshold"
                )
    if not found:
        return
    i, j, sim = (np.concatenate(x) for x in zip(*found, strict=True))
    first = np.lexsort((j, i))
    yield from zip(i[first].tolist(), j[first].tolist(), sim[first].tolist(), strict=True)


def _check(claims: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(claims, pd.DataFrame):
        raise TypeError(f"compare_claims() takes the DataFrame of extract_claims, not {type(claims).__name__}")
    missing = {"outlet", "content"} - set(claims.columns)
    if missing:
        raise ValueError(f"compare_claims: the frame has no {', '.join(sorted(missing))} column")
    out = claims[claims["outlet"].fillna("").astype(str).str.len() > 0].copy()
    for col, default in (("doc_id", ""), ("start", -1), ("end", -1)):
        if col not in out:
            out[col] = default
    return out.reset_index(drop=True)


def compare_claims(claims: pd.DataFrame, *, threshold: float = SAME_PROPOSITION) -> pd.DataFrame:
    """Every pair of claims from different outlets that state the same proposition, and the claims no
    other outlet states (``relation == "unique"``). Claims without an outlet are left out.

    Similarities are computed only between claims of different outlets, on sparse vectors, a block of rows
    at a time: time and memory grow with the number of claims and of matching pairs, not with the square of
    the number of claims.

    Parameters
    ----------
    claims : pandas.DataFrame
        The frame of :func:`toolkit.claims.extract_claims` (one or many articles): ``outlet`` and ``content``,
        and ``doc_id, start, end`` if there are.
    threshold : float, default :data:`SAME_PROPOSITION`
        The least similarity of two claims stating one proposition.

    Returns
    -------
    pandas.DataFrame
        :data:`COMPARE_COLUMNS`, contradictions first, then elaborations, agreements and unique claims; an
        empty frame (same columns) when there is nothing to compare:

        ==============================  =========================================================================
        ``outlet_a``, ``outlet_b``      the two outlets (``outlet_b`` empty for a ``unique`` claim)
        ``claim_a``, ``claim_b``        the two contents
        ``similarity``                  cosine of the two claims' concept vectors (0–1), weighted by how rare
                                        each concept is among the claims compared; a pair needs ``threshold``
                                        and two shared concepts that are not places (``PLACES``) to be one
                                        proposition
        ``relation``                    by :func:`_decide`: ``agree`` (the same proposition), ``elaborate``
                                        (the same, and one adds 9 concepts or more, or reciprocity),
                                        ``contradict`` (the same content, with a number of one quantity, a
                                        negated predicate or an antonym that does not fit) or ``unique`` (no
                                        other outlet states it); a similar pair that :func:`relate` may find
                                        ``unrelated`` (probability 0.1 or more), or that names other days, is
                                        left out
        ``reason``                      why: ``shared proposition``, ``numeric mismatch``, ``negation
                                        mismatch``, ``antonyms``, ``direction/reciprocity`` (one says
                                        «یکدیگر»/«طرفین»), ``extra detail``
        ``doc_a, start_a, end_a`` …     the evidence: each claim's document and raw span
        ==============================  =========================================================================

    Raises
    ------
    ValueError
        When over a million pairs of claims state the same proposition (compare fewer claims at a time).

    Examples
    --------
    >>> claims = pd.DataFrame({"outlet": ["RT", "Rudaw"], "content": ["۴۰۰ نفر از داعش در سوریه کشته شدند",
    ...                                                             "۲۰۰۰ نفر از داعش در سوریه کشته شدند"]})
    >>> compare_claims(claims)[["outlet_a", "outlet_b", "relation", "reason"]].values.tolist()
    [['RT', 'Rudaw', 'contradict', 'numeric mismatch']]
    """
    c = _check(claims)
    if c.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    claim = c.to_dict("records")
    rows, paired = [], set()
    found = list(_same_pairs(c, threshold))
    related = _relations([claim[i]["content"] for i, _, _ in found], [claim[j]["content"] for _, j, _ in found])
    for (i, j, sim), (relation, reason, _) in zip(found, related, strict=True):
        if relation == "unrelated":  # similar words, not one proposition: the model says so
            continue
        rows.append(_pair(claim[i], claim[j], sim, relation, reason))
        paired |= {i, j}
    for i, a in enumerate(claim):
        if i not in paired:
            rows.append(_pair(a, None, 0.0, "unique", "no other outlet"))
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    return out.sort_values(["relation", "similarity"], ascending=[True, False], key=_relation_order).reset_index(
        drop=True
    )


def _relation_order(s: pd.Series) -> pd.Series:
    order = {"contradict": 0, "elaborate": 1, "agree": 2, "unique": 3}
    return s.map(order) if s.name == "relation" else s


def _pair(a: dict, b: dict | None, sim: float, relation: str, reason: str) -> dict:
    return {
        "outlet_a": a["outlet"],
        "outlet_b": b["outlet"] if b is not None else "",
        "claim_a": a["content"],
        "claim_b": b["content"] if b is not None else "",
        "similarity": round(sim, 3),
        "relation": relation,
        "reason": reason,
        "doc_a": a["doc_id"],
        "start_a": int(a["start"]),
        "end_a": int(a["end"]),
        "doc_b": b["doc_id"] if b is not None else "",
        "start_b": int(b["start"]) if b is not None else -1,
        "end_b": int(b["end"]) if b is not None else -1,
    }


def claim_matrix(
    claims: pd.DataFrame, *, threshold: float = SAME_PROPOSITION, width: int = 60, groups: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Outlet × proposition: which outlet states which proposition.

    Claims of the same proposition (linked by :func:`compare_claims`) form one column, named after its
    shortest claim (cut to ``width`` characters). A cell is ``states``, ``adds`` (states it and adds to
    it: reciprocity or detail), ``contradicts`` (states it with a mismatching number or negation) or empty.

    Parameters
    ----------
    claims : pandas.DataFrame
        As for :func:`compare_claims`.
    threshold : float, default :data:`SAME_PROPOSITION`
        As for :func:`compare_claims`.
    width : int, default 60
        The longest column name.
    groups : pandas.DataFrame, optional
        The groups :func:`group_claims` made of these claims: one column per group instead (named after its
        leading claim), a cell ``contradicts`` or ``adds`` where :func:`relate` found a claim of that outlet
        to contradict or elaborate on the group's leading claim.

    Returns
    -------
    pandas.DataFrame
        One row per outlet (index ``outlet``), one column per proposition; empty when there is nothing to
        compare.

    Examples
    --------
    >>> m = claim_matrix(pd.DataFrame({"outlet": ["RT", "Rudaw"], "content": ["اسد اجازه داد", "۴۰۰ نفر هستند"]}))
    >>> m.to_dict("index")
    {'RT': {'اسد اجازه داد': 'states', '۴۰۰ نفر هستند': ''}, 'Rudaw': {'اسد اجازه داد': '', '۴۰۰ نفر هستند': 'states'}}
    """
    if groups is not None:
        return _group_matrix(claims, groups, width)
    c = _check(claims)
    if c.empty:
        return pd.DataFrame()
    contents = c["content"].tolist()
    parent = list(range(len(c)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cell: dict[int, str] = {}
    found = list(_same_pairs(c, threshold))
    related = _relations([contents[i] for i, _, _ in found], [contents[j] for _, j, _ in found])
    for (i, j, _), (relation, _, adds) in zip(found, related, strict=True):
        if relation == "unrelated":
            continue
        parent[find(j)] = find(i)
        if relation == "contradict":
            cell[j] = "contradicts"
        elif adds:
            cell[i if adds == "a" else j] = "adds"
    linked: dict[int, list[int]] = {}
    for i in range(len(c)):
        linked.setdefault(find(i), []).append(i)
    members = list(linked.values())
    labels = [min((contents[k] for k in m), key=len) for m in members]
    return _table(c["outlet"].tolist(), members, labels, cell, width)


def _group_matrix(claims: pd.DataFrame, groups: pd.DataFrame, width: int) -> pd.DataFrame:
    c = _check(claims)
    if c.empty or groups is None or len(groups) == 0:
        return pd.DataFrame()
    missing = {"members", "pairs", "label"} - set(groups.columns)
    if missing:
        raise ValueError(f"claim_matrix: groups= takes the frame of group_claims (no {', '.join(sorted(missing))})")
    outlet = claims["outlet"].fillna("").astype(str).tolist()
    cell: dict[int, str] = {}
    for pairs in groups["pairs"]:
        for _, j, relation in pairs:
            if relation in ("contradict", "elaborate"):
                cell[j] = "contradicts" if relation == "contradict" else "adds"
    return _table(outlet, [list(m) for m in groups["members"]], groups["label"].tolist(), cell, width)


def _table(
    outlet: list[str], members: list[list[int]], labels: list[str], cell: dict[int, str], width: int
) -> pd.DataFrame:
    """Outlet × proposition: a column per list of ``members`` (claim positions), named by ``labels``."""
    names, used, spaces = [], set(), {}
    for label in labels:
        label = base = label if len(label) <= width else label[: width - 1] + "…"
        label += " " * spaces.get(base, 0)  # the same label again: skip the spaces already taken
        while label in used:
            label += " "
        spaces[base] = len(label) - len(base) + 1
        used.add(label)
        names.append(label)
    present = {outlet[k] for m in members for k in m}
    outlets = [o for o in dict.fromkeys(outlet) if o in present]
    row = {o: r for r, o in enumerate(outlets)}
    cells = np.full((len(outlets), len(names)), "", dtype=object)
    rank = {"": 0, "states": 1, "adds": 2, "contradicts": 3}
    for col, group in enumerate(members):
        for k in group:
            value, r = cell.get(k, "states"), row[outlet[k]]
            if rank[value] > rank[cells[r, col]]:
                cells[r, col] = value
    table = pd.DataFrame(cells, index=outlets, columns=names)
    table.index.name = "outlet"
    return table


# --- The relation model: relate(claim, text) -------------------------------------------------------------------

#: The relations :func:`relate` tells apart, in the order of the model's probabilities.
RELATIONS = ("agree", "elaborate", "contradict", "unrelated")
#: TABLE ANTONYMS — pairs of words (lemmas) that state opposite things: «افزایش» against «کاهش».
ANTONYMS = {
    frozenset(p.split("/"))
    for p in (
        "افزایش/کاهش افزایش/افت رشد/کاهش رشد/افت بالا/پایین بیشتر/کمتر گران/ارزان موافقت/مخالفت حمایت/مخالفت "
        "تایید/تکذیب تأیید/تکذیب تایید/رد پذیرش/رد قبول/رد پیروزی/شکست برد/باخت آزاد/بازداشت آزادی/بازداشت "
        "زنده/کشته زنده/مرده ورود/خروج آغاز/پایان شروع/پایان صلح/جنگ مثبت/منفی درست/نادرست صحیح/غلط "
        "واقعی/جعلی حقیقت/شایعه راست/دروغ قانونی/غیرقانونی موفق/ناموفق ممنوع/مجاز لغو/تمدید استعفا/انتصاب "
        "عزل/انتصاب قطع/وصل"
    ).split()
}
_ANTONYM_OF: dict[str, set[str]] = {}
for _words in ANTONYMS:
    _x, _y = sorted(_words)
    _ANTONYM_OF.setdefault(_x, set()).add(_y)
    _ANTONYM_OF.setdefault(_y, set()).add(_x)
#: Words that deny or doubt what they report on: a text that says them about a claim may contradict it.
DENIAL = re.compile(
    r"تکذیب|شایعه|کذب|نادرست|دروغ|جعلی|ساختگی|صحت\s*ندار|واقعیت\s*ندار|صحت\s*نداشت|رد\s*کرد|بی\s*اساس|بی‌اساس"
    r"|فیک|شبهه|گمانه|ادعای|مدعی|اما|ولی|هرگز|هیچ"
)
_REPORTING = re.compile(r"گفت|افزود|اظهار|اعلام|تصریح|تاکید|تأکید|خبر\s*داد|گزارش|به\s*گفته|به\s*نقل")
_NEGATION_WORDS = {"نه", "هرگز", "هیچ", "بدون", "عدم", "غیر", "نیست", "نیستند", "نبود", "نبودند", "ندارد"}
_HEDGES = {"احتمال", "احتمالا", "احتمالاً", "شاید", "ممکن", "گویا", "ظاهرا", "ظاهراً", "گمان", "ادعا", "مدعی"}
#: A text with more sentences or characters than this is an article: it is compared through the sentences
#: that match the claim best.
_ARTICLE_SENTENCES, _ARTICLE_CHARS = 3, 600
#: How many of an article's sentences stand for it; how many sentences of a very long text are read.
_WINDOW, _MAX_SENTENCES = 3, 400
#: How many pairs relate_many builds features for at once.
_CHUNK = 10_000
#: Hashed word features: the number of columns (a power of two).
_HASH_DIM = 1 << 14
_DENSE = [
    "overlap", "shared_non_place", "containment_a", "containment_b", "negation_mismatch", "numeric_mismatch",
    "numeric_match", "reciprocity_mismatch", "extra_a", "extra_b", "antonym_mismatch", "lemma_jaccard",
    "char_similarity", "covered_by_text", "best_sentence", "sentences_matching", "denial_window",
    "denial_claim", "denial_text", "negation_window", "negation_claim", "hedge_window", "hedge_claim",
    "reporting_window", "length_claim", "length_window", "length_text", "article",
]  # fmt: skip


class _Profile(NamedTuple):
    """What the relation model reads in one text (computed once per text)."""

    concepts: frozenset[str]
    lemmas: frozenset[str]
    grams: frozenset[str]
    denial: int
    negation: int
    hedge: int
    reporting: int
    words: int


@functools.lru_cache(maxsize=4096)
def _counts(text: str) -> tuple[int, int]:
    """(denial words, words) of a whole text: all the model reads of an article beyond its best sentences."""
    return len(DENIAL.findall(text)), sum(kind in ("word", "latin") for _, _, _, kind in token_spans(text))


@functools.lru_cache(maxsize=20_000)
def _profile(text: str) -> _Profile:
    toks = [t for t, _, _, kind in token_spans(text) if kind in ("word", "latin")]
    lemmas = {lemmatize(t) for t in toks}
    squeezed = " ".join(toks)
    return _Profile(
        concepts=frozenset(concepts(text)),
        lemmas=frozenset(x for x in lemmas if x not in _STOP and len(x) > 1),
        grams=frozenset(squeezed[i : i + 3] for i in range(max(0, len(squeezed) - 2))),
        denial=len(DENIAL.findall(text)),
        negation=sum(t in _NEGATION_WORDS or t.startswith(("نمی", "نخواه")) for t in toks),
        hedge=sum(t in _HEDGES for t in toks),
        reporting=len(_REPORTING.findall(text)),
        words=len(toks),
    )


def _antonyms(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    return sorted((x, y) for x in a if x in _ANTONYM_OF for y in _ANTONYM_OF[x] & b)


def _window(claim: str, text: str) -> tuple[str, bool, float, float, float]:
    """(the part of ``text`` the claim is compared with, is it an article, share of the claim's concepts in the
    whole text, best share in one sentence, log of the number of sentences sharing half the claim's concepts)."""
    want = _profile(claim).concepts
    spans = sentence_spans(text)
    article = len(spans) > _ARTICLE_SENTENCES or len(text) > _ARTICLE_CHARS
    whole = frozenset(concepts(text if len(text) < 20_000 else text[:20_000]))
    covered = len(want & whole) / len(want) if want else 0.0
    if not article:
        share = len(want & _profile(text).concepts) / len(want) if want else 0.0
        return text, False, covered, share, float(share >= 0.5)
    sents = [text[s:e] for s, e in spans[:_MAX_SENTENCES]]
    shares = np.array([len(want & set(concepts(s))) for s in sents], dtype=float) / max(len(want), 1)
    top = sorted(np.argsort(-shares, kind="stable")[:_WINDOW])
    return (
        " ".join(sents[i] for i in top),
        True,
        covered,
        float(shares.max()),
        float(np.log1p((shares >= 0.5).sum())),
    )


@functools.lru_cache(maxsize=1 << 18)
def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (_HASH_DIM - 1)


def _pair_row(claim: str, text: str) -> tuple[np.ndarray, dict[int, float], str]:
    """The model's features of one (claim, text) pair: dense values, hashed word features, the window."""
    window, article, covered, best, matching = _window(claim, text)
    f = pair_features(claim, window)
    pc, pw = _profile(claim), _profile(window)
    pt = _counts(text) if len(text) < 20_000 else (pw.denial, pw.words)
    lem = pc.lemmas | pw.lemmas
    f.update(
        extra_a=math.log1p(f["extra_a"]),
        extra_b=math.log1p(f["extra_b"]),
        antonym_mismatch=float(bool(_antonyms(pc.lemmas, pw.lemmas))),
        lemma_jaccard=len(pc.lemmas & pw.lemmas) / len(lem) if lem else 0.0,
        char_similarity=len(pc.grams & pw.grams) / math.sqrt(len(pc.grams) * len(pw.grams) or 1),
        covered_by_text=covered,
        best_sentence=best,
        sentences_matching=matching,
        denial_window=math.log1p(pw.denial),
        denial_claim=math.log1p(pc.denial),
        denial_text=math.log1p(pt[0]),
        negation_window=math.log1p(pw.negation),
        negation_claim=math.log1p(pc.negation),
        hedge_window=math.log1p(pw.hedge),
        hedge_claim=math.log1p(pc.hedge),
        reporting_window=math.log1p(pw.reporting),
        length_claim=math.log1p(pc.words),
        length_window=math.log1p(pw.words),
        length_text=math.log1p(pt[1]),
        article=float(article),
    )
    dense = np.array([f[k] for k in _DENSE], dtype=float)
    domain = "A" if article else "S"
    hashed: dict[int, float] = {}
    groups = {
        "w": pw.lemmas - pc.lemmas,
        "c": pc.lemmas - pw.lemmas,
        "s": pc.lemmas & pw.lemmas,
    }
    for name, items in groups.items():
        if not items:
            continue
        weight = 1 / math.sqrt(len(items))
        for x in items:
            for key in (f"{name}:{x}", f"{domain}{name}:{x}"):
                h = _bucket(key)
                hashed[h] = hashed.get(h, 0.0) + weight
    return dense, hashed, window


def _design(claims: list[str], texts: list[str]) -> tuple[sparse.csr_matrix, list[str]]:
    """The design matrix of many pairs: the dense features three times (all pairs, articles, short texts: one
    model that weighs them apart where it helps), then the hashed word features; and the windows."""
    n, d = len(claims), len(_DENSE)
    dense = np.zeros((n, d))
    rows, cols, vals, windows = [], [], [], []
    for i, (a, b) in enumerate(zip(claims, texts, strict=True)):
        dense[i], hashed, window = _pair_row(a, b)
        rows.extend([i] * len(hashed))
        cols.extend(hashed)
        vals.extend(hashed.values())
        windows.append(window)
    article = dense[:, _DENSE.index("article")][:, None]
    block = np.hstack([dense, dense * article, dense * (1 - article)])
    words = sparse.csr_matrix((vals, (rows, cols)), shape=(n, _HASH_DIM))
    return sparse.hstack([sparse.csr_matrix(block), words], format="csr"), windows


#: FarExStance stances as relations (a text that discusses a claim without taking a side elaborates on it).
STANCE_RELATION = {"agree": "agree", "disagree": "contradict", "discuss": "elaborate", "unrelated": "unrelated"}
#: The version of the model file's layout.
MODEL_FORMAT = "relate-1"
#: What a model file may hold: plain data and numpy arrays (never a pickled object).
TRUSTED_TYPES = ["numpy.ndarray", "numpy.dtype", "numpy.float32"]
_MODEL_PATH = "relate.skops"


def _save_model(model: dict, path) -> None:
    """Write a relation model (a dict of numpy arrays, strings and numbers) as a skops file."""
    import zipfile

    import skops.io

    skops.io.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)


@functools.cache
def _model(path: str | None = None) -> dict:
    """The relation model: ``toolkit/resources/relate.skops`` unless a path is given, loaded once."""
    from importlib import resources

    import skops.io

    file = resources.files("toolkit") / "resources" / _MODEL_PATH if path is None else path
    with resources.as_file(file) if path is None else contextlib.nullcontext(file) as p:
        model = skops.io.load(p, trusted=TRUSTED_TYPES)
    if not isinstance(model, dict) or model.get("format") != MODEL_FORMAT or model.get("features") != _DENSE:
        raise ValueError(f"{file}: not a relation model of this version ({MODEL_FORMAT}); rebuild it with "
                         "scripts/build_relation_model.py")  # fmt: skip
    return model


def _scaled(x: sparse.csr_matrix, mean: np.ndarray, scale: np.ndarray) -> sparse.csr_matrix:
    """The design matrix with its dense block standardized."""
    d = len(mean)
    dense = (x[:, :d].toarray() - mean) / scale
    return sparse.hstack([sparse.csr_matrix(dense), x[:, d:]], format="csr")


def _probabilities(model: dict, x: sparse.csr_matrix) -> np.ndarray:
    """Softmax of the model's scores, a row per pair, a column per relation (:data:`RELATIONS`)."""
    d = len(model["mean"])
    coef = model["coef"].astype(float)
    dense = (x[:, :d].toarray() - model["mean"]) / model["scale"]
    z = dense @ coef[:, :d].T + np.asarray(x[:, d:] @ coef[:, d:].T) + model["intercept"]
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _text(x, name: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if not isinstance(x, str):
        raise TypeError(f"relate() takes a str as {name}, not {type(x).__name__}")
    return x


def _evidence(claim: str, window: str) -> dict:
    """Why: the concepts the two share, numbers with one unit that do not overlap, a predicate one negates and
    the other asserts, words of opposite meaning."""
    (pa, na), (pb, nb) = _predicates(claim), _predicates(window)
    return {
        "shared": sorted(_profile(claim).concepts & _profile(window).concepts),
        "numbers": [
            (x.text, y.text)
            for x, ux in _quantities(claim)
            for y, uy in _quantities(window)
            if ux and ux == uy and not overlap(x, y)
        ],
        "negation": sorted((na & pb) | (nb & pa)),
        "antonyms": _antonyms(_profile(claim).lemmas, _profile(window).lemmas),
    }


def relate_many(claims, texts) -> pd.DataFrame:
    """:func:`relate` for many pairs at once (the features of each distinct text computed once, the model
    applied to all rows together).

    Parameters
    ----------
    claims, texts : sequence of str
        The claims and the texts to relate them to, pair by pair (same length; missing values are empty).

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``relation``, ``probability`` (as for :func:`relate`) and one column per relation with
        the model's probability (``p_agree`` …).

    Examples
    --------
    >>> r = relate_many(["ایران در مذاکرات وین شرکت می‌کند"] * 2,
    ...                 ["ایران در مذاکرات وین شرکت نمی‌کند", "قیمت طلا امروز کاهش یافت"])
    >>> r["relation"].tolist()
    ['contradict', 'unrelated']
    """
    claims, texts = list(claims), list(texts)
    if len(claims) != len(texts):
        raise ValueError(f"relate_many: {len(claims)} claims but {len(texts)} texts; give one text per claim")
    claims = [_text(c, "claim") for c in claims]
    texts = [_text(t, "text") for t in texts]
    columns = ["relation", "probability", *(f"p_{r}" for r in RELATIONS)]
    if not claims:
        return pd.DataFrame(columns=columns)
    if len(claims) > _CHUNK:  # a chunk at a time: memory stays flat however many pairs
        parts = [relate_many(claims[i : i + _CHUNK], texts[i : i + _CHUNK]) for i in range(0, len(claims), _CHUNK)]
        return pd.concat(parts, ignore_index=True)
    x, _ = _design(claims, texts)
    p = _probabilities(_model(), x)
    empty = np.array([not c.strip() or not t.strip() for c, t in zip(claims, texts, strict=True)])
    p[empty] = np.eye(len(RELATIONS))[RELATIONS.index("unrelated")]  # nothing to compare: unrelated, surely
    best = p.argmax(axis=1)
    # A number or a predicate that does not fit, in a pair the model finds related, is a contradiction: the
    # training pairs hold too few of them for the model to learn it (its probability: that they are related).
    unrelated = RELATIONS.index("unrelated")
    mismatch = x[:, [_DENSE.index("numeric_mismatch"), _DENSE.index("negation_mismatch")]].toarray().any(axis=1)
    flip = mismatch & (best != unrelated) & ~empty
    best[flip] = RELATIONS.index("contradict")
    chosen = p[np.arange(len(p)), best]
    chosen[flip] = 1 - p[flip, unrelated]
    # One states it both ways («یکدیگر»), the other one way: the same proposition, and one adds to it.
    one_way = x[:, _DENSE.index("reciprocity_mismatch")].toarray().ravel() > 0
    adds = one_way & (best == RELATIONS.index("agree")) & ~empty
    best[adds] = RELATIONS.index("elaborate")
    chosen[adds] = p[adds, RELATIONS.index("agree")] + p[adds, RELATIONS.index("elaborate")]
    out = pd.DataFrame(p.round(4), columns=columns[2:])
    out.insert(0, "probability", chosen.round(4))
    out.insert(0, "relation", np.asarray(RELATIONS)[best])
    return out


def relate(claim: str, text: str) -> dict:
    """How a text relates to a claim: it agrees, elaborates (adds to it or discusses it), contradicts it, or
    is unrelated; with the probability and the evidence.

    The text may be another claim, a headline or a whole article: an article (more than three sentences or
    600 characters) is compared through its three sentences that share most of the claim's concepts. A
    learned model (multinomial logistic regression, ``toolkit/resources/relate.skops``, built by
    ``scripts/build_relation_model.py`` from FarExStance and FarsTail training pairs) weighs comparison
    features: shared concepts and lemmas, light-verb predicates negated on one side only, antonyms, numbers
    of one unit that do not overlap (any digits, ranges: :mod:`toolkit.numbers`), reciprocity, words that
    deny or doubt, character-trigram similarity, and hashed lemmas of what the two share and say alone.

    Parameters
    ----------
    claim : str
        A claim, normalized.
    text : str
        Another claim, a headline or an article, normalized.

    Returns
    -------
    dict
        ``relation`` (one of :data:`RELATIONS`), ``probability`` (the model's, 0–1; for a related pair with
        a number or a predicate that does not fit, which is ``contradict`` whatever the model says, the
        probability that the two are related), ``probabilities`` (each relation's), ``evidence``: ``shared``
        (concepts both state), ``numbers`` (pairs of numbers with one unit that do not overlap), ``negation``
        (predicates one negates and the other asserts), ``antonyms`` (words of opposite meaning), ``window``
        (the part of the text compared: the article's best sentences).
        An empty claim or text is ``unrelated`` with probability 1.

    Examples
    --------
    >>> r = relate("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه ۲۰۰۰ نفر است")
    >>> r["relation"], r["evidence"]["numbers"]
    ('contradict', [('۴۰۰ الی ۵۰۰', '۲۰۰۰')])
    >>> relate("", "قیمت طلا کاهش یافت")["relation"]
    'unrelated'
    """
    claim, text = _text(claim, "claim"), _text(text, "text")
    row = relate_many([claim], [text]).iloc[0]
    window = _window(claim, text)[0] if claim.strip() and text.strip() else ""
    return {
        "relation": row["relation"],
        "probability": float(row["probability"]),
        "probabilities": {r: float(row[f"p_{r}"]) for r in RELATIONS},
        "evidence": {**_evidence(claim, window), "window": window},
    }


# --- Claims across a corpus: group_claims -------------------------------------------------------------------------

GROUP_COLUMNS = ["group", "size", "label", "outlets", "speakers", "first_date", "last_date", "relations", "pairs",
                 "members"]  # fmt: skip


#: How many of its most similar claims each claim keeps as neighbours when grouping (memory: n × this).
_NEIGHBOURS = 64
#: A concept held by more claims than this does not make two claims candidates on its own (it still counts in
#: their similarity): the cost of grouping grows with the number of claims, not with its square.
_POSTINGS = 2000


def _neighbours(contents: list[str], threshold: float) -> sparse.csr_matrix:
    """Each claim's most similar claims (up to :data:`_NEIGHBOURS`), as a sparse matrix of similarities.

    Two claims are neighbours when they state one proposition as in :func:`compare_claims` (similarity at least
    ``threshold``, two shared concepts besides places), whatever their outlets. Similarities are computed a
    block of rows at a time and only the strongest few of each row are kept: memory grows with the number of
    claims, not with the number of similar pairs.
    """
    n = len(contents)
    docs = [concepts(t) for t in contents]
    vec = _vectors(docs)
    common = _sparse([dict.fromkeys(set(d) - PLACES, 1.0) for d in docs])
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    if common.shape[1]:
        # the similarity leaves out concepts more than _POSTINGS claims hold: a concept in thousands of claims
        # («ایران», «گفت») would make every row's product as long as the corpus, and the work quadratic
        postings = np.diff(vec.tocsc().indptr)
        cand = vec[:, np.flatnonzero(postings <= _POSTINGS)].tocsr()
        ct = cand.T.tocsr()
        # each row's product has at most as many entries as the claims sharing one of its concepts: blocks are
        # cut so that this bound stays under _BLOCK (few rows where concepts are common, many where rare)
        binary = cand.copy()
        binary.data[:] = 1
        cost = np.cumsum(binary @ np.diff(ct.indptr).astype(np.int64))
        a = 0
        while a < n:
            b = min(n, max(a + 1, int(np.searchsorted(cost, (cost[a - 1] if a else 0) + _BLOCK, side="right"))))
            sim = (cand[a:b] @ ct).tocoo()  # the cosine less what the common concepts add (little: low IDF)
            rows = sim.row + a
            a = b
            hit = (sim.data >= threshold) & (sim.col != rows)
            rows, cols, val = rows[hit], sim.col[hit], sim.data[hit]
            keep = np.asarray(common[rows].multiply(common[cols]).sum(axis=1)).ravel() >= 2
            rows, cols, val = rows[keep], cols[keep], val[keep]
            order = np.lexsort((cols, -val, rows))  # by row, the most similar first
            rows, cols, val = rows[order], cols[order], val[order]
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else np.zeros(0, int)
            rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
            top = rank < _NEIGHBOURS
            found.append((rows[top].astype(np.int32), cols[top].astype(np.int32), val[top].astype(np.float32)))
    if not found:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    i, j, v = (np.concatenate(x) for x in zip(*found, strict=True))
    return sparse.csr_matrix((v, (i, j)), shape=(n, n))


def _stars(near: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Groups as stars: the claim with most neighbours leads a group of its neighbours not yet taken, then the
    next; (the group of each claim, the leader of each group). A claim joins a group only if it is similar to
    its leader, so groups do not drift from one proposition to the next through chains of near neighbours."""
    n = near.shape[0]
    degree = np.diff(near.indptr)
    group = np.full(n, -1)
    leaders = []
    for node in np.lexsort((np.arange(n), -degree)):
        if group[node] >= 0:
            continue
        g = len(leaders)
        leaders.append(node)
        group[node] = g
        nb = near.indices[near.indptr[node] : near.indptr[node + 1]]
        nb = nb[group[nb] < 0]
        group[nb] = g
    return group, np.array(leaders, dtype=np.int64)


def group_claims(
    claims: pd.DataFrame, *, threshold: float = SAME_PROPOSITION, k: int = 20, relations: bool = True, width: int = 60
) -> pd.DataFrame:
    """The claims of many articles grouped into propositions: which outlets state each, who, when, and how
    their claims relate.

    Two claims are neighbours when they state one proposition as in :func:`compare_claims` (cosine of their
    concept vectors at least ``threshold``, two shared concepts besides places), whatever their outlets; each
    claim keeps its 64 nearest. Groups are stars: the claim with most neighbours leads a group of its
    neighbours, then the next, so a chain of near neighbours does not merge one proposition into the next. A
    concept more than 2,000 claims hold is left out of the similarity (it would make the work quadratic).
    Similarities are sparse and computed a block of rows at a time, so time and memory grow with the number of
    claims, not with the number of similar pairs: any number of them is handled, none refused.

    Parameters
    ----------
    claims : pandas.DataFrame
        The frame of :func:`toolkit.claims.extract_claims` for many articles: ``outlet`` and ``content``;
        ``speaker`` and ``date`` are used where there are (a ``date`` column can be joined from the articles).
    threshold : float, default :data:`SAME_PROPOSITION`
        The least similarity of two linked claims.
    k : int, default 20
        How many pairs of claims of different outlets per group are related, as :func:`compare_claims` relates
        them (``unrelated`` where it would not pair them).
    relations : bool, default True
        Relate those pairs (False: groups only, faster).
    width : int, default 60
        The longest label.

    Returns
    -------
    pandas.DataFrame
        :data:`GROUP_COLUMNS`, one row per group (claims linked to no other are groups of one), the largest
        first: ``group`` (its number), ``size`` (claims), ``label`` (its shortest claim, cut to ``width``),
        ``outlets``, ``speakers`` (sorted lists; empty where unknown), ``first_date``, ``last_date`` (``""``
        without dates), ``relations`` (count of each relation among the related pairs), ``pairs`` (those
        pairs: ``(row i, row j, relation)``, rows being positions in ``claims``), ``members`` (the positions in
        ``claims`` of its claims).

    Examples
    --------
    >>> claims = pd.DataFrame({
    ...     "outlet": ["RT", "Al Mayadeen", "Rudaw"],
    ...     "content": ["عراق بدون اجازه دمشق مواضع داعش را در سوریه بمباران می‌کند",
    ...                 "بغداد و دمشق اجازه داده‌اند تروریست‌ها را در خاک یکدیگر بمباران کنند",
    ...                 "۴۰۰ الی ۵۰۰ نفر از عناصر داعش در سوریه هستند"]})
    >>> g = group_claims(claims)
    >>> g[["size", "outlets", "members"]].values.tolist()
    [[2, ['Al Mayadeen', 'RT'], [0, 1]], [1, ['Rudaw'], [2]]]
    >>> group_claims(claims.iloc[:0]).empty
    True
    """
    c = _check(claims)
    if c.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    if not isinstance(k, int | np.integer) or k < 0:
        raise ValueError(f"group_claims: k must be a whole number ≥ 0, not {k!r}")
    kept = np.flatnonzero(claims["outlet"].fillna("").astype(str).str.len().to_numpy() > 0)  # rows of ``claims``
    contents = c["content"].fillna("").astype(str).tolist()
    codes, unique = pd.factorize(pd.Series(contents))  # the same text again is one node: it joins its copies
    label_u, leader_u = _stars(_neighbours(list(unique), threshold))
    label = label_u[codes]
    first = np.full(len(unique), -1)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    leader = first[leader_u]
    outlet = c["outlet"].astype(str).to_numpy()
    speaker = c["speaker"].fillna("").astype(str).to_numpy() if "speaker" in c else np.full(len(c), "")
    date = c["date"].fillna("").astype(str).to_numpy() if "date" in c else np.full(len(c), "")
    order = np.argsort(label, kind="stable")
    bounds = np.flatnonzero(np.r_[True, np.diff(label[order]) != 0, True])
    # the pairs related: each group's leader and up to k of its claims from other outlets
    members = [order[s:e] for s, e in itertools.pairwise(bounds)]
    ci, cj = [], []
    for m in members:
        lead = leader[label[m[0]]]
        other = m[outlet[m] != outlet[lead]][:k]
        ci.extend([lead] * len(other))
        cj.extend(other.tolist())
    relation = np.full(len(ci), "", dtype=object)
    if relations and ci:
        content = np.asarray(contents, dtype=object)
        relation[:] = [r for r, _, _ in _relations(content[ci].tolist(), content[cj].tolist())]
    ci, cj = np.asarray(ci, dtype=np.int64), np.asarray(cj, dtype=np.int64)
    pair_bounds = (
        np.searchsorted(label[ci], np.arange(len(members) + 1)) if len(ci) else np.zeros(len(members) + 1, int)
    )
    rows = []
    for g, m in enumerate(members):
        p = slice(pair_bounds[g], pair_bounds[g + 1])
        dates = sorted(d for d in set(date[m]) if d)
        text = contents[leader[g]]
        rows.append({
            "size": len(m),
            "label": text if len(text) <= width else text[: width - 1] + "…",
            "outlets": sorted(set(outlet[m])),
            "speakers": sorted(set(speaker[m]) - {""}),
            "first_date": dates[0] if dates else "",
            "last_date": dates[-1] if dates else "",
            "relations": dict(Counter(relation[p])) if relations else {},
            "pairs": [(int(kept[i]), int(kept[j]), r) for i, j, r in zip(ci[p], cj[p], relation[p], strict=True)],
            "members": kept[m].tolist(),
        })  # fmt: skip
    out = pd.DataFrame(rows)
    out = out.sort_values("size", ascending=False, kind="stable").reset_index(drop=True)
    out.insert(0, "group", np.arange(len(out)))
    return out[GROUP_COLUMNS]


def _relations(a: list[str], b: list[str]) -> list[tuple[str, str, str]]:
    """(relation, reason, which side adds: 'a', 'b' or '') of each pair of similar claims of two outlets: the
    model's probability that they are unrelated (:func:`relate_many`), then :func:`_decide`."""
    if not a:
        return []
    p = relate_many(a, b)["p_unrelated"].to_numpy()
    return [_decide(x, y, float(u)) for x, y, u in zip(a, b, p, strict=True)]


# --- The decision on a pair of claims: compare_claims and claim_matrix -------------------------------------------

#: The days of the week, in the spellings news uses, mapped to one name.
WEEKDAYS = {
    "شنبه": "شنبه", "یکشنبه": "یکشنبه", "یک‌شنبه": "یکشنبه", "یکشنه": "یکشنبه", "دوشنبه": "دوشنبه",
    "دو‌شنبه": "دوشنبه", "سه‌شنبه": "سه‌شنبه", "سهشنبه": "سه‌شنبه", "چهارشنبه": "چهارشنبه",
    "چهار‌شنبه": "چهارشنبه", "پنجشنبه": "پنجشنبه", "پنج‌شنبه": "پنجشنبه", "جمعه": "جمعه",
}  # fmt: skip
#: The months of the Iranian calendar, and «ماه» after them written as one word (تیرماه).
MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()
)  # fmt: skip
_ORDINAL_DAY = re.compile(r"^(?:[\d۰-۹]{1,2}|[^\s]+(?:م|مین))$")
#: A related pair is ``agree`` unless one claim adds at least this many concepts the other does not state.
ADDS = 9
#: A related pair needs the model's probability of ``unrelated`` below this (see benchmarks/README.md).
UNRELATED = 0.1
#: A contradiction needs the two claims to share at least this share of the concepts of each (numbers aside).
SAME_CONTENT = 0.6


@functools.lru_cache(maxsize=20_000)
def _when(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(weekdays, dates) a claim names: «سه‌شنبه», «یکشنبه ۲۴ اسفند» → ({'سه‌شنبه', 'یکشنبه'}, {'۲۴ اسفند'})."""
    toks = [t for t, _, _, kind in token_spans(text) if kind in ("word", "number")]
    days, dates = set(), set()
    for i, tok in enumerate(toks):
        joined = f"{toks[i - 1]}\u200c{tok}" if i else ""  # «سه شنبه», «پنج شنبه» written apart
        if joined in WEEKDAYS or tok in WEEKDAYS:
            days.add(WEEKDAYS[joined] if joined in WEEKDAYS else WEEKDAYS[tok])
        month = tok.removesuffix("ماه")
        if month in MONTHS and i and _ORDINAL_DAY.match(toks[i - 1]):
            dates.add(f"{toks[i - 1]} {month}")
    return frozenset(days), frozenset(dates)


def _time_mismatch(a: str, b: str) -> bool:
    """Both claims name a weekday, or both a date, and none is the same: two days, two events.

    Examples
    --------
    >>> _time_mismatch("تا جمعه دهم اسفند ۲۰۵۴ تماشاگر", "تا جمعه سوم اسفند ۱۵۷۰ تماشاگر")
    True
    >>> _time_mismatch("امروز (سه‌شنبه) دیدار کرد", "روز سه شنبه دیدار کرد")
    False
    """
    (da, ta), (db, tb) = _when(a), _when(b)
    return bool((da and db and not da & db) or (ta and tb and not ta & tb))


def _measure_mismatch(a: str, b: str) -> list[tuple[Quantity, Quantity]]:
    """Numbers that measure one quantity in both claims and do not overlap: the same unit (the word after the
    number), and that unit once in each claim. A list of counts («۱۸ نفر …، ۸ نفر …») measures several things,
    and two units measure two things: neither is a mismatch.

    Examples
    --------
    >>> [(x.text, y.text) for x, y in _measure_mismatch("۴۰۰ الی ۵۰۰ نفر از داعش", "۲۰۰۰ نفر از داعش")]
    [('۴۰۰ الی ۵۰۰', '۲۰۰۰')]
    >>> _measure_mismatch("۴۰۰ نفر کشته و ۹۰ نفر زخمی شدند", "۲۰۰۰ نفر کشته شدند")
    []
    """
    qa, qb = _quantities(a), _quantities(b)
    ua, ub = Counter(u for _, u in qa), Counter(u for _, u in qb)
    return [
        (x, y) for x, u in qa for y, v in qb if u and u == v and ua[u] == ub[u] == 1 and not overlap(x, y)
    ]  # fmt: skip


def _contradiction(a: str, b: str, f: dict[str, float] | None = None) -> str:
    """The evidence a reader would take for a contradiction between two claims of one event, or ``""``
    (``f``: their :func:`pair_features`, when the caller has them).

    The two must name no different days and state the same content: each shares :data:`SAME_CONTENT` of its
    concepts with the other (for a number, it is enough that one states nothing the other does not). Then one
    number of one quantity that does not fit the other's (:func:`_measure_mismatch`), a predicate one negates
    and the other asserts, or a pair of antonyms (:data:`ANTONYMS`) is a contradiction. A number of another
    quantity, or a negation in claims that say different things, is not.

    Examples
    --------
    >>> _contradiction("۳۰۰ مرزبان در مرز مستقر شده‌اند تا امنیت گذرگاه تأمین شود", "۵۰۰ مرزبان در مرز مستقر شده‌اند")
    'numeric mismatch'
    >>> _contradiction("مستندات کافی در این مورد وجود دارد", "دلایل کافی در این خصوص وجود ندارد")
    ''
    """
    if _time_mismatch(a, b):
        return ""
    f = pair_features(a, b) if f is None else f
    same = min(f["containment_a"], f["containment_b"]) >= SAME_CONTENT
    if (same or max(f["containment_a"], f["containment_b"]) == 1) and _measure_mismatch(a, b):
        return "numeric mismatch"  # one states nothing the other does not, but its number
    if not same:
        return ""
    if f["negation_mismatch"]:
        return "negation mismatch"
    if _antonyms(_profile(a).lemmas, _profile(b).lemmas):
        return "antonyms"
    return ""


def _decide(a: str, b: str, p_unrelated: float) -> tuple[str, str, str]:
    """(relation, reason, which side adds) for two similar claims of two outlets.

    ``unrelated`` when the model (:func:`relate_many`) gives ``p_unrelated`` of :data:`UNRELATED` or more, or
    when the two name different days (:func:`_time_mismatch`: the same measure on another day is another
    event); ``contradict`` only with evidence (:func:`_contradiction`); ``elaborate`` when one states the
    proposition both ways and the other one way, or adds :data:`ADDS` concepts or more; else ``agree``.
    """
    if p_unrelated >= UNRELATED or not a.strip() or not b.strip():
        return "unrelated", "not one proposition", ""
    if _time_mismatch(a, b):
        return "unrelated", "different days", ""
    f = pair_features(a, b)
    why = _contradiction(a, b, f)
    if why:
        return "contradict", why, ""
    if f["reciprocity_mismatch"]:
        return "elaborate", "shared proposition; direction/reciprocity", "a" if _reciprocal(a) else "b"
    if max(f["extra_a"], f["extra_b"]) >= ADDS:
        return "elaborate", "shared proposition; extra detail", "a" if f["extra_a"] > f["extra_b"] else "b"
    return "agree", "shared proposition", ""
