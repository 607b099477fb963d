"""The relation model of :func:`toolkit.compare.relate` against today's rule and a TF-IDF baseline, its speed,
numeric contradictions on their own, the seed, and :func:`toolkit.compare.group_claims` at scale.

    python benchmarks/compare.py              # everything (about ten minutes on a shared 2-core machine)
    python benchmarks/compare.py --quick      # the tables without the 4× grouping run

Every figure is on a test split the model and the baselines never saw (FarExStance upstream test: the split
is by claim; FarsTail Test). Models compared, in one run:

- *rule*: ``compare._relation`` (today's rule: numbers, negation, reciprocity, extra detail) on the text or the
  article's three sentences that share most of the claim's concepts, ``unrelated`` unless the two share two
  concepts besides places;
- *comparison features + LR*: ``benchmarks/stance.py``'s logistic regression on those features, trained on the
  task's training split (the 0.473 / 0.504 of today);
- *TF-IDF + LR*: word 1–2-gram TF-IDF of the claim and of the text (each its own vocabulary) and their cosine,
  logistic regression (balanced), trained on the task's training split;
- *relate*: the shipped model (``toolkit/resources/relate.skops``), one model for every task.

Relations map to stances and NLI labels as the model was trained: agree = agree / entailment, contradict =
disagree / contradiction, elaborate = discuss / neutral, unrelated = unrelated (neutral for FarsTail).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the speed figure is per core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import StandardScaler

from toolkit import compare, datasets, normalize
from toolkit.numbers import quantities

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import stance  # noqa: E402

STANCE = {v: k for k, v in compare.STANCE_RELATION.items()}  # relation → stance
NLI = {"agree": "e", "contradict": "c", "elaborate": "n", "unrelated": "n"}


def rule(claims: list[str], texts: list[str]) -> list[str]:
    out = []
    for claim, text in zip(claims, texts, strict=True):
        window = compare._window(claim, text)[0] if claim.strip() and text.strip() else ""
        if compare.pair_features(claim, window)["shared_non_place"] < 2:
            out.append("unrelated")
        else:
            out.append(compare._relation(claim, window)[0])
    return out


def tfidf_lr(train: pd.DataFrame, test: pd.DataFrame, label: str) -> np.ndarray:
    vc = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    vt = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
    vc.fit(train["claim"])
    vt.fit(train["text"])

    def x(df):
        c, t = vc.transform(df["claim"]), vt.transform(df["text"])
        both = TfidfVectorizer(ngram_range=(1, 1)).fit(pd.concat([df["claim"], df["text"]]))
        cos = np.asarray(both.transform(df["claim"]).multiply(both.transform(df["text"])).sum(axis=1))
        return sparse.hstack([c, t, sparse.csr_matrix(cos)], format="csr")

    lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    lr.fit(x(train), train[label])
    return lr.predict(x(test))


def features_lr(train: pd.DataFrame, test: pd.DataFrame, label: str) -> np.ndarray:
    x_train, _ = stance.features(train)
    x_test, _ = stance.features(test)
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(C=0.1, class_weight="balanced", max_iter=3000)
    model.fit(scaler.transform(x_train), train[label])
    return model.predict(scaler.transform(x_test))


def relation_table() -> pd.DataFrame:
    rows = []
    for task in ("article", "headline"):
        train = datasets.load_farexstance("train", task)
        test = datasets.load_farexstance("test", task)
        for df in (train, test):
            df["claim"] = df["claim"].fillna("").map(normalize)
            df["text"] = df["text"].fillna("").map(normalize)
        gold = test["stance"].to_numpy()
        t0 = time.perf_counter()
        ours = compare.relate_many(test["claim"], test["text"])["relation"].map(STANCE).to_numpy()
        seconds = time.perf_counter() - t0
        preds = {
            "rule (compare._relation)": [STANCE[r] for r in rule(test["claim"].tolist(), test["text"].tolist())],
            "comparison features + LR (stance.py)": features_lr(train, test, "stance"),
            "TF-IDF + LR": tfidf_lr(train, test, "stance"),
            "relate (toolkit model)": ours,
        }
        for name, p in preds.items():
            rows.append((f"FarExStance {task} → claim", name, "macro-F1", f1_score(gold, p, average="macro")))
        print(f"  {task}: {len(test):,} test pairs; relate_many {len(test) / seconds:,.0f} pairs/s", flush=True)
    train, test = datasets.load_farstail("train"), datasets.load_farstail("test")
    for df in (train, test):
        df["claim"] = df["hypothesis"].map(normalize)
        df["text"] = df["premise"].map(normalize)
    gold = test["label"].to_numpy()
    preds = {
        "rule (compare._relation)": [NLI[r] for r in rule(test["claim"].tolist(), test["text"].tolist())],
        "TF-IDF + LR": tfidf_lr(train, test, "label"),
        "relate (toolkit model)": compare.relate_many(test["claim"], test["text"])["relation"].map(NLI).to_numpy(),
    }
    for name, p in preds.items():
        rows.append(("FarsTail test", name, "accuracy", accuracy_score(gold, p)))
    table = pd.DataFrame(rows, columns=["task", "model", "measure", "value"])
    return table.pivot_table(index="model", columns="task", values="value", sort=False).round(3)


def paired(a: str, b: str) -> str:
    """compare_claims' relation for two claims of two outlets, ``unrelated`` when it does not pair them."""
    row = compare.compare_claims(pd.DataFrame({"outlet": ["A", "B"], "content": [a, b]})).iloc[0]
    return "unrelated" if row["relation"] == "unique" else row["relation"]


