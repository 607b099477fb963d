"""Restore lost zero-width non-joiners (ZWNJ, U+200C), the step :class:`toolkit.Normalizer` runs last.

Web-copied Persian loses its ZWNJs, deleted (``کردهاند``) or turned into a space (``می شود``).
:class:`ZwnjRestorer` puts them back with a lexicon of written forms, an estimate of the damage each text
shows, and morphological rules for words no list has (its docstring tells how).

>>> r = ZwnjRestorer.default()
>>> r.apply("عراق و سوریه توافق کردهاند که تروریستهای داعش را هدف قرار دهند")
'عراق و سوریه توافق کرده\u200cاند که تروریست\u200cهای داعش را هدف قرار دهند'
>>> r.apply("این تحولات میدانی اتفاق میافتد و انجام نشده است")
'این تحولات میدانی اتفاق می\u200cافتد و انجام نشده است'
>>> r.apply("کتابهای او می روند")
'کتاب\u200cهای او می\u200cروند'
"""

from __future__ import annotations

import collections
import functools
import gzip
import itertools
import operator
import os
import re
from collections.abc import Iterable
from importlib import resources
from itertools import compress, filterfalse

from toolkit._compat import moved
from toolkit.chars import NON_JOINING, WORD_CHARS, ZWNJ

_SPLIT = re.compile(f"([{WORD_CHARS}]++(?:{ZWNJ}[{WORD_CHARS}]++)*+)")  # possessive: same matches, faster
#: The same matches in a text without two ZWNJs in a row (faster: no group to repeat at each ZWNJ).
_SPLIT_SINGLE = re.compile(f"([{WORD_CHARS}][{WORD_CHARS}{ZWNJ}]*(?<!{ZWNJ}))")
_BOUNDARY = re.compile(f"[ {ZWNJ}]")
MAX_WORDS = 4
#: Longer runs of letters are not words (and rules on them would cost quadratic time).
MAX_LETTERS = 40

