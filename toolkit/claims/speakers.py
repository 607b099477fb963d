"""Speakers in the claim extractor: the subject of a cue's clause, a speaker's name without its title
apposition, and co-reference: pronouns, anaphors and titles resolved to the article's earlier speakers.
"""

from __future__ import annotations

import itertools
import re

from toolkit.chars import ZWNJ
from toolkit.claims.claim import _Claim
from toolkit.claims.cues import _DOCUMENT
from toolkit.claims.outlets import _OUTLET_WORD, _RELAYED_PERSON, _outlet_in, _resolve_name
from toolkit.claims.text import _MAX_NAME, _QUOTES, _WS, _clean_speaker, _short
from toolkit.claims.words import (
    _HONORIFICS,
    _MULTI_OPENERS,
    _NOT_SPEAKERS,
    _OPENERS,
    _SINGULAR,
    _SPEAKER_HEADS,
    _SPEAKER_JUNK,
    _TIME_AFTER,
    _TIME_WORDS,
    _TITLES,
    PRONOUNS,
    _is_stop,
)
from toolkit.sources import find_outlets


def _after_time_adverb(words: list[tuple[int, int, str]], i: int) -> int:
    """The index after a time adverb that starts at ``words[i]`` («کمی قبل از آن»), or ``i`` if none does."""
    j = i
    while j < len(words) and j - i < 5 and (words[j][2] in _TIME_WORDS or words[j][2].isdigit()):
        j += 1
    if j == i or j >= len(words) or words[j][2].rstrip("،,") not in _TIME_AFTER:
        return i
    j += 1
    if j + 1 < len(words) and words[j][2] == "از" and words[j + 1][2].rstrip("،,") in ("آن", "این"):
        j += 2
    return j if j < len(words) else i


def _tidy_speaker(name: str) -> str:
    """A speaker without leading junk, and a proper name without its title apposition."""
    prev = None
    while prev != name:
        prev = name
        m = _SPEAKER_JUNK.match(name)
        if m and m.end() < len(name):
            name = name[m.end() :]
    m = re.fullmatch(r"[^()]+\(([^()]+)\)", name)
    if m and name.split()[0] in _TITLES and m.group(1).split()[0] not in _TITLES and 2 <= len(m.group(1).split()) <= 4:
        return m.group(1).strip()  # «دادستان کل بحرین (علی بن فضل البوعینین)»
    words = name.split()
    k = 0
    while k < len(words) - 1 and (words[k] in _HONORIFICS or (words[k] == "امیر" and words[k + 1] in _HONORIFICS)):
        k += 1  # «امیر» is a rank before another («امیر دریادار»), else a first name
    if k and words[k].rstrip("،,") not in _TITLES | _SPEAKER_HEADS:
        name, words = " ".join(words[k:]), words[k:]
    if not words or words[0] in _SPEAKER_HEADS or words[0] in ("یک", "این", "آن", "برخی", "چند"):
        return name
    head, comma, rest = name.partition("،")
    if not comma:
        head, comma, rest = name.partition(",")
    if not comma:
        head, comma, rest = name.partition(" - ")
    if comma and len(head.split()) <= 4 and rest.split() and rest.split()[0] in _TITLES:
        return head.strip()
    for k, w in enumerate(words[1:5], 1):
        if w in _TITLES:
            return " ".join(words[:k]).rstrip("،,")
        if w in _SPEAKER_HEADS or w.endswith(("،", ",")):
            break
    return name


def _is_name(speaker: str) -> bool:
    """A proper name («ماکرون», «علی خضریان»), not a title, a pronoun or a description («یک منبع»)."""
    words = speaker.split()
    return (
        0 < len(words) <= 4
        and not _is_title(speaker)
        and words[0] not in _SPEAKER_HEADS | PRONOUNS | {"یک", "این", "آن", "برخی", "چند", "همه"}
    )


def _reads_as_person(words: list[str], honorific: bool) -> bool:
    """A first name and a surname (two or three words, no adjunct, no verb), or one word after «آقای», «خانم» …"""
    if not 1 <= len(words) <= 3 or (len(words) == 1 and not honorific):
        return False
    verbish = ("شد", "است", "بود", "کرد", "گفت", "باعث", "هنوز")
    return not any(
        _is_stop(w) or w.rstrip(":،,") in verbish or ":" in w or w.startswith(("نمی", "می‌")) for w in words
    )


