"""Keywords of one article, keyness between groups of articles, and keyword-in-context.

Every function reads Persian text the way :mod:`toolkit.tokens` does, after :func:`toolkit.normalize`
(which restores the ZWNJs that decide what a word is). Pass ``normalize=False`` when the text is already
normalized — normalization is the slow step, so normalize a corpus once and reuse it. What a *term* is:
:func:`terms`.

>>> terms("عراق و سوریه توافق کرده‌اند تا مواضع داعش را هدف قرار دهند.")
['عراق', 'سوریه', 'توافق کردن', 'مواضع', 'داعش', 'هدف قرار دادن']
>>> [t for t, _ in extract_keywords("بمباران مواضع داعش در خاک سوریه. داعش در خاک عراق.", k=3)]
['داعش', 'سوریه', 'بمباران']
"""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from numbers import Integral
from typing import NamedTuple

import numpy as np
import pandas as pd

from toolkit._compat import moved, renamed_arguments
from toolkit.normalization import normalize as _normalize
from toolkit.tokens import token_spans, tokenize

KEYNESS_COLUMNS = ["group", "term", "count", "log_odds", "z", "ci_low", "ci_high"]
KWIC_COLUMNS = ["doc_id", "before", "match", "after", "start", "end"]

#: Future auxiliaries: in «اعلام خواهد کرد» the predicate's noun is before the auxiliary.
_FUTURE = frozenset(p + "خواه" + e for p in ("", "ن") for e in ("م", "ی", "د", "یم", "ید", "ند"))
#: Light verbs that fold with any preceding content word, even a pair the lexicon has not seen.
_ALWAYS_LIGHT = frozenset({"کردن", "شدن", "نمودن", "گردیدن"})
#: Forms of those that are also nouns (کرد, Kurd): folded only when the lexicon knows the pair.
_AMBIGUOUS = frozenset({"کرد"})
_MAX_PREDICATE_WORDS = 3
#: «قرار» makes no predicate alone: «هدف قرار دادن», «مورد حمله قرار گرفتن» take the words before it along.
EXTENDABLE = "قرار"


# --- resources ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicon:
    kinds: dict[str, str]  # "s" for a stopword, "v" for a verb form
    light: dict[str, str]  # light-verb form -> infinitive
    predicates: frozenset[str]  # "اجازه دادن", "هدف قرار دادن": learned light-verb constructions
    fillers: frozenset[str]  # "امشب", "ساعت", "خبرنگار": content words that are never a keyword alone
    binomials: frozenset[str] = frozenset()  # "آموزش و پرورش", "سیستان و بلوچستان": one word of two and «و»


@dataclass(frozen=True)
class _Background:
    n_docs: int
    n_tokens: int
    df: dict[str, int]
    count: dict[str, int]


def _read_resource(name: str) -> list[str]:
    data = resources.files("toolkit").joinpath("resources", name).read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


@functools.cache
def _lexicon() -> _Lexicon:
    kinds, light, preds, fillers, binomials = {}, {}, set(), set(), set()
    for line in _read_resource("keyword_lexicon.tsv.gz"):
        kind, text, value = line.split("\t")
        if kind == "stop":
            kinds.setdefault(text, "s")
        elif kind == "filler":
            fillers.add(text)
        elif kind in ("verb", "light"):
            kinds[text] = "v"  # a verb form that is also a stopword (کرد, شد) is a verb
            if kind == "light":
                light[text] = value
        elif kind == "predicate":
            preds.add(text)
        elif kind == "binomial":
            binomials.add(text)
    return _Lexicon(kinds, light, frozenset(preds), frozenset(fillers), frozenset(binomials))


@functools.cache
def _background() -> _Background:
    lines = _read_resource("keyword_background.tsv.gz")
    _, n_docs, _, n_tokens = lines[0].split("\t")
    df, count = {}, {}
    for line in lines[1:]:
        term, d, c = line.split("\t")
        df[term] = int(d)
        count[term] = int(c)
    return _Background(int(n_docs), int(n_tokens), df, count)


@dataclass(frozen=True)
class _Tagged:
    """How authors tag terms: ``term -> (c, t)``, a candidate in ``c`` tagged articles, tagged in ``t`` of them
    (ZWNJ written as a space)."""

    n_articles: int
    counts: dict[str, tuple[int, int]]


@functools.cache
def _tagged() -> _Tagged:
    lines = _read_resource("keyword_tags.tsv.gz")
    counts = {}
    for line in lines[1:]:
        term, c, t = line.split("\t")
        counts[term] = (int(c), int(t))
    return _Tagged(int(lines[0].split("\t")[1]), counts)


def _reset_resources() -> None:
    """Forget the loaded resources (the build script rewrites them)."""
    _lexicon.cache_clear()
    _background.cache_clear()
    _tagged.cache_clear()
    _ranker.cache_clear()


# --- units: words, stopwords, verbs, folded predicates, breaks -------------------------------------

# kinds: "w" content word, "s" stopword, "v" verb, "p" predicate (folded light-verb construction),
# "x" a break (number, punctuation, symbol): no multi-word term spans it.


