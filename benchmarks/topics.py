"""Topic classification benchmark: TopicClassifier beside fastText and a plain TF-IDF + linear SVM, in one run.

    python benchmarks/topics.py [--choices] [--json PATH]

Data (``toolkit.datasets.load_topics``): ISNA, Fars and Hamshahri Online in one taxonomy, each split by article
(duplicate-free); news2025 (80 articles of Borna, Hamshahri Online, Khabaronline and Tasnim from 1404 SH) is
test-only. Nothing is tuned on a test split: the choices (``--choices``) are made by the leave-one-outlet-out
mean on the train splits alone.

  leave-one-outlet-out  the headline: for each of ISNA, Fars, Hamshahri, train on the other two outlets'
                        train split and test on every article of the held-out one; the mean over the three
  news2025              trained on the three train splits; also without its Hamshahri Online articles
                        (an outlet now trained on, though of another year)
  test split            in-domain: the three outlets' test articles, all and by outlet
  by length             the ISNA + Fars test articles and news2025 read as title only, title + the first 150
                        characters of the text, and the whole text
  desks                 ISNA's five desks read by a model trained on Fars' train split alone
  ZWNJ damage           the test split with every ZWNJ deleted, or turned into a space

TopicClassifier learns :func:`toolkit.topics.training_labels` (ISNA's politics and tech desks split where the
topic lexicon says world or social); the baselines learn the corpus labels as they are. TopicClassifier is the
shipped configuration, with its word-vector model; in the leave-one-outlet-out runs its vectors are trained
without the held-out outlet's text (``benchmarks/topic_vectors.py``, needs gensim: the ``vectors`` extra). The
``--choices`` variants are of the n-gram model alone (``benchmarks/topic_vectors.py`` chose the vectors). fastText
(``pip install '.[bench]'``, package fasttext-wheel): supervised, on the same normalized text (the same first
1,500 characters), epoch 25, lr 0.5, word bigrams, minCount 2, dim 100, one thread. The plain SVM: scikit-learn's
``TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)`` on title + text as they are, and
``LinearSVC()``.

Performance, in a fresh process: training on every labelled article of the three outlets (train + test), the
seconds of each step, prediction throughput (one ``predict`` over the test split, normalization included) and the
peak resident memory of that process.

``--choices`` adds the leave-one-outlet-out runs behind the defaults (train on the other outlets' train split,
test on the held-out outlet's train split), each variant changing one thing from the default, and the old recipe.
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

OUTLETS = ("ISNA", "Fars", "Hamshahri Online")


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


class PlainSVM:
    """A plain baseline: scikit-learn TF-IDF of word 1-2-grams (title + text as they are) and a LinearSVC."""

    def fit(self, df: pd.DataFrame, y) -> PlainSVM:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline
        from sklearn.svm import LinearSVC

        self.model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LinearSVC())
        self.model.fit(_plain(df), list(y))
        return self

    def predict(self, df: pd.DataFrame) -> np.ndarray:
        return self.model.predict(_plain(df))


def _plain(df: pd.DataFrame) -> list[str]:
    return (df.title.fillna("") + "\n" + df.text.fillna("")).tolist()


class WithVectors:
    """TopicClassifier as shipped (its word-vector model at :data:`toolkit.topics.VECTOR_WEIGHT`), but when
    one of :data:`OUTLETS` is missing from the training articles (leave-one-outlet-out), with vectors trained
    without that outlet's text (``benchmarks/topic_vectors.py``, the shipped settings; needs gensim, the
    ``vectors`` extra), so that the held-out outlet is unseen by the vectors too."""

    def fit(self, df: pd.DataFrame, y) -> WithVectors:
        held = [o for o in OUTLETS if o not in set(df.outlet)]
        vectors = topics.VECTORS
        if len(held) == 1:
            import topic_vectors

            vectors = str(topic_vectors.held_out_vectors(held[0]))
        self.model = topics.TopicClassifier(vectors=vectors, vector_weight=topics.VECTOR_WEIGHT).fit(df, y)
        return self

    def predict(self, df: pd.DataFrame) -> np.ndarray:
        return self.model.predict(df)


def as_is(df: pd.DataFrame) -> pd.Series:
    return df.topic


def models(missing_fasttext) -> dict:
    """name → (estimator factory, training labels)."""
    out = {"TopicClassifier": (WithVectors, topics.training_labels)}
    if missing_fasttext is None:
        out["fastText"] = (FastText, as_is)
    out["plain SVM"] = (PlainSVM, as_is)
    return out


def loo_table(articles: pd.DataFrame, named: dict) -> tuple[list[dict], dict]:
    """The headline: leave-one-outlet-out, each model, each held-out outlet, and the means."""
    rows, fitted = [], {}
    for name, (make, labels) in named.items():
        loo = topics.leave_one_outlet_out(articles, make(), outlets=OUTLETS, labels=labels)
        for r in loo.to_dict("records"):
            rows.append({"model": name, **r})
        rows.append(
            {
                "model": name,
                "held_out": "mean",
                "trained_on": "",
                "articles": int(loo.articles.sum()),
                "accuracy": float(loo.accuracy.mean()),
                "macro_f1": float(loo.macro_f1.mean()),
            }
        )
        fitted[name] = loo
    return rows, fitted


def crop(df: pd.DataFrame, length: str) -> pd.DataFrame:
    """The articles as title only, title + the first 150 characters of the text (cut at a space), or whole."""
    if length == "title only":
        return df.assign(text="")
    if length == "title + 150-char lead":
        return df.assign(text=df.text.map(lambda t: Normalize(max_chars=150)._cut(t)))
    return df


LENGTHS = ("title only", "title + 150-char lead", "full text")


def trained_tables(train, test, unseen, named) -> tuple[list[dict], list[dict], list[dict], pd.DataFrame]:
    """Models trained on the three train splits: news2025, the test split, by length; fit time and speed."""
    sets = {
        "news2025 (4 outlets, 1404)": unseen,
        "news2025 without Hamshahri Online": unseen[unseen.outlet != "Hamshahri Online"],
        "test split (3 outlets)": test,
        **{f"test split, {o}": test[test.outlet == o] for o in OUTLETS},
    }
    long = test[test.outlet != "Hamshahri Online"]
    rows, lengths, speed, per_class = [], [], [], {}
    for name, (make, labels) in named.items():
        model = make()
        t0 = time.perf_counter()
        model.fit(train, labels(train))
        fit_s = time.perf_counter() - t0
        for set_name, df in sets.items():
            rows.append({"model": name, "evaluated on": set_name, **scores(model, df, ci=set_name.startswith("news"))})
        for set_name, df in (("test split, ISNA + Fars", long), ("news2025", unseen)):
            for length in LENGTHS:
                got = scores(model, crop(df, length))
                lengths.append({"model": name, "evaluated on": set_name, "input": length, **got})
        t0 = time.perf_counter()
        ev = evaluation.evaluate_topics(model, test)
        speed.append({"model": name, "fit s": fit_s, "predict articles/s": len(test) / (time.perf_counter() - t0)})
        per_class[name] = ev.per_class.set_index("topic")["f1"]
    f1 = pd.DataFrame(per_class).reindex(list(topics.TOPICS))
    return rows, lengths, speed, f1


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
        model = topics.TopicClassifier(**params).fit(train, topics.training_labels(train))
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
    everything = datasets.load_topics()
    test = datasets.load_topics("test")
    t0 = time.perf_counter()
    y = topics.training_labels(everything)
    labels_s = time.perf_counter() - t0
    model = topics.TopicClassifier(vectors=topics.VECTORS, vector_weight=topics.VECTOR_WEIGHT).fit(everything, y)
    fit_s = time.perf_counter() - t0
    model.predict(test.head(50))  # warm caches
    t0 = time.perf_counter()
    model.predict(test)
    predict_s = time.perf_counter() - t0
    return {
        "articles trained on": len(everything),
        "training s": fit_s,
        "of which labels s": labels_s,
        "normalizing s": model.fit_seconds_["normalize"],
        "features s": model.fit_seconds_["features"],
        "SVM + calibration s": model.fit_seconds_["model"],
        "vector model s": model.fit_seconds_["vectors"],
        "prediction articles/s": len(test) / predict_s,
        "peak memory MB": peak_memory_mb(),
        "cores": os.cpu_count(),
    }


class _Crops:
    """TopicClassifier trained also on crops of its long articles (title only; title + 150 characters)."""

    def __init__(self, weight: float = 0.5, **params):
        self.weight, self.params = weight, params

    def fit(self, df, y):
        df = df.assign(topic=list(y))
        long = df[df.text.str.len() > 300]
        parts = [df, crop(long, "title only"), crop(long, "title + 150-char lead")]
        both = pd.concat(parts, ignore_index=True)
        w = np.r_[np.ones(len(df)), np.full(2 * len(long), self.weight)]
        self.model = topics.TopicClassifier(**self.params).fit(both, both.topic, sample_weight=w)
        return self

    def predict(self, df):
        return self.model.predict(df)


class _Balanced:
    """TopicClassifier with each outlet's articles weighted by (articles / (outlets × its articles)) ** power."""

    def __init__(self, power: float = 0.5):
        self.power = power

    def fit(self, df, y):
        n = df.outlet.value_counts()
        w = (len(df) / (len(n) * df.outlet.map(n))) ** self.power
        self.model = topics.TopicClassifier().fit(df, y, sample_weight=w.to_numpy())
        return self

    def predict(self, df):
        return self.model.predict(df)


