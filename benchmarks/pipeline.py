"""The whole pipeline (``python -m toolkit process``) at 1k, 10k and 100k articles, in process and on Dask workers.

    python benchmarks/pipeline.py [--sizes 1000 10000 100000] [--workers 0 2] [--json PATH]

Corpus: every news article (ISNA, Fars, the 2025 outlets and the seed: 8,116 distinct texts)
resampled with replacement to each size (fixed seed; each copy gets its own doc_id), written as JSONL
files of 5,000 articles, as a scraper would deliver them. Each run is a fresh
``python -m toolkit process FILES --out EMPTY_FOLDER`` (``--workers 0``: in this one process;
``--workers 2``: a local Dask cluster of two worker processes), so start-up and model loading count.

Measured per run: wall seconds; articles/s; seconds per 1,000 articles (the same at every size = linear
time); peak memory of the whole process tree (the command, and the Dask scheduler, nannies and workers:
the sum of their resident memory, sampled every 0.2 s) — the same at every size = flat memory. The
``x in-process`` column is the speed-up of the Dask run over the in-process run of the same size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from toolkit import datasets

ROOT = Path(__file__).resolve().parents[1]
FILE_ROWS = 5000


def corpus() -> pd.DataFrame:
    """Every news article once: ISNA, Fars, the 2025 outlets (as in load_topics), the seed."""
    df = pd.concat([datasets.load_topics(corpora=("isna", "fars", "news2025")), datasets.load_seeds()])
    return df[["doc_id", "outlet", "title", "text"]].drop_duplicates("text").reset_index(drop=True)


def write_sample(df: pd.DataFrame, n: int, folder: Path) -> list[str]:
    """``n`` articles drawn with replacement, in JSONL files of FILE_ROWS lines."""
    folder.mkdir(parents=True)
    sample = df.sample(n, replace=True, random_state=n).reset_index(drop=True)
    sample["doc_id"] = sample.doc_id + "#" + sample.index.astype(str)
    files = []
    for i in range(0, n, FILE_ROWS):
        path = folder / f"part-{i // FILE_ROWS:04d}.jsonl"
        sample.iloc[i : i + FILE_ROWS].to_json(path, orient="records", lines=True, force_ascii=False)
        files.append(str(path))
    return files


class TreeMemory(threading.Thread):
    """Peak of the summed resident memory of a process and all its descendants, sampled every 0.2 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root, self.peak, self.done = psutil.Process(pid), 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, total)


def measure(files: list[str], out: Path, workers: int) -> dict:
    cmd = [sys.executable, "-m", "toolkit", "process", *files, "--out", str(out)]
    cmd += ["--workers", str(workers)] if workers else []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(proc.pid)
    memory.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    memory.done.set()
    memory.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return {"seconds": seconds, "peak_mb": memory.peak / 2**20, "summary": err.strip().splitlines()[-1]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--workers", type=int, nargs="+", default=[0, 2], help="0 = in process, N = N Dask workers")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    args = ap.parse_args(argv)
    articles = corpus()
    rows = []
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(articles)} distinct articles, resampled; {os.cpu_count()} CPUs; load before: {load}", flush=True)
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as tmp:
        for n in args.sizes:
            files = write_sample(articles, n, Path(tmp) / f"in-{n}")
            for workers in args.workers:
                r = measure(files, Path(tmp) / f"out-{n}-{workers}", workers)
                rows.append(
                    {
                        "articles": n,
                        "mode": f"{workers} Dask workers" if workers else "in process",
                        "seconds": round(r["seconds"], 1),
                        "articles/s": round(n / r["seconds"], 1),
                        "s per 1k": round(r["seconds"] / n * 1000, 2),
                        "peak MB": round(r["peak_mb"]),
                    }
                )
                print(rows[-1], "—", r["summary"], flush=True)
    table = pd.DataFrame(rows)
    base = table[table["mode"] == "in process"].set_index("articles")["seconds"]
    table["x in-process"] = (table.articles.map(base) / table.seconds).round(2)
    print(table.to_string(index=False))
    if args.json:
        args.json.write_text(json.dumps(table.to_dict("records"), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
