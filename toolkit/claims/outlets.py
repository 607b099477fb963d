"""Outlets in the claim extractor: mentions looked up in the registry (:mod:`toolkit.sources`), datelines and
relay chains («به گزارش ایسنا به نقل از رویترز»), and the outlet a speaker talks to («در گفت‌وگو با …»).
"""

from __future__ import annotations

import functools
import itertools
import re

from toolkit.claims.cues import _CHAIN
from toolkit.claims.text import (
    _CHUNK,
    _MAX_CONTENT,
    _MAX_NAME,
    _NOT_AFTER,
    _NOT_BEFORE,
    _QUOTES,
    _SEP,
    _SOURCE_END,
    _W,
    _clean_speaker,
    _short,
)
from toolkit.claims.words import _BODY_HEADS, _NOT_A_SOURCE, PRONOUNS, _is_stop
from toolkit.sources import OUTLET_WORDS, canonical, find_outlets, resolve

# The words after «خبرنگار» and «برنامه» are whole words (``{_W}++``, possessive): with ``{_W}+`` a long word that
# does not fit was split in every possible way (polynomial backtracking of degree 4 and 8).
_INTERVIEW = re.compile(
    rf"(?:گفت{_SEP}و{_SEP}گو(?:ی|یی)?|گفتگو(?:ی|یی)?|مصاحبه(?:{_SEP}ای)?)(?:{_SEP}(?:اختصاصی|تلفنی|کوتاه))?{_SEP}با{_SEP}"
    rf"(?:(?:گزارشگر|خبرنگار)(?:ان)?(?:{_SEP}{_W}++){{0,4}}?{_SEP})?$"
)
_PROGRAMME = re.compile(rf"برنامه(?:{_SEP}{_W}++){{0,8}}{_SEP}(?:شبکه{_SEP}{_W}+{_SEP})?$")
_INTERVIEW_WITH = re.compile(
    rf"(?:گفت{_SEP}و{_SEP}گو(?:ی|یی)?|گفتگو(?:ی|یی)?|مصاحبه(?:{_SEP}ای)?){_SEP}با{_SEP}"
    rf"((?:{'|'.join(OUTLET_WORDS)})(?:\s+{_W}+){{1,3}})"
)
#: A reporter between «به» and the outlet's name: «به خبرنگار وال استریت ژورنال گفت» is a channel too.
_REPORTER_BEFORE = re.compile(rf"{_NOT_BEFORE}(?:خبرنگار|گزارشگر)(?:ان)?(?:{_SEP}(?:اعزامی|ارشد))?$")
#: The person an outlet quotes, named between the outlet and its verb: «رویترز به نقل از حسن ناظم، … گزارش داد».
_RELAYED_PERSON = re.compile(rf"\s*به{_SEP}نقل{_SEP}از\s+(?P<who>[^،,:«»\n]{{2,80}}?)\s*[،,]")
#: How far before an outlet's name the words that make it the interviewer («در گفت‌وگو با خبرنگار …»,
#: «در برنامه … شبکه …») are looked for, in characters.
_NEAR = 300
_MAX_OUTLET_WORD = max(map(len, OUTLET_WORDS))
_OUTLET_WORDS_BY_LETTER: dict[str, list[str]] = {}
for _w in OUTLET_WORDS:
    _OUTLET_WORDS_BY_LETTER.setdefault(_w[0], []).append(_w)
_WORD_CHAR = frozenset(c for c in map(chr, range(0x600, 0x700)) if re.match(_W, c))
_DATELINE = re.compile(r"([^:\n]{2,40}):")
_DASH_DATELINE = re.compile(
    rf"\s*(?:{_W}+(?:\s{_W}+)?\s*[-–]\s*)?(?P<o>{_W}+(?:[\s\u200c]{_W}+){{0,2}}?)\s*(?:[-–/]|:(?!\s*$))\s*"
    rf"(?:گروه[^:\n]{{0,40}}:\s*)?"
)
_OUTLET_WORD = re.compile(rf"^(?:{'|'.join(sorted(OUTLET_WORDS, key=len, reverse=True))}){_NOT_AFTER}")


