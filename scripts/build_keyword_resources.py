"""Build the resources of :mod:`toolkit.keywords` from hazm's word lists and the TRAIN split.

    python scripts/build_keyword_resources.py

Writes four files into ``toolkit/resources/`` (deterministic: sorted rows, gzip without a timestamp).

``keyword_lexicon.tsv.gz`` — rows ``kind <TAB> text <TAB> value``:

* ``stop``: hazm's ``stopwords.dat`` (MIT license), normalized with :func:`toolkit.normalize`, plus the short
  list ``EXTRA_STOPWORDS`` below (reporting words of news prose: «اظهار», «خاطرنشان», «تصریح», …), and for
  English words in Persian text scikit-learn's ``ENGLISH_STOP_WORDS`` (BSD-3-Clause; from the Glasgow
  Information Retrieval Group) without ``ENGLISH_CONTENT``, its words that are news topics (a bill, a fire).
* ``filler``: ``TIME_WORDS`` and ``NEWS_FILLER`` below (days, months, «امشب», «ساعت», «روز»; «راهی»,
  «خبرنگار», «جزئیات», «نفر», «درصد»), normalized: words that are never a keyword alone in news prose,
  though a longer term may hold one («روز جهانی قدس», «نماز جمعه»).
* ``verb`` / ``light``: every one-token conjugation (hazm's ``Conjugation``) of every verb in hazm's
  ``verbs.dat``, with its infinitive; ``light`` for the light verbs of ``LIGHT_VERBS``. Forms that hazm's
  ``words.dat`` also tags as a noun or adjective (نشست، ساخت، شکست، خرید) are left out unless the verb is
  light: they are keywords far more often than verbs. A stem with «ی», the bare second person singular
  (گیری، رسانی، گذاری، فرهنگی), is left out for every verb: news prose hardly uses it, and it is the end of
  the nouns and adjectives «تصمیم گیری», «اطلاع رسانی», «سرمایه گذاری», «میراث فرهنگی».
* ``predicate``: light-verb constructions learned from the TRAIN articles: a word before a light verb
  (``اجازه`` + ``داده‌اند``), or up to two words and «قرار» (``هدف قرار`` + ``دهند``, ``مورد حمله قرار`` +
  ``گرفت``), kept when it is followed by that light verb at least ``MIN_PREDICATE`` times and in at least
  ``PREDICATE_SHARE`` of its first word's occurrences — so «به تهران رفت» never becomes a predicate
  «تهران رفتن» (twice as often for a longer one, and never with «قرار داشتن», whose words before are
  places: «در فیلیپین قرار داشت»). The value is the count.
* ``binomial``: two content words joined by «و» that make one name (``آموزش و پرورش``, ``سیستان و
  بلوچستان``, ``حمل و نقل``), learned from the TRAIN articles (:func:`binomials`): one word of
  :func:`toolkit.keywords.terms`. The value is the count.

``keyword_background.tsv.gz`` — the Persian background: a first line ``#docs <TAB> N <TAB> tokens <TAB> T``,
then ``term <TAB> document frequency <TAB> count`` for every term of :func:`toolkit.keywords.terms` (up to
three words) seen in at least two articles of the TRAIN split of the ISNA and Fars corpora. The
test splits are never read: ``benchmarks/keywords.py`` scores keywords on Fars test articles.

``keyword_tags.tsv.gz`` — how Fars authors tag: a first line ``#articles <TAB> N``, then ``term <TAB> c <TAB> t``:
the term (ZWNJ written as a space) was a candidate of :func:`toolkit.keywords.extract_keywords` in ``c`` of
the Fars TRAIN articles that have tags, and one of the authors' tags in ``t`` of them (Frank et al.'s
"keyphraseness", KEA, 1999); terms with ``t ≥ 1`` or ``c ≥ 2`` only.

``keyword_ranker.json`` — the weights of :func:`toolkit.keywords.extract_keywords`'s linear ranker: a
logistic regression (scikit-learn) of "this candidate is one of the author's tags" on the candidate's
:data:`toolkit.keywords.FEATURES`, over the Fars TRAIN articles that have tags (``load_fars()["tags"]``).
Each article's own counts are taken out of the background and of the tag table while its features are
computed, so the ranker learns from features as they are for an article neither ever saw.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit import datasets, evaluation, keywords
from toolkit.normalization import normalize

ROOT = Path(__file__).resolve().parents[1]

RESOURCES = ROOT / "toolkit" / "resources"

#: Light verbs (past#present stems) that make complex predicates with a preceding noun or adjective.
LIGHT_VERBS = [
    "کرد#کن", "شد#شو", "داد#ده", "گرفت#گیر", "زد#زن", "داشت#دار", "نمود#نما", "گردید#گرد", "ساخت#ساز",
    "یافت#یاب", "کشید#کش", "آورد#آور", "خورد#خور", "گذاشت#گذار", "بخشید#بخش", "ورزید#ورز", "رساند#رسان",
    "رسید#رس", "آمد#آ", "افتاد#افت", "دید#بین", "رفت#رو", "خواند#خوان",
]  # fmt: skip
#: Words of news prose that say "he said" and are never what an article is about.
EXTRA_STOPWORDS = [
    "اظهار", "تصریح", "خاطرنشان", "یادآور", "یادآوری", "عنوان", "بیان", "اشاره", "افزود", "ادامه", "گزارش",
    "همچنین", "اینکه", "وی", "ایشان", "هستیم", "بودند", "باشند", "خواهد", "خواهند", "نخواهد", "گفته",
]  # fmt: skip
#: Time and date words: they say when, not what (Ramadan and Muharram, which are subjects, are not here).
TIME_WORDS = [
    "شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه",
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "جولای", "اوت", "آگوست", "سپتامبر", "اکتبر",
    "نوامبر", "دسامبر", "امروز", "دیروز", "فردا", "امشب", "دیشب", "پریروز", "پس‌فردا", "امسال", "پارسال",
    "سال", "سال‌های", "سال‌ها", "ماه", "ماه‌های", "ماه‌ها", "هفته", "هفته‌های", "روز", "روزها", "روزهای",
    "شب", "شب‌ها", "شب‌های", "ساعت", "ساعات", "دقیقه", "ثانیه", "صبح", "ظهر", "عصر", "بامداد", "غروب",
    "شامگاه", "صبحگاه", "بعدازظهر", "قرن", "دهه", "لحظه", "زمان", "اکنون", "هم‌اکنون", "تاکنون", "اخیر",
    "اخیرا", "جاری", "گذشته", "آینده", "قبل", "بعد", "پیش", "سالانه", "روزانه", "هفتگی", "ماهانه",
]  # fmt: skip
#: News filler: a byline («خبرنگار»), «he said» and «the details», counts and units, headline words of
#: photo and video items.
NEWS_FILLER = [
    "خبرنگار", "خبرنگاران", "خبرگزاری", "گفت", "خبر", "اعلام", "نقل", "منبع", "مطلب", "راهی", "خصوص",
    "زمینه", "مورد", "موارد", "راستا", "حال", "اساس", "نفر", "هزار", "میلیون", "میلیارد", "درصد", "عکس",
    "تصاویر", "ویدئو", "ویدیو", "ماجرای", "جزئیات", "چطور", "چقدر", "انتهای", "پیام",
]  # fmt: skip
#: Conjugated forms that are far more often another word: روی (on), روند (trend), شدید (severe),
#: بینی (nose), نزد (at), بخشی (a part), بدهی (debt), دهم (tenth), نماد (symbol), زنی (a woman), زیست (life), …
NOT_VERBS = {
    "رود", "روم", "روی", "روند", "بینی", "شدید", "دهم", "رسم", "نماد", "نزد", "بخشی", "سازی", "زنی", "گردی",
    "بدهی", "شوم", "آند", "کردی", "ساختی", "نمام", "بنمای", "ننمای", "نگذاری", "نداری", "زیست",
}  # fmt: skip
#: Words of scikit-learn's English stop list (which its documentation says has known issues) that can be what
#: an English passage is about: a bill, a fire, the UN, a system, interest rates, a show.
ENGLISH_CONTENT = {
    "bill", "fire", "system", "interest", "mill", "un", "de", "co", "inc", "ltd", "amount", "bottom", "top",
    "front", "side", "part", "name", "detail", "empty", "cry", "fill", "move", "show", "call", "serious",
    "sincere", "thick", "thin", "con",
}  # fmt: skip
MIN_PREDICATE = 3
RANKER_C = 1.0
PREDICATE_SHARE = 0.05
MIN_BINOMIAL = 5
BINOMIAL_SHARE = 0.3


def hazm_data() -> Path:
    import hazm

    return Path(hazm.__file__).parent / "data"


def stopwords() -> list[str]:
    raw = (hazm_data() / "stopwords.dat").read_text(encoding="utf-8").split("\n")
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = {normalize(w.strip()) for w in raw + EXTRA_STOPWORDS if w.strip() and "_" not in w}
    return sorted({w for w in words if w} | (ENGLISH_STOP_WORDS - ENGLISH_CONTENT))


def fillers() -> list[str]:
    return sorted({normalize(w) for w in TIME_WORDS + NEWS_FILLER} - {""})


def verb_forms() -> list[tuple[str, str, int]]:
    from hazm.lemmatizer import Conjugation

    conj = Conjugation()
    nouns = set()
    for line in (hazm_data() / "words.dat").read_text(encoding="utf-8").splitlines():
        word, _, pos = line.split("\t")
        if {"N", "AJ"} & set(pos.split(",")):
            nouns.add(word)
    verbs = [v for v in (hazm_data() / "verbs.dat").read_text(encoding="utf-8").split() if "#" in v and v[0] != "#"]
    light = set(LIGHT_VERBS)
    assert light <= set(verbs) | light, "every light verb is a hazm verb"
    rows: dict[str, tuple[str, int]] = {}
    for verb in sorted(set(verbs) | light, key=lambda v: (v not in light, v)):  # light verbs win a shared form
        infinitive = verb.split("#")[0] + "ن"
        is_light = verb in light
        second = {stem + "ی" for stem in verb.split("#") if stem}  # «گیری», «رسانی», «فرهنگی»: nouns in news
        for form in conj.get_all(verb):
            if " " in form or form in rows or form in NOT_VERBS or form in second or (not is_light and form in nouns):
                continue
            rows[normalize(form)] = (infinitive, int(is_light))
    return sorted((f, inf, lt) for f, (inf, lt) in rows.items())


def lexicon_rows() -> list[str]:
    """The lexicon's ``stop``, ``verb`` and ``light`` rows (the ``predicate`` rows are learned from the articles)."""
    rows = [f"stop\t{w}\t" for w in stopwords()] + [f"filler\t{w}\t" for w in fillers()]
    return rows + [f"{'light' if lt else 'verb'}\t{f}\t{inf}" for f, inf, lt in verb_forms()]


