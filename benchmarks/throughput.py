"""Throughput of each step of the pipeline at N and 10 N articles, and the normalizer against hazm's, in one run.

    python benchmarks/throughput.py [--articles 500] [--json PATH]

Articles: every ISNA and Fars article (``datasets.load_topics(corpora=("isna", "fars"))``, 9,000 after removing
duplicates), shuffled with a fixed seed; the first N are the 1x set, the next 10 N (all different articles) the 10x set,
and 50 others warm the caches and load the models first. Time is CPU seconds of this process
(``time.process_time``), which the machine's other load disturbs less than the wall clock.

Steps, each the public function on raw article text, as a user calls it:
  normalize (toolkit)  ``toolkit.Normalizer().normalize`` (ZWNJ restoration on)
  normalize (hazm)     ``hazm.Normalizer().normalize`` — the peer, on the same texts in the same run
  topics               ``TopicClassifier.classify`` of the default model (one call per 100 articles)
  keywords             ``keywords.extract_keywords(title + "\\n" + text, k=10)``
  claims               ``claims.extract_claims(df)`` (one call per 100 articles)
  pipeline.analyze     all of the above as ``python -m toolkit process`` runs them (batches of 1,000)

Columns: articles/s at N and at 10 N, M chars/s at 10 N; ``10x time`` = seconds for 10 N / seconds for N,
next to ``10x chars`` = characters in 10 N / characters in N (the articles differ, so the size ratio is
not exactly 10; equal ratios are linear cost); ``x hazm`` = chars/s over hazm's at 10 N.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

from toolkit import Normalizer, datasets, pipeline, topics
from toolkit.claims import extract_claims
from toolkit.keywords import extract_keywords


def steps() -> dict:
    import hazm

    ours, theirs, model = Normalizer(), hazm.Normalizer(), topics.load_default()

    def classify(df: pd.DataFrame) -> None:
        for i in range(0, len(df), 100):
            model.classify(df.iloc[i : i + 100])

    def analyze(df: pd.DataFrame) -> None:
        for i in range(0, len(df), 1000):
            pipeline.analyze(df.iloc[i : i + 1000])

    return {
        "normalize (toolkit)": lambda df: [ours.normalize(t) for t in df.text],
        "normalize (hazm)": lambda df: [theirs.normalize(t) for t in df.text],
        "topics": classify,
        "keywords": lambda df: [extract_keywords(h) for h in (df.title + "\n" + df.text).str.strip()],
        "claims": lambda df: [extract_claims(df.iloc[i : i + 100]) for i in range(0, len(df), 100)],
        "pipeline.analyze": analyze,
    }


def cpu_seconds(step, df: pd.DataFrame) -> float:
    t0 = time.process_time()
    step(df)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500, help="N: the 1x set (10 N must fit in 9,000 - 50)")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    args = ap.parse_args(argv)
    corpus = datasets.load_topics(corpora=("isna", "fars")).sample(frac=1.0, random_state=0).reset_index(drop=True)
    n = args.articles
    if 11 * n + 50 > len(corpus):
        ap.error(f"--articles {n} needs {11 * n + 50} distinct articles; there are {len(corpus)}")
    warm, small, large = corpus[:50], corpus[50 : 50 + n], corpus[50 + n : 50 + 11 * n]
    size_ratio = round(large.text.str.len().sum() / small.text.str.len().sum(), 1)
    rows = []
    for name, step in steps().items():
        step(warm)
        t1, t10 = cpu_seconds(step, small), cpu_seconds(step, large)
        rows.append(
            {
                "step": name,
                "articles/s 1x": round(n / t1, 1),
                "articles/s 10x": round(10 * n / t10, 1),
                "M chars/s 10x": round(large.text.str.len().sum() / t10 / 1e6, 2),
                "10x time": round(t10 / t1, 1),
                "10x chars": size_ratio,
            }
        )
    table = pd.DataFrame(rows)
    hazm_speed = table.set_index("step").loc["normalize (hazm)", "M chars/s 10x"]
    table["x hazm"] = (table["M chars/s 10x"] / hazm_speed).round(2).where(table.step.str.startswith("normalize"), None)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"N = {n} and 10 N = {10 * n} articles ({large.text.str.len().mean():.0f} chars each); load: {load}")
    print(table.to_string(index=False, na_rep=""))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
