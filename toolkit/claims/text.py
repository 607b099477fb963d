"""Small text helpers of the claim extractor: regex atoms, spans trimmed and names cleaned, and scanners
that read a span from its end in linear time (where the equivalent regex would backtrack).
"""

from __future__ import annotations

import heapq
import re

from toolkit.chars import WORD_CHARS
from toolkit.claims.words import _OPENERS

_W = f"[{WORD_CHARS}]"
_SEP = r"[\s\u200c]*"  # between the parts of a cue: a space, a ZWNJ or nothing («گفته‌است», «گفته است»)
_NOT_BEFORE = r"(?<![\w\u200c])"
_NOT_AFTER = r"(?![\w\u200c])"

_QUOTES = "«»\"'“”"
_CHUNK = re.compile(r"\S+")
_NOT_SPACE = re.compile(r"\S")
_NOT_SPACE_OR_COMMA = re.compile(r"[^ ،,]")
_ANY_WORD = re.compile(r"\w")
_WS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # what \s matches (U+3000 is the last)
_TRIM_START = _WS + '«"“،,:'
_TRIM_END = _WS + '.!؟?…»"”،,:؛'
_SOURCE_END = re.compile(r"[،:؛,]")
_COLON = re.compile(r"\s*[:：]")
_COLON_SPACE = re.compile(r"\s*[:：]\s*")
_THAT = re.compile(r"\s*[،,]?\s*که\s+")
_OPEN_QUOTE = re.compile(r"\s*[؛،]?\s*«")
_BUT = re.compile(rf"[،,]\s*(?:اما|ولی){_NOT_AFTER}")
_GUILLEMET = re.compile("[«»]")
_PUNCT_RUN = re.compile(r"[،,\-]*")
_COMMA_RUN = re.compile(r"[،,]*")
#: A word that is only punctuation, or a connective with commas around it (``_leads``).
_LEAD_WORD = re.compile(rf"[،,\-]*|[،,]*(?:{'|'.join(sorted(_OPENERS, key=len, reverse=True))})[،,]*")
_MAX_CONTENT = 3000
#: A sentence longer than this (in characters: the longest in the bundled ISNA and Fars articles has 2,306) is a
#: run of text with no sentence end. A content in it also stops at the next cue, and its claims' rows give
#: only the _CONTEXT characters either side of the cue and content, not the whole sentence.
_LONG_SENTENCE = 10_000
_CONTEXT = 200
#: A speaker's or an unknown outlet's name is at most this many characters (the longest speaker in the bundled
#: articles has 237): a run of words with no adjunct is not a name, and each row that names it holds a copy.
_MAX_NAME = 500
_PUNCT_END = ".!؟?…"


def _skip_space(t: str, i: int, e: int) -> int:
    """The first position from ``i`` on that is not a space (``e`` if none)."""
    m = _NOT_SPACE.search(t, i, e)
    return m.start() if m else e


def _after_clause_end(t: str, s: int, x: int) -> bool:
    """Does ``t[s:x]`` end with «،», «:», «؛» or a word «که» or «و» (then spaces)? The same as
    ``re.search(r"(?:[،,:؛]|\\s(?:که|و))\\s*$", t[s:x])``, from the end instead of from ``s``."""
    j = x
    while j > s and t[j - 1].isspace():
        j -= 1
    if j > s and t[j - 1] in "،,:؛":
        return True
    if j - 3 >= s and t.startswith("که", j - 2) and t[j - 3].isspace():
        return True
    return j - 2 >= s and t[j - 1] == "و" and t[j - 2].isspace()


def _after_label(t: str, s: int, x: int) -> bool:
    """Is ``t[s:x]`` a short label ended by a dash («- اخبار سیاسی - »)?"""
    j = x
    while j > s and t[j - 1].isspace():
        j -= 1
    return j > s and t[j - 1] in "-–" and x - s < 60 and len(t[s:j].split()) <= 5


def _and_at_end(t: str, i: int, x: int) -> int:
    """Where ``t[i:x]`` ends with «، و» («و در ادامه», «و همچنین», «و نیز») and spaces, or -1: the start of
    ``re.search(r"[\\s،]+و(?:\\s+(?:در\\s+ادامه|همچنین|نیز))?\\s*$", t[i:x])``, read from the end (the regex
    backtracks over a long run of spaces and commas)."""
    j = x
    while j > i and t[j - 1].isspace():
        j -= 1
    for word in ("همچنین", "نیز", "ادامه"):
        if t.startswith(word, j - len(word)) and j - len(word) >= i:
            k = j - len(word)
            if word == "ادامه":  # «در\s+ادامه»
                k2 = k
                while k2 > i and t[k2 - 1].isspace():
                    k2 -= 1
                if k2 == k or k2 - 2 < i or not t.startswith("در", k2 - 2):
                    break
                k = k2 - 2
            k2 = k
            while k2 > i and t[k2 - 1].isspace():
                k2 -= 1
            if k2 < k:
                j = k2
            break
    if j - 1 < i or t[j - 1] != "و":
        return -1
    k = j - 1
    while k > i and (t[k - 1].isspace() or t[k - 1] == "،"):
        k -= 1
    return k if k < j - 1 else -1


