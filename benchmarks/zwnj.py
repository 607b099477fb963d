"""ZWNJ restoration benchmark: the shipped restorer, the restorer fitted to each outlet, and hazm, in one run.

    python benchmarks/zwnj.py [--corpus all|isna|fars|news2025|hamshahri] [--limit N] [--rounds 3] [--json PATH]

Outlets (``--corpus all``, the default, is every one of them):
  ISNA       the ISNA *test* split (``load_isna("test")``), which the shipped lexicon never saw (it is built
             from the train split)
  Fars       every Fars News article, another house style (``رئیس‌جمهور``, ``به‌عنوان``)
  Borna, Hamshahri Online, Khabaronline, Tasnim
             the 20 articles of each agency in ``load_news2025`` (2025), each agency on its own
  Hamshahri  Hamshahri Online's RSS items of 2020 (``load_hamshahri``): title and lead

The *fitted* restorer never sees the articles it is scored on (``folds``):
  halves               an outlet of more than ``SMALL_OUTLET`` (40) articles (ISNA, Fars, Hamshahri) is split in
                       two halves at random (``--random-state``, by article): ``Normalizer().fit(first half)``,
                       and every tool is scored on the second half
  leave one out        an outlet of at most 40 articles (each news2025 agency, 20): every article is scored by
                       ``Normalizer().fit(the outlet's other articles)`` (19), and every tool on all of them; a
                       half of 20 articles holds too few of an agency's compounds, and a user normalizing an
                       agency's corpus fits on all of it
The gold is the scored articles' text after character normalization.

Damage, applied to the gold text (``toolkit.evaluation.DAMAGES``):
  deleted  every ZWNJ removed                                   (کرده‌اند → کردهاند)
  spaced   every ZWNJ turned into a space                       (کرده‌اند → کرده اند)
  typed    a ZWNJ after a prefix می/نمی typed as a space, every other one deleted (می شود, کتابها)
  clean    nothing: how much a tool changes correct text

Measures (``toolkit.evaluation.evaluate_zwnj``), on the letters of the text after character normalization:
  restored  share of gold words with a ZWNJ that come out exactly as the article wrote them
  damage    share of gold words without a ZWNJ that come out different (strict: a bound morpheme the writer
            typed apart, ``می شود``, counts too when a tool joins it)
  speed     characters per CPU second of each tool's normalize(), one call per article, over every outlet's
            test half (a leave-one-out outlet: all its articles, with the restorer fitted for its first), in
            ``--rounds`` rounds that alternate the order of the tools, each round with every
            restorer's decision caches emptied (a first pass); the ratio to hazm's Normalizer() is given as the
            median and range of the per-round ratios. This shared machine's speed drifts by ±30% within
            minutes; a ratio of runs made seconds apart drifts far less than either run.

``oracle`` is what no context-free restorer beats on spaced text: for each ZWNJ word of the test half, whether
its spelling is the test half's own most frequent way of writing the same letters; ``oracle fitted`` chooses
instead the form the fitted forms favour (the fit half weighed above the shipped lexicon), and the test half's
majority only for spellings neither ever wrote: the most a restorer that follows its forms can reach.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import time
from pathlib import Path

import numpy as np

from toolkit import Normalizer
from toolkit.chars import ZWNJ
from toolkit.datasets import load_fars, load_hamshahri, load_isna, load_news2025
from toolkit.evaluation import _COUNTS, _LETTER_WORD, DAMAGES, evaluate_zwnj
from toolkit.zwnj import ZwnjRestorer, fitted_forms, read_lexicon

TOOLS = ("shipped", "fitted", "hazm")


#: An outlet with at most this many articles is scored leave-one-article-out: each article by a restorer fitted
#: on the outlet's other articles (a half of 20 articles holds too few of its compounds to fit on).
SMALL_OUTLET = 40


def outlets(corpus: str, limit: int | None) -> list[tuple[str, list[str]]]:
    """``(outlet, raw texts)``: each article's title and text."""
    frames = []
    if corpus in ("all", "isna"):
        frames.append(("ISNA", load_isna("test")))
    if corpus in ("all", "fars"):
        frames.append(("Fars", load_fars()))
    if corpus in ("all", "news2025"):
        frames += list(load_news2025().groupby("outlet", sort=True))
    if corpus in ("all", "hamshahri"):
        frames.append(("Hamshahri", load_hamshahri()))
    return [(name, (df["title"] + "\n" + df["text"]).tolist()[:limit]) for name, df in frames]