def _desk_rule(foreign: float, iran: float, health: float):
    def labels(df):
        saved = topics.FOREIGN_SHARE, topics.IRAN_SHARE, topics.HEALTH_SHARE
        topics.FOREIGN_SHARE, topics.IRAN_SHARE, topics.HEALTH_SHARE = foreign, iran, health
        try:
            return topics.training_labels(df)
        finally:
            topics.FOREIGN_SHARE, topics.IRAN_SHARE, topics.HEALTH_SHARE = saved

    return labels


def choices(articles: pd.DataFrame) -> list[dict]:
    """Leave-one-outlet-out on the train splits: each variant trained on two outlets' train split, tested on the
    third outlet's train split; the mean accuracy over the three held-out outlets chooses."""
    train = articles[articles.split == "train"]
    old = {"boilerplate": False, "concept_tokens": False, "concept_scale": 0.0}
    variants = [
        ("old recipe: n-grams only, desks as they are", lambda: topics.TopicClassifier(**old), as_is),
        ("+ boilerplate removed", lambda: topics.TopicClassifier(concept_tokens=False, concept_scale=0.0), as_is),
        ("+ concept tokens", lambda: topics.TopicClassifier(concept_scale=0.0), as_is),
        ("+ concept columns (desks as they are)", topics.TopicClassifier, as_is),
        ("+ ISNA desks split by the lexicon (**default**)", topics.TopicClassifier, topics.training_labels),
        (
            "  desk rule stricter (foreign ≥ 4 %, Iran ≤ 1 %, health ≥ 3 %)",
            topics.TopicClassifier,
            _desk_rule(0.04, 0.01, 0.03),
        ),
        (
            "  desk rule looser (foreign ≥ 1.5 %, Iran ≤ 4 %, health ≥ 1 %)",
            topics.TopicClassifier,
            _desk_rule(0.015, 0.04, 0.01),
        ),
        (
            "  prior correction 1.0 (default 0.5)",
            lambda: topics.TopicClassifier(prior_correction=1.0),
            topics.training_labels,
        ),
        ("  concept columns × 3", lambda: topics.TopicClassifier(concept_scale=3.0), topics.training_labels),
        ("  C = 1", lambda: topics.TopicClassifier(C=1.0), topics.training_labels),
        (
            "  first 300 characters (default 1,500)",
            lambda: topics.TopicClassifier(max_chars=300),
            topics.training_labels,
        ),
        ("  outlets weighted alike (power 0.5)", lambda: _Balanced(0.5), topics.training_labels),
        ("  + crops: title, title + 150 chars (weight 0.5)", lambda: _Crops(0.5), topics.training_labels),
    ]
    rows = []
    for name, make, labels in variants:
        row = {"variant": name}
        accs, f1s = [], []
        for held in OUTLETS:
            tr, te = train[train.outlet != held], train[train.outlet == held]
            model = make().fit(tr, labels(tr))
            ev = evaluation.evaluate_topics(model, te)
            row[f"{held} acc"] = ev.accuracy
            accs.append(ev.accuracy)
            f1s.append(ev.macro_f1)
            if held != "ISNA":
                rec = ev.per_class.set_index("topic")["recall"]
                row[f"{held} world/social recall"] = f"{rec.get('world', 0):.2f} / {rec.get('social', 0):.2f}"
        row["mean acc"], row["mean macro-F1"] = float(np.mean(accs)), float(np.mean(f1s))
        rows.append(row)
        print(f"  {name}: {row['mean acc']:.3f}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--choices", action="store_true", help="also run the leave-one-outlet-out choices")
    ap.add_argument("--json", type=Path, help="also write every figure as JSON")
    args = ap.parse_args(argv)

    articles = datasets.load_topics()
    train, test = articles[articles.split == "train"], articles[articles.split == "test"]
    unseen = datasets.load_topics(corpora=("news2025",))
    shown = pd.concat([articles, unseen.assign(outlet="news2025 " + unseen.outlet)])
    counts = shown.pivot_table(
        index="topic", columns=["outlet", "split"], values="doc_id", aggfunc="count", fill_value=0
    )
    print("## Articles by topic, outlet and split\n")
    print(counts.reindex(list(topics.TOPICS)).to_string(), "\n")
    learned = topics.training_labels(train)
    moved = pd.crosstab(train.topic[learned != train.topic], learned[learned != train.topic])
    print("## ISNA train articles learned as the wider topic of their desk (training_labels)\n")
    print(moved.to_string(), "\n")

    missing = fasttext_or_reason()
    if missing:
        print(f"NOTE: {missing}\n")
    named = models(missing)
    loo, _ = loo_table(articles, named)
    print("## Leave-one-outlet-out: trained on the other two outlets' train split, tested on every article\n")
    print(table(loo), "\n")
    rows, lengths, speed, f1 = trained_tables(train, test, unseen, named)
    print("## Trained on the three train splits: news2025 and the test split\n")
    print(table(rows), "\n")
    print(table(speed, floats="{:.1f}"), "\n")
    print("## F1 by topic on the test split\n")
    print(f1.round(3).to_string(), "\n")
    print("## By input length\n")
    print(table(lengths), "\n")
    desks = desks_table(fars_reader(train), train, test)
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
        "leave_one_outlet_out": loo,
        "trained": rows,
        "by_length": lengths,
        "speed": speed,
        "f1_by_topic": f1.to_dict(),
        "isna_desks_read_by_fars_model": desks.to_dict(),
        "zwnj": zw,
        "performance": perf,
    }
    if args.choices:
        print("## Choices: leave-one-outlet-out on the train splits\n", flush=True)
        ch = choices(articles)
        print(table(ch), "\n")
        result["choices"] = ch
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
