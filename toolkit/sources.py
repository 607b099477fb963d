"""The outlet registry: who an outlet is, and every way Persian news writes its name.

``toolkit/resources/outlets.tsv`` lists each outlet with its canonical English name, kind, country,
language, ownership (state-owned, public, state-affiliated, party-affiliated, private, cooperative,
non-profit), owner, its Persian, Arabic and Latin aliases, and the page each fact comes from (the
file's header gives the provenance and the categories). Names match whatever their spelling: with or
without spaces and ZWNJs inside (``بی بی سی``, ``بی‌بی‌سی``), Arabic or Persian letters (``روسيا
اليوم``), with an outlet word before them (``شبکه رووداو``), «» or Latin case.

>>> canonical("راشا تودی"), canonical("روسیا الیوم"), canonical("Russia Today")
('RT', 'RT', 'RT')
>>> canonical("شبکه «المیادین»"), canonical("الميادين"), canonical("روداو")
('Al Mayadeen', 'Al Mayadeen', 'Rudaw')
>>> canonical("خبرگزاری ناشناخته") is None
True
>>> [(m.text, m.name) for m in find_outlets("به گزارش فارس به نقل از رویترز، استان فارس")]
[('فارس', 'Fars News Agency'), ('رویترز', 'Reuters')]
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from importlib import resources
from typing import NamedTuple

import pandas as pd

from toolkit.chars import ARABIC_TO_PERSIAN
from toolkit.normalization import Normalizer

__all__ = ["OUTLET_WORDS", "Mention", "canonical", "find_outlets", "outlets"]

#: Words that introduce an outlet's name: «خبرگزاری فارس», «شبکه المیادین», «روزنامه گاردین».
OUTLET_WORDS = (
    "خبرگزاری",
    "خبرگزاری‌های",
    "روزنامه",
    "شبکه",
    "شبکه‌های",
    "تلویزیون",
    "رادیو",
    "پایگاه",
    "سایت",
    "وبسایت",
    "وب‌سایت",
    "وب سایت",
    "تارنمای",
    "تارنما",
    "نشریه",
    "هفته‌نامه",
    "ماهنامه",
    "مجله",
    "رسانه",
    "کانال",
)
#: Words between an outlet word and the name: «پایگاه خبری تابناک», «خبرگزاری رسمی سوریه».
_QUALIFIERS = {
    "خبری",
    "اینترنتی",
    "تحلیلی",
    "اطلاع‌رسانی",
    "رسمی",
    "تلویزیونی",
    "ماهواره‌ای",
    "آمریکایی",
    "انگلیسی",
    "روسی",
    "عربی",
    "عربی‌زبان",
    "فارسی‌زبان",
    "انگلیسی‌زبان",
    "فرانسوی",
    "آلمانی",
    "اسرائیلی",
    "صهیونیستی",
    "سعودی",
    "قطری",
    "ترکیه‌ای",
    "عراقی",
    "سوری",
    "لبنانی",
    "چینی",
    "ژاپنی",
    "اماراتی",
    "خبرگزاری",
    "تلویزیون",
}
_CUES_BEFORE = ("به گزارش", "به نقل از", "به نوشته", "گزارش", "نوشت")
_REPORTERS = {"خبرنگار", "خبرنگاران", "گزارشگر", "خبرنگار\u200cاعزامی"}

_CHARS = Normalizer(restore_zwnj=False, remove_diacritics=True, spacing=False)
# Letter variants that spellings of one name differ in, digits, and Latin capitals (one character to one).
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ؤ": "و", "ئ": "ی", "İ": "i"}
    | {k: v for k, v in ARABIC_TO_PERSIAN.items() if len(v) == 1}
    | {d: "۰۱۲۳۴۵۶۷۸۹"[i] for digits in ("0123456789", "٠١٢٣٤٥٦٧٨٩") for i, d in enumerate(digits)}
    | {c: c.lower() for c in map(chr, range(0x41, 0x250)) if c.isupper() and len(c.lower()) == 1}
)
_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]+")
_WORD = re.compile(r"[^\W_]+")
_ZWNJ = re.compile("\u200c")


class Mention(NamedTuple):
    """An outlet named in a text: ``text[start:end]`` is how it is written, ``name`` its canonical name."""

    start: int
    end: int
    text: str
    name: str


def _key(text: str) -> str:
    """What two spellings of one name share: letters and digits only, folded, lower case."""
    return "".join(_WORD.findall(_CHARS.normalize(text).lower().translate(_FOLD)))


@functools.cache
def outlets() -> pd.DataFrame:
    """The registry, one row per outlet: ``name, kind, country, language, ownership, owner, aliases,
    context_only, source``; ``aliases`` lists every alias (Persian, Arabic, Latin), ``context_only``
    those that count only after an outlet word or an attribution cue.

    >>> reg = outlets()
    >>> len(reg) >= 50, reg.set_index("name").loc["Rudaw", "ownership"]
    (True, 'party-affiliated')
    """
    text = resources.files("toolkit").joinpath("resources/outlets.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        r["aliases"] = [a for col in ("aliases_fa", "aliases_ar", "aliases_latin") for a in r.pop(col).split("|") if a]
        r["context_only"] = [a for a in r["context_only"].split("|") if a]
    cols = ["name", "kind", "country", "language", "ownership", "owner", "aliases", "context_only", "source"]
    return pd.DataFrame(rows, columns=cols)


@functools.cache
def _index() -> tuple[dict[str, str], frozenset[str], frozenset[str], re.Pattern[str]]:
    """alias key → canonical name; keys that need context; keys of acronyms (matched in capitals
    only: «AP», not «ap»); one pattern matching every alias (a trie, so it scans in one pass)."""
    names: dict[str, str] = {}
    context: set[str] = set()
    acronym_aliases: dict[str, bool] = {}
    trie: dict = {}
    for r in outlets().itertuples():
        for alias in [r.name, *r.aliases]:
            k = _key(alias)
            if not k:
                continue
            if names.setdefault(k, r.name) != r.name:
                raise ValueError(f"outlets.tsv: alias {alias!r} names both {names[k]} and {r.name}")
            acronym_aliases[k] = acronym_aliases.get(k, True) and bool(re.fullmatch(r"[A-Z]{2,5}", alias))
            node = trie
            for i, word in enumerate(_WORD.findall(_CHARS.normalize(alias).lower().translate(_FOLD))):
                if i:
                    node = node.setdefault(_SEP, {})
                for ch in word:
                    node = node.setdefault(ch, {})
            node[_END] = {}
        context.update(_key(a) for a in r.context_only)
    body = _trie_pattern(trie)
    pattern = re.compile(rf"(?<![^\W_]){body}(?![^\W_])")  # run on text without ZWNJs
    acronyms = frozenset(k for k, caps in acronym_aliases.items() if caps)
    return names, frozenset(context), acronyms, pattern


_SEP, _END = "\x00sep", "\x00end"


def _trie_pattern(node: dict) -> str:
    """A regular expression for the words of a trie; separators between words are optional."""
    branches = []
    for ch, child in sorted(node.items(), key=lambda kv: kv[0] == _END):
        if ch == _END:
            continue
        head = r"[\s.\-'’/]*" if ch == _SEP else re.escape(ch)
        branches.append(head + _trie_pattern(child))
    if not branches:
        return ""
    alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{alt})?" if _END in node else alt


_PREFIX = re.compile(
    r"^(?:(?:" + "|".join(sorted(OUTLET_WORDS, key=len, reverse=True)) + r")[\s\u200c]+)"
    r"(?:(?:" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")[\s\u200c]+)*"
)


def canonical(name: str) -> str | None:
    """The canonical name of an outlet written any way, or ``None`` if the registry does not know it.

    An outlet word before the name (خبرگزاری، شبکه، روزنامه، پایگاه خبری …) and «» or quotes are
    ignored; ``name`` must be the name only, not a sentence.

    >>> canonical("خبرگزاری فرانسه"), canonical("بی بی سی"), canonical("The Guardian"), canonical("BBC")
    ('AFP', 'BBC', 'The Guardian', 'BBC')
    >>> canonical("") is None, canonical(None) is None
    (True, True)
    """
    if not isinstance(name, str):
        return None
    text = _CHARS.normalize(name).strip(" «»\"'()")
    names = _index()[0]
    for candidate in (text, _PREFIX.sub("", text)):
        k = _key(candidate)
        if k in names:
            return names[k]
    return None


def find_outlets(text: str) -> list[Mention]:
    """Every outlet the registry knows that ``text`` names, left to right (longest name first).

    Run it on normalized text. An alias that is also an ordinary word (``context_only`` in the
    registry: فارس، مهر، تایمز …) counts only right after an outlet word or an attribution cue.

    >>> [m.name for m in find_outlets("شبکه رووداو و خبرگزاری مهر در مهر ماه؛ بی بی سی و روسیا الیوم")]
    ['Rudaw', 'Mehr News Agency', 'BBC', 'RT']
    >>> find_outlets("")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    names, context, acronyms, pattern = _index()
    # One character to one character, so offsets are kept; Latin in lower case. (Translating only the
    # runs that change is much faster than str.translate over the whole text.)
    folded = _FOLDED.sub(lambda m: m.group().translate(_FOLD), text)
    # The trie runs on the text without ZWNJs, so a ZWNJ anywhere in a name does not matter («بی‌بی‌سی»,
    # «روی‌ترز» as a ZWNJ restorer may write a foreign name); a position there maps back by bisection.
    shifted = [z - k for k, z in enumerate(m.start() for m in _ZWNJ.finditer(folded))]
    plain = folded.replace("\u200c", "") if shifted else folded
    out: list[Mention] = []
    for m in pattern.finditer(plain):
        start = m.start() + bisect.bisect_right(shifted, m.start())
        end = m.end() - 1 + bisect.bisect_right(shifted, m.end() - 1) + 1
        key = _key(m.group())
        name = names.get(key)
        if name is None or (key in acronyms and not text[start:end].isupper()):
            continue
        if key in context and not _in_context(text, start):
            continue
        out.append(Mention(start, end, text[start:end], name))
    return out


def _in_context(text: str, start: int) -> bool:
    """Is an ambiguous alias starting at ``start`` introduced as an outlet?"""
    before = text[max(0, start - 40) : start].rstrip(" \u200c«\"'(")
    words = before.split()
    if words and (words[-1] in OUTLET_WORDS or words[-1] in _QUALIFIERS):
        return True
    if any(w in _REPORTERS for w in words[-2:]):  # «خبرنگار فارس», «خبرنگار اقتصادی فارس»
        return True
    before = re.sub(r"[\s\u200c]+(?:و[\s\u200c]+)?$", "", before + " ")
    return before.endswith(_CUES_BEFORE)
