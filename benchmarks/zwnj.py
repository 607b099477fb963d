"""ZWNJ restoration benchmark: toolkit vs hazm, in the same run.

    python benchmarks/zwnj.py [--corpus isna|fars|news2025] [--limit N] [--rounds 5] [--json PATH]

Data: the ISNA *test* split (``toolkit.datasets.load_isna("test")``), which the ZWNJ lexicon never saw
(it is built from the train split; the split is by article, after removing near-duplicates). Its
text, after character normalization, is the gold standard. ``--corpus fars``: all Fars News articles
instead, another outlet with its own house style (``رئیس‌جمهور``, ``به‌عنوان``, where ISNA mostly writes
``رئیس جمهور``, ``به عنوان``); ``--corpus news2025``: the 80 articles of four other agencies from 2025.

Damage, applied to the gold text (``toolkit.evaluation.DAMAGES``):
  deleted  every ZWNJ removed              (کرده‌اند → کردهاند)
  spaced   every ZWNJ turned into a space  (کرده‌اند → کرده اند)
  clean    nothing: how much a tool changes correct text

Measures (``toolkit.evaluation.evaluate_zwnj``), on the letters of the text after character normalization, so
that only word boundaries are compared:
  restored  share of gold words with a ZWNJ that come out exactly as the article wrote them
  damage    share of gold words without a ZWNJ that come out different
  other     the same, leaving out bound morphemes a writer typed apart (``می شود``, ``کرده اند``) and
            their hosts: the damage the restorer exists to repair, which ``damage`` counts too
  P / R     precision and recall of ZWNJ positions
  speed     characters per second (CPU time) of each tool's normalize(), one call per article, in
            ``--rounds`` rounds that alternate the two tools, each round with a tool built afresh
            (the restorer's decision caches empty: a first pass over the texts); the table gives the
            median, and the ratio to hazm's Normalizer() as the median and range of the per-round
            ratios. This shared machine's speed drifts by ±30% within minutes; a ratio of two runs
            made seconds apart drifts far less than either run.
  one line  the toolkit's CPU seconds on 1 MB and on 10 MB of the same articles on a single line with
            their ZWNJs deleted: linear time means about ten times as long

``ceiling`` is what no context-free restorer can beat on this gold: for each ZWNJ word, whether the
article's spelling is the most frequent spelling of the same letters in the test articles themselves
(an oracle that sees the answers). ISNA is not consistent (آن‌ها and آنها, رئیس‌جمهور and رئیس جمهور):
what remains below the ceiling is style, not damage. The *lexicon* ceiling is the same oracle choosing
instead the form the lexicon's own text (ISNA's train split) writes most often, and the test articles'
majority only for spellings that text never wrote: the most any restorer that follows its lexicon can
reach, even with every unseen word right.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import time
from pathlib import Path

from toolkit import Normalizer
from toolkit.chars import ZWNJ
from toolkit.datasets import load_fars, load_isna, load_news2025
from toolkit.evaluation import _LETTER_WORD, DAMAGES, evaluate_zwnj
from toolkit.zwnj import ZwnjRestorer, read_lexicon


def tools() -> dict:
    """Each tool's normalize(), built afresh (the restorer reloaded: no decision cached yet)."""
    import hazm

    ZwnjRestorer.default.cache_clear()
    return {"toolkit": Normalizer().normalize, "hazm": hazm.Normalizer().normalize}


