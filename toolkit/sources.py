"""The outlet registry: who an outlet is, and every way Persian news writes its name.

``toolkit/resources/outlets.tsv`` lists each outlet with its canonical English name, kind, country,
language, ownership (state-owned, public, state-affiliated, party-affiliated, private, cooperative,
non-profit), owner, its Persian, Arabic and Latin aliases, the page each fact comes from (the
file's header gives the provenance and the categories) and the web domains it publishes on
(:func:`outlet_for_url`: ``arabic.rt.com`` → RT). Names match whatever their spelling: with or
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

How Persian news writes a name around it does not matter to :func:`canonical`: descriptors before and
after the name (outlet words, «خبری», a nationality, the country, «از مسکو», «چاپ لندن») are stripped,
a country there picks between outlets that share a name (the Syrian, Saudi and Qatari «الوطن»), and a
name one letter off a long alias still matches when no other outlet is as close. An anaphor («این
شبکه», «همین روزنامه») is not a name. :func:`resolve` also gives an unknown outlet a clean name.

>>> canonical("شبکه خبری ال‌بی‌سی لبنان"), canonical("خبرگزاری اینترفکس روسیه از مسکو"), canonical("آسوشیترپرس")
('LBCI', 'Interfax', 'Associated Press')
>>> canonical("روزنامه سوری الوطن"), canonical("این شبکه") is None
('Al-Watan (Syria)', True)
>>> resolve("شبکه خبری فلان لبنان"), resolve("همین روزنامه")
(Resolved(name='فلان', known=False), Resolved(name='', known=False))
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from collections import defaultdict
from importlib import resources
from typing import NamedTuple
from urllib.parse import urlsplit

import pandas as pd

from toolkit.chars import ARABIC_TO_PERSIAN
from toolkit.normalization import Normalizer

__all__ = [
    "OUTLET_WORDS",
    "Mention",
    "Resolved",
    "canonical",
    "clean_name",
    "find_outlets",
    "outlet_for_url",
    "outlets",
    "resolve",
]

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

# --- descriptors: what Persian news writes around an outlet's name ---------------------------------------

# Nouns for outlets, beyond OUTLET_WORDS (plurals and rarer words); all of them are stripped from a mention.
_MORE_OUTLET_NOUNS = (
    "روزنامه‌های رسانه‌های پایگاه‌های سایت‌های کانال‌های نشریات دوهفته‌نامه فصلنامه آژانس وب وبگاه ارگان خبرنامه وبلاگ سرویس"
)
# Words that qualify an outlet without naming it: «پایگاه خبری تحلیلی»، «روزنامه پرتیراژ»، «رسانه‌های غربی».
_MORE_QUALIFIERS = (
    "دولتی خصوصی مستقل محلی سراسری بین‌المللی بین‌الملل معتبر مشهور معروف مطرح پرتیراژ پرمخاطب پربیننده پرفروش"
    " کثیرالانتشار فرامنطقه‌ای الکترونیکی الکترونیک رادیویی هفتگی روزانه اقتصادی ورزشی سیاسی علمی فناوری خبری‌تحلیلی"
    " تحلیلی‌خبری زبان ترک‌زبان روسی‌زبان فرانسوی‌زبان عبری‌زبان اصلاح‌طلب اصولگرا تندرو محافظه‌کار"
    " غربی شرقی خارجی داخلی منطقه‌ای جهانی بیگانه معاند اروپایی آسیایی آفریقایی فارسی عبری ترکی کردی"
    " اردو پشتو حکومتی"
)
#: Words that name an outlet's desk before the outlet: «گروه سیاسی ایسنا», «سرویس بین‌الملل فارس».
_DESKS = frozenset({"گروه", "سرویس", "بخش", "دبیرخانه"})
#: Determiners that make «X شبکه» an anaphor or an unnamed outlet: «این شبکه», «یک روزنامه عربی».
_DETERMINERS = "این همین آن همان یک برخی بعضی چند چندین سایر دیگر هر همه تمام کدام کدامین"
#: Words after an outlet word that point back: «روزنامه مذکور», «شبکه یادشده».
_ANAPHOR_AFTER = "مذکور مزبور یادشده نامبرده فوق‌الذکر فوق"
# A clause after the name that is not part of it: «وابسته به حزب‌الله», «چاپ لندن», «مستقر در دوحه».
_CLAUSE_HEADS = {"وابسته": "به", "متعلق": "به", "نزدیک": "به", "منتسب": "به", "مستقر": "در", "چاپ": ""}

#: Each registry country: its nouns (and capital or main cities) and its nationality adjectives.
_PLACES = {
    "Iran": ("ایران تهران جمهوری‌اسلامی", "ایرانی"),
    "Iraq": ("عراق بغداد بصره اربیل کردستان‌عراق اقلیم‌کردستان", "عراقی"),
    "Syria": ("سوریه دمشق حلب", "سوری سوریه‌ای"),
    "Lebanon": ("لبنان بیروت", "لبنانی"),
    "Palestine": ("فلسطین غزه رام‌الله کرانه‌باختری", "فلسطینی"),
    "Israel": ("اسرائیل رژیم رژیم‌صهیونیستی تل‌آویو فلسطین‌اشغالی سرزمین‌های‌اشغالی قدس‌اشغالی", "اسرائیلی صهیونیستی عبری"),
    "Jordan": ("اردن امان", "اردنی"),
    "Egypt": ("مصر قاهره", "مصری"),
    "Saudi Arabia": ("عربستان عربستان‌سعودی ریاض جده", "سعودی عربستانی"),
    "Qatar": ("قطر دوحه", "قطری"),
    "Kuwait": ("کویت", "کویتی"),
    "Bahrain": ("بحرین منامه", "بحرینی"),
    "Oman": ("عمان مسقط", "عمانی"),
    "United Arab Emirates": ("امارات امارات‌متحده‌عربی ابوظبی دبی", "اماراتی"),
    "Yemen": ("یمن صنعا عدن", "یمنی"),
    "Turkey": ("ترکیه آنکارا استانبول", "ترکیه‌ای ترک ترکی"),
    "Russia": ("روسیه مسکو", "روسی"),
    "Ukraine": ("اوکراین کی‌یف کیف", "اوکراینی"),
    "Belarus": ("بلاروس مینسک", "بلاروسی"),
    "China": ("چین پکن", "چینی"),
    "Hong Kong": ("هنگ‌کنگ", "هنگ‌کنگی"),
    "Taiwan": ("تایوان تایپه", "تایوانی"),
    "Japan": ("ژاپن توکیو", "ژاپنی"),
    "South Korea": ("کره‌جنوبی سئول", "کره‌ای"),
    "North Korea": ("کره‌شمالی پیونگ‌یانگ", ""),
    "India": ("هند هندوستان دهلی دهلی‌نو بمبئی", "هندی"),
    "Pakistan": ("پاکستان اسلام‌آباد کراچی لاهور", "پاکستانی"),
    "Afghanistan": ("افغانستان کابل", "افغان افغانستانی"),
    "United States": ("آمریکا امریکا ایالات‌متحده ایالات‌متحده‌آمریکا واشنگتن واشینگتن نیویورک", "آمریکایی امریکایی"),
    "United Kingdom": ("انگلیس انگلستان بریتانیا لندن", "انگلیسی بریتانیایی"),
    "France": ("فرانسه پاریس", "فرانسوی"),
    "Germany": ("آلمان برلین", "آلمانی"),
    "Italy": ("ایتالیا رم", "ایتالیایی"),
    "Spain": ("اسپانیا مادرید بارسلون", "اسپانیایی"),
    "Portugal": ("پرتغال لیسبون", "پرتغالی"),
    "Switzerland": ("سوئیس زوریخ ژنو", "سوئیسی"),
    "Netherlands": ("هلند آمستردام", "هلندی"),
    "Sweden": ("سوئد استکهلم", "سوئدی"),
    "Norway": ("نروژ اسلو", "نروژی"),
    "Greece": ("یونان آتن", "یونانی"),
    "Poland": ("لهستان ورشو", "لهستانی"),
    "Czech Republic": ("پراگ", "چکی"),
    "Serbia": ("صربستان بلگراد", "صرب"),
    "Latvia": ("لتونی ریگا", ""),
    "Bulgaria": ("بلغارستان", "بلغاری"),
    "Azerbaijan": ("آذربایجان جمهوری‌آذربایجان باکو", ""),
    "Armenia": ("ارمنستان ایروان", "ارمنی"),
    "Kazakhstan": ("قزاقستان آستانه", "قزاق"),
    "Tajikistan": ("تاجیکستان دوشنبه", "تاجیک"),
    "Malaysia": ("مالزی کوالالامپور", "مالزیایی"),
    "Indonesia": ("اندونزی جاکارتا", "اندونزیایی"),
    "Vietnam": ("ویتنام هانوی", "ویتنامی"),
    "Algeria": ("الجزایر", "الجزایری"),
    "Morocco": ("مراکش مغرب رباط", "مراکشی"),
    "Tunisia": ("تونس", "تونسی"),
    "Cuba": ("کوبا هاوانا", "کوبایی"),
    "Venezuela": ("ونزوئلا کاراکاس", "ونزوئلایی"),
    "Brazil": ("برزیل", "برزیلی"),
    "Argentina": ("آرژانتین", "آرژانتینی"),
    "Canada": ("کانادا اتاوا تورنتو", "کانادایی"),
    "Australia": ("استرالیا سیدنی", "استرالیایی"),
}

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
_QUOTES = str.maketrans({c: " " for c in "«»\"'“”‘’()[]{}<>:؛;،,"})


class Mention(NamedTuple):
    """An outlet named in a text, as :func:`find_outlets` gives it.

    Attributes
    ----------
    start, end : int
        Where the mention is: ``text[start:end]``.
    text : str
        The mention as written.
    name : str
        The outlet's canonical name in the registry.

    Examples
    --------
    >>> find_outlets("به گزارش شبکه رووداو، …")[0]
    Mention(start=9, end=20, text='شبکه رووداو', name='Rudaw')
    """

    start: int
    end: int
    text: str
    name: str


class Resolved(NamedTuple):
    """What a mention names, as :func:`resolve` gives it.

    Attributes
    ----------
    name : str
        The canonical name of a registry outlet; the clean name of an unknown one (its descriptors
        stripped); ``""`` for an anaphor or a mention that names nothing.
    known : bool
        Whether the registry knows the outlet.

    Examples
    --------
    >>> resolve("خبرگزاری اینترفکس روسیه")
    Resolved(name='Interfax', known=True)
    """

    name: str
    known: bool


def _key(text: str) -> str:
    """What two spellings of one name share: letters and digits only, folded, lower case."""
    return "".join(_WORD.findall(_CHARS.normalize(text).lower().translate(_FOLD)))


#: The same, remembered: find_outlets meets the same few spellings again and again.
_cached_key = functools.lru_cache(maxsize=65536)(_key)


def _keys(words: str) -> set[str]:
    """The keys of space-separated words (a word may join several with ‌ or -: «تل‌آویو»)."""
    return {_key(w) for w in words.split()} - {""}


@functools.cache
def _vocabulary() -> dict[str, object]:
    """The descriptor vocabulary as keys: outlet nouns, qualifiers, places (key → country), determiners."""
    places: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for country, (nouns, adjs) in _PLACES.items():
        for k in _keys(nouns):
            places.setdefault(k, country)
        for k in _keys(adjs):
            adjectives.setdefault(k, country)
    nouns = _keys(" ".join(w.replace(" ", "") for w in OUTLET_WORDS) + " " + _MORE_OUTLET_NOUNS)
    return {
        # with a plural or ezafe ending: «رسانه‌ها», «شبکه‌هایی», «روزنامه‌ی»
        "outlet": nouns | {n + end for n in nouns for end in ("ها", "های", "هایی", "ی")},
        "qualifier": _keys(" ".join(_QUALIFIERS) + " " + _MORE_QUALIFIERS) - set(adjectives) - set(places),
        "place": places,
        "adjective": adjectives,
        "determiner": _keys(_DETERMINERS),
        "anaphor": _keys(_ANAPHOR_AFTER),
    }


@functools.cache
def outlets() -> pd.DataFrame:
    """The outlet registry as a table.

    Returns
    -------
    pandas.DataFrame
        One row per outlet: ``name, kind, country, language, ownership, owner, aliases, context_only,
        source, domains``. ``aliases`` lists every alias (Persian, Arabic, Latin), ``context_only`` those
        that count only after an outlet word or an attribution cue, ``source`` the page the facts come
        from, ``domains`` the web domains the outlet publishes on (:func:`outlet_for_url`).

    Examples
    --------
    >>> reg = outlets()
    >>> len(reg) >= 400, reg.set_index("name").loc["Rudaw", "ownership"]
    (True, 'party-affiliated')
    """
    text = resources.files("toolkit").joinpath("resources/outlets.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        r["aliases"] = [a for col in ("aliases_fa", "aliases_ar", "aliases_latin") for a in r.pop(col).split("|") if a]
        r["context_only"] = [a for a in r["context_only"].split("|") if a]
        r["domains"] = [d for d in (r.get("domains") or "").split("|") if d]
    cols = ["name", "kind", "country", "language", "ownership", "owner", "aliases", "context_only", "source"]
    cols.append("domains")
    return pd.DataFrame(rows, columns=cols)


@functools.cache
def _domains() -> dict[str, tuple[tuple[str, str], ...]]:
    """Host → ((path prefix, outlet), …), the longest prefix first; a prefix is "" or "/persian"."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for name, domains in zip(outlets().name, outlets().domains, strict=True):
        for d in domains:
            host, slash, path = d.lower().partition("/")
            prefix = "/" + path.strip("/") if slash else ""
            if found[host].setdefault(prefix, name) != name:
                raise ValueError(f"outlets.tsv: domain {d!r} names both {found[host][prefix]} and {name}")
    return {h: tuple(sorted(p.items(), key=lambda kv: -len(kv[0]))) for h, p in found.items()}


