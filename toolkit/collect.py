"""News pages and RSS/Atom feeds into the corpus format: ``read_html``, ``read_feed`` and ``collect``.

:func:`read_html` turns saved pages or URLs into the corpus DataFrame (:data:`COLUMNS`): ``doc_id`` is the
page's canonical URL, ``outlet`` comes from the registry by domain (:func:`toolkit.sources.outlet_for_url`),
``text`` is the article's main text with its paragraphs (one per line), without menus, related links,
comments, scripts or iframes, and ``sha256`` identifies the raw page. :func:`read_feed` gives one row per
feed item (:data:`FEED_COLUMNS`). :func:`collect` (``python -m toolkit collect``) fetches pages and follows
feeds to their articles, politely, and writes JSONL shards that ``python -m toolkit process`` reads.

Why these libraries. Main-text extraction is what decides whether a corpus is the articles or the sites'
furniture, and it is hard to get right on one's own: ``trafilatura`` does it (and finds title, date and
description) with the best scores of the open-source extractors in independent comparisons, is maintained,
and is what computational social science uses to build news corpora. RSS and Atom come in many versions and
are often broken; ``feedparser`` reads all of them and recovers what it can from a malformed feed. HTTP goes
through ``requests`` (with the robots.txt rules read by the standard library's ``urllib.robotparser``), so
that politeness, redirects, sizes and retries are ours to control.

Two things are done around trafilatura, for Persian: it drops every character Unicode calls a format
character, which would take the ZWNJs out of every word (``کرده‌اند`` → ``کردهاند``), so those characters are
swapped for placeholders before the extraction and put back after it (ZWNJ, ZWJ, LRM, RLM, ZWSP, soft hyphen,
the Arabic letter mark, as characters or as entities); and pages are decoded here (HTTP charset, then a
``<meta>`` charset, then :func:`toolkit.corpus.decode`, which knows Windows-1256 and UTF-16), not by guesswork.

>>> html = '''<html lang="fa"><head><title>خبر - ایسنا</title>
... <link rel="canonical" href="https://www.isna.ir/news/1/"></head><body><nav><a href="/">صفحه اصلی</a></nav>
... <article><h1>خبر</h1><p>به گزارش ایسنا، دو کشور توافق کرده‌اند که همکاری خود را در زمینه امنیت مرزها
... گسترش دهند و این توافق از هفته آینده اجرا می‌شود.</p></article></body></html>'''
>>> row = extract(html.encode())
>>> row["doc_id"], row["outlet"], row["language"], "کرده‌اند" in row["text"]
('https://www.isna.ir/news/1/', 'ISNA', 'fa', True)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import glob
import gzip
import hashlib
import json
import logging
import os
import re
import time
import urllib.robotparser
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import pandas as pd

from toolkit._version import __version__
from toolkit.corpus import CorpusError, decode
from toolkit.sources import canonical, outlet_for_url

__all__ = [
    "COLUMNS",
    "FEED_COLUMNS",
    "CollectError",
    "Fetcher",
    "collect",
    "extract",
    "mark_duplicates",
    "read_feed",
    "read_html",
    "reextract",
]

# trafilatura and its helpers log a warning for every page they give up on; with no logging set up, Python
# would print each to stderr (the command's one line per error would drown). A NullHandler stops that and leaves
# them to a user who configures logging.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: The article rows: ``doc_id`` (canonical URL; a saved page without one: its path, as ``load_corpus`` gives),
#: ``outlet`` (registry name, by domain, else by the site's name, else ""), ``title``, ``text`` (main text, one
#: paragraph per line, title and lead not repeated), ``lead`` (the page's description), ``date`` (publication
#: day, ``YYYY-MM-DD``, "" if unknown), ``language`` (``fa``, ``ar``, … as the page declares it, else guessed from
#: the letters), ``url`` (where the page was fetched or said it lives), ``fetched_at`` (UTC, ISO 8601; a saved
#: page: its file's time), ``sha256`` (of the raw bytes), ``duplicate_of`` (the doc_id of the first copy of a
#: near-duplicate text, "" for a first copy) and ``encoding`` (how the bytes were decoded).
COLUMNS = ["doc_id", "outlet", "title", "text", "lead", "date", "language", "url", "fetched_at", "sha256"]
COLUMNS += ["duplicate_of", "encoding"]
#: The feed rows: ``link`` (the item's URL), ``title``, ``summary`` (plain text), ``date`` (UTC, ISO 8601, "" if
#: the item has none), ``outlet`` (by the link's domain, else the feed's), ``feed`` (where the feed was read).
FEED_COLUMNS = ["link", "title", "summary", "date", "outlet", "feed"]

USER_AGENT = f"persian-news-toolkit/{__version__} (research; collects news articles for text analysis)"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
#: Fewer words than this in the main text: not an article (a section front, a video page, an error page).
MIN_WORDS = 15


class CollectError(ValueError):
    """A page or feed that could not be had; the message is one line naming the URL or file.

    A ``ValueError``. ``permanent`` is False for what may work later (a timeout, a 5xx, a 429): a rerun of
    :func:`collect` tries those again and never the others.

    Parameters
    ----------
    message : str
        One line naming the URL or file, and what went wrong.
    permanent : bool, default True
        False when trying again later may work.
    status : int, optional
        The HTTP status, when there was one.

    Examples
    --------
    >>> try:
    ...     extract("<html><body><p>صفحه اصلی</p></body></html>", name="isna.html")
    ... except CollectError as e:
    ...     print(e, e.permanent, e.status)
    isna.html: no article text found (a section page, a video or an error page?) True None
    >>> busy = CollectError("https://www.isna.ir/: HTTP 503 Service Unavailable", permanent=False, status=503)
    >>> busy.permanent, busy.status, isinstance(busy, ValueError)
    (False, 503, True)
    """

    def __init__(self, message: str, *, permanent: bool = True, status: int | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.status = status  # the HTTP status, when there was one


# --- decoding and extraction ----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_LATIN = {"iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii"}


def decode_html(data: bytes, charset: str | None = None, name: str = "<page>") -> tuple[str, str]:
    """The text of an HTML page, and the encoding it was decoded with.

    The HTTP ``charset`` wins, then a BOM, then a ``<meta>`` charset in the first 4 KB, each only if the bytes
    decode with it; else :func:`toolkit.corpus.decode` (which knows Windows-1256 and UTF-16). A Latin-1
    declaration is not trusted over Persian or Arabic bytes (old sites declare it wrongly).

    Parameters
    ----------
    data : bytes
        The raw page.
    charset : str, optional
        The charset the HTTP response declared.
    name : str, default "<page>"
        What error messages call the page (its URL or file).

    Returns
    -------
    tuple of (str, str)
        ``(text, encoding)``.

    Raises
    ------
    CollectError
        When the bytes are not text (NUL bytes, say) in any encoding tried.

    Examples
    --------
    >>> decode_html("<p>سلام</p>".encode("cp1256"))
    ('<p>سلام</p>', 'cp1256')
    >>> decode_html(b'<meta charset="windows-1256"><p>\\xd3\\xe1\\xc7\\xe3</p>')[1]
    'windows-1256'
    >>> decode_html("<p>خبر</p>".encode("cp1256"), charset="iso-8859-1")[0]
    '<p>خبر</p>'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8-sig"
    meta = _META_CHARSET.search(data[:4096])
    for declared in (charset, meta.group(1).decode("ascii") if meta else None):
        if not declared:
            continue
        declared = declared.strip().lower()
        if declared in ("utf8", "unicode-1-1-utf-8"):
            declared = "utf-8"
        if declared in _LATIN and any(b >= 0x80 for b in data[:65536]):
            with contextlib.suppress(CorpusError):
                return decode(data, name)
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return decode(data, name)
    except CorpusError as e:
        raise CollectError(str(e)) from None


# Characters trafilatura drops (Unicode format characters) that Persian and Arabic text needs, each swapped for
# a Yi syllable (a printable letter no Persian page has) around the extraction.
_KEEP = "\u200c\u200d\u200e\u200f\u200b\u00ad\u061c"
_ENTITY = re.compile(
    r"&(?:(zwnj|zwj|lrm|rlm|shy);|#(8204|8205|8206|8207|8203|173|1564);|#[xX](200[cdefbCDEFB]|[aA][dD]|61[cC]);)"
)
_ENTITY_CHAR = {"zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e", "rlm": "\u200f", "shy": "\u00ad"}


