"""toolkit — studying Persian-language news in Jupyter: normalization, topics, keywords, claims.

Every public name of the toolkit, by the module it lives in, is listed below in ``_API``; each is reachable
as ``toolkit.NAME`` and each module as ``toolkit.MODULE``. Nothing is imported until it is first used, so
``import toolkit`` stays fast (pandas, scikit-learn, Dask and matplotlib load with the first function that
needs them).

>>> import toolkit
>>> toolkit.normalize("عراق و سوريه توافق کردهاند")
'عراق و سوریه توافق کرده\u200cاند'
>>> toolkit.tokenize("رئیس‌جمهور سوریه")
['رئیس\u200cجمهور', 'سوریه']
"""

import importlib

from toolkit._version import __version__

#: module -> the names it gives the top level, bottom layer first. A module listed with no names is
#: reached as ``toolkit.MODULE.name`` (its names clash with others', or are for one task only).
_API: dict[str, tuple[str, ...]] = {
    # characters and their tables
    "chars": ("ZWNJ", "is_persian_letter"),
    # normalization with offsets back to the raw text; lost ZWNJs restored
    "normalization": ("Normalizer", "Offsets", "changes", "normalize"),
    "zwnj": ("ZwnjRestorer",),
    # tokens, sentences, lemmas
    "tokens": ("lemmatize", "sentence_spans", "sentences", "token_spans", "tokenize", "words"),
    # corpora: files of articles, the registry of public corpora, the topic taxonomy
    "corpus": ("CorpusError", "decode", "headed_texts", "load_corpus", "read_text"),
    "datasets": (),  # datasets.load_isna, load_fars, load_topics, load_seeds, describe, fetch, …
    "taxonomy": ("TOPICS",),
    # features: scikit-learn steps, numbers, outlets
    "features": ("NgramFeatures", "Normalize"),
    "numbers": ("Quantity", "parse_number", "quantities"),
    "sources": (),  # sources.find_outlets, canonical, outlets, outlet_for_url
    "collect": (),  # collect.read_html, read_feed: news pages and feeds into the corpus format
    # tasks: topics, keywords, claims and their comparison, and their evaluation
    "topics": ("ModelFileError", "TopicClassifier", "cross_outlet", "load_default"),
    "keywords": ("extract_keywords", "keyness", "kwic", "terms"),
    "claims": ("extract_claims",),
    "compare": ("claim_matrix", "compare_claims"),
    "evaluation": ("Evaluation", "evaluate_keywords", "evaluate_topics", "evaluate_zwnj"),
    # a corpus of any size: shard by shard, and on Dask
    "pipeline": (),  # pipeline.analyze, run, plan
    "scale": (),  # scale.connect, read_articles, normalize, classify, extract_keywords, extract_claims, analyze
    # figures
    "plots": ("KWIC", "RTL", "save_figure"),
    # python -m toolkit
    "cli": (),
}
_HOME = {name: module for module, names in _API.items() for name in names}

__all__ = ["__version__", *sorted(_API), *sorted(_HOME)]


def __getattr__(name: str):
    """Import a module, or the module of a name, at its first use (PEP 562)."""
    if name in _API:
        return importlib.import_module(f"toolkit.{name}")
    if name in _HOME:
        value = getattr(importlib.import_module(f"toolkit.{_HOME[name]}"), name)
        globals()[name] = value  # the next use is a plain attribute
        return value
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
