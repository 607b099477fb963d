"""Attribution on the set of ANNOTATION.md (``datasets.load_attribution``): passages of outlets the rules were
not written on, scored the way the scheme says.

    python benchmarks/attribution.py                 # the frozen test part: overall, by source kind, by corpus
    python benchmarks/attribution.py --round 2 --split dev    # round 2 only (labelled after the rules were written)
    python benchmarks/attribution.py --split dev --errors 40   # the dev part, with its errors (for rule work)

``--round`` picks the passages of one round of drawing (1, 2) or both (``all``, the default and the headline):
round 1 was labelled while the scheme's rules were being written, round 2 after them, on other articles.

The extractor runs on each passage alone, as the scheme's records hold it (so a wrapper agency is known only
when the passage names it). A predicted claim matches a labelled one when their sources are the same
(canonical names of the outlet registry; an unknown outlet compared by its name without descriptors; no
source = no source) and their contents' token overlap, 2·common / (|a| + |b|) over the word tokens of the
normalized spans, is at least 0.5 (and, beside it, 0.8); each labelled claim matches at most one prediction,
best overlap first. Precision, recall and F1 over claims; *speaker* accuracy over matched claims (right when
both are empty, or when the tokens of the two reach 0.5 by the same overlap). By source kind: the labelled
claims of each kind (recall) and the predicted claims of each kind (precision), the kind read from the
registry (an unknown outlet is *other*).
"""

from __future__ import annotations

import argparse
import collections
import functools
import re
import sys

import pandas as pd

from toolkit import datasets, normalize
from toolkit.claims import extract_claims
from toolkit.evaluation import outlet_key
from toolkit.sources import outlets

_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> collections.Counter:
    return (
        collections.Counter(_WORD.findall(normalize(text or "").replace("\u200c", "")))
        if text
        else collections.Counter()
    )


def dice(a: collections.Counter, b: collections.Counter) -> float:
    n = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / n if n else 1.0



_ARAB = {"Qatar", "Lebanon", "Saudi Arabia", "United Arab Emirates", "Iraq", "Syria", "Egypt", "Jordan",
         "Kuwait", "Bahrain", "Oman", "Yemen", "Palestine", "Algeria", "Morocco", "Tunisia", "Libya"}  # fmt: skip


@functools.cache
def _registry() -> dict[str, dict]:
    """Each outlet's registry row by canonical name (built once, not for every claim scored)."""
    return outlets().set_index("name").to_dict("index")


def kind(name: str | None) -> str:
    """none, Iranian, wire service, Arab or regional, Western, other (unknown to the registry)."""
    key = outlet_key(name)
    if not key:
        return "none"
    row = _registry().get(key)
    if row is None:
        return "other"
    if row["country"] == "Iran":
        return "Iranian"
    if row["kind"] == "news agency" and row["country"] not in _ARAB:
        return "wire service"
    if row["country"] in _ARAB or row["country"] in ("Turkey", "Israel"):
        return "Arab or regional"
    return "Western or other"


def predict(passages: pd.DataFrame) -> dict[str, pd.DataFrame]:
    claims = extract_claims(passages[["id", "text"]].rename(columns={"id": "doc_id"}))
    empty = claims.iloc[0:0]
    groups = dict(tuple(claims.groupby("doc_id")))
    return {pid: groups.get(pid, empty) for pid in passages["id"]}


