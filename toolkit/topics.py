"""Topic classification of Persian news: :class:`TopicClassifier`, :func:`load_default`, :func:`cross_outlet`.

The topics are :data:`TOPICS` (from :mod:`toolkit.taxonomy`) — politics, world, economy, sport, culture,
science-tech, social; the labelled articles come from :func:`toolkit.datasets.load_topics`, and models are
scored by :func:`toolkit.evaluation.evaluate_topics`. Models persist with skops only, loading nothing outside
:data:`TRUSTED`.

>>> model = load_default()
>>> model.predict(["استقلال در بازی دوستانه سه گل به تیم میزبان زد و مربی از بازیکنان تشکر کرد"]).tolist()
['sport']
>>> model.classify("").low_confidence.tolist()
[True]
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
import time
import warnings
import zipfile
from collections.abc import Iterable
from importlib import resources
from numbers import Integral
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from toolkit import datasets, word_vectors
from toolkit._compat import moved
from toolkit._version import __version__
from toolkit.chars import LETTERS
from toolkit.corpus import headed_texts
from toolkit.evaluation import evaluate_topics
from toolkit.features import NgramFeatures, Normalize
from toolkit.taxonomy import TOPICS

__all__ = [
    "FORMAT",
    "LOW_CONFIDENCE",
    "MIN_WORDS",
    "TOPICS",
    "TRUSTED",
    "VECTORS",
    "VECTOR_WEIGHT",
    "WIDER_DESKS",
    "ModelFileError",
    "TopicClassifier",
    "TopicFeatures",
    "concepts",
    "cross_outlet",
    "default_path",
    "leave_one_outlet_out",
    "lexicon",
    "load_default",
    "strip_boilerplate",
    "train_default",
    "training_data",
    "training_labels",
]

#: Below this top probability, or with fewer than :data:`MIN_WORDS` Persian words, a prediction is flagged.
LOW_CONFIDENCE = 0.5
MIN_WORDS = 5
#: Version of the model file layout; a file of another version is refused (2: :class:`TopicFeatures`; 3: the
#: word-vector model).
FORMAT = 3
#: Every type a model file may hold; a file naming any other type is refused before anything is built.
TRUSTED = [
    "toolkit.topics.TopicClassifier",
    "toolkit.features.Normalize",
    "toolkit.features.NgramFeatures",
    "toolkit.topics.TopicFeatures",
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.ndarray",
    "numpy.float64",
    "numpy.float32",
    "numpy.int64",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.bool",
    "builtins.NoneType",
]
_PERSIAN_WORD = re.compile(f"[{LETTERS}]{{2,}}")

# --- what identifies the outlet rather than the topic -------------------------------------------------

_OUTLETS = "ایسنا|فارس|همشهری|ایرنا|مهر|تسنیم|ایلنا|ایبنا|برنا|خبرآنلاین|خبر آنلاین|باشگاه خبرنگاران|صدا و سیما"
_SELF = f"(?:{_OUTLETS}|خبرگزاری|پایگاه|سرویس|گروه|خبرنگار)"
_STOP = "[^،,؛:\n.]"
#: Outlet boilerplate, removed before the features are read (:func:`strip_boilerplate`).
BOILERPLATE = (
    # «به گزارش ایسنا،», «به گزارش گروه بین‌الملل خبرگزاری فارس،», «به گزارش ایسنا به نقل از …»
    re.compile(f"به\u200c?\\s?گزارش{_STOP}{{0,80}}?{_SELF}(?:(?= و به نقل| به نقل| بر اساس)|{_STOP}{{0,60}}?[،,؛:])"),
    # «در گفت‌وگو با خبرنگار اجتماعی فارس», «به خبرنگار ایسنا»
    re.compile(f"(?:در )?گفت\u200c?\\s?و\u200c?\\s?گو با خبرنگار{_STOP}{{0,40}}?(?:{_OUTLETS})"),
    re.compile(f"(?:به|با) خبرنگار{_STOP}{{0,40}}?(?:{_OUTLETS})"),
    # datelines: «خبرگزاری فارس: …», «تهران- ایرنا-», «(ایسنا)»
    re.compile(f"^\\s*(?:خبرگزاری\\s*)?(?:{_OUTLETS})\\s*:\\s*", re.M),
    re.compile(f"^{_STOP}{{0,30}}\\s*[-–]\\s*(?:{_OUTLETS})\\s*[-–]", re.M),
    re.compile(f"\\((?:{_OUTLETS})\\)"),
    # sign-offs: «انتهای پیام» (ISNA), «منبع: …» (Fars), rules of dots
    re.compile("انتهای پیام[^\n]*"),
    re.compile("\n\\s*منبع\\s*:[^\n]*$"),
    re.compile("\\.{5,}"),
    # the agencies' own names wherever else they stand («به ایسنا گفت»), where they cannot be another word
    re.compile("(?:ایسنا|ایرنا|ایلنا|ایبنا|تسنیم|خبرآنلاین|خبرگزاری (?:فارس|مهر)|همشهری\u200c?\\s?آنلاین)"),
    # what kind of item a title announces: «فیلم |», «عکس |», «اینفوگرافیک |» (Hamshahri Online)
    re.compile(
        "^(?:فیلم و تصاویر|فیلم|عکس روز|عکس|تصاویر|اینفوگرافیک|اطلاع\u200c?نگاشت|ببینید|ویدئو|صوت|پادکست"
        "|گزارش تصویری)\\s*[|｜]\\s*",
        re.M,
    ),
)


def strip_boilerplate(text: str) -> str:
    """``text`` without what identifies its outlet rather than its topic: «به گزارش …،» naming an Iranian
    agency or desk, «در گفت‌وگو با خبرنگار … ایسنا», datelines («خبرگزاری فارس:»), sign-offs («انتهای پیام»,
    «منبع: …») and the kind of item a title announces («فیلم |», «عکس |»). Run it on normalized text.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Each piece removed is replaced by a space.

    Examples
    --------
    >>> strip_boilerplate("به گزارش گروه بین‌الملل خبرگزاری فارس، نخست وزیر عراق گفت").split()
    ['نخست', 'وزیر', 'عراق', 'گفت']
    >>> strip_boilerplate("عکس | دیدار تیم ملی\\nبه نقل از رویترز، …\\nانتهای پیام")
    ' دیدار تیم ملی\\nبه نقل از رویترز، …\\n '
    >>> strip_boilerplate("")
    ''
    """
    for pattern in BOILERPLATE:
        text = pattern.sub(" ", text)
    return text


# --- features that carry across outlets: concepts of a hand-written lexicon ---------------------------

_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def lexicon() -> dict[str, frozenset[str]]:
    """The topic lexicon (``resources/topic_lexicon.tsv``): concept → its words, ZWNJs removed.

    Concepts: ``foreign`` (places, nationalities and bodies outside Iran), ``leader`` (foreign leaders),
    ``iran``, ``health``, ``family``, ``society`` (crime, disasters, environment, city, schools, welfare, travel).

    Returns
    -------
    dict of str to frozenset of str

    Examples
    --------
    >>> sorted(lexicon())
    ['family', 'foreign', 'health', 'iran', 'leader', 'society']
    >>> "کاخسفید" in lexicon()["foreign"], "کرونا" in lexicon()["health"]
    (True, True)
    """
    words: dict[str, set[str]] = {}
    text = (resources.files("toolkit") / "resources" / "topic_lexicon.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            concept, _, entries = line.partition("\t")
            words.setdefault(concept, set()).update(w.replace("\u200c", "") for w in entries.split())
    return {k: frozenset(v) for k, v in words.items()}


#: The concepts :class:`TopicFeatures` reads, in the order of its concept columns.
CONCEPTS = ("foreign", "leader", "iran", "health", "family", "society")


def concepts(text: str) -> dict[str, int]:
    """How many words of each concept of :func:`lexicon` a normalized text holds, and its number of words.

    Parameters
    ----------
    text : str
        Normalized text (ZWNJs may be there or not).

    Returns
    -------
    dict of str to int
        One count per concept of :data:`CONCEPTS`, and ``words``.

    Examples
    --------
    >>> concepts("ترامپ در کاخ‌سفید با نخست وزیر ژاپن درباره کرونا گفت‌وگو کرد")
    {'foreign': 2, 'leader': 1, 'iran': 0, 'health': 1, 'family': 0, 'society': 0, 'words': 11}
    """
    return _counts(_WORD.findall(text.replace("\u200c", "")), lexicon())


def _counts(tokens: list[str], lex) -> dict[str, int]:
    out = {c: 0 for c in CONCEPTS}
    for t in tokens:
        for c in CONCEPTS:
            if t in lex[c]:
                out[c] += 1
    out["words"] = len(tokens)
    return out


class TopicFeatures(TransformerMixin, BaseEstimator):
    """The features of :class:`TopicClassifier`: n-grams of the text without its outlet's boilerplate, and the
    concepts of the topic lexicon, which name what many different words share (any foreign country, any
    foreign leader, any illness), so that what one outlet taught carries to another outlet's words.

    Each text (normalized) loses its boilerplate (:func:`strip_boilerplate`); one token per concept word is
    appended to it (``Cforeign``, ``Chealth`` …, so the n-grams count them like words); the TF-IDF n-grams
    of :class:`toolkit.features.NgramFeatures` follow, then one column per concept of :data:`CONCEPTS`: the
    square root of its share of the text's words (in tenths), times ``concept_scale``.

    Parameters
    ----------
    word_ngrams, char_ngrams, zwnj, min_df, max_features
        As for :class:`toolkit.features.NgramFeatures`.
    boilerplate : bool, default=True
        Remove the outlet's boilerplate first.
    concept_tokens : bool, default=True
        Append the concept tokens.
    concept_scale : float, default=1.0
        Weight of the concept columns (0: none).

    Attributes
    ----------
    ngrams_ : toolkit.features.NgramFeatures
    lexicon_ : dict of str to list of str
        The lexicon the features were fitted with (kept in the model, so a model reads as it was trained).

    Examples
    --------
    >>> f = TopicFeatures(min_df=1).fit(["به گزارش ایسنا، ترامپ در واشنگتن گفت", "قیمت دلار در بازار"])
    >>> [n for n in f.get_feature_names_out() if "ایسنا" in n or n.startswith("C")][:3]
    ['Cforeign', 'Cforeign Cleader', 'Cleader']
    """

    def __init__(
        self,
        *,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = None,
        zwnj: str = "join",
        min_df: int = 2,
        max_features: int | None = 50_000,
        boilerplate: bool = True,
        concept_tokens: bool = True,
        concept_scale: float = 1.0,
    ):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.zwnj = zwnj
        self.min_df = min_df
        self.max_features = max_features
        self.boilerplate = boilerplate
        self.concept_tokens = concept_tokens
        self.concept_scale = concept_scale

    def fit(self, X, y=None):
        """Learn the n-gram vocabulary of ``X`` (normalized texts); returns itself."""
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None):
        """Learn the n-grams of ``X`` (normalized texts) and return its feature matrix."""
        self.lexicon_ = {c: sorted(ws) for c, ws in lexicon().items() if c in CONCEPTS}
        self.ngrams_ = NgramFeatures(
            word_ngrams=self.word_ngrams,
            char_ngrams=self.char_ngrams,
            zwnj=self.zwnj,
            min_df=self.min_df,
            max_features=self.max_features,
        )
        texts, dense = self._read(X)
        return self._join(self.ngrams_.fit_transform(texts), dense)

    def transform(self, X):
        """The feature matrix of ``X`` (normalized texts): n-grams, then the concept columns."""
        check_is_fitted(self, "ngrams_")
        texts, dense = self._read(X)
        return self._join(self.ngrams_.transform(texts), dense)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The n-grams, then ``concept:foreign`` … for the concept columns (if ``concept_scale``)."""
        check_is_fitted(self, "ngrams_")
        names = list(self.ngrams_.get_feature_names_out())
        if self.concept_scale:
            names += [f"concept:{c}" for c in CONCEPTS]
        return np.asarray(names, dtype=object)

    def _read(self, X) -> tuple[list[str], np.ndarray]:
        lex = {c: frozenset(ws) for c, ws in self.lexicon_.items()}
        texts, rows = [], []
        for t in X:
            t = t if isinstance(t, str) else ""
            if self.boilerplate:
                t = strip_boilerplate(t)
            n = _counts(_WORD.findall(t.replace("\u200c", "")), lex)
            if self.concept_tokens:
                t += "\n" + " ".join(" ".join([f"C{c}"] * n[c]) for c in CONCEPTS if n[c])
            texts.append(t)
            rows.append([n[c] / max(n["words"], 1) for c in CONCEPTS])
        return texts, np.sqrt(np.asarray(rows, dtype=np.float64).reshape(len(texts), len(CONCEPTS)) * 10)

    def _join(self, ngrams, dense: np.ndarray):
        if not self.concept_scale:
            return ngrams
        return sparse.hstack([ngrams, sparse.csr_matrix(dense * self.concept_scale)], format="csr")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