def _units(text: str, *, fold: bool = True) -> list[tuple[str, str]]:
    """``(text, kind)`` for each unit of a normalized text, light-verb constructions folded."""
    lex = _lexicon()
    kinds = lex.kinds
    units: list[tuple[str, str]] = []
    append = units.append
    for tok in tokenize(text):
        if not tok[0].isalpha():  # a number, punctuation or symbol
            append((tok, "x"))
        elif tok.isascii():  # a Latin word: a stopword if English lists it (the, of), else a content word
            low = tok.lower()
            append((low, "s" if kinds.get(low) == "s" else "w"))
        else:
            kind = kinds.get(tok, "w")
            append((tok, kind))
            if kind == "v" and fold and tok in lex.light:
                _fold(units, lex.light[tok], tok, lex)
            elif kind == "w" and fold and len(units) > 2 and units[-2][0] == "و" and units[-3][1] == "w":
                name = f"{units[-3][0]} و {tok}"
                if name in lex.binomials:
                    units[-3:] = [(name, "w")]
    return units


def _skip_auxiliary(units: list[tuple[str, str]], i: int) -> int:
    """Index of the unit before the verb at ``i``, past a future auxiliary (اعلام «خواهد» کرد)."""
    j = i - 1
    if j >= 0 and units[j][0] in _FUTURE:
        j -= 1
    return j


def _fold(units: list[tuple[str, str]], infinitive: str, form: str, lex: _Lexicon) -> None:
    """Replace ``words … verb`` at the end of ``units`` by one predicate unit, if they make one."""
    i = len(units) - 1
    j = _skip_auxiliary(units, i)
    run: list[str] = []
    while j - len(run) >= 0 and len(run) < _MAX_PREDICATE_WORDS and units[j - len(run)][1] in "ws":
        run.insert(0, units[j - len(run)][0])
    if run and run[-1] != EXTENDABLE:
        run = run[-1:]
    for k in range(len(run), 0, -1):
        name = " ".join([*run[-k:], infinitive])
        if name in lex.predicates or (
            k == 1 and infinitive in _ALWAYS_LIGHT and form not in _AMBIGUOUS and units[j][1] == "w"
        ):
            aux = units[j + 1 : i]
            del units[j - k + 1 :]
            units.append((name, "p"))
            units.extend(aux)
            return


def _runs(units: list[tuple[str, str]]) -> list[list[tuple[int, str]]]:
    """Maximal runs of consecutive content words, as ``(position in units, word)``."""
    runs, run = [], []
    for i, (tok, kind) in enumerate(units):
        if kind == "w":
            run.append((i, tok))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _prepare(text, normalize: bool, name: str) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    if not isinstance(text, str):
        raise TypeError(f"{name}() takes a str, not {type(text).__name__}")
    return _normalize(text) if normalize else text


def terms(text: str, *, max_words: int = 1, normalize: bool = True) -> list[str]:
    """The terms of a text in order: content words, folded predicates, and runs of up to ``max_words`` words.

    A term is a content word (not a stopword, number or punctuation mark, not a verb form), a light-verb
    construction folded into one predicate in the infinitive (``اجازه داده‌اند`` → ``اجازه دادن``,
    ``هدف قرار دهند`` → ``هدف قرار دادن``), or, with ``max_words > 1``, a run of up to that many content
    words (``بشار اسد``, ``نیروی هوایی عراق``). Two words joined by «و» that make one name (``آموزش و
    پرورش``, ``سیستان و بلوچستان``: binomials learned from the TRAIN articles) are one word. The resources
    are package data, rebuilt by ``scripts/build_keyword_resources.py``: ``keyword_lexicon.tsv.gz``
    (stopwords from hazm, and English ones for Latin words; verb forms conjugated by hazm; light-verb
    constructions and binomials learned from the TRAIN articles) and ``keyword_background.tsv.gz``
    (document frequency and count of each term in those articles).

    Parameters
    ----------
    text : str
        One text; ``None`` or NaN count as empty.
    max_words : int, default 1
        The longest run of content words that is a term.
    normalize : bool, default True
        Normalize the text first.

    Returns
    -------
    list of str

    Examples
    --------
    >>> terms("او در گفت‌وگو با شبکه رووداو گفت که نیروهای ارتش اجازه داده‌اند.")
    ['گفت\u200cوگو', 'شبکه', 'رووداو', 'نیروهای', 'ارتش', 'اجازه دادن']
    >>> terms("بشار اسد، رئیس‌جمهور سوریه", max_words=2)
    ['بشار', 'اسد', 'بشار اسد', 'رئیس\u200cجمهور', 'سوریه', 'رئیس\u200cجمهور سوریه']
    >>> terms("")
    []
    """
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, not {max_words}")
    units = _units(_prepare(text, normalize, "terms"))
    if max_words == 1:
        return [tok for tok, kind in units if kind == "w" or kind == "p"]
    out: list[str] = []
    run: list[str] = []
    for tok, kind in units:
        if kind == "w":
            run.append(tok)
            out.append(tok)
            for n in range(2, min(max_words, len(run)) + 1):
                out.append(" ".join(run[-n:]))
            continue
        run = []
        if kind == "p":
            out.append(tok)
    return out


# --- boilerplate: the publishing outlet's names, its dateline and bylines -----------------------------------