def outlet_for_url(url: str) -> str | None:
    """The registry outlet that publishes at a web address.

    A domain covers its subdomains, the most specific entry wins, and a path can tell outlets that share
    a site apart; ``www.``, the scheme, a port and letter case do not matter, and a bare host will do.

    Parameters
    ----------
    url : str
        A web address or a bare host.

    Returns
    -------
    str or None
        The outlet's canonical name, or ``None`` when no registry domain covers the address (or it is not
        an http(s) address).

    Examples
    --------
    >>> outlet_for_url("https://arabic.rt.com/middle_east/1234-x/"), outlet_for_url("https://www.isna.ir/news/1")
    ('RT', 'ISNA')
    >>> outlet_for_url("www.bbc.com/persian/articles/c1"), outlet_for_url("https://www.bbc.com/news/world-1")
    ('BBC Persian', 'BBC')
    >>> outlet_for_url("http://127.0.0.1:8000/a.html") is None, outlet_for_url("") is None
    (True, True)
    """
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url if "//" in url else "//" + url)
    if parts.scheme not in ("", "http", "https"):
        return None
    try:
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # a malformed netloc
        return None
    path = parts.path.lower().rstrip("/")
    table = _domains()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        for prefix, name in table.get(".".join(labels[i:]), ()):
            if not prefix or path == prefix or path.startswith(prefix + "/"):
                return name
    return None