def _write_gz(path: Path, lines: list[str]) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    path.write_bytes(buf.getvalue())


def tagged_rows(fars_train: pd.DataFrame) -> list[int]:
    return [i for i, t in enumerate(fars_train["tags"]) if len(t)]


def train_texts() -> tuple[list[str], list[int]]:
    """Normalized ``title + newline + text`` of every TRAIN article of ISNA then Fars, and the positions of
    the Fars articles that have tags."""
    texts = []
    for name in ("isna", "fars"):
        train = getattr(datasets, f"load_{name}")("train")
        if name == "fars":
            tagged = [len(texts) + i for i in tagged_rows(train)]
        texts += (train["title"].fillna("") + "\n" + train["text"].fillna("")).tolist()
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(normalize, texts, chunksize=64)), tagged


def predicates(texts: list[str]) -> list[tuple[str, int]]:
    """Words before a light verb (up to three with «قرار»), kept when frequent and typical of their first word."""
    light = keywords._lexicon().light
    runs: collections.Counter = collections.Counter()
    first: collections.Counter = collections.Counter()
    for text in texts:
        units = keywords._units(text, fold=False)
        for i, (tok, kind) in enumerate(units):
            if kind in "ws":
                first[tok] += 1
            if tok not in light:
                continue
            j = keywords._skip_auxiliary(units, i)
            words: list[str] = []
            while j >= 0 and units[j][1] in "ws" and len(words) < 3:
                words.insert(0, units[j][0])
                runs[(*words, light[tok])] += 1
                if words[-1] != keywords.EXTENDABLE:
                    break
                j -= 1
    out = []
    for key, n in runs.items():
        if len(key) > 2 and (key[-1] == "داشتن" or n < 2 * MIN_PREDICATE):  # «در فیلیپین قرار داشت»: a place
            continue
        if n >= MIN_PREDICATE and n >= PREDICATE_SHARE * first[key[0]]:
            out.append((" ".join(key), n))
    return sorted(out)