#: Where a clause ends: a dateline's outlet is named in the clause that holds its cue.
_CLAUSE_END = re.compile(r"[،,:؛;.!?؟\n«»]")
#: «به گزارش …» opens a dateline (its outlet reports the article), «به نقل از …» names the source it quotes.
_CUE = re.compile(r"(?<!\S)(?:به\s+گزارش|به\s+نقل\s+از)(?!\S)")
#: A byline: «خبرنگار اقتصادی خبرگزاری فارس», «در گفت‌وگو با خبرنگار فارس», «به خبرنگار ایسنا گفت».
_REPORTER = re.compile(
    r"(?<!\S)(?:(?:در\s+)?گفت[\u200c\s]*(?:و[\u200c\s]*)?گو(?:ی|یی)?\s+با\s+|به\s+)?خبرنگار(?:ان)?(?!\S)"
)
#: «در گفت‌وگو با ایسنا»: the interview the outlet itself did.
_INTERVIEW = re.compile(r"(?<!\S)(?:در\s+)?گفت[\u200c\s]*(?:و[\u200c\s]*)?گو(?:ی|یی)?\s+با\s+$")
#: A press office quoted in a dateline («به نقل از روابط عمومی …»), and ISNA's sign-off «انتهای پیام».
_OFFICE = re.compile(
    r"(?<!\S)(?:به\s+گزارش|به\s+نقل\s+از)\s+(?:اداره\s+کل\s+)?(?:روابط\s+عمومی|ستاد\s+خبری|دفتر\s+رسانه\u200cای|"
    r"مشاور\s+رسانه\u200cای|پایگاه\s+اطلاع\u200cرسانی)(?!\S)|(?<!\S)انتهای\s+پیام(?!\S)"
)
_OPENING = re.compile(r"[ \t]*[:\-–—]")
#: «… خبرگزاری فارس از اردبیل،»: where the dateline says the report comes from.
_FROM_PLACE = re.compile(r"\s+از\s+((?:[^\s،,:؛.!?؟\n«»()]+\s+){0,2}[^\s،,:؛.!?؟\n«»()]+)\s*(?=[،,:؛.\n]|به\s+نقل)")
_MAX_BYLINE_WORDS = 4  # words between a cue and the outlet: «به گزارش گروه سیاست خارجی خبرگزاری فارس»


class _Boilerplate(NamedTuple):
    spans: list[tuple[int, int]]  # to mask
    outlets: frozenset[str]  # the publishing outlets' canonical names
    places: tuple[str, ...]  # where the dateline says the report comes from


def _boilerplate(text: str, outlet: str | None = None) -> _Boilerplate:
    """Spans of a normalized text that are not about its subject — the dateline («به گزارش خبرگزاری فارس»,
    «خبرگزاری فارس:», «به نقل از …» an outlet), bylines («به گزارش خبرنگار اقتصادی …», «در گفت‌وگو با
    خبرنگار فارس»), press offices, «انتهای پیام», and every mention of the publishing outlet — and the
    publishing outlets' canonical names: ``outlet`` (any name the registry knows) and those the dateline
    and bylines name — and the places the dateline names («… از اردبیل،»)."""
    from toolkit import sources

    own, places = set(), []
    if outlet:
        name = sources.canonical(outlet)
        if name:
            own.add(name)
    spans = [m.span() for m in _OFFICE.finditer(text)]
    mentions = sources.find_outlets(text)
    for m in mentions:
        a = max(0, m.start - 120)
        before = text[a : m.start]
        cut = max((c.end() for c in _CLAUSE_END.finditer(before)), default=0)
        a, before = a + cut, before[cut:]
        cue = next(reversed(list(_CUE.finditer(before))), None)
        reporter = next(reversed(list(_REPORTER.finditer(before))), None)
        for hit, reports in ((cue, cue is not None and "گزارش" in cue.group()), (reporter, True)):
            if hit is not None and len(before[hit.end() :].split()) <= _MAX_BYLINE_WORDS:
                spans.append((a + hit.start(), m.end))
                if reports:
                    own.add(m.name)
                    place = _FROM_PLACE.match(text, m.end)
                    if place:
                        places.append(place.group(1).replace("\u200c", " "))
                break
        else:
            opening = _OPENING.match(text, m.end)
            if opening and (a == 0 or text[a - 1] == "\n") and len(before.split()) < _MAX_BYLINE_WORDS:
                spans.append((a, opening.end()))  # «خبرگزاری فارس:», «گروه بین‌الملل خبرگزاری فارس:»
                own.add(m.name)
    for m in mentions:
        if m.name in own:
            interview = _INTERVIEW.search(text, max(0, m.start - 40), m.start)
            spans.append((interview.start() if interview else m.start, m.end))
    return _Boilerplate(_merge(spans), frozenset(own), tuple(places))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by a break (no term spans it)."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], " ، "]
        last = b
    parts.append(text[last:])
    return "".join(parts)


@functools.cache
def _name_words(outlets: frozenset[str]) -> frozenset[str]:
    """The words of every name the registry gives these outlets (normalized): a term without one of them
    cannot be one of their names."""
    from toolkit import sources

    reg = sources.outlets().set_index("name")
    names = [n for o in outlets if o in reg.index for n in [o, *reg.at[o, "aliases"], *reg.at[o, "context_only"]]]
    return frozenset(w for n in names for w in _normalize(n).replace("\u200c", " ").split())


def _names_outlet(term: str, outlets: frozenset[str]) -> bool:
    """Is ``term`` a name of one of ``outlets`` («فارس», «خبرگزاری فارس», «خبرنگار ایسنا»), in any spelling?"""
    if not outlets or not set(term.replace("\u200c", " ").split()) & _name_words(outlets):
        return False
    from toolkit import sources

    return sources.canonical(term) in outlets or any(m.name in outlets for m in sources.find_outlets(term))


# --- keywords of one text -------------------------------------------------------------------------

