"""toolkit — studying Persian-language news in Jupyter: normalization, topics, keywords, claims.

>>> import toolkit
>>> toolkit.normalize("عراق و سوريه توافق کردهاند")
'عراق و سوریه توافق کرده\u200cاند'
>>> toolkit.tokenize("رئیس‌جمهور سوریه")
['رئیس\u200cجمهور', 'سوریه']
"""

from toolkit.corpus import load_corpus
from toolkit.normalization import Normalizer, normalize
from toolkit.tokens import lemmatize, sentences, tokenize

__all__ = ["Normalizer", "lemmatize", "load_corpus", "normalize", "sentences", "tokenize"]
__version__ = "0.1.0"
