"""Persian character knowledge shared by every layer: classes, tables, the token pattern.

The tables are data, not code: each one is documented where it is defined, and the normalizer's
docstring and the README refer to them by name. Nothing here depends on another toolkit module.

>>> ARABIC_TO_PERSIAN["ي"], ZWNJ in WORD_CHARS, [m.lastgroup for m in TOKEN.finditer("کرده‌اند ۲")]
('ی', False, ['word', 'number'])
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
ZWJ = "\u200d"

#: Letters of the Arabic script used in Persian text (Arabic letters included: normalization maps them).
LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff"
#: Combining marks of the script (harakat, tanvin, shadda, sukun, hamza above/below, superscript alef).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
#: A letter or a mark: what a Persian word is made of (a ZWNJ may sit between two of them).
WORD_CHARS = LETTERS + MARKS
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

#: Letters that never join the next letter: after them a ZWNJ is invisible (but still a word boundary).
NON_JOINING = "اآأإٱدذرزژوؤۀءة"

#: TABLE ARABIC_TO_PERSIAN — one character to one character, so offsets are unchanged.
#: Arabic and Urdu variants of yeh, kaf, heh and alef wasla become the Persian letters.
ARABIC_TO_PERSIAN = {
    "ي": "ی",  # U+064A ARABIC LETTER YEH
    "ى": "ی",  # U+0649 ALEF MAKSURA
    "ې": "ی",  # U+06D0
    "ۍ": "ی",  # U+06CD
    "ێ": "ی",  # U+06CE
    "ك": "ک",  # U+0643 ARABIC LETTER KAF
    "ڪ": "ک",  # U+06AA SWASH KAF
    "ە": "ه",  # U+06D5 AE
    "ہ": "ه",  # U+06C1 HEH GOAL
    "ھ": "ه",  # U+06BE HEH DOACHASHMEE
    "ٱ": "ا",  # U+0671 ALEF WASLA
    "ۃ": "ه",  # U+06C3 TEH MARBUTA GOAL (Urdu)
    "ګ": "گ",  # U+06AB KAF WITH RING
    "ڱ": "گ",  # U+06B1 NGOEH
    "ڳ": "گ",  # U+06B3 GUEH
}

#: TABLE EXPANSIONS — one character to several. ۀ (U+06C0) is written as heh + hamza above, the form
#: the standard Persian keyboard produces, so both spellings of «خانهٔ» compare equal; the basmala
#: ligature (U+FDFD), which has no Unicode decomposition, is spelled out.
EXPANSIONS = {"ۀ": "هٔ", "﷽": "بسم الله الرحمن الرحیم"}

#: TABLE SPACES — characters that are spaces in Persian web text; each becomes one ASCII space.
SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2800"
#: Characters that end a line; each becomes a newline (CR LF pairs become one newline).
LINE_BREAKS = "\u000b\u000c\u0085\u2028\u2029"

#: TABLE ZWNJ_LIKE — characters that web text puts where a ZWNJ belongs (LRM, RLM, soft hyphen,
#: zero-width space). Between two letters they become a ZWNJ; elsewhere they are removed.
ZWNJ_LIKE = "\u200e\u200f\u00ad\u200b"

#: TABLE INVISIBLES — removed: bidi embeddings, overrides and isolates, Arabic letter mark, word
#: joiner, invisible operators, BOM, ZWJ and C0/C1 controls other than tab and newline. A ZWJ between two
#: emoji is part of one emoji (👨‍👩‍👧, 🏳️‍🌈) and is kept.
INVISIBLES = (
    "\u200d\u061c\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff\u0000-\u0008\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f"
)

TATWEEL = "\u0640"

#: PATTERN TOKEN — what a token is (:mod:`toolkit.tokens`), one named group per kind: a Persian ``word``
#: (letters and marks, ZWNJs inside), a ``number`` (digits of any script, with ``. , ٫ ٬ / :`` between
#: digits), a ``latin`` word, one ``punct`` mark or symbol, or any ``other`` visible character.
TOKEN = re.compile(
    rf"(?P<word>[{WORD_CHARS}]+(?:{ZWNJ}[{WORD_CHARS}]+)*)"
    r"|(?P<number>\d+(?:[.,٫٬/:]\d+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*(?:[-'’.][A-Za-z0-9\u00c0-\u024f]+)*)"
    r"|(?P<punct>\.{2,}|[^\s\w\u200c])"
    r"|(?P<other>[^\s\u200c])"
)

#: Arabic-script punctuation written after Persian words; the Latin forms are mapped in Persian context.
PERSIAN_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}


def presentation_forms() -> dict[str, str]:
    """TABLE PRESENTATION_FORMS: Arabic presentation forms → their compatibility decomposition (NFKC).

    Computed from Unicode data, over U+FB50–U+FDFF and U+FE70–U+FEFC.

    Returns
    -------
    dict of str to str
        Each presentation form and what it stands for, e.g. «ﻻ» → «لا», «ﷲ» → «الله».

    Examples
    --------
    >>> forms = presentation_forms()
    >>> forms["ﻻ"], forms["ﷲ"]
    ('لا', 'الله')
    """
    table = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        nf = unicodedata.normalize("NFKC", ch)
        if nf != ch:
            table[ch] = nf
    return table


def is_persian_letter(ch: str) -> bool:
    """Whether a character is a letter of the Arabic script (the class ``LETTERS``).

    Parameters
    ----------
    ch : str
        One character.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_persian_letter("پ"), is_persian_letter("۲"), is_persian_letter("a")
    (True, False, False)
    """
    return ch.isalpha() and "\u0600" <= ch <= "\u06ff"
