"""Normalize Persian text, losslessly by default, with offsets back to the raw text.

:class:`Normalizer` holds the conventions (one constructor flag each, documented there), :func:`normalize`
applies the default ones, ``Normalizer.normalize_with_offsets`` maps each output character back to the raw
input, and :func:`changes` lists the words normalization changed.

>>> normalize("علي در گفتوگو با رووداو گفت كه ۴۰۰ تا 500 نفر هستند .")
'علی در گفت‌وگو با رووداو گفت که ۴۰۰ تا ۵۰۰ نفر هستند.'
>>> normalize("")
''
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, overload

import numpy as np
import pandas as pd

from toolkit import chars
from toolkit.chars import ZWJ, ZWNJ
from toolkit.zwnj import ZwnjRestorer, count_forms, read_forms, write_forms

Edit = tuple[int, int, str]
L = chars.WORD_CHARS  # inside a character class
PL = chars.LETTERS


class _Translate:
    """One character to one character: the output has the input's length, offsets are unchanged.

    Runs of characters to change are found with one regex scan and translated with ``str.translate``
    (faster than translating the whole text, which is mostly characters that stay)."""

    def __init__(self, table: dict[str, str]):
        assert all(len(v) == 1 for v in table.values())
        self.table = str.maketrans(table)
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]+")
        self.trigger = frozenset(table)

    def select(self, present: set[str]) -> _Translate | None:
        return None if self.trigger.isdisjoint(present) else self

    def apply(self, text: str) -> str:
        return self.pattern.sub(lambda m: m.group().translate(self.table), text)

    def edits(self, text: str) -> None:
        return None


class _Regex:
    """A compiled pattern and a replacement; ``apply`` and ``edits`` give the same text by construction.

    ``trigger``: characters the pattern cannot match without (``None``: no such set). The normalizer
    skips the step for a text that has none of them, which is much faster than a regex scan. ``guard``:
    a cheaper test that every text the pattern changes passes (the step is skipped for the others)."""

    def __init__(
        self,
        pattern: str,
        repl: str | Callable[[re.Match[str]], str],
        flags: int = 0,
        trigger: str | None = None,
        guard: Callable[[str], object] | None = None,
    ):
        self.pattern = re.compile(pattern, flags)
        self.repl = (lambda m: m.expand(repl)) if isinstance(repl, str) else repl
        self.trigger = frozenset(trigger) if trigger is not None else None
        self.guard = guard

    def select(self, present: set[str]) -> _Regex | None:
        """The step to run on a text made of the characters ``present`` (of the triggers), or None."""
        return None if self.trigger is not None and self.trigger.isdisjoint(present) else self

    def apply(self, text: str) -> str:
        if self.guard is not None and not self.guard(text):
            return text
        return self.pattern.sub(self.repl, text)

    def edits(self, text: str) -> Iterator[Edit]:
        if self.guard is not None and not self.guard(text):
            return
        for m in self.pattern.finditer(text):
            r = self.repl(m)
            if r != m.group():
                yield m.start(), m.end(), r


def _map_chars(table: dict[str, str]) -> _Regex:
    cls = "".join(re.escape(c) for c in table)
    return _Regex(f"[{cls}]", lambda m: table[m.group()], trigger="".join(table))


def _chars_of(cls: str) -> str:
    """The characters of a class written as in :mod:`toolkit.chars` (ranges as ``a-b``)."""
    return re.sub(r"(.)-(.)", lambda m: "".join(map(chr, range(ord(m[1]), ord(m[2]) + 1))), cls, flags=re.S)


# --- the steps, each built once at import -------------------------------------------------------

_WORD_CHAR = re.compile(f"[{L}]")
_ZWNJ_OR_LIKE = re.compile(f"[{chars.ZWNJ_LIKE}{ZWNJ}]")


def _invisible(m: re.Match[str]) -> str:
    """A run of invisible characters becomes one ZWNJ if it holds a ZWNJ (or a character used for one)
    and sits between a letter (or digit) and a letter; otherwise it is removed, but for a ZWJ inside an emoji."""
    t, s, e = m.string, m.start(), m.end()
    if m.group() == ZWJ and 0 < s and e < len(t) and _emoji_joined(t[s - 1], t[e]):
        return ZWJ
    if (
        0 < s
        and e < len(t)
        and (_WORD_CHAR.match(t, s - 1) or t[s - 1].isdigit())
        and _WORD_CHAR.match(t, e)
        and _ZWNJ_OR_LIKE.search(m.group())
    ):
        return ZWNJ
    return ""


def _emoji_joined(before: str, after: str) -> bool:
    """Whether a ZWJ between these two characters joins two emoji into one (👨‍👩‍👧; 🏳️‍🌈 after a variation
    selector; 🏃🏽‍♀️ after a skin tone)."""
    return (before == "\ufe0f" or unicodedata.category(before) in ("So", "Sk")) and unicodedata.category(after) == "So"


# Only runs that change: one with an invisible other than a ZWNJ, a run of several ZWNJs, or a ZWNJ
# that is not after a letter or digit or not before a letter (the lookbehind runs after the ZWNJ).
_INV = chars.INVISIBLES + chars.ZWNJ_LIKE


class _Invisibles(_Regex):
    """When the only invisibles of a text are ZWNJs, the same pattern without the others, which starts with
    a ZWNJ and so is found much faster, makes the same matches."""

    def __init__(self):
        super().__init__(
            f"[{_INV}][{_INV}{ZWNJ}]*|{ZWNJ}(?:[{_INV}{ZWNJ}]+|(?<![{L}\\d]{ZWNJ})|(?![{L}]))",
            _invisible,
            trigger=_chars_of(_INV) + ZWNJ,
        )
        self.others = frozenset(_chars_of(_INV))
        self.zwnj_only = _Regex(f"{ZWNJ}(?:{ZWNJ}+|(?<![{L}\\d]{ZWNJ})|(?![{L}]))", _invisible)

    def select(self, present: set[str]) -> _Regex | None:
        if self.others.isdisjoint(present):
            return self.zwnj_only if ZWNJ in present else None
        return self


_INVISIBLES = _Invisibles()
_FORMS = _map_chars({**chars.presentation_forms(), **chars.EXPANSIONS})
_LINES = _Regex(f"\r\n?|[{chars.LINE_BREAKS}]", "\n", trigger="\r" + chars.LINE_BREAKS)
_SPACES_TABLE = {c: " " for c in chars.SPACES}
_ARABIC_DIGITS_TO_PERSIAN = dict(zip(chars.ARABIC_DIGITS, chars.PERSIAN_DIGITS, strict=True))
_TO_LATIN = dict(zip(chars.ARABIC_DIGITS + chars.PERSIAN_DIGITS, chars.LATIN_DIGITS * 2, strict=True))
_LATIN_TO_PERSIAN = str.maketrans(chars.LATIN_DIGITS, chars.PERSIAN_DIGITS)
_LATIN_TOKEN_CHAR = re.compile(r"[A-Za-z0-9_@#&%+=~/.:\-]")


def _latin_digits(m: re.Match[str]) -> str:
    """Latin digits become Persian unless the run of Latin letters, digits and URL punctuation around
    them has a letter (COVID-19, G20, mp3, https://…/2020)."""
    t, s, e = m.string, m.start(), m.end()
    while s > 0 and _LATIN_TOKEN_CHAR.match(t, s - 1):
        s -= 1
        if t[s].isascii() and t[s].isalpha():
            return m.group()
    while e < len(t) and _LATIN_TOKEN_CHAR.match(t, e):
        if t[e].isascii() and t[e].isalpha():
            return m.group()
        e += 1
    return m.group().translate(_LATIN_TO_PERSIAN)


_LATIN_DIGITS = _Regex("[0-9]+", _latin_digits, trigger=chars.LATIN_DIGITS)
_DIACRITICS = _Regex(f"[{chars.MARKS}]+", "", trigger=_chars_of(chars.MARKS))
_TATWEEL = _Regex(f"{chars.TATWEEL}+", "", trigger=chars.TATWEEL)
_PUNCT_MAP = _Regex(
    "[,;?]",
    lambda m: chars.PERSIAN_PUNCTUATION[m.group()] if _after_word(m.string, m.start()) else m.group(),
    trigger=",;?",
)


def _after_word(text: str, i: int) -> bool:
    """Is the last non-space character before ``text[i]`` part of a Persian word?"""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and _WORD_CHAR.match(text, j) is not None


def _whitespace(m: re.Match[str]) -> str:
    n = m.group().count("\n")
    return " " if n == 0 else "\n" * min(n, 2)


# Runs of spaces become one space, spaces around newlines go, more than two newlines become two.
def _whitespace_pair(text: str) -> bool:
    return "  " in text or " \n" in text or "\n " in text or "\n\n" in text


_WHITESPACE = _Regex(r"\n[ \n]+| [ \n]+", _whitespace, guard=_whitespace_pair)


class _Strip:
    """Remove leading and trailing spaces and newlines."""

    def apply(self, text: str) -> str:
        return text.strip(" \n")

    def edits(self, text: str) -> list[Edit]:
        lead = len(text) - len(text.lstrip(" \n"))
        if lead == len(text):
            return [(0, len(text), "")] if text else []
        trail = len(text) - len(text.rstrip(" \n"))
        return [e for e in ((0, lead, ""), (len(text) - trail, len(text), "")) if e[1] > e[0]]


_CLOSING = "،؛؟»)]}"
_FINAL = ".:!…"
_OPENING = "«([{"


def _punct_spacing(m: re.Match[str]) -> str:
    g, t, e = m.group(), m.string, m.end()
    c = g[0]
    if c == " ":  # a space before closing punctuation goes, unless «.» etc. start a token (.NET, :۳۰)
        nxt = t[e + 1 : e + 2]
        keep = t[e] in _FINAL and nxt != "" and ((nxt.isascii() and nxt.isalnum()) or nxt.isdigit())
        return g if keep else ""
    if c == "«" and m.start() and _PERSIAN_LETTER.match(t, m.start() - 1):
        return " «"  # a Persian word directly before an opening « (and no space after it)
    if len(g) == 2 and c in _OPENING:  # an opening bracket followed by a space
        return c
    if c == "«":
        return g
    return c + " "  # a space after ، ؛ ؟ and between . : ! » and a Persian word


def _cls(chars_: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars_) + "]"


_PERSIAN_LETTER = re.compile(f"[{PL}]")
# One alternative per first character, so that the regex engine finds candidates by their first character
# and tries only the alternatives that start with it (for «, «+space still comes before « alone). A « is
# matched only after a Persian letter: elsewhere _punct_spacing leaves it as it is.
_PUNCT_AFTER = [
    f"«(?<=[{PL}]«)",
    *(f"{c}(?=[{PL}\\d«(])" for c in "،؛؟"),
    *(f"{re.escape(c)}(?=[{PL}«])" for c in ".:!»"),
]
_PUNCT_SPACING = _Regex(
    "|".join([f" (?={_cls(_CLOSING + _FINAL)})", *(re.escape(c) + " " for c in _OPENING), *_PUNCT_AFTER]),
    _punct_spacing,
    # the same places found from the punctuation (rarer than spaces, where the pattern must start)
    guard=re.compile(
        "|".join(
            [
                *(f"{re.escape(c)}(?<= {re.escape(c)})" for c in _CLOSING + _FINAL),
                *(re.escape(c) + " " for c in _OPENING),
                *_PUNCT_AFTER,
            ]
        )
    ).search,
)


def _digit_spacing(m: re.Match[str]) -> str:
    """A number and a Persian word side by side get a space: ۹کیلومتر → ۹ کیلومتر, عرض۶ → عرض ۶."""
    t, s, e = m.string, m.start(), m.end()
    before = " " if s and _PERSIAN_LETTER.match(t, s - 1) else ""
    after = " " if _PERSIAN_LETTER.match(t, e) else ""
    return before + m.group() + after if before or after else m.group()


# A run of digits (all of it) with a Persian letter just before or just after it; the lookbehinds on the
# first digit make both alternatives fail at once inside a run, so the cost stays linear.
_DIGIT_SPACING = _Regex(f"\\d(?:(?<=[{PL}]\\d)\\d*|(?<!\\d\\d)\\d*+(?=[{PL}]))", _digit_spacing)


Digits = Literal["persian", "latin"] | None


class Normalizer:
    """A configured normalizer: build it once, call it on many texts (thread-safe; :meth:`fit` is its only state).

    Parameters
    ----------
    digits : "persian" (default), "latin" or None
        Which digits numbers are written in; ``None`` leaves digits as they are.
    remove_diacritics : bool, default False
        Remove harakat, tanvin, shadda, sukun and hamza above (``صرفاً`` → ``صرفا``).
    remove_tatweel : bool, default True
        Remove the kashida ``ـ`` (it carries no content).
    persian_letters : bool, default True
        Map Arabic letter variants and presentation forms to Persian letters.
    persian_punctuation : bool, default True
        ``, ; ?`` written after a Persian letter become ``، ؛ ؟``.
    spacing : bool, default True
        Whitespace and punctuation spacing (see the module docstring).
    restore_zwnj : bool, default True
        Put back lost zero-width non-joiners (``کردهاند`` → ``کرده‌اند``, ``می روم`` → ``می‌روم``).
    forms : str, path-like or dict of str to int, optional
        A corpus' own written forms, to restore ZWNJs in its house style: a table saved by
        :meth:`save_forms`, or counts from :func:`toolkit.zwnj.count_forms`. ``None`` (the default): the
        shipped lexicon alone, unless :meth:`fit` is called.

    Notes
    -----
    The conventions, each named after the table in :mod:`toolkit.chars` it applies:

    * **Letters** — Arabic ي ى ك ە ٱ … become Persian ی ک ه ا (``ARABIC_TO_PERSIAN``); ۀ becomes هٔ
      (``EXPANSIONS``); Arabic presentation forms are decomposed (``PRESENTATION_FORMS``).
    * **Digits** — ``digits="persian"`` (default) writes every number in Persian digits ۰–۹, except digits
      inside Latin tokens (``COVID-19``, ``G20``, ``mp3``); ``"latin"`` writes 0–9; ``None`` leaves them.
    * **Marks** — diacritics and tanvin are kept (``صرفاً`` stays ``صرفاً``) unless
      ``remove_diacritics=True``; tatweel (ـ) is removed (``remove_tatweel``).
    * **Invisibles** — bidi controls, BOM, ZWJ (but for one inside an emoji, 👨‍👩‍👧) and control characters
      are removed; LRM, RLM, soft hyphen and zero-width space between two letters become a ZWNJ
      (``ZWNJ_LIKE``); ZWNJs that are not between two letters (or a digit and a letter) are removed, runs of
      them become one.
    * **Whitespace** — exotic spaces become a space, runs of spaces one space, spaces at line ends go,
      more than one blank line becomes one, and the text is stripped.
    * **Punctuation** — ``, ; ?`` after a Persian letter become ``، ؛ ؟``; no space before ``. ، ؛ : ! ؟ » )``,
      none after ``« (``, one after ``، ؛ ؟`` and before a following word; a space between a digit and a
      Persian letter (``۹کیلومتر`` → ``۹ کیلومتر``).
    * **ZWNJ restoration** — lost ZWNJs are put back (``restore_zwnj``, see :mod:`toolkit.zwnj`), in the
      house style of a corpus after :meth:`fit` (or with ``forms=``).

    Every step is a ``str.translate`` of one character to one character or a compiled regular expression
    over the whole text; none loops over characters in Python. A step is skipped for a text it cannot
    change: one scan finds which of the characters the character steps act on the text has, and the spacing
    steps have cheaper tests first. ``normalize_with_offsets`` runs the very same steps.

    Examples
    --------
    >>> Normalizer(digits="latin").normalize("۴۰۰ الی ٥٠٠")
    '400 الی 500'
    >>> Normalizer(remove_diacritics=True).normalize("صرفاً")
    'صرفا'
    """

    def __init__(
        self,
        *,
        digits: Digits = "persian",
        remove_diacritics: bool = False,
        remove_tatweel: bool = True,
        persian_letters: bool = True,
        persian_punctuation: bool = True,
        spacing: bool = True,
        restore_zwnj: bool = True,
        forms: str | os.PathLike | Mapping[str, int] | None = None,
    ):
        if digits not in ("persian", "latin", None):
            raise ValueError(f"digits must be 'persian', 'latin' or None, not {digits!r}")
        self.forms = forms
        #: the corpus' written forms the ZWNJ restorer weighs above the shipped lexicon (``None``: none)
        self.forms_: dict[str, int] | None = None
        if forms is not None:
            self.forms_ = dict(forms) if isinstance(forms, Mapping) else read_forms(forms)
        self.digits = digits
        self.remove_diacritics = remove_diacritics
        self.remove_tatweel = remove_tatweel
        self.persian_letters = persian_letters
        self.persian_punctuation = persian_punctuation
        self.spacing = spacing
        self.restore_zwnj = restore_zwnj
        self._steps = self._build()

    def __repr__(self) -> str:
        opts = ", ".join(
            f"{k}={f'<{len(v)} forms>' if isinstance(v, Mapping) else repr(v)}"
            for k, v in vars(self).items()
            if not k.startswith("_") and not k.endswith("_")
        )
        return f"Normalizer({opts})"

    def _build(self) -> list:
        steps: list = [_LINES]
        table = dict(_SPACES_TABLE)
        if self.persian_letters:
            steps.append(_FORMS)
            table.update(chars.ARABIC_TO_PERSIAN)
        if self.digits == "persian":
            table.update(_ARABIC_DIGITS_TO_PERSIAN)
        elif self.digits == "latin":
            table.update(_TO_LATIN)
        steps.append(_Translate(table))
        if self.digits == "persian":
            steps.append(_LATIN_DIGITS)
        if self.remove_tatweel:
            steps.append(_TATWEEL)
        if self.remove_diacritics:
            steps.append(_DIACRITICS)
        steps.append(_INVISIBLES)
        if self.persian_punctuation:
            steps.append(_PUNCT_MAP)
        if self.spacing:
            steps += [_WHITESPACE, _Strip(), _PUNCT_SPACING, _DIGIT_SPACING]
        if self.restore_zwnj:
            steps.append(ZwnjRestorer.fitted(self.forms_) if self.forms_ else ZwnjRestorer.default())
        triggers = set().union(*(s.trigger for s in steps if getattr(s, "trigger", None)))
        self._triggers = re.compile(_cls("".join(sorted(triggers))))
        return steps

    def _selected(self, text: str, present: set[str] | None, step) -> tuple[set[str] | None, object]:
        """``(present, step)``: the step to run (None to skip it) and the trigger characters of ``text``
        (found once, again only after a step changed the text)."""
        if getattr(step, "trigger", None) is None:
            return present, step
        if present is None:
            present = set(self._triggers.findall(text))
        return present, step.select(present)

    def fit(self, texts: Iterable[str] | pd.Series) -> Normalizer:
        """Learn a corpus' house style of ZWNJs: the forms it joins with a ZWNJ and those it writes apart.

        The texts are character-normalized and their written forms counted (:func:`toolkit.zwnj.count_forms`);
        ZWNJ restoration then weighs them above the shipped lexicon, so that an outlet that writes
        ``رئیس‌جمهور`` gets it back where ISNA's lexicon would leave ``رئیس جمهور``. Fit on texts that mostly
        keep their ZWNJs (a corpus of one outlet usually does); a fit replaces the previous one.

        Parameters
        ----------
        texts : iterable of str, or pandas.Series
            Missing values of a Series are skipped.

        Returns
        -------
        Normalizer
            ``self``, fitted: ``Normalizer().fit(corpus).normalize(text)``.

        Examples
        --------
        >>> corpus = ["رئیس‌جمهور گفت که رئیس‌جمهور به تهران می‌آید."]
        >>> Normalizer().fit(corpus).normalize("رئیس جمهور آمد")
        'رئیس‌جمهور آمد'
        >>> Normalizer().normalize("رئیس جمهور آمد")
        'رئیس جمهور آمد'
        """
        if isinstance(texts, str):
            raise TypeError("fit() takes texts (a list or a pandas Series of str), not one str: wrap it in a list")
        if isinstance(texts, pd.Series):
            texts = texts.dropna()
        chars_only = Normalizer(**{**self._options(), "restore_zwnj": False})
        normalized = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"fit() takes texts of type str; text {i} is a {type(text).__name__}")
            normalized.append(chars_only.normalize(text))
        self.forms_ = dict(count_forms(normalized))
        self._steps = self._build()
        return self

    def save_forms(self, path: str | os.PathLike) -> None:
        """Save the forms learned by :meth:`fit`, a plain table that ``Normalizer(forms=path)`` reads back.

        Parameters
        ----------
        path : str or path-like
            Written as UTF-8 text: a written form, a tab and its count, one a line.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "forms.tsv"
        >>> Normalizer().fit(["رئیس‌جمهور گفت که رئیس‌جمهور آمد."]).save_forms(path)
        >>> Normalizer(forms=path).normalize("رئیس جمهور آمد")
        'رئیس‌جمهور آمد'
        """
        if self.forms_ is None:
            raise ValueError("this Normalizer has no forms to save: call fit(texts) first")
        write_forms(self.forms_, path)

    def _options(self) -> dict:
        """The constructor's character and spacing options (not the forms)."""
        return {k: v for k, v in vars(self).items() if not k.startswith("_") and not k.endswith("_") and k != "forms"}

    @overload
    def normalize(self, text: str, *, adapt: bool = False) -> str: ...
    @overload
    def normalize(self, text: pd.Series, *, adapt: bool = False) -> pd.Series: ...
    def normalize(self, text, *, adapt=False):
        """Normalize a text, or each text of a pandas Series.

        Parameters
        ----------
        text : str or pandas.Series
            Missing values of a Series stay missing.
        adapt : bool, default False
            First :meth:`fit` on the Series itself (the normalizer keeps that fit), so that its ZWNJs are
            restored in its own house style: for a corpus of one outlet most of whose texts keep their ZWNJs.

        Returns
        -------
        str or pandas.Series
            The same type as ``text``.

        Examples
        --------
        >>> Normalizer(restore_zwnj=False).normalize("كتابهاي ما")
        'کتابهای ما'
        >>> corpus = pd.Series(["رئیس‌جمهور گفت.", "رئیس‌جمهور آمد.", "رئیس‌جمهور ماند.", "رئیس‌جمهور نشست."])
        >>> Normalizer().normalize(pd.concat([corpus, pd.Series(["رئیس جمهور رفت."])]), adapt=True).iloc[-1]
        'رئیس‌جمهور رفت.'
        """
        if adapt:
            if not isinstance(text, pd.Series):
                raise TypeError("normalize(adapt=True) fits on a pandas Series of texts; for one str, fit() first")
            self.fit(text)
        if isinstance(text, pd.Series):
            return text.map(self._normalize_str, na_action="ignore")
        return self._normalize_str(text)

    __call__ = normalize

    def _normalize_str(self, text: str) -> str:
        if not isinstance(text, str):
            raise TypeError(f"normalize() takes a str or a pandas Series, not {type(text).__name__}")
        present = None
        for step in self._steps:
            present, step = self._selected(text, present, step)
            if step is not None:
                new = step.apply(text)
                if new != text:
                    text, present = new, None
        return text

    def normalize_with_offsets(self, text: str) -> tuple[str, Offsets]:
        """Normalize a text and map every output character back to the raw input.

        Parameters
        ----------
        text : str

        Returns
        -------
        normalized : str
            What :meth:`normalize` returns.
        offsets : Offsets
            ``offsets[i]`` is the ``[start, end)`` of ``text`` that normalized character ``i`` came from
            (empty for an inserted ZWNJ or space); ``offsets.raw_span(i, j)`` the raw span of the normalized
            slice ``[i, j)``.

        Examples
        --------
        >>> raw = "رئيسجمهور  سوريه"
        >>> norm, off = Normalizer().normalize_with_offsets(raw)
        >>> norm
        'رئیس‌جمهور سوریه'
        >>> a, b = off.raw_span(norm.index("سوریه"), len(norm))
        >>> raw[a:b]
        'سوريه'
        """
        if not isinstance(text, str):
            raise TypeError(f"normalize_with_offsets() takes a str, not {type(text).__name__}")
        n = len(text)
        dtype = np.int32 if n < 2**31 - 1 else np.int64
        starts = np.arange(n, dtype=dtype)
        ends = starts + 1
        present = None
        for step in self._steps:
            present, step = self._selected(text, present, step)
            if step is None:
                continue
            edits = step.edits(text)
            if edits is None:
                new = step.apply(text)
            else:
                new, starts, ends = _apply_edits(text, list(edits), starts, ends)
            if new != text:
                text, present = new, None
        return text, Offsets(starts, ends, n)