_PUBLISHED = frozenset({"منتشره", "منتشر", "شده", "در", "که", "آمده", "وب", "رسمی", "خبری"})
#: The registry's answers for the names of an article come back often (its relay in every paragraph): kept.
_canonical = functools.lru_cache(maxsize=4096)(canonical)


def _outlet_in(
    text: str, ignore: frozenset[str] = frozenset({"رسمی", "خبری", "تلویزیونی", "رادیویی", "ماهواره‌ای", "اینترنتی"})
) -> tuple[str, bool, int, str, int] | None:
    """The first outlet named in ``text``: (name, known, words before it, as written, end offset). Kept for a
    text short enough to be a name or a source (the same ones come back in every paragraph)."""
    return _outlet_in_short(text, ignore) if len(text) <= 200 else _outlet_in_text(text, ignore)


def _outlet_in_text(text: str, ignore: frozenset[str]) -> tuple[str, bool, int, str, int] | None:
    for m in find_outlets(text):
        before = text[: m.start].split()
        # Words before the name that are outlet words or qualifiers («خبرگزاری رسمی سوریه») do not count.
        n = sum(1 for w in before if not (_OUTLET_WORD.match(w.strip(_QUOTES)) or w.strip(_QUOTES) in ignore))
        return (m.name, True, n, m.text, m.end)
    return None


_outlet_in_short = functools.lru_cache(maxsize=4096)(_outlet_in_text)


def _outlet_words_start(t: str, a: int, x: int) -> int:
    """Where the outlet words, spaces, «»"'( and «…ای» adjectives that end at ``x`` start (not before ``a``).

    The same as ``a + len(re.sub(rf"(?:{OUTLET_WORDS}|[\\s«»\"'(]|{_W}+ای)*$", "", t[a:x]))``, whose backtracking
    is exponential on a word of many «ای», in time linear in what it strips: positions from which ``t[p:x]``
    is such a sequence (``ends``) are found right to left; a word of three letters or more ending in «ای» can
    end anywhere in its run of letters where such a sequence starts.
    """
    ends = {x}
    lo = x
    aye = -1  # in the run of letters being read: the farthest end of an «ای» from which a sequence starts
    p = x - 1
    while p >= a:
        if lo - p > _MAX_OUTLET_WORD + 1 and aye < 0:
            break  # no word, mark or run of letters reaches a position in ``ends`` any more
        ch = t[p]
        if ch in _WORD_CHAR:
            if aye < 0 and t.startswith("ای", p, x) and p + 2 in ends:
                aye = p + 2
            ok = aye >= p + 3
        else:
            aye = -1
            ok = (ch.isspace() or ch in "«»\"'(") and p + 1 in ends
        if not ok:
            ok = any(t.startswith(w, p, x) and p + len(w) in ends for w in _OUTLET_WORDS_BY_LETTER.get(ch, ()))
        if ok:
            ends.add(p)
            lo = p
        p -= 1
    return lo


@functools.lru_cache(maxsize=4096)
def _resolve_name(mention: str) -> str:
    """An unknown outlet's name without its descriptors («روزنامه الوطن بحرین» → «الوطن»); "" when the mention
    names no outlet («رسانه‌های ایران»)."""
    if len(mention) > _MAX_NAME:
        return _short(_clean_speaker(mention))
    name = resolve(mention).name
    return _clean_speaker(name) if name else ""


