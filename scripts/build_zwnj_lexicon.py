"""Build the ZWNJ lexicon, ``toolkit/resources/zwnj_lexicon.tsv.gz``, from ZWNJ-correct text.

    python scripts/build_zwnj_lexicon.py            # from ISNA's train split (toolkit.datasets) and hazm

What it counts, in the *train* split of the ISNA corpus only (the test split is the
benchmark's, see ``benchmarks/zwnj.py``), after character normalization without ZWNJ restoration:

* every written word form, with its ZWNJs (``کرده‌اند``) or without (``میدانی``);
* every run of 2–4 space-separated words whose letters, joined, spell a word form seen above or in
  hazm's word list (``کرده است`` beside ``کرده‌است``, ``انجام نشده``, ``رئیس جمهور``): the spaced
  reading that competes with a joined one.

To these it adds, from hazm's word list (``hazm/data/words.dat``, MIT license), every word with a
part of speech (or with a ZWNJ) and its frequency, used only for words ISNA never wrote, and hazm's verb stems
(``verbs.dat``) and adjectives, which the morphological rules use for words no list has.

Output rows: ``kind <TAB> text <TAB> count <TAB> source`` with kind ``form`` (a written form and its
count), ``verb`` (``past#present`` stems), ``iverb`` (a colloquial present stem, ``iverbs.dat``) or
``adj`` (an adjective). Deterministic: sorted rows,
gzip without a timestamp.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import re
from pathlib import Path

from toolkit.chars import WORD_CHARS, ZWNJ
from toolkit.normalization import Normalizer

ROOT = Path(__file__).resolve().parents[1]

_WORD = re.compile(f"[{WORD_CHARS}]+(?:{ZWNJ}[{WORD_CHARS}]+)*")
MAX_WORDS = 4


def hazm_data() -> Path:
    import hazm

    return Path(hazm.__file__).parent / "data"


def count_isna(texts: list[str], other_words: set[str]) -> collections.Counter:
    norm = Normalizer(restore_zwnj=False)
    forms: collections.Counter = collections.Counter()
    runs: list[list[str]] = []
    for raw in texts:
        text = norm.normalize(raw)
        run: list[str] = []
        last_end = -1
        for m in _WORD.finditer(text):
            w = m.group()
            forms[w] += 1
            if run and text[last_end : m.start()] == " ":
                run.append(w)
            else:
                if len(run) > 1:
                    runs.append(run)
                run = [w]
            last_end = m.end()
        if len(run) > 1:
            runs.append(run)
    keys = {f.replace(ZWNJ, "") for f in (*forms, *other_words)}
    spaced: collections.Counter = collections.Counter()
    for run in runs:
        for i in range(len(run) - 1):
            for n in range(2, MAX_WORDS + 1):
                window = run[i : i + n]
                if len(window) < n:
                    break
                if "".join(window).replace(ZWNJ, "") in keys:
                    spaced[" ".join(window)] += 1
    return forms + spaced


def read_hazm() -> tuple[dict[str, int], list[str], list[str]]:
    words: dict[str, int] = {}
    adjectives = []
    for line in (hazm_data() / "words.dat").read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split("\t")
        if pos == "0" and ZWNJ not in word:  # untagged entries include misspellings (میگیرد, میدانی)
            continue
        words[word] = int(freq)
        if "AJ" in pos.split(","):
            adjectives.append(word)
    verbs = [v for v in (hazm_data() / "verbs.dat").read_text(encoding="utf-8").split() if "#" in v]
    informal = [
        line.split()[1]
        for line in (hazm_data() / "iverbs.dat").read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 1
    ]
    return words, verbs, adjectives, informal


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "toolkit" / "resources" / "zwnj_lexicon.tsv.gz")
    args = ap.parse_args(argv)
    from toolkit import datasets

    train = datasets.load_isna("train")
    hz, verbs, adjectives, informal = read_hazm()
    counts = count_isna((train["title"] + "\n" + train["text"]).tolist(), set(hz))
    rows = [("form", f, c, "isna") for f, c in counts.items()]
    rows += [("form", w, f, "hazm") for w, f in hz.items() if w not in counts]
    rows += [("verb", v, 0, "hazm") for v in sorted(set(verbs))]
    rows += [("adj", a, 0, "hazm") for a in sorted(set(adjectives))]
    rows += [("iverb", v, 0, "hazm") for v in sorted(set(informal))]
    rows.sort()
    buf = io.StringIO()
    for kind, text, count, source in rows:
        buf.write(f"{kind}\t{text}\t{count}\t{source}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    n_isna = sum(1 for r in rows if r[3] == "isna")
    print(
        f"{args.out}: {n_isna} ISNA forms ({sum(1 for f in counts if ' ' in f)} spaced runs) from "
        f"{len(train)} train articles, {sum(1 for r in rows if r[0] == 'form' and r[3] == 'hazm')} hazm words, "
        f"{len(set(verbs))} verbs, {len(set(informal))} colloquial stems, {len(set(adjectives))} adjectives"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
