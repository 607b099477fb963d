"""toolkit.keywords: terms, extract_keywords, keyness, kwic; and the keyness/KWIC figures."""

import json
from importlib import resources

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import datasets, keywords, plots, sources

SEED = datasets.load_seeds().text[0]


@pytest.fixture(scope="module")
def seed_keywords():
    return [t for t, _ in keywords.extract_keywords(SEED)]


@pytest.fixture(scope="module")
def two_outlets():
    isna = datasets.load_isna("test").head(60)
    fars = datasets.load_fars("test").head(60)
    df = pd.concat([isna, fars], ignore_index=True)
    df["normalized"] = toolkit.normalize(df["text"])
    return df


# --- terms and light verbs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("طرفین اجازه داده‌اند", ["طرفین", "اجازه دادن"]),
        ("مواضع را هدف قرار دهند", ["مواضع", "هدف قرار دادن"]),
        ("کتاب را روی میز قرار داد", ["کتاب", "میز", "قرار دادن"]),
        ("عراق و سوریه توافق کردهاند", ["عراق", "سوریه", "توافق کردن"]),  # lost ZWNJ restored first
        ("او اعلام خواهد کرد", ["اعلام کردن"]),  # future auxiliary between noun and light verb
        ("به تهران رفت", ["تهران"]),  # not a predicate «تهران رفتن»
        ("نیروهای کرد در سوریه", ["نیروهای", "سوریه"]),  # کرد (Kurd) is not folded into «نیروهای کردن»
    ],
)
def test_terms_fold_light_verbs(text, expected):
    assert keywords.terms(text) == expected


def test_terms_keep_zwnj_words_whole_and_drop_stopwords_numbers_punctuation():
    assert keywords.terms("در گفت‌وگو با ۴۰۰ نفر، رئیس‌جمهور گفت.") == ["گفت\u200cوگو", "نفر", "رئیس\u200cجمهور"]


def test_english_words_meet_an_english_stop_list():
    # scikit-learn's list, less the words that can be news topics (bill, UN, system)
    assert keywords.terms("The bill of the UN was passed by the Senate and the system failed.") == [
        "bill", "un", "passed", "senate", "system", "failed"
    ]  # fmt: skip


def test_latin_words_are_tokenized_and_left_out_of_keywords():
    # issue 24: this gave رئیس جمهور، قیمت‌ها، جمهور، رئیس، prices
    mixed = "The president said prices rose sharply this year. رئیس جمهور گفت قیمت‌ها امسال بالا رفت."
    kw = [t for t, _ in keywords.extract_keywords(mixed, k=5)]
    assert kw == ["رئیس جمهور", "قیمت\u200cها"]
    assert keywords.extract_keywords("The president of the United States said the talks with Iran go on.") == []
    # a Latin word breaks a Persian phrase: «شرکت Apple ایران» gives no «شرکت ایران»
    assert not any(" " in t for t, _ in keywords.extract_keywords("شرکت Apple ایران. شرکت Apple ایران.", diversity=0))


def test_terms_runs_do_not_cross_punctuation_or_stopwords():
    ts = keywords.terms("بشار اسد، رئیس‌جمهور سوریه و عراق", max_words=3)
    assert "بشار اسد" in ts and "رئیس\u200cجمهور سوریه" in ts
    assert "اسد رئیس\u200cجمهور" not in ts and "سوریه و عراق" not in ts and "سوریه عراق" not in ts


def test_binomials_are_one_word():
    # «آموزش و پرورش», «سیستان و بلوچستان»: learned from the TRAIN articles; «ایران و آمریکا» is two words
    ts = keywords.terms("مدیر آموزش و پرورش سیستان و بلوچستان", max_words=2)
    assert {"آموزش و پرورش", "سیستان و بلوچستان", "مدیر آموزش و پرورش"} <= set(ts)
    assert "پرورش" not in ts and "سیستان" not in ts
    assert keywords.terms("ایران و آمریکا", max_words=3) == ["ایران", "آمریکا"]
    news = "آموزش و پرورش\nمدیرکل آموزش و پرورش گفت مدارس باز است. آموزش و پرورش اعلام کرد مدارس باز است."
    kw = [t for t, _ in keywords.extract_keywords(news, k=4)]
    assert kw[0] == "آموزش و پرورش" and not {"آموزش", "پرورش"} & set(kw)


