"""Hostile input for keywords, claims, comparison, sources and numbers: empty results or one clear error."""

import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import normalize
from toolkit.claims import extract_claims, provenance
from toolkit.compare import claim_matrix, compare_claims
from toolkit.keywords import extract_keywords, keyness, kwic, terms
from toolkit.numbers import parse_number, quantities
from toolkit.sources import canonical, find_outlets

from .test_text_functions import HOSTILE

TEXT_FUNCTIONS = {
    "terms": terms,
    "extract_keywords": extract_keywords,
    "extract_claims": extract_claims,
    "provenance": provenance,
    "canonical": canonical,
    "find_outlets": find_outlets,
    "parse_number": parse_number,
    "quantities": quantities,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_hostile_text(name, text):
    TEXT_FUNCTIONS[name](text)  # no exception; types are checked by each module's own tests


@pytest.mark.parametrize("name", ["terms", "extract_keywords", "extract_claims", "provenance", "quantities"])
def test_none_is_a_clear_error_or_empty(name):
    try:
        out = TEXT_FUNCTIONS[name](None)
    except TypeError as e:
        assert "str" in str(e)
    else:
        assert len(out) == 0


def test_no_attribution_gives_empty_frame_with_columns():
    out = extract_claims("هوا امروز آفتابی است و باد می‌وزد.")
    assert out.empty and {"outlet", "speaker", "cue", "content", "start", "end"} <= set(out.columns)
    assert compare_claims(out).empty
    assert claim_matrix(out).empty


def test_keyness_and_kwic_degenerate_corpora():
    one = pd.DataFrame({"text": ["داعش در سوریه"], "outlet": ["ISNA"]})
    empty = one.iloc[:0]
    assert list(keyness(empty, by="outlet").columns)[:4] == ["group", "term", "count", "log_odds"]
    with pytest.raises(ValueError, match="needs at least two"):  # one document, one group: a clear message
        keyness(one, by="outlet")
    for df in (one, empty):
        assert kwic(df, "داعش").shape[1] > 0
    assert kwic(one, "واژه‌ای که نیست").empty
    with pytest.raises((ValueError, KeyError), match="no_such_column"):
        keyness(one, by="no_such_column")


texts = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40),
        st.sampled_from(["به گزارش ایسنا،", "وی گفت:", "«", "»", "در گفتوگو با شبکه رووداو گفت که", "۴۰۰ الی 500"]),
    ),
    max_size=10,
).map("".join)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(text=texts)
def test_fuzz_extract_claims_offsets_slice_raw_text(text):
    """Every claim's [start, end) lies in the raw text and holds the claim's content, as normalization sees it."""
    out = extract_claims(text)
    for row in out.itertuples():
        assert 0 <= row.start <= row.end <= len(text)
        assert normalize(text[row.start : row.end]).replace("\u200c", "").replace(" ", "") == normalize(
            row.content
        ).replace("\u200c", "").replace(" ", "")
