import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit import cli, compare, datasets
from toolkit.claims import extract_claims
from toolkit.compare import COMPARE_COLUMNS, PLACES, claim_matrix, compare_claims, concepts, pair_features

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_claims():
    return extract_claims(datasets.load_seeds())


@pytest.fixture(scope="module")
def real_claims(seed_claims):
    """Claims of 150 Fars articles (38 outlets, pairs of every relation) and of the seed."""
    articles = datasets.load_fars().iloc[900:1050][["doc_id", "text"]]
    return pd.concat([extract_claims(articles), seed_claims], ignore_index=True)


def plain_pairs(c: pd.DataFrame, threshold: float):
    """The rule of compare._same_pairs written plainly: dense TF-IDF vectors, every pair of claims."""
    docs = [Counter(concepts(t)) for t in c["content"]]
    df = Counter(k for d in docs for k in d)
    vocab = {k: i for i, k in enumerate(df)}
    m = np.zeros((len(docs), len(vocab)))
    for r, d in enumerate(docs):
        for k, tf in d.items():
            m[r, vocab[k]] = (1 + math.log(tf)) * (math.log((1 + len(docs)) / (1 + df[k])) + 1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    unit = np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)
    sim = unit @ unit.T
    outlet, content = c["outlet"].tolist(), c["content"].tolist()
    for i in range(len(c)):
        for j in range(i + 1, len(c)):
            if outlet[i] != outlet[j] and sim[i, j] >= threshold:
                if len((set(concepts(content[i])) & set(concepts(content[j]))) - PLACES) >= 2:
                    yield i, j, float(sim[i, j])


@pytest.mark.parametrize("block", [compare._BLOCK, 997])  # 997: many blocks per outlet
def test_pairs_are_those_of_the_plain_rule(real_claims, monkeypatch, block):
    monkeypatch.setattr(compare, "_BLOCK", block)
    c = compare._check(real_claims)
    ours = list(compare._same_pairs(c, compare.SAME_PROPOSITION))
    plain = list(plain_pairs(c, compare.SAME_PROPOSITION))
    assert len(ours) > 90 and [p[:2] for p in ours] == [p[:2] for p in plain]
    assert [round(p[2], 3) for p in ours] == [round(p[2], 3) for p in plain]
    assert np.allclose([p[2] for p in ours], [p[2] for p in plain], rtol=0, atol=1e-12)


def test_tables_are_those_of_the_plain_rule(real_claims, monkeypatch):
    pairs, matrix = compare_claims(real_claims), claim_matrix(real_claims)
    assert {"agree", "elaborate", "unique"} <= set(pairs.relation)  # contradictions need evidence: rare
    monkeypatch.setattr(compare, "_same_pairs", plain_pairs)
    pd.testing.assert_frame_equal(pairs, compare_claims(real_claims))
    pd.testing.assert_frame_equal(matrix, claim_matrix(real_claims))


def test_too_many_pairs_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(compare, "_MAX_PAIRS", 3)
    claim = "نیروهای عراقی مواضع داعش را بمباران کردند. "
    text = f"المیادین گزارش داد {claim}رویترز گزارش داد {claim}"
    (tmp_path / "a.txt").write_text(text * 2)
    assert len(compare_claims(extract_claims(text))) == 1  # one pair is fine
    assert cli.main(["compare", str(tmp_path / "a.txt")]) == 2  # 2 × 2 pairs are not
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "over 3 pairs of claims" in err


def test_the_same_claim_again_gets_its_own_column():
    m = claim_matrix(pd.DataFrame({"outlet": ["A", "A", "A"], "content": ["قیمت نفت بالا رفت"] * 3}))
    assert list(m.columns) == ["قیمت نفت بالا رفت", "قیمت نفت بالا رفت ", "قیمت نفت بالا رفت  "]