def test_second_person_verb_forms_do_not_hide_nouns():
    # «رسانی», «فرهنگی» (bare second person singular) and «زیست» end nouns far more often than they are verbs
    ts = keywords.terms("اطلاع رسانی درباره میراث فرهنگی و محیط زیست", max_words=2)
    assert {"اطلاع رسانی", "میراث فرهنگی", "محیط زیست"} <= set(ts)
    assert "اطلاع رساندن" not in ts


def test_ranker_sees_spread_and_title():
    text = "داعش در عراق\nنیروهای عراق به موصل رسیدند. داعش از موصل رفت. نیروهای عراق پیروز شدند."
    names, x = keywords._candidates(text)
    row = {n: dict(zip(keywords.FEATURES, r, strict=True)) for n, r in zip(names, x, strict=True)}
    assert row["داعش"]["in_title"] == 1 and row["موصل"]["in_title"] == 0
    assert row["عراق"]["spread"] > row["موصل"]["spread"] > 0
    assert keywords._candidates("داعش در عراق")[1][0, keywords.FEATURES.index("in_title")] == 0  # no title


def test_terms_normalize_false_reads_text_as_given():
    assert keywords.terms("توافق کردهاند", normalize=False) == ["توافق", "کردهاند"]


@pytest.mark.parametrize("bad", [None, float("nan"), ""])
def test_terms_of_nothing(bad):
    assert keywords.terms(bad) == []


def test_terms_reject_wrong_types_and_options():
    with pytest.raises(TypeError):
        keywords.terms(3)
    with pytest.raises(ValueError, match="max_words"):
        keywords.terms("سلام", max_words=0)


# --- extract_keywords -----------------------------------------------------------------------------


@pytest.mark.parametrize("k", [None, "5", 2.5, True])
def test_k_must_be_a_positive_int(k):
    with pytest.raises(TypeError, match=r"^k must be a positive int, not "):
        keywords.extract_keywords("سوریه و عراق", k=k)


def test_seed_keywords_are_its_subject(seed_keywords):
    assert {"داعش", "سوریه", "عراق"} <= set(seed_keywords[:5])
    assert "بشار اسد" in seed_keywords


def test_seed_keywords_have_no_verbs_and_no_lost_zwnj(seed_keywords):
    # YAKE returns «سوریه توافق کرده‌اند» for this article
    assert not any("کرده" in t or "کردن" in t or "دادن" in t for t in seed_keywords)
    assert all(t == toolkit.normalize(t) for t in seed_keywords)


def test_keywords_are_ranked_probabilities():
    kws = keywords.extract_keywords(SEED, k=5)
    scores = [s for _, s in kws]
    assert len(kws) == 5 and scores == sorted(scores, reverse=True)
    assert all(0 < s < 1 for s in scores)


def test_raw_and_normalized_input_agree():
    assert keywords.extract_keywords(SEED) == keywords.extract_keywords(toolkit.normalize(SEED), normalize=False)


# --- diverse keywords, without boilerplate (issue 24) ----------------------------------------------

PERSEPOLIS = (
    "تیم فوتبال پرسپولیس امشب راهی تبریز شد\n"
    "به گزارش خبرگزاری فارس، تیم فوتبال پرسپولیس امشب ساعت ۲۰ راهی تبریز شد. تیم فوتبال پرسپولیس روز جمعه "
    "در تبریز با تراکتورسازی بازی می‌کند. پرسپولیس در لیگ برتر صدرنشین است و تیم فوتبال تراکتورسازی دوم. "
    "سرمربی پرسپولیس در گفت‌وگو با خبرنگار فارس گفت: تیم ما امشب آماده است. هواداران پرسپولیس و تراکتورسازی "
    "روز جمعه به ورزشگاه می‌روند. خبرگزاری فارس گزارش داد که پرسپولیس امروز تمرین کرد."
)