class _Index(NamedTuple):
    names: dict[str, str]  # alias key → canonical name
    context: frozenset[str]  # keys that need context in running text
    acronyms: frozenset[str]  # keys written only as acronyms («AP»): matched in capitals only
    pattern: re.Pattern[str]  # every alias and shared name, as a trie: one pass over a text
    shared: dict[str, dict[str, str]]  # a name several outlets share → {country: outlet}
    fuzzy: dict[str, frozenset[str]]  # a long alias key and each of its one-letter deletions → outlets
    ends_in_news: frozenset[str]  # alias keys whose last word is «خبر» (not before «داد»: «شبکه خبر داد»)
    country: dict[str, str]  # canonical name → country


@functools.cache
def _index() -> _Index:
    """Every lookup table, built once from the registry."""
    voc = _vocabulary()
    names: dict[str, str] = {}
    context: set[str] = set()
    acronym_aliases: dict[str, bool] = {}
    shared: dict[str, dict[str, str]] = defaultdict(dict)
    fuzzy: dict[str, set[str]] = defaultdict(set)
    ends_in_news: set[str] = set()
    trie: dict = {}
    for r in outlets().itertuples():
        for alias in [r.name, *r.aliases]:
            k = _key(alias)
            if not k:
                continue
            if names.setdefault(k, r.name) != r.name:
                raise ValueError(f"outlets.tsv: alias {alias!r} names both {names[k]} and {r.name}")
            acronym_aliases[k] = acronym_aliases.get(k, True) and bool(re.fullmatch(r"[A-Z]{2,5}", alias))
            words = _WORD.findall(_CHARS.normalize(alias).lower().translate(_FOLD))
            _trie_add(trie, words)
            if words[-1] == "خبر":
                ends_in_news.add(k)
            keys = [_key(w) for w in _CHARS.normalize(alias).split()]
            if keys[0] not in voc["outlet"] and len(k) >= 7:
                for variant in _deletions(k):
                    fuzzy[variant].add(r.name)
            base = _shared_base(keys, r.country, voc)
            if base:
                shared["".join(base)][r.country] = r.name
                _trie_add(trie, base)
        context.update(_key(a) for a in r.context_only)
    shared = {k: v for k, v in shared.items() if not (k in names and set(v.values()) == {names[k]})}
    body = _trie_pattern(trie)
    pattern = re.compile(rf"(?<![^\W_]){body}(?![^\W_])")  # run on text without ZWNJs
    acronyms = frozenset(k for k, caps in acronym_aliases.items() if caps)
    fuzzy_sets = {k: frozenset(v) for k, v in fuzzy.items()}
    country = dict(zip(outlets().name, outlets().country, strict=True))
    return _Index(
        names, frozenset(context), acronyms, pattern, dict(shared), fuzzy_sets, frozenset(ends_in_news), country
    )


