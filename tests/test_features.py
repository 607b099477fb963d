import math
import re

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline

from toolkit.features import NgramFeatures, Normalize, apply_zwnj, token_pattern

Z = "\u200c"
WITH = f"دولت{Z}ها توافق کرده{Z}اند و می{Z}روند"
LOST = "دولتها توافق کردهاند و میروند"
SPACED = "دولت ها توافق کرده اند و می روند"


def test_a_zwnj_word_is_one_token_unlike_scikit_learns_default():
    assert re.findall(token_pattern("keep"), WITH) == [f"دولت{Z}ها", "توافق", f"کرده{Z}اند", "و", f"می{Z}روند"]
    default = TfidfVectorizer().build_analyzer()(WITH)
    assert default == ["دولت", "ها", "توافق", "کرده", "اند", "می", "روند"]  # cut at each ZWNJ, «و» dropped


def test_join_makes_a_text_that_lost_its_zwnjs_look_the_same():
    f = NgramFeatures(min_df=1).fit([WITH, LOST])
    assert (f.transform([WITH]) != f.transform([LOST])).nnz == 0
    assert "کردهاند" in f.get_feature_names_out()


def test_keep_and_split_modes():
    keep = NgramFeatures(word_ngrams=(1, 1), min_df=1, zwnj="keep").fit([WITH, LOST])
    assert (keep.transform([WITH]) != keep.transform([LOST])).nnz > 0
    split = NgramFeatures(word_ngrams=(1, 1), min_df=1, zwnj="split").fit([WITH])
    assert {"می", "روند", "ها", "اند"} <= set(split.get_feature_names_out())
    assert (split.transform([WITH]) != split.transform([SPACED])).nnz == 0
    assert apply_zwnj([WITH], "keep") == [WITH]


def test_latin_words_and_numbers_are_tokens():
    assert re.findall(token_pattern(), "نشست G20 در ۱۴۰۲ و 2023") == ["نشست", "G20", "در", "۱۴۰۲", "و", "2023"]


def test_word_and_char_blocks_side_by_side():
    texts = [WITH, "بازار سهام و بورس تهران", "تیم ملی فوتبال"]
    f = NgramFeatures(word_ngrams=(1, 2), char_ngrams=(2, 3), min_df=1)
    x = f.fit_transform(texts)
    names = f.get_feature_names_out()
    assert x.shape == (3, len(names))
    assert any(n.startswith("char:") for n in names) and "بورس تهران" in names
    assert x.dtype == np.float32
    np.testing.assert_allclose(f.transform(texts).toarray(), x.toarray())


def test_max_features_applies_to_each_kind():
    texts = ["الف ب پ ت ث", "ج چ ح خ د", "ذ ر ز ژ س"]
    f = NgramFeatures(word_ngrams=(1, 1), char_ngrams=(1, 1), min_df=1, max_features=3).fit(texts)
    names = f.get_feature_names_out()
    assert sum(not n.startswith("char:") for n in names) == 3 and sum(n.startswith("char:") for n in names) == 3


def test_bad_parameters_and_unfitted_use():
    with pytest.raises(ValueError, match="zwnj must be one of"):
        NgramFeatures(zwnj="drop").fit(["متن"])
    with pytest.raises(ValueError, match="needs word_ngrams or char_ngrams"):
        NgramFeatures(word_ngrams=None).fit(["متن"])
    with pytest.raises(NotFittedError):
        NgramFeatures().transform(["متن"])
    with pytest.raises(TypeError, match="single str"):
        NgramFeatures(min_df=1).fit("متن")


def test_normalize_step_normalizes_once_cuts_and_tolerates_missing_values():
    out = Normalize(max_chars=12).transform(["علي و سوريه توافق كردند", None, math.nan, ""])
    assert out == ["علی و سوریه", "", "", ""]
    assert Normalize().transform(["کتابهای خوب"]) == ["کتابهای خوب"]
    assert Normalize(restore_zwnj=True).transform(["کتابهای خوب"]) == [f"کتاب{Z}های خوب"]
    assert Normalize(max_chars=3).transform(["کتابخانه"]) == ["کتا"]  # no space to cut at: a hard cut


def test_steps_are_scikit_learn_citizens():
    pipe = make_pipeline(Normalize(max_chars=100), NgramFeatures(min_df=1))
    x = pipe.fit_transform(["علي رفت", "كتاب خواند"])
    assert x.shape[0] == 2 and "علی" in pipe[-1].get_feature_names_out()
    c = clone(NgramFeatures(word_ngrams=(1, 3), zwnj="keep"))
    assert c.get_params()["word_ngrams"] == (1, 3) and c.get_params()["zwnj"] == "keep"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"word_ngrams": (1, 3), "zwnj": "split"},
        {"word_ngrams": (2, 2), "sublinear_tf": False},
        {"char_ngrams": (2, 4)},
    ],
)
def test_fast_transform_gives_scikit_learns_matrix(params):
    texts = [WITH, LOST, SPACED, "بازار سهام و بورس تهران امروز", "تیم ملی فوتبال ایران امروز بازی کرد", ""]
    f = NgramFeatures(min_df=1, **params).fit(texts[:4])
    ours = f.transform(texts).toarray()
    theirs = np.hstack([v.transform(apply_zwnj(texts, f.zwnj)).toarray() for _, v in f.vectorizers_])
    np.testing.assert_allclose(ours, theirs, atol=1e-6)
    assert ours.dtype == np.float32