def _inside(a: str, b: str) -> bool:
    a, b = (" " + " ".join(t.replace("\u200c", " ").split()) + " " for t in (a, b))
    return a in b or b in a


def test_no_keyword_inside_another_unless_asked():
    kw = [t for t, _ in keywords.extract_keywords(PERSEPOLIS)]
    assert "پرسپولیس" in kw
    assert not [(a, b) for i, a in enumerate(kw) for b in kw[:i] if _inside(a, b)], kw
    # diversity=0 ranks by score alone: «پرسپولیس» and «فوتبال پرسپولیس», «تیم فوتبال پرسپولیس» …
    plain = [t for t, _ in keywords.extract_keywords(PERSEPOLIS, diversity=0)]
    assert [(a, b) for i, a in enumerate(plain) for b in plain[:i] if _inside(a, b)]


def test_keywords_stay_best_first_with_diversity():
    scores = [s for _, s in keywords.extract_keywords(PERSEPOLIS, diversity=0.8)]
    assert scores == sorted(scores, reverse=True) and len(scores) == 10


def test_two_spellings_of_one_name_count_once():
    text = "رئیس‌جمهور در سفر. رئیس جمهور گفت. مهم‌ترین سفر و مهمترین سفر رئیس‌جمهور به مشهد و مشهد."
    kw = [t for t, _ in keywords.extract_keywords(text, normalize=False)]
    assert sum(_inside(t, "رئیس جمهور") for t in kw) == 1
    assert not {"مهم\u200cترین", "مهمترین"} <= set(kw)
    assert keywords._overlaps(keywords._spelling("مهم‌ترین"), keywords._spelling("مهمترین"))
    assert keywords._overlaps(keywords._spelling("مهم‌ترین"), keywords._spelling("مهمترین اخبار"))
    assert not keywords._overlaps(keywords._spelling("ایران"), keywords._spelling("ایرانسل"))


def test_diversity_is_between_0_and_1():
    with pytest.raises(ValueError, match="diversity"):
        keywords.extract_keywords(SEED, diversity=1.5)


def test_outlet_dateline_bylines_and_filler_are_not_keywords():
    kw = [t for t, _ in keywords.extract_keywords(PERSEPOLIS, k=15)]
    assert not {"فارس", "خبرگزاری فارس", "خبرگزاری", "خبرنگار", "خبرنگار فارس"} & set(kw)
    assert not {"امشب", "ساعت", "روز", "گفت", "راهی", "جمعه", "امروز", "روز جمعه"} & set(kw)
    assert {"پرسپولیس", "تبریز", "تراکتورسازی"} <= set(kw)


def test_the_outlet_named_without_a_dateline_needs_outlet():
    text = "ایسنا در جشنواره\nایسنا برنده جایزه جشنواره فیلم شد. ایسنا و جشنواره فیلم فجر. ایسنا جایزه گرفت."
    assert "ایسنا" in [t for t, _ in keywords.extract_keywords(text)]  # an article about ISNA
    for name in ("ISNA", "ایسنا", "خبرگزاری دانشجویان ایران"):
        assert "ایسنا" not in [t for t, _ in keywords.extract_keywords(text, outlet=name)]


def test_dateline_openings_and_interviews_are_boilerplate():
    for text, outlet in [
        ("خبرگزاری فارس: باران در شیراز بارید.", "Fars News Agency"),
        ("گروه بین‌الملل خبرگزاری فارس: باران در شیراز بارید.", "Fars News Agency"),
        ("به گزارش خبرنگار اقتصادی خبرگزاری فارس از شیراز، باران بارید.", "Fars News Agency"),
        ("وزیر در گفت‌وگو با خبرنگار ایسنا گفت باران بارید.", "ISNA"),
        ("وزیر به خبرنگار ایسنا گفت باران بارید.", "ISNA"),
    ]:
        norm = toolkit.normalize(text)
        boiler = keywords._boilerplate(norm)
        assert boiler.outlets == {outlet}, text
        left = keywords._masked(norm, boiler.spans)
        assert "فارس" not in left and "ایسنا" not in left and "خبرنگار" not in left and "باران" in left
    # the place of the dateline is kept (Fars authors often tag it), the quoted source's office is not
    norm = toolkit.normalize("به گزارش ایسنا به نقل از روابط عمومی جشنواره فیلم فجر، فیلم‌ها اعلام شد.")
    left = keywords._masked(norm, keywords._boilerplate(norm).spans)
    assert "روابط" not in left and "جشنواره فیلم فجر" in left
    assert keywords._boilerplate(toolkit.normalize("به گزارش فارس از اردبیل، برف آمد.")).places == ("اردبیل",)
    # a province is not the agency
    assert keywords._boilerplate(toolkit.normalize("باران در استان فارس بارید.")) == ([], frozenset(), ())