def _shared_base(keys: list[str], country: str, voc: dict) -> list[str] | None:
    """The name an alias such as «الوطن سوریه» shares with other outlets («الوطن»), when it ends with its
    own outlet's country, and the rest is more than descriptors."""
    places, adjectives = voc["place"], voc["adjective"]
    if len(keys) < 2 or not country:
        return None
    if places.get(keys[-1]) != country and adjectives.get(keys[-1]) != country:
        return None
    base = keys[:-1]
    plain = voc["outlet"] | voc["qualifier"]
    if all(k in plain or k in places or k in adjectives for k in base):
        return None
    return base


def _trie_add(trie: dict, words: list[str]) -> None:
    node = trie
    for i, word in enumerate(words):
        if i:
            node = node.setdefault(_SEP, {})
        for ch in word:
            node = node.setdefault(ch, {})
    node[_END] = {}


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


def _deletions(key: str) -> set[str]:
    """``key`` and every string one letter shorter (the symmetric-delete neighbourhood)."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` at most one insertion, deletion, substitution or adjacent transposition apart?"""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _fuzzy(key: str) -> str | None:
    """The one outlet with an alias (of 7 letters or more) one edit from ``key`` (7 letters or more too);
    None if none or several."""
    if len(key) < 7:
        return None
    index = _index()
    found: set[str] = set()
    for variant in _deletions(key):
        found |= index.fuzzy.get(variant, frozenset())
    # The deletion neighbourhoods also meet at two edits («axbc» and «abyc»): check the candidates.
    hits = set()
    for name in found:
        for alias in _aliases_of(name):
            if len(alias) >= 7 and _one_edit(key, alias):
                hits.add(name)
                break
    return hits.pop() if len(hits) == 1 else None


