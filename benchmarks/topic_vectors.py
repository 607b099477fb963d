"""Word vectors for the topic features: trained on unlabelled text, chosen by leave-one-outlet-out on train splits.

    python benchmarks/topic_vectors.py [--scales 0 0.5 1 2] [--ship]

Needs the ``vectors`` extra (gensim). The text (never a test split, never news2025): the train splits of ISNA,
Fars and Hamshahri Online (``datasets.load_topics("train")``, labels unused) and the articles of FarExStance's
upstream train split (``datasets.load_farexstance("train", task="article")``, one per ``news_id``), read as the
topic model reads them (normalized, diacritics removed, outlet boilerplate stripped).

The choice: for each outlet held out in turn, vectors are trained without that outlet's text, then
TopicClassifier (with ``vectors_scale`` = each of ``--scales``) on the other two outlets' train split is scored on
the held-out outlet's train split, as ``benchmarks/topics.py --choices`` does; the mean accuracy chooses.
``--ship`` trains the vectors on all of the text and writes ``toolkit/resources/topic_vectors.npz``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit import datasets, evaluation, topics, word_vectors
from toolkit.features import Normalize

OUTLETS = ("ISNA", "Fars", "Hamshahri Online")
RESOURCE = Path(__file__).resolve().parents[1] / "toolkit" / "resources" / "topic_vectors.npz"
SOURCE = (
    "Word2Vec (gensim {gensim}, CBOW, dim {dim}, window 5, min_count 5, {epochs} epochs, seed 0) on the train "
    "splits of ISNA, Fars and Hamshahri Online (load_topics) and FarExStance's upstream train articles, "
    "normalized, boilerplate stripped; the {words} most frequent words; benchmarks/topic_vectors.py --ship"
)


def unlabelled(train: pd.DataFrame, farex: pd.DataFrame) -> pd.DataFrame:
    """``outlet, text`` of every text the vectors may learn from, read as the topic model reads."""
    norm = Normalize(remove_diacritics=True, spacing=False)
    df = pd.concat(
        [
            pd.DataFrame({"outlet": train.outlet, "text": train.title + "\n" + train.text}),
            pd.DataFrame({"outlet": "FarExStance", "text": farex.title.fillna("") + "\n" + farex.text.fillna("")}),
        ],
        ignore_index=True,
    )
    df["text"] = [topics.strip_boilerplate(t) for t in norm.transform(df.text.tolist())]
    return df


def choose(train: pd.DataFrame, corpus: pd.DataFrame, scales, params: dict) -> list[dict]:
    """Leave-one-outlet-out on the train splits for each scale; vectors trained without the held-out outlet."""
    rows = {s: {"vectors_scale": s} for s in scales}
    tmp = Path(tempfile.mkdtemp())
    for held in OUTLETS:
        t0 = time.perf_counter()
        wv = word_vectors.train(corpus.text[corpus.outlet != held].tolist(), **params)
        path = wv.save(tmp / f"without-{held}.npz")
        print(f"  vectors without {held}: {len(wv.words)} words, {time.perf_counter() - t0:.0f} s", flush=True)
        tr, te = train[train.outlet != held], train[train.outlet == held]
        y = topics.training_labels(tr)
        for s in scales:
            model = topics.TopicClassifier(vectors=str(path), vectors_scale=s).fit(tr, y)
            ev = evaluation.evaluate_topics(model, te)
            rec = ev.per_class.set_index("topic")["recall"]
            rows[s][f"{held} acc"] = ev.accuracy
            rows[s][f"{held} f1"] = ev.macro_f1
            if held != "ISNA":
                rows[s][f"{held} world/social recall"] = f"{rec.get('world', 0):.2f} / {rec.get('social', 0):.2f}"
            print(f"    scale {s}: {held} {ev.accuracy:.3f}", flush=True)
    for r in rows.values():
        r["mean acc"] = float(np.mean([r[f"{o} acc"] for o in OUTLETS]))
        r["mean macro-F1"] = float(np.mean([r.pop(f"{o} f1") for o in OUTLETS]))
    return list(rows.values())


class _Fixed:
    """A model that answers the topics it was given (to score a mixture with evaluate_topics)."""

    def __init__(self, topics_):
        self.topics_ = topics_

    def predict(self, df):
        return self.topics_


def vector_texts(df: pd.DataFrame) -> list[str]:
    """Title + text, normalized (first 1,500 characters) and without boilerplate, as the features read."""
    norm = Normalize(remove_diacritics=True, spacing=False, max_chars=1500)
    texts = norm.transform((df.title.fillna("") + "\n" + df.text.fillna("")).tolist())
    return [topics.strip_boilerplate(t) for t in texts]


def vector_model(wv, tr: pd.DataFrame, y, C: float = 1.0):
    """Logistic regression (balanced classes) on the IDF-weighted mean vectors."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(wv.transform(vector_texts(tr)), y)


