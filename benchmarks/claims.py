"""Claim extraction: accuracy on the hand-labelled set, speed, and scaling with article size.

    python benchmarks/claims.py                 # accuracy on the held-out test3 passages, then speed
    python benchmarks/claims.py --split dev     # the passages the rules were written on
    python benchmarks/claims.py --no-speed
    python benchmarks/claims.py --before 8108feb --rounds 5   # speed beside a revision, 5 turns each, medians
    python benchmarks/claims.py --scaling --before 6612177   # only the time on hostile input, beside a revision

**Accuracy** (``datasets.load_claims_gold``, our labels in ``toolkit/resources/labels/``). The extractor runs
on each whole article;
its claims whose content starts in a labelled passage are compared with the passage's gold claims (a quotation
that began in an earlier passage and runs on into this one is that passage's claim; for contents that stop at
their sentence, as all did before quotations ran over sentences, this is the same as overlapping it). A
predicted claim matches a gold claim when their outlets are the same (canonical names; unknown outlets
compared without outlet words and spaces; both empty counts as the same) and their contents overlap by
at least the threshold: the number of word tokens in both spans divided by the number in the longer
span (0.5 and 0.8, the two levels the Gender Gap Tracker reports); a predicted content is first clipped to the
labelled passage's span, since the gold contents stop at the passage by construction while a direct quotation
running over several sentences is one content (ANNOTATION.md). Matching is one to one, best overlap
first. *Speaker* accuracy is over matched pairs: right when both are empty, or when the predicted
speaker and one of the gold forms (or all of them together) reach a token F1 of at least 0.5;
*speaker_named* also counts a predicted speaker that contains every word of a gold form (a name followed
by a long title). Unknown outlets match when one name extends the other («گرانما» / «گرانما کوبا»).

**Speed**: ISNA test articles, raw text in, DataFrame out, on 1 and 2 processes, in articles per
wall-clock second and per CPU second (the second is less affected by other work on the machine; the
load average before the run is printed). The share of the time spent in normalization
(``normalize_with_offsets``, which extraction runs first) is measured separately on the same articles,
in CPU time. **Scaling**: one article made of
ISNA texts at 0.25, 0.5 and 1 MB (time per MB should stay flat: linear time). ``--before REV`` adds the
speed of ``toolkit/claims`` as it was at ``REV`` (read with ``git show``: the module before issue 21 split it
into a package, or the package), in the same run; ``--rounds N`` times each N times, taking turns, and gives
the medians.

**Hostile input** (``--scaling``, nothing else): ``tests/hostile.py``'s mix (runs of cues with no sentence end,
broken quotes, no spaces, mixed letters, invisible characters in names, words that made the regexes
backtrack, ever new speakers: one sentence) at 50 kB, 100 kB, 250 kB and 1 MB (characters), in wall-clock
and CPU seconds, and the ratio of 1 MB to 250 kB (4x the input: linear time gives about 4, quadratic 16);
then each kind alone at 250 kB and 1 MB. With ``--before REV``, the mix also runs on that revision's
extractor, in a child process stopped after ``--timeout`` seconds.

**Comparison cost** (``--compare``, nothing else): ``compare_claims`` and ``claim_matrix`` on the first 1k, 2k,
4k, 8k and 16k claims that ``extract_claims`` finds in the ISNA then Fars articles (extracting them
takes about 30 s: ``--cache FILE`` keeps them in a Parquet file outside the repository), in seconds and in
peak memory above what the process held before the call (Linux ``VmHWM``, reset before each call); the
lexicon caches are cleared before each call. The comparison before the sparse rewrite (``toolkit/compare.py``
at ``--old REV``, read with ``git show``) runs on the sizes up to ``--old-max``, and its table is checked to
be the same. Then ``python -m toolkit compare`` on a 5 MB one-line file: one sentence with an attribution
cue repeated (one outlet), and two outlets stating the same claim in turn (too many pairs: exit code 2).
"""

from __future__ import annotations

import argparse
import atexit
import functools
import importlib.util
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from toolkit import Normalizer, compare, datasets, normalize
from toolkit.claims import extract_claims
from toolkit.evaluation import outlet_key
from toolkit.sources import canonical

ROOT = Path(__file__).resolve().parents[1]