@pytest.fixture(scope="module")
def test_articles():
    fars = datasets.load_fars("test").head(60)
    ham = datasets.load_hamshahri("test").head(60)
    df = pd.concat([fars, ham], ignore_index=True)
    df["head"] = toolkit.normalize(df["title"] + "\n" + df["text"])
    return df


def test_real_articles_have_no_repeats_and_no_self_names(test_articles):
    from toolkit import evaluation

    heads, outlets = test_articles["head"].tolist(), test_articles["outlet"].tolist()
    plain = [[t for t, _ in keywords.extract_keywords(h, normalize=False)] for h in heads]
    told = [
        [t for t, _ in keywords.extract_keywords(h, outlet=o, normalize=False)]
        for h, o in zip(heads, outlets, strict=True)
    ]
    assert evaluation.evaluate_keyword_lists(told, outlets) == {"articles": 120, "redundant": 0.0, "self_named": 0.0}
    # read from the dateline alone: one Fars item (a podcast) names Fars without one
    assert evaluation.evaluate_keyword_lists(plain, outlets)["redundant"] == 0.0
    assert evaluation.evaluate_keyword_lists(plain, outlets)["self_named"] <= 1 / 120
    old = [[t for t, _ in keywords.extract_keywords(h, diversity=0, normalize=False)] for h in heads]
    assert evaluation.evaluate_keyword_lists(old, outlets)["redundant"] > 0.5


@pytest.mark.parametrize("text", ["", "، . ! ۱۲۳", "و در به از که", "hello"])
def test_keywords_of_little_text(text):
    out = keywords.extract_keywords(text)
    assert isinstance(out, list) and len(out) <= 1


def test_keywords_bad_k():
    with pytest.raises(ValueError, match="k must"):
        keywords.extract_keywords(SEED, k=0)


# --- resources ------------------------------------------------------------------------------------


def test_background_is_from_the_train_split_only():
    bg = keywords._background()
    assert bg.n_docs == len(datasets.load_isna("train")) + len(datasets.load_fars("train"))
    assert bg.df["سوریه"] > 100 and bg.count["سوریه"] >= bg.df["سوریه"]


def test_tag_table_is_from_tagged_train_articles_only():
    fars = datasets.load_fars("train")
    table = keywords._tagged()
    assert table.n_articles == int((fars["tags"].map(len) > 0).sum())
    assert all(t <= c for c, t in table.counts.values())
    assert table.counts["فوتبال"][1] > 5 and "خبرگزاری فارس" not in table.counts  # the outlet is never a candidate


def test_ranker_matches_features():
    data = json.loads(resources.files("toolkit").joinpath("resources", "keyword_ranker.json").read_text("utf-8"))
    assert data["features"] == keywords.FEATURES
    assert len(data["coef"]) == len(data["mean"]) == len(keywords.FEATURES)


def test_lexicon_has_the_issue_light_verb_constructions():
    preds = keywords._lexicon().predicates
    assert {"اجازه دادن", "هدف قرار دادن", "قرار دادن"} <= preds


# --- keyness --------------------------------------------------------------------------------------