class _Leads:
    """Is ``t[a:b]`` only connectives and punctuation (so a prefix at ``b`` opens the clause)? For one ``a``
    and ``b`` that do not decrease, the words are read once, up to the first that is not one, whatever the
    number of ``b`` asked about (``all(... for w in t[a:b].split())`` for each was quadratic)."""

    def __init__(self, t: str, a: int, e: int):
        self.t, self.start = t, a
        self.words = _CHUNK.finditer(t, a, e)
        self.word: tuple[int, int] | None = None  # the last word read: every word before it is a connective
        self.bad = False  # the last word read is not a connective
        self.done = False
        self.cut: tuple[int, int, list[tuple[int, int]]] | None = None  # for the word cut at b, see below
        self.last = a

    def __call__(self, b: int) -> bool:
        if b < self.last:  # not what it is for: read the words again
            return all(_LEAD_WORD.fullmatch(w) for w in self.t[self.start : b].split())
        self.last = b
        while not self.bad and not self.done and (self.word is None or self.word[1] < b):
            m = next(self.words, None)
            if m is None:
                self.done = True
            else:
                self.word = m.span()
                self.bad = not _LEAD_WORD.fullmatch(self.t, *self.word)
        if self.word is None or self.word[0] >= b:
            return True
        if self.word[1] <= b:
            return not self.bad
        # The word is cut at b («و،به گزارش»): only punctuation, or an opener and commas, up to b. What that
        # needs is found once for the word, not for each b in it (a long word can hold many prefixes).
        if self.cut is None or self.cut[0] != self.word[0]:
            t, (ws, we) = self.t, self.word
            punct = _PUNCT_RUN.match(t, ws, we).end()
            op_start = _COMMA_RUN.match(t, ws, we).end()
            ends = [op_start + len(w) for w in _OPENERS if t.startswith(w, op_start, we)]
            self.cut = (ws, punct, [(x, _COMMA_RUN.match(t, x, we).end()) for x in ends])
        _, punct, openers = self.cut
        return b <= punct or any(x <= b <= y for x, y in openers)


class _Cover:
    """Is a position inside one of the spans added so far? For positions asked about in increasing order."""

    def __init__(self):
        self.waiting: list[tuple[int, int]] = []  # spans that start after the last position asked about
        self.reach = -1  # the farthest end of a span that starts at or before it

    def add(self, span: tuple[int, int]) -> None:
        heapq.heappush(self.waiting, span)

    def covers(self, x: int) -> bool:
        while self.waiting and self.waiting[0][0] <= x:
            self.reach = max(self.reach, heapq.heappop(self.waiting)[1])
        return self.reach > x


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` without surrounding spaces, quotes and final punctuation; None if no word is left."""
    w = text[a:b].lstrip(_TRIM_START)
    a = b - len(w)
    w = w.rstrip(_TRIM_END)
    b = a + len(w)
    if b <= a or not _ANY_WORD.search(w):
        return None
    if w.count("»") > w.count("«"):
        k = w.find("»")
        if a > 0 and text[a - 1] == "«" and k >= 0 and _ANY_WORD.search(w, k + 1):
            a -= 1  # «به گفته وی، «کریدور» همکاری …»: a quoted name opens the content, keep its mark
        else:  # a quote closed inside: keep the closing mark out
            b = a + w.rindex("»")
    return (a, b) if b > a else None


def _short(name: str) -> str:
    """A speaker's or an unknown outlet's name cut to _MAX_NAME characters, at a space if there is one."""
    if len(name) <= _MAX_NAME:
        return name
    k = name.rfind(" ", 0, _MAX_NAME + 1)
    return name[:k] if k > 0 else name[:_MAX_NAME]


def _clean(cue: str) -> str:
    return re.sub(r"\s+", " ", cue).strip()


def _clean_speaker(phrase: str) -> str:
    s = re.sub(f"[{_QUOTES}]", "", phrase)
    s = re.sub(r"\s+", " ", s).strip(" ،,-–")
    if s.count("(") > s.count(")"):
        s += ")"
    return s.strip("() ") if s.startswith("(") and s.endswith(")") else s