@functools.cache
def _aliases_of(name: str) -> tuple[str, ...]:
    voc = _vocabulary()
    out = []
    for r in outlets().itertuples():
        if r.name == name:
            for alias in [r.name, *r.aliases]:
                keys = [_key(w) for w in _CHARS.normalize(alias).split()]
                if keys and keys[0] not in voc["outlet"]:
                    out.append(_key(alias))
    return tuple(dict.fromkeys(out))


# --- a mention: its descriptors, candidates and core ---------------------------------------------------------


class _Parsed(NamedTuple):
    words: tuple[str, ...]  # the mention's words as written (normalized letters)
    keys: tuple[str, ...]
    leading: tuple[int, ...]  # where the name may start, after 0, 1, … leading descriptors
    trailing: tuple[int, ...]  # where it may end, before 0, 1, … trailing descriptors
    countries: frozenset[str]  # countries the descriptors name (not «از مسکو»: where a report came from)
    anaphor: bool  # begins with a determiner («این شبکه») or ends with «مذکور»


def _parse(mention: str) -> _Parsed:
    voc = _vocabulary()
    words, keys = _words(mention)
    countries: set[str] = set()
    i, leading, anaphor = _leading(keys, voc, countries)
    trailing, anaphor_after = _trailing(keys, i, voc, countries)
    return _Parsed(
        tuple(words), tuple(keys), tuple(leading), tuple(trailing), frozenset(countries), anaphor or anaphor_after
    )


def _words(mention: str) -> tuple[list[str], list[str]]:
    """A mention's words and their lookup keys, the words with no key left out."""
    words = _CHARS.normalize(mention).translate(_QUOTES).split()
    # «رسانه های» and «ترکیه ای»: a plural or adjective suffix written apart joins its word
    joined: list[str] = []
    for w in words:
        if joined and _key(w) in {"ها", "های", "هایی", "ای", "ی"}:
            joined[-1] += "\u200c" + w
        else:
            joined.append(w)
    keys = [_key(w) for w in joined]
    keep = [i for i, k in enumerate(keys) if k]
    return [joined[i] for i in keep], [keys[i] for i in keep]


def _leading(keys: list[str], voc: dict, countries: set[str]) -> tuple[int, list[int], bool]:
    """Where the name starts after the descriptors before it («شبکه خبری», «روزنامه سعودی»): the first word
    of the name, every place it could start, and whether a determiner («این», «همین») made it an anaphor."""
    n, places, adjectives = len(keys), voc["place"], voc["adjective"]
    leading, i, anaphor = [0], 0, False
    if n and keys[0] in voc["determiner"]:
        anaphor, i = True, 1
        leading = [1]
    while i < n:
        k = keys[i]
        if k in voc["outlet"] or k in voc["qualifier"]:
            i += 1
        elif k in adjectives:
            countries.add(adjectives[k])
            i += 1
        elif i + 1 < n and k + keys[i + 1] in places and i + 2 < n:  # «رژیم صهیونیستی» before a name
            countries.add(places[k + keys[i + 1]])
            i += 2
        elif k == "رژیم" and i + 1 < n and keys[i + 1] in adjectives:
            countries.add(adjectives[keys[i + 1]])
            i += 2
        else:
            break
        leading.append(i)
    return i, leading, anaphor