def test_keyness_columns_and_order(two_outlets):
    res = keywords.keyness(two_outlets, "outlet", text_column="normalized", normalize=False, k=10, n_boot=50)
    assert list(res.columns) == keywords.KEYNESS_COLUMNS
    assert list(dict.fromkeys(res["group"])) == ["ISNA", "Fars"]
    for _, part in res.groupby("group"):
        assert len(part) == 10 and part["z"].is_monotonic_decreasing
    assert (res["ci_low"] <= res["log_odds"] + 1e-9).all() and (res["log_odds"] <= res["ci_high"] + 1e-9).all()
    # grouped by outlet, what each outlet says of itself is left out (issue 24): not «فارس», «ایسنا», bylines
    assert not {"فارس", "ایسنا", "خبرگزاری", "خبرنگار", "انتهای", "پیام"} & set(res["term"])
    assert not {sources.canonical(t) for t in res["term"]} & {"ISNA", "Fars News Agency"}


def test_keyness_can_keep_what_outlets_say_of_themselves(two_outlets):
    kw = dict(text_column="normalized", normalize=False, k=10, n_boot=10)
    kept = keywords.keyness(two_outlets, "outlet", exclude_outlets=False, **kw)
    assert "فارس" in kept[kept["group"] == "Fars"]["term"].tolist()  # «خبرگزاری فارس» opens Fars articles
    every = keywords.keyness(two_outlets, "outlet", exclude_outlets=False, **{**kw, "k": None})
    every = every.set_index(["group", "term"])
    assert every.loc[("ISNA", "ایسنا"), "z"] > 2 and every.loc[("ISNA", "پیام"), "z"] > 2  # «انتهای پیام»
    # another grouping column keeps them unless asked
    by_category = keywords.keyness(two_outlets, "category", **{**kw, "k": None})
    assert "فارس" in set(by_category["term"])
    dropped = keywords.keyness(two_outlets, "category", exclude_outlets=True, **{**kw, "k": None})
    assert "فارس" not in set(dropped["term"]) and "ایسنا" not in set(dropped["term"])


def test_keyness_excludes_the_outlets_own_names_not_other_outlets():
    df = pd.DataFrame(
        {
            "outlet": ["Fars", "Fars", "ISNA", "ISNA"],
            "text": [
                "به گزارش خبرگزاری فارس از شیراز، بارش باران در شیراز. رویترز نوشت باران آمد.",
                "خبرگزاری فارس: باران در شیراز. در گفت‌وگو با خبرنگار فارس گفت باران بارید.",
                "به گزارش ایسنا، بورس تهران رشد کرد. رویترز نوشت بورس رشد کرد.\nانتهای پیام",
                "بورس تهران در گفت‌وگو با ایسنا رشد کرد.\nانتهای پیام",
            ],
        }
    )
    res = keywords.keyness(df, min_count=1, k=None, n_boot=5)
    assert not {"فارس", "خبرگزاری", "خبرنگار", "ایسنا", "انتهای", "پیام"} & set(res["term"])
    assert {"شیراز", "باران", "بورس", "رویترز"} <= set(res["term"])  # another outlet named is coverage
    with_them = keywords.keyness(df, min_count=1, k=None, n_boot=5, exclude_outlets=False)
    assert {"فارس", "ایسنا", "انتهای", "پیام"} <= set(with_them["term"])


def test_keyness_two_groups_are_mirror_images(two_outlets):
    res = keywords.keyness(two_outlets, "outlet", text_column="normalized", normalize=False, k=None, n_boot=10)
    a = res[res["group"] == "ISNA"].set_index("term")["log_odds"]
    b = res[res["group"] == "Fars"].set_index("term")["log_odds"]
    np.testing.assert_allclose(a.sort_index(), -b.sort_index(), atol=1e-9)


def test_keyness_matches_monroe_formula_by_hand():
    df = pd.DataFrame({"g": ["a", "a", "b"], "text": ["داعش داعش سوریه", "داعش بورس", "بورس بورس سوریه"]})
    res = keywords.keyness(df, "g", min_count=1, k=None, n_boot=5, prior=100.0)
    row = res[(res["group"] == "a") & (res["term"] == "داعش")].iloc[0]
    bg = keywords._background()
    vocab = ["داعش", "سوریه", "بورس"]
    share = np.array([bg.count.get(t, 0) + 0.5 for t in vocab])
    alpha = 100.0 * share[0] / share.sum()
    delta = np.log((3 + alpha) / (5 + 100 - 3 - alpha)) - np.log((0 + alpha) / (3 + 100 - 0 - alpha))
    assert row["count"] == 3
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / np.sqrt(1 / (3 + alpha) + 1 / alpha))


