"""Tokens, sentences and lemmas, ZWNJ-aware: «گفت‌وگو» and «کرده‌اند» are one token each.

Tokenizing is a single regular expression over normalized text (run :func:`toolkit.normalize` first:
it restores the ZWNJs that decide what a word is). A token is a Persian word (letters and marks,
ZWNJ inside), a number (any digits, with ``. , ٫ ٬ / :`` between digits), a Latin word, or one
punctuation mark or symbol. Lemmas come from hazm's lemmatizer.

>>> tokenize("شبکه رووداو گفت: ۴۰۰ الی ۵۰۰ نفر در گفت‌وگو کشته شده‌اند.")
['شبکه', 'رووداو', 'گفت', ':', '۴۰۰', 'الی', '۵۰۰', 'نفر', 'در', 'گفت‌وگو', 'کشته', 'شده‌اند', '.']
>>> sentences("او گفت. سپس رفت! آیا آمد؟")
['او گفت.', 'سپس رفت!', 'آیا آمد؟']
>>> lemmatize("کتاب‌ها")
'کتاب'
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from toolkit.chars import TOKEN

# A sentence ends at . ! ? ؟ … (possibly repeated, possibly followed by a closing quote) before
# whitespace, or at a newline. A dot between digits (۳.۵) or inside a Latin name does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])[»\"')\]]*(?=\s)|\n+")


def token_spans(text: str) -> list[tuple[str, int, int, str]]:
    """The tokens of a text with where they are and what they are.

    Parameters
    ----------
    text : str
        Normalized text.

    Returns
    -------
    list of (str, int, int, str)
        ``(token, start, end, kind)`` for each token; ``kind`` is word, number, latin, punct or other
        (the groups of :data:`toolkit.chars.TOKEN`).

    Examples
    --------
    >>> token_spans("رئیس‌جمهور ۲ بار")
    [('رئیس\u200cجمهور', 0, 10, 'word'), ('۲', 11, 12, 'number'), ('بار', 13, 16, 'word')]
    """
    _check(text, "token_spans")
    return [(m.group(), m.start(), m.end(), m.lastgroup) for m in TOKEN.finditer(text)]


def tokenize(text):
    """Split text into tokens.

    Parameters
    ----------
    text : str or pandas.Series
        Normalized text, or a Series of texts (missing values stay missing).

    Returns
    -------
    list of str, or pandas.Series of lists

    Examples
    --------
    >>> tokenize("او گفت: «کرده‌اند»")
    ['او', 'گفت', ':', '«', 'کرده‌اند', '»']
    >>> tokenize("")
    []
    """
    if isinstance(text, pd.Series):
        return text.map(tokenize, na_action="ignore")
    _check(text, "tokenize")
    return [m.group() for m in TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """Only the Persian and Latin word tokens of a text (no numbers or punctuation).

    Parameters
    ----------
    text : str
        Normalized text.

    Returns
    -------
    list of str

    Examples
    --------
    >>> words("در ۱۴۰۲، ایران و G20.")
    ['در', 'ایران', 'و', 'G20']
    """
    _check(text, "words")
    return [m.group() for m in TOKEN.finditer(text) if m.lastgroup in ("word", "latin")]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text is.

    A sentence ends at ``. ! ? ؟ …`` (possibly repeated, possibly followed by a closing quote) before
    whitespace, or at a newline; a dot between digits (۳.۵) or inside a Latin name does not end one.

    Parameters
    ----------
    text : str
        Normalized text.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each sentence, without surrounding whitespace.

    Examples
    --------
    >>> sentence_spans("او گفت. سپس رفت")
    [(0, 7), (8, 15)]
    """
    _check(text, "sentence_spans")
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentences(text):
    """Split text into sentences (see :func:`sentence_spans`).

    Parameters
    ----------
    text : str or pandas.Series
        Normalized text, or a Series of texts (missing values stay missing).

    Returns
    -------
    list of str, or pandas.Series of lists

    Examples
    --------
    >>> sentences("قیمت ۳.۵ درصد رشد کرد. بازار آرام بود")
    ['قیمت ۳.۵ درصد رشد کرد.', 'بازار آرام بود']
    """
    if isinstance(text, pd.Series):
        return text.map(sentences, na_action="ignore")
    return [text[s:e] for s, e in sentence_spans(text)]


@functools.cache
def _lemmatizer():
    import hazm  # hazm takes seconds to import: only when a lemma is asked for

    return hazm.Lemmatizer()


@functools.lru_cache(maxsize=200_000)
def lemmatize(token: str) -> str:
    """The lemma of one token (hazm's lemmatizer, loaded at the first call).

    Parameters
    ----------
    token : str
        One token, normalized.

    Returns
    -------
    str
        The lemma; verbs come back as ``past#present`` stems: «می‌روم» → «رفت#رو».

    Examples
    --------
    >>> lemmatize("کتاب‌ها")
    'کتاب'
    >>> lemmatize("می‌روم")
    'رفت#رو'
    >>> lemmatize("")
    ''
    """
    _check(token, "lemmatize")
    return _lemmatizer().lemmatize(token) if token else ""


def _check(text, name: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{name}() takes a str, not {type(text).__name__}")
