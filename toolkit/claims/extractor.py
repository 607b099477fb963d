"""The claim extractor: :func:`extract_claims`, and :class:`_Doc`, which reads one normalized text sentence by
sentence, composing the cues, outlets, speakers and contents of the other modules into claims.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

import pandas as pd

from toolkit.claims.claim import _Claim
from toolkit.claims.content import _Content
from toolkit.claims.cues import (
    _CLAUSE,
    _CLAUSE_BREAK,
    _HEADLINE,
    _HEADLINE_LAST,
    _HEADLINE_NOT,
    _IS_PASSIVE,
    _PREFIX,
    _VERB,
)
from toolkit.claims.outlets import _canonical, _outlet_in, _Outlets
from toolkit.claims.sentences import _claim_sentences
from toolkit.claims.speakers import _Speakers
from toolkit.claims.text import (
    _COLON,
    _CONTEXT,
    _LONG_SENTENCE,
    _MAX_CONTENT,
    _SEP,
    _WS,
    _after_clause_end,
    _after_label,
    _clean,
    _clean_speaker,
    _Cover,
    _Leads,
    _skip_space,
    _trim,
)
from toolkit.claims.words import _OPENERS, _SPEAKER_HEADS, _TITLES, _is_stop
from toolkit.normalization import Normalizer, Offsets
from toolkit.tokens import sentence_spans

#: The columns of :func:`extract_claims`, in order.
COLUMNS = ["doc_id", "outlet", "outlet_known", "speaker", "cue", "mode", "content", "start", "end", "sentence"]
# the same column types with or without rows, so that tables of several batches concatenate and compare
_TYPES = {c: "str" for c in COLUMNS} | {"outlet_known": "bool", "start": "int64", "end": "int64"}

_NORMALIZER: Normalizer | None = None


def _normalizer() -> Normalizer:
    global _NORMALIZER
    if _NORMALIZER is None:
        _NORMALIZER = Normalizer()
    return _NORMALIZER


def extract_claims(text_or_df, *, text_column: str = "text") -> pd.DataFrame:
    """Every attributed claim in a text, or in each ``text`` of a DataFrame (with its ``doc_id``).

    Returns a DataFrame with :data:`COLUMNS`; an empty one (same columns) when nothing is attributed or
    the input is empty or missing. ``raw[start:end]`` is the content in the input text.

    >>> rows = extract_claims("شبکه المیادین نیز گزارش داد که هماهنگی امنیتی بالا رفته است.")
    >>> rows[["outlet", "speaker", "cue", "content"]].values.tolist()
    [['Al Mayadeen', '', 'گزارش داد', 'هماهنگی امنیتی بالا رفته است']]
    >>> extract_claims("خبرنگار المیادین در این حمله زخمی شد.").empty
    True
    """
    if isinstance(text_or_df, pd.DataFrame):
        if text_column not in text_or_df:
            raise ValueError(f"extract_claims: the frame has no {text_column!r} column")
        ids = text_or_df["doc_id"] if "doc_id" in text_or_df else text_or_df.index.astype(str)
        rows = [r for d, t in zip(ids, text_or_df[text_column], strict=True) for r in _document(t, str(d))]
    elif isinstance(text_or_df, pd.Series):
        rows = [r for d, t in text_or_df.items() for r in _document(t, str(d))]
    elif text_or_df is None or isinstance(text_or_df, str):
        rows = _document(text_or_df, "")
    else:
        raise TypeError(f"extract_claims() takes a str, a Series or a DataFrame, not {type(text_or_df).__name__}")
    return pd.DataFrame(rows, columns=COLUMNS).astype(_TYPES)


def _document(raw, doc_id: str) -> list[tuple]:
    if not isinstance(raw, str) or not raw.strip():
        return []
    norm, offsets = _normalizer().normalize_with_offsets(raw)
    doc = _Doc(norm)
    return [_row(c, doc_id, norm, offsets) for c in doc.claims if c.kind != "none"]


def _row(c: _Claim, doc_id: str, norm: str, offsets: Offsets) -> tuple:
    s, e = c.content
    a, b = offsets.raw_span(s, e)
    ss, se = c.sentence
    if se - ss > _LONG_SENTENCE:
        # A run of text with no sentence end: each row holding all of it would make the table grow with the
        # square of the text. The row gets the part of it around its cue and content instead, cut at spaces.
        lo, hi = min(c.cue_start, s) - _CONTEXT, max(c.cue_start, e) + _CONTEXT
        if lo > ss:
            k = norm.find(" ", lo, min(lo + 50, c.cue_start, s))
            ss = k + 1 if k >= 0 else lo
        if hi < se:
            k = norm.rfind(" ", max(hi - 50, c.cue_start, e), hi)
            se = k if k >= 0 else hi
    return (doc_id, c.outlet[0], c.outlet[1], c.speaker, c.cue, c.mode, norm[s:e], a, b, norm[ss:se])


class _Sentence:
    """One sentence ``[s, e)`` being read (:meth:`_Doc._sentence`): its cues and what is found so far."""

    __slots__ = (
        "claims",
        "clause_ends",
        "clauses",
        "e",
        "last_cue",
        "owned",
        "owner",
        "relay",
        "relay_pairs",
        "relay_speaker",
        "s",
        "start",
        "verb_ends",
        "verb_starts",
        "verbs",
    )

    def __init__(self, s: int, e: int, start: int, relay: list[tuple[str, bool, tuple[int, int]]]):
        self.s, self.e = s, e
        self.start = start  # where its own text starts: after datelines, a headline and the prefixes that wrap cues
        self.relay = relay  # the outlets that relay its claims, with their spans
        self.relay_speaker = ""  # the body a wrapping prefix names («به نقل از روابط عمومی …»)
        self.relay_pairs: tuple = ()  # (name, known) of ``relay``: one tuple shared by its claims
        self.verbs: list[re.Match] = []
        self.clauses: list[re.Match] = []
        self.verb_starts: list[int] = []
        self.verb_ends: list[int] = []
        self.clause_ends: list[int] = []
        self.last_cue = -1  # where its last verb or clause cue starts
        self.claims: list[_Claim] = []
        self.owner: dict[int, int] = {}  # clause cue → the verb it is said with
        self.owned: dict[int, list[int]] = {}  # verb → its clause cues, in order


class _Doc(_Content, _Outlets, _Speakers):
    """One normalized text: its sentences, claims and article relay, all resolved."""

    def __init__(self, text: str):
        self.text = text
        self.claims: list[_Claim] = []
        self.article_relay: list[tuple[str, bool, tuple[int, int]]] = []
        spans = self.sentence_spans = _claim_sentences(text, sentence_spans(text))
        for s, e in spans:
            self._sentence(s, e)
        self._quotations(spans)
        self._resolve()

    # --- one sentence -------------------------------------------------------------------------------

    def _sentence(self, s: int, e: int) -> None:
        """The claims of the sentence ``[s, e)``: its datelines and headline, prefixes, verb and clause cues."""
        self._quotes: dict[int, int] | None = None  # this sentence's «» pairs, found when first asked for
        self._buts: list[tuple[int, int]] | None = None  # and its «، اما»
        self._sentence_span = (s, e)
        relay, start = self._datelines(s, e)
        st = _Sentence(s, e, start, relay)
        self._find_cues(st)
        self._prefixes(st)
        if not self.article_relay and st.relay:
            self.article_relay = list(st.relay)
        # one tuple shared by every claim of the sentence (a copy each was quadratic in a run of relays)
        st.relay_pairs = tuple((n, k) for n, k, _ in st.relay)
        if st.verbs or st.clauses:
            self._owners(st)
            self._verbs(st)
            self._lone_clauses(st)
        claims = sorted((c for c in st.claims if c.kind != "drop"), key=lambda c: c.cue_start)
        self._collapse(claims, s)
        claims = [c for c in claims if c.kind != "drop"]
        self._split_runs(claims)
        for c in claims:
            if not c.relay and st.relay_pairs:
                c.relay = st.relay_pairs
        self.claims += claims

    def _find_cues(self, st: _Sentence) -> None:
        """The sentence's headline («NAME: …»), verb and clause cues, and in a sentence longer than
        _LONG_SENTENCE the starts of all its cues (see _content_end)."""
        t, s, e = self.text, st.s, st.e
        headline = None
        m = _HEADLINE.match(t, st.start, e) if st.start == s else None
        if m:
            headline = self._headline(m, e)
            if headline is not None:
                p = _PREFIX.search(t, headline.content[1], e)
                # a headline run into its lead («… متوقف شود به گزارش ایسنا، …»): the lead starts at the prefix
                st.start = p.start() if p and _trim(t, headline.content[1], p.start()) is None else m.end()
        verbs = [v for v in _VERB.finditer(t, st.start, e) if not self._inside_quote_name(v.start())]
        if headline is not None and headline.kind == "outlet" and verbs:
            # «خبرگزاری فارس: X اعلام کرد …»: the outlet relays the claims after it
            st.relay.append((*headline.subject_outlet, m.span("who")))
            headline = None
        clauses = list(_CLAUSE.finditer(t, st.start, e))
        self._cue_starts: list[int] | None = None
        if e - s > _LONG_SENTENCE:
            # A run of text with no sentence end: its cues are the only boundaries left, and a content stops at
            # the next one (see _content_end).
            cues = sorted([v.span() for v in verbs] + [c.span() for c in clauses] + [p.span() for p in
                          _PREFIX.finditer(t, st.start, e)])  # fmt: skip
            self._cue_starts = [a for a, _ in cues]
            self._cue_reach = list(itertools.accumulate((b for _, b in cues), max))
        # Cues do not overlap: their starts and ends both increase, so the cues before a position are found by
        # bisection, not by a scan of all of them (a sentence may hold thousands).
        st.verbs, st.clauses = verbs, clauses
        st.verb_starts = [v.start() for v in verbs]
        st.verb_ends = [v.end() for v in verbs]
        st.clause_ends = [c.end() for c in clauses]
        st.last_cue = max(st.verb_starts[-1] if verbs else -1, clauses[-1].start() if clauses else -1)
        st.claims = [headline] if headline is not None else []

    def _prefixes(self, st: _Sentence) -> None:
        """Prefixes («به گزارش ایسنا، …»): the relay of the claims after them, or a claim of their own."""
        t, e = self.text, st.e
        covered = st.start
        leads = _Leads(t, st.start, e)
        for p in _PREFIX.finditer(t, st.start, e):
            if p.start() < covered:
                continue  # «به نقل از» inside the source of «به گزارش ایسنا به نقل از …»
            if leads.start != st.start:
                leads = _Leads(t, st.start, e)
            # «- اخبار سیاسی - به گزارش …»: a section label ended by a dash opens the clause too
            opening = leads(p.start()) or _after_label(t, st.start, p.start())
            if not (opening or _after_clause_end(t, st.s, p.start())):
                continue  # mid-clause «اظهارات منتشر شده به نقل از …» is not a prefix
            found = self._prefix_chain(p, e)
            if found is None:
                continue
            chain, content_start, inner = found
            covered = content_start
            self._prefix_claim(st, p, chain, content_start, inner or st.last_cue >= content_start, opening)

    def _prefix_chain(self, p: re.Match, e: int) -> tuple[list[tuple], int, bool] | None:
        """The sources of the prefix ``p`` (see _chain), where its claim starts, and whether a speaker's prefix
        follows it; None if it names no source."""
        t = self.text
        src_start, content_start, source = self._prefix_source(p, e)
        if source is None:
            return None
        speaker_cue = p.group("speaker") is not None
        chain = self._chain(source, src_start, speaker_cue)
        # «به گزارش ایسنا، به نقل از رایزنی فرهنگی، …»: one chain written with a comma in between.
        nxt = _PREFIX.match(t, _skip_space(t, content_start, e))
        while nxt and nxt.group("outlet") and re.match(rf"به{_SEP}نقل", nxt.group()):
            src2, content2, source2 = self._prefix_source(nxt, e)
            if source2 is None:
                break
            chain += self._chain(source2, src2, False)
            content_start = content2
            nxt = _PREFIX.match(t, _skip_space(t, content_start, e))
        # «به گزارش خبرآنلاین، به گفته X، …»: the outlet relays the speaker's prefix claim after it
        inner = nxt is not None and nxt.group("speaker") is not None and not speaker_cue
        return chain, content_start, inner

    def _prefix_claim(
        self, st: _Sentence, p: re.Match, chain: list[tuple], content_start: int, wraps: bool, opening: bool
    ) -> None:
        """The prefix ``p`` with its ``chain``: the relay of what follows when it ``wraps`` a cue after it (a
        verb, clause or prefix cue) and opens the clause, else a claim of its own (mode ``according_to``)."""
        t = self.text
        speaker_cue = p.group("speaker") is not None
        outlets = [x for x in chain if x[3] == "outlet"]
        if outlets and not speaker_cue and not self.article_relay:
            self.article_relay = [(x[0], x[1], x[2]) for x in outlets]
        if wraps and opening:
            st.relay += [(x[0], x[1], x[2]) for x in outlets]
            bodies = [x for x in chain if x[3] == "speaker"]
            if bodies:
                st.relay_speaker = bodies[-1][0]
            st.start = max(st.start, content_start)
            return
        # A content is at most _MAX_CONTENT characters, as a verb's is (without a bound, each prefix of a
        # long run of them would take the rest of the sentence).
        content = _trim(t, content_start, self._content_end(content_start, st.e))
        if content is None:  # the prefix ends the sentence: «…، به گزارش رویترز.»
            content = _trim(t, self._content_start(p.start(), st.start), p.start())
            if content is None:
                return
        c = _Claim(_clean(p.group()), p.start(), "according_to", content, (st.s, st.e))
        c.relay = [(x[0], x[1]) for x in outlets]
        speakers = [x for x in chain if x[3] == "speaker"]
        if speakers:
            c.speaker, c.kind = speakers[-1][0], speakers[-1][4]
        else:
            c.kind = "outlet" if outlets else "none"
        st.claims.append(c)

    def _owners(self, st: _Sentence) -> None:
        """A clause cue belongs to the verb its speaker says it with: the first verb after it that opens a
        quotation («با بیان اینکه A، … گفت: B»), else the next verb. Verbs in between are nested in A."""
        t, e, verbs = self.text, st.e, st.verbs
        next_direct: list[int] = [-1] * len(verbs)  # the first verb from i on that a colon follows
        nd = -1
        for i in range(len(verbs) - 1, -1, -1):
            if _COLON.match(t, st.verb_ends[i], e):
                nd = i
            next_direct[i] = nd
        for k, c in enumerate(st.clauses):
            i = bisect.bisect_right(st.verb_starts, c.end())  # the first verb after it
            if i < len(verbs):
                st.owner[k] = next_direct[i] if next_direct[i] >= 0 else i
                st.owned.setdefault(st.owner[k], []).append(k)

    def _boundary(self, st: _Sentence, x: int, skip: set[int]) -> int:
        """Where the clause of a cue at ``x`` starts: after the previous cue, colon or open quote."""
        t = self.text
        b = st.start
        j = bisect.bisect_right(st.verb_ends, x) - 1
        if j >= 0:
            b = max(b, st.verb_ends[j])
        k = bisect.bisect_right(st.clause_ends, x) - 1
        while k >= 0 and k in skip:
            k -= 1
        if k >= 0:
            b = max(b, st.clause_ends[k])
        colon = t.rfind(":", b, x)
        quote = t.rfind("«", b, x)
        if quote >= 0 and t.find("»", quote, x) >= 0:
            quote = -1
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(t, b, x)]
        return max(b, colon + 1, quote + 1, *breaks)

    def _verbs(self, st: _Sentence) -> None:
        """The claims of the verb cues, each with the clause cues said with it."""
        inside = _Cover()  # the contents of the claims so far: is a verb inside one (nested)?
        for c in st.claims:
            inside.add(c.content)
        # A verb inside «با بیان اینکه A، … گفت»'s A («دولت معتقد است …») is a claim nested in A, up to A's end.
        within: dict[int, int] = {}
        failed: dict[int, int] = {}  # verbs with no content of their own: where their clause starts
        for j, mine in st.owned.items():
            body = self._clause_content(st.clauses[mine[-1]], st.verb_starts[j])
            if body is not None:
                for i in range(bisect.bisect_left(st.verb_starts, st.clauses[mine[0]].end()), j):
                    within[i] = body[1]
        for i, v in enumerate(st.verbs):
            if v.start() >= st.start:
                self._verb(st, i, v, inside, within, failed)

    def _verb(
        self, st: _Sentence, i: int, v: re.Match, inside: _Cover, within: dict[int, int], failed: dict[int, int]
    ) -> None:
        """The claim of ``v``, the sentence's ``i``-th verb cue, if it has a content (else its clause start goes
        into ``failed``)."""
        t, e = self.text, st.e
        mine = st.owned.get(i, [])
        skip = set(mine)
        nxt = st.verb_starts[i + 1] if i + 1 < len(st.verbs) else e
        first = st.clauses[mine[0]].start() if mine else v.start()
        clause_start = self._boundary(st, first, skip)
        shared = not mine and i - 1 in failed and t[st.verb_ends[i - 1] : v.start()].strip(_WS) == "و"
        mode, content = self._verb_content(v, self._boundary(st, v.start(), skip), nxt, min(e, within.get(i, e)))
        if content is None:
            failed[i] = clause_start
            return
        claim = _Claim(_clean(v.group()), v.start(), mode, content, (st.s, e))
        claim.nested = inside.covers(v.start()) or i in within
        previous = (failed[i - 1], st.verb_starts[i - 1]) if shared else None
        if not mine and self._goes_on(st, v):
            clause_start = first  # «او گفته که A و گفته B»: the speaker of A says B too
        self._verb_speaker(claim, v, clause_start, first, previous)
        claim.relay = st.relay_pairs
        if claim.kind == "zero" and st.relay_speaker and not st.claims:
            claim.speaker, claim.kind = st.relay_speaker, "name"
        if claim.kind == "zero" and claim.cue.endswith("ند") and not st.claims:
            return  # «می‌گویند …» with no subject: an unnamed «they»
        for k in mine:
            c = st.clauses[k]
            body = self._clause_content(c, v.start())
            if body is not None:
                extra = _Claim(_clean(c.group()), c.start(), "indirect", body, (st.s, e))
                extra.entity = -2  # the speaker of the verb cue after it
                claim.clauses.append(extra)
                st.claims.append(extra)
                inside.add(body)
        st.claims.append(claim)
        inside.add(content)
        for other in claim.co_outlets:  # coordinated outlets: one claim each, the same content
            st.claims.append(dataclasses.replace(claim, subject_outlet=other, co_outlets=(), clauses=[]))

    def _goes_on(self, st: _Sentence, v: re.Match) -> bool:
        """Whether the cue ``v`` repeats the cue of the sentence's last claim right after its content, joined by
        a bare «و»: the same speaker goes on («او گفته که منطقه … قرار دارد و گفته چین …»). Another verb goes on
        too after a closed quotation («وی گفت: «…» و افزود: …»); after an open content («… گزارش داد: X …
        پرداخت و تاکید کرد») it may have its subject inside that content, and is left alone."""
        x = v.start()
        if not st.claims or st.claims[-1].cue_start >= x:
            return False
        end = st.claims[-1].content[1]
        if end > x or self.text[end:x].strip(_WS + '،,»”"') != "و":
            return False
        quoted = self.text[end : end + 1] in ("»", "”", '"')
        return quoted or st.claims[-1].cue == _clean(v.group())

    def _verb_speaker(
        self, claim: _Claim, v: re.Match, clause_start: int, first: int, previous: tuple[int, int] | None
    ) -> None:
        """The speaker of the verb cue ``v``'s claim. ``previous`` is where the clause of the verb before starts
        and that verb's start, when it had no content and «و» joins the two («… اشاره کرد و نوشت:»)."""
        if _IS_PASSIVE.match(v.group()):
            claim.kind = "passive"
        elif v.group().startswith("آمده") or re.match(rf"نوشته{_SEP}شد", v.group()):
            self._document_source(claim, clause_start, v.start())
        else:
            self._subject(claim, clause_start, first, v.start())
            if previous is not None and claim.kind == "zero":
                # «بازفید … اشاره کرد و نوشت:»: the subject of the verb before, if it reads as a name or title
                interview = claim.interview
                self._subject(claim, previous[0], previous[1], previous[1])
                claim.interview = interview
                words = claim.speaker.split()
                if claim.kind == "name" and len(words) > 3 and words[0] not in _SPEAKER_HEADS | _TITLES:
                    claim.kind, claim.speaker = "zero", ""

    def _lone_clauses(self, st: _Sentence) -> None:
        """A clause cue with no verb after it: «X با تاکید بر اینکه A، از … خواست»."""
        for k, c in enumerate(st.clauses):
            if k in st.owner or c.start() < st.start:
                continue
            body = self._clause_content(c, st.e)
            if body is None:
                continue
            claim = _Claim(_clean(c.group()), c.start(), "indirect", body, (st.s, st.e))
            self._subject(claim, self._boundary(st, c.start(), {k}), c.start(), c.start())
            claim.relay = st.relay_pairs
            st.claims.append(claim)

    def _headline(self, m: re.Match, e: int) -> _Claim | None:
        """«وزیر صنایع: 20 درصد … جذب شد», «فارس: …» at the start of a sentence: a claim with the cue «:»."""
        t = self.text
        who = m.group("who")
        words = who.split()
        if not words or len(words) > 10 or _HEADLINE_NOT.search(who) or _VERB.search(who):
            return None
        if _is_stop(words[0]) or words[0] in _OPENERS or words[-1] in _HEADLINE_LAST:
            return None
        end = e
        p = _PREFIX.search(t, m.end(), e)
        if p:
            end = p.start()
        content = _trim(t, m.end(), min(end, m.end() + _MAX_CONTENT))
        if content is None:
            return None
        claim = _Claim(":", m.end() - 1, "direct", content, self._sentence_span)
        known = _canonical(who)
        found = (known, True, 0) if known else _outlet_in(who)
        if found and found[2] == 0 and len(words) <= 4:
            claim.kind, claim.subject_outlet = "outlet", (found[0], found[1])
            return claim
        stop = next((k for k, w in enumerate(words) if k and _is_stop(w)), len(words))
        if stop > 6 or not (words[0] in _SPEAKER_HEADS or words[0] in _TITLES or stop <= 3):
            return None
        claim.speaker = _clean_speaker(" ".join(words[:stop]))
        return claim

    def _split_runs(self, claims: list[_Claim]) -> None:
        """«… که A، ماموران زندان B عنوان کردند»: a content ends before the comma that opens the next claim's
        clause, whose speaker is named after it."""
        t = self.text
        for c, nxt in itertools.pairwise(claims):
            a, b = c.content
            if nxt.kind != "name" or not nxt.speaker or not (a < nxt.cue_start < b) or c.mode == "according_to":
                continue
            if t[a - 1 : a] in '«"“' and a:
                continue  # a quotation holds what it holds
            i = t.find(nxt.speaker, a, nxt.cue_start)
            j = i
            while j > a and t[j - 1].isspace():
                j -= 1
            if i > a and t[j - 1] in "،,":
                c.content = _trim(t, a, j - 1) or c.content
                nxt.nested = False

    def _collapse(self, claims: list[_Claim], s: int) -> None:
        """«شبکه X اعلام کرد: Y گفت که Z» is one claim: Y's, through X (ANNOTATION's Collapse rule). An outlet
        that opens the article this way is its wrapper."""
        for k, c in enumerate(claims[:-1]):
            if c.kind != "outlet" or not c.subject_outlet or c.mode == "according_to":
                continue
            inner = claims[k + 1]
            a, b = c.content
            if not (a <= inner.cue_start < b) or inner.kind not in ("name", "pronoun", "anaphor"):
                continue
            if inner.cue_start - a > 200 or self.text.find(inner.speaker, a, inner.cue_start) < 0:
                continue
            c.kind = "drop"
            inner.nested = False
            inner.relay = (*inner.relay, c.subject_outlet)
            if not self.article_relay and s == 0:
                self.article_relay = [(*c.subject_outlet, (c.cue_start, c.cue_start))]
