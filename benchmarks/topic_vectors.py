"""Word vectors for the topic model: trained on unlabelled text, chosen by leave-one-outlet-out on train splits.

    python benchmarks/topic_vectors.py [--mix 0 0.35 0.5 0.6] [--expand 10,2,0.5 ...] [--ship]

Needs the ``vectors`` extra (gensim). The text (never a test split, never news2025): the train splits of ISNA,
Fars and Hamshahri Online (``datasets.load_topics("train")``, labels unused) and the articles of FarExStance's
upstream train split (``datasets.load_farexstance("train", task="article")``, one per ``news_id``), read as the
topic model reads them (normalized, diacritics removed, outlet boilerplate stripped). The defaults are the
shipped settings: skip-gram (``--sg 1``), dimension 100, 10 epochs, the 20,000 most frequent words.

The choice: for each outlet held out in turn, vectors are trained without that outlet's text (kept in
:data:`CACHE`), then TopicClassifier on the other two outlets' train split is scored on the held-out outlet's
train split, as ``benchmarks/topics.py --choices`` does; the mean accuracy chooses. ``--mix``: its probabilities
mixed with a logistic regression on the mean word vectors, at each weight; ``--expand``: the topic lexicon grown
by the words' nearest neighbours (``k,votes,min_cos``). ``--ship`` trains the vectors on all of the text and
writes ``toolkit/resources/topic_vectors.npz``.
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
#: Where the vectors trained for the choice are kept between runs (outside the repository).
CACHE = Path(tempfile.gettempdir()) / "toolkit-topic-vectors"
RESOURCE = Path(__file__).resolve().parents[1] / "toolkit" / "resources" / "topic_vectors.npz"
SOURCE = (
    "Word2Vec (gensim {gensim}, {kind}, dim {dim}, window 5, min_count 5, {epochs} epochs, seed 0) on the train "
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


def fold_vectors(corpus: pd.DataFrame, held: str, params: dict, cache: Path | None = None):
    """Vectors trained on ``corpus`` without the outlet ``held`` (kept in ``cache``, if given, and read from it)."""
    key = "-".join(f"{k}{v}" for k, v in sorted(params.items()) if k != "max_words")
    path = cache / f"{key}-without-{held}.npz" if cache else None
    if path is not None and path.exists():
        wv = word_vectors.WordVectors(*(np.load(path)[k] for k in ("words", "vectors", "idf")))
    else:
        wv = word_vectors.train(corpus.text[corpus.outlet != held].tolist(), **{**params, "max_words": 10**6})
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            wv.save(path)
    n = params.get("max_words", 30_000)
    return word_vectors.WordVectors(wv.words[:n], wv.vectors[:n], wv.idf[:n])


#: The settings of the shipped vectors (``--ship --sg 1 --epochs 10 --words 20000``).
SHIPPED = {"dim": 100, "max_words": 20_000, "epochs": 10, "sg": 1}


def held_out_vectors(held: str) -> Path:
    """A file of vectors trained as the shipped ones, but without the text of the outlet ``held``."""
    path = CACHE / f"shipped-without-{held}.npz"
    if not path.exists():
        train = datasets.load_topics("train")
        farex = datasets.load_farexstance("train", task="article").drop_duplicates("news_id")
        fold_vectors(unlabelled(train, farex), held, SHIPPED, CACHE).save(path)
    return path


def record(row: dict, held: str, ev) -> None:
    """A held-out outlet's accuracy, macro-F1 and (outside ISNA, which has no such desks) world and social recall,
    written into ``row``."""
    row[f"{held} acc"], row[f"{held} f1"] = ev.accuracy, ev.macro_f1
    if held != "ISNA":
        rec = ev.per_class.set_index("topic")["recall"]
        row[f"{held} world/social recall"] = f"{rec.get('world', 0):.2f} / {rec.get('social', 0):.2f}"


def with_means(rows) -> list[dict]:
    """The rows with the mean accuracy and macro-F1 over :data:`OUTLETS` (the per-outlet macro-F1 taken out)."""
    for r in rows:
        r["mean acc"] = float(np.mean([r[f"{o} acc"] for o in OUTLETS]))
        r["mean macro-F1"] = float(np.mean([r.pop(f"{o} f1") for o in OUTLETS]))
    return list(rows)


def choose_mix(train: pd.DataFrame, corpus: pd.DataFrame, mixes, params: dict, C: float) -> list[dict]:
    """Leave-one-outlet-out on the train splits: TopicClassifier's probabilities mixed with a vector model's,
    ``(1 - a) * topic + a * vectors`` for each ``a`` of ``mixes``; vectors trained without the held-out outlet."""
    rows = {a: {"vector model weight": a} for a in mixes}
    for held in OUTLETS:
        wv = fold_vectors(corpus, held, params, CACHE)
        tr, te = train[train.outlet != held], train[train.outlet == held]
        y = topics.training_labels(tr)
        tc = topics.TopicClassifier().fit(tr, y)
        lr = vector_model(wv, tr, y, C)
        assert list(lr.classes_) == list(tc.classes_)
        p_tc, p_lr = tc.predict_proba(te), lr.predict_proba(wv.transform(vector_texts(te)))
        for a in mixes:
            pred = tc.classes_[((1 - a) * p_tc + a * p_lr).argmax(axis=1)]
            ev = evaluation.evaluate_topics(_Fixed(pred), te)
            record(rows[a], held, ev)
            print(f"    weight {a}: {held} {ev.accuracy:.3f}", flush=True)
    return with_means(rows.values())


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
            record(rows[st], held, ev)
            print(f"    {st}: {held} {ev.accuracy:.3f} (words added {grown})", flush=True)
    return with_means(rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--sg", type=int, default=1, help="1: skip-gram (default), 0: CBOW")
    ap.add_argument("--mix", type=float, nargs="*", help="weights of the vector model to score (default 0 .35 .5 .6)")
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
        kind = "skip-gram" if args.sg else "CBOW"
        wv.source = SOURCE.format(
            gensim=gensim.__version__, kind=kind, dim=args.dim, epochs=args.epochs, words=len(wv.words)
        )
        wv.save(RESOURCE)
        print(f"{RESOURCE.name}: {RESOURCE.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.0f} s")
        return 0
    if args.expand:
        settings = [()] + [tuple(float(x) if "." in x else int(x) for x in st.split(",")) for st in args.expand]
        print(pd.DataFrame(choose_expand(train, corpus, settings, params)).round(3).to_string(index=False))
        return 0
    mixes = args.mix or [0.0, 0.35, 0.5, 0.6]
    print(pd.DataFrame(choose_mix(train, corpus, mixes, params, args.C)).round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
