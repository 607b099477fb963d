"""Topic classification benchmark: TopicClassifier beside a fastText baseline, in the same run.

    python benchmarks/topics.py [--choices] [--json PATH]

Data (``toolkit.datasets.load_topics``): ISNA and Fars in one taxonomy, split by article (duplicate-free).
Every model here is trained on the *train* split only; nothing is tuned on a test set.

  test split     ISNA + Fars test articles (never trained on)
  unseen         news2025: 4 other agencies (Borna, Hamshahri Online, Khabaronline, Tasnim) in 1404 SH
                 (2025); the training articles are ISNA (about 1397–1398) and Fars (1384–1400)
  cross-outlet   a model trained on one outlet's train split, tested on every article of the other outlet
                 (in the topics it knows), beside the same model on its own outlet's test split; and the
                 ISNA-only model on the Fars articles of 1384–1395, years before ISNA's
  desks          ISNA's five desks as read by a model trained on Fars' train split alone
  ZWNJ damage    the test split with every ZWNJ deleted, or turned into a space

fastText (``pip install '.[bench]'``, package fasttext-wheel): supervised, on the same normalized text
(the same first 1,500 characters), epoch 25, lr 0.5, word bigrams, minCount 2, dim 100, one thread
(deterministic). If fastText cannot be imported the table says so.

Performance, in a fresh process: training on every labelled article (train + test), the seconds
spent normalizing, prediction throughput (articles per second, one ``predict`` call over the test split,
normalization included) and the peak resident memory of that process.

``--choices`` adds the 5-fold cross-validation on the train split behind the defaults (class weights,
prior correction, self-training on unlabelled Fars articles, character n-grams, Fars articles weighted
more than ISNA's, then C, the characters read, the n-gram cap and range one at a time, and last other
models on the same features: logistic regression, complement naive Bayes, outlet-aware features); it takes
~26 minutes. It also measures, once, a variant rejected on those figures: ISNA desks relabelled by a
Fars-trained model.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from toolkit import datasets, evaluation, topics
from toolkit.chars import ZWNJ
from toolkit.features import Normalize


def table(rows: list[dict], floats: str = "{:.3f}") -> str:
    df = pd.DataFrame(rows)
    out = [
        "| " + " | ".join(df.columns) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(df.columns))) + "|",
    ]
    for r in df.itertuples(index=False):
        out.append("| " + " | ".join(floats.format(v) if isinstance(v, float) else str(v) for v in r) + " |")
    return "\n".join(out)


FASTTEXT = {"epoch": 25, "lr": 0.5, "wordNgrams": 2, "minCount": 2, "dim": 100, "thread": 1, "seed": 0}


class FastText:
    """fastText supervised with the same input as TopicClassifier (normalized, first 1,500 characters)."""

    def __init__(self):
        self.normalize = Normalize(max_chars=1500)

    def _lines(self, df: pd.DataFrame) -> list[str]:
        texts = self.normalize.transform((df.title.fillna("") + "\n" + df.text.fillna("")).tolist())
        return [" ".join(t.split()) for t in texts]

    def fit(self, df: pd.DataFrame, y) -> FastText:
        import fasttext

        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            for label, line in zip(y, self._lines(df), strict=True):
                f.write(f"__label__{label} {line}\n")
        try:
            self.model = fasttext.train_supervised(f.name, verbose=0, **FASTTEXT)
        finally:
            os.unlink(f.name)
        return self

    def predict(self, df: pd.DataFrame) -> np.ndarray:
        # model.predict on a list returns broken probabilities with numpy 2; the labels come one by one
        return np.array([self.model.f.predict(line + "\n", 1, 0.0, "strict")[0][1][9:] for line in self._lines(df)])


def fasttext_or_reason():
    try:
        import fasttext  # noqa: F401

        return None
    except ImportError as e:
        return f"fastText not installed ({e}); install the bench extra: pip install -e '.[bench]'"


def scores(model, df: pd.DataFrame, ci: bool = False) -> dict:
    """Accuracy and macro-F1; with ``ci``, their 95 % bootstrap intervals (1,000 resamples of the articles)."""
    ev = evaluation.evaluate_topics(model, df)
    out = {"articles": len(df), "accuracy": ev.accuracy, "macro_f1": ev.macro_f1}
    if ci:
        truth, pred = df.topic.to_numpy(), ev.predictions.to_numpy()
        rng = np.random.default_rng(0)
        acc, f1 = [], []
        for _ in range(1000):
            i = rng.integers(0, len(df), len(df))
            acc.append((truth[i] == pred[i]).mean())
            f1.append(f1_score(truth[i], pred[i], labels=sorted(set(truth[i])), average="macro", zero_division=0))
        out["accuracy 95% CI"] = "{:.3f}–{:.3f}".format(*np.percentile(acc, [2.5, 97.5]))
        out["macro_f1 95% CI"] = "{:.3f}–{:.3f}".format(*np.percentile(f1, [2.5, 97.5]))
    return out


def accuracy_tables(train, test, unseen, missing_fasttext) -> tuple[list[dict], list[dict], pd.DataFrame]:
    models = {"TopicClassifier": topics.TopicClassifier()}
    if missing_fasttext is None:
        models["fastText"] = FastText()
    sets = {
        "test split (ISNA + Fars)": test,
        "test split, ISNA": test[test.outlet == "ISNA"],
        "test split, Fars": test[test.outlet == "Fars"],
        "news2025: unseen outlets, unseen year": unseen,
    }
    rows, speed, per_class = [], [], {}
    for name, model in models.items():
        t0 = time.perf_counter()
        model.fit(train, train.topic)
        fit_s = time.perf_counter() - t0
        for set_name, df in sets.items():
            rows.append({"model": name, "evaluated on": set_name, **scores(model, df, ci=True)})
        t0 = time.perf_counter()
        ev = evaluation.evaluate_topics(model, test)
        speed.append({"model": name, "fit s": fit_s, "predict articles/s": len(test) / (time.perf_counter() - t0)})
        per_class[name] = ev.per_class.set_index("topic")["f1"]
    f1 = pd.DataFrame(per_class).reindex(list(topics.TOPICS))
    return rows, speed, f1


def cross_outlet_table(train, test, models: list[str]) -> list[dict]:
    articles = pd.concat([train, test], ignore_index=True)
    rows = []
    for name in models:
        estimator = topics.TopicClassifier() if name == "TopicClassifier" else FastText()
        cross = topics.cross_outlet(articles, estimator)
        rows += [{"model": name, **r} for r in cross.to_dict("records")]
        # strictly other years too: Fars articles from before ISNA's (about 1397–1398)
        isna = train[train.outlet == "ISNA"]
        model = (topics.TopicClassifier() if name == "TopicClassifier" else FastText()).fit(isna, isna.topic)
        early = articles[(articles.outlet == "Fars") & articles.topic.isin(set(isna.topic))]
        early = early[early.date.str[:4].astype(int) <= 1395]
        got = scores(model, early, ci=True)
        rows.append({"model": name, "trained_on": "ISNA", "tested_on": "Fars 1384–1395", **got})
    return rows


def fars_reader(train) -> topics.TopicClassifier:
    """A model trained on Fars' train split alone: it knows Fars' world and social sections."""
    fars = train[train.outlet == "Fars"]
    return topics.TopicClassifier().fit(fars, fars.topic)


def desks_table(reader, train, test) -> pd.DataFrame:
    """How ``reader`` (:func:`fars_reader`) reads ISNA's five desks: ISNA files foreign news under politics
    and health under tech, where Fars has world and social sections."""
    isna = pd.concat([train, test])
    isna = isna[isna.outlet == "ISNA"]
    read = pd.crosstab(isna.label.values, reader.predict(isna), rownames=["ISNA desk"], colnames=["read as"])
    return read.reindex(columns=[t for t in topics.TOPICS if t in read.columns])


def relabel_table(reader, train, test, unseen) -> list[dict]:
    """Treat ISNA's politics and tech desks as covering world and social too: before training, relabel the
    ISNA train articles that ``reader`` (:func:`fars_reader`) reads as world (politics desk) or social (tech
    desk), when it finds that topic ``ratio`` times likelier than the desk's own."""
    isna = train[train.outlet == "ISNA"]
    proba = pd.DataFrame(reader.predict_proba(isna), index=isna.index, columns=reader.classes_)
    rows = []
    for ratio in (None, 2.0, 1.0):
        y = train.topic.copy()
        moved = 0
        if ratio:
            for desk, wider in (("politics", "world"), ("science-tech", "social")):
                hit = isna.index[(isna.topic == desk) & (proba[wider] > ratio * proba[desk])]
                y[hit] = wider
                moved += len(hit)
        model = topics.TopicClassifier().fit(train, y)
        name = f"relabelled at ratio {ratio:g}" if ratio else "desks as they are (default)"
        row = {"variant": name, "ISNA articles relabelled": moved}
        for set_name, df in (("test split", test), ("news2025", unseen)):
            got = scores(model, df)
            row[f"{set_name} accuracy"], row[f"{set_name} macro-F1"] = got["accuracy"], got["macro_f1"]
        rows.append(row)
    return rows


