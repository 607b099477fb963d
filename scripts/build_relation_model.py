"""Train the relation model of :func:`toolkit.compare.relate` and write ``toolkit/resources/relate.skops``.

    python scripts/build_relation_model.py               # train on every training split, write the model
    python scripts/build_relation_model.py --validate    # scores on held-out parts of the training splits only

The model is a multinomial logistic regression on :func:`toolkit.compare._design` (comparison features of the
claim against the text or the article's best-matching sentences, three times: for all pairs, articles, short
texts; and hashed lemma features of what the two share and what each says alone). It is trained on the
training side of every bundled corpus that labels a relation between two texts, never on a test split:

- FarExStance headline → claim (upstream train and dev), article → claim (upstream dev: the upstream train file
  is not in the snapshot); stance agree / disagree / discuss / unrelated → relation agree / contradict /
  elaborate / unrelated;
- FarsTail NLI (Train and Val): entailment / contradiction / neutral → agree / contradict / elaborate.

Article pairs are rare (1,264 against 27,000 short pairs) and weigh ``--article-weight`` times as much. The
file holds only numpy arrays, strings and numbers (loaded with that trusted-types list); the same data and
``random_state`` give the same file.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from toolkit import compare, datasets, normalize

ROOT = Path(__file__).resolve().parents[1]
#: Iterations of the solver (lbfgs): enough for the scores to settle (validated), few enough for minutes.
MAX_ITER = 300
FOLDS = 3
NLI_RELATION = {"e": "agree", "c": "contradict", "n": "elaborate"}


def training_pairs() -> pd.DataFrame:
    """Every training pair: ``claim, text, relation, source, group`` (group: the claim, for splits by claim)."""
    frames = []
    for task in ("headline", "article"):
        df = datasets.load_farexstance("train", task)
        frames.append(pd.DataFrame({
            "claim": df["claim"], "text": df["text"], "relation": df["stance"].map(compare.STANCE_RELATION),
            "source": task, "group": task + ":" + df["claim_id"].astype(str),
            "upstream": df["upstream_split"],
        }))  # fmt: skip
    nli = datasets.load_farstail("train")
    frames.append(pd.DataFrame({
        "claim": nli["hypothesis"], "text": nli["premise"], "relation": nli["label"].map(NLI_RELATION),
        "source": "farstail", "group": "farstail:" + nli["premise"].astype(str), "upstream": "train",
    }))  # fmt: skip
    out = pd.concat(frames, ignore_index=True)
    out["claim"] = out["claim"].fillna("").map(normalize)
    out["text"] = out["text"].fillna("").map(normalize)
    return out


def fit(x, y: np.ndarray, weight: np.ndarray, *, c: float, random_state: int) -> dict:
    """The model as plain arrays: scaling of the dense block, coefficients, intercepts."""
    d = 3 * len(compare._DENSE)
    dense = x[:, :d].toarray()
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=MAX_ITER, tol=1e-3, random_state=random_state)
    lr.fit(compare._scaled(x, mean, scale), y, sample_weight=weight)
    order = [list(lr.classes_).index(r) for r in compare.RELATIONS]
    return {
        "format": compare.MODEL_FORMAT,
        "relations": list(compare.RELATIONS),
        "features": list(compare._DENSE),
        "hash_dim": compare._HASH_DIM,
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "coef": lr.coef_[order].astype(np.float32),
        "intercept": lr.intercept_[order].astype(np.float32),
    }


def weights(source: pd.Series, article_weight: float) -> np.ndarray:
    return np.where(source == "article", article_weight, 1.0)


def predict(model: dict, x) -> np.ndarray:
    return np.asarray(compare.RELATIONS)[compare._probabilities(model, x).argmax(axis=1)]


def validate(pairs: pd.DataFrame, x, args) -> None:
    y = pairs["relation"].to_numpy()
    src = pairs["source"].to_numpy()
    w = weights(pairs["source"], args.article_weight)
    # article → claim: 5 folds of the article pairs by claim, every other pair always in training
    art = np.flatnonzero(src == "article")
    pred = np.empty(len(art), dtype=object)
    for _, te in GroupKFold(FOLDS).split(art, groups=pairs["group"].to_numpy()[art]):
        keep = np.ones(len(pairs), bool)
        keep[art[te]] = False
        model = fit(x[keep], y[keep], w[keep], c=args.C, random_state=args.random_state)
        pred[te] = predict(model, x[art[te]])
    print(f"article → claim ({FOLDS} folds by claim): macro-F1 {f1_score(y[art], pred, average='macro'):.3f}")
    # headline → claim: train on everything but the upstream dev headlines, score those
    dev = (src == "headline") & (pairs["upstream"].to_numpy() == "dev")
    # FarsTail: 10 % of the premises held out
    rng = np.random.default_rng(args.random_state)
    premises = pairs.loc[src == "farstail", "group"].unique()
    held = set(rng.choice(premises, len(premises) // 10, replace=False))
    nli = pairs["group"].isin(held).to_numpy()
    model = fit(x[~(dev | nli)], y[~(dev | nli)], w[~(dev | nli)], c=args.C, random_state=args.random_state)
    print(f"headline → claim (upstream dev): macro-F1 {f1_score(y[dev], predict(model, x[dev]), average='macro'):.3f}")
    p = predict(model, x[nli])
    p = np.where(p == "unrelated", "elaborate", p)
    print(f"FarsTail (10 % of train premises): accuracy {accuracy_score(y[nli], p):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--validate", action="store_true", help="score held-out parts of the training data, write nothing")
    ap.add_argument("--C", type=float, default=0.5, help="inverse regularization of the logistic regression")
    ap.add_argument("--article-weight", type=float, default=5.0)
    ap.add_argument("--random-state", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "toolkit" / "resources" / "relate.skops")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    pairs = training_pairs()
    x, _ = compare._design(pairs["claim"].tolist(), pairs["text"].tolist())
    print(f"{len(pairs):,} training pairs, {x.shape[1]:,} features, {time.perf_counter() - t0:.0f} s")
    if args.validate:
        validate(pairs, x, args)
        return 0
    model = fit(x, pairs["relation"].to_numpy(), weights(pairs["source"], args.article_weight),
                c=args.C, random_state=args.random_state)  # fmt: skip
    compare._save_model(model, args.out)
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}, "
          f"{args.out.stat().st_size / 1e6:.2f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