def _is_title(speaker: str) -> bool:
    """A title standing for a person («معاون هماهنگ‌کننده ارتش», «این پژوهشگر»), not a name."""
    words = speaker.split()
    if words and words[0] in ("این", "همین", "آن"):
        words = words[1:]
    return bool(words) and words[0] in _TITLES


def _tokens(s: str) -> list[str]:
    return [w for w in re.split(rf"[\s{ZWNJ}،,\-–()]+", s) if len(w) > 1]


class _Entities:
    """The speakers of an article so far, each a set of name tokens, indexed by token (an article may name
    thousands: a scan of all of them for each claim was quadratic)."""

    def __init__(self):
        self.names: list[str] = []  # each entity's proper name, once a speaker gave one ("" until then)
        self.tokens: list[set[str]] = []
        self.having: dict[str, list[int]] = {}  # token → the entities with it
        self.exactly: dict[frozenset[str], set[int]] = {}  # token set → the entities with just those

    def add(self, speaker: str) -> int:
        i = len(self.tokens)
        self.tokens.append(set())
        self.names.append("")
        self._grow(i, set(_tokens(speaker)))
        self._name(i, speaker)
        return i

    def has_title(self, i: int, title: str) -> bool:
        """Whether entity ``i`` was named with every word of ``title`` (a determiner aside)."""
        return set(_tokens(title)) - {"این", "همین", "آن"} <= self.tokens[i]

    def _name(self, i: int, speaker: str) -> None:
        if not self.names[i] and not _is_title(speaker) and speaker.split()[0] not in _SPEAKER_HEADS | PRONOUNS:
            self.names[i] = speaker

    def match(self, speaker: str) -> int:
        """An earlier speaker this name refers to: the latest whose tokens include all of its own, or whose
        tokens (two or more) are all among its own («حسینی»); its tokens then take this name's in. -1 if none.

        The entities sharing a token with the name are counted through the index; when that would be more
        work than looking up every subset of the name's tokens, the subsets are looked up instead (a name
        of k tokens has 2^k subsets: the cost of a name made of common words stays bounded)."""
        toks = set(_tokens(speaker))
        if not toks:
            return -1
        k = len(toks)
        best = -1
        if sum(len(self.having.get(w, ())) for w in toks) <= 1 << k:
            shared: dict[int, int] = {}
            for w in toks:
                for i in self.having.get(w, ()):
                    shared[i] = shared.get(i, 0) + 1
            for i, n in shared.items():
                if i > best and (n == k or (n >= 2 and n == len(self.tokens[i]))):
                    best = i
        else:
            rare = min(toks, key=lambda w: len(self.having.get(w, ())))
            best = max((i for i in self.having.get(rare, ()) if toks <= self.tokens[i]), default=-1)
            ordered = sorted(toks)
            for size in range(2, k + 1):
                for sub in itertools.combinations(ordered, size):
                    ids = self.exactly.get(frozenset(sub))
                    if ids:
                        best = max(best, max(ids))
        if best >= 0:
            self._grow(best, toks)
            self._name(best, speaker)
        return best

    def _grow(self, i: int, toks: set[str]) -> None:
        new = toks - self.tokens[i]
        if not new:
            return
        old = frozenset(self.tokens[i])
        if old in self.exactly:
            self.exactly[old].discard(i)
        self.tokens[i] |= new
        for w in new:
            self.having.setdefault(w, []).append(i)
        self.exactly.setdefault(frozenset(self.tokens[i]), set()).add(i)


def _subject_start(words: list[tuple[int, int, str]]) -> int:
    """Where the subject starts among a clause's ``words`` (start, end, word): after leading connectives, adjunct
    segments that end in a comma, and a time adverb."""
    # Skip leading connectives and adjunct segments that end in a comma.
    i = 0
    while i < len(words) and (words[i][2] in _OPENERS or not words[i][2].strip("،,-–")):
        i += 1
    while True:  # «با این حال کارشناسان معتقدند …», «در همین پیوند ظریف نوشته است …»
        n = next((n for n in (4, 3, 2) if tuple(w[2].rstrip("،,") for w in words[i : i + n]) in _MULTI_OPENERS), 0)
        if not n:
            break
        i += n
    i = _after_time_adverb(words, i)  # «کمی قبل از آن تیخانوفسکایا گفت», «حدود یک هفته پیش یک گروه …»
    if _one_of(words, i):
        return i  # «یکی از نمایندگان مجلس گفت»: the subject, not an adjunct
    if i < len(words) and _is_stop(words[i][2]):
        # A leading adjunct: the speaker starts after the first comma that is followed by a non-adjunct
        # («در پی …، به واسطه …، یک مقام آگاه گفت»), else at the first title word or pronoun.
        after_comma = [
            j + 1
            for j in range(i, len(words) - 1)
            if words[j][2].endswith(("،", ",")) and not _is_stop(words[j + 1][2])
        ]
        if after_comma:
            i = after_comma[0]
        else:
            j = i + 1
            while j < len(words) and not _starts_speaker(words, j):
                j += 1
            i = j
        while i < len(words) and words[i][2] in _OPENERS:
            i += 1
    return i