def claim_pairs_table() -> pd.DataFrame:
    """The frozen test part of the labelled cross-outlet claim pairs (``datasets.load_claim_pairs``)."""
    pairs = datasets.load_claim_pairs("test")
    a, b = "text_a", "text_b"
    gold = pairs["relation"].to_numpy()
    ca, cb = pairs[a].fillna("").map(normalize).tolist(), pairs[b].fillna("").map(normalize).tolist()
    preds = {
        "rule (compare._relation)": rule(ca, cb),
        "relate (toolkit model)": compare.relate_many(ca, cb)["relation"],
        "compare_claims (relate's gate, then the evidence)": [paired(x, y) for x, y in zip(ca, cb, strict=True)],
    }
    rows = [(name, len(pairs), f1_score(gold, p, average="macro")) for name, p in preds.items()]
    return pd.DataFrame(rows, columns=["model", "pairs", "macro-F1"]).round(3)


def numeric_table() -> pd.DataFrame:
    """Numeric contradictions on their own: each FarExStance test claim with a number and the word after it,
    against itself with the number moved out of its range (contradict: ×4 + 1000, like 400–500 against
    2,000), written in another script or inside the range (not a contradiction)."""
    to_latin = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    to_arabic = str.maketrans("۰۱۲۳۴۵۶۷۸۹0123456789", "٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩")
    claims = pd.concat([datasets.load_farexstance("test", t)["claim"] for t in ("article", "headline")])
    a, b, gold = [], [], []
    for claim in dict.fromkeys(claims.fillna("").map(normalize)):
        q = next(
            (q for q in quantities(claim) if q.low == q.high and q.low >= 2 and re.fullmatch(r"[\d۰-۹]+", q.text)), None
        )
        if q is None or not re.match(r"\s*[^\W\d]", claim[q.end :]):
            continue
        head, tail = claim[: q.start], claim[q.end :]
        moved = str(int(q.low) * 4 + 1000)
        a += [claim] * 3
        b += [head + moved + tail, head + q.text.translate(to_latin) + tail, head + q.text.translate(to_arabic) + tail]
        gold += ["contradict", "same", "same"]
    gold = np.array(gold)
    rows = []
    for name, pred in (
        ("rule (compare._relation)", rule(a, b)),
        ("relate (toolkit model)", compare.relate_many(a, b)["relation"]),
    ):
        pred = np.asarray(pred) == "contradict"
        truth = gold == "contradict"
        rows.append((name, int(truth.sum()), int((~truth).sum()), pred[truth].mean(), 1 - pred[~truth].mean()))
    return pd.DataFrame(rows, columns=["model", "moved", "same value", "found (recall)", "kept (specificity)"]).round(3)


def speed() -> str:
    """relate_many on claim pairs (FarExStance headline test claims against their headlines and against others'),
    every cache cleared first (lemmas too): every text and word is seen for the first time, as in a new corpus."""
    test = datasets.load_farexstance("test", "headline")
    claims, texts = test["claim"].fillna("").map(normalize).tolist(), test["title"].fillna("").map(normalize).tolist()
    claims, texts = claims * 2, texts[::-1] + texts  # 2,562 pairs, half related, half shuffled
    for f in (compare.concepts, compare._profile, compare._predicates, compare._quantities, compare._reciprocal,
              compare.lemmatize, compare._bucket):  # fmt: skip
        f.cache_clear()
    compare._model()
    t0 = time.process_time()
    compare.relate_many(claims, texts)
    cold = len(claims) / (time.process_time() - t0)
    t0 = time.process_time()
    compare.relate_many(claims, texts)
    warm = len(claims) / (time.process_time() - t0)
    return (
        f"relate_many: {cold:,.0f} pairs/s first time, {warm:,.0f} pairs/s again"
        f" (CPU time, one core, {len(claims):,} pairs)"
    )


