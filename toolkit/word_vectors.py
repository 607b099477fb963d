"""Word vectors for document features: trained with gensim, read with numpy alone.

:func:`train` learns Word2Vec vectors (gensim, the ``vectors`` extra) from normalized texts and keeps the most
frequent words as :class:`WordVectors`: a vocabulary, float16 vectors and the words' IDF. :meth:`WordVectors.save`
writes them as a plain ``.npz`` (no pickle), and :meth:`WordVectors.transform` turns texts into the IDF-weighted
mean of their words' vectors, with numpy and scipy only: using vectors does not need gensim.

>>> wv = WordVectors(["دلار", "بورس"], np.array([[1, 0], [0, 1]], dtype=np.float16), np.array([1.0, 2.0]))
>>> wv.transform(["دلار دلار"]).round(2).tolist()
[[1.0, 0.0]]
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse

from toolkit.features import token_pattern

__all__ = ["WordVectors", "load", "tokens", "train"]

_TOKEN = re.compile(token_pattern("join"))


def tokens(text: str) -> list[str]:
    """The words of a normalized text as the vectors key them: ZWNJs dropped (as the ``"join"`` n-grams do),
    numbers left out.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokens("وزیر امور خارجه در سال ۱۴۰۳ گفت‌وگو کرد")
    ['وزیر', 'امور', 'خارجه', 'در', 'سال', 'گفتوگو', 'کرد']
    """
    return [t for t in _TOKEN.findall(text.replace("\u200c", "")) if not t[0].isdigit()]


class WordVectors:
    """A vocabulary, one vector per word (float16) and each word's IDF; texts become the IDF-weighted mean of
    their words' vectors, scaled to length 1 (a text without known words: zeros).

    Parameters
    ----------
    words : sequence of str
    vectors : numpy.ndarray
        One row per word.
    idf : numpy.ndarray
        One weight per word.
    source : str, default ""
        Where the vectors came from (kept in the ``.npz``).
    """

    def __init__(self, words, vectors: np.ndarray, idf: np.ndarray, source: str = ""):
        self.words = np.asarray(words, dtype=str)
        self.vectors = np.asarray(vectors, dtype=np.float16)
        self.idf = np.asarray(idf, dtype=np.float32)
        self.source = source
        self.index = {w: i for i, w in enumerate(self.words.tolist())}

    @functools.cached_property
    def sha256(self) -> str:
        """A digest of the words and vectors, to tell a model the vectors it was trained with."""
        h = hashlib.sha256("\x1f".join(self.words.tolist()).encode())
        h.update(np.ascontiguousarray(self.vectors).tobytes())
        return h.hexdigest()

    @functools.cached_property
    def _vectors32(self) -> np.ndarray:
        """The vectors as float32, made once: :meth:`transform` multiplies by them on every call."""
        return self.vectors.astype(np.float32)

    @property
    def dim(self) -> int:
        """The length of a vector."""
        return self.vectors.shape[1]

    def transform(self, texts) -> np.ndarray:
        """The IDF-weighted mean vector of each normalized text, scaled to length 1.

        Parameters
        ----------
        texts : iterable of str

        Returns
        -------
        numpy.ndarray
            One float32 row per text.
        """
        rows, cols, n = [], [], 0
        for n, text in enumerate(texts, start=1):
            hits = [self.index[t] for t in tokens(text) if t in self.index]
            rows += [n - 1] * len(hits)
            cols += hits
        counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(self.words))
        )
        out = (counts.multiply(self.idf[None, :]).tocsr() @ self._vectors32).astype(np.float32)
        norm = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norm > 0, norm, 1)

    def save(self, path: str | Path) -> Path:
        """Write the vectors as a plain ``.npz`` (compressed; read back without pickle by :func:`load`).

        Parameters
        ----------
        path : str or path

        Returns
        -------
        pathlib.Path
        """
        path = Path(path)
        np.savez_compressed(path, words=self.words, vectors=self.vectors, idf=self.idf, source=np.str_(self.source))
        return path


@functools.cache
def load(path: str | Path = "topic_vectors.npz") -> WordVectors:
    """Read vectors written by :meth:`WordVectors.save`: a bare file name in ``toolkit/resources``, or a path.

    Parameters
    ----------
    path : str or path, default "topic_vectors.npz"

    Returns
    -------
    WordVectors
    """
    path = Path(path)
    if path.parent == Path("."):  # a bare file name is a resource, whatever the working folder holds
        path = Path(str(resources.files("toolkit") / "resources" / path.name))
    with np.load(path, allow_pickle=False) as z:
        return WordVectors(z["words"], z["vectors"], z["idf"], str(z["source"]))


def train(
    texts, *, dim: int = 100, max_words: int = 20_000, min_count: int = 5, epochs: int = 10, seed: int = 0, **w2v
) -> WordVectors:
    """Word2Vec vectors (gensim) of normalized texts, the ``max_words`` most frequent words kept.

    Parameters
    ----------
    texts : iterable of str
        Normalized texts, unlabelled.
    dim, max_words, min_count, epochs, seed
        Length of a vector; the vocabulary kept; gensim's ``min_count``, ``epochs``, ``seed``.
    **w2v
        More arguments for ``gensim.models.Word2Vec`` (default ``window=5``, ``sg=1``: skip-gram, ``workers=2``).

    Returns
    -------
    WordVectors
        With the IDF of each word over ``texts``.
    """
    from gensim.models import Word2Vec

    docs = [tokens(t) for t in texts]
    params = {"window": 5, "workers": 2, "sg": 1, **w2v}
    model = Word2Vec(docs, vector_size=dim, min_count=min_count, epochs=epochs, seed=seed, **params)
    words = model.wv.index_to_key[:max_words]
    df = Counter(w for d in docs for w in set(d))
    idf = np.log((1 + len(docs)) / (1 + np.array([df[w] for w in words], dtype=np.float64))) + 1
    return WordVectors(words, model.wv[words], idf)