PREFIXES = ("نمی", "می")
PLURALS = ("هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "هاست", "های", "ها")
COMPARATIVES = ("ترین", "تر")
AFTER_HEH = ("اند", "ایم", "اید", "ای", "ام", "ات", "اش")
CLITICS = ("شان", "تان", "مان")
VERB_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند")
INFORMAL_ENDINGS = ("", "م", "ی", "ه", "یم", "ین", "ن")
BOUND = frozenset(PLURALS + COMPARATIVES + AFTER_HEH)
_RULE_SECOND = BOUND | frozenset(CLITICS)  # words a rule may attach to the word before
_RULE_FIRST = frozenset((*PREFIXES, "بی"))  # words a rule may attach to the word after
_RULE_WORDS = _RULE_SECOND | _RULE_FIRST
#: Morphemes that do not stand alone: written as a word, they show ZWNJs turned into spaces.
SPACED_SIGNALS = frozenset({"می", "نمی", "ها", "های", "هایی", "اند", "ترین"})
#: Pseudo-counts for the damage estimate: with no evidence, p_deleted = p_spaced = 1/3.
PRIOR = 1.0
#: Rules (for words no list has) apply only when the text shows that kind of damage this clearly.
RULE_MIN = 0.2
#: Both parts of a glued compound must be written this often in the lexicon's text.
COMPOUND_MIN = 20
#: A second part of compounds (``سازی زاده نیا``) is one the lexicon's text writes after a ZWNJ in at
#: least HEAD_TYPES different words, and in at least HEAD_SHARE of the words it ends after a known word (chosen
#: on Fars articles, which the lexicon never saw).
HEAD_TYPES = 5
HEAD_SHARE = 0.8
#: A glued word no list has, nor any rule above, ending in one of these after this many letters or more (the
#: last one joining) is a plural (chosen on Fars articles, which the lexicon never saw).
UNKNOWN_PLURALS = ("های", "ها")
UNKNOWN_STEM = 4
#: The weight of a morphological rule, in counts, when the lexicon has too little evidence to decide.
RULE_COUNT = 3
#: A glued form shows a deleted ZWNJ when its ZWNJ form is this much more frequent (and seen 10 times).
SIGNAL_RATIO = 20

Edit = tuple[int, int, str]
_NONE: frozenset[int] = frozenset()


def _split(text: str) -> list[str]:
    """``_SPLIT.split(text)``: the text between words, then each word and the text after it."""
    return (_SPLIT if ZWNJ + ZWNJ in text else _SPLIT_SINGLE).split(text)


def _glue(stem: str, suffix: str) -> str:
    """Attach a suffix: with a ZWNJ after a joining letter, directly after a non-joining one."""
    return stem + suffix if stem[-1] in NON_JOINING else stem + ZWNJ + suffix


def _cuts(form: str) -> tuple[frozenset[int], frozenset[int]]:
    """Positions, counted in letters, of the ZWNJs and of the spaces of ``form``."""
    if " " not in form:  # the usual case, a word: without the regex
        return frozenset(itertools.accumulate(map(len, form.split(ZWNJ)[:-1]))), _NONE
    zw, sp = [], []
    for i, m in enumerate(_BOUNDARY.finditer(form)):
        (zw if m.group() == ZWNJ else sp).append(m.start() - i)
    return frozenset(zw), frozenset(sp)


def _heads(forms: dict[str, int], known: set[str]) -> frozenset[str]:
    """Second parts of compounds the ZWNJ-correct text ``forms`` writes after a ZWNJ much more often than
    glued to a known word (``سازی``: ``آماده‌سازی``, ``ذخیره‌سازی`` …), see :data:`HEAD_TYPES`."""
    after_zwnj: collections.Counter = collections.Counter()
    for f in forms:
        if f.count(ZWNJ) == 1 and " " not in f:
            head = f.split(ZWNJ)[1]
            if len(head) > 1:
                after_zwnj[head] += 1
    candidates = {h for h, n in after_zwnj.items() if n >= HEAD_TYPES}
    lengths = sorted({len(h) for h in candidates})
    glued: collections.Counter = collections.Counter()
    for f in forms:
        if ZWNJ not in f and " " not in f:
            for n in lengths:
                if len(f) - n >= 3 and f[-n:] in candidates and f[-n - 1] not in NON_JOINING and f[:-n] in known:
                    glued[f[-n:]] += 1
    return frozenset(h for h in candidates if after_zwnj[h] >= HEAD_SHARE * (after_zwnj[h] + glued[h]))


def _spaced_heads(forms: dict[str, float], heads: frozenset[str]) -> frozenset[str]:
    """The second parts of compounds (``heads``) that ``forms`` writes standing alone no more often than after a
    ZWNJ (``سازی``, ``پذیر``, ``نژاد``; not ``شده``, ``صورت``): safe to join to a known word before them when a
    space stands between. On spaced text that adds 0.6–1.5 points of restored words at every outlet, for
    0.05–0.12 points of damage to other words (tried: every head, about twice the damage to other words;
    heads standing alone up to three times as often, 0.3–1.0 more points for 0.2–0.5 more damage; measured on
    the fit halves split again, never a test half)."""
    after: collections.Counter = collections.Counter()
    for f, c in forms.items():
        if f.count(ZWNJ) == 1 and " " not in f:
            head = f.split(ZWNJ)[1]
            if head in heads:
                after[head] += c
    return frozenset(h for h in heads if forms.get(h, 0) <= after[h])


def _windows(form: str) -> list[tuple[str, ...]]:
    """Every way ``form`` may arrive as words separated by spaces: each of its ZWNJs and spaces
    written as a space or as a ZWNJ, at least one as a space, at most ``MAX_WORDS`` words."""
    parts = _BOUNDARY.split(form)
    k = len(parts) - 1
    out = []
    for mask in range(1, 2**k if k < MAX_WORDS + 2 else 0):
        words, cur = [], parts[0]
        for b in range(k):
            if mask >> b & 1:
                words.append(cur)
                cur = parts[b + 1]
            else:
                cur += ZWNJ + parts[b + 1]
        words.append(cur)
        if len(words) <= MAX_WORDS:
            out.append(tuple(words))
    return out


def _readings(window: tuple[str, ...], rs: dict[str, int]) -> tuple[tuple[str, int, int], ...]:
    """The forms in ``rs`` (one key's forms and counts) that ``window`` may have been before ZWNJs turned
    into spaces, as ``(form, count, spaces turned)``, the window itself included. A form qualifies if
    it keeps the window's ZWNJs and has, at each of the window's spaces, a space, a ZWNJ, or nothing
    after a non-joining letter where a suffix follows or another space became a ZWNJ (``گفت و گو`` may
    have been ``گفت‌وگو``, but ``متر و`` was not ``مترو``)."""
    zw, sp = _cuts(" ".join(window))
    key = "".join(window).replace(ZWNJ, "")
    starts, pos = {}, 0
    for w in window:
        starts[pos] = w
        pos += len(w.replace(ZWNJ, ""))
    out = []
    for f, c in rs.items():
        fz, fs = _cuts(f)
        turned = sp - fs
        if (
            zw <= fz
            and fs <= sp
            and all(p in fz or (key[p - 1] in NON_JOINING and (turned & fz or starts[p] in BOUND)) for p in turned)
        ):
            out.append((f, c, len(sp) - len(fs)))
    if not any(k == 0 for _, _, k in out):
        out.append((" ".join(window), 0, 0))
    return tuple(sorted(out, key=lambda t: (-t[1], t[2], t[0])))


def _by_letters(forms: dict[str, int], backoff: dict[str, int]) -> dict[str, dict[str, int]]:
    """Letters (ZWNJs and spaces taken out) -> the written forms that spell them and their counts; ``backoff``
    only for letters ``forms`` never spells."""
    readings: dict[str, dict[str, int]] = {}
    for source in (forms, backoff):
        seen = set(readings)
        for form, count in source.items():
            key = _BOUNDARY.sub("", form)
            if key not in seen:
                readings.setdefault(key, {})[form] = count
    return readings


def _joinable_pairs(join: dict[tuple[str, ...], tuple[tuple[str, int, int], ...]]) -> dict[tuple[str, str], int]:
    """The first two words of windows that may be joined -> the longest such window. A window may be joined if
    some reading with spaces turned beats the spaced one at p_spaced = 1 (a rule may add RULE_COUNT), so
    ``در این`` (7,663 against 29 for ``دراین``) is never even looked at."""
    pairs: dict[tuple[str, str], int] = {}
    for window, rs in join.items():
        spaced = next((c for _, c, k in rs if k == 0), 0)
        if any(k and c + RULE_COUNT > spaced for _, c, k in rs if c):
            pairs[window[:2]] = max(pairs.get(window[:2], 2), len(window))
    return pairs


def read_lexicon() -> dict:
    """The bundled lexicon (``resources/zwnj_lexicon.tsv.gz``) as the arguments of :class:`ZwnjRestorer`.

    Returns
    -------
    dict
        ``forms`` (ISNA's written forms and their counts), ``backoff`` (hazm's), ``verbs``, ``adjectives``,
        ``informal_stems``.

    Examples
    --------
    >>> forms = read_lexicon()["forms"]
    >>> forms["کرده‌اند"], forms["کردهاند"]
    (1165, 6)
    """
    lex: dict = {"forms": {}, "backoff": {}, "verbs": [], "adjectives": set(), "informal_stems": []}
    path = resources.files("toolkit") / "resources" / "zwnj_lexicon.tsv.gz"
    with path.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, text, count, source = line.rstrip("\n").split("\t")
            if kind == "form":
                lex["forms" if source == "isna" else "backoff"][text] = int(count)
            elif kind == "verb":
                lex["verbs"].append(text)
            elif kind == "adj":
                lex["adjectives"].add(text)
            elif kind == "iverb":
                lex["informal_stems"].append(text)
    return lex


def count_forms(texts: Iterable[str], *, known: Iterable[str] | None = None) -> collections.Counter:
    """Count the written forms of a corpus: what its writers join with a ZWNJ and what they write apart.

    Counts every word as written, with its ZWNJs (``رئیس‌جمهور``) or without (``میدانی``), and every run of
    2 to :data:`MAX_WORDS` words with single spaces between whose letters, joined, spell a word written as
    one word in the corpus or in ``known`` (``رئیس جمهور``, ``کرده است``): the spaced reading that competes
    with the joined one. These are the counts :meth:`ZwnjRestorer.fitted` weighs above the shipped lexicon.

    Parameters
    ----------
    texts : iterable of str
        Character-normalized texts (``Normalizer(restore_zwnj=False)``), most of which keep their ZWNJs.
    known : iterable of str, optional
        Letters (ZWNJs taken out) that spell one word besides the corpus' own; by default those of the
        shipped lexicon, so that a corpus that writes ``رئیس جمهور`` apart counts it even if it never joins it.

    Returns
    -------
    collections.Counter
        Written form -> count.

    Examples
    --------
    >>> counts = count_forms(["رئیس‌جمهور گفت", "رئیس جمهور و رئیس‌جمهور"], known=())
    >>> counts["رئیس‌جمهور"], counts["رئیس جمهور"], counts["جمهور و"]
    (2, 1, 0)
    """
    forms: collections.Counter = collections.Counter()
    runs: list[list[str]] = []
    for text in texts:
        parts = _split(text)
        run: list[str] = []
        for word, after in zip(parts[1::2], parts[2::2], strict=True):
            run.append(word)
            if after != " ":
                if len(run) > 1:
                    runs.append(run)
                run = []
        forms.update(parts[1::2])
    if known is None:
        known = ZwnjRestorer.default().known
    keys = set(known).union(f.replace(ZWNJ, "") if ZWNJ in f else f for f in forms)
    for run in runs:
        for i in range(len(run) - 1):
            for window in itertools.islice(
                itertools.accumulate(run[i + 1 : i + MAX_WORDS], initial=run[i], func=lambda a, b: a + " " + b), 1, None
            ):
                if _BOUNDARY.sub("", window) in keys:
                    forms[window] += 1
    return forms


def zwnj_rate(counts: dict[str, int]) -> float:
    """ZWNJs per word in counted forms (:func:`count_forms`): how many a text of this outlet has, undamaged.

    Examples
    --------
    >>> zwnj_rate({"رئیس‌جمهور": 1, "گفت": 3})
    0.25
    """
    words = zwnjs = 0
    for f, c in counts.items():
        if " " not in f:
            words += c
            zwnjs += c * f.count(ZWNJ)
    return zwnjs / words if words else 0.0


#: How much a form the user's corpus writes weighs against one the shipped lexicon writes, after scaling the
#: corpus to the lexicon's number of words (:func:`fitted_forms`): at 1 a corpus of any size weighs as much as
#: ISNA's whole train split (tried 0.1, 0.3, 1, 10 and 30 on the fit halves split again: 1 restores the most
#: on spaced text; less damages a little less, more restores less and damages more).
FIT_WEIGHT = 1.0
#: A fitted restorer's weight of a bound morpheme written apart (``می شود``, ``کتاب ها``): a writer's typing
#: of the very damage restoration repairs, not a style to keep when the text lost its ZWNJs to spaces
#: (0.1 and 0.01 tried on the fit halves of Fars, Hamshahri, ISNA and news2025, split again; never on a test half).
MORPHEME_APART = 0.01
_SUFFIXES_APART = SPACED_SIGNALS - frozenset(PREFIXES)
#: A fitted restorer joins words with spaces between as if spaced damage were this much likelier than the text
#: shows (at most 1): on the fit halves split again, spaced text +0.2 to +1.3 points at every outlet for 0.07–0.08
#: points of damage to other words (1, 1.5 tried; 2 and 3, tried before the other fitted rules, added nothing
#: more: the estimate saturates).
JOIN_BIAS = 1.5
#: ... in a text whose spaced damage is estimated at least this likely: not in clean, deleted or typed text, which
#: the bias everywhere damaged (typed 0.04–0.21 and clean 0.02–0.05 points more damage to other words).
BIAS_FROM = 0.5


def _morpheme_apart(form: str) -> bool:
    """Is ``form`` a bound morpheme written apart from its word (``می شود``, ``کتاب ها``, ``کرده اند``)?"""
    words = form.split(" ")
    return any(w in _SUFFIXES_APART for w in words[1:]) or any(w in PREFIXES for w in words[:-1])


def fitted_forms(
    counts: dict[str, int],
    forms: dict[str, int],
    *,
    weight: float = FIT_WEIGHT,
    morpheme_apart: float = MORPHEME_APART,
) -> dict[str, float]:
    """The shipped lexicon's forms with a corpus' own forms (:func:`count_forms`) weighed above them.

    Each form counts ``weight`` times its corpus count, scaled to the lexicon's size, plus its count in the
    lexicon: for letters the corpus spells, the corpus decides; for letters it never spells, the lexicon. A bound
    morpheme written apart (``کتاب ها``, ``می شود``) then counts ``morpheme_apart`` times as much.

    Parameters
    ----------
    counts : dict of str to int
        The corpus' written forms and their counts.
    forms : dict of str to int
        The shipped lexicon's (``read_lexicon()["forms"]``).
    weight : float, default :data:`FIT_WEIGHT`
        How much more one word of the corpus weighs than one of the lexicon's text.
    morpheme_apart : float, default :data:`MORPHEME_APART`

    Returns
    -------
    dict of str to float

    Examples
    --------
    >>> fitted = fitted_forms({"رئیس‌جمهور": 3}, {"رئیس جمهور": 662, "رئیس‌جمهور": 196, "و": 10000})
    >>> fitted["رئیس‌جمهور"] > fitted["رئیس جمهور"]
    True
    >>> fitted_forms({}, {"کتاب ها": 100, "کتاب‌ها": 90})["کتاب ها"]
    1.0
    """
    words = sum(c for f, c in counts.items() if " " not in f)
    scale = weight * max(sum(c for f, c in forms.items() if " " not in f) / max(words, 1), 1.0)
    out: dict[str, float] = dict(forms)
    for f, c in counts.items():
        if c > 0:
            out[f] = out.get(f, 0) + c * scale
    for f, c in out.items():
        if " " in f and _morpheme_apart(f):
            out[f] = c * morpheme_apart
    return out


FORMS_HEADER = "# toolkit ZWNJ forms: a written form, a tab and its count, one a line"


def write_forms(counts: dict[str, int], path: str | os.PathLike) -> None:
    """Write counted forms (:func:`count_forms`) as a plain UTF-8 table that :func:`read_forms` reads back.

    Parameters
    ----------
    counts : dict of str to int
    path : str or path-like

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "forms.tsv"
    >>> write_forms({"رئیس‌جمهور": 3, "رئیس جمهور": 1}, path)
    >>> read_forms(path) == {"رئیس‌جمهور": 3, "رئیس جمهور": 1}
    True
    """
    rows = sorted(((f, c) for f, c in counts.items() if c > 0), key=lambda t: (-t[1], t[0]))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(FORMS_HEADER + "\n")
        fh.writelines(f"{f}\t{c}\n" for f, c in rows)


def read_forms(path: str | os.PathLike) -> dict[str, int]:
    """Read a table of forms written by :func:`write_forms` (``Normalizer.save_forms``).

    Lines starting with ``#`` and blank lines are skipped; every other line is a written form (words with
    single spaces between), a tab and a count.

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    dict of str to int

    Raises
    ------
    ValueError
        On a malformed line: the file, the line number, and what to write instead.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "forms.tsv"
    >>> _ = path.write_text("رئیس‌جمهور\\tmany\\n", encoding="utf-8")
    >>> read_forms(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ...forms.tsv, line 1: the count 'many' is not a whole number ≥ 0; ...
    """
    counts: dict[str, int] = {}
    how = "write one form, a tab and a count a line (as Normalizer.save_forms does)"
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                raise ValueError(f"{path}, line {n}: expected a form and a count separated by one tab; {how}")
            form, count = fields
            if not count.strip().isdecimal():
                raise ValueError(f"{path}, line {n}: the count {count!r} is not a whole number ≥ 0; {how}")
            if _SPLIT.fullmatch(form.replace(" ", "")) is None or "  " in form or form != form.strip():
                raise ValueError(f"{path}, line {n}: {form!r} is not a written form (words, single spaces); {how}")
            counts[form] = counts.get(form, 0) + int(count)
    return counts


class ZwnjRestorer:
    """The lexicon, the damage model and the rules that put lost ZWNJs back; use :meth:`default`.

    Parameters
    ----------
    forms : dict of str to int
        Written forms (one word, or words with spaces between) and their counts in ZWNJ-correct text.
    backoff : dict of str to int
        The same from a word list, used only for letters ``forms`` never spells.
    verbs : list of str
        ``past#present`` stems, for ``می/نمی`` before a verb form.
    adjectives : set of str
        For ``تر/ترین``.
    informal_stems : list of str, default ()
        Colloquial present stems (``تون`` for ``توان``), for ``می‌تونم``.

    Notes
    -----
    Web-copied Persian loses its ZWNJs in two ways: deleted (``کردهاند``, ``رئیسجمهور``) or turned into a
    space (``کرده اند``, ``می شود``). The restorer is a small noisy-channel model:

    * **What writers intend** — a lexicon of written forms with their counts
      (``resources/zwnj_lexicon.tsv.gz``, built by ``scripts/build_zwnj_lexicon.py`` from ZWNJ-correct
      ISNA articles, with hazm's word list for words ISNA never wrote). The forms that spell the same
      letters compete: ``کرده‌اند`` 1,165 against ``کردهاند`` 6; ``کرده است`` 2,054 against ``کرده‌است``
      5; the adjective ``میدانی`` 73 against the verb ``می‌دانی`` 0.
    * **What happened to this text** — how likely a ZWNJ was deleted (``p_deleted``) or turned into a
      space (``p_spaced``), estimated per text from words that give it away (:meth:`damage`).

    A word is rewritten as the form ``f`` that maximizes ``count(f) * p_deleted ** (ZWNJs added)``; words
    separated by spaces are joined when ``count(joined) * p_spaced ** (spaces)`` beats the count of the
    spaced reading. So a text that lost its ZWNJs is repaired fully, while a text that has them keeps its
    writer's choices (``بین المللی`` with a space, ``فیلمهای`` glued) unless the evidence is
    overwhelming. Words no list has get **morphological rules** when the text shows that kind of damage:
    ``می``/``نمی`` before a verb form built from hazm's stems; plural ``ها/های/هایی…`` after a known
    word; ``تر/ترین`` after a known adjective; ``اند/ای/ام…`` after a final ``ه``; a ZWNJ between two frequent
    words glued together (``ابراهیمیپور``), or between a known word and a second part of compounds that the
    lexicon writes after a ZWNJ in many words and seldom glued (``سازی``, ``زاده``, ``نیا``: ``میلانینیا``);
    and, failing all these, ``ها/های`` after four letters or more (``دندریتها``).
    After a letter that does not join (``ا د ذ ر ز ژ و``) a suffix is attached without a ZWNJ, as ISNA writes
    it (``کارها``).

    The restorer only inserts ZWNJs, or replaces a single space between two words by a ZWNJ (or by
    nothing after a non-joining letter, within a word that gets a ZWNJ or before a suffix); it never
    removes a ZWNJ nor changes a letter.

    Examples
    --------
    >>> r = ZwnjRestorer(forms={"کرده‌اند": 50, "کردهاند": 1}, backoff={}, verbs=[], adjectives=set())
    >>> r.apply("آنها آمده و کردهاند")
    'آنها آمده و کرده‌اند'
    """

    def __init__(
        self,
        forms: dict[str, int],
        backoff: dict[str, int],
        verbs: list[str],
        adjectives: set[str],
        informal_stems: list[str] = (),
    ):
        #: letters -> one-word forms that compete for them: (form, count, its ZWNJ positions)
        self.candidates: dict[str, list[tuple[str, int, frozenset[int]]]] = {}
        self.known: set[str] = set()  # letters some source writes as one word
        self.freq: dict[str, int] = {}  # letters -> how often ZWNJ-correct text writes them as one word
        #: words with spaces between -> what they may have been: (form, count, spaces turned)
        self.join: dict[tuple[str, ...], tuple[tuple[str, int, int], ...]] = {}
        self.deleted_signals: set[str] = set()
        for key, rs in _by_letters(forms, backoff).items():
            self._add_words(key, rs, forms)
            self._add_windows(rs)
        self.pairs = _joinable_pairs(self.join)
        #: words always left as they are: letters only one way of writing spells, and written forms that no
        #: other form extends with more ZWNJs (``کرده‌اند``: ``fix_word`` returns them unchanged at any damage)
        self.stable = (self.known - self.candidates.keys()) | {
            f
            for cands in self.candidates.values()
            for f, _, zw in cands
            if zw and not any(g != f and zw <= zg for g, _, zg in cands)
        }
        #: decisions, cleared when they grow large: p_deleted -> word that may change -> the word restored,
        #: and p_spaced -> window -> the joined word (before restoring it as a word) or None
        self._fixes: dict[float, dict[str, str]] = {}
        self._joins: dict[float, dict[tuple[str, ...], str | None]] = {}
        self._cached = 0
        self._segments: dict[str, str | None] = {}  # letters -> what the rules make of them
        self.verb_rest = (
            {stem + e for v in verbs for stem in v.split("#") if stem for e in VERB_ENDINGS}
            | {stem + e for stem in informal_stems for e in INFORMAL_ENDINGS}
            | {f[f.index(ZWNJ) + 1 :] for f in forms if f.startswith(("می" + ZWNJ, "نمی" + ZWNJ))}
        )
        self.past_stems = {v.split("#")[0] for v in verbs}
        self.adjectives = adjectives
        #: second parts of compounds, for words no list has: ``سازی``, ``زاده``, ``نیا`` …
        self.heads = _heads(forms, self.known)
        #: ZWNJs per word in the corpus a fitted restorer learned from (:meth:`fitted`); None: not fitted
        self.zwnj_rate: float | None = None
        #: second parts of compounds joined to a known word before them when written apart (fitted: see
        #: :func:`_spaced_heads`; none by default)
        self.join_heads: frozenset[str] = frozenset()
        #: p_spaced is multiplied by this when words with spaces between may be joined (fitted: :data:`JOIN_BIAS`)
        self.join_bias = 1.0

    def _add_words(self, key: str, rs: dict[str, int], forms: dict[str, int]) -> None:
        """Index the one-word forms of the letters ``key``: known, how frequent, competing forms, and whether
        the glued form shows a deleted ZWNJ."""
        single = {f: c for f, c in rs.items() if " " not in f}
        if not single:
            return
        self.known.add(key)
        if key in forms or any(f in forms for f in single):
            self.freq[key] = sum(single.values())
        if len(single) > 1 or key not in single:
            self.candidates[key] = sorted(((f, c, _cuts(f)[0]) for f, c in single.items()), key=lambda t: (-t[1], t[0]))
            top, top_count, _ = self.candidates[key][0]
            if top != key and top_count >= 10 and top_count >= SIGNAL_RATIO * single.get(key, 0):
                self.deleted_signals.add(key)

    def _add_windows(self, rs: dict[str, int]) -> None:
        """Index every way the forms ``rs`` may arrive as words with spaces between (:func:`_windows`)."""
        for form in rs:
            for window in _windows(form):
                if window not in self.join:
                    self.join[window] = _readings(window, rs)

    @classmethod
    @functools.cache
    def default(cls) -> ZwnjRestorer:
        """The restorer built from the bundled lexicon (:func:`read_lexicon`), built once per process.

        Returns
        -------
        ZwnjRestorer

        Examples
        --------
        >>> ZwnjRestorer.default() is ZwnjRestorer.default()
        True
        """
        return cls(**read_lexicon())

    @classmethod
    def fitted(cls, counts: dict[str, int], *, weight: float = FIT_WEIGHT) -> ZwnjRestorer:
        """A restorer whose corpus forms (:func:`count_forms`) outrank the shipped lexicon (:func:`fitted_forms`).

        Parameters
        ----------
        counts : dict of str to int
            Written forms of the user's corpus and their counts.
        weight : float, default :data:`FIT_WEIGHT`

        Returns
        -------
        ZwnjRestorer

        Examples
        --------
        >>> r = ZwnjRestorer.fitted(count_forms(["رئیس‌جمهور گفت که رئیس‌جمهور آمد"]))
        >>> r.apply("رئیس جمهور گفت")
        'رئیس\u200cجمهور گفت'
        """
        lex = read_lexicon()
        forms = fitted_forms(counts, lex["forms"], weight=weight)
        restorer = cls(**{**lex, "forms": forms})
        restorer.zwnj_rate = zwnj_rate(counts)
        restorer.join_heads = _spaced_heads(forms, restorer.heads)
        restorer.join_bias = JOIN_BIAS
        return restorer

    def _clear(self) -> None:
        """Forget every cached decision (a benchmark's first pass)."""
        self._fixes.clear()
        self._joins.clear()
        self._segments.clear()
        self._cached = 0

    # -- the damage a text shows -------------------------------------------------------------------

    def damage(self, text: str) -> tuple[float, float]:
        """How likely this text lost a ZWNJ by deletion, or to a space.

        Estimated from words that give it away: glued forms that are almost always written with a ZWNJ
        (``میشود``, ``کردهاند``) against ZWNJs the text kept, and bound morphemes standing alone (``می``,
        ``ها``, ``اند``: :data:`SPACED_SIGNALS`); with no evidence both are 1/3 (:data:`PRIOR`).

        Parameters
        ----------
        text : str

        Returns
        -------
        p_deleted, p_spaced : float
            Rounded to two decimals.

        Examples
        --------
        >>> r = ZwnjRestorer.default()
        >>> [round(p, 2) for p in r.damage("میگویند که کتابهای او را خوانده‌اند")]
        [0.4, 0.2]
        """
        return self._damage(text, collections.Counter(_SPLIT.split(text)[1::2]))

    def _damage(self, text: str, counts: collections.Counter) -> tuple[float, float]:
        kept = text.count(ZWNJ)
        # set.intersection(dict) looks each word of the text up in the set (``keys() & set`` would copy them first)
        deleted = sum(map(counts.__getitem__, self.deleted_signals.intersection(counts)))
        spaced = sum(map(counts.__getitem__, SPACED_SIGNALS.intersection(counts)))
        total = kept + deleted + spaced + 3 * PRIOR
        if self.zwnj_rate:  # fitted: ZWNJs the outlet would have written here and the text lacks are lost
            lost = max(self.zwnj_rate * counts.total() - kept - deleted - spaced, 0.0)
            share = (deleted + PRIOR) / (deleted + spaced + 2 * PRIOR)
            deleted, spaced, total = deleted + lost * share, spaced + lost * (1 - share), total + lost
        # Two decimals are all the evidence supports, and they let decisions be cached across texts.
        return round((deleted + PRIOR) / total, 2), round((spaced + PRIOR) / total, 2)

    # -- one word ---------------------------------------------------------------------------------

    def fix_word(self, word: str, p_deleted: float = 1 / 3) -> str:
        """The word with the ZWNJs it most likely lost (none, if it likely lost none).

        Parameters
        ----------
        word : str
            One word (letters, perhaps with ZWNJs).
        p_deleted : float, default 1/3
            How likely the text lost a ZWNJ by deletion (:meth:`damage`); below :data:`RULE_MIN`, the rules for
            words no list has are not tried.

        Returns
        -------
        str

        Examples
        --------
        >>> ZwnjRestorer.default().fix_word("گفتوگو")
        'گفت\u200cوگو'
        """
        key = word.replace(ZWNJ, "") if ZWNJ in word else word
        cands = self.candidates.get(key)
        if cands is None:
            if key in self.known or p_deleted < RULE_MIN or len(key) > MAX_LETTERS or self._verb(key):
                return word
            form = self._segments.get(key, False)
            if form is False:  # rules do not depend on the damage level: cache them once per word
                form = self._segments[key] = self._segment(key, 0)
            return word if form is None or (ZWNJ in word and not _cuts(word)[0] <= _cuts(form)[0]) else form
        have = _cuts(word)[0] if ZWNJ in word else _NONE
        best, best_score = word, 0.0
        for f, c, zw in cands:
            if f == word:
                score = float(c)
            elif have <= zw:
                score = c * p_deleted ** (len(zw) - len(have))
            else:
                continue
            if score > best_score:
                best, best_score = f, score
        return best

    def _verb(self, w: str) -> bool:
        """A verb form built from hazm's stems, perhaps after ب or ن (گریختم, نترساند): a word, which the rules
        for glued words would cut wrongly (گری‌ختم, نترس‌اند)."""
        return w in self.verb_rest or (w.startswith(("ب", "ن")) and w[1:] in self.verb_rest)

    def _stem(self, stem: str, depth: int) -> str | None:
        if stem in self.known:
            cands = self.candidates.get(stem)
            return cands[0][0] if cands else stem
        return self._segment(stem, depth + 1) if depth < 2 else None

    def _segment(self, w: str, depth: int) -> str | None:
        """Rules for letters no source spells: prefix می/نمی, plural, comparative, ه + clitic, a glued
        compound, and last (on a whole word only) the plural of a word no list has."""
        for p in PREFIXES:
            if w.startswith(p) and len(w) > len(p) + 1 and w[len(p) :] in self.verb_rest:
                return p + ZWNJ + w[len(p) :]
        for s in PLURALS:
            if w.endswith(s) and len(w) > len(s) + 1:
                stem = self._stem(w[: -len(s)], depth)
                if stem:
                    return _glue(stem, s)
        for s in COMPARATIVES:
            stem = w[: -len(s)]
            if w.endswith(s) and stem in self.adjectives and stem[-1] not in NON_JOINING:
                return stem + ZWNJ + s
        for s in AFTER_HEH:
            if w.endswith(s) and len(w) > len(s) + 2 and w[-len(s) - 1] == "ه":
                stem = self._stem(w[: -len(s)], depth)
                if stem:
                    return stem + ZWNJ + s
        compound = self._compound(w)
        if compound or depth:
            return compound
        for s in UNKNOWN_PLURALS:  # the plural of a word no list has: دندریتها → دندریت‌ها
            stem = w[: -len(s)]
            if w.endswith(s) and len(stem) >= UNKNOWN_STEM and stem[-1] not in NON_JOINING:
                return stem + ZWNJ + s
        return None

    def _compound(self, w: str) -> str | None:
        """Two words glued where a ZWNJ belongs, after a joining letter, the first of three letters or more:
        two frequent words (ابراهیمیپور → ابراهیمی‌پور), the split whose rarer part is the most frequent; or
        else a known word and the longest second part of compounds in ``heads`` (میلانینیا → میلانی‌نیا)."""
        if w.startswith("ال"):  # Arabic names with the article: الانبار is not الان‌بار
            return None
        best, best_count = None, 0
        for i in range(3, len(w) - 2):
            left, right = w[:i], w[i:]
            if left[-1] in NON_JOINING:
                continue
            count = min(self.freq.get(left, 0), self.freq.get(right, 0))
            if count > best_count:
                best, best_count = (left, right), count
        if best_count < COMPOUND_MIN:
            best = None
            for i in range(3, len(w) - 1):  # the longest second part first
                if w[i:] in self.heads and w[i - 1] not in NON_JOINING and w[:i] in self.known:
                    best = (w[:i], w[i:])
                    break
        return ZWNJ.join(self._stem(part, 2) or part for part in best) if best else None

    # -- words separated by spaces ----------------------------------------------------------------

    def _rule_join(self, window: tuple[str, ...]) -> str | None:
        """Rules for two words with a space between: a bound morpheme after a word, می/نمی/بی before one."""
        if len(window) != 2:
            return None
        a, b = window
        if b in PLURALS or (b in CLITICS and a in self.known):
            return _glue(a, b)
        if (a in PREFIXES and b in self.verb_rest) or (a == "بی" and b in self.known):
            return a + ZWNJ + b
        if b in COMPARATIVES and a in self.adjectives and a[-1] not in NON_JOINING:
            return a + ZWNJ + b
        if b in AFTER_HEH and a[-1] == "ه" and (a[:-1] in self.past_stems or (b == "ای" and a in self.known)):
            return a + ZWNJ + b
        if b in self.join_heads and a[-1] not in NON_JOINING and len(a) > 2 and a in self.known:
            return a + ZWNJ + b
        return None

    def _join(self, window: tuple[str, ...], p_spaced: float) -> str | None:
        """The most likely reading of words with spaces between, if it is not the spaced one."""
        rule = self._rule_join(window) if p_spaced >= RULE_MIN else None
        if p_spaced >= BIAS_FROM:
            p_spaced = min(p_spaced * self.join_bias, 1.0)
        best, best_score, best_turned = rule, RULE_COUNT * p_spaced if rule else 0.0, 1
        for form, count, turned in self.join.get(window, ()):
            score = (count + (RULE_COUNT if form == rule else 0)) * p_spaced**turned
            if score > best_score:
                best, best_score, best_turned = form, score, turned
        return best if best_turned else None

    # -- a whole text -----------------------------------------------------------------------------

    def _decide(self, text: str, parts: list[str]) -> tuple[list[str], list[tuple[int, int, str]]]:
        """``(fixed, joins)``: each word as restored on its own, and ``(i, j, replacement)``: words ``i..j-1``
        (with the spaces between) become ``replacement``.

        Hot path: per-word work is done with set and dict lookups through ``map``, ``pairwise`` and ``compress``
        in C; Python loops run only over distinct words that may change, over rule words and over candidate joins."""
        words = parts[1::2]
        if not words:
            return words, []
        counts = collections.Counter(words)
        p_deleted, p_spaced = self._damage(text, counts)
        self._trim_caches()
        fixes = self._fixes.setdefault(p_deleted, {})
        fixed = self._fix_words(words, counts, fixes, p_deleted)
        longest = self._join_starts(fixed, p_spaced)
        return fixed, self._joins_of(parts, fixed, longest, fixes, p_deleted, p_spaced)

    def _trim_caches(self) -> None:
        """Forget the cached decisions when they grow large."""
        if self._cached > 1_000_000:
            self._fixes.clear()
            self._joins.clear()
            self._cached = 0
        if len(self._segments) > 1_000_000:
            self._segments.clear()

    def _fixed(self, word: str, fixes: dict[str, str], p_deleted: float) -> str:
        """:meth:`fix_word`, cached in ``fixes`` (the decisions at this ``p_deleted``)."""
        r = fixes.get(word)
        if r is None:
            r = fixes[word] = self.fix_word(word, p_deleted)
            self._cached += 1
        return r

    def _fix_words(self, words: list[str], counts: collections.Counter, fixes: dict, p_deleted: float) -> list[str]:
        """Each word restored on its own (the same list object when none changes)."""
        changes = {}
        for w in filterfalse(self.stable.__contains__, counts):
            r = self._fixed(w, fixes, p_deleted)
            if r != w:
                changes[w] = r
        return list(map(changes.get, words, words)) if changes else words

    def _join_starts(self, fixed: list[str], p_spaced: float) -> list[int | None]:
        """For each word k, the most words a join starting there may take (falsy: none starts there).

        A join can start at word k < n - 1 when words k, k+1 start a joinable window, or a rule may apply (two
        words): the second may be a suffix, the first a prefix."""
        n = len(fixed)
        longest = list(map(self.pairs.get, itertools.pairwise(fixed)))
        if p_spaced >= RULE_MIN and self.join_heads:
            for k in compress(itertools.count(), map(self.join_heads.__contains__, fixed)):
                if k and not longest[k - 1]:
                    longest[k - 1] = 2
        if p_spaced >= RULE_MIN:
            for k in compress(itertools.count(), map(_RULE_WORDS.__contains__, fixed)):  # few: a loop is cheap
                if k and not longest[k - 1] and fixed[k] in _RULE_SECOND:
                    longest[k - 1] = 2
                if k < n - 1 and not longest[k] and fixed[k] in _RULE_FIRST:
                    longest[k] = 2
        return longest

    def _joins_of(
        self, parts: list[str], fixed: list[str], longest: list, fixes: dict, p_deleted: float, p_spaced: float
    ) -> list[tuple[int, int, str]]:
        """``(i, j, replacement)`` for each run of words ``i..j-1`` joined, left to right; a joined word may
        join the next one (``کار آفرین ها``)."""
        n = len(fixed)
        cache = self._joins.setdefault(p_spaced, {})
        joins: list[tuple[int, int, str]] = []
        done = 0  # words before this index are decided
        for i in compress(itertools.count(), longest):
            if parts[2 * i + 2] != " ":
                continue
            chained = i == done - 1 and joins and joins[-1][1] == done
            if i < done and not chained:
                continue
            first = joins[-1][2] if chained else fixed[i]
            for m in range(min(longest[i], n - i), 1, -1):
                if m == 2 or parts[2 * i + 2 : 2 * (i + m) - 1 : 2].count(" ") == m - 1:  # spaces between all
                    window = (first, *fixed[i + 1 : i + m])
                    if m > 2 and window not in self.join:  # no rule joins three words or more
                        continue
                    joined = cache.get(window, False)
                    if joined is False:
                        joined = cache[window] = self._join(window, p_spaced)
                        self._cached += 1
                    if joined:
                        # the joined word may have lost other ZWNJs: فیلمخانه ها → فیلم‌خانه‌ها
                        if joined not in self.stable:
                            joined = self._fixed(joined, fixes, p_deleted)
                        start = joins.pop()[0] if chained else i
                        joins.append((start, i + m, joined))
                        done = i + m
                        break
        return joins

    def apply(self, text: str) -> str:
        """Restore the ZWNJs of a whole text.

        Parameters
        ----------
        text : str
            Character-normalized text.

        Returns
        -------
        str
            ``text`` with ZWNJs inserted, or single spaces between words replaced by a ZWNJ (or by nothing after
            a non-joining letter); nothing else changes.

        Examples
        --------
        >>> ZwnjRestorer.default().apply("کتابهای او می روند")
        'کتاب\u200cهای او می\u200cروند'
        """
        parts = _split(text)
        fixed, joins = self._decide(text, parts)
        if not joins and fixed == parts[1::2]:  # nothing to restore (fast: the same word objects)
            return text
        parts[1::2] = fixed
        for i, j, rep in joins:
            parts[2 * i + 1] = rep
            for x in range(i + 1, j):
                parts[2 * x] = parts[2 * x + 1] = ""
        return "".join(parts)

    def edits(self, text: str) -> list[Edit]:
        """The same changes as :meth:`apply`, as edits of ``text``.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of (int, int, str)
            ``(start, end, replacement)``, sorted and not overlapping.

        Examples
        --------
        >>> ZwnjRestorer.default().edits("او می رود")
        [(3, 9, 'می\u200cرود')]
        """
        parts = _split(text)
        fixed, joins = self._decide(text, parts)
        changed = list(compress(range(len(fixed)), map(operator.ne, fixed, parts[1::2])))
        if changed:
            covered = {x for s, e, _ in joins for x in range(s, e)}
            joins = sorted(joins + [(x, x + 1, fixed[x]) for x in changed if x not in covered])
        if not joins:
            return []
        at = [0, *itertools.accumulate(map(len, parts))]
        return [(at[2 * i + 1], at[2 * j], rep) for i, j, rep in joins]


__getattr__ = moved(
    __name__,
    {
        "evaluate": "toolkit.evaluation:evaluate_zwnj",
        "DAMAGES": "toolkit.evaluation:DAMAGES",
        "boundaries": "toolkit.evaluation:boundaries",
    },
)