#: What the ranker sees of a candidate term (``keyword_ranker.json`` holds one weight per feature).
FEATURES = [
    "log_tf",  # log of how often the text uses the term
    "idf",  # log((N + 1) / (df + 1)): rarity in the background
    "unseen",  # never seen in the background
    "words2",  # two words
    "words3",  # three words
    "in_head",  # in the first line (the title) or first sentence
    "position",  # where it first appears, 0 (start) to 1 (end), in words
    "cohesion",  # log of df(term) / the smallest df of its words in the background: is it a phrase?
    "in_longer",  # largest share of its occurrences inside one longer candidate
    "of_parts",  # its count / the largest count of one of its words: do its words live in it?
    "plural_end",  # the last word ends in ها / های / ی (سران کشورهای): often an incomplete phrase
    "tf_idf",  # log_tf × idf
    "tf_squared",  # log_tf²
    "idf_squared",  # idf²
    "head_idf",  # in_head × idf: a rare word of the title
    "keyphraseness",  # log((t + 0.05) / (c + 1)): authors tagged it in t of the c TRAIN articles it was a candidate of
    "tagged_seen",  # a candidate of some tagged TRAIN article (c > 0)
    "in_dateline",  # the place of the dateline («به گزارش خبرگزاری فارس از اردبیل»), or in it
    "spread",  # from its first occurrence to its last, 0 to 1, in words
    "in_title",  # in the first line, when that is a short one (a title)
]
_MAX_WORDS = 3
_PLURAL_END = re.compile("(?:ها|های|ی)$")


@dataclass(frozen=True)
class _Ranker:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float


@functools.cache
def _ranker() -> _Ranker:
    data = json.loads(resources.files("toolkit").joinpath("resources", "keyword_ranker.json").read_text("utf-8"))
    if data["features"] != FEATURES:
        raise RuntimeError("keyword_ranker.json is stale: run scripts/build_keyword_resources.py")
    return _Ranker(*(np.array(data[k], dtype=float) for k in ("mean", "scale", "coef")), float(data["intercept"]))


def _head_end(text: str) -> int:
    """End of the head of a text: its first line if short (a title), else its first sentence."""
    nl = text.find("\n")
    if 0 <= nl <= 300:
        return nl
    m = re.search(r"[.!?؟]\s", text)
    return m.end() if m else len(text)


def _head_lengths(text: str) -> tuple[int, int]:
    """How many units the head of a text has (:func:`_head_end`), and its title (0 when it has none)."""
    head = len(_units(text[: _head_end(text)]))
    nl = text.find("\n")
    return head, head if 0 <= nl <= 300 else 0  # a short first line is the head


def _counts(units: list[tuple[str, str]]) -> tuple[Counter, dict[str, int], dict[str, int]]:
    """How often each run of one to :data:`_MAX_WORDS` content words occurs, and the units where it first and
    last does."""
    tf: Counter = Counter()
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for run in _runs(units):
        words = [w for _, w in run]
        for i in range(len(words)):
            for n in range(1, min(_MAX_WORDS, len(words) - i) + 1):
                term = " ".join(words[i : i + n])
                tf[term] += 1
                first.setdefault(term, run[i][0])
                last[term] = run[i][0]
    return tf, first, last


def _in_longer(tf: Counter) -> dict[str, float]:
    """The largest share of a term's occurrences inside one longer term."""
    in_longer: dict[str, float] = {}
    for term, f in tf.items():
        if " " in term:
            for sub in (term.rsplit(" ", 1)[0], term.split(" ", 1)[1]):
                if sub in tf:  # not the halves of «آموزش و پرورش»
                    in_longer[sub] = max(in_longer.get(sub, 0.0), f / tf[sub])
    return in_longer


def _is_candidate(term: str, parts: list[str], f: int, d: int, fillers, outlet_words, outlets) -> bool:
    """Whether a term of the text can be a keyword at all (see :func:`_candidates`)."""
    n = len(parts)
    if n > 1 and f < 2 and d < 2:
        return False  # a run of words seen once, here and nowhere else, is not a phrase
    if term.isascii() if n == 1 else any(p.isascii() for p in parts):
        return False  # Latin words are left out
    if term in fillers if n == 1 else all(p in fillers for p in parts):
        return False  # «امشب», «ساعت ۸», «فروردین ماه» say when, not what
    return not (outlet_words and not outlet_words.isdisjoint(parts) and _names_outlet(term, outlets))


def _row(
    *, log_tf, idf, d, n, in_head, position, cohesion, in_longer, share, plural, tag_counts, at_place, spread, in_title
) -> list[float]:
    """One candidate's :data:`FEATURES`, in their order."""
    c, t = tag_counts
    return [
        log_tf,
        idf,
        float(d == 0),
        float(n == 2),
        float(n == 3),
        in_head,
        position,
        cohesion,
        in_longer,
        share,
        float(plural),
        log_tf * idf,
        log_tf**2,
        idf**2,
        in_head * idf,
        math.log((t + 0.05) / (c + 1)),
        float(c > 0),
        float(at_place),
        spread,
        float(in_title),
    ]


