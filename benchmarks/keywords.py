"""Keyword benchmark: F1@10 against Fars authors' tags, repeats and self-names (toolkit, YAKE, TF-IDF in the same run),
and keyness speed.

    python benchmarks/keywords.py [--cv 5] [--skip-speed] [--json PATH]

F1@10 — the Fars TEST articles that have tags (``load_fars("test")``, ``tags`` not empty). The keyword
resources (background document frequencies, learned light-verb constructions, the tag table, ranker weights)
come from the TRAIN split only (``scripts/build_keyword_resources.py``), so no scored article is in them. Every tool
reads the same text, ``normalize(title + "\\n" + text)``, and returns 10 keywords:

  toolkit  ``toolkit.keywords.extract_keywords(text, k=10)``, and with ``diversity=0`` (ranked by score alone,
           repeats kept: what diversity costs the scores)
  YAKE     ``yake.KeywordExtractor(lan="fa", n=3, top=10)`` (its own Persian stopwords)
  TF-IDF   scikit-learn ``TfidfVectorizer`` over the toolkit's words (``toolkit.tokens.words``), unigrams,
           the toolkit's stopwords removed, idf fitted on the same TRAIN articles as the background

``toolkit.evaluation.evaluate_keywords`` scores them: *exact* when keyword and tag are equal after normalization (ZWNJ
and space alike), *partial* when the words of one are a contiguous part of the other; F1 per article,
averaged; the interval is a 95% bootstrap over articles. ms/article is CPU time, each tool having read one
article before the clock starts.

Repeats and self-names — every Fars TEST article and every Hamshahri Online TEST item (title + lead), no
tags needed (``toolkit.evaluation.evaluate_keyword_lists``): *redundant*, the share of articles whose 10
keywords hold one inside another («تیم», «تیم فوتبال») or one word spelt two ways; *self-named*, the share
whose keywords hold a name of the outlet that published the article («خبرگزاری فارس» in a Fars article).
The toolkit is run as a new user would (the outlet read from the article's own dateline), and with
``outlet=`` the corpus's outlet column.

``--cv K`` adds a K-fold cross-validation over ALL tagged Fars articles (train and test): for each fold the
tag table is rebuilt and the ranker refitted on the other folds, and a TRAIN article's own counts are taken
out of the background before it is scored, so no article is scored with a background, a tag table or a
ranker that saw it. ``--cv-split train`` runs it on the TRAIN articles only: the figure to choose by, for
the test articles stay out of every fold.

Speed — ``keyness(df, by="outlet")`` (defaults: 200 bootstrap resamples, top 30) over every ISNA and
Fars article, timed on text normalized beforehand; normalizing the same articles is timed apart, in one
process and in two.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit import evaluation, keywords, sources
from toolkit.datasets import load_fars, load_hamshahri, load_isna
from toolkit.normalization import normalize
from toolkit.tokens import words

ROOT = Path(__file__).resolve().parents[1]
DIVERSITY = inspect.signature(keywords.extract_keywords).parameters["diversity"].default


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_keyword_resources", ROOT / "scripts" / "build_keyword_resources.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normalized(df: pd.DataFrame, processes: int = 2) -> list[str]:
    texts = (df["title"].fillna("") + "\n" + df["text"].fillna("")).tolist()
    with ProcessPoolExecutor(processes) as pool:
        return list(pool.map(normalize, texts, chunksize=32))


def baselines(train_texts: list[str]) -> dict:
    import yake
    from sklearn.feature_extraction.text import TfidfVectorizer

    stop = {w for w, kind in keywords._lexicon().kinds.items() if kind == "s"}
    tfidf = TfidfVectorizer(analyzer=lambda t: [w for w in words(t) if w not in stop]).fit(train_texts)
    vocab = tfidf.get_feature_names_out()

    def tf_idf(text: str) -> list[str]:
        row = tfidf.transform([text]).tocoo()
        order = np.lexsort((vocab[row.col], -row.data))[:10]
        return [vocab[row.col[i]] for i in order]

    extractor = yake.KeywordExtractor(lan="fa", n=3, top=10)
    return {"YAKE": lambda t: [k for k, _ in extractor.extract_keywords(t)], "TF-IDF": tf_idf}


def f1_table(texts: list[str], tags: list[list[str]], tools: dict, n_boot: int = 1000) -> list[dict]:
    rows = []
    rng = np.random.default_rng(0)
    resamples = rng.integers(0, len(texts), size=(n_boot, len(texts)))
    for name, fn in tools.items():
        fn(texts[0])  # resources load before the clock starts
        t0 = time.process_time()  # CPU time: fairer than wall time on a shared machine
        preds = [fn(t) for t in texts]
        seconds = time.process_time() - t0
        per = [evaluation.evaluate_keywords([p], [g]) for p, g in zip(preds, tags, strict=True)]
        exact = np.array([r["exact_f1"] for r in per])
        partial = np.array([r["partial_f1"] for r in per])
        rows.append(
            {
                "tool": name,
                "articles": len(texts),
                **evaluation.evaluate_keywords(preds, tags),
                "exact_ci": np.quantile(exact[resamples].mean(axis=1), [0.025, 0.975]).round(3).tolist(),
                "partial_ci": np.quantile(partial[resamples].mean(axis=1), [0.025, 0.975]).round(3).tolist(),
                "ms_per_article": 1000 * seconds / len(texts),
            }
        )
    return rows


def lists_table(corpora: dict[str, tuple[list[str], list[str]]], tools: dict) -> list[dict]:
    """Redundancy and self-name rates of each tool on each corpus of ``(texts, outlets)``."""
    rows = []
    for corpus, (texts, outlets) in corpora.items():
        for name, fn in tools.items():
            preds = [fn(t, o) for t, o in zip(texts, outlets, strict=True)]
            rows.append({"corpus": corpus, "tool": name, **evaluation.evaluate_keyword_lists(preds, outlets)})
    return rows


def cross_validation(k: int, split: str | None = None) -> dict:
    """K-fold over all tagged Fars articles (or those of ``split``); the tag table, the ranker and the
    background never saw the scored fold."""
    build = _build_script()
    fars = load_fars(split)
    fars = fars[fars["tags"].map(len) > 0].reset_index(drop=True)
    texts = _normalized(fars)
    tags = [list(t) for t in fars["tags"]]
    own = (fars["split"] == "train").tolist()
    folds = np.random.default_rng(0).permutation(len(texts)) % k
    preds: list[list[str]] = [[] for _ in texts]
    for fold in range(k):
        train = np.flatnonzero(folds != fold)
        part = ([texts[i] for i in train], [tags[i] for i in train], [own[i] for i in train])
        table = build.tag_table(*part)
        r = build.fit_ranker(*part, tagged=table)
        mean, scale, coef = (np.array(r[key]) for key in ("mean", "scale", "coef"))
        for i in np.flatnonzero(folds == fold):
            names, x = keywords._candidates(texts[i], own=own[i], tagged=table)
            if names:
                scores = 1 / (1 + np.exp(-(((x - mean) / scale) @ coef + r["intercept"])))
                preds[i] = [names[j] for j in keywords._select(names, scores, 10, DIVERSITY)]
    return {"folds": k, "split": split or "all", **evaluation.evaluate_keywords(preds, tags)}


def speed() -> dict:
    df = pd.concat([load_isna(), load_fars()], ignore_index=True)
    chars = int(df["text"].str.len().sum())
    t0 = time.perf_counter()
    one = [normalize(t) for t in df["text"]]
    t1 = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        two = list(pool.map(normalize, df["text"], chunksize=32))
    t2 = time.perf_counter()
    assert one == two
    df["normalized"] = two
    keywords._background()  # loading the resources (about a second) is not keyness
    t3 = time.perf_counter()
    result = keywords.keyness(df, by="outlet", text_column="normalized", normalize=False)
    t4 = time.perf_counter()
    return {
        "articles": len(df),
        "chars": chars,
        "normalize_1_process_s": t1 - t0,
        "normalize_2_processes_s": t2 - t1,
        "keyness_s": t4 - t3,
        "rows": len(result),
    }


def report(rows: list[dict], lists: list[dict], cv: dict | None, sp: dict | None) -> str:
    out = [
        "| tool | exact F1@10 | 95% CI | partial F1@10 | 95% CI | exact P | exact R | ms/article |",
        "|---|---:|---|---:|---|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['tool']} | {r['exact_f1']:.3f} | {r['exact_ci'][0]:.3f}–{r['exact_ci'][1]:.3f} | "
            f"{r['partial_f1']:.3f} | {r['partial_ci'][0]:.3f}–{r['partial_ci'][1]:.3f} | "
            f"{r['exact_precision']:.3f} | {r['exact_recall']:.3f} | {r['ms_per_article']:.1f} |"
        )
    out.append(f"\n{rows[0]['articles']} tagged Fars TEST articles.")
    yake_ms = next((r["ms_per_article"] for r in rows if r["tool"] == "YAKE"), None)
    if yake_ms:
        out.append(f"toolkit {yake_ms / rows[0]['ms_per_article']:.1f}× faster than YAKE on these articles.")
    out += ["", "| corpus | tool | articles | redundant | self-named |", "|---|---|---:|---:|---:|"]
    for r in lists:
        out.append(
            f"| {r['corpus']} | {r['tool']} | {r['articles']} | {100 * r['redundant']:.1f}% | "
            f"{100 * r['self_named']:.1f}% |"
        )
    if cv:
        out.append(
            f"toolkit, {cv['folds']}-fold cross-validation over {cv['split']} {cv['articles']} tagged Fars articles: "
            f"exact F1@10 {cv['exact_f1']:.3f}, partial {cv['partial_f1']:.3f}."
        )
    if sp:
        out.append(
            f"\nkeyness by outlet over {sp['articles']:,} articles ({sp['chars'] / 1e6:.1f} M chars), normalized "
            f"beforehand: {sp['keyness_s']:.1f} s. Normalizing them: {sp['normalize_1_process_s']:.1f} s in one "
            f"process, {sp['normalize_2_processes_s']:.1f} s in two; keyness including normalization in two "
            f"processes: {sp['keyness_s'] + sp['normalize_2_processes_s']:.1f} s."
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="also K-fold cross-validation over all tags")
    ap.add_argument(
        "--cv-split", choices=["train"], help="cross-validate on the TRAIN articles only (how choices are made)"
    )
    ap.add_argument("--skip-speed", action="store_true", help="do not time keyness")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    test = load_fars("test")
    test = test[test["tags"].map(len) > 0].reset_index(drop=True)
    train = pd.concat([load_isna("train"), load_fars("train")], ignore_index=True)
    tools = {"toolkit": lambda t: [k for k, _ in keywords.extract_keywords(t, normalize=False)]}
    tools |= baselines(_normalized(train))
    plain = {
        "toolkit, diversity=0": lambda t: [k for k, _ in keywords.extract_keywords(t, diversity=0, normalize=False)]
    }
    rows = f1_table(_normalized(test), [list(t) for t in test["tags"]], {**tools, **plain})
    own_tags = sum(any(sources.canonical(t) == "Fars News Agency" for t in tags) for tags in test["tags"])
    with_outlet = {
        "toolkit, outlet=": lambda t, o: [k for k, _ in keywords.extract_keywords(t, outlet=o, normalize=False)]
    }
    per_article = {name: (lambda t, o, fn=fn: fn(t)) for name, fn in tools.items()}
    corpora = {}
    for corpus, df in (("Fars TEST", load_fars("test")), ("Hamshahri TEST", load_hamshahri("test"))):
        corpora[corpus] = (_normalized(df), df["outlet"].tolist())
    lists = lists_table(corpora, {"toolkit": per_article.pop("toolkit"), **with_outlet, **per_article})
    cv = cross_validation(args.cv, args.cv_split) if args.cv else None
    sp = None if args.skip_speed else speed()
    print(report(rows, lists, cv, sp))
    print(f"\n{own_tags} of the {len(test)} tagged Fars TEST articles have the agency's own name among their tags.")
    if args.json:
        args.json.write_text(json.dumps({"f1": rows, "lists": lists, "cv": cv, "speed": sp}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
