"""From the upstream files of a corpus to its table: reading each format, removing duplicates, the fixed split.

Each ``read_<name>(folder)`` reads the corpus' files as the upstream repository has them (``folder`` is the
corpus' folder in a mirror or in the data home) and returns the rows in the toolkit's columns, before
duplicates are removed and the split is set; :func:`build` does the rest.

Duplicates: texts are compared after character normalization, without ZWNJs. An exact duplicate, or a near
duplicate, of an article with a smaller ``doc_id`` is dropped before the split, across ISNA and Fars together,
so no text is in both train and test. Near duplicate: at least 80 % of the word 5-grams of the shorter article
occur in the other (this catches updated versions of a story and short items repeated inside round-ups;
Jaccard similarity alone misses the latter). The 2025 articles and the Hamshahri items are compared with every
ISNA and Fars article too, and only their own duplicates are dropped; a Hamshahri item whose lead duplicates
another's (a story updated under a new title) is dropped too.

Split: an article is in ``test`` when the first 8 hex digits of sha1("toolkit-split-v1:" + doc_id) are below
0.2 * 16**8 (20 %), otherwise ``train``; hashing the id keeps an article's side fixed when a corpus grows.
FarsTail keeps its upstream split (Train + Val → train, Test → test), dropping a pair only where its premise
duplicates one on the other side; FarExStance keeps its upstream split; the 2025 articles are all ``test``.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from toolkit.normalization import Normalizer

#: Bump when a reader, the duplicate rule or the split changes: every cached table is then rebuilt.
VERSION = 2
SPLIT_SALT = "toolkit-split-v1:"
TEST_SHARE = 0.2
NEAR_DUP = 0.8


def split_of(doc_id: str) -> str:
    """``"test"`` for a fixed 20 % of doc ids, ``"train"`` for the rest."""
    h = int(hashlib.sha1((SPLIT_SALT + doc_id).encode()).hexdigest()[:8], 16)
    return "test" if h < TEST_SHARE * 16**8 else "train"


# --- readers: one per upstream format ---------------------------------------------------------------------


def read_isna(folder: Path) -> pd.DataFrame:
    """One file per article, ``<category>/<name><n>.txt``: headline, lead, body lines."""
    rows = []
    for path in sorted(folder.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        rows.append(
            {
                "doc_id": f"isna/{path.parent.name}/{path.stem}",
                "outlet": "ISNA",
                "title": lines[0].strip(),
                "text": "\n".join(line.strip() for line in lines[1:] if line.strip()),
                "lead": lines[1].strip() if len(lines) > 1 else "",
                "category": path.parent.name,
            }
        )
    return pd.DataFrame(rows)


_FARS_ID = re.compile(r"/news/(\d+)")


def fars_date(news_id: str) -> str:
    """Fars news ids start with the Solar Hijri date: YYMMDD (before 1391) or YYYYMMDD."""
    if news_id.startswith(("13", "14")) and len(news_id) >= 12:
        y, m, d = news_id[:4], news_id[4:6], news_id[6:8]
    else:
        y, m, d = "13" + news_id[:2], news_id[2:4], news_id[4:6]
    return f"{y}-{m}-{d}"


def read_fars(folder: Path) -> pd.DataFrame:
    """Five JSON lists of {title, abstract, paragraphs, cat, subcat, tags, link}."""
    rows = []
    for i in range(1, 6):
        for item in json.loads((folder / f"fars-news-{i}.json").read_text(encoding="utf-8")):
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
                    "date": fars_date(news_id),
                }
            )
    # The same link twice in the files is one article.
    return pd.DataFrame(rows).drop_duplicates("doc_id", keep="first").reset_index(drop=True)


def read_farstail(folder: Path) -> pd.DataFrame:
    """Tab-separated premise, hypothesis, label; Train and Val become train, Test stays test."""
    frames = []
    for name, split in (("Train", "train"), ("Val", "train"), ("Test", "test")):
        d = pd.read_csv(folder / f"{name}-word.csv", sep="\t", dtype=str)[["premise", "hypothesis", "label"]].copy()
        d["doc_id"] = [f"farstail/{name.lower()}/{i:05d}" for i in range(len(d))]
        d["split"] = split
        frames.append(d)
    df = pd.concat(frames, ignore_index=True)
    df["outlet"] = ""
    df["title"] = ""
    df["text"] = df["premise"]
    return df[["doc_id", "outlet", "title", "text", "premise", "hypothesis", "label", "split"]]


_AGENCIES = {
    "borna": "Borna",
    "hamshahri_online": "Hamshahri Online",
    "khabaronline": "Khabaronline",
    "tasnim": "Tasnim",
}
_MONTHS = {m: i + 1 for i, m in enumerate("فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split())}
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def solar_date(raw: str) -> str:
    """``'۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰'`` or ``'پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱'`` → ``'1404-06-14'`` (Fars' format)."""
    s = raw.translate(_DIGITS)
    if m := re.search(r"(\d{4})/(\d{1,2})/(\d{1,2})", s):
        y, mo, d = m.groups()
    elif m := re.search(r"(\d{1,2})\s+(\S+)\s+(\d{4})", s):
        d, month, y = m.groups()
        mo = _MONTHS[month]
    else:
        raise ValueError(f"unknown date format: {raw!r}")
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def read_news2025(folder: Path) -> pd.DataFrame:
    """Four CSV files of 20 articles; ``[n]`` in the text marks a paragraph break. The LLM titles are not kept."""
    rows = []
    for key, outlet in _AGENCIES.items():
        path = folder / f"news_{key}_20_LLM_Tagged.csv"
        for r in pd.read_csv(path, dtype=str, keep_default_na=False).itertuples():
            lead = r.introtext.strip()
            body = [p.strip() for p in r.text.split("[n]") if p.strip()]
            rows.append(
                {
                    "doc_id": f"news2025/{key}/{r.news_id}",
                    "outlet": outlet,
                    "title": r.title.strip(),
                    "text": "\n".join([lead, *body] if lead else body),
                    "lead": lead,
                    "category": r.category.strip(),
                    "tags": [t.strip() for t in r.tags.split(",") if t.strip()],
                    "url": r.url,
                    "date": solar_date(r.date),
                }
            )
    return pd.DataFrame(rows)


_HAMSHAHRI_ID = re.compile(r"hamshahrionline\.ir/(news|photo)/(\d+)")


def read_hamshahri(folder: Path) -> pd.DataFrame:
    """A JSON list of RSS items {title, summary, link, tags}; ``text`` and ``lead`` are the RSS summary,
    ``section`` the one tag (``"جهان > اروپا"``)."""
    rows = []
    for item in json.loads((folder / "hamshahri.json").read_text(encoding="utf-8")):
        kind, news_id = _HAMSHAHRI_ID.search(item["link"]).groups()
        summary = (item.get("summary") or "").strip()
        rows.append(
            {
                "doc_id": f"hamshahri/{kind}/{news_id}",
                "outlet": "Hamshahri Online",
                "title": (item.get("title") or "").strip(),
                "text": summary,
                "lead": summary,
                "section": " > ".join(t.strip() for t in item.get("tags") or [] if t and t.strip()),
                "url": item["link"],
            }
        )
    return pd.DataFrame(rows).drop_duplicates("doc_id", keep="first").reset_index(drop=True)


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STANCES = {"0": "disagree", "1": "agree", "2": "discuss", "3": "unrelated"}
_FAREXSTANCE_FILES = {
    "article": [("b2c/dev_set_final.xlsx", "dev", "train"), ("b2c/test_set_final.xlsx", "test", "test")],
    "headline": [
        ("h2c/train_set_final.xlsx", "train", "train"),
        ("h2c/dev_set_final.xlsx", "dev", "train"),
        ("h2c/test_set_final.xlsx", "test", "test"),
    ],
}


def read_xlsx(path: Path) -> list[dict[str, str | None]]:
    """The first sheet of an .xlsx file as dicts keyed by the header row. The files are plain OOXML (a sheet
    and, sometimes, a shared-strings table), so ``zipfile`` and ``xml.etree`` read them."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(_NS + "si"):
                shared.append("".join(t.text or "" for t in si.iter(_NS + "t")))
        rows = []
        for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(_NS + "row"):
            row = {}
            for c in r.iter(_NS + "c"):
                col = re.match(r"[A-Z]+", c.get("r")).group()
                kind, v = c.get("t"), c.find(_NS + "v")
                if kind == "s":
                    row[col] = shared[int(v.text)]
                elif kind == "inlineStr":
                    row[col] = "".join(x.text or "" for x in c.iter(_NS + "t"))
                else:
                    row[col] = v.text if v is not None else None
            rows.append(row)
    header = rows[0]
    return [{header.get(k, k): v for k, v in r.items()} for r in rows[1:]]


def read_farexstance(folder: Path) -> pd.DataFrame:
    """Article → claim (upstream b2c: dev becomes train, the upstream train file being over 4 MiB and not in the
    snapshot) and headline → claim (h2c: train + dev become train); upstream test stays test. Upstream splits
    by claim. Stance ids follow the upstream code: 0 disagree, 1 agree, 2 discuss, 3 unrelated."""
    rows = []
    for task, files in _FAREXSTANCE_FILES.items():
        for name, upstream, split in files:
            for i, r in enumerate(read_xlsx(folder / name)):
                text = (r.get("content") if task == "article" else r.get("news_title")) or ""
                rows.append(
                    {
                        "doc_id": f"farexstance/{task}/{upstream}/{i:05d}",
                        "outlet": "",
                        "title": (r.get("news_title") or "") if task == "headline" else "",
                        "text": text.strip(),
                        "claim": (r.get("claim") or "").strip(),
                        "stance": _STANCES[str(r["stance"]).strip()],
                        "task": task,
                        "claim_id": str(r.get("claim_id") or ""),
                        "news_id": str(r.get("news_id") or ""),
                        "evidence": (r.get("evidence") or "").strip(),
                        "split": split,
                        "upstream_split": upstream,
                    }
                )
    return pd.DataFrame(rows)


READERS = {
    "isna": read_isna,
    "fars": read_fars,
    "farstail": read_farstail,
    "news2025": read_news2025,
    "farexstance": read_farexstance,
    "hamshahri": read_hamshahri,
}


# --- duplicates and the split -----------------------------------------------------------------------------

_CHAR_NORM = Normalizer(restore_zwnj=False)


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


def _headed(df: pd.DataFrame) -> list[str]:
    return (df["title"] + "\n" + df["text"]).tolist()


def build_news(isna: pd.DataFrame, fars: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """ISNA and Fars as read → their tables: duplicates removed across both, split set, sorted by doc_id."""
    both = pd.concat([isna, fars], ignore_index=True)
    dups = find_duplicates(both["doc_id"].tolist(), _headed(both))
    return tuple(_split(df[~df["doc_id"].isin(dups)].copy()) for df in (isna, fars))


def build(name: str, raw: pd.DataFrame, older: pd.DataFrame | None = None) -> pd.DataFrame:
    """The table of corpus ``name`` (not ISNA or Fars: :func:`build_news`) from its rows as read.

    ``older`` is the ISNA and Fars tables together: the 2025 articles and the Hamshahri items that duplicate
    one of them, or each other, are dropped."""
    df = raw
    if name in ("news2025", "hamshahri"):
        ids = older["doc_id"].tolist() + df["doc_id"].tolist()
        dups = set(find_duplicates(ids, _headed(older) + _headed(df)))
        if name == "hamshahri":  # an RSS item updated under a new title keeps its lead: the lead alone decides
            dups |= set(find_duplicates(df["doc_id"].tolist(), df["text"].tolist()))
        df = df[~df["doc_id"].isin(dups)].copy()
        if name == "news2025":
            df["split"] = "test"
            return df.sort_values("doc_id", kind="stable").reset_index(drop=True)
        return _split(df)
    if name == "farstail":
        prem = find_duplicates(df["doc_id"].tolist(), df["premise"].tolist())
        # A pair is only dropped when its premise duplicates a premise on the other side of the split.
        side = dict(zip(df["doc_id"], df["split"], strict=True))
        df = df[~df["doc_id"].isin({d for d, k in prem.items() if side[d] != side[k]})]
        return df.sort_values("doc_id", kind="stable").reset_index(drop=True)
    return df.reset_index(drop=True)  # FarExStance: upstream order, which its doc ids follow


def _split(df: pd.DataFrame) -> pd.DataFrame:
    df["split"] = df["doc_id"].map(split_of)
    return df.sort_values("doc_id", kind="stable").reset_index(drop=True)
