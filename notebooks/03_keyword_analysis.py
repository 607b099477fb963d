# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Keywords: what one outlet stresses that another does not
#
# Three tools from `toolkit.keywords`: `extract_keywords` (the keywords of one article), `keyness` (the
# terms one group of articles uses more than the rest: the "Fightin' Words" log-odds ratio with a Persian
# prior and bootstrap intervals) and `kwic` (every occurrence of a term, in context). All three read
# ZWNJ-aware words after normalization and fold light-verb constructions («اجازه داده‌اند» → «اجازه دادن»),
# so a verb that lost its ZWNJ never passes for a keyword. Neither keywords nor keyness by outlet read an
# article's dateline and bylines («به گزارش خبرگزاری فارس», «در گفت‌وگو با خبرنگار ایسنا») or take its
# own outlet's name for a subject.
#
# **Needs YAKE**, the baseline set beside our keywords: `make setup` installs it; after a plain
# `pip install persian-news-toolkit`, run `pip install "persian-news-toolkit[bench]"` (or `pip install yake`).
# The corpora are fetched on first use (`python -m toolkit datasets`).

# %% tags=["parameters"]
N_PER_OUTLET = 1500  # articles sampled from each of ISNA and Fars for keyness (all: 7453 and 1490)
N_BOOT = 200  # bootstrap resamples for the keyness intervals
TOP = 12  # terms per group in the tables and figures
N_TAGGED = 5  # Fars test articles shown beside their authors' tags

# %%
import pandas as pd
import yake
from IPython.display import display

import toolkit
from toolkit import datasets, evaluation, keywords, plots

seed = datasets.load_seeds().iloc[0]
seed_norm = toolkit.normalize(seed.text)

# %% [markdown]
# ## The seed article: our keywords beside YAKE's
#
# YAKE (`lan="fa"`) reads the same normalized text. It returns phrases that cross a comma and a light verb
# («سوریه توافق کرده‌اند»); ours are names, places and subjects, scored by a ranker fitted on Fars authors'
# tags against a background of document frequencies from the TRAIN articles, and none is inside another
# (`diversity=0` would give «سوریه» and «ارتش سوریه» both).

# %%
ours = keywords.extract_keywords(seed_norm, k=10, normalize=False)
theirs = yake.KeywordExtractor(lan="fa", n=3, top=10).extract_keywords(seed_norm)
side_by_side = pd.DataFrame(
    {
        "toolkit": [t for t, _ in ours],
        "score": [s for _, s in ours],
        "YAKE": [t for t, _ in theirs],
        "YAKE score (lower is better)": [round(float(s), 4) for _, s in theirs],
    }
)
display(plots.RTL(side_by_side))
print("the seed's terms, light verbs folded:", " · ".join(keywords.terms(seed_norm, normalize=False)[:20]))

# %% [markdown]
# ## Keywords against the authors' tags
#
# Fars articles carry their authors' tags. A few TEST articles (never seen by the ranker or the
# background); `python benchmarks/keywords.py` scores all of them against YAKE and TF-IDF. `outlet=` names
# the publishing outlet, whose names are never keywords even where no dateline says who published.

# %%
tagged = datasets.load_fars("test").pipe(lambda d: d[d["tags"].map(len) > 0]).head(N_TAGGED)
tagged_text = toolkit.normalize(tagged["title"] + "\n" + tagged["text"])
predicted = [[t for t, _ in keywords.extract_keywords(x, outlet="Fars", normalize=False)] for x in tagged_text]
display(plots.RTL(pd.DataFrame({"title": tagged["title"], "tags": tagged["tags"].map("، ".join),
                                "keywords": ["، ".join(p) for p in predicted]})))  # fmt: skip
evaluation.evaluate_keywords(predicted, [list(t) for t in tagged["tags"]])

