"""Bundle FarExStance (claim stance: article-to-claim and headline-to-claim) as ``data/farexstance.parquet``.

    python scripts/build_farexstance.py --raw ../shared/data/raw --out data

Reads the upstream ``.xlsx`` files with ``zipfile`` and ``xml.etree`` (they are plain OOXML: a sheet and,
sometimes, a shared-strings table), so no spreadsheet library is needed. Keeps:

* ``task = "article"`` (upstream ``b2c``): a claim and a full news article; upstream ``dev`` becomes our
  ``train`` (the upstream train file is over 4 MiB and absent from the snapshot), upstream ``test`` stays
  ``test``. Upstream splits by claim: no claim is on both sides, but 390 articles are (their design).
* ``task = "headline"`` (upstream ``h2c``): a claim and a headline; upstream ``train`` + ``dev`` become
  ``train``, ``test`` stays ``test``.

The social-media files hold tweet ids only (no text) and are left out. Stance ids follow the upstream
code: 0 disagree, 1 agree, 2 discuss, 3 unrelated. Rows keep their upstream order; the output is
deterministic. The script adds a ``farexstance`` entry to ``data/datasets.json`` and rewrites
``data/README.md`` with ``build_data.readme``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
STANCES = {"0": "disagree", "1": "agree", "2": "discuss", "3": "unrelated"}
FILES = {
    "article": [("b2c/dev_set_final.xlsx", "dev", "train"), ("b2c/test_set_final.xlsx", "test", "test")],
    "headline": [
        ("h2c/train_set_final.xlsx", "train", "train"),
        ("h2c/dev_set_final.xlsx", "dev", "train"),
        ("h2c/test_set_final.xlsx", "test", "test"),
    ],
}
ENTRY = {
    "title": "FarExStance claim stance: article-to-claim and headline-to-claim",
    "file": "farexstance.parquet",
    "origin": "https://github.com/Zarharan/FarExStance",
    "commit": "1c139feb120b5f46bbf80cae5496e2691f048719",
    "paths": "data/b2c/{dev,test}_set_final.xlsx, data/h2c/{train,dev,test}_set_final.xlsx",
    "license": "None stated in the repository; research use with citation. Articles (c) their Persian news sites.",
    "citation": "Zarharan, Hashemi, Behroozrazegh, Eetemadi, Pilehvar, Foster (2025). FarExStance: Explainable "
    "Stance Detection for Farsi. COLING 2025.",
    "columns": "doc_id, outlet, title, text (article or headline), claim, stance (agree/disagree/discuss/unrelated), "
    "task (article/headline), claim_id, news_id, evidence, split, upstream_split",
}


def read_xlsx(path: Path) -> list[dict[str, str | None]]:
    """The first sheet of an .xlsx file as a list of dicts keyed by the header row."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
                shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
        rows = []
        for r in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(NS + "row"):
            row = {}
            for c in r.iter(NS + "c"):
                col = re.match(r"[A-Z]+", c.get("r")).group()
                kind, v = c.get("t"), c.find(NS + "v")
                if kind == "s":
                    row[col] = shared[int(v.text)]
                elif kind == "inlineStr":
                    row[col] = "".join(x.text or "" for x in c.iter(NS + "t"))
                else:
                    row[col] = v.text if v is not None else None
            rows.append(row)
    header = rows[0]
    return [{header.get(k, k): v for k, v in r.items()} for r in rows[1:]]


def build(raw: Path) -> pd.DataFrame:
    rows = []
    for task, files in FILES.items():
        for name, upstream, split in files:
            for i, r in enumerate(read_xlsx(raw / name)):
                text = (r.get("content") if task == "article" else r.get("news_title")) or ""
                rows.append(
                    {
                        "doc_id": f"farexstance/{task}/{upstream}/{i:05d}",
                        "outlet": "",
                        "title": (r.get("news_title") or "") if task == "headline" else "",
                        "text": text.strip(),
                        "claim": (r.get("claim") or "").strip(),
                        "stance": STANCES[str(r["stance"]).strip()],
                        "task": task,
                        "claim_id": str(r.get("claim_id") or ""),
                        "news_id": str(r.get("news_id") or ""),
                        "evidence": (r.get("evidence") or "").strip(),
                        "split": split,
                        "upstream_split": upstream,
                    }
                )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=Path("../shared/data/raw"))
    ap.add_argument("--out", type=Path, default=ROOT / "data")
    args = ap.parse_args(argv)
    raw = args.raw / "FarExStance"
    if not raw.is_dir():
        print(f"build_farexstance: {raw} not found; pass --raw", file=sys.stderr)
        return 2
    df = build(raw)
    path = args.out / ENTRY["file"]
    build_data.write_parquet(df, path)
    reg_path = args.out / "datasets.json"
    registry = json.loads(reg_path.read_text(encoding="utf-8"))
    counts = {
        "raw": len(df),
        "duplicates_removed": 0,
        "rows": len(df),
        "train": int((df["split"] == "train").sum()),
        "test": int((df["split"] == "test").sum()),
        "by_task": df["task"].value_counts().sort_index().to_dict(),
        "by_stance": df["stance"].value_counts().sort_index().to_dict(),
    }
    registry["farexstance"] = {**ENTRY, "counts": counts, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    build_data.write_registry(args.out, registry)
    print(f"farexstance: {len(df)} rows -> {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