def match(passage, pred: pd.DataFrame, threshold: float) -> list[tuple[dict, object | None, bool]]:
    """(gold, matched prediction or None, same content but other source) for each labelled claim, and the
    predictions matched to none as (None, prediction, False)."""
    text, base = passage.text, passage.start
    gold = [(g, tokens(text[g["content_start"] - base : g["content_end"] - base])) for g in passage.claims]
    preds = [(p, tokens(text[p.start : p.end])) for p in pred.itertuples()]
    pairs = []
    for gi, (g, gt) in enumerate(gold):
        for pi, (p, pt) in enumerate(preds):
            ov = dice(gt, pt)
            if ov >= threshold:
                pairs.append((outlet_key(g["source"]) == outlet_key(p.outlet), ov, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for same, _, gi, pi in sorted(pairs, key=lambda x: -x[1]):
        if same and gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    content_only = {gi for _, _, gi, _ in pairs if gi not in matched}
    out = [(g, preds[matched[gi]][0] if gi in matched else None, gi in content_only) for gi, (g, _) in enumerate(gold)]
    out += [(None, p, False) for pi, (p, _) in enumerate(preds) if pi not in used]
    return out


def speaker_right(gold: str | None, pred: str) -> bool:
    if not gold:
        return not pred
    return bool(pred) and dice(tokens(gold), tokens(pred)) >= 0.5


def score(passages: pd.DataFrame, predicted: dict[str, pd.DataFrame], threshold: float, by=None) -> pd.DataFrame:
    """P/R/F1 and speaker accuracy, overall or per group (``by``: a function of a gold claim or a prediction
    and its passage, returning the group)."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for p in passages.itertuples():
        for g, pred, _ in match(p, predicted[p.id], threshold):
            if g is not None:
                c = counts[by(g["source"], p) if by else "all"]
                c["gold"] += 1
                if pred is not None:
                    c["matched"] += 1
                    c["speaker"] += speaker_right(g["speaker"], pred.speaker)
            if pred is not None:
                counts[by(pred.outlet, p) if by else "all"]["predicted"] += 1
                if g is not None and by:  # a match counts for the prediction's group too
                    counts[by(pred.outlet, p)]["matched_pred"] += 1
    rows = []
    for group, c in sorted(counts.items()):
        prec = (c["matched_pred"] if by else c["matched"]) / c["predicted"] if c["predicted"] else 0.0
        rec = c["matched"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"group": group, "overlap": threshold, "gold": c["gold"], "predicted": c["predicted"],
                     "matched": c["matched"], "precision": round(prec, 3), "recall": round(rec, 3),
                     "f1": round(f1, 3),
                     "speaker_accuracy": round(c["speaker"] / c["matched"], 3) if c["matched"] else None})  # fmt: skip
    return pd.DataFrame(rows)


def report(split: str | None, round: int | None = None) -> dict[str, pd.DataFrame]:
    passages = datasets.load_attribution(split, round=round)
    predicted = predict(passages)
    overall = pd.concat([score(passages, predicted, t) for t in (0.5, 0.8)], ignore_index=True)
    by_kind = score(passages, predicted, 0.5, by=lambda name, p: kind(name))
    by_corpus = score(passages, predicted, 0.5, by=lambda name, p: p.corpus)
    return {"overall": overall, "by source kind": by_kind, "by corpus": by_corpus}


def errors(split: str, n: int, round: int | None = None) -> None:
    """Print the passages with a missed or a wrong claim (dev only: the test part stays unread)."""
    if split != "dev":
        sys.exit("errors are shown for the dev part only: the test part is frozen")
    passages = datasets.load_attribution(split, round=round)
    predicted = predict(passages)
    shown = 0
    for p in passages.itertuples():
        res = match(p, predicted[p.id], 0.5)
        bad = [r for r in res if r[0] is None or r[1] is None or not speaker_right(r[0]["speaker"], r[1].speaker)]
        if not bad or shown >= n:
            continue
        shown += 1
        print(f"=== {p.id} {p.corpus} {p.doc_id}\n{p.text}")
        for g, pred, content_only in res:
            if g is not None and pred is None:
                gc = p.text[g["content_start"] - p.start : g["content_end"] - p.start]
                tag = "WRONG SOURCE" if content_only else "MISSED"
                print(f"  {tag}: source={g['source']} speaker={g['speaker']} cue={g['cue']} | {gc[:90]}")
            elif g is not None and not speaker_right(g["speaker"], pred.speaker):
                print(f"  SPEAKER: gold={g['speaker']} predicted={pred.speaker} cue={g['cue']}")
            elif g is None:
                print(f"  EXTRA: outlet={pred.outlet} speaker={pred.speaker} cue={pred.cue} | {pred.content[:90]}")
        for pred in predicted[p.id].itertuples():
            print(f"  pred: outlet={pred.outlet} speaker={pred.speaker} cue={pred.cue} | {pred.content[:70]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--round", choices=["1", "2", "all"], default="all", help="one round of drawing, or both")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show N dev passages with errors")
    args = ap.parse_args(argv)
    rnd = None if args.round == "all" else int(args.round)
    if args.errors:
        errors(args.split, args.errors, rnd)
        return 0
    pd.set_option("display.width", 200)
    rounds = "rounds 1 and 2" if rnd is None else f"round {rnd}"
    for name, table in report(None if args.split == "all" else args.split, rnd).items():
        print(f"\nAttribution set ({rounds}), {args.split} part, {name}:")
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