def zwnj_table(train, test) -> list[dict]:
    damaged = {
        "clean": test,
        "deleted": test.assign(title=test.title.str.replace(ZWNJ, ""), text=test.text.str.replace(ZWNJ, "")),
        "spaced": test.assign(title=test.title.str.replace(ZWNJ, " "), text=test.text.str.replace(ZWNJ, " ")),
    }
    variants = {
        "join (default)": {},
        "join + restore_zwnj": {"restore_zwnj": True},
        "split (as scikit-learn)": {"zwnj": "split"},
    }
    rows = []
    for name, params in variants.items():
        model = topics.TopicClassifier(**params).fit(train, train.topic)
        row = {"features": name, "normalize s": model.fit_seconds_["normalize"]}
        for damage, df in damaged.items():
            row[f"macro_f1 {damage}"] = scores(model, df)["macro_f1"]
        rows.append(row)
    return rows


def peak_memory_mb() -> float:
    """Peak resident memory of this process: VmHWM (Linux; unlike ru_maxrss it does not carry the parent's
    peak across fork and exec), else ru_maxrss."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def performance() -> dict:
    train, test = datasets.load_topics("train"), datasets.load_topics("test")
    everything = pd.concat([train, test], ignore_index=True)
    t0 = time.perf_counter()
    model = topics.TopicClassifier().fit(everything, everything.topic)
    fit_s = time.perf_counter() - t0
    model.predict(test.head(50))  # warm caches
    t0 = time.perf_counter()
    model.predict(test)
    predict_s = time.perf_counter() - t0
    return {
        "articles trained on": len(everything),
        "training s": fit_s,
        "of which normalizing s": model.fit_seconds_["normalize"],
        "features s": model.fit_seconds_["features"],
        "SVM + calibration s": model.fit_seconds_["model"],
        "prediction articles/s": len(test) / predict_s,
        "peak memory MB": peak_memory_mb(),
        "cores": os.cpu_count(),
    }


def choices(train: pd.DataFrame) -> list[dict]:
    """5-fold cross-validation on the train split for the choices behind the defaults."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold

    train = train.reset_index(drop=True)
    unlabelled = _unlabelled_fars()
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(train, train.topic))
    labels = list(topics.TOPICS)

    def oof(
        params: dict, self_train: float | None = None, fars_weight: float = 1.0, fitted: list | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Out-of-fold probabilities; each fold's model is appended to ``fitted`` if given."""
        proba, priors = np.zeros((len(train), 7)), np.zeros((len(train), 7))
        for a, b in folds:
            tr = train.iloc[a]
            weight = np.where(tr.outlet == "ISNA", 1.0, fars_weight)
            m = topics.TopicClassifier(**params).fit(tr, tr.topic, sample_weight=weight)
            if fitted is not None:
                fitted.append(m)
            if self_train is not None:
                p = m.predict_proba(unlabelled)
                sure = p.max(axis=1) >= self_train
                extra = unlabelled[sure].assign(topic=m.classes_[p[sure].argmax(axis=1)])
                tr = pd.concat([tr, extra])
                m = topics.TopicClassifier(**params).fit(tr, tr.topic)
            proba[b], priors[b] = m.predict_proba(train.iloc[b]), m.priors_
        return proba, priors, m.classes_

    def row(name, proba, priors, classes, alpha):
        pred = classes[(proba / priors**alpha).argmax(axis=1)]
        f1 = f1_score(train.topic, pred, labels=labels, average=None)
        return {
            "variant": name,
            "macro_f1": float(f1.mean()),
            "accuracy": accuracy_score(train.topic, pred),
            "world F1": float(f1[labels.index("world")]),
            "social F1": float(f1[labels.index("social")]),
        }

    rows = []
    base = {"prior_correction": 0.0}
    default_models: list = []  # the default's model of each fold, for other_models
    for cw in (None, "balanced"):
        proba, priors, classes = oof({**base, "class_weight": cw}, fitted=default_models if cw else None)
        for alpha in (0.0, 0.5, 1.0):
            rows.append(row(f"class_weight={cw}, prior_correction={alpha}", proba, priors, classes, alpha))
    proba, priors, classes = oof(base, self_train=0.9)
    rows.append(row("self-training (p >= 0.9), prior_correction=0.5", proba, priors, classes, 0.5))
    proba, priors, classes = oof({**base, "char_ngrams": (3, 5)})
    rows.append(row("+ char 3-5-grams, prior_correction=0.5", proba, priors, classes, 0.5))
    for w in (3, 6):  # Fars' own taxonomy (world, social) counts more than ISNA's desks
        proba, priors, classes = oof(base, fars_weight=w)
        rows.append(row(f"Fars articles weighted {w}, prior_correction=0.5", proba, priors, classes, 0.5))
    for name, params in (  # the other defaults, one at a time
        ("C=0.25", {"C": 0.25}),
        ("C=2", {"C": 2.0}),
        ("first 800 characters", {"max_chars": 800}),
        ("whole text", {"max_chars": None}),
        ("every n-gram (no 50,000 cap)", {"max_features": None}),
        ("word unigrams only", {"word_ngrams": (1, 1)}),
        ("word 1-3-grams", {"word_ngrams": (1, 3)}),
    ):
        proba, priors, classes = oof({**base, **params})
        rows.append(row(f"{name}, prior_correction=0.5", proba, priors, classes, 0.5))
    return rows + other_models(train, folds, default_models, row)


def other_models(train: pd.DataFrame, folds: list, fitted: list, row) -> list[dict]:
    """Other models on the default's own features (``fitted``: its model of each fold, prior correction 0):
    logistic regression, complement naive Bayes, and outlet-aware features — each feature once for every
    article and once more for its outlet's articles only (Daumé's "frustratingly easy" domain adaptation),
    read with the article's outlet known, or unknown (the shared copy alone, as for a new outlet)."""
    from scipy import sparse
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB

    outlets, y = train.outlet.to_numpy(), train.topic.to_numpy()

    def by_outlet(x, rows: np.ndarray, known: bool):
        own = [sparse.diags(((outlets[rows] == o) & known).astype(float)) @ x for o in ("ISNA", "Fars")]
        return sparse.hstack([x, *own]).tocsr()

    names = ("logistic regression (C=30)", "complement naive Bayes (alpha 0.3)")
    names += ("outlet-aware features, outlet known", "outlet-aware features, outlet unknown")
    proba = {name: np.zeros((len(train), 7)) for name in names}
    priors = np.zeros((len(train), 7))
    for (a, b), m in zip(folds, fitted, strict=True):
        xa, xb = (m.pipeline_[:-1].transform(topics._texts(train.iloc[r])) for r in (a, b))
        lr = LogisticRegression(C=30, class_weight="balanced", max_iter=2000)
        proba[names[0]][b] = lr.fit(xa, y[a]).predict_proba(xb)
        proba[names[1]][b] = ComplementNB(alpha=0.3).fit(xa, y[a]).predict_proba(xb)
        svm = clone(m.pipeline_[-1]).fit(by_outlet(xa, a, True), y[a])
        proba[names[2]][b] = svm.predict_proba(by_outlet(xb, b, True))
        proba[names[3]][b] = svm.predict_proba(by_outlet(xb, b, False))
        priors[b] = m.priors_
    return [row(f"{name}, prior_correction=0.5", proba[name], priors, m.classes_, 0.5) for name in names]


def _unlabelled_fars() -> pd.DataFrame:
    """Fars train articles that map to no topic (province desks, magazine, before 1384, …)."""
    fars = datasets.load_fars("train")
    return fars[~fars.doc_id.isin(datasets.load_topics("train").doc_id)][["title", "text"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--choices", action="store_true", help="also run the cross-validation behind the defaults")
    ap.add_argument("--json", type=Path, help="also write every figure as JSON")
    args = ap.parse_args(argv)

    train, test = datasets.load_topics("train"), datasets.load_topics("test")
    unseen = datasets.load_topics(corpora=("news2025",))
    counts = pd.concat([train, test, unseen]).pivot_table(
        index="topic", columns=["outlet", "split"], values="doc_id", aggfunc="count", fill_value=0
    )
    print("## Articles by topic, outlet and split\n")
    print(counts.reindex(list(topics.TOPICS)).to_string(), "\n")

    missing = fasttext_or_reason()
    if missing:
        print(f"NOTE: {missing}\n")
    rows, speed, f1 = accuracy_tables(train, test, unseen, missing)
    print("## Accuracy (trained on the train split)\n")
    print(table(rows), "\n")
    print(table(speed, floats="{:.1f}"), "\n")
    print("## F1 by topic on the test split\n")
    print(f1.round(3).to_string(), "\n")
    cross = cross_outlet_table(train, test, [r["model"] for r in speed])
    print("## Cross-outlet: trained on one outlet's train split, tested on all articles of the other\n")
    print(table(cross).replace("nan", ""), "\n")
    reader = fars_reader(train)
    desks = desks_table(reader, train, test)
    print("## ISNA's desks read by a model trained on Fars' train split\n")
    print(desks.to_string(), "\n")
    zw = zwnj_table(train, test)
    print("## ZWNJ damage on the test split (macro-F1)\n")
    print(table(zw), "\n")
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # a fresh process: its peak memory is training's
        perf = pool.apply(performance)
    print("## Performance\n")
    print(table([perf], floats="{:.1f}"), "\n")
    result = {
        "accuracy": rows,
        "speed": speed,
        "f1_by_topic": f1.to_dict(),
        "cross_outlet": cross,
        "isna_desks_read_by_fars_model": desks.to_dict(),
        "zwnj": zw,
        "performance": perf,
    }
    if args.choices:
        ch = choices(train)
        print("## Choices: 5-fold cross-validation on the train split\n")
        print(table(ch), "\n")
        result["choices"] = ch
        relabel = relabel_table(reader, train, test, unseen)
        print("## ISNA desks relabelled with a Fars-trained model before training (measured, not chosen)\n")
        print(table(relabel), "\n")
        result["relabel"] = relabel
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