# %% [markdown]
# ## ISNA against Fars
#
# Normalize once, keep the column, and pass `normalize=False` afterwards: normalization is the slow step.
# Grouped by outlet, keyness leaves out what each article says of its own outlet (`exclude_outlets=True`,
# the default for `by="outlet"`): the dateline, the bylines, «انتهای پیام» and every name of the outlet,
# so the figure compares what ISNA and Fars write about.

# %%
isna, fars = datasets.load_isna(), datasets.load_fars()
articles = pd.concat([d.sample(min(N_PER_OUTLET, len(d)), random_state=0) for d in (isna, fars)], ignore_index=True)
articles["normalized"] = toolkit.normalize(articles["title"] + "\n" + articles["text"])
by_outlet = keywords.keyness(articles, "outlet", text_column="normalized", normalize=False, n_boot=N_BOOT, k=TOP)
display(plots.RTL(by_outlet.round(2)))

# %%
fig = plots.keyness_bars(by_outlet, k=TOP, title="ISNA and Fars: terms each uses more than the other")
plots.save_figure(fig, "03_keyness_outlets")

# %% [markdown]
# What `exclude_outlets=False` would have put at the top instead: the outlets' names and bylines.

# %%
signed = keywords.keyness(articles, "outlet", text_column="normalized", normalize=False, n_boot=10, k=6,
                          exclude_outlets=False)  # fmt: skip
display(plots.RTL(signed.groupby("group", sort=False)["term"].apply("، ".join).to_frame()))

# %% [markdown]
# Much of the remaining contrast is the outlets' mix of subjects (ISNA's sample has a cinema section; Fars
# has provincial news) and their house style (Fars writes «اظهار داشت», «تصریح کرد»). Comparing politics
# with politics removes the mix and leaves the framing.

# %%
politics = articles[articles["category"] == "politics"]
both_politics = politics["outlet"].nunique() == 2
if both_politics:
    pol = keywords.keyness(politics, "outlet", text_column="normalized", normalize=False, n_boot=N_BOOT, k=TOP)
    display(plots.RTL(pol.round(2)))
    plots.save_figure(plots.keyness_bars(pol, k=TOP, title="Politics only"), "03_keyness_politics")

# %% [markdown]
# The same counts, every term: how often Fars (up) and ISNA (across) use it. Terms far from the diagonal
# are the ones one outlet stresses; the most typical of each are named.

# %%
every_term = keywords.keyness(
    articles, "outlet", text_column="normalized", normalize=False, n_boot=min(N_BOOT, 20), k=None
)
fig = plots.term_scatter(every_term, "Fars", "ISNA", k=TOP, title="Fars against ISNA, per 10,000 terms")
plots.save_figure(fig, "03_term_scatter")

# %% [markdown]
# ## Between topics
#
# Any column groups articles: here ISNA's five categories, each against the four others. (`by="date"` on Fars
# would compare days; a month is `fars["date"].str[:7]`.)

# %%
isna_part = articles[articles["outlet"] == "ISNA"]
by_topic = keywords.keyness(isna_part, "category", text_column="normalized", normalize=False, n_boot=N_BOOT, k=TOP)
fig = plots.keyness_bars(by_topic, k=8, title="ISNA categories")
plots.save_figure(fig, "03_keyness_topics")
by_topic.groupby("group").head(5)

# %% [markdown]
# ## Keyword in context
#
# «داعش» as the two outlets write it, and «تحریم» (sanctions): the context often says more than the
# count. A term's last word also matches it with a suffix after a ZWNJ («تحریم‌ها»), never a longer word.

# %%
for term in ("داعش", "تحریم"):
    lines = keywords.kwic(articles, term, window=7, text_column="normalized", normalize=False)
    lines = lines.merge(articles[["doc_id", "outlet"]], on="doc_id")
    print(f"«{term}»: {len(lines)} occurrences —", lines["outlet"].value_counts().to_dict())
    display(plots.KWIC(lines.groupby("outlet").head(6), max_rows=12))
