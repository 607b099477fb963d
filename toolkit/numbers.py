"""Numbers in Persian news: digits in any script, number words, scales and ranges, as values.

A *quantity* is a number or a range found in text, with its span and its value as ``low``–``high``
(equal for a single number): :func:`quantities` finds them, :func:`parse_number` reads one number.

>>> [(q.text, q.low, q.high) for q in quantities("۴۰۰ الی ۵۰۰ نفر و 4,000 دلار")]
[('۴۰۰ الی ۵۰۰', 400.0, 500.0), ('4,000', 4000.0, 4000.0)]
>>> parse_number("سیصد و چهل و پنج")
345.0
>>> parse_number("۵۸٫۵ میلیون")
58500000.0
"""

from __future__ import annotations

import re
from typing import NamedTuple

from toolkit.chars import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS, WORD_CHARS, ZWNJ

__all__ = ["Quantity", "overlap", "parse_number", "quantities"]

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS + "يكى", LATIN_DIGITS * 2 + "یکی")

#: TABLE NUMBER_WORDS — Persian number words and their values (spelling variants included).
UNITS = {
    "صفر": 0, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16,
    "هفده": 17, "هیفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19,
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "پونصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}  # fmt: skip
#: TABLE SCALES — words that multiply the number before them.
SCALES = {"هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9, "بیلیون": 1e9, "تریلیون": 1e12}
#: Words that are numbers only inside a compound or before a scale (elsewhere: «یک منبع», «نه»).
_WEAK = {"یک", "نه"}


class Quantity(NamedTuple):
    """A number or a range in a text: ``text[start:end]`` and its value ``low``–``high``.

    Attributes
    ----------
    start, end : int
        Where it is in the text.
    text : str
        ``text[start:end]``, as written.
    low, high : float
        Its value; equal for a single number.

    Examples
    --------
    >>> quantities("۴۰۰ الی ۵۰۰ نفر")[0]
    Quantity(start=0, end=11, text='۴۰۰ الی ۵۰۰', low=400.0, high=500.0)
    """

    start: int
    end: int
    text: str
    low: float
    high: float


_L = f"[{WORD_CHARS}]"
_DIGITS = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
_NUM = (
    rf"{_DIGITS}{{1,3}}(?:[,\u066c]{_DIGITS}{{3}})+(?:[.\u066b]{_DIGITS}+)?"  # 4,000 / ۴٬۰۰۰٫۵
    rf"|{_DIGITS}+(?:[.\u066b]{_DIGITS}+|/{_DIGITS}+(?![/:]?{_DIGITS}))?"  # 400, ۳.۵, ۲/۵ (not a date)
)
_WORD_ALT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
# A spelled number: words joined by «و», each possibly followed by a scale.
_WORDS = rf"(?:{_WORD_ALT})(?:\s+(?:{_SCALE_ALT}))?(?:\s+و\s+(?:{_WORD_ALT})(?:\s+(?:{_SCALE_ALT}))?)*"
_ATOM = rf"(?:(?:{_NUM})|(?<!{_L})(?:{_WORDS}))(?:\s*(?:{_SCALE_ALT}))?(?!{_L}|{ZWNJ}{_L})"
_SEP = r"\s*(?:تا|الی|الى|-|–|—)\s*"
_QUANTITY = re.compile(
    rf"(?<![\d\u06f0-\u06f9\u0660-\u0669/:.\u066bA-Za-z\-])"
    rf"(?:(?P<pre>بین|از)\s+)?(?P<a>{_ATOM})(?:(?P<sep>{_SEP}|\s+و\s+)(?P<b>{_ATOM}))?"
    rf"(?![\d\u06f0-\u06f9\u0660-\u0669]|[/:]\d)"
)
_WORD_PART = re.compile("|".join(sorted([*map(re.escape, UNITS), *SCALES], key=len, reverse=True)))
_CLOCK_OR_DATE = re.compile(rf"{_DIGITS}+[:/]{_DIGITS}+[:/]{_DIGITS}+|{_DIGITS}{{1,2}}:{_DIGITS}{{2}}")


def parse_number(text: str) -> float | None:
    """The value of one number written in digits (any script), in words, or both, with a scale.

    Parameters
    ----------
    text : str
        One number, e.g. ``"۵۸٫۵ میلیون"`` or ``"سیصد و چهل و پنج"``.

    Returns
    -------
    float or None
        Its value; ``None`` when ``text`` is not exactly one number.

    Examples
    --------
    >>> parse_number("۴۰۰"), parse_number("٤٠٠"), parse_number("4,000"), parse_number("۲/۵")
    (400.0, 400.0, 4000.0, 2.5)
    >>> parse_number("دو هزار و پانصد"), parse_number("۱۲ هزار"), parse_number("یک"), parse_number("نه")
    (2500.0, 12000.0, 1.0, 9.0)
    >>> parse_number("منبع") is None, parse_number("") is None
    (True, True)
    """
    if not isinstance(text, str):
        return None
    t = text.strip().translate(_TO_LATIN)
    if not t or not re.fullmatch(_ATOM, t):
        return None
    return _value(t)


def _value(atom: str) -> float:
    """The value of a matched atom (already in Latin digits and Persian letters)."""
    atom = atom.replace(ZWNJ, " ")
    m = re.match(_NUM, atom)
    if m:
        number = m.group().replace(",", "").replace("\u066c", "").replace("\u066b", ".").replace("/", ".")
        value = float(number)
        rest = atom[m.end() :].split()
        for w in rest:
            value *= SCALES.get(w, 1)
        return value
    total, group = 0.0, 0.0
    for w in _WORD_PART.findall(atom):  # «صدهزار» is «صد» «هزار»
        if w in SCALES:
            total += (group or 1) * SCALES[w]
            group = 0.0
        else:
            group += UNITS[w]
    return total + group


def quantities(text: str) -> list[Quantity]:
    """Every number and range in a text, left to right, with its span and value.

    What is understood:

    * **Digits** — Persian ۰–۹, Arabic ٠–٩ and Latin 0–9, alone or mixed; thousands separators ``٬`` and
      ``,`` (``۴٬۰۰۰``, ``4,000``); decimal points ``٫``, ``.`` and, between digits with one slash only,
      ``/`` (``۲/۵`` is 2.5 in Persian typing). Dates (``۱۳۹۸/۰۴/۲۰``) and clock times (``۱۸:۳۰``) are
      not quantities.
    * **Number words** — یک … نوزده, بیست … نود, صد … نهصد (یکصد, دویست, سیصد, …), joined by «و»
      (``سیصد و چهل و پنج``). A lone «یک» (an article: «یک منبع») or «نه» (no) is not a number.
    * **Scales** — هزار, میلیون, میلیارد, بیلیون, تریلیون after digits or words (``۵۸.۵ میلیون``, ``دو هزار``).
    * **Ranges** — ``X تا Y``, ``X الی Y``, ``X-Y``, ``بین X و Y``, ``از X تا Y``; a scale after the second
      number also applies to the first (``۴ تا ۵ میلیون`` is 4,000,000–5,000,000).

    Parameters
    ----------
    text : str
        Any text (normalized or not: digits of every script are read).

    Returns
    -------
    list of Quantity

    Examples
    --------
    >>> [(q.text, q.low, q.high) for q in quantities("بین ۴ و ۵ میلیون دلار")]
    [('بین ۴ و ۵ میلیون', 4000000.0, 5000000.0)]
    >>> [q.text for q in quantities("یک منبع گفت ساعت ۱۸:۳۰ روز ۱۳۹۸/۰۴/۲۰ بیست و یک نفر آمدند")]
    ['بیست و یک']
    >>> quantities("")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    latin = text.translate(_TO_LATIN)  # one character to one character: offsets are kept
    blocked = [(m.start(), m.end()) for m in _CLOCK_OR_DATE.finditer(latin)]
    out = []
    for m in _QUANTITY.finditer(latin):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        a = m.group("a")
        if m.group("b") is None:
            if a.strip() not in _WEAK:
                value = _value(a)
                out.append(Quantity(m.start("a"), m.end(), text[m.start("a") : m.end()], value, value))
            continue
        if m.group("sep").strip() == "و" and m.group("pre") != "بین":
            # «X و Y» is a range only after «بین»; otherwise it is two numbers (or one spelled number).
            for g in ("a", "b"):
                if m.group(g).strip() not in _WEAK:
                    v = _value(m.group(g))
                    out.append(Quantity(m.start(g), m.end(g), text[m.start(g) : m.end(g)], v, v))
            continue
        lo, hi = _value(a), _value(m.group("b"))
        scale_b = [w for w in m.group("b").split() if w in SCALES]
        if scale_b and not any(w in SCALES for w in a.split()):
            lo *= SCALES[scale_b[-1]]
        lo, hi = min(lo, hi), max(lo, hi)
        out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], lo, hi))
    return out


def overlap(a: Quantity, b: Quantity) -> bool:
    """Do two quantities agree: do their ranges overlap?

    Parameters
    ----------
    a, b : Quantity

    Returns
    -------
    bool

    Examples
    --------
    >>> q = quantities("۴۰۰ الی ۵۰۰ و ۴۵۰ و ۶۰۰")
    >>> overlap(q[0], q[1]), overlap(q[0], q[2])
    (True, False)
    """
    return a.low <= b.high and b.low <= a.high
