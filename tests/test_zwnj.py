import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import normalize
from toolkit.chars import ZWNJ
from toolkit.datasets import load_seeds
from toolkit.zwnj import _SPLIT, ZwnjRestorer, _split

#: The seed's 17 words that lost their ZWNJ, as they must come back.
SEED_WORDS = [
    "کرده‌اند", "تروریست‌های", "رئیس‌جمهور", "گفت‌وگو", "سازمان‌های", "داده‌اند", "تروریست‌ها",
    "عملیات‌های", "تروریست‌ها", "جنگنده‌ها", "آماده‌باش", "گفت‌وگو", "تروریست‌های", "می‌گیرد",
    "هفته‌های", "شده‌اند", "می‌افتد",
]  # fmt: skip


@pytest.fixture(scope="module")
def seed():
    return load_seeds().text[0]


def test_seed_loses_every_zwnj(seed):
    assert ZWNJ not in seed


def test_seed_17_words_restored_in_order(seed):
    out = normalize(seed)
    restored = [w for w in out.split() if ZWNJ in w]
    assert [w.strip(".،") for w in restored] == SEED_WORDS


def test_seed_keeps_what_hazm_breaks(seed):
    out = normalize(seed)
    assert "تحولات میدانی" in out  # the adjective, not می‌دانی
    assert "انجام نشده است" in out  # two words, not انجام‌نشده
    assert "داده است" in out and "شده است" in out


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("کرده اند", "کرده‌اند"),
        ("می شود", "می‌شود"),
        ("کتاب ها", "کتاب‌ها"),
        ("کار ها", "کارها"),  # after a non-joining letter the suffix attaches directly
        ("گفتوگو", "گفت‌وگو"),
        ("ابراهیمیپور", "ابراهیمی‌پور"),  # two frequent words glued
        ("آقای میلانینیا گفت", "آقای میلانی‌نیا گفت"),  # a known word and a second part of compounds (نیا)
        ("آستروسیتها و دندریتها", "آستروسیت‌ها و دندریت‌ها"),  # plurals of words no list has
        ("تنها اینها", "تنها اینها"),  # words that end in ها are left alone
        ("بنیان گذار های خانه", "بنیان‌گذارهای خانه"),  # a joined word joins the next one
        ("میلیون میز میزان هارمونی", "میلیون میز میزان هارمونی"),  # look-alikes stay
        ("کرده است", "کرده است"),
        ("", ""),
    ],
)
def test_restoration(damaged, expected):
    assert normalize(damaged) == expected


def test_correct_text_is_kept():
    text = "او در گفت‌وگو با خبرنگاران گفت که بین المللی بودن این رویداد مهم است و فیلم‌های زیادی دیده‌ایم."
    # the writer's own choice (a space in «بین المللی») survives in a text that has ZWNJs
    assert normalize(text) == text


def test_rules_never_cut_a_verb():
    """Conjugations of hazm's verbs that no list has stay whole at any damage (گریختم, not گری‌ختم)."""
    from hazm import Conjugation

    from toolkit.zwnj import read_lexicon

    conj, r = Conjugation(), ZwnjRestorer.default()
    forms = set()
    for verb in read_lexicon()["verbs"]:
        past, present = verb.split("#")
        forms |= {*conj.perfective_past(past), *conj.negative_perfective_past(past)}
        if present:
            forms |= {*conj.perfective_present(present), *conj.negative_perfective_present(present)}
            forms |= set(conj.subjunctive_perfective_present(present))
    forms = sorted(f for f in forms if " " not in f and ZWNJ not in f and f not in r.candidates)
    assert len(forms) > 5000
    assert "گریختم" in forms and "نترساند" in forms
    assert [f for f in forms if r.fix_word(f, p_deleted=1.0) != f] == []


def test_never_removes_a_zwnj_or_changes_a_letter():
    r = ZwnjRestorer.default()
    for text in ["حرف‌های او", "فیلمنامه‌نویسان", "می‌شده‌اند", "بر\u200cنخواهد\u200cگشت"]:
        out = r.apply(text)
        assert out.replace(ZWNJ, "").replace(" ", "") == text.replace(ZWNJ, "").replace(" ", "")
        assert out.count(ZWNJ) >= text.count(ZWNJ)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ابهی\u064e\u0651\u200c .۲a\n", max_size=30))
def test_split_finds_the_words_of_the_word_pattern(text):
    # the faster pattern _split uses when no two ZWNJs stand in a row makes the very same words and separators
    assert _split(text) == _SPLIT.split(text)


def test_apply_and_edits_agree():
    r = ZwnjRestorer.default()
    text = "آنها می روند و کتابهای خود را برداشتهاند؛ رئیس جمهور گفت"
    out = text
    for s, e, rep in reversed(r.edits(text)):
        out = out[:s] + rep + out[e:]
    assert out == r.apply(text)
