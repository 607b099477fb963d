"""Where outlets agree, add to or contradict each other: claim pairs across outlets, and an outlet × proposition table.

:func:`compare_claims` pairs each claim of :func:`toolkit.claims.extract_claims` with the claims of *other*
outlets that state the same proposition and says how they relate; :func:`claim_matrix` shows which outlet
states which proposition. Claims are compared by their concepts (:func:`concepts`), negations and numbers.

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

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator

import numpy as np
import pandas as pd
from scipy import sparse

from toolkit.numbers import Quantity, overlap, quantities
from toolkit.tokens import lemmatize, token_spans

__all__ = ["COMPARE_COLUMNS", "CONCEPTS", "PLACES", "claim_matrix", "compare_claims", "concepts", "pair_features"]

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
        ``relation``                    ``agree`` (the same proposition), ``elaborate`` (the same, and one adds
                                        to it), ``contradict`` (the same, with a negation or a number that does
                                        not fit) or ``unique`` (no other outlet states it)
        ``reason``                      why: ``shared proposition``, ``negation mismatch``, ``numeric
                                        mismatch``, ``direction/reciprocity`` (one says «یکدیگر»/«طرفین»),
                                        ``extra detail``
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
    for i, j, sim in _same_pairs(c, threshold):
        relation, reason, _ = _relation(claim[i]["content"], claim[j]["content"])
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


def claim_matrix(claims: pd.DataFrame, *, threshold: float = SAME_PROPOSITION, width: int = 60) -> pd.DataFrame:
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
    for i, j, _ in _same_pairs(c, threshold):
        parent[find(j)] = find(i)
        relation, _, adds = _relation(contents[i], contents[j])
        if relation == "contradict":
            cell[j] = "contradicts"
        elif adds:
            cell[i if adds == "a" else j] = "adds"
    groups: dict[int, list[int]] = {}
    for i in range(len(c)):
        groups.setdefault(find(i), []).append(i)
    names, used, spaces = [], set(), {}
    for members in groups.values():
        label = min((contents[k] for k in members), key=len)
        label = base = label if len(label) <= width else label[: width - 1] + "…"
        label += " " * spaces.get(base, 0)  # the same label again: skip the spaces already taken
        while label in used:
            label += " "
        spaces[base] = len(label) - len(base) + 1
        used.add(label)
        names.append(label)
    outlet = c["outlet"].tolist()
    outlets = list(dict.fromkeys(outlet))
    row = {o: r for r, o in enumerate(outlets)}
    cells = np.full((len(outlets), len(names)), "", dtype=object)
    rank = {"": 0, "states": 1, "adds": 2, "contradicts": 3}
    for col, members in enumerate(groups.values()):
        for k in members:
            value, r = cell.get(k, "states"), row[outlet[k]]
            if rank[value] > rank[cells[r, col]]:
                cells[r, col] = value
    table = pd.DataFrame(cells, index=outlets, columns=names)
    table.index.name = "outlet"
    return table
