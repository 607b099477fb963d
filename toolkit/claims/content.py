"""Content spans of the claim extractor: what a cue says, after its colon or «که», before it, or up to the
closing «» of a quotation that runs over the next sentences; each at most a few thousand characters.
"""

from __future__ import annotations

import bisect
import itertools
import re

from toolkit.claims.cues import _CLAUSE_BREAK
from toolkit.claims.text import (
    _ANY_WORD,
    _BUT,
    _CHUNK,
    _COLON_SPACE,
    _GUILLEMET,
    _MAX_CONTENT,
    _NOT_SPACE_OR_COMMA,
    _OPEN_QUOTE,
    _PUNCT_END,
    _THAT,
    _and_at_end,
    _trim,
)
from toolkit.claims.words import _SPEAKER_HEADS, PRONOUNS, _is_stop


def _is_full_name(words: list[str]) -> bool:
    """Do the speaker's ``words`` read as a first name and a surname («ارسلان غمگین»), not a title?"""
    return 2 <= len(words) <= 3 and words[0] not in _SPEAKER_HEADS and not _is_stop(words[0])


class _Content:
    """The content spans of a :class:`toolkit.claims.extractor._Doc` (a mixin: ``self.text`` is the normalized
    text, ``self._sentence_span`` the sentence being read)."""

    def _quotations(self, spans: list[tuple[int, int]]) -> None:
        """A direct quotation runs on over the next sentences: to its closing «»», else to the end of its
        paragraph or the next sentence with a claim of its own, at most _MAX_CONTENT characters."""
        t = self.text
        with_claims = {c.sentence for c in self.claims}
        names = {w[-1] for c in self.claims if _is_full_name(w := c.speaker.split())}
        starts = [a for a, _ in spans]
        for c in self.claims:
            if c.mode != "direct":
                continue
            a, b = c.content
            s, e = c.sentence
            limit = a + _MAX_CONTENT
            if (a > 0 and t[a - 1] in "«“") or (a > 1 and t[a - 2] in "«“" and t[a - 1].isspace()):
                close = {"«": "»", "“": "”"}[t[a - 1] if t[a - 1] in "«“" else t[a - 2]]
                if t.find(close, a, b + 1) >= 0:
                    continue  # closed in its sentence
                j = t.find(close, b, min(limit, len(t)))
                if j >= 0 and "\n" not in t[b:j]:
                    c.content = _trim(t, a, j) or c.content
                continue
            if _ANY_WORD.search(t, b, e):
                continue  # the sentence goes on after the content: it was cut on purpose
            k = bisect.bisect_right(starts, s)
            end = b
            while k < len(spans):
                s2, e2 = spans[k]
                if (s2, e2) in with_claims or "\n" in t[end:s2] or e2 > limit or self._narrates(s2, e2, names):
                    break
                end = e2
                k += 1
            if end > b:
                c.content = _trim(t, a, end) or c.content

    def _narrates(self, s: int, e: int, names: set[str]) -> bool:
        """Does the sentence ``[s, e)`` open with «وی» or the last word of a speaker's name (``names``): the
        writer telling of a speaker («… پرداخت شود. غمگین در پایان … قدردانی کرد»), not more of a quotation?"""
        first = self.text[s:e].split(maxsplit=1)[:1]
        return bool(first) and (first[0] == "وی" or first[0] in names)

    def _content_end(self, i: int, e: int) -> int:
        """Where a content that starts at ``i`` must end, at the latest: ``e`` (its sentence's end or clause's),
        _MAX_CONTENT characters on, and in a sentence longer than _LONG_SENTENCE, the next cue."""
        e = min(e, i + _MAX_CONTENT)
        if self._cue_starts is not None:
            k = bisect.bisect_left(self._cue_starts, i)
            if k < len(self._cue_starts):
                e = min(e, max(i, self._cue_starts[k]))
        return e

    def _content_start(self, x: int, start: int) -> int:
        """Where a content that ends at ``x`` (before its cue) may start, at the earliest: ``start``,
        _MAX_CONTENT characters back, and in a sentence longer than _LONG_SENTENCE, the end of the cue before."""
        a = max(start, x - _MAX_CONTENT)
        if self._cue_starts is not None:
            k = bisect.bisect_left(self._cue_starts, x) - 1
            if k >= 0:
                a = max(a, min(x, self._cue_reach[k]))
        return a

    def _inside_quote_name(self, i: int) -> bool:
        """Is position ``i`` inside a short «name» (a quoted title, not a quotation)?"""
        t = self.text
        a = t.rfind("«", max(0, i - 40), i)
        return a >= 0 and "»" not in t[a:i] and t.find("»", i, i + 40) >= 0

    def _verb_content(self, v: re.Match, clause_start: int, nxt: int, e: int) -> tuple[str, tuple[int, int] | None]:
        """The content of a verb cue: after a colon (direct), after «که» or the rest (indirect), or before it."""
        t = self.text
        e = self._content_end(v.end(), e)  # a content is at most a few thousand characters: linear time
        m = _COLON_SPACE.match(t, v.end(), e)
        if m:
            return "direct", self._quoted_or_rest(m.end(), e, nxt)
        m = _THAT.match(t, v.end(), e)
        if m:
            i = m.end()
            return "indirect", _trim(t, i, self._cut(i, e, nxt, indirect=True))
        m = _OPEN_QUOTE.match(t, v.end(), e)
        if m:
            return "direct", self._quoted_or_rest(m.end() - 1, e, nxt)
        # the rest of the sentence, without the spaces and commas around it
        m = _NOT_SPACE_OR_COMMA.search(t, v.end(), e)
        if m:
            i = m.start()
            conjunction = t.startswith("و ", i) and _NOT_SPACE_OR_COMMA.search(t, i + 2, e) is not None
            but = _CLAUSE_BREAK.match(t, i) is not None  # «… عنوان کردند اما …»: the writer's own clause
            if t[i] not in _PUNCT_END + "؛" and not conjunction and not but:
                return "indirect", _trim(t, i, self._cut(i, e, nxt, indirect=True))
        # The cue ends its clause: the content is the complement before it («از … خبر داد»).
        return "indirect", self._complement(v, clause_start)

    def _quoted_or_rest(self, i: int, e: int, nxt: int) -> tuple[int, int] | None:
        t = self.text
        if i < len(t) and t[i] in '«"“':
            close = {"«": "»", '"': '"', "“": "”"}[t[i]]
            j = t.find(close, i + 1, e)
            if j < 0:
                return _trim(t, i + 1, e)  # the quotation goes on in the next sentence: this sentence's part
            if self._sentence_goes_on(i, j, e):  # a quoted name opens the sentence: «میشل عون» رئیس جمهوری …
                return _trim(t, i, self._cut(i, e, nxt))
            return _trim(t, i + 1, j)
        return _trim(t, i, self._cut(i, e, nxt))

    def _sentence_goes_on(self, i: int, j: int, e: int) -> bool:
        """Is the short quote ``[i, j]`` (a name, at most three words) followed by more of its sentence?"""
        t = self.text
        if len(t[i + 1 : j].split()) > 3:
            return False
        m = _NOT_SPACE_OR_COMMA.search(t, j + 1, e)
        if m is None or not t[m.start()].isalpha():
            return False
        return _CLAUSE_BREAK.match(t, m.start()) is None and not t.startswith("و ", m.start())

    def _cut(self, i: int, e: int, nxt: int, indirect: bool = False) -> int:
        """Where a content ends: the sentence end, or before «و» + a next cue with no subject of its own;
        an indirect content also ends before «، اما …» (the writer's own clause)."""
        t = self.text
        if indirect:
            but = self._but(i, e)
            if but >= 0:
                e = but
        if nxt >= e:
            return e
        k = _and_at_end(t, i, nxt)
        if k >= 0 and not any(ch in ":«" for ch in t[max(i, k - 3) : k]):
            return k
        return e

    def _but(self, i: int, e: int) -> int:
        """Where the first «، اما» or «، ولی» in ``[i, e)`` starts, or -1: ``_BUT.search(t[i:e])``, from the
        matches in the whole sentence (found once) rather than a search of up to _MAX_CONTENT characters
        for each cue."""
        t = self.text
        if self._buts is None:
            self._buts = [m.span() for m in _BUT.finditer(t, *self._sentence_span)]
        k = bisect.bisect_left(self._buts, (i, -1))
        if k < len(self._buts) and self._buts[k][1] <= e:
            return self._buts[k][0]
        # One more in t[i:e] alone: «اما» right at e, followed by letters beyond e.
        if e - 3 >= i and t[e - 3 : e] in ("اما", "ولی"):
            j = e - 3
            while j > i and t[j - 1].isspace():
                j -= 1
            if j > i and t[j - 1] in "،,":
                return j - 1
        return -1

    def _complement(self, v: re.Match, clause_start: int) -> tuple[int, int] | None:
        """The content of a cue that ends its clause: «از A خبر داد» gives A; «X … A را اعلام کرد» gives
        what follows the speaker's name and title (from the first adjunct word on)."""
        t = self.text
        region = t[clause_start : v.start()]
        if v.group().startswith("خبر"):
            m = re.search(r"(?:^|\s)از\s+", region)
            return _trim(t, clause_start + m.end(), v.start()) if m else None
        if v.group().startswith(("تاکید", "تأکید")):  # «X بر A تاکید کرد» gives A
            m = re.search(r"(?:^|\s)بر\s+", region)
            return _trim(t, clause_start + m.end(), v.start()) if m else None
        if not re.search(r"\sرا\s*$", region):
            return None
        words = list(re.finditer(r"\S+", region))
        for k, w in enumerate(words[1:], 1):
            if _is_stop(w.group().strip("،,")) and w.group() != "را":
                return _trim(t, clause_start + words[k].start(), v.start())
        return None

    def _clause_content(self, c: re.Match, region_end: int) -> tuple[int, int] | None:
        """«با بیان اینکه A، گفت»: A runs to the last comma before the main verb (or the quote's end), and is
        at most _MAX_CONTENT characters."""
        t = self.text
        i = c.end()
        seg = t[i : self._content_end(i, region_end)]
        j = max(seg.rfind("،"), seg.rfind(","))
        tail = [w.group() for w in itertools.islice(_CHUNK.finditer(seg, j + 1), 3)] if j >= 0 else []
        if tail and not _is_stop(tail[0]) and tail[0] not in PRONOUNS and len(tail) > 2:
            j = -1  # «با تاکید بر اینکه A، B است اظهار کرد»: that comma is inside A
        lead = seg.lstrip()
        if lead[:1] in ("«", '"'):
            opened = len(seg) - len(lead)
            close = self._matching_quote(i + opened, i + len(seg)) - i
            if close > 0:
                j = close
        return _trim(t, i, i + (j if j > 0 else len(seg)))

    def _matching_quote(self, i: int, end: int) -> int:
        """The index of the quote mark closing the one at ``i`` (nested «» counted) before ``end``, or -1."""
        t = self.text
        if t[i] == '"':
            return t.find('"', i + 1, end)
        if self._quotes is None:  # every «» pair of the sentence, in one pass
            self._quotes = {}
            opened: list[int] = []
            for m in _GUILLEMET.finditer(t, *self._sentence_span):
                if m.group() == "«":
                    opened.append(m.start())
                elif opened:
                    self._quotes[opened.pop()] = m.start()
        close = self._quotes.get(i, -1)
        return close if close < end else -1