def _trailing(keys: list[str], i: int, voc: dict, countries: set[str]) -> tuple[list[int], bool]:
    """Where the name ends before a clause («وابسته به …») and the descriptors after it («روسیه», «از مسکو»):
    every place it could end, and whether an anaphor word («مذکور», «یاد شده») ends it."""
    n, places, adjectives = len(keys), voc["place"], voc["adjective"]
    end, anaphor = n, False
    for j in range(i + 1, n):  # a clause after the name: «وابسته به …», «چاپ لندن», «مستقر در دوحه»
        head = _CLAUSE_HEADS.get(keys[j])
        if head is not None and (not head or (j + 1 < n and keys[j + 1] == head)):
            rest = keys[j + (2 if head else 1) :]
            countries.update(_place_of(rest, places, adjectives))
            end = j
            break
    trailing = [n] if end == n else [n, end]
    j = end
    while j > i:
        k = keys[j - 1]
        if j - 2 >= 1 and keys[j - 2] in {"از", "در"}:  # «از مسکو»: where the report came from
            j -= 2
        elif j - 3 >= 1 and keys[j - 3] in {"از", "در"} and keys[j - 2] + k in places:  # «از تل آویو»
            j -= 3
        elif j - 2 >= 0 and keys[j - 2] + k in places:  # «رژیم صهیونیستی», «عربستان سعودی»
            countries.add(places[keys[j - 2] + k])
            j -= 2
        elif j - 3 >= 0 and keys[j - 3] + keys[j - 2] + k in places:  # «امارات متحده عربی»
            countries.add(places[keys[j - 3] + keys[j - 2] + k])
            j -= 3
        elif k in places or k in adjectives:
            countries.add(places.get(k) or adjectives[k])
            j -= 1
        elif k in voc["outlet"] or k in voc["qualifier"]:
            j -= 1
        elif k in voc["anaphor"] or (k == "شده" and j - 2 >= 0 and keys[j - 2] == "یاد"):
            anaphor = True
            j -= 2 if k == "شده" else 1
        else:
            break
        trailing.append(j)
    return list(dict.fromkeys(trailing)), anaphor


def _place_of(keys: list[str], places: dict, adjectives: dict) -> set[str]:
    out = set()
    for a in range(len(keys)):
        for b in range(a + 1, min(len(keys), a + 3) + 1):
            k = "".join(keys[a:b])
            if k in places:
                out.add(places[k])
            elif k in adjectives:
                out.add(adjectives[k])
    return out


def _candidates(p: _Parsed) -> list[tuple[int, int]]:
    """Spans of the mention that may be the name, longest first (fewer descriptors stripped first)."""
    spans = {(a, b) for a in p.leading for b in p.trailing if a < b}
    # Of two spans as long, the one that keeps the words after the name: «سی ان ان ترک» before «شبکه سی ان ان».
    return sorted(spans, key=lambda s: (s[0] - s[1], -s[1]))


def _core(p: _Parsed) -> tuple[int, int]:
    """The span left when every descriptor is stripped."""
    return max(p.leading), min(p.trailing)


@functools.lru_cache(maxsize=65536)
def _resolve(mention: str) -> Resolved:
    found = _resolve_mention(mention)
    words = mention.split()
    if not found.known and len(words) > 2 and words[0] in _DESKS:
        # «گروه بین‌الملل خبرگزاری فارس», «گروه رسانه‌های دیگر آنا»: an outlet's desk; the outlet after it
        for k in range(2, min(len(words), 5)):
            desk_of = _resolve(" ".join(words[k:]))
            if desk_of.known:
                return desk_of
    return found


