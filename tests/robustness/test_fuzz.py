"""Fuzzing at volume with hypothesis: arbitrary Unicode (every category, surrogates excluded) mixed with
Persian text. Bounded for CI (FUZZ_EXAMPLES, default 200 per target); run a long campaign with
``HYPOTHESIS_PROFILE=explore FUZZ_EXAMPLES=20000 pytest tests/robustness/test_fuzz.py``. A crash found becomes a case in
REGRESSIONS below."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import Normalizer, normalize, sentences, tokenize
from toolkit.tokens import token_spans

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

persian = st.sampled_from(
    ["کردهاند", "می شود", "رئيسجمهور", "گفتوگو", "«راشا تودی»", "۴۰۰ الی 500", " ", "\n", "\u200c", "ـ", "ً"]
)
anything = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
texts = st.lists(st.one_of(anything, persian), max_size=12).map("".join)

# Inputs that once crashed or misbehaved (kept so they never do again).
REGRESSIONS = [
    "ه" * 5000,  # quadratic morphological rules on a very long "word"
    "a" * 5000 + "1",  # quadratic backtracking in the Latin-digit pattern
    "فیلمخانه ها",  # a joined word missed its other ZWNJ: normalization was not idempotent
    "ء,",  # «,» after a letter mapped to «،»: offsets must still map it
    "ٮ«\t0",  # a space before « and none after it, in one match: normalization was not idempotent
]


@FUZZ
@given(text=texts)
def test_fuzz_normalize_with_offsets(text):
    n = Normalizer()
    norm, off = n.normalize_with_offsets(text)
    assert norm == n.normalize(text) == n.normalize(norm)
    assert all(0 <= s <= e <= len(text) for s, e in off)


@FUZZ
@given(text=texts)
def test_fuzz_tokens_and_sentences(text):
    norm = normalize(text)
    for tok, s, e, _ in token_spans(norm):
        assert norm[s:e] == tok
    assert "".join(tokenize(norm)).replace(" ", "") == "".join(tokenize(norm))
    assert all(s.strip() for s in sentences(norm))


@pytest.mark.parametrize("text", REGRESSIONS)
def test_regressions(text):
    norm, _ = Normalizer().normalize_with_offsets(text)
    assert normalize(norm) == norm
