"""The attribution set of ``ANNOTATION.md``: passages from outlets the extractor's rules were not written on.

    python scripts/build_attribution_gold.py sample --round 2 --work DIR    # draw a round's passages (once)
    python scripts/build_attribution_gold.py finalize --round 2 --work DIR  # its labels -> resources/labels/

The set is drawn in rounds (``ROUNDS``), each with its own seed, split salt, id letter and quotas. Round 1
(ids ``a0000``…, seed 2026, salt ``attribution-v1:``): 440 passages, 538 claims, labelled while the scheme's
rules were being written and the extractor was changed on its dev part. Round 2 (ids ``b0000``…, seed 2027,
salt ``attribution-v2:``, quotas about half of round 1's): 217 passages, 231 claims, drawn and labelled after
the rules were written, from articles neither round 1 nor ``claims_gold`` used, so it measures the extractor
on text nobody tuned on (news2025 had 25 articles left, three short of the quota).

**Sample.** Passages are paragraphs of the raw article text (a line; a paragraph longer than ``MAX_CHARS``
is cut into windows of whole sentences, at most ``MAX_CHARS`` each). A passage *has a cue* when its text,
with Arabic ي/ك folded and ZWNJs dropped, matches ``CUE`` (a broad pattern of the scheme's reporting cues).
With ``numpy.random.default_rng(seed)`` the passages of each corpus are shuffled and taken in order, at most
one per article, until the round's ``quota`` of cue passages and ``no_cue`` passages without a cue are drawn.
Articles of the old ``claims_gold`` set and of earlier rounds are skipped, and so is a paragraph an earlier
round drew from another article (the same sha256). A passage is in ``test`` when the first 8 hex digits of
sha1(salt + id) are below 0.4 * 16**8, else in ``dev``: the test part is frozen and never read while the
rules are changed. (Round 1's Hamshahri draw no longer comes out the same from today's Hamshahri loader; its
committed passages are checked by sha256 and load unchanged.)

The work folder (outside the repository: it holds the corpora's text) receives ``passages.jsonl`` (id, split,
corpus, doc_id, start, end, text) and, from the labellers, ``labels-*.jsonl`` (id, claims with verbatim
``cue``, ``speaker``, ``content``). **Finalize** checks every label against ANNOTATION.md's form (every cue,
speaker and content a substring of the passage, a known mode) and writes the round into the committed file,
keeping the other rounds' lines byte for byte: passages by corpus, doc id, raw span and the sha256 of the
passage, claims with raw offsets instead of text. The passages were labelled by reading, before the
extractor was run on them; ``datasets.load_attribution()`` gives each passage's ``round``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "resources" / "labels" / "attribution.jsonl"
TEST_SHARE = 0.4
MAX_CHARS = 700
MIN_CHARS = 40


@dataclasses.dataclass(frozen=True)
class Round:
    """One round of drawing: its seed, its split salt, the letter its ids start with, and its quotas."""

    seed: int
    salt: str
    prefix: str
    #: cue passages per corpus, then passages without a cue
    quota: dict[str, int]
    no_cue: dict[str, int]


ROUNDS = {
    1: Round(
        seed=2026,
        salt="attribution-v1:",
        prefix="a",
        quota={"farexstance": 200, "hamshahri": 60, "news2025": 50, "isna": 50, "fars": 40},
        no_cue={"farexstance": 15, "hamshahri": 10, "news2025": 5, "isna": 5, "fars": 5},
    ),
    # drawn after the rules were written and measured on round 1: text nobody tuned on
    2: Round(
        seed=2027,
        salt="attribution-v2:",
        prefix="b",
        quota={"farexstance": 100, "hamshahri": 30, "news2025": 25, "isna": 25, "fars": 20},
        no_cue={"farexstance": 8, "hamshahri": 5, "news2025": 3, "isna": 2, "fars": 2},
    ),
}
CUE = re.compile(
    r"گفت|اعلام|افزود|تصریح|تاکید|تأکید|نوشت|گزارش|خبر داد|مدعی|ادعا|معتقد|میگوید|حاکی|به نقل|به گفته|"
    r"به نوشته|بنا بر|بنابر|با بیان|با اشاره|اظهار|خاطرنشان|بیان کرد|یادآور|ابراز|هشدار داد|:"
)
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": None})
_SENT_END = re.compile(r"(?<=[.!؟?])\s+")


def _articles(rnd: int):
    """(corpus, doc_id, raw text) of every article round ``rnd`` may draw, one per text: none of the old
    ``claims_gold`` set, none an earlier round drew."""
    from toolkit import datasets

    old = {json.loads(line)["doc_id"] for line in _old_gold()}
    old |= {r["doc_id"] for r in _committed() if _round_of(r["id"]) < rnd}
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


def _committed() -> list[dict]:
    """The passages of the committed attribution set, every round."""
    if not OUT.exists():
        return []
    return [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def _round_of(pid: str) -> int:
    return next(n for n, r in ROUNDS.items() if pid.startswith(r.prefix))


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


def split_of(pid: str, salt: str = ROUNDS[1].salt) -> str:
    h = int(hashlib.sha1((salt + pid).encode()).hexdigest()[:8], 16)
    return "test" if h < TEST_SHARE * 16**8 else "dev"


def sample(work: Path, rnd: int = 1) -> None:
    r = ROUNDS[rnd]
    seen_text = {x["sha256"] for x in _committed() if _round_of(x["id"]) < rnd}
    cands: dict[str, list] = {c: [] for c in r.quota}
    for corpus, doc_id, text in _articles(rnd):
        for a, b in passages(text):
            if hashlib.sha256(text[a:b].encode()).hexdigest() in seen_text:
                continue  # the same paragraph in another article (a reprint) is not drawn twice
            cands[corpus].append((doc_id, a, b, bool(CUE.search(text[a:b].translate(_FOLD))), text[a:b]))
    rng = np.random.default_rng(r.seed)
    picked = []
    for corpus, pool in cands.items():
        want = {True: r.quota[corpus], False: r.no_cue[corpus]}
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
        if any(want.values()):
            print(f"sample: {corpus} is short of {want[True]} cue and {want[False]} other passages", file=sys.stderr)
    work.mkdir(parents=True, exist_ok=True)
    with (work / "passages.jsonl").open("w", encoding="utf-8") as f:
        for n, rec in enumerate(picked):
            pid = f"{r.prefix}{n:04d}"
            f.write(json.dumps({"id": pid, "split": split_of(pid, r.salt), **rec}, ensure_ascii=False) + "\n")
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


def finalize(work: Path, rnd: int = 1) -> None:
    """Write round ``rnd``'s labelled passages into the committed file; the other rounds' lines stay as they are."""
    ps = {json.loads(x)["id"]: json.loads(x) for x in (work / "passages.jsonl").read_text().splitlines() if x}
    wrong = [pid for pid in ps if _round_of(pid) != rnd]
    if wrong:
        sys.exit(f"finalize: {work / 'passages.jsonl'} holds passages of another round than {rnd}, e.g. {wrong[0]}")
    labels: dict[str, list] = {}
    for path in sorted(work.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                labels[r["id"]] = r["claims"]
    missing = sorted(set(ps) - set(labels))
    if missing:
        print(f"finalize: {len(missing)} passages unlabelled, e.g. {missing[:5]}", file=sys.stderr)
    mine = []
    for pid, p in ps.items():
        if pid not in labels:
            continue
        rec = {k: p[k] for k in ("id", "split", "corpus", "doc_id", "start", "end")}
        rec["sha256"] = hashlib.sha256(p["text"].encode()).hexdigest()
        rec["claims"] = resolve(p, labels[pid])
        mine.append(json.dumps(rec, ensure_ascii=False))
    kept = OUT.read_text(encoding="utf-8").splitlines() if OUT.exists() else []
    lines = {n: [x for x in kept if x.strip() and _round_of(json.loads(x)["id"]) == n] for n in ROUNDS}
    lines[rnd] = mine
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(x + "\n" for n in sorted(lines) for x in lines[n]), encoding="utf-8")
    print(f"round {rnd}: {len(mine)} labelled passages -> {OUT}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=["sample", "finalize"])
    ap.add_argument("--work", type=Path, required=True, help="a folder outside the repository")
    ap.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1, help="which round to draw or finalize")
    args = ap.parse_args(argv)
    (sample if args.cmd == "sample" else finalize)(args.work, args.round)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