def seed() -> str:
    pairs = compare.compare_claims(__import__("toolkit.claims", fromlist=["x"]).extract_claims(datasets.load_seeds()))
    matched = pairs[pairs.relation != "unique"]
    return (
        "seed: "
        + "; ".join(f"{r.outlet_a} ~ {r.outlet_b} {r.relation} ({r.reason})" for r in matched.itertuples())
        + (
            f"; unique: {', '.join(sorted(set(pairs.loc[pairs.relation == 'unique', 'outlet_a'])))}"
            f" ({(pairs.relation == 'unique').sum()} claims)"
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="leave out the 4× grouping run")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    print("relations (test splits):", flush=True)
    print(relation_table().to_string())
    print("\ncross-outlet claim pairs (frozen part):")
    print(claim_pairs_table().to_string(index=False))
    print("\nnumeric contradictions (FarExStance test claims, the number moved, rewritten or kept):")
    print(numeric_table().to_string(index=False))
    print("\n" + speed())
    print(seed())
    print()
    grouping(quick=args.quick)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{time.perf_counter() - t0:.0f} s in all; peak memory {peak:.0f} MB")
    return 0


def corpus_claims() -> pd.DataFrame:
    """Every claim extract_claims finds in the bundled news corpora (ISNA, Fars, news2025, Hamshahri Online),
    with the outlet it is attributed to (the publishing outlet where it names none) and the article's date."""
    from toolkit.claims import extract_claims

    loaders = (datasets.load_isna, datasets.load_fars, datasets.load_news2025, datasets.load_hamshahri)
    articles = pd.concat([f() for f in loaders], ignore_index=True)
    if "date" not in articles:
        articles["date"] = ""
    claims = extract_claims(articles[["doc_id", "text"]])
    meta = articles.set_index("doc_id")[["outlet", "date"]].rename(columns={"outlet": "publisher"})
    claims = claims.join(meta, on="doc_id")
    claims["outlet"] = claims["outlet"].where(claims["outlet"].str.len() > 0, claims["publisher"])
    claims["date"] = claims["date"].fillna("").astype(str)
    return claims


def grouping(quick: bool) -> str:
    """group_claims on every claim of the bundled corpora (1×) and on four copies of them, each with its own
    outlets and one more word so that no copy is the same text (4×): time (wall), and the peak memory
    group_claims allocates (tracemalloc, in a second run)."""
    import tracemalloc

    t0 = time.perf_counter()
    claims = corpus_claims()
    lines = [
        f"group_claims: {len(claims):,} claims extracted from the bundled corpora in {time.perf_counter() - t0:.0f} s"
    ]
    print(lines[0], flush=True)
    runs = [1] if quick else [1, 4]
    seconds = {}
    for times in runs:
        words = ["امروز", "اکنون", "همچنین", "سرانجام"]
        big = pd.concat(
            [
                claims.assign(outlet=claims["outlet"] + f" {r}", content=claims["content"] + " " + words[r])
                for r in range(times)
            ]
            if times > 1
            else [claims],
            ignore_index=True,
        )
        t0 = time.perf_counter()
        groups = compare.group_claims(big)
        seconds[times] = time.perf_counter() - t0
        tracemalloc.start()
        compare.group_claims(big)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        shared = groups[groups["outlets"].map(len) > 1]
        relations = Counter(r for d in groups["relations"] for r, n in d.items() for _ in range(n))
        lines.append(
            f"  {times}×: {len(big):,} claims → {len(groups):,} groups ({len(shared):,} with two outlets or more, "
            f"largest {groups['size'].max()}), {seconds[times]:.1f} s, peak {peak:.0f} MB allocated; "
            f"relations inside: {dict(relations.most_common())}"
        )
        print(lines[-1], flush=True)
    if len(seconds) == 2:
        lines.append(f"  time 4× / 1×: {seconds[4] / seconds[1]:.1f}")
        print(lines[-1], flush=True)
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
