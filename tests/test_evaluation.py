"""toolkit.evaluation: the scores of ZWNJ restoration, keywords and topics against gold data."""

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import Normalizer, datasets, keywords
from toolkit.chars import ZWNJ
from toolkit.evaluation import evaluate_keyword_lists, evaluate_keywords, evaluate_topics, evaluate_zwnj

# --- ZWNJ restoration -----------------------------------------------------------------------------


def test_evaluate_scores_a_perfect_and_a_useless_tool():
    gold = [Normalizer(restore_zwnj=False).normalize("این کتاب‌ها را خریده‌اند و می‌خوانند.")]
    assert evaluate_zwnj(lambda t: t, gold, "clean")["damaged"] == 0
    useless = evaluate_zwnj(lambda t: t, gold, "deleted")
    assert useless["restored"] == 0 and useless["zw_words"] == 3
    assert evaluate_zwnj(Normalizer().normalize, gold, "deleted")["restored"] == 1
    # a damage of one's own: only the ZWNJ after می typed as a space
    mine = evaluate_zwnj(lambda t: t, gold, lambda t: t.replace("می" + ZWNJ, "می "))
    assert mine["restored"] == 2 / 3
    assert evaluate_zwnj(Normalizer().normalize, gold, lambda t: t.replace(ZWNJ, ""))["restored"] == 1


def test_typed_damage_spaces_the_prefix_and_deletes_the_rest():
    from toolkit.evaluation import DAMAGES

    text = "«می‌روند» و نمی‌دانند که کتاب‌ها را خریده‌اند؛ شیمی‌دان"
    assert DAMAGES["typed"](text) == "«می روند» و نمی دانند که کتابها را خریدهاند؛ شیمیدان"
    gold = [Normalizer(restore_zwnj=False).normalize("این کتاب‌ها را خریده‌اند و می‌خوانند.")]
    assert evaluate_zwnj(Normalizer().normalize, gold, "typed")["restored"] == 1


def test_evaluate_counts_repairs_of_morphemes_typed_apart_separately():
    # a writer typed می and اند apart: joining them is the repair, not damage to a correct word
    gold = ["آنها کتاب را خریده اند و می خوانند و بین المللی است."]
    strict = evaluate_zwnj(Normalizer().normalize, gold, "clean")
    assert strict["plain_words"] - strict["other_words"] == 4  # خریده اند، می خوانند
    assert strict["plain_changed"] >= 4
    assert strict["other_changed"] == strict["plain_changed"] - 4
    assert strict["damaged_other"] < strict["damaged"]


# --- keywords -----------------------------------------------------------------------------------


def test_evaluate_exact_and_partial():
    res = evaluate_keywords([["رئیس‌جمهور", "هاشمی"], ["x"]], [["رئیس جمهور", "هاشمی رفسنجانی"], []])
    assert res["articles"] == 1  # an article without tags is left out
    assert res["exact_f1"] == 0.5  # ZWNJ and space are the same
    assert res["partial_f1"] == 1.0


def test_evaluate_on_tagged_fars_test_articles_beats_plain_frequency():
    fars = datasets.load_fars("test")
    fars = fars[fars["tags"].map(len) > 0].head(40)
    texts = toolkit.normalize(fars["title"] + "\n" + fars["text"]).tolist()
    ours = [[t for t, _ in keywords.extract_keywords(x, normalize=False)] for x in texts]
    frequent = [pd.Series(keywords.terms(x, normalize=False)).value_counts().index[:10].tolist() for x in texts]
    tags = [list(t) for t in fars["tags"]]
    assert evaluate_keywords(ours, tags)["exact_f1"] > evaluate_keywords(frequent, tags)["exact_f1"] + 0.03


def test_keyword_lists_that_repeat_a_term():
    lists = [
        ["پرسپولیس", "تیم فوتبال پرسپولیس"],  # inside
        ["رئیس‌جمهور", "رئیس جمهور"],  # ZWNJ and space
        ["مهم‌ترین", "مهمترین اخبار"],  # written apart and together
        ["ایران", "ایرانسل", "تیم ملی", "تیم فوتبال"],  # sharing a word is no repeat, nor sharing letters
        [],
    ]
    res = evaluate_keyword_lists(lists)
    assert res == {"articles": 5, "redundant": 0.6, "self_named": 0.0}


def test_keyword_lists_that_name_their_own_outlet():
    lists = [["خبرگزاری فارس", "داعش"], ["فارس نیوز"], ["خبرنگار ایسنا"], ["استان فارس"], ["رویترز"]]
    outlets = ["Fars", "فارس", "ISNA", "Fars", "ISNA"]
    # the agency by any name, a byline; not the province, not another outlet
    assert evaluate_keyword_lists(lists, outlets)["self_named"] == 0.6
    assert evaluate_keyword_lists(lists)["self_named"] == 0.0  # no outlets, nothing to name


# --- topics ---------------------------------------------------------------------------------------


def test_evaluate_topics():
    df = pd.DataFrame({"title": ["", "", ""], "text": ["a", "b", "c"], "topic": ["sport", "sport", "economy"]})

    class Fixed:
        def predict(self, X):
            return np.array(["sport", "world", "economy"])

    ev = evaluate_topics(Fixed(), df)
    assert ev.accuracy == pytest.approx(2 / 3)
    per = ev.per_class.set_index("topic")
    assert per.loc["world", "support"] == 0 and per.loc["sport", "recall"] == 0.5
    assert ev.macro_f1 == pytest.approx((2 / 3 + 1) / 2)  # over the topics the articles have
    assert ev.confusion.index.tolist() == ["economy", "sport"] or ev.confusion.index.tolist() == ["sport", "economy"]
    assert ev.confusion.loc["sport", "world"] == 1 and ev.predictions.tolist() == ["sport", "world", "economy"]
    with pytest.raises(ValueError, match="topic column"):
        evaluate_topics(Fixed(), df.drop(columns="topic"))
