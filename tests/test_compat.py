"""Old names keep working for one release, each with a DeprecationWarning that names the new one."""

import importlib

import dask.dataframe as dd
import pandas as pd
import pytest

from toolkit import evaluation, keywords, plots, scale, taxonomy

ARTICLES = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["الف", "الف", "ب", "ب"],
        "body": ["داعش در سوریه", "داعش و عراق", "بورس تهران", "بورس و بانک"],
    }
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"text": "body", "top": 1, "seed": 3}, {"text_column": "body", "k": 1, "random_state": 3}),
        ({"text": "body"}, {"text_column": "body"}),
    ],
)
def test_keyness_old_argument_names(old, new):
    with pytest.warns(DeprecationWarning, match=r"use (text_column|k|random_state)="):
        got = keywords.keyness(ARTICLES, min_count=1, n_boot=10, **old)
    pd.testing.assert_frame_equal(got, keywords.keyness(ARTICLES, min_count=1, n_boot=10, **new))


def test_each_old_argument_names_its_new_one():
    with pytest.warns(DeprecationWarning) as caught:
        keywords.keyness(ARTICLES, min_count=1, n_boot=5, text="body", top=1, seed=0)
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "keyness(): seed= is deprecated and goes in the next release; use random_state=",
        "keyness(): text= is deprecated and goes in the next release; use text_column=",
        "keyness(): top= is deprecated and goes in the next release; use k=",
    ]


def test_kwic_text():
    with pytest.warns(DeprecationWarning, match="text_column="):
        got = keywords.kwic(ARTICLES, "داعش", text="body")
    pd.testing.assert_frame_equal(got, keywords.kwic(ARTICLES, "داعش", text_column="body"))


def test_scale_normalize_column():
    ddf = dd.from_pandas(ARTICLES, npartitions=2)
    with pytest.warns(DeprecationWarning, match="text_column="):
        got = scale.normalize(ddf, column="body").compute()
    pd.testing.assert_series_equal(got, scale.normalize(ddf, text_column="body").compute())


def test_plots_top_and_label():
    res = keywords.keyness(ARTICLES, text_column="body", min_count=1, n_boot=5, k=None)
    with pytest.warns(DeprecationWarning, match="use k="):
        fig = plots.keyness_bars(res, top=1)
    assert [len(ax.patches) for ax in fig.axes] == [1, 1]
    with pytest.warns(DeprecationWarning, match="use k="):
        fig = plots.term_scatter(res, "الف", "ب", label=1)
    assert len(fig.axes[0].texts) == 2


def test_old_and_new_name_together_is_an_error():
    with pytest.raises(TypeError, match=r"both top= .* and k="):
        keywords.keyness(ARTICLES, text_column="body", top=1, k=2)


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("toolkit.keywords", "evaluate", evaluation.evaluate_keywords),
        ("toolkit.topics", "evaluate", evaluation.evaluate_topics),
        ("toolkit.topics", "Evaluation", evaluation.Evaluation),
        ("toolkit.zwnj", "evaluate", evaluation.evaluate_zwnj),
        ("toolkit.zwnj", "DAMAGES", evaluation.DAMAGES),
        ("toolkit.zwnj", "boundaries", evaluation.boundaries),
        ("toolkit.datasets", "TOPICS", taxonomy.TOPICS),
    ],
)
def test_moved_names(module, old, new):
    mod = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=rf"{module}\.{old} is deprecated .* use toolkit\."):
        assert getattr(mod, old) is new


def test_from_import_of_a_moved_name_warns_too():
    with pytest.warns(DeprecationWarning, match="evaluate_keywords"):
        from toolkit.keywords import evaluate
    assert evaluate([["داعش"]], [["داعش"]])["exact_f1"] == 1.0


def test_an_unknown_name_is_still_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        keywords.nothing  # noqa: B018
