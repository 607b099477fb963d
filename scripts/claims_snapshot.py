"""A fingerprint of :func:`toolkit.claims.extract_claims` on every bundled corpus, to prove a refactoring changes
no output (``tests/fixtures/claims_snapshot.json``, checked by ``tests/test_claims_snapshot.py``).

    python scripts/claims_snapshot.py                      # write the fixture from the current extractor
    python scripts/claims_snapshot.py --check              # compare; exit 1 at the first corpus that differs
    python scripts/claims_snapshot.py --check --corpus seed --corpus news2025
    python scripts/claims_snapshot.py --before 8108feb --rounds 3   # the same digests as REV's, and the time

For each corpus the extractor runs once on all its texts (a DataFrame with ``doc_id`` and ``text``), and the
table's rows, all of :data:`toolkit.claims.COLUMNS` in order, are written one JSON array a line (plain Python
values, ``ensure_ascii=False``) and hashed with SHA-256; the fixture holds the digest and the row count. For
the small corpora (the seed, the labelled passages, news2025, Hamshahri) :func:`toolkit.claims.provenance` of
each text is fingerprinted the same way.

The corpora: the seed article (``load_seeds``, needs nothing), the labelled passages of ``claims_gold`` and
``attribution`` (each passage alone, its ``id`` as ``doc_id``), news2025, Hamshahri (headline and lead),
ISNA, Fars, and FarExStance's articles (each distinct text once, with the ``doc_id`` of its first row: the
table repeats an article for each claim paired with it). A corpus that cannot be had is reported and left
out (``--check`` says so and does not fail on it).

``--before REV`` runs ``extract_claims`` of ``toolkit/claims`` as it was at the git revision ``REV`` (loaded as
``benchmarks/claims.py --before`` does) beside this one on each corpus, ``--rounds`` times each, taking turns
(the order flips every round): the digests must be the same (exit 1 otherwise), and a table gives the median
CPU seconds (``time.process_time``) of each and their ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "claims_snapshot.json"

#: Corpora whose provenance chains are fingerprinted too (a few thousand texts at most).
SMALL = ("seed", "claims_gold", "attribution", "news2025", "hamshahri")


def _frame(df: pd.DataFrame, id_column: str = "doc_id") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": df[id_column].astype(str).to_numpy(), "text": df["text"].to_numpy()})


def _loaders() -> dict[str, Callable[[], pd.DataFrame]]:
    from toolkit import datasets

    return {
        "seed": lambda: _frame(datasets.load_seeds()),
        "claims_gold": lambda: _frame(datasets.load_claims_gold(), "id"),
        "attribution": lambda: _frame(datasets.load_attribution(), "id"),
        "news2025": lambda: _frame(datasets.load_news2025()),
        "hamshahri": lambda: _frame(datasets.load_hamshahri()),
        "isna": lambda: _frame(datasets.load_isna()),
        "fars": lambda: _frame(datasets.load_fars()),
        "farexstance": lambda: _frame(datasets.load_farexstance().drop_duplicates("text")),
    }


CORPORA = tuple(_loaders())


def load(name: str) -> pd.DataFrame | None:
    """The texts of a corpus (``doc_id``, ``text``), or None when it cannot be had."""
    from toolkit import datasets

    try:
        return _loaders()[name]()
    except (datasets.DataError, FileNotFoundError, OSError):
        return None


def digest(table: pd.DataFrame, columns: list[str]) -> str:
    """SHA-256 of the table's rows (the columns in order), one JSON array a line."""
    values = zip(*(table[c].tolist() for c in columns), strict=True)
    lines = (json.dumps(list(v), ensure_ascii=False) for v in values)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def fingerprint(name: str, texts: pd.DataFrame) -> dict:
    """Rows and digest of ``extract_claims`` on the texts (and of ``provenance`` for the small corpora)."""
    from toolkit.claims import COLUMNS, extract_claims, provenance

    table = extract_claims(texts)
    out = {"texts": len(texts), "rows": len(table), "sha256": digest(table, COLUMNS)}
    if name in SMALL:
        cols = ["doc_id", "step", "role", "name", "known", "text", "start", "end"]
        chains = [provenance(t).assign(doc_id=d) for d, t in zip(texts.doc_id, texts.text, strict=True)]
        chain = pd.concat([c for c in chains if not c.empty] or [pd.DataFrame(columns=cols)], ignore_index=True)
        out |= {"provenance_rows": len(chain), "provenance_sha256": digest(chain, cols)}
    return out