def _candidates(
    text: str,
    own: bool = False,
    outlet: str | None = None,
    *,
    own_tags: frozenset[str] | None = None,
    tagged: _Tagged | None = None,
) -> tuple[list[str], np.ndarray]:
    """Candidate terms of a normalized text and their :data:`FEATURES` (one row each).

    The text's boilerplate (:func:`_boilerplate`: dateline, bylines, the publishing outlet's name) is masked
    first; a term of Latin words, of fillers only (:data:`_Lexicon.fillers`) or naming the publishing
    outlet is no candidate. ``own=True`` says the text is one of the background's articles: its own counts
    are taken out of the background, so features are what they would be for an unseen article (used to fit
    the ranker); ``own_tags`` (the keys of its tags) says it is one of the articles of ``tagged`` (the
    shipped table by default), whose counts lose it the same way."""
    bg, lex = _background(), _lexicon()
    table = (tagged or _tagged()).counts
    boiler = _boilerplate(text, outlet)
    text = _masked(text, boiler.spans)
    units = _units(text)
    tf, first, last = _counts(units)
    if not tf:
        return [], np.zeros((0, len(FEATURES)))
    n_docs = bg.n_docs - own

    def df(term: str) -> int:
        d = bg.df.get(term, 0)
        return max(d - own, 0) if d else 0

    places = [f" {p} " for p in boiler.places]
    outlet_words = _name_words(boiler.outlets) if boiler.outlets else frozenset()
    fillers = lex.fillers
    in_longer = _in_longer(tf)
    (head, title), length = _head_lengths(text), len(units)
    names, rows = [], []
    for term, f in tf.items():
        parts = term.split(" ")
        n, d = len(parts), df(term)
        if not _is_candidate(term, parts, f, d, fillers, outlet_words, boiler.outlets):
            continue
        key = term.replace("\u200c", " ")
        c, t = table.get(key, (0, 0))
        if own_tags is not None and c:
            c, t = c - 1, t - (key in own_tags)
        rows.append(
            _row(
                log_tf=math.log(f),
                idf=math.log((n_docs + 1) / (d + 1)),
                d=d,
                n=n,
                in_head=float(first[term] < head),
                position=first[term] / length,
                cohesion=math.log((d + 1) / (min(df(p) for p in parts if p != "و") + 1)) if n > 1 else 0.0,
                in_longer=in_longer.get(term, 0.0),
                share=f / max(f, *(tf[p] for p in parts)) if n > 1 else 1.0,
                plural=bool(_PLURAL_END.search(parts[-1])),
                tag_counts=(c, t),
                at_place=any(f" {key} " in p for p in places),
                spread=(last[term] - first[term]) / length,
                in_title=first[term] < title,
            )
        )
        names.append(term)
    return names, np.array(rows, dtype=float)


def _score(x: np.ndarray) -> np.ndarray:
    r = _ranker()
    return ((x - r.mean) / r.scale) @ r.coef + r.intercept


_FOLD_LETTERS = str.maketrans({"\u200c": " ", "آ": "ا", "أ": "ا", "إ": "ا", "ة": "ه", "ؤ": "و", "ئ": "ی"})


