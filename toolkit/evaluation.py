"""Scores of the toolkit's tasks against gold data: ZWNJ restoration, keywords, topics.

Each function compares what a tool did with what people wrote or labelled, and works for any tool with
the same shape (a ``str -> str`` restorer, lists of keywords, a model with ``predict``), so that the
toolkit and its baselines are scored by the same code.

>>> evaluate_keywords([["داعش", "سوریه"]], [["داعش"]])["exact_recall"]
1.0
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.chars import LETTERS, MARKS, ZWNJ
from toolkit.normalization import Normalizer, normalize
from toolkit.sources import resolve
from toolkit.taxonomy import topic_order
from toolkit.zwnj import PREFIXES, SPACED_SIGNALS

__all__ = [
    "DAMAGES",
    "Evaluation",
    "boundaries",
    "evaluate_keyword_lists",
    "evaluate_keywords",
    "evaluate_topics",
    "evaluate_zwnj",
    "outlet_key",
]


# --- ZWNJ restoration ------------------------------------------------------------------------------

_MARK = re.compile(f"[{MARKS}]")
_LETTER_WORD = re.compile(f"[{LETTERS}]+(?:{ZWNJ}[{LETTERS}]+)*")

_PREFIX_ZWNJ = re.compile(f"(?<![^ \\n«(])(ن?می){ZWNJ}")

#: The ways a text loses its ZWNJs, and no damage at all: ``deleted`` (every ZWNJ removed), ``spaced`` (every
#: ZWNJ a space), ``typed`` (the mixed damage of typing without a ZWNJ key: the ZWNJ after a prefix
#: ``می``/``نمی`` a space, ``می شود``, every other ZWNJ removed, ``کتابها``) and ``clean``.
DAMAGES = {
    "deleted": lambda t: t.replace(ZWNJ, ""),
    "spaced": lambda t: t.replace(ZWNJ, " "),
    "typed": lambda t: _PREFIX_ZWNJ.sub(r"\1 ", t).replace(ZWNJ, ""),
    "clean": lambda t: t,
}
_COUNTS = ("zw_words", "zw_right", "plain_words", "plain_changed", "other_words", "other_changed", "tp", "fp", "fn")


def _words(text: str) -> list[re.Match[str]]:
    """The words of ``text``, runs of letters joined by ZWNJs, after dropping the marks."""
    return list(_LETTER_WORD.finditer(_MARK.sub("", text)))


def boundaries(text: str) -> tuple[str, np.ndarray]:
    """The letters of a text and what follows each one: the word boundaries, apart from everything else.

    Parameters
    ----------
    text : str
        Any text; marks (harakat, tanvin …) are dropped, and so is everything that is not a letter.

    Returns
    -------
    letters : str
        The letters of the words, one after the other.
    kinds : numpy.ndarray of uint8
        For each letter, what comes after it: 0 the same word, 1 a ZWNJ, 2 a word break.

    Examples
    --------
    >>> letters, kinds = boundaries("کرده‌اند و")
    >>> letters, kinds.tolist()
    ('کردهاندو', [0, 0, 0, 1, 0, 0, 2, 2])
    """
    return _boundaries(_words(text))


def _boundaries(words: list[re.Match[str]]) -> tuple[str, np.ndarray]:
    letters: list[str] = []
    kinds: list[int] = []
    for m in words:
        parts = m.group().split(ZWNJ)
        for i, p in enumerate(parts):
            letters.append(p)
            kinds.extend([0] * (len(p) - 1))
            kinds.append(1 if i < len(parts) - 1 else 2)
    return "".join(letters), np.asarray(kinds, dtype=np.uint8)


def _written_apart(matches: list[re.Match[str]]) -> np.ndarray:
    """For each of the words (:func:`_words`): is it a bound morpheme written as a word (``می``, ``ها``,
    ``اند`` …: :data:`toolkit.zwnj.SPACED_SIGNALS`), or the word such a morpheme belongs to, one space away?
    ``کرده اند`` and ``می شود`` are the damage :mod:`toolkit.zwnj` repairs, even when a writer typed them."""
    apart = np.zeros(len(matches), dtype=bool)
    for k, m in enumerate(matches):
        if m.group() in SPACED_SIGNALS:
            host = k + 1 if m.group() in PREFIXES else k - 1
            if 0 <= host < len(matches):
                a, b = sorted((k, host))
                apart[k] = True
                apart[host] |= m.string[matches[a].end() : matches[b].start()] == " "
    return apart


def _score(gold: np.ndarray, out: np.ndarray, apart: np.ndarray) -> dict[str, int]:
    """The counts of :func:`evaluate_zwnj` for one text, from the boundary kinds of gold and output."""
    ends = np.flatnonzero(gold == 2)
    starts = np.concatenate([[0], ends[:-1] + 1]).astype(int)
    prev_ok = np.concatenate([[True], out[ends[:-1]] == 2])
    zw_cum = np.concatenate([[0], np.cumsum(gold == 1)])
    has_zw = zw_cum[ends] - zw_cum[starts] > 0
    diff_cum = np.concatenate([[0], np.cumsum(gold != out)])
    same = (diff_cum[ends + 1] - diff_cum[starts] == 0) & prev_ok
    return {
        "zw_words": int(has_zw.sum()),
        "zw_right": int((same & has_zw).sum()),
        "plain_words": int((~has_zw).sum()),
        "plain_changed": int((~same & ~has_zw).sum()),
        "other_words": int((~has_zw & ~apart).sum()),
        "other_changed": int((~same & ~has_zw & ~apart).sum()),
        "tp": int(((gold == 1) & (out == 1)).sum()),
        "fp": int(((gold != 1) & (out == 1)).sum()),
        "fn": int(((gold == 1) & (out != 1)).sum()),
    }


def _timed(restore: Callable[[str], str], inputs: list[str]) -> tuple[list[str], float]:
    """``restore`` over ``inputs``, and the CPU seconds it took (resources loaded before the clock starts)."""
    if inputs:
        restore(inputs[0])
    t0 = time.process_time()  # CPU time: fairer than wall time on a shared machine
    outputs = [restore(t) for t in inputs]
    return outputs, max(time.process_time() - t0, 1e-9)


def evaluate_zwnj(
    restore: Callable[[str], str], gold_texts: list[str], damage: str | Callable[[str], str] = "deleted"
) -> dict[str, float]:
    """Damage ZWNJ-correct texts, repair them with ``restore`` and score the word boundaries that come out.

    ``restore``'s output is character-normalized (``Normalizer(restore_zwnj=False)``) before comparing, so
    only word boundaries count; a text whose letters the tool changed counts every one of its words as wrong.

    Parameters
    ----------
    restore : callable, str -> str
        The tool under test, e.g. ``toolkit.normalize``.
    gold_texts : list of str
        ZWNJ-correct texts, already character-normalized (``Normalizer(restore_zwnj=False)``).
    damage : str or callable, default "deleted"
        A name of :data:`DAMAGES` (``"deleted"``, ``"spaced"``, ``"typed"``, ``"clean"``), or a function of your own
        (``str -> str``) that removes or moves ZWNJs and spaces, and nothing else.

    Returns
    -------
    dict
        ``restored`` (share of gold words with a ZWNJ that come out exactly right), ``damaged`` (share of gold
        words without a ZWNJ that come out different), ``damaged_other`` (the same, leaving out bound morphemes
        the writer typed apart, ``می شود``, ``کرده اند``, and their hosts: that is the damage being repaired),
        ZWNJ ``precision`` and ``recall``, ``chars_per_s`` of ``restore`` (CPU time), ``misaligned_texts`` and
        the raw counts.

    Examples
    --------
    >>> from toolkit import Normalizer
    >>> gold = ["این کتاب‌ها را خریده‌اند و می‌خوانند."]
    >>> r = evaluate_zwnj(Normalizer().normalize, gold, "deleted")
    >>> r["restored"], r["damaged"]
    (1.0, 0.0)
    """
    char_norm = Normalizer(restore_zwnj=False)
    damage_fn = DAMAGES[damage] if isinstance(damage, str) else damage
    inputs = [damage_fn(t) for t in gold_texts]
    outputs, seconds = _timed(restore, inputs)
    total = dict.fromkeys(_COUNTS, 0)
    misaligned = 0
    for gold, out in zip(gold_texts, outputs, strict=True):
        gold_words = _words(gold)
        g_letters, g_kinds = _boundaries(gold_words)
        o_letters, o_kinds = boundaries(char_norm.normalize(out))
        if o_letters != g_letters:  # the tool changed letters: every word of this text counts as wrong
            misaligned += 1
            o_kinds = np.full_like(g_kinds, 255)
        if len(g_kinds):
            for k, v in _score(g_kinds, o_kinds, _written_apart(gold_words)).items():
                total[k] += v
    return {
        "restored": total["zw_right"] / max(total["zw_words"], 1),
        "damaged": total["plain_changed"] / max(total["plain_words"], 1),
        "damaged_other": total["other_changed"] / max(total["other_words"], 1),
        "precision": total["tp"] / max(total["tp"] + total["fp"], 1),
        "recall": total["tp"] / max(total["tp"] + total["fn"], 1),
        "chars_per_s": sum(map(len, inputs)) / seconds,
        "misaligned_texts": misaligned,
        **total,
    }


# --- keywords --------------------------------------------------------------------------------------


def _tag_key(term: str) -> str:
    """How a keyword and an author's tag are compared: normalized, ZWNJs and runs of spaces as one space."""
    return " ".join(normalize(term).replace(ZWNJ, " ").split())


