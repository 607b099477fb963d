"""Text features for scikit-learn pipelines: toolkit normalization as a step, and ZWNJ-aware n-gram TF-IDF.

A Persian word may hold a zero-width non-joiner (ZWNJ), which scikit-learn's default token pattern cuts
words at; :class:`NgramFeatures` keeps such a word whole and lets ``zwnj`` say how its ZWNJs count.

>>> texts = ["دولت‌ها توافق کرده‌اند", "دولتها توافق کردهاند"]
>>> f = NgramFeatures(word_ngrams=(1, 1), min_df=1).fit(texts)
>>> f.get_feature_names_out().tolist()
['توافق', 'دولتها', 'کردهاند']
>>> (f.transform(texts[:1]) != f.transform(texts[1:])).nnz
0
>>> NgramFeatures(word_ngrams=(1, 1), min_df=1, zwnj="split").fit(texts[:1]).get_feature_names_out().tolist()
['اند', 'توافق', 'دولت', 'ها', 'کرده']
>>> Normalize().transform(["علي گفت كه  ۴ نفر"])
['علی گفت که ۴ نفر']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from toolkit.chars import WORD_CHARS, ZWNJ
from toolkit.normalization import Normalizer

ZWNJ_MODES = ("join", "keep", "split")
_LATIN_OR_NUMBER = r"|[A-Za-z][A-Za-z0-9]*|\d+"


def token_pattern(zwnj: str = "join") -> str:
    """The regular expression of a token, as a ``token_pattern`` for scikit-learn's vectorizers.

    Parameters
    ----------
    zwnj : {"join", "keep", "split"}, default "join"
        How a ZWNJ inside a word counts (see :class:`NgramFeatures`); only ``"split"`` cuts a word at it.

    Returns
    -------
    str

    Examples
    --------
    >>> import re
    >>> re.findall(token_pattern("keep"), "می‌روم به G20")
    ['می\u200cروم', 'به', 'G20']
    """
    _check_zwnj(zwnj)
    word = f"[{WORD_CHARS}]+" if zwnj == "split" else f"[{WORD_CHARS}]+(?:{ZWNJ}[{WORD_CHARS}]+)*"
    return word + _LATIN_OR_NUMBER


def apply_zwnj(texts: Iterable[str], zwnj: str = "join") -> list[str]:
    """The texts as the vectorizers see them: ZWNJs removed (``join``), kept, or made spaces (``split``).

    Parameters
    ----------
    texts : iterable of str
    zwnj : {"join", "keep", "split"}, default "join"

    Returns
    -------
    list of str

    Examples
    --------
    >>> apply_zwnj(["کرده‌اند"], "join")
    ['کردهاند']
    >>> apply_zwnj(["کرده‌اند"], "split")
    ['کرده اند']
    """
    _check_zwnj(zwnj)
    if zwnj == "keep":
        return list(texts)
    return [t.replace(ZWNJ, "" if zwnj == "join" else " ") for t in texts]


@functools.cache
def _normalizer(restore_zwnj: bool, remove_diacritics: bool, spacing: bool) -> Normalizer:
    return Normalizer(
        restore_zwnj=restore_zwnj, remove_diacritics=remove_diacritics, spacing=spacing, persian_punctuation=spacing
    )


def _as_texts(X) -> list[str]:
    """A sequence of texts as a list of str; ``None`` and NaN become ``""``."""
    if isinstance(X, str):
        raise TypeError("expected a list of texts, not a single str: wrap it in a list")
    return [x if isinstance(x, str) else "" for x in X]


class Normalize(TransformerMixin, BaseEstimator):
    """A stateless pipeline step: each text through :class:`toolkit.Normalizer`, once.

    Parameters
    ----------
    restore_zwnj : bool, default=False
        Also restore lost ZWNJs (16 times slower in ``benchmarks/topics.py``; with ``zwnj="join"`` features a
        deleted ZWNJ already gives the same token, so it helps only where ZWNJs became spaces).
    remove_diacritics : bool, default=False
        Remove diacritics and tanvin, so «صرفاً» and «صرفا» are one word.
    spacing : bool, default=True
        Apply the spacing and Persian punctuation rules (``Normalizer(spacing=…, persian_punctuation=…)``);
        word and n-gram features do not depend on them, and without them normalizing is 1.5 times faster.
    max_chars : int or None, default=None
        Keep only the first ``max_chars`` characters of each raw text (cut at a space), before normalizing.

    Examples
    --------
    >>> Normalize(max_chars=9).transform(["كتاب خوب و ارزان"])
    ['کتاب خوب']
    >>> Normalize(remove_diacritics=True, spacing=False).transform(["صرفاً  براي ما ,"])
    ['صرفا  برای ما ,']
    """

    def __init__(
        self,
        *,
        restore_zwnj: bool = False,
        remove_diacritics: bool = False,
        spacing: bool = True,
        max_chars: int | None = None,
    ):
        self.restore_zwnj = restore_zwnj
        self.remove_diacritics = remove_diacritics
        self.spacing = spacing
        self.max_chars = max_chars

    def fit(self, X, y=None):
        """Nothing to learn: returns the step itself.

        Parameters
        ----------
        X : sequence of str
            Ignored.
        y : ignored

        Returns
        -------
        Normalize
        """
        return self

    def transform(self, X) -> list[str]:
        """Each text cut to ``max_chars`` and normalized.

        Parameters
        ----------
        X : sequence of str
            Texts; ``None`` and NaN become ``""``.

        Returns
        -------
        list of str
        """
        normalize = _normalizer(self.restore_zwnj, self.remove_diacritics, self.spacing).normalize
        return [normalize(self._cut(t)) for t in _as_texts(X)]

    def _cut(self, text: str) -> str:
        n = self.max_chars
        if n is None or len(text) <= n:
            return text
        head, _, _ = text[: n + 1].rpartition(" ")
        return head or text[:n]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


class NgramFeatures(TransformerMixin, BaseEstimator):
    """TF-IDF of ZWNJ-aware word n-grams, and optionally of character n-grams inside words, side by side.

    Parameters
    ----------
    word_ngrams : (int, int) or None, default=(1, 2)
        Range of word n-gram lengths; ``None`` for no word features.
    char_ngrams : (int, int) or None, default=None
        Range of character n-gram lengths (inside words); ``None`` for none.
    zwnj : {"join", "keep", "split"}, default="join"
        How a ZWNJ inside a word counts (see the notes).
    min_df : int, default=2
        Ignore n-grams found in fewer texts.
    max_features : int or None, default=None
        Keep only the most frequent n-grams, per kind (words, characters).
    sublinear_tf : bool, default=True
        Use ``1 + log(tf)``.

    Attributes
    ----------
    vectorizers_ : list of (str, TfidfVectorizer)
        The fitted vectorizers, ``"word"`` and/or ``"char"``.

    Notes
    -----
    A Persian word may hold a ZWNJ: «کرده‌اند», «گفت‌وگو», «رئیس‌جمهور». Text copied from the web often
    loses it (``کردهاند``) or turns it into a space (``کرده اند``). scikit-learn's default token pattern
    (``\\b\\w\\w+\\b``) cuts a word at its ZWNJ — «می‌روم» gives ``می`` and ``روم``, and the verb prefix
    «می» becomes one of the most frequent tokens — and drops one-letter words such as «و». Here a word is
    letters and marks joined by ZWNJs (as in :mod:`toolkit.tokens`), and ``zwnj`` says how its ZWNJs count:

    * ``"join"`` (default) — one token, keyed without its ZWNJs: «کرده‌اند» and «کردهاند» are the same
      feature, so a text that lost its ZWNJs gets the features of the same text written with them.
    * ``"keep"`` — one token with its ZWNJs: the two spellings are different features.
    * ``"split"`` — a ZWNJ separates tokens (``کرده``, ``اند``), as scikit-learn does (one-letter tokens
      kept).

    Character n-grams (``char_ngrams``) are taken inside words (scikit-learn's ``char_wb``), after the same
    ZWNJ treatment.

    Examples
    --------
    >>> f = NgramFeatures(word_ngrams=(1, 2), min_df=1).fit(["می‌روم به بازار", "میروم به خانه"])
    >>> f.transform(["میروم به بازار"]).shape
    (1, 7)
    >>> [n for n in f.get_feature_names_out() if n.startswith("میروم")]
    ['میروم', 'میروم به']
    """

    def __init__(
        self,
        *,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = None,
        zwnj: str = "join",
        min_df: int = 2,
        max_features: int | None = None,
        sublinear_tf: bool = True,
    ):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.zwnj = zwnj
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        """Learn the vocabulary and the IDF of the n-grams of ``X``.

        Parameters
        ----------
        X : sequence of str
            Normalized texts.
        y : ignored

        Returns
        -------
        NgramFeatures
        """
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None):
        """Learn the vocabulary and the IDF of ``X``, and return its TF-IDF matrix.

        Parameters
        ----------
        X : sequence of str
            Normalized texts.
        y : ignored

        Returns
        -------
        scipy.sparse.csr_matrix
            One row per text; word n-grams first, then character ones.
        """
        if self.word_ngrams is None and self.char_ngrams is None:
            raise ValueError("NgramFeatures needs word_ngrams or char_ngrams")
        texts = apply_zwnj(_as_texts(X), self.zwnj)
        common = {
            "sublinear_tf": self.sublinear_tf,
            "min_df": self.min_df,
            "max_features": self.max_features,
            "lowercase": False,
            "dtype": np.float32,
        }
        self.vectorizers_ = []
        if self.word_ngrams is not None:
            word = TfidfVectorizer(
                token_pattern=token_pattern(self.zwnj), ngram_range=tuple(self.word_ngrams), **common
            )
            self.vectorizers_.append(("word", word))
        if self.char_ngrams is not None:
            char = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams), **common)
            self.vectorizers_.append(("char", char))
        blocks = [v.fit_transform(texts) for _, v in self.vectorizers_]
        for _, v in self.vectorizers_:
            # numpy ints would each become a file in a skops archive; plain ints go into its JSON schema
            v.vocabulary_ = {term: int(i) for term, i in v.vocabulary_.items()}
        return sparse.hstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]

    def transform(self, X):
        """The TF-IDF matrix of ``X`` over the learned vocabulary.

        Parameters
        ----------
        X : sequence of str
            Normalized texts.

        Returns
        -------
        scipy.sparse.csr_matrix
        """
        check_is_fitted(self, "vectorizers_")
        texts = apply_zwnj(_as_texts(X), self.zwnj)
        blocks = [_tfidf(v, texts) for _, v in self.vectorizers_]
        return sparse.hstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The n-grams, one per column: word ones first, character ones prefixed with ``char:``.

        Parameters
        ----------
        input_features : ignored

        Returns
        -------
        numpy.ndarray of str
        """
        check_is_fitted(self, "vectorizers_")
        names = []
        for kind, v in self.vectorizers_:
            out = v.get_feature_names_out()
            names.append(out if kind == "word" else np.char.add("char:", out.astype(str)).astype(object))
        return np.concatenate(names)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _tfidf(vectorizer: TfidfVectorizer, texts: list[str]) -> sparse.csr_matrix:
    """``vectorizer.transform(texts)`` (the same matrix, to float rounding), faster: word n-grams are joined
    with ``map`` and ``zip`` rather than a Python loop, and n-grams outside the vocabulary (most bigrams of a
    new text) are skipped with ``dict.get`` rather than a caught ``KeyError`` each."""
    get = vectorizer.vocabulary_.get
    analyze = _word_ngrams(vectorizer) if vectorizer.analyzer == "word" else vectorizer.build_analyzer()
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        indices += [i for i in map(get, analyze(text)) if i is not None]
        indptr.append(len(indices))
    counts = sparse.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(texts), len(vectorizer.vocabulary_)),
    )
    counts.sum_duplicates()
    if vectorizer.sublinear_tf:
        np.log(counts.data, counts.data)
        counts.data += 1
    if vectorizer.use_idf:
        counts = counts @ sparse.diags(vectorizer.idf_)
    if vectorizer.norm:
        counts = normalize(counts, norm=vectorizer.norm, copy=False)
    return counts.astype(vectorizer.dtype)


def _word_ngrams(vectorizer: TfidfVectorizer):
    """The word analyzer of a vectorizer made by :class:`NgramFeatures` (no lowercasing, accents or stop words)."""
    findall = re.compile(vectorizer.token_pattern).findall
    low, high = vectorizer.ngram_range

    def analyze(text: str) -> list[str]:
        tokens = findall(text)
        grams = tokens[:] if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams += map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False))
        return grams

    return analyze


def _check_zwnj(zwnj: str) -> None:
    if zwnj not in ZWNJ_MODES:
        raise ValueError(f"zwnj must be one of {ZWNJ_MODES}, not {zwnj!r}")