def test_seed_comparison(seed_claims):
    pairs = compare_claims(seed_claims)
    assert list(pairs.columns) == COMPARE_COLUMNS
    matched = pairs[pairs.relation != "unique"]
    # RT and Al Mayadeen state the same proposition (Iraq may strike ISIS in Syria without permission);
    # Al Mayadeen adds that it goes both ways.
    assert set(zip(matched.outlet_a, matched.outlet_b, strict=True)) == {("RT", "Al Mayadeen")}
    assert (matched.relation == "elaborate").all()
    assert matched.reason.str.contains("direction/reciprocity").all()
    # Rudaw alone gives the alert, the measures and the 400–500 figure.
    unique = pairs[pairs.relation == "unique"]
    assert set(unique.outlet_a) == {"Rudaw"} and len(unique) == 3
    assert unique.claim_a.str.contains("۴۰۰ الی ۵۰۰").any()
    # The evidence spans point into the seed.
    seed = datasets.load_seeds().text[0]
    for r in matched.itertuples():
        assert seed[r.start_a : r.end_a].replace(" ", "") and seed[r.start_b : r.end_b]


def test_seed_matrix(seed_claims):
    m = claim_matrix(seed_claims)
    assert list(m.index) == ["RT", "Al Mayadeen", "Rudaw"]
    assert m.shape[1] == 4  # one shared proposition and Rudaw's three
    shared = [c for c in m.columns if m.at["RT", c]]
    assert len(shared) == 1 and m.at["RT", shared[0]] == "states" and m.at["Al Mayadeen", shared[0]] == "adds"
    assert (m.loc["Rudaw"] == "states").sum() == 3 and m.at["Rudaw", shared[0]] == ""


@pytest.mark.parametrize(
    ("a", "b", "relation", "reason"),
    [
        ("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه 450 نفر است", "agree",
         "shared proposition"),
        ("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه ۲۰۰۰ نفر است", "contradict",
         "numeric mismatch"),
        ("ایران در مذاکرات وین شرکت می‌کند", "ایران در مذاکرات وین شرکت نمی‌کند", "contradict", "negation mismatch"),
        ("نیروهای عراقی مواضع داعش را بمباران کردند",
         "نیروهای عراقی و سوری مواضع داعش را در خاک یکدیگر بمباران کردند", "elaborate",
         "shared proposition; direction/reciprocity"),
    ],
)  # fmt: skip
def test_relations(a, b, relation, reason):
    pairs = compare_claims(pd.DataFrame({"outlet": ["A", "B"], "content": [a, b]}))
    assert pairs[["relation", "reason"]].values.tolist()[0] == [relation, reason]


def test_same_outlet_and_places_alone_are_not_pairs():
    df = pd.DataFrame(
        {
            "outlet": ["A", "A", "B"],
            "content": ["قیمت نفت در عراق بالا رفت", "قیمت نفت در عراق بالا رفت", "انتخابات عراق برگزار شد"],
        }
    )
    pairs = compare_claims(df)
    assert (pairs.relation == "unique").all() and len(pairs) == 3


def test_concepts_merge_what_news_uses_interchangeably():
    assert concepts("بغداد و دمشق") == concepts("عراق و سوریه") == ("عراق", "سوریه")
    assert concepts("تروریست‌ها") == concepts("داعش") == ("داعش",)
    f = pair_features("عراق به اجازه نیازی ندارد", "بغداد اختیار کامل دارد")
    assert f["containment_a"] > 0 and f["numeric_mismatch"] == 0


@pytest.mark.parametrize(
    "bad", [pd.DataFrame(columns=["outlet", "content"]), pd.DataFrame({"outlet": [""], "content": ["x"]})]
)
def test_nothing_to_compare(bad):
    assert compare_claims(bad).empty and list(compare_claims(bad).columns) == COMPARE_COLUMNS
    assert claim_matrix(bad).empty


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="DataFrame of extract_claims"):
        compare_claims(["not", "a", "frame"])
    with pytest.raises(ValueError, match="no content column"):
        compare_claims(pd.DataFrame({"outlet": ["A"]}))


def test_farexstance_bundle():
    art = datasets.load_farexstance("test", "article")
    assert len(art) == 1440 and art.stance.value_counts().to_dict() == {
        "agree": 441,
        "disagree": 430,
        "unrelated": 403,
        "discuss": 166,
    }
    train = datasets.load_farexstance("train", "article")
    assert not set(train.claim_id) & set(art.claim_id)  # the upstream split is by claim
    assert set(datasets.load_farexstance(task="headline").upstream_split) == {"train", "dev", "test"}
    with pytest.raises(ValueError, match="task must be"):
        datasets.load_farexstance(task="tweets")


# --- relate ----------------------------------------------------------------------------------------------------