def _placeholders(text: str) -> str | None:
    """The first run of len(_KEEP) code points, from a few blocks of letters, that ``text`` does not use."""
    for base in (0xA000, 0xA500, 0x1400):
        marks = "".join(chr(base + i) for i in range(len(_KEEP)))
        if not any(m in text for m in marks):
            return marks
    return None


def _protect(html: str) -> tuple[str, Callable[[str], str]]:
    """``html`` with the characters of ``_KEEP`` (and their entities) swapped for placeholders, and the function
    that puts them back into a string taken from it."""

    def entity(m: re.Match) -> str:
        name, dec, hexa = m.groups()
        return _ENTITY_CHAR[name.lower()] if name else chr(int(dec) if dec else int(hexa, 16))

    marks = _placeholders(html)
    if marks is None:  # a page written in all three blocks: keep what trafilatura keeps
        return html, lambda s: s
    html = _ENTITY.sub(entity, html)
    swaps = [(k, m) for k, m in zip(_KEEP, marks, strict=True) if k in html]
    for keep, mark in swaps:  # str.replace per character: many times faster than str.translate on a page
        html = html.replace(keep, mark)

    def back(s: str) -> str:
        for keep, mark in swaps:
            s = s.replace(mark, keep)
        return s

    return html, back


_PERSIAN_ONLY = re.compile("[پچژگکی]|(?<!\\S)(?:در|از|به|که|این|را|است|با|برای)(?!\\S)")
# (not ي: Windows-1256 has no Persian ی, so Persian pages in it write ي)
_ARABIC_ONLY = re.compile("[ةكإأؤ]|(?<!\\S)(?:في|على|إلى|الذي|التي|هذا|هذه|عن|مع|قد|كان)(?!\\S)")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def guess_language(text: str) -> str:
    """The language of a text, guessed from its letters and its commonest small words.

    Persian پ چ ژ گ ک ی against Arabic ة ك إ أ, and در، از، که against في، على، إلى; more Latin letters than
    Arabic-script ones make it English.

    Parameters
    ----------
    text : str
        The text (its first 5,000 characters are read).

    Returns
    -------
    str
        ``"fa"``, ``"ar"`` or ``"en"``, or ``""`` for a text with no letters.

    Examples
    --------
    >>> guess_language("این یک خبر است"), guess_language("هذا خبر عاجل من بغداد"), guess_language("")
    ('fa', 'ar', '')
    >>> guess_language("Iran and Iraq agreed on «امنیت مرزها»")
    'en'
    """
    sample = text[:5000]
    arabic_script = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if not arabic_script and not latin:
        return ""
    if latin > arabic_script:
        return "en"
    return "fa" if len(_PERSIAN_ONLY.findall(sample)) >= len(_ARABIC_ONLY.findall(sample)) else "ar"


_TRACKING = re.compile(r"^(?:utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|at_medium|at_campaign|ref_src)$", re.I)


def canonical_url(url: str) -> str:
    """A URL written one way, so that two spellings of one page are one key.

    Scheme and host in lower case, no default port, no fragment, no tracking parameters (``utm_*``,
    ``fbclid`` …), ``/`` for an empty path.

    Parameters
    ----------
    url : str
        An absolute URL.

    Returns
    -------
    str

    Examples
    --------
    >>> canonical_url("HTTPS://WWW.Isna.ir:443/news/1/?utm_source=tg&id=2#top")
    'https://www.isna.ir/news/1/?id=2'
    >>> canonical_url("https://www.farsnews.ir/news/13900606121623/سال-90?utm_medium=rss")
    'https://www.farsnews.ir/news/13900606121623/سال-90'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _site(url: str) -> str:
    """The host without ``www.``/``m.`` (for telling whether two URLs are one site)."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)


def _same_site(a: str, b: str) -> bool:
    sa, sb = _site(a), _site(b)
    if not sa or not sb:
        return False
    if sa == sb or sa.endswith("." + sb) or sb.endswith("." + sa):
        return True
    oa = outlet_for_url(a)
    return oa is not None and oa == outlet_for_url(b)


def _first(tree, xpath: str) -> str:
    found = tree.xpath(xpath)
    return str(found[0]).strip() if found else ""


_HTTP_EQUIV = "translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')"


def _page_metadata(tree) -> dict[str, str]:
    """What the page says about itself: canonical URL, language, site name, title, description."""
    return {
        "title": _title(tree),
        "description": _first(tree, '//meta[@name="description"]/@content')
        or _first(tree, '//meta[@property="og:description"]/@content')
        or _first(tree, '//meta[@name="twitter:description"]/@content'),
        "canonical": _first(tree, '//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href')
        or _first(tree, '//meta[@property="og:url"]/@content'),
        "lang": _first(tree, "/html/@lang")
        or _first(tree, "/html/@xml:lang")
        or _first(tree, f"//meta[{_HTTP_EQUIV}='content-language']/@content")
        or _first(tree, '//meta[@property="og:locale"]/@content'),
        "site_name": _first(tree, '//meta[@property="og:site_name"]/@content'),
    }


def _title(tree) -> str:
    """og:title, else the first <h1>, else <title> without the site's name after a dash or bar."""
    found = _first(tree, '//meta[@property="og:title"]/@content')
    found = found or _first(tree, '//meta[@name="twitter:title"]/@content')
    if not found:
        h1 = tree.xpath("//h1")
        found = re.sub(r"\s+", " ", h1[0].text_content()).strip() if h1 else ""
    if not found:
        found = re.sub(r"\s+", " ", _first(tree, "//title/text()"))
        parts = re.split(r"\s+[-|–—]\s+", found)
        found = max(parts, key=len) if parts else found
    return found


def _date(tree) -> str:
    """The publication day, ``YYYY-MM-DD``, as htmldate reads it from the page's markup (meta tags, JSON-LD,
    <time>), or ""."""
    import htmldate

    with contextlib.suppress(Exception):  # htmldate raises on odd markup; a date is not worth losing a page
        return htmldate.find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d") or ""
    return ""


def _main_text(tree, url: str) -> str:
    """The article's text by trafilatura, favouring precision (no comments, no link lists): first its own
    extractor alone, then, when that finds next to nothing, with readability and jusText to compare."""
    import trafilatura

    # A table that holds paragraphs, headings or lists lays the page out (old Persian sites do): read as a
    # table, its cells would run the article's paragraphs into one line.
    layout = bool(tree.xpath("//table[.//p or .//h1 or .//h2 or .//table or .//ul]"))
    options = {
        "url": url or None,
        "include_comments": False,
        "include_tables": not layout,
        "include_images": False,
        "favor_precision": True,
        "deduplicate": False,
    }
    text = ""
    for fast in (True, False):
        doc = trafilatura.bare_extraction(deepcopy(tree) if fast else tree, fast=fast, **options)
        text = (doc.text or "") if doc is not None else ""
        if len(text.split()) >= 2 * MIN_WORDS:
            break
    return text


def _language(declared: str, text: str) -> str:
    code = re.split(r"[-_]", declared.strip().lower())[0] if declared.strip() else ""
    return code if re.fullmatch(r"[a-z]{2,3}", code) else guess_language(text)


#: A short line with a date in it («رووداو - أربيل 01-05-2024», «۱۲ اردیبهشت ۱۴۰۳ - ۱۰:۲۰»).
_DATELINE = re.compile(r"^(?=(?:\S+\s+){0,7}\S*$).*(?:\d{1,4}[-/.:]\d{1,2}|[\d۰-۹٠-٩]{1,2}:[\d۰-۹٠-٩]{2})")


def _same(a: str, b: str) -> bool:
    return bool(a) and re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()