def _inside(a: str, b: str) -> bool:
    """Are the words of ``a`` a contiguous part of ``b``'s (or the other way round)?"""
    if len(a) > len(b):
        a, b = b, a
    return f" {a} " in f" {b} "


def evaluate_keywords(predicted: list[list[str]], tags: list[list[str]]) -> dict[str, float]:
    """F1 of predicted keywords against reference tags, averaged over articles (articles without tags left out).

    *Exact*: a keyword and a tag match when equal after normalization (ZWNJ and space count as the same).
    *Partial*: when the words of one are a contiguous part of the other («هاشمی» and «هاشمی رفسنجانی»).
    Precision is over the predicted keywords, recall over the tags.

    Parameters
    ----------
    predicted : list of list of str
        The keywords of each article, e.g. from :func:`toolkit.keywords.extract_keywords`.
    tags : list of list of str
        The reference tags of the same articles (an empty list: the article is left out).

    Returns
    -------
    dict
        ``articles`` (how many were scored), ``exact_f1``, ``partial_f1``, ``exact_precision``,
        ``exact_recall``, each rounded to three decimals.

    Examples
    --------
    >>> evaluate_keywords([["داعش", "سوریه", "بغداد"]], [["داعش", "عراق و سوریه"]])
    {'articles': 1, 'exact_f1': 0.4, 'partial_f1': 0.8, 'exact_precision': 0.333, 'exact_recall': 0.5}
    """
    rows = []
    for pred, gold in zip(predicted, tags, strict=True):
        p = [_tag_key(t) for t in pred]
        g = [k for k in (_tag_key(t) for t in gold) if k]
        if not g:
            continue
        row = []
        for match in (str.__eq__, _inside):
            hit_p = sum(any(match(a, b) for b in g) for a in p) / len(p) if p else 0.0
            hit_g = sum(any(match(a, b) for a in p) for b in g) / len(g)
            row += [hit_p, hit_g, 2 * hit_p * hit_g / (hit_p + hit_g) if hit_p + hit_g else 0.0]
        rows.append(row)
    m = np.mean(rows, axis=0) if rows else np.zeros(6)
    return {
        "articles": len(rows),
        "exact_f1": round(float(m[2]), 3),
        "partial_f1": round(float(m[5]), 3),
        "exact_precision": round(float(m[0]), 3),
        "exact_recall": round(float(m[1]), 3),
    }


