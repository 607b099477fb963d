"""compare_claims' decision on the labelled claim pairs (issue 20): per-relation precision and recall.

    python benchmarks/claim_pairs.py            # the frozen test part, then dev for reference

Each pair of :func:`toolkit.datasets.load_claim_pairs` is given to :func:`toolkit.compare.compare_claims` as two
claims of two outlets (their contents normalized with :func:`toolkit.normalize`, as ``extract_claims`` gives
them). Its decision on the pair is the relation it returns, and ``unrelated`` when it does not pair them (both
``unique``: below the similarity threshold, fewer than two shared concepts besides places, or found unrelated
by :func:`toolkit.compare._decide`). A second table scores the decision alone (:func:`toolkit.compare._decide`
with the model's gate left open) on the pairs a reader found related (agree, elaborate, contradict): how well
it tells the three apart once the proposition is known to be shared. Numeric contradictions (``numeric``) are
counted on their own: how many are called contradictions, and how many of the «numeric mismatch»
contradictions are contradictions at all.
"""

from __future__ import annotations

import argparse

import pandas as pd
from sklearn.metrics import f1_score, precision_recall_fscore_support

from toolkit import datasets, normalize
from toolkit.compare import _decide, compare_claims

RELATIONS = list(datasets.CLAIM_RELATIONS)


def decide(a: str, b: str) -> tuple[str, str]:
    """(relation, reason) of ``compare_claims`` for one pair of claims of two outlets."""
    frame = pd.DataFrame({"outlet": ["A", "B"], "content": [a, b]})
    row = compare_claims(frame).iloc[0]
    return ("unrelated", "not paired") if row["relation"] == "unique" else (row["relation"], row["reason"])


def table(gold: pd.Series, pred: pd.Series, labels: list[str]) -> pd.DataFrame:
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    out = pd.DataFrame({"relation": labels, "pairs": n, "predicted": [(pred == x).sum() for x in labels]})
    out["precision"], out["recall"], out["F1"] = p.round(3), r.round(3), f.round(3)
    return out


def score(pairs: pd.DataFrame, name: str) -> None:
    a = pairs["text_a"].map(normalize)
    b = pairs["text_b"].map(normalize)
    decided = [decide(x, y) for x, y in zip(a, b, strict=True)]
    pred = pd.Series([d[0] for d in decided], index=pairs.index)
    reason = pd.Series([d[1] for d in decided], index=pairs.index)
    gold = pairs["relation"]
    macro = f1_score(gold, pred, labels=RELATIONS, average="macro", zero_division=0)
    majority = f1_score(gold, pd.Series("unrelated", index=gold.index), labels=RELATIONS, average="macro")
    print(f"\n{name}: {len(pairs)} pairs — compare_claims' decision on each pair")
    print(table(gold, pred, RELATIONS).to_markdown(index=False))
    print(f"macro-F1 {macro:.3f} (all 'unrelated': {majority:.3f}); accuracy {(gold == pred).mean():.3f}")
    print(
        pd.crosstab(gold, pred, rownames=["gold"], colnames=["compare_claims"])
        .reindex(RELATIONS, fill_value=0)
        .to_markdown()
    )
    print(pd.crosstab(reason, gold, rownames=["reason"], colnames=["gold"]).to_markdown())

    related = gold != "unrelated"
    rel = [_decide(x, y, 0.0)[0] for x, y in zip(a[related], b[related], strict=True)]
    rel = pd.Series(rel, index=gold[related].index)
    labels = ["agree", "elaborate", "contradict"]
    macro3 = f1_score(gold[related], rel, labels=labels, average="macro", zero_division=0)
    print(f"\n{name}: the {related.sum()} related pairs — _decide alone (the model's gate left open)")
    print(table(gold[related], rel, labels).to_markdown(index=False))
    print(f"macro-F1 {macro3:.3f}")

    numeric = pairs["numeric"]
    called = reason == "numeric mismatch"
    print(
        f"\n{name}: numeric contradictions — {int(numeric.sum())} labelled; compare_claims calls "
        f"{int((pred[numeric] == 'contradict').sum())} of them contradictions "
        f"({int((reason[numeric] == 'numeric mismatch').sum())} for a numeric mismatch). It finds "
        f"{int(called.sum())} numeric mismatches: {int((gold[called] == 'contradict').sum())} contradictions, "
        f"{int(numeric[called].sum())} numeric ones; the others are "
        f"{ {k: int(v) for k, v in gold[called & (gold != 'contradict')].value_counts().items()} }"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "dev", "both"), default="both")
    args = parser.parse_args()
    pairs = datasets.load_claim_pairs()
    for split in ("test", "dev") if args.split == "both" else (args.split,):
        score(pairs[pairs["split"] == split].reset_index(drop=True), split)


if __name__ == "__main__":
    main()