def _after_object_or_and(words: list[tuple[int, int, str]], i: int) -> int:
    """The subject after an object that opens the clause («سیاست نظام را رهبر انقلاب بیان کردند») or after
    a last «و» + pronoun («مسئله‌ای که … همراه بود و او در این‌باره گفت»); else ``i`` as it is."""
    for k in range(len(words) - 2, i - 1, -1):
        w, nxt = words[k][2], words[k + 1][2].rstrip("،,")
        if w == "و" and nxt in _SINGULAR:
            return k + 1
        # «را» + a title, and no «و» up to the cue: not «X را یک تخصص دانست و گفت»
        if w == "را" and k > i and nxt in _SPEAKER_HEADS and nxt != "یک" and all(x[2] != "و" for x in words[k:]):
            return k + 1
    return i


def _words(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The words of ``text[a:b]`` as (start, end, word without quotes or parentheses), offsets into ``text``."""
    return [(m.start() + a, m.end() + a, m.group().strip(_QUOTES + "()")) for m in re.finditer(r"\S+", text[a:b])]


def _starts_speaker(words: list[tuple[int, int, str]], i: int) -> bool:
    """Does a speaker start at ``words[i]`` after an adjunct: a pronoun, a title word or «یکی از»?"""
    return words[i][2] in PRONOUNS or words[i][2] in _SPEAKER_HEADS or _one_of(words, i)


#: Plurals of people that «یکی از» picks a speaker from, besides the title words and the plurals in «ان».
_PEOPLE = frozenset("مقامات مراجع اعضای اعضا نامزدهای مقام‌های منابع مسئولین مسؤولین".split())


def _one_of(words: list[tuple[int, int, str]], i: int) -> bool:
    """Do ``words`` read «یکی از» + people at ``i``: one of a group, a speaker («یکی از مقامات آمریکایی»), not
    «یکی از علل اصلی»?"""
    if not (i + 2 < len(words) and words[i][2] == "یکی" and words[i + 1][2] == "از"):
        return False
    w = words[i + 2][2].rstrip("،,")
    return w in _PEOPLE or w in _SPEAKER_HEADS or (w.endswith(("ان", "ین")) and len(w) > 4)


def _name_end(words: list[tuple[int, int, str]], i: int) -> tuple[int, int]:
    """The speaker's name and title from ``words[i]`` on: up to an adjunct; appositives between commas or dashes
    are kept. The index of the word that stops it, and where the name ends in the text."""
    j = i
    end = words[i][1]
    while j < len(words):
        w = words[j][2]
        bare = w.rstrip("،,")
        weekday = bare in ("سه", "چهار", "پنج", "یک", "دو") and j + 1 < len(words) and words[j + 1][2] == "شنبه"
        if (
            j > i
            and (_is_stop(bare) or bare in PRONOUNS or weekday)
            and not (bare == "جمعه" and words[j - 1][2] == "امام")
            and not (bare == "به" and words[j - 1][2] == "نزدیک")  # «منابع نزدیک به حماس»
            and not (bare == "از" and _one_of(words, j - 1))  # «یکی از مقامات آمریکایی»
        ):
            break
        end = words[j][1] if bare else end
        if w.endswith(("،", ",")) and j + 1 < len(words):
            nxt = words[j + 1][2]
            if _is_stop(nxt.rstrip("،,")) or nxt.rstrip("،,") in PRONOUNS:
                end = words[j][1] - 1
                break
        j += 1
    return j, end


def _subject_phrase(phrase: str, first: str, before_object: bool) -> str:
    """The subject phrase without what runs into it: the object before «را» and a final «و»."""
    if before_object:
        # «X همدلی را … برشمرد و گفت»: the object runs into the subject; keep the name or the title head.
        pw = phrase.split()
        keep = next((n for n, w in enumerate(pw) if w not in _HONORIFICS), 0)  # ranks don't count
        keep += 3 if first in _SPEAKER_HEADS else 2
        phrase = " ".join(pw[:keep])
    if phrase.endswith("و") and phrase[:-1].rstrip(_WS + "،,") != phrase[:-1]:
        phrase = phrase[:-1].rstrip(_WS + "،,")  # re.sub(r"[\s،,]+و$", "", phrase), which backtracks
    return phrase


def _own_speaker(c: _Claim) -> str:
    """Tidy the claim's speaker as written (see _tidy_speaker); return it as it was, cut to _MAX_NAME."""
    phrase = _short(c.speaker) if c.speaker else ""  # with its title apposition, if any
    c.speaker = _tidy_speaker(phrase) if phrase else phrase
    if c.speaker.split(" ", 1)[0] in _NOT_SPEAKERS:
        # «همانطور که وزارت ورزش اعلام کرده …»: the speaker is after «که», if any
        rest = re.sub(r"^\S+\s*(?:که\s*)?", "", c.speaker)
        if rest:
            c.speaker = rest
        else:
            c.kind, c.speaker = "none", ""
            c.nested = True
    return phrase


def _link(c: _Claim, phrase: str, entities: _Entities) -> None:
    """The claim's entity: an earlier speaker its name refers to, else a new one; a title stands for the name
    its entity was given, if any."""
    if c.entity < 0 and c.speaker:
        c.entity = entities.match(c.speaker)
        if c.entity < 0:
            c.entity = entities.add(c.speaker)
        if phrase != c.speaker:  # «سیاری، معاون ارتش»: a later «معاون ارتش» is him
            entities.match(phrase)
    if c.entity >= 0 and c.speaker and _is_title(c.speaker) and entities.has_title(c.entity, c.speaker):
        c.speaker = entities.names[c.entity] or c.speaker  # the name a title stands for, if known


class _Speakers:
    """The speakers of a :class:`toolkit.claims.extractor._Doc` and their resolution (a mixin: ``self.text`` is
    the normalized text, ``self.claims`` the claims found)."""

    def _subject(self, claim: _Claim, a: int, b: int, region_end: int) -> None:
        """Fill the claim's speaker, outlet-as-subject and interview outlet from its clause ``[a, b)``."""
        t = self.text
        claim.interview = self._interview(a, region_end)
        words = _words(t, a, b)
        i = _after_object_or_and(words, _subject_start(words))
        if i >= len(words):
            claim.kind = "zero"
            return
        first = words[i][2].rstrip("،,")
        if first in PRONOUNS:
            claim.kind, claim.speaker = "pronoun", first
            return
        if first in ("من", "ما"):  # the quoted speaker quoting themselves: not a claim of its own
            claim.kind = "drop"
            return
        if len(words) >= 2 and words[-1][2] == "که" and b == region_end:
            # «… عسگری که می‌گوید …»: the speaker is the noun the relative clause hangs on.
            k = len(words) - 2
            lo = k - 1 if k >= 1 and words[k - 1][2] in _SPEAKER_HEADS else k
            claim.speaker, claim.kind = _clean_speaker(t[words[lo][0] : words[k][1]]), "name"
            claim.nested = True
            return
        j, end = _name_end(words, i)
        phrase = _subject_phrase(t[words[i][0] : end].strip(" ،,-–"), first, j < len(words) and words[j][2] == "را")
        if not phrase or phrase in ("این", "آن", "همه"):
            claim.kind = "zero"
            return
        self._speaker_or_outlet(claim, phrase, first, end, b)

    def _speaker_or_outlet(self, claim: _Claim, phrase: str, first: str, end: int, b: int) -> None:
        """The subject ``phrase`` (ending at ``end``, its clause at ``b``): an anaphor («این مقام»), an outlet
        («شبکه المیادین»), an unnamed outlet, or a speaker's name and title."""
        found = _outlet_in(phrase)
        bare_phrase = phrase.strip(_QUOTES)
        if first == "این" and len(phrase.split()) > 1:
            second = phrase.split()[1]
            claim.kind = "outlet_anaphor" if _OUTLET_WORD.match(second) else "anaphor"
            claim.speaker = phrase
            return
        if found and (found[2] == 0 or bare_phrase.startswith(("خبرنگار", "گزارشگر"))):
            rest = phrase[found[4] :].strip(" «»\"'()،,-")
            if len(rest.split()) <= 3 and not any(w in _SPEAKER_HEADS for w in rest.split()[:1]):
                self._outlet_subject(claim, found, rest, end, b)
                return
        if _OUTLET_WORD.match(bare_phrase) and not found and len(bare_phrase.split()) <= 5:
            name = _resolve_name(bare_phrase)
            if not name:  # «رسانه‌ها», «برخی رسانه‌های عربی»: an unnamed outlet is no source, only a speaker
                claim.speaker, claim.kind = _clean_speaker(phrase), "name"
                return
            claim.subject_outlet = (name, False)
            claim.kind = "outlet"
            return
        claim.speaker = _clean_speaker(phrase)
        claim.kind = "name"

    def _outlet_subject(self, claim: _Claim, found: tuple, rest: str, end: int, b: int) -> None:
        """An outlet is the subject: the person it quotes after it, if any, is the speaker; the outlets
        coordinated with it («رویترز و نووستی») get a claim each."""
        claim.subject_outlet = (found[0], found[1])
        claim.kind = "outlet"
        m = _RELAYED_PERSON.match(self.text, end, b)  # «رویترز به نقل از حسن ناظم، وزیر فرهنگ عراق، گزارش داد»
        if m and not _outlet_in(m.group("who")):
            claim.speaker, claim.kind = _clean_speaker(m.group("who")), "name"
            return
        if rest.startswith("و"):
            claim.co_outlets = tuple((m.name, True) for m in find_outlets(rest) if m.name != found[0])

    def _document_source(self, claim: _Claim, a: int, b: int) -> None:
        """«در یادداشت توئیتری علی ربیعی آمده است:» — the author of the document is the speaker."""
        region = self.text[a:b].strip()
        m = _DOCUMENT.search(region)
        who = _clean_speaker(m.group("who")) if m else ""
        if not who:
            claim.kind = "zero"
            return
        found = _outlet_in(who)
        if found and found[2] == 0:
            claim.subject_outlet, claim.kind = (found[0], found[1]), "outlet"
        else:
            claim.speaker, claim.kind = who, "name"

    # --- resolution --------------------------------------------------------------------------------

    def _resolve(self) -> None:
        """Resolve the speakers (pronouns, anaphors, zero subjects, titles), then give every claim its outlet."""
        entities = _Entities()
        self._resolve_speakers(entities)
        self._name_titles(entities)
        self._resolve_outlets()

    def _resolve_speakers(self, entities: _Entities) -> None:
        """Each claim's speaker tidied, or taken from its antecedent (the last claim with a speaker, source or
        outlet, as its kind asks), and linked to an entity; the clause cues said with it take the same."""
        last_person = -1  # index of the last claim with a speaker
        last_source = -1
        last_outlet = -1
        for idx, c in enumerate(self.claims):
            if c.entity == -2:  # a clause cue: resolved with the claim it belongs to, just below
                continue
            phrase = _own_speaker(c)
            ant = {"pronoun": last_person, "anaphor": last_person, "outlet_anaphor": last_outlet}.get(c.kind)
            if c.kind == "zero":
                ant = last_source
            if ant is not None:
                self._antecedent(c, ant)
            _link(c, phrase, entities)
            for prev in c.clauses:
                if prev.entity == -2:
                    prev.entity, prev.speaker, prev.kind = c.entity, c.speaker, c.kind
                    prev.subject_outlet, prev.interview, prev.relay = c.subject_outlet, c.interview, c.relay
            if (c.kind == "none" and not c.relay and not c.subject_outlet) or c.nested:
                continue
            if c.speaker:
                last_person = idx
            if c.speaker or c.subject_outlet or c.kind == "outlet":
                last_source = idx
            if c.subject_outlet or (c.kind == "outlet" and not c.speaker):
                last_outlet = idx

    def _antecedent(self, c: _Claim, ant: int) -> None:
        """A pronoun, anaphor or zero subject takes the speaker (or outlet) of the claim at ``ant`` (-1: none)."""
        if ant >= 0:
            a = self.claims[ant]
            c.speaker, c.entity = a.speaker, a.entity
            if c.kind in ("outlet_anaphor", "zero") and not a.speaker:
                c.subject_outlet = c.subject_outlet or a.subject_outlet or (a.outlet if a.outlet[0] else None)
            c.kind = "name" if a.speaker else "outlet"
        elif c.kind == "zero":
            # «گفت: …» with no one before it: a claim of an unnamed speaker when it is a quotation
            c.kind = "passive" if c.mode == "direct" else "none"
        else:
            if c.kind == "pronoun" and c.speaker in _SINGULAR:
                # «آقای وانگ … سفر کرده بود. او گفته که …»: the person the writer spoke of
                c.speaker = self._named_before(c) or c.speaker
            c.kind = "name"

    def _named_before(self, c: _Claim) -> str:
        """The subject of a clause before a pronoun with no earlier speaker, when it reads as a name: after a
        «که» of its own sentence, at its start, or at the start of the sentence before it; else ``""``."""
        t, (s, _) = self.text, c.sentence
        x = c.cue_start
        starts = [m.end() for m in re.finditer(r"(?<!\S)که\s", t[s:x])][::-1]
        starts = [s + a for a in starts] + [s] + [a for a, e in self.sentence_spans if e <= s][-1:]
        for a in starts:
            b = min(x, a + 300) if a >= s else min(s, a + 300)
            words = _words(t, a, b)
            i = _subject_start(words)
            if i >= len(words) or words[i][2].rstrip("،,") in PRONOUNS:
                continue
            honorific = words[i][2] in _HONORIFICS
            phrase = _tidy_speaker(t[words[i][0] : _name_end(words, i)[1]]).strip(" ،,-–؛" + _QUOTES)
            if _is_name(phrase) and _reads_as_person(phrase.split(), honorific):
                return phrase
        return ""

    def _resolve_outlets(self) -> None:
        """Every claim's outlet, innermost first: the outlet that is its subject, the one its speaker talks to
        (here or elsewhere), its relay, the article's relay; then the claims with no source are dropped."""
        by_entity: dict[int, dict[str, tuple[str, bool]]] = {}
        for c in self.claims:
            if c.entity >= 0:
                d = by_entity.setdefault(c.entity, {})
                if c.interview and "interview" not in d:
                    d["interview"] = c.interview
                if c.relay and "relay" not in d:
                    d["relay"] = c.relay[-1]
        article = (self.article_relay[-1][0], self.article_relay[-1][1]) if self.article_relay else ("", False)
        # No relay: an interview piece («X در گفت‌وگو با ایسنا گفت …») comes through the outlet that did the
        # interview, the lead and the later mentions by title included.
        if not article[0]:
            article = next((c.interview for c in self.claims if c.interview), article)
        for c in self.claims:
            d = by_entity.get(c.entity, {})
            c.outlet = (
                c.subject_outlet
                or c.interview
                or d.get("interview")
                or (c.relay[-1] if c.relay else None)
                or d.get("relay")
                or article
            )
            if len(c.outlet[0]) > _MAX_NAME:
                c.outlet = (_short(c.outlet[0]), c.outlet[1])
            if c.kind == "none" and not c.outlet[0]:
                continue
            if c.kind == "none":
                c.kind = "outlet"
        self.claims = [c for c in self.claims if c.kind != "none" and (c.speaker or c.outlet[0] or c.kind == "passive")]

    def _name_titles(self, entities: _Entities) -> None:
        """A title standing alone for a person a neighbouring claim names («رئیس جمهور فرانسه گفت … به گفته
        ماکرون، …»): the name, as the scheme asks, when the claims beside it (one either side, within 400
        characters) name exactly one person and the title does not clash with one that person was given."""
        said = [i for i, c in enumerate(self.claims) if c.speaker and c.entity >= 0 and not c.nested]
        for pos, i in enumerate(said):
            c = self.claims[i]
            if not _is_title(c.speaker) or entities.names[c.entity]:
                continue
            near = {}
            for j in said[max(0, pos - 1) : pos + 2]:
                d = self.claims[j]
                if d.entity != c.entity and abs(d.cue_start - c.cue_start) <= 400 and _is_name(d.speaker):
                    near[d.entity] = d.speaker
            if len(near) != 1:
                continue
            (ent, name), title = next(iter(near.items())), c.speaker.split()
            given = entities.tokens[ent] & _TITLES
            if given and title[0] not in given and title[-1] not in entities.tokens[ent]:
                continue  # «ظریف، وزیر خارجه» is not the «سخنگوی دولت» beside him
            for d in self.claims:
                if d.entity == c.entity and d is not c and d.speaker == c.speaker:
                    d.speaker = name
            c.speaker = name