def choose_mix(train: pd.DataFrame, corpus: pd.DataFrame, mixes, params: dict, C: float) -> list[dict]:
    """Leave-one-outlet-out on the train splits: TopicClassifier's probabilities mixed with a vector model's,
    ``(1 - a) * topic + a * vectors`` for each ``a`` of ``mixes``; vectors trained without the held-out outlet."""
    rows = {a: {"vector model weight": a} for a in mixes}
    for held in OUTLETS:
        wv = word_vectors.train(corpus.text[corpus.outlet != held].tolist(), **params)
        tr, te = train[train.outlet != held], train[train.outlet == held]
        y = topics.training_labels(tr)
        tc = topics.TopicClassifier().fit(tr, y)
        lr = vector_model(wv, tr, y, C)
        assert list(lr.classes_) == list(tc.classes_)
        p_tc, p_lr = tc.predict_proba(te), lr.predict_proba(wv.transform(vector_texts(te)))
        for a in mixes:
            pred = tc.classes_[((1 - a) * p_tc + a * p_lr).argmax(axis=1)]
            ev = evaluation.evaluate_topics(_Fixed(pred), te)
            rec = ev.per_class.set_index("topic")["recall"]
            rows[a][f"{held} acc"], rows[a][f"{held} f1"] = ev.accuracy, ev.macro_f1
            if held != "ISNA":
                rows[a][f"{held} world/social recall"] = f"{rec.get('world', 0):.2f} / {rec.get('social', 0):.2f}"
            print(f"    weight {a}: {held} {ev.accuracy:.3f}", flush=True)
    for r in rows.values():
        r["mean acc"] = float(np.mean([r[f"{o} acc"] for o in OUTLETS]))
        r["mean macro-F1"] = float(np.mean([r.pop(f"{o} f1") for o in OUTLETS]))
    return list(rows.values())


EXPANDED = ("foreign", "leader", "health", "family", "society")


def expand(lex: dict, wv, k: int = 10, votes: int = 2, min_cos: float = 0.5, max_df: float = 0.05) -> dict:
    """The lexicon with each concept of :data:`EXPANDED` grown by its words' nearest neighbours in ``wv``: a word
    joins the concept whose words have it among their ``k`` nearest (cosine ≥ ``min_cos``) most often, at least
    ``votes`` times; words of any concept, shorter than 3 letters or in more than ``max_df`` of the texts stay out."""
    v = wv.vectors.astype(np.float32)
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)
    taken = set().union(*lex.values())
    df_share = np.exp(1 - wv.idf)  # idf = log((1 + n) / (1 + df)) + 1, so df share ≈ exp(1 - idf)
    ok = np.array([len(w) >= 3 and w not in taken for w in wv.words.tolist()]) & (df_share <= max_df)
    tally = np.zeros((len(EXPANDED), len(v)), dtype=np.int32)
    for ci, c in enumerate(EXPANDED):
        seeds = [wv.index[w] for w in lex[c] if w in wv.index]
        if not seeds:
            continue
        sims = v[seeds] @ v.T
        sims[:, ~ok] = -1
        top = np.argpartition(-sims, k, axis=1)[:, :k]
        hit = np.take_along_axis(sims, top, axis=1) >= min_cos
        np.add.at(tally[ci], top[hit], 1)
    best = tally.argmax(axis=0)
    out = {c: set(ws) for c, ws in lex.items()}
    for j in np.flatnonzero(tally.max(axis=0) >= votes):
        out[EXPANDED[best[j]]].add(str(wv.words[j]))
    return {c: frozenset(ws) for c, ws in out.items()}


