"""The first labelled set of attributed claims (``toolkit/resources/labels/claims_gold.jsonl``, loaded by
``toolkit.datasets.load_claims_gold``): how its passages were drawn and checked.

    python scripts/build_claims_gold.py sample  --out WORK/claims.jsonl   # draw the passages (once)
    python scripts/build_claims_gold.py sample  --out WORK/claims.jsonl --second   # the test2 draw
    python scripts/build_claims_gold.py sample  --out WORK/claims.jsonl --third    # the test3 draw
    python scripts/build_claims_gold.py finalize --gold WORK/claims.jsonl  # resolve, check, write the labels

``WORK`` is a folder outside the repository: while labelling, the file holds the passages' text.

**Sample.** Every sentence of the ISNA and Fars articles (normalized text, split with
``toolkit.tokens.sentence_spans``) that contains one of ``CUES`` is a candidate. With
``numpy.random.default_rng(6)`` the candidates are shuffled and taken in order, at most one sentence
per article, until ``N_ISNA`` ISNA and ``N_FARS`` Fars sentences are drawn. The first ``N_DEV`` drawn
are the ``dev`` passages (read while writing the extractor's rules), the rest ``test`` (not looked at
with the extractor until the rules were frozen). The test errors were then studied to improve the rules,
so a second draw, ``--second``, adds ``test2``: with ``default_rng(66)``, ``N2_ISNA`` ISNA and ``N2_FARS``
Fars sentences from articles not yet in the set, labelled before the improved rules were run on them.
The test2 errors were studied in turn, so ``--third`` adds ``test3`` (``default_rng(666)``, ``N3_ISNA``
and ``N3_FARS`` new articles), labelled before the final rules were run on it: the held-out set of the
final extractor.
Passages point into the raw ``text`` of the corpus: ``doc_id``, ``start``, ``end`` (raw offsets
of the sentence).

**Labels** were then written by hand, by reading each passage in its article (never with the
extractor). One claim per reporting cue in the sentence whose content is attributed to an outlet or a
speaker; each claim gives ``outlet`` (canonical registry name, the name as written if the registry
does not know it, empty if none is named), ``speaker`` (the person or body as named in the article,
pronouns resolved; empty when the outlet reports itself), ``cue``, ``mode`` and ``content``. While
labelling, ``content`` may be written as ``[first words, last words]``; ``finalize`` expands it to the
exact raw text between them and adds its raw offsets ``content_start``, ``content_end``. The rules
followed are in ``GUIDELINES`` below.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "resources" / "labels" / "claims_gold.jsonl"

SEED = 6
N_ISNA, N_FARS, N_DEV = 120, 40, 50
SEED2, N2_ISNA, N2_FARS = 66, 75, 25
SEED3, N3_ISNA, N3_FARS = 666, 75, 25
CUES = (
    "به گزارش",
    "به نقل از",
    "به گفته",
    "گفت",
    "اعلام کرد",
    "گزارش داد",
    "خبر داد",
    "افزود",
    "تاکید کرد",
    "تأکید کرد",
    "مدعی شد",
    "ادعا کرد",
    "اظهار کرد",
    "اظهار داشت",
    "تصریح کرد",
    "بیان کرد",
    "خاطرنشان کرد",
    "نوشت",
    "طبق",
)
GUIDELINES = """\
- A claim is a proposition the sentence attributes to a source by a reporting cue: a speech or report verb
  (گفت، اظهار کرد، افزود، تصریح کرد، اعلام کرد، خبر داد، مدعی شد، نوشت، می‌گوید …), a clause cue (با بیان / با
  اشاره به / با تاکید بر اینکه …), or a prefix (به گزارش / به نقل از / به گفته / بر اساس گزارش / طبق گزارش O …).
  One claim per cue: «X با بیان اینکه A، گفت: B» is two. Not labelled: verbs of judgement or belief (دانست،
  برشمرد، خواند، معتقد است، پیش‌بینی می‌کنند), a generic or unnamed «they» (می‌گویند), the speaker quoting
  themselves in the first person, a passive cue with no source (گفته شد، گفته نشده است، گفتنی است),
  «طبق» with a law or an agreement, and words that only contain a cue (گفت‌وگو، افزوده، نوشتهٔ X، ترک گفت).
- An outer «به گزارش O» (or «به نقل از O») around an inner cue is not a claim of its own: it gives the
  inner claim its outlet. «به گزارش ایسنا، <narration>» with no inner cue is one claim of ISNA, speaker empty.
- outlet: the channel the claim reaches us through, innermost first: the outlet that is the subject
  («O نوشت») or that the speaker talks to («در گفت‌وگو با O», «به O گفت») in the claim's sentence; else the
  relay of the sentence («به گزارش/به نقل از O»); else the outlet the same speaker talked to elsewhere in the
  article (pronouns, zero subjects and repeated names resolved); else the article's own relay (its first
  «به گزارش O …» or dateline «O:», innermost outlet); else empty. A body that is not a medium (روابط عمومی …،
  وزارت …) is a speaker, not an outlet. An outlet the registry does not know is written as the text names it.
- speaker: the person or body as named in the article (name and/or title; '|' separates acceptable
  forms), with pronouns, zero subjects and «این X» resolved to their antecedent; empty when the outlet itself
  reports. A reporter of the outlet («خبرنگار ایسنا») is the outlet reporting.
- content: the reported proposition without the cue: after «:» (quote marks dropped) or «که», the rest of
  the sentence after «به گزارش O،», or the complement of «از … خبر داد». A claim whose content lies outside
  the passage (the sentence ends in «:» or was cut by «…») is not labelled in it.