def _hostile():
    """``tests/hostile.py``, the generator of hostile input the tests use (read from its file: tests/ is not
    installed)."""
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _hostile()

_WORD = re.compile(r"[^\W_]+")


def load_gold(split: str | None) -> list[dict]:
    return datasets.load_claims_gold(split).to_dict("records")


def same_outlet(gold: str, pred: str) -> bool:
    """Canonical names must be equal; an unknown outlet may be written with more words («گرانما کوبا»)."""
    g, p = outlet_key(gold), outlet_key(pred)
    if g == p:
        return True
    return (
        bool(g and p) and canonical(gold) is None and canonical(pred) is None and (g.startswith(p) or p.startswith(g))
    )


def _positions(text: str, a: int, b: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, a, b)}


def overlap(text: str, g: tuple[int, int], p: tuple[int, int]) -> float:
    """Word tokens in both spans over word tokens in the longer one."""
    pg, pp = _positions(text, *g), _positions(text, *p)
    return len(pg & pp) / max(len(pg), len(pp), 1)


def _speaker_tokens(s: str) -> set[str]:
    return set(_WORD.findall(normalize(s).replace("\u200c", " "))) if s else set()


def speaker_named(gold: str, pred: str) -> bool:
    """Looser: right if the predicted speaker contains every word of one gold form (a name with its title)."""
    p = _speaker_tokens(pred)
    if not gold:
        return not p
    return any(g and g <= p for g in (_speaker_tokens(f) for f in gold.split("|"))) or speaker_right(gold, pred)


def speaker_right(gold: str, pred: str) -> bool:
    """Gold forms (name, title …) are alternatives: right if the token F1 with one of them, or with all of
    them together (a name and its title), is at least 0.5; or if both are empty."""
    forms = gold.split("|") if gold else [""]
    p = _speaker_tokens(pred)
    if not gold:
        return not p
    for g in [*(_speaker_tokens(f) for f in forms), set().union(*(_speaker_tokens(f) for f in forms))]:
        common = len(g & p)
        if common and 2 * common / (len(g) + len(p)) >= 0.5:
            return True
    return False


def score(recs: list[dict], predicted: dict[str, pd.DataFrame], threshold: float) -> dict:
    texts = _texts()
    n_gold = n_pred = n_match = n_content = n_speaker = n_named = 0
    for r in recs:
        text = texts[r["doc_id"]]
        pred = predicted[r["doc_id"]]
        pred = pred[(pred.start >= r["start"]) & (pred.start < r["end"])]
        gold = r["claims"]
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(pred.itertuples()):
                # the gold stops at the passage by construction: a prediction is clipped to it (a quotation
                # that runs over several sentences is one content, ANNOTATION.md)
                clipped = (max(p.start, r["start"]), min(p.end, r["end"]))
                ov = overlap(text, (g["content_start"], g["content_end"]), clipped)
                if ov >= threshold:
                    pairs.append((ov, same_outlet(g["outlet"], p.outlet), gi, pi, g, p))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, same, gi, pi, g, p in sorted(pairs, key=lambda x: (-x[1], -x[0])):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            n_content += 1
            if same:
                n_match += 1
                n_speaker += speaker_right(g["speaker"], p.speaker)
                n_named += speaker_named(g["speaker"], p.speaker)
    prec = n_match / n_pred if n_pred else 0.0
    rec = n_match / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "threshold": threshold,
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(f1, 3),
        "content_only_f1": round(2 * n_content / (n_gold + n_pred), 3) if n_gold + n_pred else 0.0,
        "speaker_accuracy": round(n_speaker / n_match, 3) if n_match else 0.0,
        "speaker_named": round(n_named / n_match, 3) if n_match else 0.0,
    }


_TEXTS: dict[str, str] = {}


def _texts() -> dict[str, str]:
    if not _TEXTS:
        for df in (datasets.load_isna(), datasets.load_fars()):
            _TEXTS.update(zip(df["doc_id"], df["text"], strict=True))
    return _TEXTS