def _resolve_mention(mention: str) -> Resolved:
    if "(" in mention and ")" in mention:  # «خبرگزاری کار ایران (ایلنا)»: the name outside, or inside
        outside = re.sub(r"\([^()]*\)", " ", mention)
        for part in (outside, *re.findall(r"\(([^()]*)\)", mention)):
            found = _resolve(part) if part.strip() and part != mention else Resolved("", False)
            if found.known:
                return found
    p = _parse(mention)
    if not p.keys:
        return Resolved("", False)
    index = _index()
    a, b = _core(p)
    if p.anaphor:
        # «این شبکه», «روزنامه مذکور»: no name; a registered name after the determiner still counts
        core = "".join(p.keys[a:b]) if a < b else ""
        if core in index.names and core not in index.context:
            return Resolved(index.names[core], True)
        return Resolved("", False)
    spans = _candidates(p)
    for s, e in spans:
        k = "".join(p.keys[s:e])
        by_country = index.shared.get(k, {})
        hit = next((by_country[c] for c in sorted(p.countries) if c in by_country), None)
        if hit:
            return Resolved(hit, True)
        if k in index.names:
            # an alias that is also an ordinary word does not name a foreign outlet: «اسپورت لهستان»
            if k in index.context and p.countries and index.country[index.names[k]] not in p.countries:
                continue
            return Resolved(index.names[k], True)
    places = _vocabulary()["place"]
    for s in range(a + 1, min(b, a + 3)):  # a country before the name: «خبرگزاری رسمی سوریه (سانا)»
        if "".join(p.keys[a:s]) in places and "".join(p.keys[s:b]) in index.names:
            return Resolved(index.names["".join(p.keys[s:b])], True)
    if a < b:
        hit = _fuzzy("".join(p.keys[a:b]))
        if hit:
            return Resolved(hit, True)
        return Resolved(" ".join(p.words[a:b]), False)
    return Resolved("", False)


def resolve(mention: str) -> Resolved:
    """What a mention of an outlet names, with its descriptors stripped.

    Descriptors are the outlet words (خبرگزاری، شبکه خبری، روزنامه …), nationalities, countries, places
    («از مسکو») and an outlet's desk («گروه بین‌الملل»); a name one letter off a long alias still matches.

    Parameters
    ----------
    mention : str
        The mention only («شبکه خبری ال‌بی‌سی لبنان»), not a sentence.

    Returns
    -------
    Resolved
        ``(canonical name, True)`` for a registry outlet; ``(name as written without its descriptors,
        False)`` for an unknown one; ``("", False)`` for an anaphor («این شبکه», «روزنامه یادشده»), a
        mention with no name in it («رسانه‌های غربی») or anything but a string.

    Examples
    --------
    >>> resolve("شبکه «رووداو»"), resolve("روزنامه پاکستانی فلان‌تایمز")
    (Resolved(name='Rudaw', known=True), Resolved(name='فلان\u200cتایمز', known=False))
    >>> resolve("رسانه‌های عبری"), resolve(None)
    (Resolved(name='', known=False), Resolved(name='', known=False))
    """
    if not isinstance(mention, str) or not mention.strip():
        return Resolved("", False)
    return _resolve(mention)


def clean_name(mention: str) -> str:
    """The name a mention gives an outlet, known or not (:func:`resolve`'s name).

    Parameters
    ----------
    mention : str
        The mention only, not a sentence.

    Returns
    -------
    str
        The canonical name of a registry outlet, else the name as written without the outlet words,
        nationalities, countries and places around it; ``""`` for an anaphor.

    Examples
    --------
    >>> clean_name("شبکه خبری فلان لبنان"), clean_name("نشریه آبزرور"), clean_name("این روزنامه")
    ('فلان', 'The Observer', '')
    """
    return resolve(mention).name


def canonical(name: str) -> str | None:
    """The canonical name of an outlet written any way.

    Descriptors around the name (خبرگزاری، شبکه خبری، روزنامه، پایگاه اینترنتی …, a nationality or a
    country, «از مسکو») and «» or quotes are ignored.

    Parameters
    ----------
    name : str
        The mention only, not a sentence.

    Returns
    -------
    str or None
        The registry's canonical name, or ``None`` if the registry does not know the outlet.

    Examples
    --------
    >>> canonical("خبرگزاری فرانسه"), canonical("بی بی سی"), canonical("The Guardian"), canonical("BBC")
    ('AFP', 'BBC', 'The Guardian', 'BBC')
    >>> canonical("") is None, canonical(None) is None
    (True, True)
    """
    found = resolve(name)
    return found.name if found.known else None


# --- running text ------------------------------------------------------------------------------------------