def extract(
    data: bytes | str,
    url: str = "",
    *,
    charset: str | None = None,
    fetched_at: str = "",
    name: str = "",
) -> dict[str, str]:
    """One page's row, from its raw bytes or decoded text: the article's main text and what the page says.

    The ZWNJs and other format characters of the page are kept (trafilatura alone drops them). The headline,
    the lead and a dateline that the page prints above the article are not repeated in ``text``.

    Parameters
    ----------
    data : bytes or str
        The raw page, or its decoded text (``encoding`` is then ``"str"``).
    url : str, default ""
        Where the page was fetched; empty for a saved page, whose canonical URL then stands in.
    charset : str, optional
        The charset its HTTP response declared.
    fetched_at : str, default ""
        When it was fetched (UTC, ISO 8601).
    name : str, default ""
        What error messages call the page (the URL or file; default ``url``, else ``"<page>"``).

    Returns
    -------
    dict of str to str
        The :data:`COLUMNS`, ``duplicate_of`` empty. ``doc_id`` is the page's canonical URL, else ``url`` ("" for
        a saved page that names none); a canonical URL on another site (a syndicated copy) is not taken.
        ``url`` is ``url`` written by :func:`canonical_url` (for a saved page: ``doc_id``).

    Raises
    ------
    CollectError
        When the bytes are not text, it is not an HTML page, or the page holds no article (fewer than
        :data:`MIN_WORDS` words of main text).

    Examples
    --------
    >>> page = '''<html lang="fa"><head><title>نمایشگاه کتاب - ایرنا</title>
    ... <meta property="og:title" content="نمایشگاه کتاب تهران آغاز به کار کرد">
    ... <meta name="description" content="سی‌وپنجمین نمایشگاه کتاب تهران امروز گشایش یافت.">
    ... <meta property="article:published_time" content="2024-05-08T09:30:00+03:30">
    ... <link rel="canonical" href="https://www.irna.ir/news/85000001/"></head>
    ... <body><nav><a href="/">صفحه اصلی</a> <a href="/politics">سیاسی</a></nav><article>
    ... <p>به گزارش ایرنا، سی‌وپنجمین نمایشگاه بین‌المللی کتاب تهران صبح امروز با حضور ناشران داخلی و خارجی
    ... در مصلای امام خمینی گشایش یافت.</p>
    ... <p>ناشران از ۳۰ کشور در این دوره شرکت کرده‌اند و نمایشگاه تا ده روز ادامه دارد.</p>
    ... </article></body></html>'''
    >>> row = extract(page, "https://www.irna.ir/news/85000001/?utm_source=telegram")
    >>> row["doc_id"], row["outlet"], row["date"], row["language"]
    ('https://www.irna.ir/news/85000001/', 'IRNA', '2024-05-08', 'fa')
    >>> print(row["title"])
    نمایشگاه کتاب تهران آغاز به کار کرد
    >>> print(row["text"].split("\\n")[1])
    ناشران از ۳۰ کشور در این دوره شرکت کرده‌اند و نمایشگاه تا ده روز ادامه دارد.
    """
    from trafilatura.utils import load_html

    name = name or url or "<page>"
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if isinstance(data, str):
        text, encoding = data, "str"
    else:
        text, encoding = decode_html(data, charset, name)
    protected, restore = _protect(text)
    tree = load_html(protected)
    if tree is None:
        raise CollectError(f"{name}: not an HTML page")
    meta = _page_metadata(tree)
    base = url or meta["canonical"]
    found = meta["canonical"]
    found = urljoin(url, found) if found and url else found
    if not found.lower().startswith(("http://", "https://")) or (url and not _same_site(found, url)):
        found = ""  # another site's canonical (a syndicated copy) does not make this page that site's article
    date = _date(tree)  # before the extraction, which prunes the tree
    body = restore(_main_text(tree, base))
    if len(body.split()) < MIN_WORDS:
        raise CollectError(f"{name}: no article text found (a section page, a video or an error page?)")
    title, lead = restore(meta["title"]), restore(meta["description"])
    lines = body.split("\n")
    # trafilatura keeps the headline, the lead and a dateline when the page prints them above the article: the
    # first two are columns of their own, the last is not text
    while len(lines) > 1 and (_same(title, lines[0]) or _same(lead, lines[0]) or _DATELINE.search(lines[0])):
        lines.pop(0)
    body = "\n".join(lines)
    page_url = canonical_url(url) if url else ""
    doc_id = canonical_url(found) if found else page_url
    outlet = outlet_for_url(page_url) or outlet_for_url(doc_id) or ""
    if not outlet and meta["site_name"]:
        outlet = canonical(restore(meta["site_name"])) or ""
    return {
        "doc_id": doc_id,
        "outlet": outlet,
        "title": title,
        "text": body,
        "lead": lead,
        "date": date,
        "language": _language(meta["lang"], body),
        "url": page_url or doc_id,
        "fetched_at": fetched_at,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "duplicate_of": "",
        "encoding": encoding,
    }


def mark_duplicates(articles: pd.DataFrame, *, before: pd.DataFrame | None = None) -> pd.Series:
    """Which rows are near-duplicates of an earlier one: a wire story reprinted on several sites is one group.

    The test is the one the corpora are built with (:func:`toolkit.datasets._build.find_duplicates`): the same
    text after character normalization, or at least 80 % of the shorter text's word 5-grams in the other. The
    same page reached twice (the same ``doc_id``) is not its own duplicate.

    Parameters
    ----------
    articles : pandas.DataFrame
        Rows with ``doc_id`` and ``text``.
    before : pandas.DataFrame, optional
        Rows seen earlier (``doc_id`` and ``text``), which come first: a row of ``articles`` may be a copy of one
        of them.

    Returns
    -------
    pandas.Series
        ``duplicate_of`` for each row of ``articles`` (same index): the ``doc_id`` of the first copy (in row
        order, rows of ``before`` first) of a near-duplicate text, or "".

    Examples
    --------
    >>> story = " ".join(f"واژه{i}" for i in range(60))
    >>> df = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [story, "خبر دیگر " * 30, "به گزارش مهر، " + story]})
    >>> mark_duplicates(df).tolist()
    ['', '', 'a']
    >>> mark_duplicates(df.iloc[2:], before=df.iloc[:1]).tolist()
    ['a']
    """
    from toolkit.datasets._build import find_duplicates

    earlier = before if before is not None else articles.iloc[:0]
    ids = [*earlier["doc_id"].astype(str), *articles["doc_id"].astype(str)]
    texts = [*earlier["text"].fillna("").astype(str), *articles["text"].fillna("").astype(str)]
    if not ids:
        return pd.Series([], dtype=object, index=articles.index)
    order = [f"{i:012d}" for i in range(len(ids))]  # find_duplicates keeps the smallest id: the first row
    first = find_duplicates(order, texts)
    out = [ids[int(first[o])] if o in first else "" for o in order[len(earlier) :]]
    # the same page reached twice is the same document, not a reprint of itself
    out = [d if d != i else "" for d, i in zip(out, ids[len(earlier) :], strict=True)]
    return pd.Series(out, dtype=object, index=articles.index)


# --- fetching ---------------------------------------------------------------------------------------------------


@dataclass
class Response:
    """A fetched page, as :meth:`Fetcher.get` returns it.

    Parameters
    ----------
    url : str
        The URL asked for.
    final_url : str
        Where it ended, after redirects.
    status : int
        The HTTP status.
    content : bytes
        The body.
    content_type : str, default ""
        The media type, in lower case, without parameters (``"text/html"``).
    charset : str, optional
        The charset of the ``Content-Type`` header, if it names one.
    headers : dict of str to str
        The response headers, names in lower case.
    fetched_at : str, default ""
        When the response came (UTC, ISO 8601).

    Examples
    --------
    >>> story = "به گزارش ایسنا، قیمت نان در تهران از هفته آینده افزایش نمی‌یابد. " * 3
    >>> html = f"<html><body><p>{story}</p></body></html>"
    >>> page = Response("https://www.isna.ir/news/1/", "https://www.isna.ir/news/1/", 200, html.encode(),
    ...                 content_type="text/html", charset="utf-8")
    >>> extract(page.content, page.final_url, charset=page.charset)["outlet"]
    'ISNA'
    """

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str = ""
    charset: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""


_RETRY = {429, 500, 502, 503, 504}
_REDIRECT = {301, 302, 303, 307, 308}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _reason(e: Exception) -> str:
    """A short reason for a network failure (requests' messages are long and nested)."""
    import requests

    if isinstance(e, requests.Timeout):
        return "timed out"
    m = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(e))
    if m:
        return m.group(1).strip().rstrip(".").lower()
    if isinstance(e, requests.ConnectionError):
        return "connection failed"
    return type(e).__name__