def accuracy(split: str | None) -> pd.DataFrame:
    recs = load_gold(split)
    texts = _texts()
    docs = sorted({r["doc_id"] for r in recs})
    frame = pd.DataFrame({"doc_id": docs, "text": [texts[d] for d in docs]})
    claims = extract_claims(frame)
    predicted = {d: g for d, g in claims.groupby("doc_id")}
    empty = claims.iloc[0:0]
    predicted = {d: predicted.get(d, empty) for d in docs}
    rows = [score(recs, predicted, t) for t in (0.5, 0.8)]
    return pd.DataFrame(rows)


@functools.cache
def claims_at(rev: str | None):
    """``extract_claims`` of ``toolkit/claims`` as it was at ``rev`` (the rest of the toolkit as it is now), or
    as it is now for ``None``: the module ``toolkit/claims.py`` before issue 21, the package after it (its
    modules copied to a temporary folder as the package ``claims_REV``, their imports of each other renamed)."""
    if rev is None:
        return extract_claims
    name = f"claims_{rev}"
    listed = subprocess.run(["git", "ls-tree", "--name-only", rev, "toolkit/claims/"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()  # fmt: skip
    if not listed:
        source = _git_show(rev, "toolkit/claims.py")
        module = types.ModuleType(name)
        sys.modules[module.__name__] = module  # dataclasses look their module up
        exec(compile(source, f"{rev}:toolkit/claims.py", "exec"), module.__dict__)
        return module.extract_claims
    folder = Path(tempfile.mkdtemp(prefix="claims_at_")) / name
    atexit.register(shutil.rmtree, folder.parent, True)
    folder.mkdir()
    for path in (p for p in listed if p.endswith(".py")):
        source = _git_show(rev, path).replace("toolkit.claims.", f"{name}.")
        (folder / Path(path).name).write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module(name).extract_claims


def _git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def _run(texts: list[str], rev: str | None = None) -> float:
    """Extract from every text; return the CPU seconds this process spent on it."""
    extract = claims_at(rev)
    t0 = time.process_time()
    extract(pd.Series(texts))
    return time.process_time() - t0


def speed(n: int, before: str | None = None, rounds: int = 1) -> pd.DataFrame:
    """Wall-clock throughput on 1 and 2 processes, and articles per CPU second (what the machine's other
    load does not change much: on an otherwise idle 2-core machine, 2 processes approach twice that); with
    ``before``, the same for that revision's extractor, in turn with this one. With ``rounds`` above 1, each
    is timed that many times, the extractors taking turns, and the median is given."""
    texts = datasets.load_isna("test")["text"].head(n).tolist()
    rows = []
    normalizer = Normalizer()
    t0 = time.process_time()
    for t in texts:
        normalizer.normalize_with_offsets(t)  # what extract_claims runs first, on each article
    t_norm = time.process_time() - t0
    revs = (None, before) if before else (None,)
    for rev in revs:
        claims_at(rev)(texts[0])  # load the lexicons once
    for workers in (1, 2):
        times: dict[str | None, list[tuple[float, float]]] = {rev: [] for rev in revs}
        for _ in range(rounds):
            for rev in revs:
                times[rev].append(_timed_run(texts, rev, workers))
        for rev in revs:
            dt = statistics.median(w for w, _ in times[rev])
            cpu = statistics.median(c for _, c in times[rev])
            rows.append({"claims.py": rev or "this", "processes": workers, "articles": len(texts),
                         "seconds": round(dt, 2), "articles_per_s": round(len(texts) / dt, 1),
                         "articles_per_cpu_s": round(len(texts) / cpu, 1)})  # fmt: skip
    rows[0]["normalization_share"] = round(t_norm / (len(texts) / rows[0]["articles_per_cpu_s"]), 2)
    return pd.DataFrame(rows)


def _timed_run(texts: list[str], rev: str | None, workers: int) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the workers) of extracting from every text on ``workers`` processes."""
    t0 = time.perf_counter()
    if workers == 1:
        cpu = _run(texts, rev)
    else:
        chunks = [texts[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers) as pool:
            cpu = sum(pool.map(_run, chunks, [rev] * workers))
    return time.perf_counter() - t0, cpu


def _timed(text: str, rev: str | None = None) -> tuple[int, float, float]:
    """(claims, wall-clock seconds, CPU seconds) of one extraction."""
    extract = claims_at(rev)
    t0, c0 = time.perf_counter(), time.process_time()
    k = len(extract(text))
    return k, time.perf_counter() - t0, time.process_time() - c0


def _timed_elsewhere(size: int, rev: str, timeout: float) -> str:
    """CPU seconds of ``rev``'s extractor on the hostile mix of ``size``, in a child process; ``> timeout``
    when it has not finished by then."""
    try:
        run = subprocess.run([sys.executable, __file__, "--hostile-size", str(size), "--before", rev],
                             cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=True)  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"> {timeout:g}"
    return run.stdout.split()[-1]


def hostile_scaling(before: str | None, timeout: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hostile mix at 50 kB … 1 MB, then each kind of hostile text alone at 250 kB and 1 MB."""
    extract_claims("وزیر گفت: بله.")
    rows = []
    for size in (50_000, 100_000, 250_000, 1_000_000):
        k, wall, cpu = _timed(hostile.hostile_mix(size))
        row = {"kB": size // 1000, "claims": k, "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}
        if before:
            row[f"cpu_seconds_at_{before}"] = _timed_elsewhere(size, before, timeout)
        rows.append(row)
    mix = pd.DataFrame(rows)
    kinds = []
    for name in hostile.KINDS:
        (k, _, small), (k4, _, big) = (_timed(hostile.kind(name, size)) for size in (250_000, 1_000_000))
        kinds.append({"kind": name, "claims_1MB": k4, "cpu_s_250kB": round(small, 2), "cpu_s_1MB": round(big, 2),
                      "ratio": round(big / small, 2) if small else float("nan")})  # fmt: skip
    return mix, pd.DataFrame(kinds)


def scaling() -> pd.DataFrame:
    texts = datasets.load_isna("test")["text"].tolist()
    big = "\n".join(texts)
    rows = []
    for mb in (0.25, 0.5, 1.0):
        n = int(mb * 1_000_000)
        article = big[:n]
        t0 = time.perf_counter()
        k = len(extract_claims(article))
        dt = time.perf_counter() - t0
        rows.append({"MB": mb, "claims": k, "seconds": round(dt, 2), "seconds_per_MB": round(dt / mb, 2)})
    return pd.DataFrame(rows)


#: The last revision with the dense comparison (an n × n similarity matrix and a Python loop over all pairs).
DENSE = "56bb0b2"


def corpus_claims(cache: str | None) -> pd.DataFrame:
    """The claims of every ISNA, then Fars, article (read from ``cache`` when it exists)."""
    if cache and Path(cache).exists():
        return pd.read_parquet(cache)
    articles = pd.concat([datasets.load_isna(), datasets.load_fars()], ignore_index=True)
    claims = extract_claims(articles[["doc_id", "text"]])
    if cache:
        claims.to_parquet(cache)
    return claims


def dense_compare(rev: str) -> types.ModuleType:
    """``toolkit/compare.py`` as it was at ``rev``."""
    source = subprocess.run(["git", "show", f"{rev}:toolkit/compare.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    module = types.ModuleType(f"compare_{rev}")
    exec(compile(source, f"{rev}:toolkit/compare.py", "exec"), module.__dict__)
    return module


def _rss_kb(field: str) -> int:
    return int(re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))


def measured(module: types.ModuleType, fn, *args):
    """(result, seconds, peak MB above the memory held before) of a call, with the module's caches cleared."""
    for obj in vars(module).values():
        if isinstance(obj, functools._lru_cache_wrapper):
            obj.cache_clear()
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current size
    before = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    result = fn(*args)
    dt = time.perf_counter() - t0
    return result, round(dt, 2), round((_rss_kb("VmHWM") - before) / 1024)


def compare_cost(sizes: list[int], cache: str | None, old_rev: str, old_max: int) -> pd.DataFrame:
    claims = corpus_claims(cache)
    dense = dense_compare(old_rev) if old_max else None
    compare.compare_claims(extract_claims(datasets.load_seeds()))  # load the lemmatizer (shared by both)
    rows = []
    for n in sizes:
        c = claims.head(n)
        pairs, seconds, mb = measured(compare, compare.compare_claims, c)
        row = {"claims": n, "outlets": c.outlet.nunique(), "matching_pairs": int((pairs.relation != "unique").sum()),
               "compare_s": seconds, "compare_MB": mb}  # fmt: skip
        _, row["matrix_s"], row["matrix_MB"] = measured(compare, compare.claim_matrix, c)
        if dense and n <= old_max:
            old, row["dense_compare_s"], row["dense_compare_MB"] = measured(dense, dense.compare_claims, c)
            row["same_table"] = old.equals(pairs)
        rows.append(row)
    return pd.DataFrame(rows)


def compare_5mb() -> pd.DataFrame:
    """``python -m toolkit compare`` on a 5 MB one-line file: one outlet, then two outlets in turn."""
    claim = "نیروهای عراقی مواضع داعش را بمباران کردند. "
    texts = {"one outlet": "المیادین گزارش داد داعش در سوریه است. ",
             "two outlets in turn": f"المیادین گزارش داد {claim}رویترز گزارش داد {claim}"}  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            path = Path(tmp) / "big.txt"
            path.write_text((text * (5_000_000 // len(text.encode()) + 1)).rstrip() + "\n")
            t0 = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "toolkit", "compare", str(path)], cwd=ROOT,
                                 capture_output=True, text=True)  # fmt: skip
            dt = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, in kB
            rows.append({"file": name, "MB": round(path.stat().st_size / 1e6, 1), "seconds": round(dt, 1),
                         "exit_code": run.returncode, "rows_out": max(run.stdout.count("\n") - 1, 0),
                         "peak_MB_so_far": round(peak / 1024), "stderr": run.stderr.strip()[:60]})  # fmt: skip
    return pd.DataFrame(rows)


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "test2", "test3", "all"], default="test3")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--articles", type=int, default=1000, help="ISNA test articles for the speed run")
    ap.add_argument("--compare", action="store_true", help="only the cost of comparing claims (see above)")
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000", help="numbers of claims for --compare")
    ap.add_argument("--cache", help="Parquet file keeping the corpus claims between --compare runs")
    ap.add_argument("--old", default=DENSE, help="git revision of the comparison to set beside (default: dense)")
    ap.add_argument("--old-max", type=int, default=4000, help="run the old comparison up to this many claims")
    ap.add_argument("--scaling", action="store_true", help="only the time on hostile input (see above)")
    ap.add_argument("--before", help="git revision of toolkit/claims to time beside this one")
    ap.add_argument("--rounds", type=int, default=1, help="time the speed run this many times, taking turns")
    ap.add_argument("--timeout", type=float, default=120, help="seconds --before may take on each hostile size")
    ap.add_argument("--hostile-size", type=int, help=argparse.SUPPRESS)  # one run, for --before in a child
    args = ap.parse_args(argv)
    if args.hostile_size is not None:
        print(round(_timed(hostile.hostile_mix(args.hostile_size), args.before)[2], 2))
        return 0
    split = None if args.split == "all" else args.split
    pd.set_option("display.width", 250)
    if args.scaling:
        mix, kinds = hostile_scaling(args.before, args.timeout)
        print(f"Hostile mix, one sentence (tests/hostile.py; {os.cpu_count()} CPUs, load before: {_load()}):")
        print(mix.to_string(index=False))
        big, small = mix.set_index("kB").loc[[1000, 250]].to_dict("index").values()
        print(f"1 MB / 250 kB: {big['seconds'] / small['seconds']:.2f} wall-clock, "
              f"{big['cpu_seconds'] / small['cpu_seconds']:.2f} CPU (4x the input)")  # fmt: skip
        print("\nEach kind alone:")
        print(kinds.to_string(index=False))
        return 0
    if args.compare:
        print("Comparison cost on the first n claims of ISNA, then Fars, articles:")
        print(
            compare_cost([int(n) for n in args.sizes.split(",")], args.cache, args.old, args.old_max).to_string(
                index=False
            )
        )
        print("\npython -m toolkit compare on a 5 MB one-line file:")
        print(compare_5mb().to_string(index=False))
        return 0
    print(f"Accuracy on the {args.split} passages of claims_gold:")
    print(accuracy(split).to_string(index=False))
    if not args.no_speed:
        cpus = f"{os.cpu_count()} CPUs, load before: {_load()}"
        print(f"\nSpeed (ISNA test articles, raw text in, DataFrame out; {cpus}):")
        print(speed(args.articles, args.before, args.rounds).to_string(index=False))
        print("\nScaling with article size:")
        print(scaling().to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