def find_outlets(text: str) -> list[Mention]:
    """Every outlet the registry knows that a text names.

    An alias that is also an ordinary word (``context_only`` in the registry: فارس، مهر، تایمز …) counts
    only right after an outlet word or an attribution cue. A name several outlets share («الوطن») counts
    when a country next to it says which. An anaphor («این شبکه خبر داد») names nothing. One pass over
    the text: linear in its length.

    Parameters
    ----------
    text : str
        Normalized text (:func:`toolkit.normalize`).

    Returns
    -------
    list of Mention
        Left to right; where names overlap, the longest.

    Examples
    --------
    >>> [m.name for m in find_outlets("شبکه رووداو و خبرگزاری مهر در مهر ماه؛ بی بی سی و روسیا الیوم")]
    ['Rudaw', 'Mehr News Agency', 'BBC', 'RT']
    >>> [m.name for m in find_outlets("به گزارش روزنامه سوری الوطن، این شبکه خبر داد")]
    ['Al-Watan (Syria)']
    >>> find_outlets("")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    index = _index()
    voc = _vocabulary()
    # One character to one character, so offsets are kept; Latin in lower case. (Translating only the
    # runs that change is much faster than str.translate over the whole text.)
    folded = _FOLDED.sub(lambda m: m.group().translate(_FOLD), text)
    # The trie runs on the text without ZWNJs, so a ZWNJ anywhere in a name does not matter («بی‌بی‌سی»,
    # «روی‌ترز» as a ZWNJ restorer may write a foreign name); a position there maps back by bisection.
    shifted = [z - k for k, z in enumerate(m.start() for m in _ZWNJ.finditer(folded))]
    plain = folded.replace("\u200c", "") if shifted else folded
    out: list[Mention] = []
    for m in index.pattern.finditer(plain):
        start = m.start() + bisect.bisect_right(shifted, m.start())
        end = m.end() - 1 + bisect.bisect_right(shifted, m.end() - 1) + 1
        key = _cached_key(m.group())
        name = index.names.get(key)
        by_country = index.shared.get(key)
        if by_country:
            country = _country_next_to(folded, start, end, voc)
            name = by_country.get(country, name) if country else name
        if name is None or (key in index.acronyms and not text[start:end].isupper()):
            continue
        if key in index.context and not _in_context(text, start):
            continue
        if key in index.ends_in_news and _verb_after(folded, end):
            continue
        if _is_anaphor(folded, start, end, voc):
            # «این شبکه خبر» names nothing; «این شبکه المیادین» still names what follows the outlet word
            rest = _WORD.search(folded, _WORD.match(folded, start, end).end(), end)
            rest_key = _cached_key(folded[rest.start() : end]) if rest else ""
            if rest_key not in index.names or rest_key in index.context:
                continue
            start, name = rest.start(), index.names[rest_key]
        out.append(Mention(start, end, text[start:end], name))
    return out


_BEFORE_WORD = re.compile(r"([^\W_][^\s]*)[\s«\"'(]*$")
_AFTER_WORD = re.compile(r"^[\s»\"')]*([^\W_][^\s،,.؛:»\"')]*)")


def _country_next_to(text: str, start: int, end: int, voc: dict) -> str | None:
    """The country a nationality or country word right before or after ``text[start:end]`` names."""
    before = _BEFORE_WORD.search(text[max(0, start - 30) : start])
    after = _AFTER_WORD.search(text[end : end + 30])
    for m in (before, after):
        if m:
            k = _cached_key(m.group(1))
            country = voc["adjective"].get(k) or voc["place"].get(k)
            if country:
                return country
    return None


def _is_anaphor(text: str, start: int, end: int, voc: dict) -> bool:
    """Does the match start with an outlet word that a determiner points back with («این شبکه خبر»)?"""
    first = _WORD.match(text, start, end)
    if not first or _cached_key(first.group()) not in voc["outlet"]:
        return False
    before = _BEFORE_WORD.search(text[max(0, start - 20) : start])
    return bool(before) and _cached_key(before.group(1)) in voc["determiner"]


_NEWS_VERB = re.compile(r"^[\s\u200c]*(?:داد|داده|ده|می[\s\u200c]*ده|بده|رساند|می[\s\u200c]*رسان|دار)")


def _verb_after(text: str, end: int) -> bool:
    """Is the «خبر» ending an alias the object of a verb («شبکه خبر داد»: the network reported)?"""
    return bool(_NEWS_VERB.match(text[end : end + 12]))


def _in_context(text: str, start: int) -> bool:
    """Is an ambiguous alias starting at ``start`` introduced as an outlet?"""
    before = text[max(0, start - 40) : start].rstrip(" \u200c«\"'(")
    words = before.split()
    if words and (words[-1] in OUTLET_WORDS or words[-1] in _QUALIFIERS):  # «روزنامه فارس», «باشگاه خبری فارس»
        return True
    if any(w in _REPORTERS for w in words[-2:]):  # «خبرنگار فارس», «خبرنگار اقتصادی فارس»
        return True
    before = re.sub(r"[\s\u200c]+(?:و[\s\u200c]+)?$", "", before + " ")
    return before.endswith(_CUES_BEFORE)