def test_keyness_any_grouping_column(two_outlets):
    res = keywords.keyness(two_outlets, "category", text_column="normalized", normalize=False, k=3, n_boot=10)
    assert set(res["group"]) == set(two_outlets["category"].dropna())
    assert (res.groupby("group").size() <= 3).all()


def test_keyness_bootstrap_is_reproducible(two_outlets):
    kw = dict(text_column="normalized", normalize=False, k=5, n_boot=30)
    pd.testing.assert_frame_equal(keywords.keyness(two_outlets, **kw), keywords.keyness(two_outlets, **kw))


def test_keyness_bad_input():
    one = pd.DataFrame({"outlet": ["الف"], "text": ["داعش در سوریه"]})
    with pytest.raises(ValueError, match="at least two"):
        keywords.keyness(one)
    with pytest.raises(ValueError, match="no column 'month'"):
        keywords.keyness(one, "month")
    with pytest.raises(ValueError, match="no column 'body'"):
        keywords.keyness(one, text_column="body")
    empty = pd.DataFrame({"outlet": ["الف", "ب", None], "text": ["", None, "داعش"]})
    assert keywords.keyness(empty).empty
    assert list(keywords.keyness(empty).columns) == keywords.KEYNESS_COLUMNS
    # a category with no documents is no group
    cat = pd.DataFrame({"outlet": pd.Categorical(["الف", "ب"], categories=["الف", "ب", "پ"]), "text": ["داعش", "بورس"]})
    assert set(keywords.keyness(cat, min_count=1, n_boot=5)["group"]) == {"الف", "ب"}
    # nothing frequent enough
    assert keywords.keyness(cat, min_count=100).empty


# --- kwic -----------------------------------------------------------------------------------------


def test_kwic_on_the_seed():
    lines = keywords.kwic(datasets.load_seeds(), "داعش", window=3)
    assert list(lines.columns) == keywords.KWIC_COLUMNS
    assert len(lines) == toolkit.tokenize(toolkit.normalize(SEED)).count("داعش")
    assert (lines["match"] == "داعش").all()
    first = lines.iloc[0]
    assert first["before"] == "، مواضع تروریست\u200cهای"  # three tokens: a comma is one
    norm = toolkit.normalize(SEED)
    assert norm[first["start"] : first["end"]] == "داعش"


def test_kwic_multiword_zwnj_suffix_and_no_longer_word():
    df = pd.DataFrame({"text": ["مواضع تروریست‌های داعش و نیروهای داعشی", "بشار اسد گفت"]}, index=[7, 8])
    assert keywords.kwic(df, "داعش")["doc_id"].tolist() == [7]
    assert keywords.kwic(df, "تروریست")["match"].tolist() == ["تروریست\u200cهای"]
    assert keywords.kwic(df, "بشار اسد", window=1)[["match", "after"]].values.tolist() == [["بشار اسد", "گفت"]]


def test_kwic_not_found_and_bad_input():
    df = datasets.load_seeds()
    out = keywords.kwic(df, "بورس")
    assert out.empty and list(out.columns) == keywords.KWIC_COLUMNS
    with pytest.raises(ValueError, match="no word"):
        keywords.kwic(df, "، !")
    with pytest.raises(ValueError, match="window"):
        keywords.kwic(df, "داعش", window=-1)
    with pytest.raises(TypeError, match="DataFrame"):
        keywords.kwic("داعش در سوریه", "داعش")


def test_kwic_html_is_right_to_left_and_escaped():
    lines = pd.DataFrame([["a", "<b>", "داعش", "در سوریه", 0, 4]], columns=keywords.KWIC_COLUMNS)
    html = plots.KWIC(lines)._repr_html_()
    assert 'dir="rtl"' in html and "&lt;b&gt;" in html and "داعش" in html


# --- figures: Persian is shaped once, by matplotlib ------------------------------------------------