def binomials(texts: list[str]) -> list[tuple[str, int]]:
    """Two content words joined by «و» that make one name («آموزش و پرورش», «سیستان و بلوچستان»): kept when
    seen at least ``MIN_BINOMIAL`` times and in at least ``BINOMIAL_SHARE`` of the occurrences of its rarer
    word (so never «ایران و آمریکا»)."""
    pairs: collections.Counter = collections.Counter()
    words: collections.Counter = collections.Counter()
    for text in texts:
        units = keywords._units(text)
        for i, (tok, kind) in enumerate(units):
            if kind == "w" and not tok.isascii():
                words[tok] += 1
                if i > 1 and units[i - 1][0] == "و" and units[i - 2][1] == "w" and not units[i - 2][0].isascii():
                    pairs[(units[i - 2][0], tok)] += 1
    out = []
    for (a, b), n in pairs.items():
        if n >= MIN_BINOMIAL and n >= BINOMIAL_SHARE * min(words[a], words[b]):
            out.append((f"{a} و {b}", n))
    return sorted(out)


def background(texts: list[str]) -> tuple[list[str], int, int]:
    df: collections.Counter = collections.Counter()
    count: collections.Counter = collections.Counter()
    tokens = 0
    for text in texts:
        ts = keywords.terms(text, max_words=3, normalize=False)
        count.update(ts)
        df.update(set(ts))
        tokens += len(keywords.terms(text, normalize=False))
    rows = [f"{t}\t{df[t]}\t{count[t]}" for t in sorted(df) if df[t] >= 2]
    return rows, len(texts), tokens


