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
# # 05 · A whole corpus: the pipeline, then questions to its tables
#
# Notebooks 02–04 each take one step on articles in memory. A real corpus is files — years of several
# outlets, more than memory holds. `python -m toolkit process` (here `pipeline.run`, the function behind it)
# reads Parquet/JSONL files shard by shard and writes two Parquet tables: one row per article (topic,
# keywords, number of claims) and one per claim (who said it, through which outlet, with the evidence span in
# the raw text). It resumes where an interrupted run stopped, and runs on a Dask cluster with `WORKERS` or a
# scheduler address. This notebook runs it on the articles written as a publisher would deliver
# them, then asks the tables what each outlet covers and whom it quotes.

# %% tags=["parameters"]
N_ARTICLES = 2000  # articles to process (all: about 9,000)
ROWS_PER_SHARD = 500  # articles per output part
WORKERS = 0  # 0: in this process; N: a local Dask cluster of N processes
TOP = 10  # outlets shown

# %%
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

from toolkit import datasets, pipeline, plots, scale
from toolkit.sources import canonical

articles = pd.concat([datasets.load_isna(), datasets.load_fars(), datasets.load_topics(corpora=("news2025",))])
articles = articles[["doc_id", "outlet", "title", "text"]].sample(N_ARTICLES, random_state=0)
work = Path(tempfile.mkdtemp(prefix="toolkit-05-"))
for outlet, part in articles.groupby("outlet"):  # one JSONL file per outlet, as scraped
    part.to_json(work / f"{outlet}.jsonl", orient="records", lines=True, force_ascii=False)
sorted(p.name for p in work.glob("*.jsonl"))

# %%
client = scale.connect(workers=WORKERS) if WORKERS else None
done = pipeline.run(work / "*.jsonl", work / "out", rows_per_shard=ROWS_PER_SHARD, client=client, progress=False)
again = pipeline.run(work / "*.jsonl", work / "out", rows_per_shard=ROWS_PER_SHARD, client=client, progress=False)
print(done, again, sep="\n")  # the rerun finds every part finished and writes nothing

# %%
table = pd.read_parquet(work / "out" / "articles")
claims = pd.read_parquet(work / "out" / "claims")
display(plots.RTL(table[["outlet", "title", "topic", "topic_proba", "keywords", "n_claims"]].head(8)))

# %% [markdown]
# ## What each outlet covers
#
# The predicted topics by outlet (probability ≥ 0.5 only; the rest are flagged `low_confidence`). ISNA's
# articles come from five sections in equal numbers, so their mix says more about the corpus than
# about ISNA; Fars' mix is its own archive's.

# %%
sure = table[~table.low_confidence]
mix = pd.crosstab(sure.outlet, sure.topic)
fig = plots.heatmap(mix, title="Articles by outlet and predicted topic")
plots.save_figure(fig, "05_topics_by_outlet")
print(f"{len(sure)} of {len(table)} articles with a confident topic")

# %% [markdown]
# The keywords the articles of each topic share most often:

# %%
keywords = sure[["topic", "keywords"]].explode("keywords").dropna()
top_terms = keywords.groupby("topic")["keywords"].agg(lambda k: "، ".join(k.value_counts().index[:8]))
display(plots.RTL(top_terms.to_frame("most frequent keywords")))

# %% [markdown]
# ## Whom each outlet quotes
#
# The claims table names the outlet each claim came through. Joined with the article table it says which
# outlets each publisher relays (leaving out the publisher itself, counting an outlet once per article), as
# a share of the publisher's articles so that a big and a small archive compare.

# %%
cited = claims.merge(table[["doc_id", "outlet"]].rename(columns={"outlet": "publisher"}), on="doc_id")
itself = cited.publisher.map(lambda name: canonical(name) or name)  # "Fars" is the registry's "Fars News Agency"
third = cited[(cited.outlet != "") & (cited.outlet != itself)]
citing = third.drop_duplicates(["doc_id", "outlet"])
published = table.outlet.value_counts()
big = published[published >= 100].index  # publishers with enough articles for a share to mean something
who = pd.crosstab(citing.outlet, citing.publisher).reindex(columns=big, fill_value=0)
share = 100 * who / published[big]
share = share.loc[share.max(axis=1).sort_values(ascending=False).index[:TOP]]  # each publisher's favourites
title = "Per 100 articles of each publisher: articles citing the outlet"
fig = plots.heatmap(share, title=title, xlabel="publisher", fmt="{:.1f}")
plots.save_figure(fig, "05_outlets_cited_by_publisher")
print(f"{len(claims)} claims in {len(table)} articles; {citing.doc_id.nunique()} articles cite another outlet")

# %% [markdown]
# ISNA's sections lean on foreign tech and science sites (Engadget, New Atlas, Daily Mail) for its
# tech news; Fars on the wire agencies (AFP, AP, Reuters, Xinhua) for its world news — the same split notebook
# 04 finds with `extract_claims` on the corpora in memory.

# %% [markdown]
# ## Back to the evidence
#
# Every claim keeps `start, end` in its article's raw text, and every article keeps the file (`path`) and its
# position in it (`row`): a finding can always be checked against what the outlet printed.

# %%
claim = third.iloc[0]
source = table.set_index("doc_id").loc[claim.doc_id]
raw = pd.read_json(source.path, lines=True).text[source.row]
print(claim.outlet, "|", claim.speaker, "|", claim.cue)
print(raw[claim.start : claim.end])

# %%
if client is not None:
    client.close()