@dataclass(frozen=True, eq=False)
class Offsets:
    """Where each normalized character came from (made by :meth:`Normalizer.normalize_with_offsets`).

    Parameters
    ----------
    starts, ends : numpy.ndarray of int
        ``[starts[i], ends[i])`` is the raw span of normalized character ``i``. Both arrays are
        non-decreasing and ``0 <= starts[i] <= ends[i] <= raw_length``; an inserted character has
        ``starts[i] == ends[i]``.
    raw_length : int
        The length of the raw text.

    Examples
    --------
    >>> norm, off = Normalizer().normalize_with_offsets("كتابهاي")
    >>> norm, len(off), off[4], off[5]
    ('کتاب‌های', 8, (4, 4), (4, 5))
    """

    starts: np.ndarray
    ends: np.ndarray
    raw_length: int

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return int(self.starts[i]), int(self.ends[i])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts.tolist(), self.ends.tolist(), strict=True)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covered by normalized characters ``[start, end)``.

        Parameters
        ----------
        start, end : int
            A span of the normalized text.

        Returns
        -------
        (int, int)
            ``[a, b)`` in the raw text; an empty normalized span maps to an empty raw span at the matching
            position.

        Examples
        --------
        >>> raw = "علي  گفت"
        >>> norm, off = Normalizer().normalize_with_offsets(raw)
        >>> a, b = off.raw_span(norm.index("گفت"), len(norm))
        >>> raw[a:b]
        'گفت'
        """
        n = len(self.starts)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span [{start}, {end}) is outside the normalized text of length {n}")
        if start == end:
            pos = int(self.starts[start]) if start < n else self.raw_length if n == 0 else int(self.ends[-1])
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])


def _align(src: str, dst: str) -> tuple[list[int], list[int]]:
    """Local offsets of ``dst`` in ``src`` for one edit: equal characters map one to one, an inserted
    ZWNJ or space maps to an empty span, a removed one is skipped; otherwise each character maps to the
    whole of ``src``."""
    if len(src) == len(dst) and all(
        a == b or (a not in " \u200c" and b not in " \u200c") for a, b in zip(src, dst, strict=True)
    ):
        r = list(range(len(src)))  # character for character (letters mapped)
        return r, [i + 1 for i in r]
    ls: list[int] = []
    le: list[int] = []
    i = 0
    for c in dst:
        while i < len(src) and src[i] != c and src[i] in " \u200c":
            i += 1
        if i < len(src) and src[i] == c:
            ls.append(i)
            le.append(i + 1)
            i += 1
        elif c in " \u200c":
            ls.append(i)
            le.append(i)
        else:
            return [0] * len(dst), [len(src)] * len(dst)
    if any(ch not in " \u200c" for ch in src[i:]):
        return [0] * len(dst), [len(src)] * len(dst)
    return ls, le


def _apply_edits(
    text: str, edits: list[Edit], starts: np.ndarray, ends: np.ndarray
) -> tuple[str, np.ndarray, np.ndarray]:
    """Apply sorted, non-overlapping edits to ``text`` and carry the raw offsets along."""
    if not edits:
        return text, starts, ends
    pieces: list[str] = []
    src_s: list[np.ndarray] = []
    src_e: list[np.ndarray] = []
    pos = 0
    for s, e, rep in edits:
        pieces.append(text[pos:s])
        pieces.append(rep)
        keep = np.arange(pos, s, dtype=np.int64)
        ls, le = _align(text[s:e], rep)
        src_s += [keep, np.asarray(ls, dtype=np.int64) + s]
        src_e += [keep + 1, np.asarray(le, dtype=np.int64) + s]
        pos = e
    pieces.append(text[pos:])
    keep = np.arange(pos, len(text), dtype=np.int64)
    src_s.append(keep)
    src_e.append(keep + 1)
    ss = np.concatenate(src_s)
    ee = np.concatenate(src_e)
    n = len(text)
    new_s = np.empty(len(ss), dtype=starts.dtype)
    new_e = np.empty(len(ss), dtype=starts.dtype)
    full = ee > ss
    new_s[full] = starts[ss[full]]
    new_e[full] = ends[ee[full] - 1]
    # An inserted character sits between text[p-1] and text[p]: it starts where text[p] starts (or
    # where the text ends) and ends no earlier than that, so both arrays stay non-decreasing.
    p = ss[~full]
    if n:
        at = np.where(p < n, starts[np.minimum(p, n - 1)], ends[n - 1])
        before = np.where(p > 0, ends[np.maximum(p - 1, 0)], at)
        new_s[~full] = at
        new_e[~full] = np.maximum(before, at)
    else:
        new_s[~full] = 0
        new_e[~full] = 0
    return "".join(pieces), new_s, new_e


_DEFAULT: Normalizer | None = None


def _default() -> Normalizer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Normalizer()
    return _DEFAULT


@overload
def normalize(text: str, **options) -> str: ...
@overload
def normalize(text: pd.Series, **options) -> pd.Series: ...
def normalize(text, **options):
    """Normalize Persian text with the default conventions, or with ``Normalizer(**options)``.

    Parameters
    ----------
    text : str or pandas.Series
        Missing values of a Series stay missing.
    **options
        The flags of :class:`Normalizer`; without any, a shared default normalizer is used.

    Returns
    -------
    str or pandas.Series
        The same type as ``text``.

    Examples
    --------
    >>> normalize("كتابهاي خوب")
    'کتاب‌های خوب'
    >>> out = normalize(pd.Series(["ي", None]))
    >>> out[0], out.isna().tolist()
    ('ی', [False, True])
    """
    return (Normalizer(**options) if options else _default()).normalize(text)


def changes(text: str, normalizer: Normalizer | None = None) -> pd.DataFrame:
    """The words normalization changed, with where they are in the raw text.

    Parameters
    ----------
    text : str
        Raw text.
    normalizer : Normalizer, optional
        The default normalizer if ``None``.

    Returns
    -------
    pandas.DataFrame
        Columns ``raw, normalized, start, end`` (``raw == text[start:end]``): one row per normalized word,
        number or Latin token whose raw span differs from it.

    Examples
    --------
    >>> changes("او در گفتوگو با شبكه رووداو گفت").values.tolist()
    [['گفتوگو', 'گفت\u200cوگو', 6, 12], ['شبكه', 'شبکه', 16, 20]]
    """
    norm, offsets = (normalizer or _default()).normalize_with_offsets(text)
    rows = []
    for m in chars.TOKEN.finditer(norm):
        if m.lastgroup not in ("word", "number", "latin"):
            continue
        a, b = offsets.raw_span(m.start(), m.end())
        if text[a:b] != m.group():
            rows.append({"raw": text[a:b], "normalized": m.group(), "start": a, "end": b})
    return pd.DataFrame(rows, columns=["raw", "normalized", "start", "end"])