ARTICLE = (
    "به گزارش خبرگزاری‌ها، نشست وزیران خارجه منطقه امروز در مسقط آغاز شد. "
    "در این نشست درباره تجارت و حمل و نقل گفت‌وگو شد. "
    "سخنگوی وزارت خارجه گزارش‌ها درباره سفر وزیر به قاهره را تکذیب کرد و گفت این خبر شایعه است. "
    "قیمت طلا در بازار تهران کاهش یافت. "
    "هوای تهران امروز آلوده بود. "
)


def test_relate_gives_relation_probability_and_evidence():
    r = compare.relate("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه ۲۰۰۰ نفر است")
    assert r["relation"] == "contradict" and 0.5 < r["probability"] <= 1
    assert r["evidence"]["numbers"] == [("۴۰۰ الی ۵۰۰", "۲۰۰۰")] and "داعش" in r["evidence"]["shared"]
    assert set(r["probabilities"]) == set(compare.RELATIONS)
    assert math.isclose(sum(r["probabilities"].values()), 1, abs_tol=1e-3)
    r = compare.relate("ایران در مذاکرات وین شرکت می‌کند", "ایران در مذاکرات وین شرکت نمی‌کند")
    assert r["relation"] == "contradict" and r["evidence"]["negation"]
    assert compare.relate("ایران در مذاکرات وین شرکت می‌کند", "قیمت طلا امروز کاهش یافت")["relation"] == "unrelated"


def test_relate_reads_an_article_through_its_best_sentences():
    claim = "وزیر خارجه به قاهره سفر کرد"
    r = compare.relate(claim, ARTICLE * 3)
    assert "قاهره" in r["evidence"]["window"] and "هوای تهران" not in r["evidence"]["window"]
    assert r["relation"] != "unrelated"


@pytest.mark.parametrize(
    ("claim", "text", "relation"),
    [
        ("", "قیمت طلا کاهش یافت", "unrelated"),
        ("قیمت طلا کاهش یافت", "", "unrelated"),
        (None, "قیمت طلا کاهش یافت", "unrelated"),
        ("   ", "\n", "unrelated"),
    ],
)
def test_relate_nothing_to_compare(claim, text, relation):
    r = compare.relate(claim, text)
    assert r["relation"] == relation and r["probability"] == 1.0


def test_relate_bad_input_is_defined():
    same = "نیروهای عراقی مواضع داعش را در سوریه بمباران کردند"
    assert compare.relate(same, same)["relation"] in {"agree", "elaborate"}
    long = " ".join(["نیروهای عراقی مواضع داعش را بمباران کردند."] * 1700)  # over 10,000 words
    assert compare.relate(long, same)["relation"] in compare.RELATIONS
    assert compare.relate(same, long)["relation"] in compare.RELATIONS
    # the same number in three scripts is no mismatch; another number is
    base = "تعداد کشته‌شدگان {} نفر است"
    for digits in ("۴۰۰", "٤٠٠", "400"):
        r = compare.relate(base.format("۴۰۰"), base.format(digits))
        assert r["relation"] != "contradict" and not r["evidence"]["numbers"]
    assert compare.relate(base.format("400"), base.format("٢٠٠٠"))["relation"] == "contradict"
    with pytest.raises(TypeError, match="takes a str as claim"):
        compare.relate(3, "x")
    with pytest.raises(ValueError, match="2 claims but 1 texts"):
        compare.relate_many(["a", "b"], ["c"])
    assert compare.relate_many([], []).empty


def test_relate_many_is_relate_row_by_row():
    claims = ["قیمت طلا کاهش یافت", "وزیر خارجه به قاهره سفر کرد", "ایران در مذاکرات وین شرکت می‌کند"]
    texts = ["قیمت طلا در بازار تهران افزایش یافت", ARTICLE, "ایران در مذاکرات وین شرکت نمی‌کند"]
    many = compare.relate_many(claims, texts)
    assert list(many.columns) == ["relation", "probability", "p_agree", "p_elaborate", "p_contradict", "p_unrelated"]
    for row, a, b in zip(many.itertuples(), claims, texts, strict=True):
        one = compare.relate(a, b)
        assert row.relation == one["relation"] and math.isclose(row.probability, one["probability"], abs_tol=1e-6)


