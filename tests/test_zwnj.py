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


# -- fitting to an outlet's own style (issue 22) -------------------------------------------------------------


@pytest.fixture(scope="module")
def fars_fitted():
    from toolkit import Normalizer
    from toolkit.datasets import load_fars

    fars = load_fars().head(200)
    return Normalizer().fit(fars.title + "\n" + fars.text)


def test_fit_returns_the_normalizer_and_learns_the_house_style():
    from toolkit import Normalizer

    n = Normalizer()
    corpus = ["رئیس‌جمهور گفت که رئیس‌جمهور به تهران می‌آید.", "رئیس‌جمهور آمد و رئیس‌جمهور رفت."]
    assert n.fit(corpus) is n
    assert n.normalize("رئیس جمهور آمد") == "رئیس‌جمهور آمد"
    assert normalize("رئیس جمهور آمد") == "رئیس جمهور آمد"  # unfitted: ISNA's style, as before


def test_fit_keeps_what_the_corpus_writes_apart():
    from toolkit import Normalizer

    assert normalize("برنامه ریزی کرد") == "برنامه‌ریزی کرد"
    assert Normalizer().fit(["برنامه ریزی کرد."] * 5).normalize("برنامه ریزی کرد") == "برنامه ریزی کرد"


def test_fit_does_not_learn_bound_morphemes_written_apart():
    from toolkit import Normalizer
    from toolkit.datasets import load_fars

    # «کتاب ها» written apart is the damage a restorer repairs, not a style: a fit does not keep it
    corpus = [*load_fars().text.head(100), *["کتاب ها را دید."] * 5]
    assert Normalizer().fit(corpus).normalize("کتاب ها را") == "کتاب‌ها را"


def test_fitted_restorer_keeps_the_seeds_17_words(seed, fars_fitted):
    restored = [w.strip(".،") for w in fars_fitted.normalize(seed).split() if ZWNJ in w]
    assert restored == SEED_WORDS
    assert "تحولات میدانی" in fars_fitted.normalize(seed)


def test_fitted_offsets_and_idempotence(seed, fars_fitted):
    from toolkit.evaluation import DAMAGES

    for damage in ("deleted", "spaced", "typed"):
        raw = DAMAGES[damage](fars_fitted.normalize(seed))
        norm, off = fars_fitted.normalize_with_offsets(raw)
        assert norm == fars_fitted.normalize(raw)
        assert fars_fitted.normalize(norm) == norm
        word = norm.split()[3]
        a, b = off.raw_span(norm.index(word), norm.index(word) + len(word))
        assert raw[a:b].replace(" ", "").replace(ZWNJ, "") == word.replace(ZWNJ, "")


def test_forms_persist_as_a_plain_table(tmp_path, fars_fitted):
    from toolkit import Normalizer
    from toolkit.evaluation import DAMAGES

    path = tmp_path / "fars_forms.tsv"
    fars_fitted.save_forms(path)
    loaded = Normalizer(forms=path)
    assert loaded.forms_ == {f: c for f, c in fars_fitted.forms_.items() if c > 0}
    text = DAMAGES["spaced"](fars_fitted.normalize(load_seeds().text[0]))
    assert loaded.normalize(text) == fars_fitted.normalize(text)
    assert Normalizer(forms=fars_fitted.forms_).normalize(text) == fars_fitted.normalize(text)
    assert "forms=<2 forms>" in repr(Normalizer(forms={"رئیس‌جمهور": 3, "رئیس جمهور": 1}))


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("رئیس‌جمهور 12", "separated by one tab"),
        ("رئیس‌جمهور\t12\t3", "separated by one tab"),
        ("رئیس‌جمهور\tmany", "not a whole number"),
        ("رئیس‌جمهور\t-2", "not a whole number"),
        ("hello\t3", "not a written form"),
        ("رئیس  جمهور\t3", "not a written form"),
    ],
)
def test_malformed_forms_file_is_one_clear_error(tmp_path, line, says):
    from toolkit import Normalizer

    path = tmp_path / "forms.tsv"
    path.write_text(f"# a comment\nرئیس‌جمهور\t3\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"forms.tsv, line 4: .*{says}.*Normalizer.save_forms") as e:
        Normalizer(forms=path)
    assert "\n" not in str(e.value)


def test_fit_errors_are_clear():
    from toolkit import Normalizer

    with pytest.raises(ValueError, match="call fit"):
        Normalizer().save_forms("never-written.tsv")
    with pytest.raises(TypeError, match="not one str"):
        Normalizer().fit("رئیس‌جمهور")
    with pytest.raises(TypeError, match="text 1 is a int"):
        Normalizer().fit(["رئیس‌جمهور", 3])
    with pytest.raises(TypeError, match="pandas Series"):
        Normalizer().normalize("رئیس جمهور", adapt=True)


def test_adapt_fits_on_the_series_first():
    import pandas as pd

    from toolkit import Normalizer

    s = pd.Series(["رئیس‌جمهور گفت.", "رئیس‌جمهور آمد.", None, "رئیس‌جمهور ماند.", "رئیس‌جمهور نشست.", "رئیس جمهور رفت."])
    n = Normalizer()
    out = n.normalize(s, adapt=True)
    assert out.iloc[-1] == "رئیس‌جمهور رفت." and out.isna().iloc[2]
    assert n.forms_ is not None
    assert Normalizer().normalize(s).iloc[-1] == "رئیس جمهور رفت."  # without adapt: as before