def folds(n: int, random_state: int) -> list[tuple[list[int], list[int]]]:
    """``(fit articles, test articles)`` by index: two random halves (one fold), or, for an outlet of at most
    :data:`SMALL_OUTLET` articles, each article against all the others (leave-one-article-out)."""
    if n <= SMALL_OUTLET:
        return [([j for j in range(n) if j != i], [i]) for i in range(n)]
    order = np.random.default_rng(random_state).permutation(n).tolist()
    return [(order[: n // 2], order[n // 2 :])]


def restorer(normalizer: Normalizer) -> ZwnjRestorer:
    """The ZWNJ restorer a Normalizer runs last."""
    return normalizer._steps[-1]


def speed(runs: list[tuple[dict, list[str]]], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Characters per CPU second of each tool, per damage kind, over every outlet's test half, in alternating
    rounds. ``runs``: per outlet, its tools (``{name: Normalizer}``) and its gold test texts."""
    import hazm

    out: dict[str, dict[str, list[float]]] = {}
    for damage, damage_fn in DAMAGES.items():
        inputs = [[damage_fn(t) for t in gold] for _, gold in runs]
        chars = sum(len(t) for texts in inputs for t in texts)
        out[damage] = collections.defaultdict(list)
        for r in range(rounds):
            order = TOOLS if r % 2 == 0 else TOOLS[::-1]  # alternate which tool goes first
            for name in order:
                seconds = 0.0
                for (tools, _), texts in zip(runs, inputs, strict=True):
                    if name == "hazm":
                        fn = hazm.Normalizer().normalize
                    else:
                        restorer(tools[name])._clear()
                        fn = tools[name].normalize
                    fn(texts[0][:200])  # resources loaded outside the timing (a few decisions cached)
                    t0 = time.process_time()
                    for t in texts:
                        fn(t)
                    seconds += time.process_time() - t0
                out[damage][name].append(chars / max(seconds, 1e-9))
    return out


def test_majority(gold_texts: list[str]) -> tuple[dict[str, str], list[list[str]]]:
    """The most frequent form of each spelling seen on spaced text in ``gold_texts`` (words, and the same letters
    written with spaces between), and each text's gold words with a ZWNJ."""
    spaced = DAMAGES["spaced"]
    counts: collections.Counter = collections.Counter()
    gold_words: list[list[str]] = []
    for text in gold_texts:
        matches = list(_LETTER_WORD.finditer(text))
        gold_words.append([])
        for i, m in enumerate(matches):
            w = m.group()
            if ZWNJ in w:
                gold_words[-1].append(w)
            for n in range(1, 4):  # the same letters may also be written with spaces in the gold
                if i + n < len(matches) and all(
                    text[matches[j].end() : matches[j + 1].start()] == " " for j in range(i, i + n)
                ):
                    joined = " ".join(x.group() for x in matches[i : i + n + 1])
                    counts[(spaced(joined), joined)] += 1
            counts[(spaced(w), w)] += 1
    return _majority(counts.items()), gold_words


def oracle_hits(best: dict[str, str], words: list[str], forms: dict[str, float]) -> tuple[int, int]:
    """``(oracle, oracle fitted)``: how many of the gold ZWNJ ``words`` the majority form of the test texts
    (``best``) gets right on spaced text, and how many the majority form of ``forms`` does, falling back to
    ``best`` for spellings ``forms`` never wrote."""
    spaced = DAMAGES["spaced"]
    lexicon_best = _majority(((spaced(f), f), c) for f, c in forms.items())
    return (
        sum(best[spaced(w)] == w for w in words),
        sum(lexicon_best.get(spaced(w), best[spaced(w)]) == w for w in words),
    )


def _majority(counts) -> dict[str, str]:
    """``((seen, form), count)`` pairs -> the most frequent form of each seen spelling."""
    best: dict[str, tuple[int, str]] = {}
    for (seen, form), c in counts:
        if c > best.get(seen, (0, ""))[0]:
            best[seen] = (c, form)
    return {seen: form for seen, (_, form) in best.items()}


def scaling(gold: list[str]) -> dict[str, float]:
    """CPU seconds of the shipped normalize() on 1 MB and 10 MB of the articles on one line, ZWNJs deleted
    (the text repeated as often as needed), each with empty caches: linear time means ~10×."""
    line = DAMAGES["deleted"](" ".join(gold).replace("\n", " "))
    out = {}
    normalizer = Normalizer()
    for mb in (1, 10):
        text = (line * (mb * 10**6 // max(len(line), 1) + 1))[: mb * 10**6]
        restorer(normalizer)._clear()
        t0 = time.process_time()
        normalizer.normalize(text)
        out[f"{mb} MB s"] = time.process_time() - t0
    return out


def pooled(scores: list[dict]) -> dict:
    """:func:`evaluate_zwnj`'s shares over several groups of texts, from their summed counts."""
    t = {k: sum(s[k] for s in scores) for k in _COUNTS}
    return {
        "restored": t["zw_right"] / max(t["zw_words"], 1),
        "damaged": t["plain_changed"] / max(t["plain_words"], 1),
        "damaged_other": t["other_changed"] / max(t["other_words"], 1),
        **t,
    }


def score_outlet(name: str, texts: list[str], random_state: int, shipped_forms: dict) -> tuple[list, dict, tuple]:
    """The rows of one outlet (every tool, every damage, over its :func:`folds`), its oracle ceilings, and
    ``(tools, gold test texts)`` for the speed rounds (the fitted restorer of the first fold)."""
    import hazm

    char_norm = Normalizer(restore_zwnj=False)
    gold = [char_norm.normalize(t) for t in texts]
    shipped, hazm_fn = Normalizer(), hazm.Normalizer().normalize
    parts = folds(len(texts), random_state)
    tested = [i for _, test in parts for i in test]
    best, gold_words = test_majority([gold[i] for i in tested])
    words_of = dict(zip(tested, gold_words, strict=True))
    scores = {d: collections.defaultdict(list) for d in DAMAGES}
    hits, first = np.zeros(2, dtype=int), None
    for fit, test in parts:
        fitted = Normalizer().fit([texts[i] for i in fit])
        first = first or fitted
        fns = {"shipped": shipped.normalize, "fitted": fitted.normalize, "hazm": hazm_fn}
        for damage in DAMAGES:
            for tool, fn in fns.items():
                scores[damage][tool].append(evaluate_zwnj(fn, [gold[i] for i in test], damage))
        forms = fitted_forms(fitted.forms_, shipped_forms)
        hits += oracle_hits(best, [w for i in test for w in words_of[i]], forms)
    protocol = "leave one out" if len(parts) > 1 else "halves"
    rows = [
        {"outlet": name, "damage": d, "protocol": protocol, "fit articles": len(parts[0][0]),
         "test articles": len(tested), **{tool: pooled(s) for tool, s in scores[d].items()}}
        for d in DAMAGES
    ]  # fmt: skip
    total = max(sum(map(len, gold_words)), 1)
    notes = {"oracle": hits[0] / total, "oracle fitted": hits[1] / total}
    return rows, notes, ({"shipped": shipped, "fitted": first}, [gold[i] for i in parts[0][1]])


def run(corpus: str = "all", limit: int | None = None, rounds: int = 3, random_state: int = 0) -> dict:
    shipped_forms = read_lexicon()["forms"]
    rows, runs, notes = [], [], {}
    for name, texts in outlets(corpus, limit):
        outlet_rows, notes[name], speed_run = score_outlet(name, texts, random_state, shipped_forms)
        rows += outlet_rows
        runs.append(speed_run)
        r = outlet_rows[0]
        print(f"{name}: {r['test articles']} articles scored ({r['protocol']})", flush=True)
    speeds = speed(runs, rounds) if rounds else {}
    one_line = scaling([g for _, gold in runs for g in gold]) if rounds else {}
    return {"rows": rows, "ceilings": notes, "speed": speeds, "one_line": one_line, "rounds": rounds}


def _pct(x: float) -> str:
    return f"{x:.1%}"


def table(result: dict) -> str:
    out = [
        "| outlet | damage | restored: shipped | fitted | hazm | damage to other words: shipped | fitted | hazm "
        "| … not typed apart: shipped | fitted | hazm | target, strict | target, not typed apart |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    met = collections.Counter()
    for r in result["rows"]:
        s, f, h = r["shipped"], r["fitted"], r["hazm"]
        clean = r["damage"] == "clean"
        more = clean or f["restored"] > h["restored"]
        ok = {k: more and f[k] <= h[k] / 2 for k in ("damaged", "damaged_other")}
        met.update(k for k, v in ok.items() if v)
        restored = ["–"] * 3 if clean else [_pct(x["restored"]) for x in (s, f, h)]
        damage = [f"{x['damaged']:.2%}" for x in (s, f, h)] + [f"{x['damaged_other']:.2%}" for x in (s, f, h)]
        verdict = ["yes" if ok[k] else "**no**" for k in ("damaged", "damaged_other")]
        out.append(f"| {r['outlet']} | {r['damage']} | {' | '.join(restored + damage + verdict)} |")
    out.append(
        f"\nTarget (the fitted restorer restores more ZWNJ words than hazm and damages at most half as many other "
        f"words) met on {met['damaged']} of {len(result['rows'])} rows counting every other word, on "
        f"{met['damaged_other']} leaving out bound morphemes the writer typed apart (and their hosts)."
    )
    out.append("\n| outlet | protocol | fit / test articles | gold ZWNJ words | oracle spaced | oracle fitted spaced |")
    out.append("|---|---|---:|---:|---:|---:|")
    for r in result["rows"]:
        if r["damage"] == "deleted":
            c = result["ceilings"][r["outlet"]]
            out.append(
                f"| {r['outlet']} | {r['protocol']} | {r['fit articles']} / {r['test articles']} | "
                f"{r['fitted']['zw_words']} | {_pct(c['oracle'])} | {_pct(c['oracle fitted'])} |"
            )
    if result["speed"]:
        out.append(
            f"\nSpeed over every outlet's test half, CPU time, {result['rounds']} alternating rounds "
            "(median M chars/s; × hazm: median and range of the per-round ratios):\n"
        )
        out.append("| damage | hazm M chars/s | shipped | × hazm | fitted | × hazm |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for damage, runs in result["speed"].items():
            cells = []
            for tool in ("shipped", "fitted"):
                ratios = [a / b for a, b in zip(runs[tool], runs["hazm"], strict=True)]
                cells.append(
                    f"{statistics.median(runs[tool]) / 1e6:.2f} | {statistics.median(ratios):.1f} "
                    f"({min(ratios):.1f}–{max(ratios):.1f})"
                )
            out.append(f"| {damage} | {statistics.median(runs['hazm']) / 1e6:.2f} | {' | '.join(cells)} |")
    if result["one_line"]:
        one = result["one_line"]
        out.append(
            f"\nOne line, ZWNJs deleted (shipped): 1 MB {one['1 MB s']:.2f} s, 10 MB {one['10 MB s']:.2f} s "
            f"({one['10 MB s'] / one['1 MB s']:.1f}× the time for 10× the text)."
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=("all", "isna", "fars", "news2025", "hamshahri"), default="all")
    ap.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    ap.add_argument("--rounds", type=int, default=3, help="speed rounds per damage (0: no speed)")
    ap.add_argument("--random-state", type=int, default=0, help="the split of each outlet into halves")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    result = run(args.corpus, args.limit, args.rounds, args.random_state)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