def _same_name(a: str, b: str) -> bool:
    """Is one keyword key inside the other, words in a row, whether its words are written apart or together
    («تیم» in «تیم فوتبال»; «مهم ترین» in «مهمترین اخبار»)?"""

    def runs(key: str) -> set[str]:
        w = key.split()
        return {"".join(w[i:j]) for i in range(len(w)) for j in range(i + 1, len(w) + 1)}

    return a.replace(" ", "") in runs(b) or b.replace(" ", "") in runs(a)


def evaluate_keyword_lists(predicted: list[list[str]], outlets: list[str | None] | None = None) -> dict[str, float]:
    """What a reader sees wrong in lists of keywords, without reference tags: repeats and the outlet's own name.

    Parameters
    ----------
    predicted : list of list of str
        The keywords of each article.
    outlets : list of str or None, optional
        The outlet that published each article, any name :func:`toolkit.sources.canonical` knows.

    Returns
    -------
    dict
        ``articles``; ``redundant``: the share of lists that hold a keyword inside another (words in a row,
        after :func:`evaluate_keywords`'s normalization: «تیم» and «تیم فوتبال»), its words written apart or
        together («مهم‌ترین» and «مهمترین اخبار»); ``self_named``: the share that hold a name of the article's own outlet
        («خبرگزاری فارس» in a Fars article: a keyword the registry resolves to it, or in which it finds it),
        0 without ``outlets``. Rounded to three decimals.

    Examples
    --------
    >>> evaluate_keyword_lists([["تیم", "تیم فوتبال"], ["داعش", "خبرگزاری فارس"]], ["Fars", "Fars"])
    {'articles': 2, 'redundant': 0.5, 'self_named': 0.5}
    """
    from toolkit import sources

    outlets = outlets if outlets is not None else [None] * len(predicted)
    redundant = named = 0
    for pred, outlet in zip(predicted, outlets, strict=True):
        keys = [_tag_key(t) for t in pred]
        redundant += any(_same_name(a, b) for i, a in enumerate(keys) for b in keys[:i])
        own = sources.canonical(outlet) if outlet else None
        named += own is not None and any(
            sources.canonical(t) == own or any(m.name == own for m in sources.find_outlets(t)) for t in pred
        )
    n = max(len(predicted), 1)
    return {"articles": len(predicted), "redundant": round(redundant / n, 3), "self_named": round(named / n, 3)}