def test_model_file_holds_plain_data_only():
    import skops.io

    path = ROOT / "toolkit" / "resources" / "relate.skops"
    assert set(skops.io.get_untrusted_types(file=path)) <= set(compare.TRUSTED_TYPES)
    assert path.stat().st_size < 1_000_000
    model = compare._model()
    assert model["relations"] == list(compare.RELATIONS) and model["coef"].shape[0] == len(compare.RELATIONS)
    assert model["coef"].shape[1] == 3 * len(compare._DENSE) + compare._HASH_DIM


def test_model_file_of_another_version_is_one_clear_error(tmp_path):
    bad = dict(compare._model(), format="relate-0")
    compare._save_model(bad, tmp_path / "old.skops")
    with pytest.raises(ValueError, match=r"rebuild it with scripts/build_relation_model\.py"):
        compare._model(str(tmp_path / "old.skops"))


def test_model_build_is_deterministic():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_relation_model as build

    claims = ["قیمت طلا کاهش یافت", "وزیر خارجه به قاهره سفر کرد", "ایران در مذاکرات وین شرکت می‌کند"] * 4
    texts = ["قیمت طلا افزایش یافت", ARTICLE, "ایران در مذاکرات وین شرکت نمی‌کند", "هوای تهران آلوده بود"] * 3
    y = np.array(compare.RELATIONS * 3)
    x, _ = compare._design(claims, texts)
    one, two = (build.fit(x, y, np.ones(len(y)), c=0.5, random_state=0) for _ in range(2))
    assert np.allclose(one["coef"], two["coef"], atol=1e-6) and one["features"] == compare._DENSE
    p = compare._probabilities(one, x)
    assert (np.asarray(compare.RELATIONS)[p.argmax(axis=1)] == y).mean() > 0.5  # it learned something


# --- group_claims -------------------------------------------------------------------------------------------------


def test_seed_groups(seed_claims):
    g = compare.group_claims(seed_claims)
    assert list(g.columns) == compare.GROUP_COLUMNS and g["size"].sum() == len(seed_claims)
    shared = g[g["outlets"].map(len) > 1]
    assert len(shared) == 1 and set(shared.outlets.iloc[0]) == {"RT", "Al Mayadeen"}
    assert all(r in {"agree", "elaborate"} for r in shared.relations.iloc[0])
    rudaw = g[g["outlets"].map(lambda o: o == ["Rudaw"])]
    assert len(rudaw) == 3 and (rudaw["size"] == 1).all()
    assert sorted(m for ms in g.members for m in ms) == list(range(len(seed_claims)))
    m = claim_matrix(seed_claims, groups=g)
    assert list(m.index) == ["RT", "Al Mayadeen", "Rudaw"] and m.shape[1] == 4
    col = next(c for c in m.columns if m.at["RT", c])
    assert m.at["Al Mayadeen", col] and m.at["Rudaw", col] == "" and (m.loc["Rudaw"] != "").sum() == 3


def test_groups_are_the_same_in_small_blocks(real_claims, monkeypatch):
    whole = compare.group_claims(real_claims, relations=False)
    monkeypatch.setattr(compare, "_BLOCK", 997)
    pd.testing.assert_frame_equal(whole, compare.group_claims(real_claims, relations=False))
    assert (whole["size"] > 1).sum() > 10


def test_groups_bad_input_is_defined():
    empty = compare.group_claims(pd.DataFrame(columns=["outlet", "content"]))
    assert empty.empty and list(empty.columns) == compare.GROUP_COLUMNS
    claim = "نیروهای عراقی مواضع داعش را در سوریه بمباران کردند"
    # one outlet only: grouped, nothing to relate across outlets
    one = compare.group_claims(pd.DataFrame({"outlet": ["A"] * 3, "content": [claim] * 3}))
    assert one["size"].tolist() == [3] and one.pairs.iloc[0] == [] and one.relations.iloc[0] == {}
    # identical texts of two outlets: one group, related as agreeing
    two = compare.group_claims(pd.DataFrame({"outlet": ["A", "B", ""], "content": [claim, claim, claim]}))
    assert two["size"].tolist() == [2] and two.members.iloc[0] == [0, 1]
    assert two.pairs.iloc[0] == [(0, 1, "agree")]
    # empty claims, a claim of 10,000 words, numbers in three scripts
    long = " ".join([claim] * 1300)
    odd = pd.DataFrame({
        "outlet": ["A", "B", "C", "D", "E", "F"],
        "content": ["", None, long, "تعداد کشته‌ها ۴۰۰ نفر است", "تعداد کشته‌ها 400 نفر است", "تعداد کشته‌ها ٤٠٠ نفر است"],
        "speaker": ["", "", "x", "", "", ""], "date": ["", "", "2024-01-02", "", "2024-01-01", ""],
    })  # fmt: skip
    g = compare.group_claims(odd)
    assert g["size"].sum() == 6
    numbers = g[g.members.map(lambda m: 3 in m)].iloc[0]
    assert numbers.members == [3, 4, 5] and numbers.first_date == numbers.last_date == "2024-01-01"
    assert all(r != "contradict" for _, _, r in numbers.pairs)
    with pytest.raises(ValueError, match="k must be"):
        compare.group_claims(odd, k=-1)


