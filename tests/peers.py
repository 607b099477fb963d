"""Other Persian tools' own test cases (``../shared/peer_cases``), run against the toolkit.

Only cases of normalizers are run (files listed in ``NORMALIZER_FILES``), each through
``toolkit.normalize`` with the default conventions. ``python tests/peers.py`` prints the pass rate per
peer and, with ``--failures``, every case that differs.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEER_DIR = ROOT.parent / "shared" / "peer_cases"
AGREED = Path(__file__).with_name("peer_agreed.txt")

NORMALIZER_FILES = [
    "bidnlp_persian_normalizer_normalize.jsonl",
    "dadmatools_normalizer_normalize.jsonl",
    "davat_normalize_persian.jsonl",
    "hazm_normalizer_normalize.jsonl",
    "hazm_normalizer_correct_spacing.jsonl",
    "hazm_normalizer_persian_number.jsonl",
    "hazm_normalizer_remove_specials_chars.jsonl",
    "hazm_normalizer_seperate_mi.jsonl",
    "hazm_normalizer_token_spacing.jsonl",
    "hazm_normalizer_unicodes_replacement.jsonl",
    "negar_persian_editor.jsonl",
    "parsivar_normalizer_normalize.jsonl",
    "piraye_character_normalizer_normalize.jsonl",
    "shekar_normalizer.jsonl",
    "shekar_normalizer_normalize.jsonl",
    "shekar_alphabet_normalizer.jsonl",
    "shekar_arabic_unicode_normalizer.jsonl",
    "shekar_spacing_normalizer.jsonl",
    "shekar_verbal_spacing_normalizer.jsonl",
    "shekar_word_spacing_normalizer.jsonl",
    "shekar_punctuation_spacing_normalizer.jsonl",
    "shekar_orthographic_spacing_normalizer.jsonl",
    "virastar_py_persian_editor_cleanup.jsonl",
    "virastar_virastar_cleanup.jsonl",
]


def cases() -> list[dict]:
    out = []
    for name in NORMALIZER_FILES:
        path = PEER_DIR / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if isinstance(case["input"], str) and isinstance(case["expected"], str):
                out.append(case)
    return out


def run(normalize) -> list[tuple[dict, str, bool]]:
    results = []
    for case in cases():
        got = normalize(case["input"])
        expected = case["expected"]
        ok = got.strip() == expected.strip() if case["compare"] in ("strip", "print") else got == expected
        results.append((case, got, ok))
    return results


def summary(results) -> dict[str, tuple[int, int]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, _, ok in results:
        per[case["tool"]][0] += ok
        per[case["tool"]][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(per.items())}


if __name__ == "__main__":
    from toolkit import normalize

    res = run(normalize)
    for tool, (ok, n) in summary(res).items():
        print(f"{tool:12s} {ok:4d}/{n:<4d} {ok / n:6.1%}")
    if "--failures" in sys.argv:
        for case, got, ok in res:
            if not ok:
                print(f"\n{case['case_id']}\n  in:  {case['input']!r}\n  exp: {case['expected']!r}\n  got: {got!r}")
