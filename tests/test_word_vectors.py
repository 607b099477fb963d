import zipfile

import numpy as np
import pytest

from toolkit import datasets, topics, word_vectors
from toolkit.topics import ModelFileError, TopicClassifier
from toolkit.word_vectors import WordVectors

WORDS = ["فوتبال", "والیبال", "بازی", "دلار", "بورس", "قیمت"]
SPORT, ECONOMY = [1, 0, 0], [0, 1, 0]


def _vectors(tmp_path, name="v.npz", tilt=0.0) -> str:
    vecs = np.array([SPORT, SPORT, SPORT, ECONOMY, ECONOMY, [tilt, 1, 0]], dtype=np.float16)
    path = WordVectors(WORDS, vecs, np.ones(len(WORDS)), source="test").save(tmp_path / name)
    return str(path)


def test_tokens_drop_zwnjs_and_numbers():
    assert word_vectors.tokens("گفت‌وگو در سال ۱۴۰۳ و 2024 با G20") == ["گفتوگو", "در", "سال", "و", "با", "G20"]


def test_transform_is_the_idf_weighted_mean_scaled_to_length_one():
    wv = WordVectors(["الف", "ب"], np.array([[1, 0], [0, 1]], dtype=np.float16), np.array([1.0, 3.0]))
    out = wv.transform(["الف ب", "ناشناخته", ""])
    assert out.shape == (3, 2) and out.dtype == np.float32
    assert out[0, 1] / out[0, 0] == pytest.approx(3.0)
    assert np.linalg.norm(out[0]) == pytest.approx(1.0)
    assert not out[1:].any()  # no known word: zeros, not NaN
    assert wv.transform([]).shape == (0, 2)


def test_save_and_load_without_pickle(tmp_path):
    path = _vectors(tmp_path)
    with zipfile.ZipFile(path) as z:  # plain arrays only: np.load(allow_pickle=False) reads them
        assert sorted(z.namelist()) == ["idf.npy", "source.npy", "vectors.npy", "words.npy"]
    back = word_vectors.load(path)
    assert back.words.tolist() == WORDS and back.vectors.dtype == np.float16 and back.source == "test"
    assert back.sha256 == word_vectors.load(path).sha256 != word_vectors.load(_vectors(tmp_path, "w.npz", 1)).sha256


def test_the_shipped_vectors_are_small_and_say_where_they_came_from():
    wv = word_vectors.load(topics.VECTORS)
    assert 5_000 < len(wv.words) <= 20_000 and wv.vectors.dtype == np.float16
    assert "FarExStance" in wv.source and "train" in wv.source
    assert "فوتبال" in wv.index and "کرونا" in wv.index


def _fit(vectors: str, weight: float) -> TopicClassifier:
    texts = ["بازی فوتبال و والیبال", "قیمت دلار در بورس", "بازی والیبال"] * 5
    return TopicClassifier(min_df=1, calibration_folds=2, vectors=vectors, vector_weight=weight).fit(
        texts, ["sport", "economy", "sport"] * 5
    )


def test_the_vector_model_mixes_into_the_probabilities(tmp_path):
    path = _vectors(tmp_path)
    plain, mixed = _fit(path, 0.0), _fit(path, 0.5)
    assert plain.vector_model_ is None and mixed.vector_model_ is not None
    p, q = plain.predict_proba(["فوتبال"]), mixed.predict_proba(["فوتبال"])
    assert q.sum() == pytest.approx(1.0) and not np.allclose(p, q)
    assert mixed.predict(["بازی فوتبال", "قیمت بورس"]).tolist() == ["sport", "economy"]


def test_a_model_refuses_vectors_other_than_its_own(tmp_path):
    path = _vectors(tmp_path)
    model = _fit(path, 0.5)
    saved = model.save(tmp_path / "m.skops")
    back = TopicClassifier.load(saved)
    np.testing.assert_array_equal(back.predict_proba(["بازی فوتبال"]), model.predict_proba(["بازی فوتبال"]))
    _vectors(tmp_path, "v.npz", tilt=1.0)  # the file changes under the model
    word_vectors.load.cache_clear()
    with pytest.raises(ModelFileError, match="not those the model was trained with"):
        back.predict(["بازی فوتبال"])


def test_the_default_model_reads_the_shipped_vectors():
    model = topics.load_default()
    assert model.vectors == topics.VECTORS and model.vector_weight == topics.VECTOR_WEIGHT > 0
    probe = datasets.load_topics("test").groupby("topic").head(3)
    assert (model.predict(probe) == probe.topic).mean() > 0.6