class ModelFileError(ValueError):
    """A model file that cannot be loaded safely: not a skops file, untrusted types, or another version.

    Attributes
    ----------
    message : str
        One line: the file, what is wrong with it, what to do.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "مدل.skops"
    >>> _ = f.write_bytes(b"not a zip")
    >>> TopicClassifier.load(f)
    Traceback (most recent call last):
    ...
    toolkit.topics.ModelFileError: ...: not a skops model file (not a zip archive); models are never unpickled
    """


class TopicClassifier(ClassifierMixin, BaseEstimator):
    """Topics of Persian news articles: normalization, outlet-free n-grams and concepts, a calibrated linear SVM.

    The model is a scikit-learn :class:`~sklearn.pipeline.Pipeline`: :class:`toolkit.features.Normalize`
    (each text normalized once, the first ``max_chars`` characters), :class:`TopicFeatures` (the outlet's
    boilerplate removed, ZWNJ-aware word n-gram TF-IDF, and the concepts of the topic lexicon) and a linear
    SVM with class weights, calibrated to probabilities by cross-validation (Platt scaling).

    ``fit``, ``predict`` and ``predict_proba`` take a list (or Series) of texts, or a DataFrame with a
    ``text`` column (and an optional ``title``, put before the text unless it is the text's first line).

    Parameters
    ----------
    max_chars : int or None, default=1500
        Read only the first ``max_chars`` characters of each text (the headline and lead carry the topic).
    restore_zwnj : bool, default=False
        Restore lost ZWNJs while normalizing (slower; the ``"join"`` features do not need it).
    word_ngrams, char_ngrams, zwnj, min_df, max_features
        The features, see :class:`toolkit.features.NgramFeatures` (default: word unigrams and bigrams, ZWNJs
        joined, the 50,000 most frequent).
    boilerplate, concept_tokens, concept_scale
        See :class:`TopicFeatures` (default: the outlet's boilerplate removed, concept tokens and columns).
    vectors : str or None, default=None
        Word vectors (:func:`toolkit.word_vectors.load`: a file name in ``toolkit/resources`` such as
        :data:`VECTORS`, or a path) for a second model: a logistic regression (class weights as the SVM's) on
        each text's IDF-weighted mean word vector. The model remembers the vectors' digest and refuses others.
    vector_weight : float, default=0.0
        Share of the second model in the probabilities: ``(1 - w) * SVM + w * vectors`` (0: no second model).
    C : float, default=0.5
        Inverse regularization strength of the SVM.
    class_weight : "balanced" or None, default="balanced"
        Weigh each topic inversely to its frequency when fitting the SVM, so the small ones (world, social) count.
    prior_correction : float, default=0.5
        Divide each calibrated probability by the topic's share of the training articles raised to this power,
        then renormalize: 0 keeps probabilities calibrated to the training mix of topics, 1 treats every topic
        as equally likely before reading the text. In between it favours the small topics without
        swamping them (0.5 was chosen by cross-validation on the train split, see the README).
    calibration_folds : int, default=5
        Folds of the cross-validation that calibrates the probabilities.
    verbose : bool, default=False
        Show progress bars while fitting.

    Attributes
    ----------
    classes_ : ndarray of str
        The topics, sorted.
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted steps ``normalize``, ``features``, ``model``.
    priors_ : ndarray of float
        Share of each topic among the training articles.
    versions_ : dict
        Versions of the toolkit and scikit-learn that fitted the model.
    fit_seconds_ : dict
        Seconds spent normalizing, computing features, fitting the SVM and the word-vector model.
    vector_model_ : sklearn.linear_model.LogisticRegression or None
        The model on word vectors (with ``vectors`` and ``vector_weight``).
    trained_on_ : dict
        Only on the default model (:func:`train_default`): the split and the sha256 of the corpora.

    Examples
    --------
    >>> texts = ["بازی فوتبال استقلال و پرسپولیس", "قیمت دلار و سکه در بازار", "بازی والیبال ایران"] * 5
    >>> m = TopicClassifier(min_df=1, calibration_folds=2).fit(texts, ["sport", "economy", "sport"] * 5)
    >>> m.predict(["فوتبال در ورزشگاه"]).tolist()
    ['sport']
    """

    def __init__(
        self,
        *,
        max_chars: int | None = 1500,
        restore_zwnj: bool = False,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = None,
        zwnj: str = "join",
        min_df: int = 2,
        max_features: int | None = 50_000,
        boilerplate: bool = True,
        concept_tokens: bool = True,
        concept_scale: float = 1.0,
        vectors: str | None = None,
        vector_weight: float = 0.0,
        C: float = 0.5,
        class_weight: str | None = "balanced",
        prior_correction: float = 0.5,
        calibration_folds: int = 5,
        verbose: bool = False,
    ):
        self.max_chars = max_chars
        self.restore_zwnj = restore_zwnj
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.zwnj = zwnj
        self.min_df = min_df
        self.max_features = max_features
        self.boilerplate = boilerplate
        self.concept_tokens = concept_tokens
        self.concept_scale = concept_scale
        self.vectors = vectors
        self.vector_weight = vector_weight
        self.C = C
        self.class_weight = class_weight
        self.prior_correction = prior_correction
        self.calibration_folds = calibration_folds
        self.verbose = verbose

    def fit(self, X, y, sample_weight=None) -> TopicClassifier:
        """Learn the topics of texts.

        Parameters
        ----------
        X : sequence of str, pandas.Series or pandas.DataFrame
            Texts, or articles with a ``text`` column (and an optional ``title``).
        y : sequence of str
            The topic of each text.
        sample_weight : sequence of float, optional
            One weight per text, passed to the SVM and its calibration.

        Returns
        -------
        TopicClassifier
            Itself, fitted.
        """
        texts = _texts(X)
        y = np.asarray(_labels(y), dtype=object)
        if len(texts) != len(y):
            raise ValueError(f"{len(texts)} texts but {len(y)} labels")
        if sample_weight is not None:
            sample_weight = np.asarray(sample_weight, dtype=float)
            if sample_weight.shape != (len(texts),):
                raise ValueError(f"{len(texts)} texts but sample_weight has shape {sample_weight.shape}")
        classes, counts = np.unique(y, return_counts=True)
        if not 0 <= self.prior_correction <= 1:
            raise ValueError(f"prior_correction must be between 0 and 1, not {self.prior_correction}")
        if len(classes) < 2:
            raise ValueError("TopicClassifier needs at least two topics to learn")
        if counts.min() < self.calibration_folds:
            small = ", ".join(f"{c} ({n})" for c, n in zip(classes, counts, strict=True) if n < self.calibration_folds)
            raise ValueError(f"each topic needs at least calibration_folds={self.calibration_folds} texts: {small}")
        # diacritics go (one spelling, one feature); spacing and punctuation rules do not change the words
        normalize = Normalize(
            restore_zwnj=self.restore_zwnj, remove_diacritics=True, spacing=False, max_chars=self.max_chars
        )
        features = TopicFeatures(
            word_ngrams=self.word_ngrams,
            char_ngrams=self.char_ngrams,
            zwnj=self.zwnj,
            min_df=self.min_df,
            max_features=self.max_features,
            boilerplate=self.boilerplate,
            concept_tokens=self.concept_tokens,
            concept_scale=self.concept_scale,
        )
        svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=0)
        model = CalibratedClassifierCV(svm, method="sigmoid", cv=self.calibration_folds, ensemble=False)
        seconds = {}
        with _progress(self.verbose, total=len(texts) + 2, desc="training topics") as bar:
            t0 = time.perf_counter()
            normalized = []
            for chunk in range(0, len(texts), 500):
                normalized += normalize.transform(texts[chunk : chunk + 500])
                bar.update(len(texts[chunk : chunk + 500]))
            seconds["normalize"] = time.perf_counter() - t0
            bar.set_postfix_str("features")
            t0 = time.perf_counter()
            matrix = features.fit_transform(normalized)
            seconds["features"] = time.perf_counter() - t0
            bar.update(1)
            bar.set_postfix_str(f"{self.calibration_folds + 1} SVM fits")
            t0 = time.perf_counter()
            model.fit(matrix, y, sample_weight=sample_weight)
            seconds["model"] = time.perf_counter() - t0
            bar.update(1)
        t0 = time.perf_counter()
        self.vector_model_ = self._fit_vectors(normalized, y, sample_weight)
        seconds["vectors"] = time.perf_counter() - t0
        self.pipeline_ = Pipeline([("normalize", normalize), ("features", features), ("model", model)])
        self.classes_ = model.classes_
        self.priors_ = counts / counts.sum()
        self.versions_ = {"toolkit": __version__, "scikit-learn": sklearn.__version__}
        self.fit_seconds_ = seconds
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each topic.

        Parameters
        ----------
        X : sequence of str, pandas.Series or pandas.DataFrame
            As for :meth:`fit`.

        Returns
        -------
        numpy.ndarray
            One row per text, one column per topic in the order of ``classes_``; each row sums to 1.
        """
        check_is_fitted(self, "pipeline_")
        texts = _texts(X)
        if not texts:
            return np.zeros((0, len(self.classes_)))
        normalized = self.pipeline_.named_steps["normalize"].transform(texts)
        proba = self.pipeline_[1:].predict_proba(normalized)
        if self.prior_correction:
            proba = proba / self.priors_**self.prior_correction
            proba /= proba.sum(axis=1, keepdims=True)
        vector_model = getattr(self, "vector_model_", None)
        if vector_model is not None:
            a = self.vector_weight
            proba = (1 - a) * proba + a * vector_model.predict_proba(self._vector_features(normalized))
        return proba

    def _vector_features(self, normalized: list[str]) -> np.ndarray:
        """The IDF-weighted mean word vector of each normalized text (without its boilerplate)."""
        wv = word_vectors.load(self.vectors)
        if wv.sha256 != self.vectors_sha256_:
            raise ModelFileError(f"the word vectors {self.vectors} are not those the model was trained with")
        return wv.transform([strip_boilerplate(t) for t in normalized] if self.boilerplate else normalized)

    def _fit_vectors(self, normalized: list[str], y, sample_weight):
        """The second model, on word vectors (:mod:`toolkit.word_vectors`): a logistic regression with class
        weights, or None without ``vectors`` or ``vector_weight``."""
        if not (self.vectors and self.vector_weight):
            return None
        from sklearn.linear_model import LogisticRegression

        self.vectors_sha256_ = word_vectors.load(self.vectors).sha256
        lr = LogisticRegression(C=1.0, class_weight=self.class_weight, max_iter=2000)
        return lr.fit(self._vector_features(normalized), y, sample_weight=sample_weight)

    def predict(self, X) -> np.ndarray:
        """The most probable topic of each text.

        Parameters
        ----------
        X : sequence of str, pandas.Series or pandas.DataFrame
            As for :meth:`fit`.

        Returns
        -------
        numpy.ndarray of str
        """
        proba = self.predict_proba(X)
        return self.classes_[proba.argmax(axis=1)] if len(proba) else np.array([], dtype=object)

    def classify(self, X) -> pd.DataFrame:
        """One row per text: ``topic``, ``probability``, ``low_confidence``.

        ``low_confidence`` is true when the top probability is below :data:`LOW_CONFIDENCE` or the text has
        fewer than :data:`MIN_WORDS` Persian words (empty, too short, or not Persian): the topic is then
        the model's best guess, not a finding.

        Parameters
        ----------
        X : str, sequence of str, pandas.Series or pandas.DataFrame
            One text, or as for :meth:`fit`.

        Returns
        -------
        pandas.DataFrame
            ``topic, probability, low_confidence``; the index is ``X``'s if it is a Series or DataFrame.

        Examples
        --------
        >>> out = load_default().classify(["تیم ملی والیبال ایران در مسابقات جهانی برابر ایتالیا پیروز شد", ""])
        >>> out[["topic", "low_confidence"]].values.tolist()
        [['sport', False], ['social', True]]
        """
        texts, index = _texts(_one_or_many(X)), _index(X)
        proba = self.predict_proba(texts)
        best = proba.argmax(axis=1) if len(proba) else np.array([], dtype=int)
        p = proba[np.arange(len(best)), best]
        few_words = np.array([len(_PERSIAN_WORD.findall(t)) < MIN_WORDS for t in texts], dtype=bool)
        return pd.DataFrame(
            {"topic": self.classes_[best], "probability": p, "low_confidence": (p < LOW_CONFIDENCE) | few_words},
            index=index,
        )

    def top_k(self, X, k: int = 3) -> pd.DataFrame:
        """The ``k`` most probable topics of each text, for articles on several topics.

        Parameters
        ----------
        X : str, sequence of str, pandas.Series or pandas.DataFrame
            As for :meth:`classify`.
        k : int, default 3
            How many topics per text (at most the number of topics).

        Returns
        -------
        pandas.DataFrame
            One row per text and rank: ``doc`` (the text's position, or its index in ``X``), ``rank``
            (1 = most probable), ``topic`` and ``probability``.

        Examples
        --------
        >>> load_default().top_k("بانک مرکزی نرخ بهره را برای مهار تورم افزایش داد", k=2).columns.tolist()
        ['doc', 'rank', 'topic', 'probability']
        """
        if isinstance(k, bool) or not isinstance(k, Integral):
            raise TypeError(f"k must be a positive int, not {k!r}")
        if k < 1:
            raise ValueError(f"k must be at least 1, not {k}")
        texts, index = _texts(_one_or_many(X)), _index(X)
        proba = self.predict_proba(texts)
        k = min(k, len(self.classes_))
        order = np.argsort(-proba, axis=1, kind="stable")[:, :k]
        rows = [
            {"doc": doc, "rank": r + 1, "topic": self.classes_[j], "probability": float(proba[i, j])}
            for i, doc in enumerate(index)
            for r, j in enumerate(order[i])
        ]
        return pd.DataFrame(rows, columns=["doc", "rank", "topic", "probability"])

    def save(self, path: str | Path) -> Path:
        """Write the model as a skops file (never pickle), with the versions that made it.

        Parameters
        ----------
        path : str or path
            The file; missing folders are created.

        Returns
        -------
        pathlib.Path

        Examples
        --------
        >>> import pathlib, tempfile
        >>> path = load_default().save(pathlib.Path(tempfile.mkdtemp()) / "topics.skops")
        >>> TopicClassifier.load(path).predict(["استقلال در بازی دوستانه سه گل زد"]).tolist()
        ['sport']
        """
        check_is_fitted(self, "pipeline_")
        import skops
        import skops.io

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        skops.io.dump(self, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
        meta = {"format": FORMAT, **self.versions_, "skops": skops.__version__}
        with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("toolkit.json", json.dumps(meta, indent=1))
        return path

    @classmethod
    def load(cls, path: str | Path) -> TopicClassifier:
        """Read a model written by :meth:`save`; nothing is ever unpickled.

        Parameters
        ----------
        path : str or path

        Returns
        -------
        TopicClassifier

        Raises
        ------
        ModelFileError
            Before anything in the file is built, for a file that is not a skops file, was saved by another
            model format or scikit-learn minor version, or names any type outside :data:`TRUSTED` (stricter
            than skops' own defaults, which trust every scikit-learn estimator).
        FileNotFoundError
            When there is no such file.

        Examples
        --------
        >>> TopicClassifier.load(default_path()).classes_.tolist() == sorted(TOPICS)
        True
        """
        import skops.io

        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such model file")
        meta = _read_meta(path)
        if meta.get("format") != FORMAT:
            raise ModelFileError(f"{path}: model format {meta.get('format')!r}, this toolkit reads {FORMAT}")
        saved, ours = str(meta.get("scikit-learn")), sklearn.__version__
        if saved.split(".")[:2] != ours.split(".")[:2]:
            raise ModelFileError(
                f"{path}: saved with scikit-learn {saved}, this is {ours}; retrain it with "
                f"`python -m toolkit train-topics --out {path}`"
            )
        untrusted = sorted(_types(meta["schema"]) - set(TRUSTED))
        if untrusted:
            raise ModelFileError(f"{path}: refused, it holds types outside the trusted list: {', '.join(untrusted)}")
        try:  # skops audits the types again before it builds anything
            model = skops.io.load(path, trusted=TRUSTED)
        except Exception as e:
            raise ModelFileError(f"{path}: not a readable skops model ({type(e).__name__}: {e})") from None
        if not isinstance(model, cls):
            raise ModelFileError(f"{path}: holds a {type(model).__name__}, not a {cls.__name__}")
        return model

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def cross_outlet(articles: pd.DataFrame, estimator=None, outlets: tuple[str, str] = ("ISNA", "Fars")) -> pd.DataFrame:
    """Train on one outlet only and test on the other, both ways, beside the same model on its own outlet.

    ``articles`` is :func:`toolkit.datasets.load_topics` (with its ``split`` column). For each outlet A of
    ``outlets``, a copy of ``estimator`` (default: :class:`TopicClassifier`) fitted on A's train articles is
    scored on A's test articles (*in-outlet*) and on *every* article of the other outlet B in the topics A
    knows (*cross-outlet*: the model saw none of them).

    Parameters
    ----------
    articles : pandas.DataFrame
        As :func:`toolkit.datasets.load_topics` gives, with ``outlet``, ``split`` and ``topic``.
    estimator : estimator, optional
        Cloned for each direction; :class:`TopicClassifier` by default.
    outlets : (str, str), default ("ISNA", "Fars")

    Returns
    -------
    pandas.DataFrame
        One row per direction: ``trained_on, tested_on, articles, accuracy, macro_f1, in_outlet_accuracy,
        in_outlet_macro_f1, accuracy_drop, macro_f1_drop``.

    Examples
    --------
    >>> texts = {"sport": ["بازی فوتبال و گل", "مسابقه والیبال تیم ملی", "قهرمانی کشتی در جام"],
    ...          "economy": ["قیمت دلار در بازار", "بورس و سهام بانک", "تورم و نرخ بهره"]}
    >>> rows = [(outlet, topic, text, "test" if i == 2 else "train")
    ...         for outlet in ("الف", "ب") for topic in texts for i, text in enumerate(texts[topic])]
    >>> articles = pd.DataFrame(rows, columns=["outlet", "topic", "text", "split"])
    >>> est = TopicClassifier(min_df=1, calibration_folds=2)
    >>> cross_outlet(articles, est, outlets=("الف", "ب"))[["trained_on", "tested_on", "articles"]].values.tolist()
    [['الف', 'ب', 6], ['ب', 'الف', 6]]
    """
    estimator = TopicClassifier() if estimator is None else estimator
    rows = []
    for a, b in (outlets, outlets[::-1]):
        train = articles[(articles.outlet == a) & (articles.split == "train")]
        model = (clone(estimator) if isinstance(estimator, BaseEstimator) else copy.deepcopy(estimator)).fit(
            train, train.topic
        )
        own = evaluate_topics(model, articles[(articles.outlet == a) & (articles.split == "test")])
        ev = evaluate_topics(model, articles[(articles.outlet == b) & articles.topic.isin(set(train.topic))])
        rows.append(
            {
                "trained_on": a,
                "tested_on": b,
                "articles": len(ev.predictions),
                "accuracy": ev.accuracy,
                "macro_f1": ev.macro_f1,
                "in_outlet_accuracy": own.accuracy,
                "in_outlet_macro_f1": own.macro_f1,
                "accuracy_drop": own.accuracy - ev.accuracy,
                "macro_f1_drop": own.macro_f1 - ev.macro_f1,
            }
        )
    return pd.DataFrame(rows)


#: The word vectors of the default model (``resources/topic_vectors.npz``, made by ``benchmarks/topic_vectors.py
#: --ship``: skip-gram on the train splits of the labelled outlets and FarExStance's train articles) …
VECTORS = "topic_vectors.npz"
#: … and the share of their model in its probabilities, chosen by the leave-one-outlet-out mean on the train
#: splits (``benchmarks/topic_vectors.py --mix``).
VECTOR_WEIGHT = 0.5

#: Desks of a training outlet that cover two topics of the taxonomy: ISNA files foreign news under politics and
#: health under tech, where the other outlets have world and social sections. An article of such a desk is learned
#: as the wider topic when the topic lexicon says so (:func:`training_labels`); the evaluation keeps the desk.
WIDER_DESKS = {("ISNA", "politics"): "world", ("ISNA", "science-tech"): "social"}
#: world: words of foreign places and leaders at least this share of the article's words …
FOREIGN_SHARE = 0.02
#: … and words of Iran at most this share; social: health words at least this share.
IRAN_SHARE, HEALTH_SHARE = 0.03, 0.015


def training_labels(articles: pd.DataFrame) -> pd.Series:
    """The topics to learn from labelled articles: ``topic``, but where an outlet's desk covers two topics
    (:data:`WIDER_DESKS`), the wider one when the topic lexicon says the article is about it.

    An ISNA politics article becomes *world* when words of foreign places and leaders are at least
    :data:`FOREIGN_SHARE` of its words and words of Iran at most :data:`IRAN_SHARE`; an ISNA tech article becomes
    *social* when health words are at least :data:`HEALTH_SHARE` (read as the model reads: normalized, the first
    1,500 characters, without boilerplate). Chosen by the leave-one-outlet-out mean (``benchmarks/topics.py
    --choices``): the desks as they are teach that foreign news is politics and health science-tech, which the
    other outlets' sections say otherwise.

    Parameters
    ----------
    articles : pandas.DataFrame
        With ``outlet``, ``topic``, ``title`` and ``text``, as :func:`toolkit.datasets.load_topics` gives.

    Returns
    -------
    pandas.Series
        One topic per article, with its index.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["ISNA", "ISNA"], "topic": ["politics", "politics"], "title": ["", ""],
    ...                    "text": ["ترامپ در واشنگتن به نخست وزیر ژاپن گفت که آمریکا و چین توافق کردند",
    ...                             "نماینده مجلس گفت دولت باید لایحه بودجه را به مجلس بدهد"]})
    >>> training_labels(df).tolist()
    ['world', 'politics']
    """
    y = articles["topic"].astype(object).copy()
    desks = pd.Series(list(zip(articles["outlet"], articles["topic"], strict=True)), index=articles.index)
    wide = desks.isin(list(WIDER_DESKS))
    if not wide.any():
        return y
    normalize = Normalize(remove_diacritics=True, spacing=False, max_chars=1500)
    texts = normalize.transform(_texts(articles[wide]))
    for i, desk, text in zip(articles.index[wide], desks[wide], texts, strict=True):
        n = concepts(strip_boilerplate(text))
        words = max(n["words"], 1)
        wider = WIDER_DESKS[desk]
        if wider == "world":
            hit = (n["foreign"] + n["leader"]) / words >= FOREIGN_SHARE and n["iran"] / words <= IRAN_SHARE
        else:
            hit = n["health"] / words >= HEALTH_SHARE
        if hit:
            y[i] = wider
    return y


def leave_one_outlet_out(
    articles: pd.DataFrame,
    estimator=None,
    *,
    outlets: tuple[str, ...] | None = None,
    labels=training_labels,
) -> pd.DataFrame:
    """For each outlet: train on the other outlets' train split, test on every article of the outlet.

    The headline evaluation of a topic model: an outlet it never saw, as users meet them.

    Parameters
    ----------
    articles : pandas.DataFrame
        As :func:`toolkit.datasets.load_topics` gives (``outlet``, ``split``, ``topic``, ``title``, ``text``).
    estimator : estimator, optional
        Cloned for each outlet; :class:`TopicClassifier` by default.
    outlets : tuple of str, optional
        The outlets to hold out in turn (default: every outlet of ``articles``); the others are trained on.
    labels : callable, default :func:`training_labels`
        The topics to learn from the training articles (``lambda df: df.topic`` for the labels as they are).

    Returns
    -------
    pandas.DataFrame
        One row per held-out outlet: ``held_out, trained_on, articles, accuracy, macro_f1``.

    Examples
    --------
    >>> texts = {"sport": ["بازی فوتبال و گل", "مسابقه والیبال تیم ملی", "قهرمانی کشتی در جام"],
    ...          "economy": ["قیمت دلار در بازار", "بورس و سهام بانک", "تورم و نرخ بهره"]}
    >>> rows = [(o, t, x, "train") for o in ("الف", "ب", "پ") for t in texts for x in texts[t]]
    >>> df = pd.DataFrame(rows, columns=["outlet", "topic", "text", "split"])
    >>> loo = leave_one_outlet_out(df, TopicClassifier(min_df=1, calibration_folds=2))
    >>> loo[["held_out", "trained_on", "articles"]].values.tolist()[0]
    ['الف', 'ب, پ', 6]
    """
    estimator = TopicClassifier() if estimator is None else estimator
    outlets = tuple(dict.fromkeys(articles["outlet"])) if outlets is None else outlets
    rows = []
    for held in outlets:
        train = articles[(articles["outlet"] != held) & (articles["split"] == "train")]
        model = clone(estimator) if isinstance(estimator, BaseEstimator) else copy.deepcopy(estimator)
        model.fit(train, labels(train))
        ev = evaluate_topics(model, articles[articles["outlet"] == held])
        others = ", ".join(dict.fromkeys(train["outlet"]))
        rows.append(
            {
                "held_out": held,
                "trained_on": others,
                "articles": len(ev.predictions),
                "accuracy": ev.accuracy,
                "macro_f1": ev.macro_f1,
            }
        )
    return pd.DataFrame(rows)


def default_path() -> Path:
    """Where the shipped default model lives.

    Returns
    -------
    pathlib.Path
        ``toolkit/resources/topics.skops`` in the installed package.

    Examples
    --------
    >>> default_path().name
    'topics.skops'
    """
    return Path(str(resources.files("toolkit") / "resources" / "topics.skops"))


def train_default(verbose: bool = False) -> TopicClassifier:
    """The default model, trained from scratch on ``datasets.load_topics("train")`` with
    :func:`training_labels` (deterministic, about 30 s).

    ``python -m toolkit train-topics`` runs it and saves the result as the shipped model.

    Parameters
    ----------
    verbose : bool, default False
        Show progress bars.

    Returns
    -------
    TopicClassifier
        With ``trained_on_``: the split and :func:`training_data`.

    Examples
    --------
    >>> load_default().trained_on_["split"]  # the shipped model is what train_default() returned
    'train'
    """
    train = datasets.load_topics("train")
    model = TopicClassifier(vectors=VECTORS, vector_weight=VECTOR_WEIGHT, verbose=verbose)
    model.fit(train, training_labels(train))
    model.trained_on_ = {"split": "train", **training_data()}
    return model


def training_data() -> dict[str, str]:
    """What the default model learns from, to tell a stale model file.

    Returns
    -------
    dict of str to str
        ``articles``: the number of training articles; ``sha256``: of their ids, titles, texts and the topics
        learned (:func:`training_labels`); ``vectors``: the digest of the word vectors (:data:`VECTORS`).

    Examples
    --------
    >>> training_data() == {k: v for k, v in load_default().trained_on_.items() if k != "split"}
    True
    """
    train = datasets.load_topics("train")
    rows = train["doc_id"] + "\x1f" + train["title"] + "\x1f" + train["text"] + "\x1f" + training_labels(train)
    return {
        "articles": str(len(train)),
        "sha256": hashlib.sha256("\x1e".join(rows).encode()).hexdigest(),
        "vectors": word_vectors.load(VECTORS).sha256,
    }


@functools.cache
def load_default() -> TopicClassifier:
    """The default model, loaded once per process.

    Returns
    -------
    TopicClassifier
        The shipped ``topics.skops`` (rebuilt by ``python -m toolkit train-topics``), or, if it is missing or
        was saved by another scikit-learn version, one trained now (about 30 s, with a warning).

    Examples
    --------
    >>> load_default().predict(["بانک مرکزی نرخ بهره را افزایش داد و قیمت دلار در بازار کاهش یافت"]).tolist()
    ['economy']
    """
    path = default_path()
    try:
        return TopicClassifier.load(path)
    except (FileNotFoundError, ModelFileError) as e:
        warnings.warn(f"training the default topic model ({e})", stacklevel=2)
        return train_default()


def _texts(X) -> list[str]:
    """Texts from a DataFrame (``title`` + newline + ``text``, or ``text`` alone when its first line is the
    title) or a sequence; missing values become ``""``."""
    if isinstance(X, pd.DataFrame):
        if "text" not in X:
            raise ValueError("a DataFrame of articles needs a text column")
        body = X["text"].fillna("").astype(str)
        if "title" not in X:
            return body.tolist()
        return headed_texts(X["title"].fillna("").astype(str), body)
    if isinstance(X, str):
        raise ValueError("expected a list of texts, not a single str: wrap it in a list")
    _check_many(X, _MANY)
    return [x if isinstance(x, str) else "" for x in X]


_MANY = "a sequence of str, a pandas Series, or a DataFrame with a text column"


def _check_many(X, expected: str) -> None:
    """A clear TypeError for what cannot hold texts (None, a number, bytes), instead of one from deep inside."""
    if X is None or isinstance(X, bytes) or not isinstance(X, Iterable):
        raise TypeError(f"expected {expected}, not {type(X).__name__}")


def _labels(y) -> list[str]:
    labels = list(y)
    if any(not isinstance(t, str) or not t for t in labels):
        raise ValueError("every label must be a non-empty str (drop articles without a topic)")
    return labels


def _one_or_many(X):
    if isinstance(X, str):
        return [X]
    _check_many(X, f"a str, {_MANY}")
    return X


def _index(X) -> list:
    return (
        list(X.index) if isinstance(X, (pd.Series, pd.DataFrame)) else list(range(1 if isinstance(X, str) else len(X)))
    )


def _read_meta(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "schema.json" not in names:
                raise ModelFileError(f"{path}: not a skops file (no schema.json)")
            if "toolkit.json" not in names:
                raise ModelFileError(f"{path}: a skops file, but not one written by TopicClassifier.save")
            return {**json.loads(z.read("toolkit.json")), "schema": json.loads(z.read("schema.json"))}
    except zipfile.BadZipFile:
        raise ModelFileError(
            f"{path}: not a skops model file (not a zip archive); models are never unpickled"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ModelFileError(f"{path}: damaged model file (unreadable toolkit.json or schema.json)") from None


def _types(node) -> set[str]:
    """Every ``module.class`` a skops schema names (objects, functions, dtypes), read as plain JSON."""
    found = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if "__class__" in n and "__module__" in n:
                found.add(f"{n['__module__']}.{n['__class__']}")
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)
    return found


class _progress:
    """A tqdm bar on stderr when ``enabled``, else a stand-in that does nothing."""

    def __init__(self, enabled: bool, **kw):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(**kw)

    def __enter__(self):
        return self.bar if self.bar is not None else self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()

    def update(self, n: int = 1) -> None:
        pass

    def set_postfix_str(self, s: str) -> None:
        pass


__getattr__ = moved(
    __name__,
    {"evaluate": "toolkit.evaluation:evaluate_topics", "Evaluation": "toolkit.evaluation:Evaluation"},
)