class Fetcher:
    """HTTP for collecting news, politely: robots.txt obeyed, one host at a time, retries with backoff.

    At most one request per ``delay`` seconds to each host (longer if robots.txt asks with ``Crawl-delay``),
    retries with exponential backoff on 429 and 5xx (``Retry-After`` honoured, up to ``max_wait`` seconds), a
    ``timeout`` for the whole of each response, at most ``max_bytes`` per page, redirects followed one at a time
    (each checked against robots.txt and the rate limit; a loop is an error), and ``user_agent`` sent with every
    request. Every request sent is listed in ``log``: ``(clock time, method, URL)``.

    Parameters
    ----------
    user_agent : str, default USER_AGENT
        Sent with every request, and the name robots.txt rules are read for.
    delay : float, default 1.0
        The least time between two requests to one host, in seconds.
    timeout : float, default 30.0
        The most time for the whole of one response, in seconds.
    max_bytes : int, default 10_000_000
        The largest page read; a larger one is an error.
    retries : int, default 3
        How many times a failed request (a network error, or HTTP 429, 500, 502, 503, 504) is tried again.
    backoff : float, default 1.0
        The wait before retry ``n`` (from 0) is ``backoff * 2**n`` seconds, unless the server says otherwise
        with ``Retry-After``.
    max_wait : float, default 60.0
        The longest wait before retrying a 429 or 5xx, in seconds (a longer ``Retry-After`` is cut to it).
    max_redirects : int, default 10
        How many redirects one request may follow.
    proxies : dict of str to str, optional
        requests' mapping (``{"http": "http://proxy:3128"}``), beside which the usual ``HTTP_PROXY`` variables are
        read.
    clock : callable, default time.monotonic
        The time now, in seconds (tests pass a fake clock).
    sleep : callable, default time.sleep
        Waits a number of seconds (tests pass a fake one that only moves their clock).

    Raises
    ------
    ValueError
        For a negative ``delay`` or ``retries``, or a ``timeout`` or ``max_bytes`` that is not positive.

    Examples
    --------
    Nothing here reaches the network until :meth:`get` (or :meth:`robots`) is called:

    >>> fetcher = Fetcher(delay=2.0)
    >>> fetcher.get("ftp://www.isna.ir/news/1/")
    Traceback (most recent call last):
    ...
    toolkit.collect.CollectError: ftp://www.isna.ir/news/1/: not an http(s) URL
    >>> fetcher.log
    []
    >>> Fetcher(delay=-1)
    Traceback (most recent call last):
    ...
    ValueError: delay must be ≥ 0, timeout and max_bytes > 0, retries ≥ 0

    Fetching a page needs the network, so this is not run as a test:

    >>> page = fetcher.get("https://www.isna.ir/")  # doctest: +SKIP
    >>> page.status, page.content_type  # doctest: +SKIP
    (200, 'text/html')
    >>> [url for _, _, url in fetcher.log]  # doctest: +SKIP
    ['https://www.isna.ir/robots.txt', 'https://www.isna.ir/']
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        delay: float = 1.0,
        timeout: float = 30.0,
        max_bytes: int = 10_000_000,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        max_redirects: int = 10,
        proxies: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        import requests

        if delay < 0 or timeout <= 0 or max_bytes <= 0 or retries < 0:
            raise ValueError("delay must be ≥ 0, timeout and max_bytes > 0, retries ≥ 0")
        self.user_agent = user_agent
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.max_redirects = max_redirects
        self.proxies = proxies
        self.clock = clock
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": user_agent, "Accept-Language": "fa, ar;q=0.9, *;q=0.5"})
        self.log: list[tuple[float, str, str]] = []
        self._next: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    # -- politeness --
    @staticmethod
    def host(url: str) -> str:
        """The scheme and host of a URL, in lower case: what the rate limit and robots.txt are kept by.

        Parameters
        ----------
        url : str

        Returns
        -------
        str

        Examples
        --------
        >>> Fetcher.host("HTTPS://WWW.Isna.ir/news/1/")
        'https://www.isna.ir'
        """
        p = urlsplit(url)
        return f"{p.scheme.lower()}://{p.netloc.lower()}"

    def ready_at(self, url: str) -> float:
        """The clock time at which a request to a URL's host may be sent.

        Parameters
        ----------
        url : str

        Returns
        -------
        float
            A time of ``clock``; minus infinity for a host not asked yet.

        Examples
        --------
        >>> Fetcher().ready_at("https://www.isna.ir/news/1/")
        -inf
        """
        return self._next.get(self.host(url), float("-inf"))

    def _wait_turn(self, url: str) -> None:
        wait = self.ready_at(url) - self.clock()
        if wait > 0:
            self.sleep(wait)

    def _interval(self, host: str) -> float:
        rp = self._robots.get(host)
        crawl_delay = rp.crawl_delay(self.user_agent) if rp is not None else None
        with contextlib.suppress(TypeError, ValueError):
            return max(self.delay, float(crawl_delay or 0))
        return self.delay

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The robots.txt rules of a URL's host, fetched once and kept.

        A missing file (4xx) allows everything; 401 and 403 forbid everything, and so does a robots.txt that
        cannot be had (5xx, timeout), as RFC 9309 says.

        Parameters
        ----------
        url : str
            Any URL of the host.

        Returns
        -------
        urllib.robotparser.RobotFileParser

        Examples
        --------
        Reading robots.txt needs the network, so this is not run as a test:

        >>> rules = Fetcher().robots("https://www.isna.ir/news/1/")  # doctest: +SKIP
        >>> rules.can_fetch(USER_AGENT, "https://www.isna.ir/")  # doctest: +SKIP
        True
        """
        host = self.host(url)
        if host in self._robots:
            return self._robots[host]
        rp = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            r = self._get(host + "/robots.txt", check_robots=False, max_bytes=500_000, what="robots.txt")
            rp.parse(decode_html(r.content, r.charset, host + "/robots.txt")[0].splitlines())
        except CollectError as e:
            status = e.status
            if status in (401, 403):
                rp.disallow_all = True
            elif status is not None and 400 <= status < 500:
                rp.allow_all = True
            else:
                rp.disallow_all = True
        rp.modified()
        self._robots[host] = rp
        return rp

    def allowed(self, url: str) -> bool:
        """May a URL be fetched, by its host's robots.txt (read for ``user_agent``)?

        Parameters
        ----------
        url : str

        Returns
        -------
        bool

        Examples
        --------
        Reading robots.txt needs the network, so this is not run as a test:

        >>> Fetcher().allowed("https://www.isna.ir/news/1/")  # doctest: +SKIP
        True
        """
        return self.robots(url).can_fetch(self.user_agent, url)

    # -- requests --
    def get(self, url: str) -> Response:
        """Fetch a URL: robots.txt first, then the page, following redirects.

        Parameters
        ----------
        url : str
            An ``http://`` or ``https://`` URL.

        Returns
        -------
        Response
            ``url`` is the URL asked for, ``final_url`` where the redirects ended.

        Raises
        ------
        CollectError
            Saying in one line naming the URL why not: not an http(s) URL, disallowed by robots.txt, a redirect loop
            or too many redirects, an HTTP error, a page over ``max_bytes``, a timeout or a network error
            (``permanent`` False for what may work later: timeouts, network errors, 429, 500, 502, 503, 504).

        Examples
        --------
        >>> Fetcher().get("isna.ir/news/1/")
        Traceback (most recent call last):
        ...
        toolkit.collect.CollectError: isna.ir/news/1/: not an http(s) URL

        Fetching needs the network, so this is not run as a test:

        >>> page = Fetcher().get("https://www.isna.ir/news/1/")  # doctest: +SKIP
        >>> extract(page.content, page.final_url, charset=page.charset)["outlet"]  # doctest: +SKIP
        'ISNA'
        """
        if not url.lower().startswith(("http://", "https://")):
            raise CollectError(f"{url}: not an http(s) URL")
        return self._get(url, check_robots=True, max_bytes=self.max_bytes, what="")

    def _get(self, url: str, *, check_robots: bool, max_bytes: int, what: str) -> Response:
        seen = [url]
        current = url
        while True:
            if check_robots and not self.allowed(current):
                where = "" if current == url else f" (redirected to {current})"
                raise CollectError(f"{url}: disallowed by robots.txt{where}; not fetched")
            r = self._request_with_retries(current, max_bytes, url, what)
            if r.status in _REDIRECT and r.headers.get("location"):
                target = urljoin(current, r.headers["location"])
                if target in seen:
                    raise CollectError(f"{url}: redirect loop ({' → '.join([*seen[seen.index(target) :], target])})")
                if len(seen) > self.max_redirects:
                    raise CollectError(f"{url}: more than {self.max_redirects} redirects")
                seen.append(target)
                current = target
                continue
            if r.status >= 400:
                reason = f"HTTP {r.status} {_status_text(r.status)}".strip()
                raise CollectError(f"{url}: {reason}{what and ' for ' + what}", status=r.status)
            r.url = url
            return r

    def _request_with_retries(self, url: str, max_bytes: int, asked: str, what: str) -> Response:
        import requests

        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                r = self._request(url, max_bytes, asked)
            except (requests.RequestException, OSError) as e:
                if isinstance(e, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
                    raise CollectError(f"{asked}: invalid URL") from None
                if last:
                    tries = f" after {self.retries} retries" if self.retries else ""
                    raise CollectError(f"{asked}: {_reason(e)}{tries}", permanent=False) from None
                self.sleep(self.backoff * 2**attempt)
                continue
            if r.status not in _RETRY:
                return r
            if last:
                tries = f" after {self.retries} retries" if self.retries else ""
                reason = f"HTTP {r.status} {_status_text(r.status)}".strip()
                raise CollectError(f"{asked}: {reason}{tries}", permanent=False, status=r.status)
            wait = _retry_after(r.headers.get("retry-after"))
            self.sleep(min(self.max_wait, wait if wait is not None else self.backoff * 2**attempt))
        raise AssertionError("unreachable")

    def _request(self, url: str, max_bytes: int, asked: str) -> Response:
        self._wait_turn(url)
        start = self.clock()
        host = self.host(url)
        self._next[host] = start + self._interval(host)
        self.log.append((start, "GET", url))
        with self.session.get(
            url, stream=True, allow_redirects=False, timeout=self.timeout, proxies=self.proxies
        ) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            size = headers.get("content-length", "")
            if resp.status_code < 300 and size.isdigit() and int(size) > max_bytes:
                raise CollectError(f"{asked}: {int(size) / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:g} MB")
            chunks, total = [], 0
            if resp.status_code < 300:
                for chunk in resp.iter_content(65536):
                    total += len(chunk)
                    if total > max_bytes:
                        raise CollectError(f"{asked}: larger than the limit of {max_bytes / 1e6:g} MB; not read")
                    if self.clock() - start > self.timeout:
                        raise CollectError(f"{asked}: timed out after {self.timeout:g} s", permanent=False)
                    chunks.append(chunk)
            content_type = headers.get("content-type", "")
            m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
            return Response(
                url=url,
                final_url=url,
                status=resp.status_code,
                content=b"".join(chunks),
                content_type=content_type.split(";")[0].strip().lower(),
                charset=m.group(1) if m else None,
                headers=headers,
                fetched_at=_now(),
            )


def _status_text(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
    return None


# --- reading pages and feeds ---------------------------------------------------------------------------------


def _is_url(s) -> bool:
    return isinstance(s, str) and s.lower().startswith(("http://", "https://"))


def _files(item, suffixes: tuple[str, ...]) -> list[Path]:
    p = Path(item)
    if p.is_dir():
        return sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(suffixes))
    if p.is_file():
        return [p]
    if re.search(r"[*?[]", str(item)):
        found = (Path(f) for f in glob.glob(str(item), recursive=True))
        return sorted(f for f in found if f.is_file() and f.name.lower().endswith(suffixes))
    raise CollectError(f"{item}: no such file or folder")


def _file_time(path: Path) -> str:
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.name.lower().endswith(".gz") else data
    except (OSError, EOFError) as e:
        raise CollectError(f"{path}: cannot read ({getattr(e, 'strerror', None) or e})") from None


def _page_from_file(path: Path, root: Path | None) -> dict[str, str]:
    row = extract(_read_bytes(path), fetched_at=_file_time(path), name=str(path))
    if not row["doc_id"]:  # no canonical URL in the page: its path, as load_corpus names a .txt file
        rel = path.relative_to(root) if root else Path(path.name)
        row["doc_id"] = re.sub(r"\.(html?|xhtml)(\.gz)?$", "", rel.as_posix(), flags=re.I)
    return row


def read_html(
    paths_or_urls,
    *,
    fetcher: Fetcher | None = None,
    errors: str = "warn",
) -> pd.DataFrame:
    """The articles of saved pages and of URLs, as a DataFrame of :data:`COLUMNS`, near-duplicates marked.

    A page that cannot be read or holds no article is left out; the messages of the pages left out are in
    ``df.attrs["errors"]``.

    Parameters
    ----------
    paths_or_urls : str, os.PathLike or iterable of them
        Saved pages (files, folders searched for ``.html``/``.htm``, also gzipped, or globs) and URLs (fetched
        politely by ``fetcher``).
    fetcher : Fetcher, optional
        What fetches the URLs; a default :class:`Fetcher` if None.
    errors : {"warn", "ignore", "raise"}, default "warn"
        For a page left out: warn with one line naming it, say nothing, or raise its :class:`CollectError`.

    Returns
    -------
    pandas.DataFrame
        One row per article, :data:`COLUMNS`, in the order given, with near-duplicates marked in
        ``duplicate_of`` (:func:`mark_duplicates`).

    Raises
    ------
    ValueError
        For another value of ``errors``.
    CollectError
        With ``errors="raise"``, for the first page that cannot be had or holds no article.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> story = "<p>" + "به گزارش ایرنا، نمایشگاه مشترک تجاری ایران و عراق در کربلا برگزار می‌شود. " * 3 + "</p>"
    >>> pages = {
    ...     "irna.html": '<link rel="canonical" href="https://www.irna.ir/news/1/">' + story,
    ...     "mehr.html": '<meta property="og:url" content="https://www.mehrnews.com/news/9/">'
    ...     '<p>به گزارش مهر،</p>' + story,
    ...     "menu.html": '<html><body><nav><a href="/">صفحه اصلی</a></nav></body></html>',
    ... }
    >>> d = pathlib.Path(tmp.name)
    >>> for name, html in pages.items():
    ...     _ = (d / name).write_text(html, encoding="utf-8")
    >>> df = read_html(d, errors="ignore")
    >>> df[["doc_id", "outlet", "duplicate_of"]].values.tolist()
    [['https://www.irna.ir/news/1/', 'IRNA', ''], ['https://www.mehrnews.com/news/9/', 'Mehr News Agency', 'https://www.irna.ir/news/1/']]
    >>> len(df.attrs["errors"])  # menu.html: no article text
    1
    >>> tmp.cleanup()
    """
    if errors not in ("warn", "ignore", "raise"):
        raise ValueError(f"errors must be 'warn', 'ignore' or 'raise', not {errors!r}")
    items = [paths_or_urls] if isinstance(paths_or_urls, str | os.PathLike) else list(paths_or_urls)
    rows, failed = [], []
    for item in items:
        try:
            if _is_url(item):
                fetcher = fetcher or Fetcher()
                r = fetcher.get(item)
                sources = [lambda r=r: extract(r.content, r.final_url, charset=r.charset, fetched_at=r.fetched_at)]
            else:
                root = Path(item) if Path(item).is_dir() else None
                found = _files(item, PAGE_SUFFIXES)
                if not found and root is not None:
                    raise CollectError(f"{item}: no .html or .htm files in this folder")
                sources = [lambda f=f, root=root: _page_from_file(f, root) for f in found]
        except CollectError as e:
            if errors == "raise":
                raise
            failed.append(str(e))
            continue
        for make in sources:
            try:
                rows.append(make())
            except CollectError as e:
                if errors == "raise":
                    raise
                failed.append(str(e))
    if errors == "warn":
        for message in failed:
            warnings.warn(message, stacklevel=2)
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["duplicate_of"] = mark_duplicates(df)
    df.attrs["errors"] = failed
    return df


def _plain(html_text: str) -> str:
    """The text of an HTML fragment (a feed's summary), entities decoded, whitespace collapsed."""
    import html as html_module

    if "<" in html_text:
        from lxml import html as lxml_html

        with contextlib.suppress(Exception):
            html_text = lxml_html.fragment_fromstring(html_text, create_parent="div").text_content()
    return re.sub(r"\s+", " ", html_module.unescape(html_text)).strip()


def _feed_date(entry) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return dt.datetime(*t[:6], tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
    return ""


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Is this an RSS or Atom document, by its media type or its first element?

    Parameters
    ----------
    data : bytes
        The document (its first 2 KB are read).
    content_type : str, default ""
        The media type its HTTP response declared.

    Returns
    -------
    bool
        True when ``content_type`` names RSS, Atom or RDF, or the document's first element (after a BOM, an
        XML declaration, a stylesheet and comments) is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``.

    Examples
    --------
    >>> looks_like_feed('<?xml version="1.0"?><rss version="2.0"><channel><title>ایسنا</title>'.encode())
    True
    >>> looks_like_feed("<html><body><p>خبر</p></body></html>".encode()), looks_like_feed(b"", "application/rss+xml")
    (False, True)
    """
    if any(t in content_type for t in ("rss", "atom", "rdf")):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    head = re.sub(rb"^(<\?xml[^>]*>|<!--.*?-->|<\?xml-stylesheet[^>]*>|\s)+", b"", head, flags=re.S)
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def parse_feed(data: bytes, source: str, warn: Callable[[str], None] | None = None) -> pd.DataFrame:
    """The items of a feed's bytes, one row each.

    Parameters
    ----------
    data : bytes
        An RSS or Atom document.
    source : str
        What messages and the ``feed`` column call the feed (its URL or file); a URL also resolves relative item
        links when the feed names no link of its own.
    warn : callable, optional
        Told, in one line, that a malformed feed was read anyway.

    Returns
    -------
    pandas.DataFrame
        :data:`FEED_COLUMNS`; relative links are resolved against the feed's link, summaries are plain text.

    Raises
    ------
    CollectError
        For a document with no item that is not RSS or Atom. A malformed one whose items feedparser can still read
        gives them, and ``warn`` is told.

    Examples
    --------
    >>> atom = '''<feed xmlns="http://www.w3.org/2005/Atom"><title>همشهری آنلاین</title>
    ... <link href="https://www.hamshahrionline.ir/"/><entry><title>بازگشایی مدارس</title>
    ... <link href="/news/7/"/><updated>2024-09-22T08:00:00Z</updated>
    ... <summary>مدارس از &lt;b&gt;اول مهر&lt;/b&gt; باز می‌شوند.</summary></entry></feed>'''
    >>> items = parse_feed(atom.encode(), "hamshahri.atom")
    >>> items[["link", "date", "outlet"]].values.tolist()
    [['https://www.hamshahrionline.ir/news/7/', '2024-09-22T08:00:00Z', 'Hamshahri Online']]
    >>> print(items.loc[0, "summary"])
    مدارس از اول مهر باز می‌شوند.
    >>> problems = []
    >>> broken = '<rss version="2.0"><channel><item><title>خبر فوری</title><link>https://www.isna.ir/news/1/</link>'
    >>> len(parse_feed(broken.encode(), "isna.xml", warn=problems.append)), len(problems)
    (1, 1)
    """
    import feedparser

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    reason = re.sub(r"\s+", " ", str(problem)).strip() if problem is not None else ""
    if not parsed.entries:
        if not parsed.get("version") or parsed.get("bozo"):
            raise CollectError(f"{source}: not a readable RSS or Atom feed{f' ({reason})' if reason else ''}")
    elif parsed.get("bozo") and warn is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        n = len(parsed.entries)
        warn(f"{source}: malformed feed ({reason}); read {n} item{'s' * (n != 1)} anyway")
    feed_link = parsed.feed.get("link", "") or (source if _is_url(source) else "")
    feed_outlet = outlet_for_url(feed_link) or canonical(parsed.feed.get("title", "") or "") or ""
    rows = []
    for entry in parsed.entries:
        link = entry.get("link", "") or ""
        if link and feed_link and not urlsplit(link).scheme:
            link = urljoin(feed_link, link)
        rows.append(
            {
                "link": link,
                "title": _plain(entry.get("title", "") or ""),
                "summary": _plain(entry.get("summary", "") or ""),
                "date": _feed_date(entry),
                "outlet": outlet_for_url(link) or feed_outlet,
                "feed": source,
            }
        )
    return pd.DataFrame(rows, columns=FEED_COLUMNS)


def read_feed(url_or_path: str | os.PathLike, *, fetcher: Fetcher | None = None) -> pd.DataFrame:
    """One row per item of an RSS or Atom feed, from a URL or a saved file.

    The items' pages are not fetched: :func:`read_html` or :func:`collect` do that.

    Parameters
    ----------
    url_or_path : str or os.PathLike
        The feed's URL (fetched politely by ``fetcher``) or a saved file (gzipped too).
    fetcher : Fetcher, optional
        What fetches a URL; a default :class:`Fetcher` if None.

    Returns
    -------
    pandas.DataFrame
        :data:`FEED_COLUMNS`, as :func:`parse_feed` gives them.

    Raises
    ------
    CollectError
        For a file that does not exist or is not a feed, or a URL that cannot be had.

    Warns
    -----
    UserWarning
        For a malformed feed, whose readable items are given.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> feed = pathlib.Path(tmp.name) / "feed.xml"
    >>> _ = feed.write_text('<rss version="2.0"><channel><title>ایسنا</title><item><title>خبر فوری</title>'
    ...     '<link>https://www.isna.ir/news/1/</link><pubDate>Wed, 01 May 2024 10:20:00 +0330</pubDate>'
    ...     '</item></channel></rss>', encoding="utf-8")
    >>> read_feed(feed)[["link", "title", "outlet", "date"]].values.tolist()
    [['https://www.isna.ir/news/1/', 'خبر فوری', 'ISNA', '2024-05-01T06:50:00Z']]
    >>> tmp.cleanup()
    """
    source = str(url_or_path)
    if _is_url(source):
        data = (fetcher or Fetcher()).get(source).content
    else:
        path = Path(url_or_path)
        if not path.is_file():
            raise CollectError(f"{source}: no such file")
        data = _read_bytes(path)
    return parse_feed(data, source, warn=lambda message: warnings.warn(message, stacklevel=3))


# --- collect: the command ----------------------------------------------------------------------------------------


class _Store:
    """The output folder of :func:`collect`:

    ``articles/part-NNNNN.jsonl``   the rows (:data:`COLUMNS` and ``feed``, ``raw``), ``rows_per_shard`` per file; a
                                    file is never changed once written, so ``process`` can resume over them
    ``articles/part-NNNNN.jsonl.partial``  the shard being written (renamed when full, or at the end of a run)
    ``raw/ab/<sha256>.html.gz``     each raw page, gzipped, by its checksum (``reextract`` reads them)
    ``fetched.log``                 one JSON line per URL or file handled: what a rerun does not fetch again
    """

    def __init__(self, out: Path, rows_per_shard: int):
        self.out = out
        self.rows_per_shard = rows_per_shard
        (out / "articles").mkdir(parents=True, exist_ok=True)
        (out / "raw").mkdir(exist_ok=True)
        self.log_path = out / "fetched.log"
        self.done: set[str] = set()  # URLs (and file keys) not to handle again
        self.doc_ids: set[str] = set()
        self.feeds: set[str] = set()  # URLs that were feeds: read again by each run
        self.duplicates = 0
        self.earlier = pd.DataFrame(columns=["doc_id", "text", "url"])
        self.partial: list[dict] = []
        self.partial_path: Path | None = None
        self._recover()
        self._load()
        self._log = open(self.log_path, "a", encoding="utf-8")  # closed by close()

    def _shards(self) -> list[Path]:
        return sorted((self.out / "articles").glob("part-*.jsonl"))

    def _recover(self) -> None:
        """A run killed mid-shard left a ``.partial`` file: keep its whole lines as a finished shard."""
        for p in sorted((self.out / "articles").glob("part-*.jsonl.partial")):
            lines = p.read_bytes().split(b"\n")
            rows = []
            for line in lines:
                with contextlib.suppress(ValueError):
                    rows.append(json.loads(line))
            self.partial = rows
            self.partial_path = p
            self._load()
            self._finish()

    def _load(self) -> None:
        frames = []
        for shard in self._shards():
            rows = [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines() if line.strip()]
            frames.append(pd.DataFrame(rows, columns=[*COLUMNS, "feed", "raw"]))
        if frames:
            self.earlier = pd.concat(frames, ignore_index=True)[["doc_id", "text", "url"]]
            self.doc_ids = set(self.earlier["doc_id"])
            self.done |= set(self.earlier["url"]) | self.doc_ids
        if self.log_path.exists():
            for line in self.log_path.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError):
                    entry = json.loads(line)
                    if entry.get("kind") == "feed":
                        self.feeds.add(entry["key"])
                    elif entry.get("status") == "ok" or entry.get("permanent", True):
                        self.done.add(entry["key"])
                        if entry.get("final"):
                            self.done.add(entry["final"])

    def log(self, **entry) -> None:
        self._log.write(json.dumps({**entry, "time": _now()}, ensure_ascii=False) + "\n")
        self._log.flush()

    def keep_raw(self, content: bytes, sha256: str) -> str:
        rel = Path("raw") / sha256[:2] / f"{sha256}.html.gz"
        path = self.out / rel
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(gzip.compress(content, compresslevel=6, mtime=0))
            os.replace(tmp, path)
        return rel.as_posix()

    def add(self, row: dict) -> None:
        if self.partial_path is None:
            numbers = [int(p.name[5:10]) for p in self._shards()] + [-1]
            self.partial_path = self.out / "articles" / f"part-{max(numbers) + 1:05d}.jsonl.partial"
        self.partial.append(row)
        self.doc_ids.add(row["doc_id"])
        with open(self.partial_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        if len(self.partial) >= self.rows_per_shard:
            self._finish()

    def _finish(self) -> None:
        """Mark the near-duplicates of the rows of the shard being written and write it as a finished shard."""
        if self.partial_path is None:
            return
        if self.partial:
            df = pd.DataFrame(self.partial)
            df["duplicate_of"] = mark_duplicates(df, before=self.earlier).to_numpy()
            final = self.partial_path.with_suffix("")  # part-NNNNN.jsonl
            tmp = final.with_name(f".{final.name}.tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                for row in df.to_dict("records"):
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
            os.replace(tmp, final)
            self.earlier = pd.concat([self.earlier, df[["doc_id", "text", "url"]]], ignore_index=True)
            self.duplicates += int((df["duplicate_of"] != "").sum())
        self.partial_path.unlink(missing_ok=True)
        self.partial, self.partial_path = [], None

    def close(self) -> None:
        self._finish()
        self._log.close()


def collect(
    inputs: str | os.PathLike | Iterable,
    out: str | os.PathLike,
    *,
    fetcher: Fetcher | None = None,
    rows_per_shard: int = 500,
    progress: bool = True,
    on_error: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Collect articles from URLs, feeds and saved pages into a folder that ``python -m toolkit process`` reads.

    The rows are written as JSONL shards, each raw page kept beside them, near-duplicates marked. Feeds (URLs
    or files) are followed to their items, which are fetched host by host in turn, so one slow host does not
    hold up the others.

    Resumable: a URL whose page was had, or failed for good (404, robots.txt, no article), is not fetched again
    by a rerun, nor is a saved page already collected (the same file with the same bytes); a URL that failed
    for now (timeout, 5xx, 429) is, and so is a saved page that failed. Feeds named in ``inputs`` are read
    again on every run: that is how new items are found.

    The folder ``out``:

    - ``articles/part-NNNNN.jsonl``: the rows (:data:`COLUMNS` and ``feed``, ``raw``), ``rows_per_shard`` per
      file; a file is never changed once written, so ``process`` can resume over them (the shard being written
      is ``part-NNNNN.jsonl.partial``, renamed when full or at the end of a run);
    - ``raw/ab/<sha256>.html.gz``: each raw page, gzipped, by its checksum (:func:`reextract` reads them);
    - ``fetched.log``: one JSON line per URL or file handled.

    Parameters
    ----------
    inputs : str, os.PathLike or iterable of them
        URLs of pages or feeds, feed files (``.xml``, ``.rss``, ``.atom``), saved pages (``.html``, ``.htm``,
        also gzipped), folders of them, or globs.
    out : str or os.PathLike
        The output folder (created if need be).
    fetcher : Fetcher, optional
        What fetches the URLs; a default :class:`Fetcher` if None.
    rows_per_shard : int, default 500
        Rows per finished shard.
    progress : bool, default True
        Show a progress bar of the pages.
    on_error : callable, optional
        Told each failure in one line naming the URL or file (default: a warning).

    Returns
    -------
    dict of str to int
        ``articles`` written, ``skipped`` (had already), ``errors``, ``duplicates`` (among the rows written),
        ``feeds`` read, and ``failed_inputs`` (inputs themselves that failed, not feed items).

    Raises
    ------
    ValueError
        For no inputs, or ``rows_per_shard`` below 1.
    CollectError
        Before anything is fetched: for ``out`` that is a file, or a local input that does not exist or holds no
        page or feed.

    Examples
    --------
    Saved pages need no network:

    >>> import pathlib, tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> pages, out = pathlib.Path(tmp.name, "pages"), pathlib.Path(tmp.name, "news")
    >>> pages.mkdir()
    >>> story = "<p>" + "به گزارش ایرنا، نمایشگاه مشترک تجاری ایران و عراق در کربلا برگزار می‌شود. " * 3 + "</p>"
    >>> irna = '<link rel="canonical" href="https://www.irna.ir/news/1/">' + story
    >>> mehr = '<meta property="og:url" content="https://www.mehrnews.com/news/9/"><p>به گزارش مهر،</p>' + story
    >>> _ = (pages / "irna.html").write_bytes(irna.encode())
    >>> _ = (pages / "mehr.html").write_bytes(mehr.encode())
    >>> collect(pages, out, progress=False)
    {'articles': 2, 'skipped': 0, 'errors': 0, 'duplicates': 1, 'feeds': 0, 'failed_inputs': 0}
    >>> collect(pages, out, progress=False)  # a rerun: nothing new
    {'articles': 0, 'skipped': 2, 'errors': 0, 'duplicates': 0, 'feeds': 0, 'failed_inputs': 0}
    >>> sorted(p.name for p in out.iterdir()), sorted(p.name for p in (out / "articles").iterdir())
    (['articles', 'fetched.log', 'raw'], ['part-00000.jsonl'])
    >>> tmp.cleanup()

    Feeds and pages on the web need the network, so this is not run as a test:

    >>> collect(["https://www.isna.ir/rss", "https://www.irna.ir/news/85000001/"], "news/")  # doctest: +SKIP
    {'articles': 31, 'skipped': 0, 'errors': 0, 'duplicates': 2, 'feeds': 1, 'failed_inputs': 0}
    """
    from tqdm.auto import tqdm

    if rows_per_shard < 1:
        raise ValueError(f"rows_per_shard must be at least 1, not {rows_per_shard}")
    items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    if not items:
        raise ValueError("nothing to collect: give URLs, feeds or files")
    say = on_error or (lambda message: warnings.warn(message, stacklevel=3))
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CollectError(f"{out}: is a file; give a folder for --out")
    # local inputs are checked before anything is fetched: a typo is an error at once, not after an hour
    local = {str(i): _files(i, PAGE_SUFFIXES + FEED_SUFFIXES) for i in items if not _is_url(str(i))}
    for name, found in local.items():
        if not found:
            raise CollectError(f"{name}: no .html, .htm or feed (.xml, .rss, .atom) files")
    bar = tqdm(total=0, unit="page", disable=not progress, dynamic_ncols=True)
    run = _Run(_Store(out, rows_per_shard), fetcher or Fetcher(), bar, say)
    try:
        for item in items:
            name = str(item)
            if _is_url(name):
                run.read_url(name)
            else:
                root = Path(name) if Path(name).is_dir() else None
                for f in local[name]:
                    run.read_file(f, root)
        run.drain()
    finally:
        bar.close()
        run.store.close()
    run.counts["duplicates"] = run.store.duplicates
    return run.counts


class _Run:
    """One run of :func:`collect`: the store, the fetcher, the queues of feed items per host and the counts."""

    def __init__(self, store: _Store, fetcher: Fetcher, bar, say: Callable[[str], None]) -> None:
        self.store, self.fetcher, self.bar, self.say = store, fetcher, bar, say
        self.counts = {"articles": 0, "skipped": 0, "errors": 0, "duplicates": 0, "feeds": 0, "failed_inputs": 0}
        self.queues: dict[str, deque[tuple[str, str]]] = {}
        self.queued: set[str] = set()

    def fail(self, message: str, is_input: bool) -> None:
        self.counts["errors"] += 1
        self.counts["failed_inputs"] += is_input
        if not self.bar.disable:
            self.bar.clear()
        self.say(message)
        if not self.bar.disable:
            self.bar.refresh()

    def skip(self) -> None:
        self.counts["skipped"] += 1
        self.bar.update(1)

    def enqueue(self, url: str, feed: str) -> None:
        key = canonical_url(url)
        if key in self.queued:
            return
        self.queued.add(key)
        self.bar.total += 1
        if key in self.store.done or url in self.store.done:
            self.skip()
            return
        self.queues.setdefault(self.fetcher.host(url), deque()).append((url, feed))

    def add(self, row: dict, data: bytes, feed: str) -> None:
        """Keep a page's row and raw bytes, unless another URL or file reached the same article already."""
        row["feed"], row["raw"] = feed, self.store.keep_raw(data, row["sha256"])
        if row["doc_id"] in self.store.doc_ids:
            self.counts["skipped"] += 1
        else:
            self.store.add(row)
            self.counts["articles"] += 1

    def page(self, r: Response, feed: str, key: str) -> None:
        row = extract(r.content, r.final_url, charset=r.charset, fetched_at=r.fetched_at, name=r.url)
        self.add(row, r.content, feed)
        self.store.log(key=key, kind="page", status="ok", final=canonical_url(r.final_url), doc_id=row["doc_id"])

    def feed(self, data: bytes, source: str) -> None:
        items = parse_feed(data, source, warn=self.say)
        self.counts["feeds"] += 1
        for link in items["link"]:
            if _is_url(link):
                self.enqueue(link, source)
            elif link:
                self.fail(f"{source}: item link {link!r} is not an http(s) URL", False)

    def read_file(self, f: Path, root: Path | None) -> None:
        """A saved page or feed named among the inputs (or found in a folder of them)."""
        try:
            data = _read_bytes(f)
            if f.name.lower().endswith(FEED_SUFFIXES) or looks_like_feed(data):
                self.feed(data, str(f))
                return
            key = f"file://{f.resolve()}#{hashlib.sha256(data).hexdigest()}"
            self.bar.total += 1
            if key in self.store.done:
                self.skip()
                return
            row = _page_from_file(f, root)
            self.add(row, data, "")
            self.store.log(key=key, kind="file", status="ok", doc_id=row["doc_id"])
            self.bar.update(1)
        except CollectError as e:
            self.bar.update(1)
            self.fail(str(e), True)

    def read_url(self, name: str) -> None:
        """A URL among the inputs: a feed, read again on every run, or a page, fetched once."""
        key = canonical_url(name)
        if key in self.store.done and key not in self.store.feeds:
            self.queued.add(key)
            self.bar.total += 1
            self.skip()
            return
        try:
            self.bar.total += 1
            r = self.fetcher.get(name)
            self.bar.update(1)
            self.queued.add(key)
            if looks_like_feed(r.content, r.content_type):
                self.store.log(key=key, kind="feed", status="ok")
                self.feed(r.content, name)
            else:
                self.page(r, "", key)
        except CollectError as e:
            self.bar.update(1)
            self.fail(str(e), True)
            self.store.log(key=key, kind="page", status="error", error=str(e), permanent=e.permanent)

    def drain(self) -> None:
        """Fetch the queued feed items, host by host in turn: waits on one host overlap requests to the others."""
        while any(self.queues.values()):
            host = min((h for h, q in self.queues.items() if q), key=lambda h: self.fetcher.ready_at(h + "/"))
            url, feed = self.queues[host].popleft()
            key = canonical_url(url)
            try:
                self.page(self.fetcher.get(url), feed, key)
            except CollectError as e:
                self.fail(str(e), False)
                self.store.log(key=key, kind="page", status="error", error=str(e), permanent=e.permanent)
            self.bar.update(1)


def reextract(out: str | os.PathLike) -> pd.DataFrame:
    """The rows of a :func:`collect` folder, extracted again from the raw pages kept in it.

    For after an upgrade of trafilatura, say: nothing is fetched.

    Parameters
    ----------
    out : str or os.PathLike
        A folder :func:`collect` wrote.

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS` plus ``feed`` and ``raw``, in the order collected, duplicates marked anew.

    Raises
    ------
    CollectError
        When the folder holds no collected articles (``articles/part-*.jsonl``).
    FileNotFoundError
        When a raw page that a row names is not in the folder.

    Examples
    --------
    A saved page, gzipped (collect reads those too), collected and then extracted again:

    >>> import gzip, pathlib, tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> html = ('<link rel="canonical" href="https://www.tasnimnews.com/fa/news/3/"><p>'
    ...         + "به گزارش تسنیم، مسابقات کشتی آزاد قهرمانی آسیا از امروز در بیشکک آغاز شد. " * 2 + "</p>")
    >>> _ = pathlib.Path(tmp.name, "tasnim.html.gz").write_bytes(gzip.compress(html.encode()))
    >>> _ = collect(pathlib.Path(tmp.name, "tasnim.html.gz"), pathlib.Path(tmp.name, "news"), progress=False)
    >>> again = reextract(pathlib.Path(tmp.name, "news"))
    >>> again[["doc_id", "outlet", "duplicate_of"]].values.tolist(), list(again.columns[-2:])
    ([['https://www.tasnimnews.com/fa/news/3/', 'Tasnim News Agency', '']], ['feed', 'raw'])
    >>> reextract(tmp.name)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.collect.CollectError: ...: no collected articles (articles/part-*.jsonl)
    >>> tmp.cleanup()
    """
    out = Path(out)
    shards = sorted((out / "articles").glob("part-*.jsonl"))
    if not shards:
        raise CollectError(f"{out}: no collected articles (articles/part-*.jsonl)")
    rows = []
    for shard in shards:
        for line in shard.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            old = json.loads(line)
            data = gzip.decompress((out / old["raw"]).read_bytes())
            enc = old.get("encoding") or None
            url = old["url"] if _is_url(old["url"]) and not old["raw"].startswith("file") else ""
            row = extract(data, url, charset=None if enc in (None, "str") else enc, fetched_at=old["fetched_at"])
            rows.append({**row, "feed": old.get("feed", ""), "raw": old["raw"]})
    df = pd.DataFrame(rows, columns=[*COLUMNS, "feed", "raw"])
    df["duplicate_of"] = mark_duplicates(df)
    return df


def iter_collected(out: str | os.PathLike) -> Iterator[dict]:
    """The rows of a :func:`collect` folder, one dict per article, in the order collected.

    The shards are read one at a time, so a large folder is not loaded whole.

    Parameters
    ----------
    out : str or os.PathLike
        A folder :func:`collect` wrote.

    Yields
    ------
    dict
        A row: :data:`COLUMNS` plus ``feed`` (the feed it came from, or "") and ``raw`` (its raw page in ``out``).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> page = pathlib.Path(tmp.name, "isna.html")
    >>> _ = page.write_text('<link rel="canonical" href="https://www.isna.ir/news/1/"><p>'
    ...     + "به گزارش ایسنا، بارش باران در تهران از فردا آغاز می‌شود و تا پایان هفته ادامه دارد. " * 2 + "</p>",
    ...     encoding="utf-8")
    >>> _ = collect(page, pathlib.Path(tmp.name, "news"), progress=False)
    >>> [(row["doc_id"], row["text"][:9]) for row in iter_collected(pathlib.Path(tmp.name, "news"))]
    [('https://www.isna.ir/news/1/', 'به گزارش ')]
    >>> tmp.cleanup()
    """
    for shard in sorted(Path(out, "articles").glob("part-*.jsonl")):
        for line in shard.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)
