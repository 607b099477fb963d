"""Bundle the 2025 sample of four news agencies (80 articles) as ``data/news2025.parquet``: a test set from
outlets and a year that none of the training corpora (ISNA, Fars) contains.

    python scripts/build_news2025.py --raw ../shared/data/raw --out data

Source: the gold sample of the Persian headline-generation project (Borna, Hamshahri Online, Khabaronline,
Tasnim; 20 articles each, Shahrivar/Mordad 1404 SH = August/September 2025), with each outlet's own section
label in Persian (``category``). The two LLM-written titles of the upstream files are not kept; ``[n]`` in the
upstream text marks a paragraph break and becomes a newline.

Every article is in ``split == "test"``: the corpus exists to measure how a model trained on the bundled
corpora does on outlets and years it never saw, so nothing here may be trained on. An article that duplicates
another one (the same rule as ``scripts/build_data.py``: exact, or 80 % of the word 5-grams of the shorter
one, compared with every ISNA and Fars article) is dropped.

The script adds the ``news2025`` entry to ``data/datasets.json`` (same shape as ``build_data.py`` writes, plus
``"script"``) and regenerates ``data/README.md``; the Parquet file is byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
build_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_data)

from toolkit import datasets  # noqa: E402

NAME = "news2025"
RAW = "Improving-Persian-News-Headline-Generation/SampleGoldData"
AGENCIES = {
    "borna": "Borna",
    "hamshahri_online": "Hamshahri Online",
    "khabaronline": "Khabaronline",
    "tasnim": "Tasnim",
}
ENTRY = {
    "title": "Four agencies, 1404 SH (2025): Borna, Hamshahri Online, Khabaronline, Tasnim (test only)",
    "file": "news2025.parquet",
    "origin": "https://github.com/farzadjannati/Improving-Persian-News-Headline-Generation",
    "commit": "68785cc38f3207a44bfa24154d17e2b578b20a56",
    "paths": "DataCrawling/SampleGoldData/news_{borna,hamshahri_online,khabaronline,tasnim}_20_LLM_Tagged.csv",
    "license": "Repository MIT; the articles are the agencies' copyright. Bundled for non-commercial research only.",
    "citation": "farzadjannati, Improving-Persian-News-Headline-Generation (GitHub, 2025); articles (c) Borna, "
    "Hamshahri Online, Khabaronline and Tasnim news agencies.",
    "columns": "doc_id, outlet, title, text, lead, category (the outlet's own section, in Persian), tags, url, date, "
    "split (always test)",
    "script": "scripts/build_news2025.py",
}
MONTHS = {m: i + 1 for i, m in enumerate("فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split())}
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def solar_date(raw: str) -> str:
    """``'۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰'`` or ``'پنجشنبه ۳۰ مرداد ۱۴۰۴ - ۱۵:۰۱'`` → ``'1404-06-14'`` (Fars' format)."""
    s = raw.translate(_DIGITS)
    if m := re.search(r"(\d{4})/(\d{1,2})/(\d{1,2})", s):
        y, mo, d = m.groups()
    elif m := re.search(r"(\d{1,2})\s+(\S+)\s+(\d{4})", s):
        d, month, y = m.groups()
        mo = MONTHS[month]
    else:
        raise ValueError(f"unknown date format: {raw!r}")
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def load(raw: Path) -> pd.DataFrame:
    rows = []
    for key, outlet in AGENCIES.items():
        path = raw / RAW / f"news_{key}_20_LLM_Tagged.csv"
        for r in pd.read_csv(path, dtype=str, keep_default_na=False).itertuples():
            lead = r.introtext.strip()
            body = [p.strip() for p in r.text.split("[n]") if p.strip()]
            rows.append(
                {
                    "doc_id": f"{NAME}/{key}/{r.news_id}",
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=Path("../shared/data/raw"), help="folder of the raw corpora")
    ap.add_argument("--out", type=Path, default=Path("data"), help="the bundled corpora (with datasets.json)")
    args = ap.parse_args(argv)
    if not (args.raw / RAW).is_dir():
        print(f"build_news2025: {args.raw / RAW} not found; pass --raw", file=sys.stderr)
        return 2
    registry_path = args.out / "datasets.json"
    if not registry_path.is_file():
        print(f"build_news2025: {registry_path} not found; run scripts/build_data.py first", file=sys.stderr)
        return 2

    df = load(args.raw)
    before = len(df)
    # Compare with the bundled ISNA and Fars articles too: a 2025 article that repeats one of them goes.
    os.environ["TOOLKIT_DATA"] = str(args.out.resolve())
    older = pd.concat([datasets.load_isna(), datasets.load_fars()], ignore_index=True)
    ids = older["doc_id"].tolist() + df["doc_id"].tolist()
    texts = (older["title"] + "\n" + older["text"]).tolist() + (df["title"] + "\n" + df["text"]).tolist()
    dups = {d for d in build_data.find_duplicates(ids, texts) if d.startswith(NAME + "/")}
    df = df[~df["doc_id"].isin(dups)].copy()
    df["split"] = "test"
    df = df.sort_values("doc_id", kind="stable").reset_index(drop=True)
    path = args.out / ENTRY["file"]
    build_data.write_parquet(df, path)

    registry = json.loads(registry_path.read_text())
    entry = dict(ENTRY)
    entry["counts"] = {
        "raw": before,
        "duplicates_removed": before - len(df),
        "rows": len(df),
        "train": 0,
        "test": len(df),
        "by_category": df["category"].value_counts().sort_index().to_dict(),
    }
    entry["sha256"] = build_data.sha256(path)
    registry[NAME] = entry
    build_data.write_registry(args.out, registry)
    print(f"{NAME}: {before} raw, {before - len(df)} duplicates removed, {len(df)} rows -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