class _Outlets:
    """The outlet mentions of a :class:`toolkit.claims.extractor._Doc` (a mixin: ``self.text`` is the
    normalized text)."""

    text: str

    def _datelines(self, s: int, e: int) -> tuple[list[tuple[str, bool, tuple[int, int]]], int]:
        """The outlets a dateline at the start of a line names (the sentence's relay so far), and where the
        sentence goes on after them."""
        t = self.text
        relay: list[tuple[str, bool, tuple[int, int]]] = []
        start = s
        # A dateline at the start of a line: «خبرگزاری فارس: …»
        m = _DATELINE.match(t, s, e)
        line_start = s == 0 or t[s - 1] == "\n"
        if m and line_start:
            found = _outlet_in(m.group(1))
            if found and found[2] == 0 and len(m.group(1).split()) <= 4:
                relay.append((found[0], found[1], (s, s + len(m.group(1)))))
                start = m.end()
        m = _DASH_DATELINE.match(t, s, e) if line_start and start == s else None
        if m:
            # «تهران- ایرنا- …», «برنا- گروه فرهنگ و هنر: …»: the agency that wrote the article, not a speaker
            name = m.group("o")
            known = _canonical(name)
            found = (known, True) if known else _outlet_in(name)
            if found and (known or found[2] == 0):
                relay.append((found[0], found[1], m.span("o")))
                start = m.end()
        return relay, start

    def _prefix_source(self, p: re.Match, e: int) -> tuple[int, int, str | None]:
        """The source phrase of a prefix cue, where it starts and where its claim starts."""
        t = self.text
        e = min(e, p.end() + _MAX_CONTENT)
        rest = t[p.end() : e]
        m = _SOURCE_END.search(rest, 0, 160)
        if m:
            source = rest[: m.start()]
            end = p.end() + m.start()
            content_start = p.end() + m.end()
        else:
            # No comma: the source is a pronoun or a known outlet (+ «از <city>»). Its first seven words are
            # all that is looked at (not the split of the whole rest, for each prefix of a long sentence).
            words = [w.group() for w in itertools.islice(_CHUNK.finditer(rest), 7)]
            stop = next((k for k, w in enumerate(words) if k and _is_stop(w)), None)
            if words and words[0] in PRONOUNS:
                source = words[0]
            elif p.group("speaker") is not None and stop is not None and stop <= 6:
                source = " ".join(words[:stop])  # «به گفته مسئولین این جشنواره بنا بوده …»
            else:
                found = _outlet_in(rest[:80], ignore=_PUBLISHED)
                if not found or found[2] > 1:
                    return 0, 0, None
                m2 = re.match(rf"\s*(?:{_W}+\s+){{0,5}}?{re.escape(found[3])}(?:\s+(?:از|در)\s+{_W}+)?", rest)
                if not m2:
                    return 0, 0, None
                source = m2.group()
            end = p.end() + rest.find(source) + len(source)
            content_start = end
        src_start = p.end() + rest.find(source)
        for pat in (r"(?:که\s+)?در\s+(.+?)\s+(?:آمده|منتشر)", r"(?:منتشره|منتشر\s+شده)\s+در\s+(.+)$"):
            mm = re.search(pat, source)
            if mm:
                src_start += mm.start(1)
                source = mm.group(1)
                break
        lead = len(source) - len(source.lstrip())
        source, src_start = source.strip(), src_start + lead
        if not source or source.split()[0] in _NOT_A_SOURCE:
            return 0, 0, None
        return src_start, content_start, source

    def _chain(self, source: str, at: int, speaker_cue: bool) -> list[tuple]:
        """The parts of «ایسنا به نقل از رویترز» at ``at``: (name, known, span, outlet|speaker, kind)."""
        out = []
        pos = 0
        pieces = []
        for m in _CHAIN.finditer(source):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(source)))
        for a, b in pieces:
            raw_part = source[a:b]
            part = re.sub(r"^\s*(?:و[\s\u200c]+)?", "", raw_part).strip(" -،," + _QUOTES)
            if not part:
                continue
            i = at + a + raw_part.find(part)
            span = (i, i + len(part))
            first = part.split()[0]
            found = _outlet_in(part)
            name_only = re.sub(r"\s+(?:از|در)\s+\S+$", "", part)
            known = None if speaker_cue else (_canonical(part) or _canonical(name_only))
            if known:  # an outlet slot: «به گزارش فارس» is Fars even though «فارس» is also a province
                found = (known, True, 0, part, len(part))
            elif found and not speaker_cue and first not in _BODY_HEADS:
                found = (found[0], True, 0, part, len(part))  # «گروه بین‌الملل خبرگزاری فارس»
            if first in PRONOUNS:
                out.append((first, False, span, "speaker", "pronoun"))
            elif first == "این" and len(part.split()) > 1:
                kind = "outlet_anaphor" if _OUTLET_WORD.match(part.split()[1]) else "anaphor"
                out.append((part, False, span, "speaker", kind))
            elif found and (found[2] <= 2 or part.startswith("خبرنگار")):
                out.append((found[0], found[1], span, "outlet", "outlet"))
            elif _OUTLET_WORD.match(part) and not speaker_cue:
                name = _resolve_name(part)
                if name:  # «رسانه‌های ایران», «برخی رسانه‌ها»: no outlet named, no source
                    out.append((name, False, span, "outlet", "outlet"))
            elif first in _BODY_HEADS or speaker_cue or len(part.split()) > 4:
                out.append((_clean_speaker(part), False, span, "speaker", "name"))
            elif name := _resolve_name(part):
                out.append((name, False, span, "outlet", "outlet"))  # «به نقل از فیوچریسم»
        return out

    def _interview(self, a: int, b: int) -> tuple[str, bool] | None:
        """The outlet a speaker talks to in ``[a, b)``: «در گفت‌وگو با شبکه رووداو», «به رویترز گفت»."""
        t = self.text
        region = t[a:b]
        tail_end = None
        # where the first word that an interview or a programme needs is: no need to look before a name earlier
        talk = min((i for i in (region.find("گفت"), region.find("مصاحبه")) if i >= 0), default=len(region)) + a
        programme = region.find("برنامه")
        programme = a + programme if programme >= 0 else b
        for m in find_outlets(region):
            x = a + m.start  # the words before the name: t[a:x], looked at up to _NEAR characters back
            bare = x
            while bare > a and t[bare - 1] in " «\"'(":
                bare -= 1
            if talk < x:
                trimmed = _outlet_words_start(t, a, x)  # without outlet words, quotes and «…ای» adjectives
                if _INTERVIEW.search(t[max(a, trimmed - _NEAR) : trimmed] + " ") or _INTERVIEW.search(
                    t[max(a, bare - _NEAR) : bare] + " "
                ):
                    return (m.name, True)
            if programme < x and _PROGRAMME.search(t, max(a, x - _NEAR), x):
                return (m.name, True)  # «با حضور در برنامه سلام صبح بخیر شبکه سوم سیما»
            # «به رویترز گفت», «به خبرنگار وال استریت ژورنال گفت»: «به» right before the name (or its reporter),
            # and at most two words after it
            j = bare
            while j > a and t[j - 1].isspace():
                j -= 1
            reporter = _REPORTER_BEFORE.search(t, max(a, j - 20), j)
            if reporter:
                j = reporter.start()
                while j > a and t[j - 1].isspace():
                    j -= 1
            if j - 2 >= a and t.startswith("به", j - 2) and (j - 2 == a or t[j - 3].isspace()):
                if tail_end is None:
                    tail_end = b
                    while tail_end > a and t[tail_end - 1] in " »\"')،,":
                        tail_end -= 1
                i = m.end + a
                while i < tail_end and t[i] in " »\"')،,":
                    i += 1
                if i >= tail_end or sum(1 for _ in itertools.islice(_CHUNK.finditer(t, i, tail_end), 3)) <= 2:
                    return (m.name, True)
        m = _INTERVIEW_WITH.search(region)
        if m:
            name = m.group(1).strip(" ،,«»")
            known = _canonical(name)
            return (known, True) if known else (name, False)
        return None