def speed(gold: list[str], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Characters per CPU second of each tool, per damage kind, over ``rounds`` alternating rounds."""
    out: dict[str, dict[str, list[float]]] = {}
    for damage, damage_fn in DAMAGES.items():
        inputs = [damage_fn(t) for t in gold]
        chars = sum(map(len, inputs))
        out[damage] = collections.defaultdict(list)
        for r in range(rounds):
            fns = tools()
            for name in sorted(fns, reverse=r % 2 == 1):  # alternate which tool goes first
                fn = fns[name]
                fn(inputs[0])  # load resources outside the timing
                t0 = time.process_time()
                for t in inputs:
                    fn(t)
                out[damage][name].append(chars / max(time.process_time() - t0, 1e-9))
    return out


def ceilings(gold_texts: list[str], lexicon: dict[str, int]) -> dict[str, float]:
    """Oracle accuracy of choosing, for each spelling the damage leaves, the majority form: of the test
    articles themselves (``deleted``, ``spaced``), or of the lexicon's text, ISNA's train split, falling back
    to the test articles' for spellings it never wrote (``deleted lexicon``, ``spaced lexicon``)."""
    deleted, spaced = DAMAGES["deleted"], DAMAGES["spaced"]
    by_seen: dict[str, collections.Counter] = {d: collections.Counter() for d in ("deleted", "spaced")}
    gold_words: list[str] = []
    for text in gold_texts:
        matches = list(_LETTER_WORD.finditer(text))
        for i, m in enumerate(matches):
            w = m.group()
            by_seen["deleted"][(deleted(w), w)] += 1
            if ZWNJ in w:
                gold_words.append(w)
            # spaced: the same letters may also be written with spaces in the gold
            for n in range(1, 4):
                if i + n < len(matches) and all(
                    text[matches[j].end() : matches[j + 1].start()] == " " for j in range(i, i + n)
                ):
                    joined = " ".join(x.group() for x in matches[i : i + n + 1])
                    by_seen["spaced"][(spaced(joined), joined)] += 1
            by_seen["spaced"][(spaced(w), w)] += 1
    out = {}
    for damage, counts in by_seen.items():
        seen, total = DAMAGES[damage], max(len(gold_words), 1)
        best = _majority(counts.items())
        lexicon_best = _majority(((seen(f), f), c) for f, c in lexicon.items() if damage == "spaced" or " " not in f)
        out[damage] = sum(best[seen(w)] == w for w in gold_words) / total
        out[f"{damage} lexicon"] = sum(lexicon_best.get(seen(w), best[seen(w)]) == w for w in gold_words) / total
    return out


def _majority(counts) -> dict[str, str]:
    """``((seen, form), count)`` pairs -> the most frequent form of each seen spelling."""
    best: dict[str, tuple[int, str]] = {}
    for (seen, form), c in counts:
        if c > best.get(seen, (0, ""))[0]:
            best[seen] = (c, form)
    return {seen: form for seen, (_, form) in best.items()}


def scaling(gold: list[str]) -> dict[str, float]:
    """CPU seconds of the toolkit's normalize() on 1 MB and 10 MB of the articles on one line, ZWNJs deleted
    (the text repeated as often as needed), each with a freshly loaded restorer: linear time means ~10×."""
    line = DAMAGES["deleted"](" ".join(gold).replace("\n", " "))
    out = {}
    for mb in (1, 10):
        text = (line * (mb * 10**6 // max(len(line), 1) + 1))[: mb * 10**6]
        normalize = tools()["toolkit"]
        normalize("")  # load the lexicon outside the timing
        t0 = time.process_time()
        normalize(text)
        out[f"{mb} MB s"] = time.process_time() - t0
    return out


def run(limit: int | None, corpus: str = "isna", rounds: int = 5) -> tuple[list[dict], dict[str, dict]]:
    df = {"isna": lambda: load_isna("test"), "fars": load_fars, "news2025": load_news2025}[corpus]()
    if limit:
        df = df.head(limit)
    char_norm = Normalizer(restore_zwnj=False)
    gold = [char_norm.normalize(t) for t in df["title"] + "\n" + df["text"]]
    rows = []
    for damage in DAMAGES:
        for name, fn in tools().items():
            rows.append({"damage": damage, "tool": name, "articles": len(gold), **evaluate_zwnj(fn, gold, damage)})
    speeds = speed(gold, rounds) if rounds else {}
    for r in rows:
        if not rounds:
            base = next(x for x in rows if x["damage"] == r["damage"] and x["tool"] == "hazm")
            r["speed_vs_hazm"] = [r["chars_per_s"] / base["chars_per_s"]]
            continue
        runs, hazm = speeds[r["damage"]][r["tool"]], speeds[r["damage"]]["hazm"]
        r["chars_per_s_rounds"] = runs
        r["chars_per_s"] = statistics.median(runs)
        r["speed_vs_hazm"] = [a / b for a, b in zip(runs, hazm, strict=True)]
    return rows, {"ceiling": ceilings(gold, read_lexicon()["forms"]), "one_line": scaling(gold) if rounds else {}}


def table(rows: list[dict], summary: dict[str, dict]) -> str:
    ceiling, one_line = summary["ceiling"], summary["one_line"]
    out = [
        "| damage | tool | ZWNJ words restored | damage to other words | … not typed apart | ZWNJ P | ZWNJ R "
        "| M chars/s | × hazm | × hazm range |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        restored = "–" if r["damage"] == "clean" else f"{r['restored']:.1%}"
        out.append(
            f"| {r['damage']} | {r['tool']} | {restored} | {r['damaged']:.2%} | {r['damaged_other']:.2%} | "
            f"{r['precision']:.3f} | "
            f"{r['recall']:.3f} | {r['chars_per_s'] / 1e6:.2f} | {statistics.median(r['speed_vs_hazm']):.1f} | "
            f"{min(r['speed_vs_hazm']):.1f}–{max(r['speed_vs_hazm']):.1f} |"
        )
    n = rows[0]
    out.append(
        f"\n{n['articles']} articles: {n['zw_words']} gold words with a ZWNJ, {n['plain_words']} without "
        f"({n['plain_words'] - n['other_words']} of them bound morphemes typed apart or their hosts). "
        f"Oracle ceiling for a context-free restorer: deleted {ceiling['deleted']:.1%}, "
        f"spaced {ceiling['spaced']:.1%}; choosing the lexicon's majority form: deleted "
        f"{ceiling['deleted lexicon']:.1%}, spaced {ceiling['spaced lexicon']:.1%}. "
        f"Speed: median of {len(n['speed_vs_hazm'])} alternating round(s), CPU time."
    )
    if one_line:
        out.append(
            f"One line, ZWNJs deleted: 1 MB {one_line['1 MB s']:.2f} s, 10 MB {one_line['10 MB s']:.2f} s "
            f"({one_line['10 MB s'] / one_line['1 MB s']:.1f}× the time for 10× the text)."
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=("isna", "fars", "news2025"), default="isna", help="ISNA test split (default)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--rounds", type=int, default=5, help="speed rounds per tool and damage (0: the scoring pass)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    rows, summary = run(args.limit, args.corpus, args.rounds)
    print(table(rows, summary))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, **summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
