"""Hostile text for every public text function: empty, whitespace, missing values, huge lines, mixed
scripts, control characters. Each must return the documented type, or raise one clear TypeError."""

import math
import time

import numpy as np
import pandas as pd
import pytest

from toolkit import Normalizer, lemmatize, normalize, sentences, tokenize
from toolkit.normalization import changes
from toolkit.tokens import sentence_spans, token_spans, words

HOSTILE = {
    "empty": "",
    "spaces": " \t \n\n \u00a0 ",
    "zwnj only": "\u200c" * 50,
    "rtl marks": "\u200f\u200e\u202b\u202c" * 20,
    "mixed scripts": 'Hello سلام مرحبا 😀 123 ۱۲۳ ١٢٣ \u200fRTL\u200e LTR «نقل» "quote"',
    "emoji only": "😀🇮🇷👍🏽" * 10,
    "combining marks": "َُِّْ" * 30,
    "repeated letter": "ههههههههه" * 30,
    "controls": "".join(chr(i) for i in range(32)) + "\x7f\x85",
    "surrogate-free astral": "𝕏𝔸𐍈" * 5,
    "no persian": "The quick brown fox jumps over the lazy dog, 42 times.",
    "lone punctuation": "«»()[]،؛؟!.:…" * 5,
}
FUNCTIONS = {
    "normalize": normalize,
    "normalize no-zwnj": Normalizer(restore_zwnj=False).normalize,
    "with_offsets": lambda t: Normalizer().normalize_with_offsets(t)[0],
    "tokenize": tokenize,
    "token_spans": token_spans,
    "words": words,
    "sentences": sentences,
    "sentence_spans": sentence_spans,
    "changes": changes,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", FUNCTIONS)
def test_hostile_text(name, text):
    out = FUNCTIONS[name](text)
    assert isinstance(out, str | list | pd.DataFrame)
    if name == "normalize":
        assert normalize(out) == out


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("bad", [None, 3, 2.5, b"bytes", ["list"]], ids=["None", "int", "float", "bytes", "list"])
def test_wrong_types_are_one_clear_error(name, bad):
    with pytest.raises(TypeError, match="takes a str"):
        FUNCTIONS[name](bad)


def test_missing_values_in_series_stay_missing():
    s = pd.Series(["كتاب", None, np.nan, pd.NA, "", "  "])
    for fn in (normalize, tokenize, sentences):
        out = fn(s)
        assert out.isna().tolist() == [False, True, True, True, False, False]
        assert out.index.equals(s.index)


def test_lemmatize_odd_tokens():
    for tok in ["", " ", "😀", "123", "\u200c"]:
        assert isinstance(lemmatize(tok), str)
    with pytest.raises(TypeError):
        lemmatize(None)


def _seconds(fn, text) -> float:
    t0 = time.process_time()
    fn(text)
    return time.process_time() - t0


@pytest.mark.slow
@pytest.mark.parametrize("name", ["normalize", "with_offsets", "tokenize", "sentences"])
def test_one_huge_line_is_linear(name):
    """1 MB and 10 MB of text on one line: ten times the text may take at most ~20 times the time."""
    unit = "عراق و سوریه توافق کردهاند که تروریستهای داعش را هدف قرار دهند 400 الی ۵۰۰ نفر، "
    small = (unit * math.ceil(1_000_000 / len(unit)))[:1_000_000]
    fn = FUNCTIONS[name]
    fn(small[:10_000])  # warm caches
    t1 = _seconds(fn, small)
    t10 = _seconds(fn, small * 10)
    assert t10 < 20 * max(t1, 0.05), (t1, t10)
