"""Properties of normalization that must hold for any input (hypothesis), and on real sentences."""

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import Normalizer, normalize
from toolkit.chars import ARABIC_TO_PERSIAN, EXPANSIONS, PERSIAN_PUNCTUATION, ZWNJ, ZWNJ_LIKE, presentation_forms
from toolkit.datasets import load_isna

# Characters Persian web text is made of, the awkward ones over-represented.
ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءة"  # Persian letters
    "يكىەٱ"  # Arabic variants
    "ًٌٍَُِّْٰٔ"  # marks
    "ـ\u200c\u200d\u200e\u200f\u00ad\u200b\u202b\u202c\ufeff"  # tatweel, joiners, bidi controls
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    " \n\t\r\u00a0"
    ".,;:!?،؛؟«»()[]-…\"'"
    "abcXYZ😀ﻻﷲۀ👨👩🏽\ufe0f♀"  # emoji, a skin tone, a variation selector: a ZWJ between emoji stays
)
texts = st.text(alphabet=ALPHABET, max_size=80)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = [
    {},
    {"restore_zwnj": False},
    {"digits": "latin", "remove_diacritics": True},
    {"digits": None, "remove_tatweel": False, "persian_letters": False},
    {"spacing": False, "persian_punctuation": False},
]


@pytest.mark.parametrize("options", OPTIONS)
@SETTINGS
@given(text=texts)
def test_idempotent(options, text):
    n = Normalizer(**options)
    once = n.normalize(text)
    assert n.normalize(once) == once


@pytest.mark.parametrize("options", OPTIONS)
@SETTINGS
@given(text=texts)
def test_offsets_valid_monotone_and_consistent(options, text):
    n = Normalizer(**options)
    norm, off = n.normalize_with_offsets(text)
    assert norm == n.normalize(text)
    assert len(off) == len(norm)
    spans = list(off)
    for s, e in spans:
        assert 0 <= s <= e <= len(text)
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(spans))
    # a character that is kept as it is maps to itself
    for ch, (s, e) in zip(norm, spans, strict=True):
        if e - s == 1 and text[s] not in MAPPED:
            assert text[s] == ch or ch in " \n" or text[s] in SPACE_LIKE


# Every letter or digit in the output comes from the input through a documented table.
MAPPED = (
    set(ARABIC_TO_PERSIAN)
    | set(PERSIAN_PUNCTUATION)
    | set(ZWNJ_LIKE)
    | set(EXPANSIONS)
    | set(presentation_forms())
    | set("٠١٢٣٤٥٦٧٨٩0123456789۰۱۲۳۴۵۶۷۸۹")
)
SPACE_LIKE = set("\t\u00a0\r\n\u2028\u2029\x0b\x0c\x85")


def _alnum_skeleton(text: str, remove_diacritics: bool = False) -> str:
    """The letters and digits of ``text`` after the documented tables, which normalization must keep
    (tatweel, which Python counts as a letter, is removed by the documented ``remove_tatweel``)."""
    out = []
    forms = presentation_forms()
    for ch in text:
        for c in forms.get(ch, EXPANSIONS.get(ch, ch)):
            c = ARABIC_TO_PERSIAN.get(c, c)
            if c.isdigit():
                c = str(int(c))
            if c.isalnum() and c != "ـ" and not (remove_diacritics and re.match("[\u064b-\u065f\u0670]", c)):
                out.append(c)
    return "".join(out)


@SETTINGS
@given(text=texts)
def test_no_letter_or_digit_dropped_or_invented(text):
    out = normalize(text)
    assert _alnum_skeleton(out) == _alnum_skeleton(text)


@pytest.fixture(scope="module")
def sentences_of_isna():
    df = load_isna("test").head(60)
    return [s for t in df.text for s in t.split("\n") if s][:300]


@pytest.mark.slow
def test_real_sentences_roundtrip(sentences_of_isna):
    n = Normalizer()
    for raw in sentences_of_isna:
        for damaged in (raw, raw.replace(ZWNJ, ""), raw.replace(ZWNJ, " ")):
            norm, off = n.normalize_with_offsets(damaged)
            assert n.normalize(norm) == norm
            # every word maps back to a raw span with the same letters
            for m in re.finditer(r"\S+", norm):
                a, b = off.raw_span(m.start(), m.end())
                assert _alnum_skeleton(damaged[a:b]) == _alnum_skeleton(m.group())
