import pandas as pd

from toolkit import lemmatize, normalize, sentences, tokenize
from toolkit.tokens import sentence_spans, token_spans, words


def test_zwnj_words_are_one_token():
    assert tokenize("گفت‌وگو با رئیس‌جمهور کرده‌اند") == ["گفت‌وگو", "با", "رئیس‌جمهور", "کرده‌اند"]


def test_numbers_latin_and_punctuation():
    assert tokenize("۴۰۰ الی ۵۰۰ نفر (COVID-19)، ۳.۵٪!") == [
        "۴۰۰", "الی", "۵۰۰", "نفر", "(", "COVID-19", ")", "،", "۳.۵", "٪", "!",
    ]  # fmt: skip


def test_spans_slice_the_text():
    text = normalize("او در گفتوگو با شبكه رووداو گفت: ۴۰۰ نفر.")
    for tok, s, e, _ in token_spans(text):
        assert text[s:e] == tok
    for s, e in sentence_spans(text):
        assert text[s:e].strip() == text[s:e]


def test_sentences():
    assert sentences("او گفت. سپس رفت!\nآیا آمد؟ ۳.۵ درصد") == ["او گفت.", "سپس رفت!", "آیا آمد؟", "۳.۵ درصد"]
    assert sentences("") == []


def test_series_in_series_out():
    s = pd.Series(["یک دو", None])
    out = tokenize(s)
    assert out[0] == ["یک", "دو"] and out.isna()[1]


def test_words_and_lemmas():
    assert words("در ۱۴۰۲، ایران و G20.") == ["در", "ایران", "و", "G20"]
    assert lemmatize("کتاب‌ها") == "کتاب"
    assert lemmatize("") == ""
