"""Rebuild ``data/`` from the raw corpora (``../shared/data/raw`` in the development setup).

    python scripts/build_data.py --raw ../shared/data/raw --out data

Writes one Parquet file (zstd) per corpus, ``data/datasets.json`` (the registry: provenance, license,
counts) and ``data/README.md`` (the same facts for people). The run is deterministic: the same raw
files give byte-identical Parquet files.

Duplicates: texts are compared after character normalization, without ZWNJs. An exact duplicate, or a
near duplicate, of an article with a smaller ``doc_id`` is dropped before the split, across ISNA and
Fars together, so no text is in both train and test. Near duplicate: at least 80 % of the word
5-grams of the shorter article occur in the other (this catches updated versions of a story and
short items repeated inside round-ups; Jaccard similarity alone misses the latter).

Split: an article is in ``test`` when the first 8 hex digits of sha1("toolkit-split-v1:" + doc_id)
are below 0.2 * 16**8 (20 %), otherwise ``train``. Hashing the id keeps an article's side fixed
when the corpus grows. FarsTail keeps its upstream split (Train + Val -> train, Test -> test),
whose premises are disjoint.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.normalization import Normalizer

SPLIT_SALT = "toolkit-split-v1:"
TEST_SHARE = 0.2
NEAR_DUP = 0.8

SOURCES = {
    "isna": {
        "title": "ISNA news, 5 categories",
        "file": "isna.parquet",
        "raw": "Persian-news-classifier/isna-dataset",
        "origin": "https://github.com/abbnaseri/Persian-news-classifier",
        "commit": "b66779f846db25c0e646c944d5f529a992333e14",
        "paths": "classifier/isna-dataset/<category>/<name><n>.txt",
        "license": "None stated in the repository; the text was scraped from isna.ir (ISNA's copyright). "
        "Bundled for non-commercial research only; do not redistribute.",
        "citation": "abbnaseri, Persian-news-classifier (GitHub, 2019); articles (c) Iranian Students' News Agency.",
        "columns": "doc_id, outlet, title, text, lead, category, split",
    },
    "fars": {
        "title": "Fars News, categories, subcategories and author tags",
        "file": "fars.parquet",
        "raw": "course-nlp-ir-1-text-exploring/news",
        "origin": "https://github.com/language-ml/course-nlp-ir-1-text-exploring",
        "commit": "48c7d56a33a6f75709e90b001529bf7705420674",
        "paths": "exploring-datasets/news/fars-news-{1..5}.json",
        "license": "Repository Apache-2.0; the text was scraped from farsnews.ir (Fars News Agency's copyright). "
        "Bundled for non-commercial research only.",
        "citation": "language-ml, course-nlp-ir-1-text-exploring (GitHub, 2023); articles (c) Fars News Agency.",
        "columns": "doc_id, outlet, title, text, lead, category, subcategory, tags, url, date, split",
    },
    "farstail": {
        "title": "FarsTail natural language inference pairs",
        "file": "farstail.parquet",
        "raw": "FarsTail",
        "origin": "https://github.com/dml-qom/FarsTail",
        "commit": "5d6322c40368ea5fab50e406e083e537a7d97817",
        "paths": "data/Train-word.csv, data/Val-word.csv, data/Test-word.csv",
        "license": "Apache-2.0",
        "citation": "Amirkhani et al. (2023). FarsTail: a Persian natural language inference dataset. Soft Computing.",
        "columns": "doc_id, outlet, title, text (= premise), premise, hypothesis, label (e/c/n), split",
    },
}

_CHAR_NORM = Normalizer(restore_zwnj=False)


def split_of(doc_id: str) -> str:
    h = int(hashlib.sha1((SPLIT_SALT + doc_id).encode()).hexdigest()[:8], 16)
    return "test" if h < TEST_SHARE * 16**8 else "train"


def load_isna(raw: Path) -> pd.DataFrame:
    rows = []
    for path in sorted((raw / SOURCES["isna"]["raw"]).glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        title = lines[0].strip()
        lead = lines[1].strip() if len(lines) > 1 else ""
        text = "\n".join(line.strip() for line in lines[1:] if line.strip())
        rows.append(
            {
                "doc_id": f"isna/{path.parent.name}/{path.stem}",
                "outlet": "ISNA",
                "title": title,
                "text": text,
                "lead": lead,
                "category": path.parent.name,
            }
        )
    return pd.DataFrame(rows)


_FARS_ID = re.compile(r"/news/(\d+)")


def _fars_date(news_id: str) -> str:
    """Fars news ids start with the Solar Hijri date: YYMMDD (before 1391) or YYYYMMDD."""
    if news_id.startswith(("13", "14")) and len(news_id) >= 12:
        y, m, d = news_id[:4], news_id[4:6], news_id[6:8]
    else:
        y, m, d = "13" + news_id[:2], news_id[2:4], news_id[4:6]
    return f"{y}-{m}-{d}"


def load_fars(raw: Path) -> pd.DataFrame:
    rows = []
    for i in range(1, 6):
        path = raw / SOURCES["fars"]["raw"] / f"fars-news-{i}.json"
        for item in json.loads(path.read_text(encoding="utf-8")):
            news_id = _FARS_ID.search(item["link"]).group(1)
            paragraphs = [p.strip() for p in item["paragraphs"] if p and p.strip()]
            lead = (item.get("abstract") or "").strip()
            rows.append(
                {
                    "doc_id": f"fars/{news_id}",
                    "outlet": "Fars",
                    "title": (item.get("title") or "").strip(),
                    "text": "\n".join([lead, *paragraphs] if lead else paragraphs),
                    "lead": lead,
                    "category": item.get("cat") or "",
                    "subcategory": item.get("subcat") or "",
                    "tags": [t.strip() for t in item.get("tags") or [] if t and t.strip()],
                    "url": item["link"],
                    "date": _fars_date(news_id),
                }
            )
    df = pd.DataFrame(rows)
    # The same link twice in the files is one article.
    return df.drop_duplicates("doc_id", keep="first").reset_index(drop=True)


def load_farstail(raw: Path) -> pd.DataFrame:
    frames = []
    for name, split in (("Train", "train"), ("Val", "train"), ("Test", "test")):
        d = pd.read_csv(raw / SOURCES["farstail"]["raw"] / f"{name}-word.csv", sep="\t", dtype=str)
        d = d[["premise", "hypothesis", "label"]].copy()
        d["doc_id"] = [f"farstail/{name.lower()}/{i:05d}" for i in range(len(d))]
        d["split"] = split
        frames.append(d)
    df = pd.concat(frames, ignore_index=True)
    df["outlet"] = ""
    df["title"] = ""
    df["text"] = df["premise"]
    return df[["doc_id", "outlet", "title", "text", "premise", "hypothesis", "label", "split"]]


def find_duplicates(ids: list[str], texts: list[str]) -> dict[str, str]:
    """Map each duplicate's doc_id to the doc_id it duplicates (the smallest id of its group)."""
    keys = [re.sub(r"\s+", " ", _CHAR_NORM.normalize(t)).replace("\u200c", "").strip() for t in texts]
    order = np.argsort(np.asarray(ids, dtype=object), kind="stable")
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b, key=lambda k: ids[k])] = min(a, b, key=lambda k: ids[k])

    seen: dict[str, int] = {}
    for i in order:
        if keys[i] in seen:
            union(seen[keys[i]], i)
        else:
            seen[keys[i]] = i
    vec = HashingVectorizer(
        analyzer="word",
        ngram_range=(5, 5),
        n_features=2**24,
        alternate_sign=False,
        norm=None,
        binary=True,
        token_pattern=r"\S+",
        lowercase=False,
    )
    x = vec.transform(keys).tocsr()
    x.data[:] = 1
    sizes = np.asarray(x.sum(axis=1)).ravel()
    inter = sparse.triu(x @ x.T, k=1).tocoo()
    smaller = np.minimum(sizes[inter.row], sizes[inter.col])
    containment = np.divide(inter.data, smaller, out=np.zeros(len(inter.data)), where=smaller > 0)
    near = containment >= NEAR_DUP
    for i, j in zip(inter.row[near], inter.col[near], strict=True):
        union(int(i), int(j))
    return {ids[i]: ids[find(i)] for i in range(len(ids)) if find(i) != i}


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False)
    pq.write_table(table, path, compression="zstd", compression_level=19)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=Path("../shared/data/raw"), help="folder of the raw corpora")
    ap.add_argument("--out", type=Path, default=Path("data"), help="where to write the bundled corpora")
    args = ap.parse_args(argv)
    if not args.raw.is_dir():
        print(f"build_data: raw corpora not found at {args.raw}; pass --raw", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    news = {"isna": load_isna(args.raw), "fars": load_fars(args.raw)}
    both = pd.concat(news.values(), ignore_index=True)
    dups = find_duplicates(both["doc_id"].tolist(), (both["title"] + "\n" + both["text"]).tolist())
    registry = json.loads((args.out / "datasets.json").read_text()) if (args.out / "datasets.json").exists() else {}
    frames = {**news, "farstail": load_farstail(args.raw)}
    for name, df in frames.items():
        before = len(df)
        if name != "farstail":
            df = df[~df["doc_id"].isin(dups)].copy()
            df["split"] = df["doc_id"].map(split_of)
        else:
            prem_dups = find_duplicates(df["doc_id"].tolist(), df["premise"].tolist())
            # A pair is only dropped when its premise duplicates a premise on the other side of the split.
            side = dict(zip(df["doc_id"], df["split"], strict=True))
            cross = {d for d, k in prem_dups.items() if side[d] != side[k]}
            df = df[~df["doc_id"].isin(cross)].copy()
        df = df.sort_values("doc_id", kind="stable").reset_index(drop=True)
        path = args.out / SOURCES[name]["file"]
        write_parquet(df, path)
        entry = {k: v for k, v in SOURCES[name].items() if k != "raw"}
        entry["counts"] = {
            "raw": before,
            "duplicates_removed": before - len(df),
            "rows": len(df),
            "train": int((df["split"] == "train").sum()),
            "test": int((df["split"] == "test").sum()),
        }
        if "category" in df:
            entry["counts"]["by_category"] = df["category"].value_counts().sort_index().to_dict()
        entry["sha256"] = sha256(path)
        registry[name] = {**registry.get(name, {}), **entry}
        print(f"{name}: {before} raw, {before - len(df)} duplicates removed, {len(df)} rows -> {path}")
    registry["seeds"] = {
        "title": "Seed article: Iraq-Syria arrangement to bomb ISIS (RT, Al Mayadeen, Rudaw)",
        "file": "../seeds/",
        "origin": "the project's design card (../shared/seeds/), copied byte for byte",
        "license": "news text quoted for research",
        "citation": "Relayed by Aran News; quoting RT, Al Mayadeen and Rudaw.",
        "columns": "doc_id, outlet, title, text, path, encoding",
    }
    write_registry(args.out, registry)
    return 0


#: The order of the registry, whichever script writes it (others follow, alphabetically).
ORDER = ["isna", "fars", "farstail", "news2025", "farexstance", "claims_gold", "seeds"]


def write_registry(out: Path, registry: dict) -> None:
    """Write ``datasets.json`` and ``README.md`` in ``out``, entries in one fixed order, so that every
    build script, run in any order, writes the same bytes."""
    ordered = {
        k: registry[k] for k in sorted(registry, key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), k))
    }
    (out / "datasets.json").write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(readme(ordered), encoding="utf-8")


