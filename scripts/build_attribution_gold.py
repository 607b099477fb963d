"""The attribution set of ``ANNOTATION.md``: passages from outlets the extractor's rules were not written on.

    python scripts/build_attribution_gold.py sample --work DIR      # draw the passages (once), text for labelling
    python scripts/build_attribution_gold.py finalize --work DIR  # labels -> resources/labels/attribution.jsonl

**Sample.** Passages are paragraphs of the raw article text (a line; a paragraph longer than ``MAX_CHARS``
is cut into windows of whole sentences, at most ``MAX_CHARS`` each). A passage *has a cue* when its text,
with Arabic ي/ك folded and ZWNJs dropped, matches ``CUE`` (a broad pattern of the scheme's reporting cues).
With ``numpy.random.default_rng(SEED)`` the passages of each corpus are shuffled and taken in order, at most
one per article, until ``QUOTA`` cue passages and ``NO_CUE`` passages without a cue are drawn. Articles of
the old ``claims_gold`` set are skipped. A passage is in ``test`` when the first 8 hex digits of
sha1("attribution-v1:" + id) are below 0.4 * 16**8, else in ``dev``: the test part is frozen and never read
while the rules are changed.

The work folder (outside the repository: it holds the corpora's text) receives ``passages.jsonl`` (id, corpus,
doc_id, start, end, text) and, from the labellers, ``labels-*.jsonl`` (id, claims with verbatim ``cue``,
``speaker``, ``content``). **Finalize** checks every label against ANNOTATION.md's form (every cue, speaker and
content a substring of the passage, a known mode) and writes the committed file: passages by corpus, doc id,
raw span and the sha256 of the passage, claims with raw offsets instead of text. The passages were labelled
by reading, before the extractor was run on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "resources" / "labels" / "attribution.jsonl"
SEED = 2026
SALT = "attribution-v1:"
TEST_SHARE = 0.4
MAX_CHARS = 700
MIN_CHARS = 40
#: cue passages per corpus, then passages without a cue
QUOTA = {"farexstance": 200, "hamshahri": 60, "news2025": 50, "isna": 50, "fars": 40}
NO_CUE = {"farexstance": 15, "hamshahri": 10, "news2025": 5, "isna": 5, "fars": 5}
CUE = re.compile(
    r"گفت|اعلام|افزود|تصریح|تاکید|تأکید|نوشت|گزارش|خبر داد|مدعی|ادعا|معتقد|میگوید|حاکی|به نقل|به گفته|"
    r"به نوشته|بنا بر|بنابر|با بیان|با اشاره|اظهار|خاطرنشان|بیان کرد|یادآور|ابراز|هشدار داد|:"
)
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": None})
_SENT_END = re.compile(r"(?<=[.!؟?])\s+")


def _articles():
    """(corpus, doc_id, raw text) of every article that may be drawn, one per text."""
    from toolkit import datasets

    old = {json.loads(line)["doc_id"] for line in _old_gold()}
    fx = datasets.load_farexstance(task="article").drop_duplicates("text")
    frames = [
        ("farexstance", fx),
        ("hamshahri", datasets.load_hamshahri()),
        ("news2025", datasets.load_news2025()),
        ("isna", datasets.load_isna()),
        ("fars", datasets.load_fars()),
    ]
    for corpus, df in frames:
        for doc_id, text in zip(df["doc_id"], df["text"], strict=True):
            if doc_id not in old:
                yield corpus, doc_id, text


def _old_gold() -> list[str]:
    path = ROOT / "toolkit" / "resources" / "labels" / "claims_gold.jsonl"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def passages(text: str):
    """(start, end) of each passage of ``text``: its lines, long ones cut into windows of sentences."""
    for m in re.finditer(r"[^\r\n]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a <= MAX_CHARS:
            if b - a >= MIN_CHARS:
                yield a, b
            continue
        starts = [a] + [a + s.end() for s in _SENT_END.finditer(text[a:b])]
        ends = [*starts[1:], b]
        i = 0
        while i < len(starts):
            j = i
            while j + 1 < len(starts) and ends[j + 1] - starts[i] <= MAX_CHARS:
                j += 1
            s, e = starts[i], ends[j]
            while e > s and text[e - 1].isspace():
                e -= 1
            if MIN_CHARS <= e - s <= 2 * MAX_CHARS:
                yield s, e
            i = j + 1


def split_of(pid: str) -> str:
    h = int(hashlib.sha1((SALT + pid).encode()).hexdigest()[:8], 16)
    return "test" if h < TEST_SHARE * 16**8 else "dev"


def sample(work: Path) -> None:
    cands: dict[str, list] = {c: [] for c in QUOTA}
    for corpus, doc_id, text in _articles():
        for a, b in passages(text):
            cands[corpus].append((doc_id, a, b, bool(CUE.search(text[a:b].translate(_FOLD))), text[a:b]))
    rng = np.random.default_rng(SEED)
    picked = []
    for corpus, pool in cands.items():
        want = {True: QUOTA[corpus], False: NO_CUE[corpus]}
        seen: set[str] = set()
        for i in rng.permutation(len(pool)):
            doc_id, a, b, has_cue, text = pool[i]
            if doc_id in seen or want[has_cue] == 0:
                continue
            seen.add(doc_id)
            want[has_cue] -= 1
            picked.append({"corpus": corpus, "doc_id": doc_id, "start": int(a), "end": int(b), "text": text})
            if not any(want.values()):
                break
    work.mkdir(parents=True, exist_ok=True)
    with (work / "passages.jsonl").open("w", encoding="utf-8") as f:
        for n, rec in enumerate(picked):
            pid = f"a{n:04d}"
            f.write(json.dumps({"id": pid, "split": split_of(pid), **rec}, ensure_ascii=False) + "\n")
    print(f"{len(picked)} passages -> {work / 'passages.jsonl'}")


MODES = ("direct", "indirect", "according_to")


def _span(text: str, part: str, what: str, pid: str, after: int = 0) -> tuple[int, int]:
    i = text.find(part, after)
    if i < 0:
        i = text.find(part)
    if i < 0 or not part:
        raise ValueError(f"{pid}: {what} {part!r} is not in the passage")
    return i, i + len(part)


def resolve(p: dict, claims: list[dict]) -> list[dict]:
    """Labels with text -> labels with raw offsets, checked against the passage."""
    out = []
    for c in claims:
        if c.get("mode") not in MODES:
            raise ValueError(f"{p['id']}: bad mode {c.get('mode')!r}")
        cs, ce = _span(p["text"], c["content"], "content", p["id"])
        ks, ke = _nearest(p["text"], c["cue"], (cs, ce), p["id"]) if c["cue"] != ":" else _colon(p["text"], cs)
        rec = {"source": c.get("source") or None, "speaker": c.get("speaker") or None, "mode": c["mode"]}
        if rec["speaker"] is not None:
            _span(p["text"], rec["speaker"], "speaker", p["id"])
        rec |= {"cue": c["cue"], "cue_start": p["start"] + ks, "cue_end": p["start"] + ke}
        rec |= {"content_start": p["start"] + cs, "content_end": p["start"] + ce}
        out.append(rec)
    return out


def _nearest(text: str, cue: str, content: tuple[int, int], pid: str) -> tuple[int, int]:
    """The occurrence of ``cue`` nearest to the content (a cue may be written more than once in a passage)."""
    _span(text, cue, "cue", pid)
    starts = [m.start() for m in re.finditer(re.escape(cue), text)]
    cs, ce = content
    best = min(starts, key=lambda i: max(cs - (i + len(cue)), i - ce, 0) * 2 + (i > cs))
    return best, best + len(cue)


def _colon(text: str, before: int) -> tuple[int, int]:
    i = text.rfind(":", 0, before)
    return (i, i + 1) if i >= 0 else (0, 0)


def finalize(work: Path) -> None:
    ps = {json.loads(x)["id"]: json.loads(x) for x in (work / "passages.jsonl").read_text().splitlines() if x}
    labels: dict[str, list] = {}
    for path in sorted(work.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                labels[r["id"]] = r["claims"]
    missing = sorted(set(ps) - set(labels))
    if missing:
        print(f"finalize: {len(missing)} passages unlabelled, e.g. {missing[:5]}", file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for pid, p in ps.items():
            if pid not in labels:
                continue
            rec = {k: p[k] for k in ("id", "split", "corpus", "doc_id", "start", "end")}
            rec["sha256"] = hashlib.sha256(p["text"].encode()).hexdigest()
            rec["claims"] = resolve(p, labels[pid])
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(labels)} labelled passages -> {OUT}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=["sample", "finalize"])
    ap.add_argument("--work", type=Path, required=True, help="a folder outside the repository")
    args = ap.parse_args(argv)
    (sample if args.cmd == "sample" else finalize)(args.work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