WORDINGS = [
    "نیروهای عراقی مواضع داعش را در سوریه بمباران کردند",
    "ارتش عراق مواضع داعش را در سوریه بمباران کرد",
    "جنگنده‌های عراقی مواضع تروریست‌ها را در سوریه بمباران کردند",
    "عراق مواضع داعش در سوریه را بمباران کرد",
    "بمباران مواضع داعش در سوریه توسط نیروهای عراقی",
]
FILLERS = ["امروز", "دیروز", "بامداد", "شامگاه", "گذشته", "سنگین", "دوباره", "همچنان", "مرزی", "هوایی", "شدید"]


def test_copies_of_one_claim_are_one_group(monkeypatch):
    monkeypatch.setattr(compare, "_BLOCK", 1 << 14)
    claims = pd.DataFrame({"outlet": [f"o{i % 40}" for i in range(1500)], "content": WORDINGS * 300})
    g = compare.group_claims(claims, k=5)  # 1,124,250 pairs of similar claims
    assert g["size"].tolist() == [1500] and len(g.pairs.iloc[0]) == 5


def test_over_a_million_similar_pairs_are_grouped_blockwise_not_refused(monkeypatch):
    # 1,500 distinct wordings of one proposition (a wording and a subset of filler words): every pair is
    # similar, 1.1 million pairs, computed in blocks of a few rows; each claim keeps its closest neighbours
    monkeypatch.setattr(compare, "_BLOCK", 1 << 14)
    texts = [
        WORDINGS[i % 5] + " " + " ".join(w for b, w in enumerate(FILLERS) if (i // 5) >> b & 1) for i in range(1500)
    ]
    assert len(set(texts)) == 1500
    claims = pd.DataFrame({"outlet": [f"o{i % 40}" for i in range(1500)], "content": texts})
    g = compare.group_claims(claims, relations=False)
    assert g["size"].sum() == 1500 and (g["size"] <= compare._NEIGHBOURS + 1).all()
    assert g["size"].iloc[0] == compare._NEIGHBOURS + 1  # groups of similar claims, not 1,500 groups of one
    assert len(g) < 1500 / 10


def test_claim_matrix_groups_must_be_a_groups_frame(seed_claims):
    with pytest.raises(ValueError, match="groups= takes the frame of group_claims"):
        claim_matrix(seed_claims, groups=pd.DataFrame({"x": [1]}))


def test_compare_claims_relations_are_those_of_decide(real_claims):
    pairs = compare_claims(real_claims)
    matched = pairs[pairs.relation != "unique"]
    assert len(matched) > 30
    p = compare.relate_many(matched.claim_a, matched.claim_b)["p_unrelated"]
    assert (p < compare.UNRELATED).all()  # a pair the model may find unrelated is left out
    decided = [list(compare._decide(a, b, u)[:2]) for a, b, u in zip(matched.claim_a, matched.claim_b, p, strict=True)]
    assert decided == matched[["relation", "reason"]].values.tolist()


@pytest.mark.parametrize(
    ("a", "b", "contradict"),
    [
        # one quantity (people, once in each claim) that does not fit: a contradiction
        ("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه ۲۰۰۰ نفر است", True),
        ("در این حادثه ۷ نفر بازداشت شدند", "در این حادثه 6 نفر بازداشت شدند", True),
        # one states nothing the other does not, but its number: the other may add (why the guards are there)
        ("۳۰۰ مرزبان در مرز قائم مستقر شده‌اند تا امنیت گذرگاه پیش از بازگشایی آن تأمین شود",
         "۵۰۰ مرزبان در مرز قائم مستقر شده‌اند", True),
        # two quantities: people and dollars, or a list of counts of people
        ("تعداد عناصر داعش در سوریه ۴۰۰ نفر است", "تعداد عناصر داعش در سوریه ۲۰۰۰ دلار است", False),
        ("از این تعداد ۱۸ نفر بدهکار دیه و ۴۲۹ نفر بدهکار مالی هستند", "از این تعداد ۴۳ نفر بدهکار مالی هستند", False),
        # the same measure on two days: another event
        ("قیمت دلار امروز شنبه ۱۲ هزار تومان بود", "قیمت دلار امروز یکشنبه ۱۳ هزار تومان بود", False),
        # the same numbers written in other digits, or inside the range
        ("تعداد عناصر داعش در سوریه ۴۰۰ الی ۵۰۰ نفر است", "تعداد عناصر داعش در سوریه 450 نفر است", False),
        # a negation in claims that say different things is not a contradiction; of one predicate it is
        ("مستندات کافی در این مورد وجود دارد", "دلایل کافی در این خصوص وجود ندارد", False),
        ("ایران در مذاکرات وین شرکت می‌کند", "ایران در مذاکرات وین شرکت نمی‌کند", True),
        ("قیمت نفت امروز افزایش یافت", "قیمت نفت امروز کاهش یافت", True),
    ],
)  # fmt: skip
def test_a_contradiction_needs_evidence(a, b, contradict):
    assert bool(compare._contradiction(a, b)) is contradict
    assert (compare._decide(a, b, 0.0)[0] == "contradict") is contradict


def test_different_days_are_different_events():
    assert compare._when("امروز (سه‌شنبه) ۲۴ اسفند") == (frozenset({"سه‌شنبه"}), frozenset({"۲۴ اسفند"}))
    assert compare._when("روز پنج شنبه چهارم تیرماه")[0] == {"پنجشنبه"}  # written apart, «تیرماه» as one word
    a, b = "تا جمعه دهم اسفند ۲۰۵۴ تماشاگر آمدند", "تا جمعه سوم اسفند ۱۵۷۰ تماشاگر آمدند"
    assert compare._decide(a, b, 0.0)[:2] == ("unrelated", "different days")
    assert not compare._time_mismatch(a, "تا جمعه ۱۵۷۰ تماشاگر آمدند")  # one names no date: nothing to compare
    pairs = compare_claims(pd.DataFrame({"outlet": ["A", "B"], "content": [a, b]}))
    assert (pairs.relation == "unique").all()


def test_elaborate_is_what_one_claim_adds():
    a = "وزیر خارجه عراق با ظریف دیدار کرد"
    b = a + " و درباره همکاری اقتصادی، امنیت مرزها، زائران اربعین، برق، گاز، بانک و تجارت گفت‌وگو کرد"
    assert compare._decide(a, b, 0.0) == ("elaborate", "shared proposition; extra detail", "b")
    assert compare._decide(a, "وزیر امور خارجه عراق با ظریف دیدار کرد", 0.0)[0] == "agree"
    assert compare._decide(a, b, compare.UNRELATED)[0] == "unrelated"  # the model's gate


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("", "", "unrelated"),
        ("", "قیمت نفت ۴۰۰ دلار شد", "unrelated"),
        ("قیمت نفت ۴۰۰ دلار شد", "قیمت نفت ۴۰۰ دلار شد", "agree"),  # identical texts
        ("قیمت نفت ٤٠٠ دلار شد", "قیمت نفت 400 دلار شد", "agree"),  # one number in two scripts
        ("قیمت نفت ۴۰۰ دلار شد " * 2500, "قیمت نفت ۵۰۰ دلار شد", "agree"),  # 10,000 words: a list of prices
    ],
)
def test_decide_on_bad_input_is_defined(a, b, relation):
    assert compare._decide(a, b, 0.0)[0] == relation


def test_relate_many_in_chunks_is_the_same(monkeypatch):
    claims = ["قیمت طلا کاهش یافت", "وزیر خارجه به قاهره سفر کرد", "ایران در مذاکرات وین شرکت می‌کند"] * 3
    texts = ["قیمت طلا افزایش یافت", ARTICLE, "ایران در مذاکرات وین شرکت نمی‌کند"] * 3
    whole = compare.relate_many(claims, texts)
    monkeypatch.setattr(compare, "_CHUNK", 2)
    pd.testing.assert_frame_equal(whole, compare.relate_many(claims, texts))