# --- topics ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """Scores of a topic model on labelled articles (see :func:`evaluate_topics`).

    Parameters
    ----------
    per_class : pandas.DataFrame
        One row per topic: ``topic, precision, recall, f1, support``.
    confusion : pandas.DataFrame
        Counts; rows are the true topics, columns the predicted ones.
    macro_f1 : float
        Mean F1 over the topics the articles have (a topic only predicted still costs recall elsewhere).
    accuracy : float
        Share of articles whose predicted topic is the true one.
    predictions : pandas.Series
        The predicted topic of each article, with the index of the evaluated DataFrame.

    Examples
    --------
    >>> ev = Evaluation(pd.DataFrame(), pd.DataFrame(), 0.5, 0.75, pd.Series(["sport", "ورزش"]))
    >>> ev.summary()
    {'articles': 2, 'accuracy': 0.75, 'macro_f1': 0.5}
    """

    per_class: pd.DataFrame
    confusion: pd.DataFrame
    macro_f1: float
    accuracy: float
    predictions: pd.Series

    def summary(self) -> dict:
        """``{"articles", "accuracy", "macro_f1"}``: the headline numbers.

        Returns
        -------
        dict
        """
        return {"articles": len(self.predictions), "accuracy": self.accuracy, "macro_f1": self.macro_f1}


def outlet_key(name: str | None) -> str:
    """The key by which two outlet names are the same outlet, for scoring attribution against labels.

    Parameters
    ----------
    name : str or None
        An outlet's name as labelled or predicted, in any script, with or without descriptors.

    Returns
    -------
    str
        The registry's canonical name for a known outlet; for an unknown one, the letters of its name
        without descriptors (:func:`toolkit.sources.resolve`), lower case; ``""`` for no outlet.

    Examples
    --------
    >>> outlet_key("شبکه «المیادین»") == outlet_key("Al Mayadeen"), outlet_key("روزنامه فلان‌تایمز")
    (True, 'فلانتایمز')
    >>> outlet_key(None), outlet_key("")
    ('', '')
    """
    if not name:
        return ""
    found = resolve(name)
    if found.known:
        return found.name
    return "".join(_LETTERS_ONLY.findall(found.name.replace(ZWNJ, ""))).lower()


_LETTERS_ONLY = re.compile(r"[^\W_]+")


def evaluate_topics(model, df: pd.DataFrame) -> Evaluation:
    """Score a topic model on labelled articles: per-topic precision, recall and F1, macro-F1, accuracy, confusion.

    Parameters
    ----------
    model : object with ``predict``
        Takes ``df`` and returns one topic per row, e.g. :class:`toolkit.topics.TopicClassifier`.
    df : pandas.DataFrame
        Non-empty, with ``title``, ``text`` and ``topic`` columns, as :func:`toolkit.datasets.load_topics`
        gives.

    Returns
    -------
    Evaluation

    Examples
    --------
    >>> class Always:
    ...     def predict(self, X):
    ...         return ["sport"] * len(X)
    >>> df = pd.DataFrame({"title": ["", ""], "text": ["فوتبال", "بورس"], "topic": ["sport", "economy"]})
    >>> ev = evaluate_topics(Always(), df)
    >>> ev.accuracy, ev.per_class.topic.tolist()
    (0.5, ['economy', 'sport'])
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    if "topic" not in df or len(df) == 0:
        raise ValueError("evaluate needs a non-empty DataFrame with a topic column (see datasets.load_topics)")
    truth = df["topic"].astype(str).to_numpy()
    pred = np.asarray(model.predict(df), dtype=object)
    present = topic_order([*truth, *pred])
    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=present, zero_division=0)
    per_class = pd.DataFrame({"topic": present, "precision": p, "recall": r, "f1": f, "support": s})
    true_topics = set(truth)
    rows = [t for t in present if t in true_topics]
    cm = confusion_matrix(truth, pred, labels=present)
    confusion = pd.DataFrame(cm, index=pd.Index(present, name="true"), columns=pd.Index(present, name="predicted"))
    return Evaluation(
        per_class=per_class,
        confusion=confusion.loc[rows],
        macro_f1=float(per_class.set_index("topic").loc[rows, "f1"].mean()),
        accuracy=float((truth == pred).mean()),
        predictions=pd.Series(pred, index=df.index, name="predicted"),
    )
