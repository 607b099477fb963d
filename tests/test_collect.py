"""toolkit.collect and `python -m toolkit collect`, against the fixture site (tests/fixtures/collect) and a local
server on 127.0.0.1 that serves it for every host (tests/collect_server.py). No test reaches beyond 127.0.0.1:
name lookups of anything else fail while these tests run."""

import gzip
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from tests.collect_server import SITE, Site, loopback_only
from toolkit import cli, collect
from toolkit.collect import CollectError, Fetcher

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "collect"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
BY_KEY = {e["url"]: e for e in EXPECTED}
ZWNJ = "\u200c"


def f1(got: str, gold: str) -> float:
    """Token-level F1 of an extracted text against the text put in the page (bags of whitespace tokens)."""
    g, t = Counter(got.split()), Counter(gold.split())
    overlap = sum((g & t).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(g.values()), overlap / sum(t.values())
    return 2 * p * r / (p + r)


@pytest.fixture
def site(monkeypatch):
    loopback_only(monkeypatch)
    for var in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    with Site() as s:
        yield s


def fetcher(site, **kw) -> Fetcher:
    kw = {"delay": 0.0, "backoff": 0.0, "timeout": 5.0, **kw}
    return Fetcher(proxies={"http": site.url}, **kw)


# --- extraction of the saved pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("e", EXPECTED, ids=[e["file"].split("/")[1] + "/" + e["file"][-24:] for e in EXPECTED])
def test_each_page_gives_its_row(e):
    row = collect.extract((FIXTURES / e["file"]).read_bytes(), e["url"])
    for col in ("doc_id", "outlet", "title", "lead", "date", "language"):
        assert row[col] == e[col], col
    assert row["encoding"] == e["encoding"]
    assert f1(row["text"], e["text"]) >= 0.95
    assert row["text"].count("\n") >= e["text"].count("\n") - 1, "paragraphs are kept, one per line"
    for boilerplate in ("نظرات", "اخبار مرتبط", "التعليقات", "ads.push", "adSlots", "iframe", "googletagmanager"):
        assert boilerplate not in row["text"]


def test_extraction_f1_over_all_pages():
    scores = [f1(collect.extract((FIXTURES / e["file"]).read_bytes(), e["url"])["text"], e["text"]) for e in EXPECTED]
    assert sum(scores) / len(scores) >= 0.95 and min(scores) >= 0.95


def test_zwnj_and_other_format_characters_survive_extraction():
    e = BY_KEY["http://www.isna.ir/news/1403021100123/"]
    row = collect.extract((FIXTURES / e["file"]).read_bytes(), e["url"])
    assert f"می{ZWNJ}شود" in row["text"] and f"گشت{ZWNJ}های" in row["title"]
    # as entities, and LRM/RLM (which the normalizer turns into ZWNJs between letters)
    page = (
        "<html><body><article><p>"
        + "نیروها مستقر شده&zwnj;اند و گشت&#8204;ها آغاز می&#x200C;شود و کار\u200fها ادامه دارد. " * 4
        + "</p></article></body></html>"
    )
    text = collect.extract(page.encode())["text"]
    assert f"شده{ZWNJ}اند" in text and f"گشت{ZWNJ}ها" in text and f"می{ZWNJ}شود" in text and "کار\u200fها" in text


def test_a_page_with_no_article_is_an_error_naming_it():
    page = SITE / "www.isna.ir" / "service" / "politics.html"
    with pytest.raises(CollectError, match=r"^.*service/politics.html: no article text found"):
        collect.extract(page.read_bytes(), name=str(page))
    with pytest.raises(CollectError, match=r"^x.html: binary data"):
        collect.extract(b"\x00\x01binary\xff\xfe" * 20, name="x.html")


def test_decoding():
    assert collect.decode_html("<p>سلام</p>".encode("cp1256"), "iso-8859-1") == ("<p>سلام</p>", "cp1256")
    assert collect.decode_html("<p>سلام</p>".encode(), "UTF-8") == ("<p>سلام</p>", "utf-8")
    with pytest.raises(CollectError, match=r"^p.html: not UTF-8 .* does not look like Windows-1256"):
        collect.decode_html('<meta charset="utf-8"><p>é</p>'.encode("latin-1"), name="p.html")


def test_canonical_url_and_syndicated_copies():
    page = b"""<html><head><link rel="canonical" href="https://www.irna.ir/news/1/"></head><body><article><p>"""
    page += "متن خبر کوتاه اما کامل با بیش از پانزده واژه برای آزمون این بخش از ابزار گردآوری. ".encode() * 3
    page += b"</p></article></body></html>"
    # a page on another site that names IRNA's URL as canonical is still the other site's copy
    row = collect.extract(page, "https://www.mehrnews.com/news/9/?utm_source=x#top")
    assert row["doc_id"] == "https://www.mehrnews.com/news/9/" and row["outlet"] == "Mehr News Agency"
    row = collect.extract(page, "http://irna.ir/news/1")
    assert row["doc_id"] == "https://www.irna.ir/news/1/" and row["outlet"] == "IRNA"


def test_read_html_on_a_folder_of_saved_pages():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = collect.read_html(SITE)
    assert list(df.columns) == collect.COLUMNS
    assert sorted(df.doc_id) == sorted(e["doc_id"] for e in EXPECTED)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2 and all("no article text found" in m for m in messages)  # the section and the draft
    assert df.attrs["errors"] == messages
    dups = dict(zip(df.doc_id, df.duplicate_of, strict=True))
    for e in EXPECTED:
        assert dups[e["doc_id"]] == e["duplicate_of"]
    assert (df.sha256.str.len() == 64).all() and df.fetched_at.str.endswith("Z").all()
    with pytest.raises(CollectError, match="no such file or folder"):
        collect.read_html("no/such/folder", errors="raise")


def test_read_feed_from_files():
    isna = collect.read_feed(SITE / "www.isna.ir" / "rss.xml")
    assert list(isna.columns) == collect.FEED_COLUMNS and len(isna) == 4
    first = isna.iloc[0]
    assert first.link == "http://www.isna.ir/news/1403021100123/" and first.outlet == "ISNA"
    assert first.date == "2024-05-01T06:50:00Z" and ZWNJ in first.title and "<p>" not in first.summary
    tasnim = collect.read_feed(SITE / "www.tasnimnews.com" / "fa" / "rss" / "feed.xml")  # Atom
    assert tasnim.outlet.tolist() == ["Tasnim News Agency", "ISNA"]
    with pytest.warns(UserWarning, match=r"rss.xml: malformed feed .*; read 1 item anyway"):
        mehr = collect.read_feed(SITE / "www.mehrnews.com" / "rss.xml")
    assert mehr.outlet.tolist() == ["Mehr News Agency"]
    with pytest.raises(CollectError, match=r"broken.xml: not a readable RSS or Atom feed"):
        collect.read_feed(SITE / "www.irna.ir" / "rss" / "broken.xml")


def test_mark_duplicates_against_earlier_rows():
    story = " ".join(f"واژه{i}" for i in range(80))
    before = pd.DataFrame({"doc_id": ["old"], "text": [story]})
    new = pd.DataFrame({"doc_id": ["n1", "n2"], "text": ["چیز دیگری " * 20, story + " پایان"]})
    assert collect.mark_duplicates(new, before=before).tolist() == ["", "old"]


# --- politeness, with a fake clock -------------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, s):
        self.slept.append(round(s, 6))
        self.now += s


def test_rate_limit_per_host_with_a_fake_clock(site):
    clock = FakeClock()
    f = fetcher(site, delay=2.0, clock=clock, sleep=clock.sleep)
    f.get("http://www.irna.ir/news/85412345/")  # robots.txt, then the page: one wait of 2 s between them
    f.get("http://www.mehrnews.com/news/6101234/")  # another host: robots.txt at once, then 2 s
    f.get("http://www.irna.ir/news/85412345/")  # irna's turn came long ago… not quite: 2 s after its page
    assert clock.slept == [2.0, 2.0]
    starts = {}
    for t, _, url in f.log:
        host = Fetcher.host(url)
        assert t - starts.get(host, -1e9) >= 2.0
        starts[host] = t


def test_crawl_delay_and_retry_after_with_a_fake_clock(site, tmp_path):
    clock = FakeClock()
    f = fetcher(site, delay=0.0, backoff=0.5, clock=clock, sleep=clock.sleep)
    r = f.get("http://www.isna.ir/busy")  # 429 with Retry-After: 0, then the page
    assert r.status == 200 and clock.slept == [0.0]
    clock.slept.clear()
    message = r"^http://www.isna.ir/always500: HTTP 500 Internal Server Error after 3 retries$"
    with pytest.raises(CollectError, match=message):
        f.get("http://www.isna.ir/always500")
    assert clock.slept == [0.5, 1.0, 2.0]  # exponential backoff


def test_requests_to_one_host_are_spaced_on_the_wire(site):
    """Sent at least ``delay`` apart; seen by the server so too, but for the jitter of a loaded machine (a request
    that arrives late makes the next gap look short, never the total)."""
    delay = 0.1
    f = fetcher(site, delay=delay)
    urls = [e["url"] for e in EXPECTED if e["url"].startswith("http://www.isna.ir/")] * 3
    for url in urls:
        f.get(url)  # the page that fails once with a 500 is retried: a request like the others
    sent = [t for t, _, url in f.log]
    assert min(b - a for a, b in itertools.pairwise(sent)) >= delay
    arrivals = [t for t, h, _ in site.requests if h == "www.isna.ir"]
    assert len(arrivals) == len(sent) >= 8
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert min(gaps) >= delay / 2 and arrivals[-1] - arrivals[0] >= 0.95 * delay * len(gaps), gaps


def test_robots_txt_is_obeyed_and_read_once_per_host(site):
    f = fetcher(site)
    message = r"^http://www.isna.ir/private/draft/: disallowed by robots.txt; not fetched$"
    with pytest.raises(CollectError, match=message):
        f.get("http://www.isna.ir/private/draft/")
    with pytest.raises(CollectError, match=r"redirected to http://www.isna.ir/private/draft/"):
        f.get("http://www.isna.ir/to-private")
    f.get("http://www.isna.ir/news/1403021100123/")
    assert "/private/draft/" not in site.paths()
    assert site.paths().count("/robots.txt") == 1
    bad = Fetcher(proxies={"http": site.url}, delay=0, user_agent="BadBot/1.0")
    with pytest.raises(CollectError, match=r"disallowed by robots\.txt"):
        bad.get("http://www.irna.ir/news/85412345/")


def test_http_errors_are_one_line_naming_the_url(site):
    f = fetcher(site, retries=1, timeout=0.5)
    cases = {
        "http://www.isna.ir/news/nothing-here/": r"HTTP 404 Not Found$",
        "http://www.isna.ir/loop/a": r"redirect loop \(http://www.isna.ir/loop/a → http://www.isna.ir/loop/b → "
        r"http://www.isna.ir/loop/a\)$",
        "http://www.isna.ir/big.html": r"larger than the limit of 10 MB; not read$",
        "http://www.isna.ir/big-declared.html": r"20.0 MB, over the limit of 10 MB$",
        "http://www.isna.ir/slow": r"timed out after 0.5 s$",
        "ftp://www.isna.ir/x": r"not an http\(s\) URL$",
    }
    for url, message in cases.items():
        t = time.monotonic()
        with pytest.raises(CollectError) as info:
            f.get(url)
        assert str(info.value).startswith(url + ": ") and "\n" not in str(info.value)
        assert re.search(message, str(info.value)), str(info.value)
        assert time.monotonic() - t < 5
    assert f.get("http://www.isna.ir/moved").final_url == "http://www.isna.ir/news/1403021100123/"


def test_a_500_then_200_page_is_retried_and_kept(site):
    f = fetcher(site)
    r = f.get("http://www.isna.ir/news/1403021100150/")
    assert r.status == 200
    assert site.paths().count("/news/1403021100150/") == 2


# --- collect: the whole site ---------------------------------------------------------------------------------

FEEDS = [
    "http://www.isna.ir/rss.xml",
    "http://www.tasnimnews.com/fa/rss/feed.xml",
    "http://www.mehrnews.com/rss.xml",
    "http://www.irna.ir/rss/broken.xml",
]
PAGES = [e["url"] for e in EXPECTED if not e["url"].startswith(("http://www.isna.ir/", "http://www.tasnimnews.com/"))]
PAGES = [u for u in PAGES if "mehrnews" not in u]
BAD = ["http://www.isna.ir/service/politics", "http://www.isna.ir/loop/a", "http://www.isna.ir/big.html"]


def test_collect_the_site(site, tmp_path):
    errors = []
    done = collect.collect(
        FEEDS + PAGES + BAD, tmp_path, fetcher=fetcher(site), progress=False, on_error=errors.append
    )
    assert done["articles"] == len(EXPECTED) and done["duplicates"] == 2 and done["feeds"] == 3
    rows = pd.DataFrame(collect.iter_collected(tmp_path))
    assert sorted(rows.doc_id) == sorted(e["doc_id"] for e in EXPECTED)
    by_id = rows.set_index("doc_id")
    for e in EXPECTED:
        r = by_id.loc[e["doc_id"]]
        assert (r.outlet, r.title, r.date, r.language, r.duplicate_of) == (
            e["outlet"], e["title"], e["date"], e["language"], e["duplicate_of"]
        )
        assert f1(r.text, e["text"]) >= 0.95
        raw = gzip.decompress((tmp_path / r.raw).read_bytes())  # the raw page is kept, and is the one read
        assert hashlib.sha256(raw).hexdigest() == r.sha256
    # one line per failure, each naming its URL
    expected_errors = {
        "http://www.irna.ir/rss/broken.xml": "not a readable RSS or Atom feed",
        "http://www.isna.ir/service/politics": "no article text found",
        "http://www.isna.ir/loop/a": "redirect loop",
        "http://www.isna.ir/big.html": "larger than the limit",
        "http://www.isna.ir/private/draft/": "disallowed by robots.txt",
        "http://www.isna.ir/news/1403021100999/": "HTTP 404",
        "http://www.mehrnews.com/rss.xml": "malformed feed",
    }
    assert len(errors) == len(expected_errors) and all("\n" not in m for m in errors)
    for url, what in expected_errors.items():
        assert any(m.startswith(url + ": ") and what in m for m in errors), url
    # nothing fetched twice (but the page that failed with a 500 once), nothing disallowed fetched
    counts = Counter((h, p) for _, h, p in site.requests)
    assert [k for k, n in counts.items() if n > 1] == [("www.isna.ir", "/news/1403021100150/")]
    assert not any(p.startswith("/private/") for _, _, p in site.requests)

    # a rerun fetches the feeds again (for new items) and nothing else
    site.requests.clear()
    errors.clear()
    again = collect.collect(FEEDS + PAGES, tmp_path, fetcher=fetcher(site), progress=False, on_error=errors.append)
    assert again["articles"] == 0 and again["skipped"] >= len(PAGES)
    assert {p for _, _, p in site.requests} <= {"/robots.txt", "/rss.xml", "/fa/rss/feed.xml", "/rss/broken.xml"}
    assert len(list((tmp_path / "articles").glob("*.jsonl"))) == 1

    # re-extraction from the kept raw pages gives the same rows
    again = collect.reextract(tmp_path).set_index("doc_id")
    for col in ("outlet", "title", "text", "lead", "date", "language", "duplicate_of", "sha256"):
        assert again[col].to_dict() == by_id[col].to_dict(), col


def test_collect_resumes_an_interrupted_run(site, tmp_path):
    f = fetcher(site)
    collect.collect(PAGES[:2], tmp_path, fetcher=f, progress=False, rows_per_shard=1)
    shards = sorted((tmp_path / "articles").glob("*.jsonl"))
    assert len(shards) == 2
    # a run killed while writing its shard leaves a .partial file with a broken last line
    row = json.loads(shards[1].read_text(encoding="utf-8"))
    shards[1].unlink()
    (tmp_path / "articles" / "part-00001.jsonl.partial").write_text(
        json.dumps(row, ensure_ascii=False) + '\n{"doc_id": "half a li', encoding="utf-8"
    )
    site.requests.clear()
    done = collect.collect(PAGES[:3], tmp_path, fetcher=f, progress=False, rows_per_shard=1)
    assert done["articles"] == 1 and [p for _, _, p in site.requests if p != "/robots.txt"] == [
        unquote(urlsplit(PAGES[2]).path)
    ]
    assert len(list(collect.iter_collected(tmp_path))) == 3
    assert not list((tmp_path / "articles").glob("*.partial"))


def test_collect_reads_saved_pages_and_feed_files(site, tmp_path):
    errors = []
    done = collect.collect(
        [SITE / "arabic.rt.com", SITE / "www.irna.ir" / "news"], tmp_path, progress=False, on_error=errors.append
    )
    assert done["articles"] == 2 and not site.requests  # saved pages: nothing fetched
    again = collect.collect([SITE / "www.irna.ir" / "news"], tmp_path, progress=False)
    assert again == {**again, "articles": 0, "skipped": 1}


# --- the command line ----------------------------------------------------------------------------------------


def test_cli_collect_then_process(site, tmp_path, capsys):
    out = tmp_path / "news"
    args = ["collect", *FEEDS[:2], *PAGES, "--out", str(out), "--proxy", site.url, "--delay", "0.01"]
    assert cli.main([*args, "--no-progress"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("10 new articles (1 of them near-duplicates), 0 had already, 2 errors, 2 feeds read")
    assert all(line.startswith("toolkit collect: http://") for line in err[:-1])
    assert cli.main(["process", str(out), "--out", str(tmp_path / "run")]) == 0
    articles = pd.read_parquet(tmp_path / "run" / "articles")
    assert len(articles) == 10 and set(articles.outlet) >= {"RT", "Rudaw", "Al Mayadeen", "ISNA"}
    claims = pd.read_parquet(tmp_path / "run" / "claims")
    assert {"RT", "Al Mayadeen", "Rudaw"} <= set(claims.outlet)


def test_cli_errors_are_one_line(site, tmp_path, capsys):
    assert cli.main(["collect", "no/such/dir", "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == "toolkit collect: no/such/dir: no such file or folder"
    url = "http://www.isna.ir/news/1403021100999/"
    assert cli.main(["collect", url, "--out", str(tmp_path / "o"), "--proxy", site.url, "--no-progress"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == f"toolkit collect: {url}: HTTP 404 Not Found" and len(err) == 2
    assert cli.main(["collect", url, "--out", str(tmp_path / "o"), "--delay", "-1"]) == 2
    assert "delay must be" in capsys.readouterr().err


@pytest.mark.slow  # two interpreters importing the toolkit: ~10 s
def test_cli_in_a_subprocess_never_shows_a_traceback(site, tmp_path):
    """Straight to 127.0.0.1 (no proxy): a page that is not there, and one that is."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, "-m", "toolkit", "collect", "--out", str(tmp_path / "o"), "--delay", "0", "--no-progress"]
    r = subprocess.run([*cmd, site.url + "/nothing"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[0] == f"toolkit collect: {site.url}/nothing: HTTP 404 Not Found"
    r = subprocess.run([*cmd, site.url + "/news/1403021100123/"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert len(list(collect.iter_collected(tmp_path / "o"))) == 1
