"""Main-text extraction of toolkit.collect on the fixture news pages: token F1 against the text put in them, the
metadata it gets right, and pages per second on one core, beside trafilatura as one would call it by default.

    python benchmarks/collect.py [--rounds 20] [--json PATH]

Pages: the 11 article pages of tests/fixtures/collect (ISNA, Fars in Windows-1256, Tasnim, IRNA and two
reprints, RT Arabic, Al Mayadeen, Rudaw Arabic, BBC Persian; invented text in the shape of those sites, written by
tests/fixtures/collect/build_site.py), and the same pages at the weight of real news pages: the furniture around
the article (a 300-link menu, 120 "latest news" items, inline JSON configuration, CSS and an SVG sprite, ~120 KB
a page) added, the article left as it is.

F1: bag-of-tokens precision and recall (whitespace tokens, exact: a lost ZWNJ makes a different token) of the
``text`` against the body paragraphs in expected.json, pooled over the pages (``F1``) and the worst page
(``min F1``). ``metadata``: the share of doc_id, outlet, title, lead, date and language equal to expected.json.
Speed: ``extract(raw bytes, url)`` (decoding, extraction, metadata), CPU time of this process
(``time.process_time``) over ``--rounds`` passes after a warm-up pass; one process, one thread, one core.
Baseline: ``trafilatura.extract(html, url=url)`` with its defaults on the same decoded pages (text only; its
metadata is not compared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit import collect  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "collect"
META = ("doc_id", "outlet", "title", "lead", "date", "language")


def heavy(html: str) -> str:
    """The page with the furniture of a real news page added around the article (deterministic)."""
    rnd = random.Random(0)
    words = "خبر سیاسی اقتصادی ورزشی فرهنگی تهران عراق سوریه بازار دلار نفت مجلس دولت استان جهان".split()
    menu = "".join(
        f'<li class="menu-item"><a href="/service/{i}/x{i}">{rnd.choice(words)} {rnd.choice(words)}</a></li>'
        for i in range(300)
    )
    latest = "".join(
        f'<li><a href="/news/{i}"><img src="/img/{i}.jpg" alt=""><span>{" ".join(rnd.choices(words, k=8))}</span>'
        f"</a><time>{i} دقیقه پیش</time></li>"
        for i in range(120)
    )
    config = "<script>var cfg=" + json.dumps({f"k{i}": "x" * 40 for i in range(400)}) + ";</script>"
    rules = "".join(f".c{i}{{margin:{i}px;padding:0 {i}px;color:#{i:06x}}}" for i in range(600))
    style = f"<style>{rules}</style>"
    symbols = "".join(f"<symbol id='i{i}'><path d='M{i} 0L{i} 10Z'/></symbol>" for i in range(300))
    svg = f"<svg style='display:none'>{symbols}"
    html = html.replace("</head>", style + config + "</head>", 1)
    extra = f'<nav class="mega">{svg}</svg><ul>{menu}</ul></nav><aside class="latest"><ul>{latest}</ul></aside>'
    return html.replace("</body>", extra + "</body>", 1)


def pages(weight: str) -> list[tuple[bytes, dict]]:
    out = []
    for e in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8")):
        data = (FIXTURES / e["file"]).read_bytes()
        if weight == "heavy":
            text, enc = collect.decode_html(data)
            data = heavy(text).encode("cp1256" if enc == "windows-1256" else "utf-8", errors="xmlcharrefreplace")
        out.append((data, e))
    return out


def scores(texts: list[str], gold: list[str]) -> dict[str, float]:
    tp = fp = fn = 0
    per_page = []
    for t, g in zip(texts, gold, strict=True):
        a, b = Counter(t.split()), Counter(g.split())
        o = sum((a & b).values())
        tp, fp, fn = tp + o, fp + sum(a.values()) - o, fn + sum(b.values()) - o
        p, r = o / max(1, sum(a.values())), o / max(1, sum(b.values()))
        per_page.append(2 * p * r / (p + r) if o else 0.0)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "F1": 2 * p * r / (p + r), "min F1": min(per_page)}


def speed(fn, items, rounds: int) -> float:
    for item in items:  # warm-up: imports, caches
        fn(item)
    t = time.process_time()
    for _ in range(rounds):
        for item in items:
            fn(item)
    return rounds * len(items) / (time.process_time() - t)


def run(rounds: int) -> list[dict]:
    import trafilatura

    rows = []
    for weight in ("fixture", "heavy"):
        items = pages(weight)
        kb = sum(len(d) for d, _ in items) / len(items) / 1000
        got = [collect.extract(d, e["url"]) for d, e in items]
        meta = sum(g[k] == e[k] for g, (_, e) in zip(got, items, strict=True) for k in META) / (len(items) * len(META))
        rows.append(
            {
                "pages": weight,
                "KB/page": kb,
                "tool": "toolkit.collect.extract",
                **scores([g["text"] for g in got], [e["text"] for _, e in items]),
                "metadata": meta,
                "pages/s": speed(lambda it: collect.extract(it[0], it[1]["url"]), items, rounds),
            }
        )
        decoded = [(collect.decode_html(d)[0], e) for d, e in items]
        base = [trafilatura.extract(h, url=e["url"]) or "" for h, e in decoded]
        rows.append(
            {
                "pages": weight,
                "KB/page": kb,
                "tool": "trafilatura.extract (defaults)",
                **scores(base, [e["text"] for _, e in items]),
                "metadata": float("nan"),
                "pages/s": speed(lambda it: trafilatura.extract(it[0], url=it[1]["url"]), decoded, rounds),
            }
        )
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import feedparser
    import trafilatura

    return (
        f"{cpu}; Python {platform.python_version()}; trafilatura {trafilatura.__version__}, "
        f"feedparser {feedparser.__version__}; {dt.date.today().isoformat()}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=20, help="timed passes over the pages (default 20)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    rows = run(args.rounds)
    print(f"python benchmarks/collect.py --rounds {args.rounds}\n{machine()}\n")
    cols = ["pages", "KB/page", "tool", "precision", "recall", "F1", "min F1", "metadata", "pages/s"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "|".join("---" if c in ("pages", "tool") else "---:" for c in cols) + "|")
    for r in rows:
        cells = []
        for c in cols:
            v = r[c]
            if isinstance(v, str):
                cells.append(v)
            elif c in ("KB/page", "pages/s"):
                cells.append(f"{v:.0f}")
            else:
                cells.append("–" if v != v else f"{v:.3f}")
        print("| " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