def readme(registry: dict) -> str:
    out = [
        "# Bundled corpora",
        "",
        "Built by `python scripts/build_data.py --raw ../shared/data/raw --out data` (or `make data`) from",
        "the raw snapshots listed below; the script's docstring gives the duplicate rule and the split. Load",
        "them with `toolkit.datasets` (`load_isna`, `load_fars`, `load_farstail`, `load_seeds`). None of",
        "this text is the project's own: each corpus keeps its origin's license terms, and several are for",
        "non-commercial research only.",
        "",
    ]
    for name, e in registry.items():
        out += [f"## `{name}` — {e['title']}", ""]
        out += [f"- file: `{e['file']}`", f"- origin: {e['origin']}"]
        if "commit" in e:
            out += [f"- commit: `{e['commit']}`", f"- upstream paths: `{e['paths']}`"]
        out += [f"- license: {e['license']}", f"- cite: {e['citation']}", f"- columns: {e['columns']}"]
        if "counts" in e:
            c = e["counts"]
            out.append(
                f"- counts: {c['raw']} raw, {c['duplicates_removed']} duplicates removed, {c['rows']} rows "
                f"({c['train']} train / {c['test']} test)"
            )
            if "by_category" in c:
                out.append("- by category: " + ", ".join(f"{k} {v}" for k, v in c["by_category"].items()))
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