def _claims_at(rev: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """``extract_claims`` as it was at ``rev``, from ``benchmarks/claims.py`` (not installed: read from its file)."""
    spec = importlib.util.spec_from_file_location("benchmarks_claims", ROOT / "benchmarks" / "claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.claims_at(rev)


def against(rev: str, names: list[str], rounds: int) -> pd.DataFrame:
    """Rows, digests the same or not, and median CPU seconds of this extractor and ``rev``'s on each corpus."""
    from toolkit.claims import COLUMNS, extract_claims

    extractors = {"this": extract_claims, rev: _claims_at(rev)}
    for extract in extractors.values():
        extract("به گزارش ایسنا، وزیر نفت گفت: تولید ثابت است.")  # load the lexicons once
    rows = []
    for name in names:
        texts = load(name)
        if texts is None:
            continue
        seconds: dict[str, list[float]] = {k: [] for k in extractors}
        digests: dict[str, set[str]] = {k: set() for k in extractors}
        for r in range(rounds):
            for key in list(extractors)[:: 1 if r % 2 == 0 else -1]:
                t0 = time.process_time()
                table = extractors[key](texts)
                seconds[key].append(time.process_time() - t0)
                digests[key].add(digest(table, COLUMNS))
        this, before = statistics.median(seconds["this"]), statistics.median(seconds[rev])
        same = len(digests["this"] | digests[rev]) == 1
        rows.append({"corpus": name, "texts": len(texts), "rows": len(table), "same": same,
                     "cpu_s_this": round(this, 2), f"cpu_s_{rev}": round(before, 2),
                     "ratio": round(this / before, 3)})  # fmt: skip
        print(rows[-1], file=sys.stderr)
    out = pd.DataFrame(rows)
    total = out[["cpu_s_this", f"cpu_s_{rev}"]].sum()
    out.loc[len(out)] = {"corpus": "all", "texts": out.texts.sum(), "rows": out.rows.sum(), "same": out.same.all(),
                         "cpu_s_this": round(total.iloc[0], 2), f"cpu_s_{rev}": round(total.iloc[1], 2),
                         "ratio": round(total.iloc[0] / total.iloc[1], 3)}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the fixture instead of writing it")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only these corpora (repeatable)")
    ap.add_argument("--fixture", type=Path, default=FIXTURE)
    ap.add_argument("--before", metavar="REV", help="compare with extract_claims at this git revision, and time both")
    ap.add_argument("--rounds", type=int, default=3, help="with --before: runs of each extractor, taking turns")
    args = ap.parse_args(argv)
    names = args.corpus or list(CORPORA)
    if args.before:
        table = against(args.before, names, args.rounds)
        print(table.to_string(index=False))
        return 0 if table.same.all() else 1
    expected = json.loads(args.fixture.read_text("utf-8")) if args.check else {}
    found, total = {}, 0.0
    for name in names:
        texts = load(name)
        if texts is None:
            print(f"{name}: not available, left out", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        found[name] = fingerprint(name, texts)
        total += (dt := time.perf_counter() - t0)
        print(f"{name}: {found[name]['texts']} texts, {found[name]['rows']} claims, {dt:.1f} s", file=sys.stderr)
        if args.check and name in expected and found[name] != expected[name]:
            print(f"claims snapshot differs on {name}: {found[name]} != {expected[name]}", file=sys.stderr)
            return 1
        if args.check and name not in expected:
            print(f"claims snapshot: the fixture has no {name}", file=sys.stderr)
            return 1
    print(f"extraction time {total:.1f} s", file=sys.stderr)
    if args.check:
        print(f"claims snapshot identical on {len(found)} corpora: {', '.join(found)}")
        return 0
    if args.corpus:  # a partial run updates those corpora only
        found = json.loads(args.fixture.read_text("utf-8")) | found if args.fixture.exists() else found
    args.fixture.parent.mkdir(parents=True, exist_ok=True)
    args.fixture.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.fixture.relative_to(ROOT) if args.fixture.is_relative_to(ROOT) else args.fixture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