def _width(fig, text) -> float:
    t = fig.text(0.05, 0.5, text, fontsize=20, fontfamily=plots.PERSIAN_FONT)
    fig.canvas.draw()
    w = t.get_window_extent().width
    t.remove()
    return w


def _ink_columns(text: str) -> np.ndarray:
    """Column profile of the ink of ``text`` rendered alone (dark pixels per column)."""
    fig = plt.figure(figsize=(2, 1), dpi=100)
    fig.text(0.1, 0.3, text, fontsize=40, fontfamily=plots.PERSIAN_FONT)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[:, :, 0]
    plt.close(fig)
    ink = img < 128
    return ink[:, ink.any(axis=0)]


def test_persian_labels_of_keyness_figure_are_shaped(two_outlets):
    res = keywords.keyness(two_outlets, "outlet", text_column="normalized", normalize=False, k=5, n_boot=10)
    fig = plots.keyness_bars(res)
    fig.canvas.draw()
    label = next(t for t in fig.axes[0].get_yticklabels() if len(t.get_text()) > 3 and " " not in t.get_text())
    word = label.get_text()
    isolated = "\u200c".join(word)  # a ZWNJ between letters forbids joining: every letter isolated
    assert _width(fig, word) < 0.9 * _width(fig, isolated), f"{word!r} was not shaped"
    plt.close(fig)


def test_persian_is_drawn_right_to_left_not_reversed_twice():
    # «با»: beh then alef. Drawn right to left, the tall alef stroke is at the LEFT of the ink;
    # text reversed once too often (a reshaper + bidi before matplotlib) would put it at the right.
    assert np.argmax(_ink_columns("با").sum(axis=0)) < _ink_columns("با").shape[1] / 2
    assert np.argmax(_ink_columns("اب").sum(axis=0)) > _ink_columns("اب").shape[1] / 2  # the check can fail


def test_term_scatter_labels_both_groups(two_outlets):
    res = keywords.keyness(two_outlets, "outlet", text_column="normalized", normalize=False, k=None, n_boot=5)
    fig = plots.term_scatter(res, "Fars", "ISNA", k=4)
    assert len(fig.axes[0].texts) == 8
    with pytest.raises(ValueError, match="no group"):
        plots.term_scatter(res, "Fars", "BBC")
    plt.close(fig)


# --- command line ---------------------------------------------------------------------------------


def test_cli_keywords():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-m", "toolkit", "keywords"]
    r = subprocess.run([*run, "-k", "3", "-"], input=SEED.encode(), capture_output=True, cwd=root)
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 0 and len(lines) == 3 and "داعش" in [line.split("\t")[0] for line in lines]
    r = subprocess.run([*run, "-k", "0", "-"], input=SEED.encode(), capture_output=True, cwd=root)
    assert r.returncode == 2 and r.stderr.decode().strip().count("\n") == 0 and "k must be" in r.stderr.decode()
    about_isna = "ایسنا در جشنواره\nایسنا برنده جایزه جشنواره فیلم شد. ایسنا و جشنواره فیلم فجر. ایسنا جایزه گرفت."
    for outlet, shown in (([], True), (["--outlet", "ISNA"], False)):
        r = subprocess.run([*run, *outlet, "-"], input=about_isna.encode(), capture_output=True, cwd=root)
        terms = [line.split("\t")[0] for line in r.stdout.decode().splitlines()]
        assert r.returncode == 0 and ("ایسنا" in terms) == shown


def test_shipped_lexicon_matches_its_build_script():
    """The stopwords and verb forms ship normalized as the current normalizer writes them (the predicates,
    binomials, background and ranker take a minute to rebuild: ``python scripts/build_keyword_resources.py``)."""
    import gzip
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_keyword_resources.py"
    spec = importlib.util.spec_from_file_location("build_keyword_resources", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = resources.files("toolkit") / "resources" / "keyword_lexicon.tsv.gz"
    with shipped.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as lines:
        kept = [line.rstrip("\n") for line in lines if not line.startswith(("predicate\t", "binomial\t"))]
    assert sorted(build.lexicon_rows()) == sorted(kept), "rerun python scripts/build_keyword_resources.py"
