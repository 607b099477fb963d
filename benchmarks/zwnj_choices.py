"""Variants of the ZWNJ restorer that were measured and not taken, on Fars, the development set.

    python benchmarks/zwnj_choices.py [--limit N]

Every Fars article (``toolkit.datasets.load_fars``: another outlet, which neither the lexicon nor the rules'
thresholds were built from), damaged as in ``benchmarks/zwnj.py`` (deleted, spaced, clean) and in one mixed
way, ``typed``: the ZWNJ after a prefix ``می``/``نمی`` typed as a space and every other ZWNJ deleted, as
people type without a ZWNJ key (``می شود``, ``کتابها``). Scored with ``toolkit.evaluation.evaluate_zwnj``, restorer
only (the text is character-normalized first).

Variants:
  default                 the restorer as shipped
  PRIOR = 0.25, 0.05      fewer pseudo-counts in the damage estimate (default 1): a short text's few
                          signals decide more
  p told (diagnostic)     the damage estimate replaced by the truth: p = 0.99 for the kind of damage done
                          (both for typed text): what a perfect estimate would be worth
  + FarExStance counts    the written forms of FarExStance's articles and headlines (1,380 + 3,541 texts of
                          many agencies,) added to ISNA's counts, not only for words ISNA never wrote
  + hazm frequencies w    hazm's word frequencies, scaled to ISNA's number of words times w, added to the
                          counts of forms ISNA also spells: more weight to the ZWNJ forms of a general
                          lexicon (hazm's own normalizer joins every compound it lists)
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from toolkit import Normalizer, evaluation, zwnj
from toolkit.datasets import load_farexstance, load_fars

# the lexicon builder is a script, not part of the package: loaded from its file
_SPEC = importlib.util.spec_from_file_location(
    "build_zwnj_lexicon", Path(__file__).resolve().parents[1] / "scripts" / "build_zwnj_lexicon.py"
)
build_zwnj_lexicon = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build_zwnj_lexicon)
count_isna, read_hazm = build_zwnj_lexicon.count_isna, build_zwnj_lexicon.read_hazm

DEFAULT_PRIOR = zwnj.PRIOR
KINDS = evaluation.DAMAGES


class Told(zwnj.ZwnjRestorer):
    """The restorer with the damage estimate replaced by given values."""

    told: tuple[float, float] = (0.0, 0.0)

    def _damage(self, text, counts):
        return self.told


def told(lex: dict, damage: str) -> Told:
    r = Told(**lex)
    r.told = {"deleted": (0.99, 0.0), "spaced": (0.0, 0.99), "typed": (0.99, 0.99), "clean": (0.0, 0.0)}[damage]
    return r


def with_counts(lex: dict, extra: dict[str, int], only_known: bool) -> dict:
    """The lexicon with ``extra`` counts added (to the forms ISNA also spells, or to every form)."""
    forms = dict(lex["forms"])
    for f, c in extra.items():
        if c > 0 and (f in forms or not only_known):
            forms[f] = forms.get(f, 0) + c
    return {**lex, "forms": forms}


def variants(lex: dict):
    """``(name, PRIOR, restorer for a kind of damage)``: each restorer built once, unless it depends on the kind."""
    default = zwnj.ZwnjRestorer(**lex)
    yield "default", DEFAULT_PRIOR, lambda d: default
    for prior in (0.25, 0.05):  # the damage estimate's decisions are cached by its value: one restorer serves
        yield f"PRIOR = {prior}", prior, lambda d: default
    yield "p told (diagnostic)", DEFAULT_PRIOR, lambda d: told(lex, d)
    hz, *_ = read_hazm()
    fx_counts = count_isna(load_farexstance().text.drop_duplicates().tolist(), set(hz))
    merged = zwnj.ZwnjRestorer(**with_counts(lex, fx_counts, only_known=False))
    yield "+ FarExStance counts", DEFAULT_PRIOR, lambda d: merged
    words = sum(c for f, c in lex["forms"].items() if " " not in f)
    for w in (0.3, 1.0):
        scaled = {f: round(c * w * words / sum(hz.values())) for f, c in hz.items()}
        mixed = zwnj.ZwnjRestorer(**with_counts(lex, scaled, only_known=True))
        yield f"+ hazm frequencies, w = {w}", DEFAULT_PRIOR, lambda d, mixed=mixed: mixed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    args = ap.parse_args(argv)
    df = load_fars().head(args.limit) if args.limit else load_fars()
    char_norm = Normalizer(restore_zwnj=False)
    gold = [char_norm.normalize(t) for t in df["title"] + "\n" + df["text"]]
    print(f"{len(gold)} Fars articles; restored / damage to other words, per kind of damage\n")
    print("| variant | " + " | ".join(KINDS) + " |")
    print("|---|" + "---:|" * len(KINDS))
    for name, prior, restorer in variants(zwnj.read_lexicon()):
        zwnj.PRIOR = prior
        cells = []
        for damage in KINDS:
            e = evaluation.evaluate_zwnj(restorer(damage).apply, gold, KINDS[damage])
            restored = "–" if damage == "clean" else f"{e['restored']:.2%}"
            cells.append(f"{restored} / {e['damaged']:.2%}")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    zwnj.PRIOR = DEFAULT_PRIOR
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