@functools.lru_cache(maxsize=1 << 16)
def _spelling(term: str) -> tuple[str, frozenset[str]]:
    """How two spellings of a term are compared: ``" words "`` normalized with ZWNJ and space alike and
    letter variants folded (``رئیس‌جمهور`` and ``رئیس جمهور``; ``صورتمان`` and ``صورت‌مان``), and every run
    of its words in a row written without spaces (``مهم ترین اخبار`` → ``مهم``, ``ترین``, ``مهمترین``,
    ``اخبار``, ``تریناخبار``, ``مهمتریناخبار``)."""
    words = _normalize(term).translate(_FOLD_LETTERS).split()
    runs = frozenset("".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return " " + " ".join(words) + " ", runs


def _stem(word: str) -> str:
    """A word without the suffix that turns a noun into its adjective or ezafe form («ایرانی» → «ایران»)."""
    return word[:-1] if len(word) > 3 and word.endswith("ی") else word


def _overlaps(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """Is one term inside the other, words in a row, whether its words are written apart or together
    (``مهم‌ترین`` is inside ``مهمترین اخبار``)? ``a`` and ``b`` come from :func:`_spelling`."""
    return a[0].replace(" ", "") in b[1] or b[0].replace(" ", "") in a[1]


def _select(names: list[str], scores: np.ndarray, k: int, diversity: float) -> list[int]:
    """The ``k`` candidates to return, by maximal marginal relevance (Carbonell & Goldstein 1998).

    Each step takes the candidate with the highest ``(1 - diversity) * relevance - diversity * similarity``,
    relevance being its score over the best score, and similarity the largest share of its words (letters
    folded, ``ی`` of an adjective or ezafe dropped) that one chosen term holds. With ``diversity > 0`` a
    candidate that holds a chosen term, or is held in one (:func:`_overlaps`), is never taken. A candidate's
    value only falls as terms are chosen, so it is recomputed only when it comes to the top (lazy greedy).
    The chosen terms are returned best score first."""
    order = np.lexsort((np.array(names), -scores)).tolist()
    if diversity <= 0:
        return order[:k]
    relevance = (1 - diversity) * scores / max(float(scores[order[0]]), 1e-12)
    heap = [(-relevance[i], rank, i, 0) for rank, i in enumerate(order)]  # (-value, rank, candidate, seen)
    closest: dict[int, float] = {}
    chosen: list[int] = []
    spelled: list[tuple[tuple[str, frozenset[str]], frozenset[str]]] = []  # the chosen terms' spelling, stems
    while heap and len(chosen) < k:
        _, rank, i, seen = heapq.heappop(heap)
        key = _spelling(names[i])
        if seen < len(chosen):  # terms were chosen since its value was computed
            stems = frozenset(map(_stem, key[0].split()))
            near = closest.get(i, 0.0)
            for other, other_stems in spelled[seen:]:
                if _overlaps(key, other):
                    break
                near = max(near, len(stems & other_stems) / min(len(stems), len(other_stems)))
            else:
                closest[i] = near
                heapq.heappush(heap, (diversity * near - relevance[i], rank, i, len(chosen)))
            continue
        chosen.append(i)
        spelled.append((key, frozenset(map(_stem, key[0].split()))))
    return sorted(chosen, key=lambda i: (-scores[i], names[i]))


def extract_keywords(
    text: str, k: int = 10, *, diversity: float = 0.05, outlet: str | None = None, normalize: bool = True
) -> list[tuple[str, float]]:
    """The ``k`` terms that best say what a text is about, best first, as ``(term, score)``.

    Candidates are runs of one to three content words (never a stopword, a verb or a folded light-verb
    construction: «توافق کرده‌اند» is not a keyword). A linear ranker scores each from how often the text
    uses it, how rare it is in the Persian background (document frequency in the TRAIN articles),
    whether it is in the title, how early it first appears and how far it spreads, whether its words make a
    phrase, how often Fars authors tagged it where it was a candidate (``keyword_tags.tsv.gz``) and whether
    it is the place of the dateline; its weights were fitted on the author tags of Fars TRAIN articles
    (:data:`FEATURES`, ``keyword_ranker.json``).

    What is never a keyword:

    * the publishing outlet's names, any spelling the outlet registry (:mod:`toolkit.sources`) knows —
      the outlet is ``outlet=``, and any the article's own dateline and bylines name («به گزارش خبرگزاری
      فارس», «خبرگزاری فارس:», «در گفت‌وگو با خبرنگار ایسنا»); the dateline, bylines, press offices
      («به نقل از روابط عمومی …») and «انتهای پیام» are not read at all;
    * time and date words and news filler alone (``امشب``, ``ساعت``, ``روز``, ``فروردین``, ``خبرنگار``,
      ``جزئیات``); a longer term may hold one (``روز جهانی قدس``, ``نماز جمعه``);
    * Latin-script words: they are tokenized (a Persian term never runs across one) but left out, for the
      ranker and the background know Persian only — use an English extractor for English text;
    * with ``diversity > 0``, a term inside a better one or holding one (``تیم``, ``تیم فوتبال``,
      ``تیم فوتبال پرسپولیس``: one of them), whatever its spelling (ZWNJ or space).

    Parameters
    ----------
    text : str
        One article; its first line, if short, is read as its title. ``None`` or NaN count as empty.
    k : int, default 10
        How many keywords.
    diversity : float, default 0.05
        Between 0 and 1: how much the choice favours terms unlike those already chosen (maximal marginal
        relevance; terms sharing words count as alike). 0 ranks by score alone, overlapping terms included.
    outlet : str, optional
        The publishing outlet, any name the registry knows (``"Fars"``, ``"ایسنا"``): its names are never
        keywords, even where the article names it without a dateline.
    normalize : bool, default True
        Normalize the text first.

    Returns
    -------
    list of (str, float)
        ``(term, score)``, best first; the score is the ranker's probability that an author would tag the term.

    Examples
    --------
    >>> [t for t, _ in extract_keywords("سوریه و عراق\\nبمباران مواضع داعش در خاک سوریه؛ داعش عقب نشست.", k=3)]
    ['سوریه', 'داعش', 'عراق']
    >>> news = "به گزارش خبرگزاری فارس، تیم فوتبال پرسپولیس امشب راهی تبریز شد. تیم فوتبال پرسپولیس در تبریز"
    >>> [t for t, _ in extract_keywords(news, k=4)], [t for t, _ in extract_keywords(news, k=4, diversity=0)]
    (['فوتبال', 'پرسپولیس', 'تیم', 'تبریز'], ['فوتبال', 'پرسپولیس', 'تیم', 'فوتبال پرسپولیس'])
    >>> extract_keywords("")
    []
    """
    if isinstance(k, bool) or not isinstance(k, Integral):
        raise TypeError(f"k must be a positive int, not {k!r}")
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    if not 0 <= diversity <= 1:
        raise ValueError(f"diversity must be between 0 and 1, not {diversity}")
    names, x = _candidates(_prepare(text, normalize, "extract_keywords"), outlet=outlet)
    if not names:
        return []
    scores = 1 / (1 + np.exp(-_score(x)))  # the ranker's probability that an author would tag the term
    return [(names[i], round(float(scores[i]), 4)) for i in _select(names, scores, k, diversity)]


# --- keyness between groups -----------------------------------------------------------------------


def _texts(df: pd.DataFrame, text_column: str, normalize: bool, name: str) -> pd.Series:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name}() takes a DataFrame of articles, not {type(df).__name__}")
    if text_column not in df.columns:
        raise ValueError(f"{name}(): no column {text_column!r} (columns: {', '.join(map(str, df.columns))})")
    column = df[text_column]
    texts = column.where(column.map(lambda t: isinstance(t, str)), "")
    return texts.map(_normalize) if normalize else texts


def _count_matrix(docs: list[list[str]]):
    """Documents × terms count matrix (scipy CSR) and the terms."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for doc in docs:
        counts = Counter(vocab.setdefault(t, len(vocab)) for t in doc)
        indices.extend(counts.keys())
        data.extend(counts.values())
        indptr.append(len(indices))
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(docs), len(vocab)), dtype=np.float64)
    return x, list(vocab)


def _log_odds(y_i, n_i, y_j, n_j, alpha, alpha0):
    """Monroe, Colaresi & Quinn (2008), eq. 16 and 18: log-odds ratio with a Dirichlet prior, and its variance."""
    delta = np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha))
    return delta, 1 / (y_i + alpha) + 1 / (y_j + alpha)


@renamed_arguments(text="text_column", top="k", seed="random_state")
def keyness(
    df: pd.DataFrame,
    by: str = "outlet",
    *,
    text_column: str = "text",
    max_words: int = 1,
    min_count: int = 5,
    k: int | None = 30,
    prior: float = 10_000.0,
    n_boot: int = 200,
    ci: float = 0.95,
    random_state: int = 0,
    exclude_outlets: bool | None = None,
    normalize: bool = True,
) -> pd.DataFrame:
    """Which terms each group of articles uses more than the others: the "Fightin' Words" log-odds ratio.

    For each group (each value of column ``by``: outlet, category, month, …) against all the other
    articles, the log-odds ratio of each term with an informative Dirichlet prior (Monroe, Colaresi & Quinn
    2008): the prior is the term's share of the Persian background (the TRAIN articles) times ``prior``
    pseudo-counts, so rare terms are pulled towards "no difference" and common ones are compared on their own
    counts. ``z`` is the log-odds over its standard error; ``ci_low``/``ci_high`` the ``ci`` bootstrap
    interval of the log-odds over documents (``n_boot`` resamples of each group's articles).

    Parameters
    ----------
    df : pandas.DataFrame
        The articles.
    by : str, default "outlet"
        The column whose values are the groups.
    text_column : str, default "text"
        The column of texts (``text=`` is its deprecated name).
    max_words : int, default 1
        Terms are those of :func:`terms`: content words, folded predicates, and runs of up to this many words.
    min_count : int, default 5
        Only terms the articles use at least this many times in all.
    k : int or None, default 30
        How many terms per group, highest ``z`` first; ``None`` for all (``top=`` is its deprecated name).
    prior : float, default 10,000
        Pseudo-counts of the background prior.
    n_boot : int, default 200
        Bootstrap resamples.
    ci : float, default 0.95
        Coverage of the bootstrap interval.
    random_state : int, default 0
        Seed of the resampling (``seed=`` is its deprecated name).
    exclude_outlets : bool, optional
        Leave out what each article says of its own outlet, so that groups are compared on what they cover:
        its dateline and bylines («به گزارش خبرگزاری فارس», «در گفت‌وگو با خبرنگار ایسنا», «انتهای پیام»,
        «به نقل از روابط عمومی …») and every name of the outlet that published it (the ``outlet`` column,
        any name the registry of :mod:`toolkit.sources` knows, and the outlets its dateline names), as
        :func:`extract_keywords` does. By default, when grouping by ``"outlet"``.
    normalize : bool, default True
        Normalize the texts first (pass ``False`` for a column already normalized).

    Returns
    -------
    pandas.DataFrame
        :data:`KEYNESS_COLUMNS`: ``group, term, count, log_odds, z, ci_low, ci_high``, groups in order of
        appearance. Empty if ``df`` has no text.

    Raises
    ------
    ValueError
        When ``by`` or ``text_column`` is not a column, or fewer than two groups have text.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["الف", "الف", "ب", "ب"],
    ...                      "text": ["داعش در سوریه", "داعش و عراق", "بورس تهران", "بورس و بانک"]})
    >>> keyness(arts, min_count=1, k=1, n_boot=20)[["group", "term", "count"]].values.tolist()
    [['الف', 'داعش', 2], ['ب', 'بورس', 2]]
    """
    if by not in getattr(df, "columns", ()):
        raise ValueError(f"keyness(): no column {by!r} to group by")
    texts = _texts(df, text_column, normalize, "keyness")
    keep = (texts.str.len() > 0) & df[by].notna()
    if not keep.any():
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    groups = list(dict.fromkeys(df.loc[keep, by]))
    if len(groups) < 2:
        raise ValueError(
            f"keyness() compares groups, but column {by!r} has {len(groups)} group with text ({groups[0]!r}); "
            "it needs at least two"
        )
    if exclude_outlets is None:
        exclude_outlets = by == "outlet"
    if exclude_outlets:
        outlets = df.loc[keep, "outlet"] if "outlet" in df.columns else pd.Series(None, index=texts[keep].index)
        docs = [_covered_terms(t, o, max_words) for t, o in zip(texts[keep], outlets, strict=True)]
    else:
        docs = [terms(t, max_words=max_words, normalize=False) for t in texts[keep]]
    x, vocab = _count_matrix(docs)
    total = np.asarray(x.sum(axis=0)).ravel()
    cols = np.flatnonzero(total >= min_count)
    if not len(cols):
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    x = x[:, cols].tocsc().tocsr()
    vocab = [vocab[i] for i in cols]
    labels = df.loc[keep, by].to_numpy()
    members = [np.flatnonzero(labels == g) for g in groups]
    return _keyness_table(x, vocab, groups, members, k=k, prior=prior, n_boot=n_boot, ci=ci, random_state=random_state)


def _covered_terms(text: str, outlet, max_words: int) -> list[str]:
    """The terms of a normalized article without its dateline, bylines and names of its own outlet."""
    boiler = _boilerplate(text, outlet if isinstance(outlet, str) else None)
    found = terms(_masked(text, boiler.spans), max_words=max_words, normalize=False)
    if not boiler.outlets:
        return found
    words = _name_words(boiler.outlets)
    drop = {t for t in set(found) if not words.isdisjoint(t.split(" ")) and _names_outlet(t, boiler.outlets)}
    return [t for t in found if t not in drop] if drop else found


def _keyness_table(x, vocab, groups, members, *, k, prior, n_boot, ci, random_state) -> pd.DataFrame:
    """The rows of :func:`keyness` from the documents × terms counts ``x`` and each group's documents."""
    bg = _background()
    share = np.array([bg.count.get(t, 0) + 0.5 for t in vocab])
    alpha = prior * share / share.sum()
    counts = np.vstack([np.asarray(x[m].sum(axis=0)).ravel() for m in members])  # groups × terms
    sizes = counts.sum(axis=1)
    rng = np.random.default_rng(random_state)
    weights = [rng.multinomial(len(m), np.full(len(m), 1 / len(m)), size=n_boot).astype(float) for m in members]
    frames = []
    for gi, g in enumerate(groups):
        y_i, n_i = counts[gi], sizes[gi]
        delta, var = _log_odds(y_i, n_i, counts.sum(axis=0) - y_i, sizes.sum() - n_i, alpha, prior)
        z = delta / np.sqrt(var)
        chosen = np.argsort(-z, kind="stable")[: k if k is not None else len(z)]
        low, high = _bootstrap(x, members, weights, gi, chosen, alpha[chosen], prior, ci)
        frames.append(
            pd.DataFrame(
                {
                    "group": g,
                    "term": [vocab[i] for i in chosen],
                    "count": y_i[chosen].astype(int),
                    "log_odds": delta[chosen],
                    "z": z[chosen],
                    "ci_low": low,
                    "ci_high": high,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _bootstrap(x, members, weights, gi, cols, alpha, alpha0, ci, chunk: int = 2000):
    """Percentile interval of the log-odds of terms ``cols`` of group ``gi``, resampling each group's articles."""
    low, high = np.empty(len(cols)), np.empty(len(cols))
    doc_sizes = [np.asarray(x[m].sum(axis=1)).ravel() for m in members]
    n = [w @ s for w, s in zip(weights, doc_sizes, strict=True)]  # resampled group sizes, one per resample
    n_i, n_all = n[gi], sum(n)
    for a in range(0, len(cols), chunk):
        part = cols[a : a + chunk]
        boot = [np.asarray((x[m][:, part].T @ w.T).T) for m, w in zip(members, weights, strict=True)]
        y_i = boot[gi]
        y_j = sum(boot) - y_i
        delta, _ = _log_odds(y_i, n_i[:, None], y_j, (n_all - n_i)[:, None], alpha[a : a + chunk], alpha0)
        low[a : a + chunk], high[a : a + chunk] = np.quantile(delta, [(1 - ci) / 2, (1 + ci) / 2], axis=0)
    return low, high


# --- keyword in context ---------------------------------------------------------------------------


@renamed_arguments(text="text_column")
def kwic(
    df: pd.DataFrame, term: str, *, window: int = 8, text_column: str = "text", normalize: bool = True
) -> pd.DataFrame:
    """Every occurrence of ``term`` in the articles, with ``window`` tokens of context on each side.

    The term is matched as whole tokens after normalization; its last word also matches that word with a
    suffix after a ZWNJ (``تروریست`` finds ``تروریست‌های``), never a longer word (``داعش`` does not find
    ``داعشی``). Columns ``doc_id, before, match, after, start, end`` (line breaks in the context become
    spaces; ``start, end``: the match in the normalized text); ``doc_id`` is the DataFrame's index when it
    has no such column. Show it with :class:`toolkit.plots.KWIC`. No occurrence gives an empty DataFrame.

    Parameters
    ----------
    df : pandas.DataFrame
        The articles.
    term : str
        One word or several.
    window : int, default 8
        Tokens of context on each side.
    text_column : str, default "text"
        The column of texts (``text=`` is its deprecated name).
    normalize : bool, default True
        Normalize the texts (and the term) first.

    Returns
    -------
    pandas.DataFrame
        :data:`KWIC_COLUMNS`, one row per occurrence.

    Examples
    --------
    >>> arts = pd.DataFrame({"doc_id": ["a"], "text": ["نیروهای عراق مواضع تروریست‌های داعش را بمباران کردند."]})
    >>> kwic(arts, "تروریست", window=2)[["before", "match", "after"]].values.tolist()
    [['عراق مواضع', 'تروریست\u200cهای', 'داعش را']]
    """
    if window < 0:
        raise ValueError(f"window must be 0 or more, not {window}")
    texts = _texts(df, text_column, normalize, "kwic")
    spans = token_spans(_prepare(term, normalize, "kwic"))
    words = [t for t, *_ in spans]
    if not any(kind in ("word", "latin", "number") for *_, kind in spans):
        raise ValueError(f"kwic(): {term!r} has no word to look for")
    ids = df["doc_id"] if "doc_id" in df.columns else pd.Series(df.index, index=df.index)
    first = words[0]
    rows = []
    for doc_id, t in zip(ids, texts, strict=True):
        if first not in t:
            continue
        spans = token_spans(t)
        toks = [s[0] for s in spans]
        for i in range(len(toks) - len(words) + 1):
            if toks[i : i + len(words) - 1] == words[:-1] and _word_matches(toks[i + len(words) - 1], words[-1]):
                j = i + len(words)
                a, b = spans[i][1], spans[j - 1][2]
                left = spans[max(i - window, 0)][1] if window else a
                right = spans[min(j + window, len(spans)) - 1][2] if window else b
                rows.append([doc_id, " ".join(t[left:a].split()), t[a:b], " ".join(t[b:right].split()), a, b])
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def _word_matches(token: str, word: str) -> bool:
    return token == word or token.startswith(word + "\u200c")


__getattr__ = moved(__name__, {"evaluate": "toolkit.evaluation:evaluate_keywords"})
