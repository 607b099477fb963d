import numpy as np
import pandas as pd
import pytest

from toolkit import Normalizer, normalize
from toolkit.chars import ZWNJ
from toolkit.normalization import changes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   \n ", ""),
        ("علي كتاب", "علی کتاب"),  # Arabic yeh and kaf
        ("ﻻ ﷲ", "لا الله"),  # presentation forms decomposed
        ("خانۀ ما", "خانهٔ ما"),  # ۀ written as heh + hamza above
        ("صرفاً", "صرفاً"),  # tanvin kept by default
        ("کشیـــده", "کشیده"),  # tatweel removed
        ("٤٠٠ و 500", "۴۰۰ و ۵۰۰"),  # digits unified to Persian
        ("COVID-19 و G20", "COVID-19 و G20"),  # but not inside Latin tokens
        ("سلام  دنیا\t!", "سلام دنیا!"),
        ("الف\n\n\n\nب", "الف\n\nب"),
        ("سلام ، دنیا", "سلام، دنیا"),
        ("چرا?", "چرا؟"),
        ("« سلام »", "«سلام»"),
        ("مسافت۹کیلومتر", "مسافت ۹ کیلومتر"),
        ("متن\u202bجهت\u202c", "متنجهت"),  # bidi controls removed
        ("کتاب\u200eها", "کتاب\u200cها"),  # an LRM between letters stands for a ZWNJ
        ("کتاب\u200c\u200c\u200cها", "کتاب\u200cها"),  # runs of ZWNJ become one
        ("\u200cکتاب\u200c", "کتاب"),  # a ZWNJ not between letters goes
        ("می\u200dروم", "میروم"),  # a ZWJ between letters goes (ZWNJ restoration, off here, puts a ZWNJ)
        ("خانواده 👨\u200d👩\u200d👧", "خانواده 👨\u200d👩\u200d👧"),  # a ZWJ inside an emoji stays
        ("🏳\ufe0f\u200d🌈 🏃🏽\u200d♀\ufe0f", "🏳\ufe0f\u200d🌈 🏃🏽\u200d♀\ufe0f"),  # after a selector, a skin tone
        ("😀\u200d متن", "😀 متن"),  # but not one before a space
        ("Hello, world; 3.5?", "Hello, world; ۳.۵?"),  # Latin punctuation stays in Latin context
    ],
)
def test_conventions(raw, expected):
    assert Normalizer(restore_zwnj=False).normalize(raw) == expected


def test_options():
    assert Normalizer(digits="latin").normalize("۴۰۰ الی ٥٠٠") == "400 الی 500"
    assert Normalizer(digits=None).normalize("٥ 5 ۵") == "٥ 5 ۵"
    assert Normalizer(remove_diacritics=True).normalize("صرفاً مُحمّد") == "صرفا محمد"
    assert Normalizer(remove_tatweel=False).normalize("کشیـده") == "کشیـده"
    assert Normalizer(persian_letters=False).normalize("علي") == "علي"
    assert Normalizer(restore_zwnj=False).normalize("کردهاند") == "کردهاند"
    with pytest.raises(ValueError, match="digits"):
        Normalizer(digits="roman")


def test_series_keeps_missing_values():
    s = pd.Series(["كتاب", None, np.nan, ""], index=[3, 5, 7, 9])
    out = normalize(s)
    assert out.index.tolist() == [3, 5, 7, 9]
    assert out[3] == "کتاب" and out[9] == ""
    assert out.isna().tolist() == [False, True, True, False]


def test_type_errors_are_clear():
    with pytest.raises(TypeError, match="takes a str or a pandas Series, not NoneType"):
        normalize(None)
    with pytest.raises(TypeError, match="not int"):
        Normalizer().normalize_with_offsets(3)


def test_offsets_point_back_to_raw():
    raw = "  رئيسجمهور   سوريه گفت: 400 نفر"
    norm, off = Normalizer().normalize_with_offsets(raw)
    assert norm == "رئیس‌جمهور سوریه گفت: ۴۰۰ نفر"
    assert len(off) == len(norm)
    for word, raw_word in [("رئیس‌جمهور", "رئيسجمهور"), ("سوریه", "سوريه"), ("۴۰۰", "400")]:
        i = norm.index(word)
        a, b = off.raw_span(i, i + len(word))
        assert raw[a:b] == raw_word
    zw = norm.index(ZWNJ)
    assert off[zw][0] == off[zw][1]  # the restored ZWNJ is an insertion
    assert off.raw_span(0, 0) == (2, 2)
    with pytest.raises(IndexError):
        off.raw_span(3, len(norm) + 1)


def test_offsets_of_empty_text():
    norm, off = Normalizer().normalize_with_offsets("  \n ")
    assert norm == "" and len(off) == 0 and off.raw_span(0, 0) == (4, 4)


def test_changes_lists_changed_words_with_raw_spans():
    raw = "او در گفتوگو با شبكه رووداو گفت"
    df = changes(raw)
    assert df[["raw", "normalized"]].values.tolist() == [["گفتوگو", "گفت‌وگو"], ["شبكه", "شبکه"]]
    assert all(raw[s:e] == r for r, s, e in zip(df.raw, df.start, df.end, strict=True))


def test_linear_time_on_pathological_input():
    import time

    n = Normalizer()
    for text in ("\u200c" * 200_000, " " * 200_000, "ـ" * 200_000, "ه" * 200_000, "\u200e" * 200_000):
        t0 = time.process_time()
        n.normalize(text)
        assert time.process_time() - t0 < 2