- mode: direct (after a colon, or in «» quotes), indirect (که-clause, clause cue or complement),
  according_to (به گزارش / به نقل از / به گفته / بر اساس گزارش / طبق گزارش).
"""


def _candidates():
    """(corpus, doc_id, raw sentence start, raw sentence end, normalized sentence) for every cue sentence."""
    from toolkit import datasets
    from toolkit.normalization import Normalizer
    from toolkit.tokens import sentence_spans

    normalizer = Normalizer()
    cue = re.compile("|".join(map(re.escape, CUES)))
    for corpus, df in (("isna", datasets.load_isna()), ("fars", datasets.load_fars())):
        for doc_id, raw in zip(df["doc_id"], df["text"], strict=True):
            norm, offsets = normalizer.normalize_with_offsets(raw)
            for s, e in sentence_spans(norm):
                if cue.search(norm[s:e]):
                    a, b = offsets.raw_span(s, e)
                    yield corpus, doc_id, a, b, norm[s:e]


def sample(out: Path, draw: int = 1) -> None:
    cands = list(_candidates())
    seed, want = {
        1: (SEED, {"isna": N_ISNA, "fars": N_FARS}),
        2: (SEED2, {"isna": N2_ISNA, "fars": N2_FARS}),
        3: (SEED3, {"isna": N3_ISNA, "fars": N3_FARS}),
    }[draw]
    order = np.random.default_rng(seed).permutation(len(cands))
    old = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line] if draw > 1 else []
    seen: set[str] = {r["doc_id"] for r in old}
    picked = []
    for i in order:
        corpus, doc_id, a, b, _ = cands[i]
        if doc_id in seen or want[corpus] == 0:
            continue
        seen.add(doc_id)
        want[corpus] -= 1
        picked.append((corpus, doc_id, a, b))
        if not any(want.values()):
            break
    with out.open("a" if draw > 1 else "w", encoding="utf-8") as f:
        for n, (corpus, doc_id, a, b) in enumerate(picked, len(old)):
            split = f"test{draw}" if draw > 1 else "dev" if n < N_DEV else "test"
            rec = {"id": n, "split": split, "corpus": corpus, "doc_id": doc_id, "start": int(a), "end": int(b)}
            f.write(json.dumps({**rec, "claims": []}, ensure_ascii=False) + "\n")
    print(f"{len(cands)} candidate sentences; wrote {len(picked)} passages to {out}")


def _texts() -> dict[str, str]:
    from toolkit import datasets

    frames = (datasets.load_isna(), datasets.load_fars())
    return {d: t for df in frames for d, t in zip(df["doc_id"], df["text"], strict=True)}


def resolve(rec: dict, raw: str) -> dict:
    """Expand ``[first, last]`` contents into exact raw spans of the passage; check written spans."""
    sent = raw[rec["start"] : rec["end"]]
    out = []
    for c in rec["claims"]:
        c = dict(c)
        content = c["content"]
        if isinstance(content, list):
            first, last = content
            i = sent.find(first, c.get("after", 0))
            j = sent.find(last, i)
            if i < 0 or j < 0:
                raise ValueError(f"passage {rec['id']}: cannot find {content!r} in {sent!r}")
            c["content"] = sent[i : j + len(last)]
            c["content_start"], c["content_end"] = rec["start"] + i, rec["start"] + j + len(last)
        else:
            i = sent.find(content, c.get("after", 0))
            if i < 0:
                raise ValueError(f"passage {rec['id']}: cannot find {content!r}")
            c["content_start"], c["content_end"] = rec["start"] + i, rec["start"] + i + len(content)
        c.pop("after", None)
        if raw[c["content_start"] : c["content_end"]] != c["content"]:
            raise ValueError(f"passage {rec['id']}: content does not match its offsets")
        for key in ("outlet", "speaker", "cue", "mode"):
            if key not in c:
                raise ValueError(f"passage {rec['id']}: claim without {key}")
        if c["mode"] not in ("direct", "indirect", "according_to"):
            raise ValueError(f"passage {rec['id']}: bad mode {c['mode']!r}")
        out.append({k: c[k] for k in ("outlet", "speaker", "cue", "mode", "content", "content_start", "content_end")})
    return {**{k: v for k, v in rec.items() if k != "claims"}, "claims": out}


def finalize(gold: Path) -> None:
    """Resolve the labels and write them as the toolkit keeps them: passages by corpus, doc id, raw span and
    sha256, claims by raw offsets (no text of the corpora)."""
    texts = _texts()
    recs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for r in (resolve(r, texts[r["doc_id"]]) for r in recs):
        passage = texts[r["doc_id"]][r["start"] : r["end"]]
        claims = [{k: v for k, v in c.items() if k != "content"} for c in r.pop("claims")]
        out.append({**r, "sha256": hashlib.sha256(passage.encode()).hexdigest(), "claims": claims})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    n_claims = sum(len(r["claims"]) for r in out)
    print(f"{len(out)} passages, {n_claims} claims -> {OUT}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", type=Path, required=True, help="a file outside the repository")
    s.add_argument("--second", action="store_true", help="append the test2 draw (seed 66)")
    s.add_argument("--third", action="store_true", help="append the test3 draw (seed 666)")
    f = sub.add_parser("finalize")
    f.add_argument("--gold", type=Path, required=True, help="the labelled file written by sample")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        sample(args.out, 3 if args.third else 2 if args.second else 1)
    else:
        finalize(args.gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