def choose_expand(train: pd.DataFrame, corpus: pd.DataFrame, settings, params: dict) -> list[dict]:
    """Leave-one-outlet-out on the train splits with the lexicon grown by :func:`expand` (vectors trained without
    the held-out outlet), for each ``(k, votes, min_cos)`` of ``settings``; training labels from the lexicon as
    shipped."""
    rows = {st: {"expansion (k, votes, min cos)": str(st)} for st in settings}
    base = topics.lexicon()
    for held in OUTLETS:
        wv = word_vectors.train(corpus.text[corpus.outlet != held].tolist(), **params)
        tr, te = train[train.outlet != held], train[train.outlet == held]
        y = topics.training_labels(tr)
        for st in settings:
            lex = expand(base, wv, *st) if st else base
            grown = {c: len(lex[c]) - len(base[c]) for c in EXPANDED}
            saved = topics.lexicon
            topics.lexicon = lambda lex=lex: lex
            try:
                model = topics.TopicClassifier().fit(tr, y)
                ev = evaluation.evaluate_topics(model, te)
            finally:
                topics.lexicon = saved
            rec = ev.per_class.set_index("topic")["recall"]
            rows[st][f"{held} acc"], rows[st][f"{held} f1"] = ev.accuracy, ev.macro_f1
            if held != "ISNA":
                rows[st][f"{held} world/social recall"] = f"{rec.get('world', 0):.2f} / {rec.get('social', 0):.2f}"
            print(f"    {st}: {held} {ev.accuracy:.3f} (words added {grown})", flush=True)
    for r in rows.values():
        r["mean acc"] = float(np.mean([r[f"{o} acc"] for o in OUTLETS]))
        r["mean macro-F1"] = float(np.mean([r.pop(f"{o} f1") for o in OUTLETS]))
    return list(rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=float, nargs="*", default=[0.0, 0.5, 1.0, 2.0])
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--words", type=int, default=30_000)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--sg", type=int, default=0, help="1: skip-gram (default CBOW)")
    ap.add_argument("--mix", type=float, nargs="*", help="score mixtures with a vector model instead")
    ap.add_argument("--C", type=float, default=1.0, help="C of the vector model's logistic regression")
    ap.add_argument("--expand", nargs="*", help="score lexicon expansions instead: k,votes,min_cos ...")
    ap.add_argument("--ship", action="store_true", help="train on all of the text and write the resource")
    args = ap.parse_args(argv)
    params = {"dim": args.dim, "max_words": args.words, "epochs": args.epochs, "sg": args.sg}
    train = datasets.load_topics("train")
    farex = datasets.load_farexstance("train", task="article").drop_duplicates("news_id")
    corpus = unlabelled(train, farex)
    print(f"{len(corpus)} texts, {corpus.text.str.len().sum() / 1e6:.1f} M characters", flush=True)
    if args.ship:
        import gensim

        t0 = time.perf_counter()
        wv = word_vectors.train(corpus.text.tolist(), **params)
        wv.source = SOURCE.format(gensim=gensim.__version__, dim=args.dim, epochs=args.epochs, words=len(wv.words))
        wv.save(RESOURCE)
        print(f"{RESOURCE.name}: {RESOURCE.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.0f} s")
        return 0
    if args.expand:
        settings = [()] + [tuple(float(x) if "." in x else int(x) for x in st.split(",")) for st in args.expand]
        print(pd.DataFrame(choose_expand(train, corpus, settings, params)).round(3).to_string(index=False))
        return 0
    if args.mix:
        print(pd.DataFrame(choose_mix(train, corpus, args.mix, params, args.C)).round(3).to_string(index=False))
        return 0
    print(pd.DataFrame(choose(train, corpus, args.scales, params)).round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