OUTLET = "Fars"  # who published the tagged articles: the ranker learns on candidates without its names
MIN_TAG_ROW = 2  # a term never tagged is kept in the tag table when it was a candidate of this many articles


def tag_table(
    texts: list[str], tags: list[list[str]], own: list[bool] | None = None, outlet: str | None = OUTLET
) -> keywords._Tagged:
    """The tag table of ``keyword_tags.tsv.gz`` from tagged articles (``own[i]``: article ``i`` is in the
    background, all by default; ``outlet`` published them)."""
    empty = keywords._Tagged(0, {})
    c: collections.Counter = collections.Counter()
    t: collections.Counter = collections.Counter()
    for i, (text, gold) in enumerate(zip(texts, tags, strict=True)):
        names, _ = keywords._candidates(text, own=True if own is None else own[i], outlet=outlet, tagged=empty)
        keys = {n.replace("\u200c", " ") for n in names}
        c.update(keys)
        t.update(keys & {evaluation._tag_key(g) for g in gold})
    counts = {k: (n, t[k]) for k, n in c.items() if t[k] or n >= MIN_TAG_ROW}
    return keywords._Tagged(len(texts), counts)


def fit_ranker(
    texts: list[str],
    tags: list[list[str]],
    own: list[bool] | None = None,
    tagged: keywords._Tagged | None = None,
    outlet: str | None = OUTLET,
) -> dict:
    """Fit the keyword ranker on tagged articles. ``own[i]`` says article ``i`` is in the background (a TRAIN
    article; all of them by default): its own counts are then taken out while its features are computed.
    ``tagged`` is the tag table the articles make (:func:`tag_table`, built here if not given); each article's
    own row counts are taken out of it too. ``outlet`` published them: its names are no candidates."""
    from sklearn.linear_model import LogisticRegression

    tagged = tagged or tag_table(texts, tags, own, outlet)
    xs, ys = [], []
    for i, (text, gold) in enumerate(zip(texts, tags, strict=True)):
        wanted = frozenset(evaluation._tag_key(t) for t in gold)
        names, x = keywords._candidates(
            text, own=True if own is None else own[i], outlet=outlet, own_tags=wanted, tagged=tagged
        )
        xs.append(x)
        ys += [evaluation._tag_key(n) in wanted for n in names]
    x, y = np.vstack(xs), np.array(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=RANKER_C, max_iter=3000).fit((x - mean) / scale, y)
    return {
        "about": "toolkit.keywords ranker: a logistic regression on FEATURES (scripts/build_keyword_resources.py)",
        "trained_on": f"{len(texts)} tagged Fars TRAIN articles, {len(y)} candidates, {int(y.sum())} matching a tag",
        "features": keywords.FEATURES,
        "mean": [round(v, 6) for v in mean.tolist()],
        "scale": [round(v, 6) for v in scale.tolist()],
        "coef": [round(v, 6) for v in model.coef_[0].tolist()],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.parse_args(argv)
    lexicon = lexicon_rows()
    texts, tagged = train_texts()
    # predicates are learned with the new stopwords and verbs; the background is counted with all three
    _write_gz(RESOURCES / "keyword_lexicon.tsv.gz", sorted(lexicon))
    keywords._reset_resources()
    preds = predicates(texts)
    lexicon += [f"predicate\t{p}\t{n}" for p, n in preds]
    _write_gz(RESOURCES / "keyword_lexicon.tsv.gz", sorted(lexicon))
    keywords._reset_resources()
    pairs = binomials(texts)
    _write_gz(RESOURCES / "keyword_lexicon.tsv.gz", sorted(lexicon + [f"binomial\t{p}\t{n}" for p, n in pairs]))
    keywords._reset_resources()
    rows, n_docs, n_tokens = background(texts)
    _write_gz(RESOURCES / "keyword_background.tsv.gz", [f"#docs\t{n_docs}\ttokens\t{n_tokens}", *rows])
    keywords._reset_resources()
    fars = datasets.load_fars("train")
    fars_texts, fars_tags = [texts[i] for i in tagged], [list(fars["tags"][j]) for j in tagged_rows(fars)]
    table = tag_table(fars_texts, fars_tags)
    rows_tags = [f"{k}\t{c}\t{t}" for k, (c, t) in sorted(table.counts.items())]
    _write_gz(RESOURCES / "keyword_tags.tsv.gz", [f"#articles\t{table.n_articles}", *rows_tags])
    keywords._reset_resources()
    ranker = fit_ranker(fars_texts, fars_tags, tagged=table)
    (RESOURCES / "keyword_ranker.json").write_text(json.dumps(ranker, ensure_ascii=False, indent=1) + "\n")
    keywords._reset_resources()
    print(
        f"{len(lexicon) - len(preds)} stopwords and verb forms, {len(preds)} predicates, {len(pairs)} binomials, "
        f"{len(rows)} terms from {n_docs} articles"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
