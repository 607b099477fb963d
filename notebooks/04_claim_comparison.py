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
# # 04 · Claim comparison: who said what, and where outlets agree
#
# The seed article relays Aran News and carries three channels: an Iraqi government source speaking to
# RT («راشا تودی»), Al Mayadeen («المیادین») reporting itself, and the governor of al-Qaim speaking to Rudaw
# («رووداو»). Every attribution in it is indirect speech. This notebook turns it into a table of claims,
# compares the claims across outlets, draws the outlet × claim matrix, and then asks the corpora
# which outlets Persian news cites most, by topic and over time.

# %% tags=["parameters"]
ISNA_ARTICLES = 2000  # ISNA articles for the corpus part (all: 7453)
FARS_ARTICLES = 1490  # Fars articles (all: 1490); Fars has publication dates
TOP = 12  # outlets shown in the corpus figures
FX_ARTICLES = 1380  # FarExStance articles grouped into propositions (all: 1380)

# %%
import pandas as pd
from IPython.display import display

from toolkit import datasets, plots
from toolkit.claims import extract_claims, provenance
from toolkit.compare import claim_matrix, compare_claims, group_claims

seed = datasets.load_seeds()
claims = extract_claims(seed)
display(plots.RTL(claims[["outlet", "speaker", "cue", "mode", "content"]]))

# %% [markdown]
# Six claims through three outlets. «او» in «او در گفت‌وگو با شبکه راشا تودی گفت» is resolved to the Iraqi
# source of the sentence before it, so both of that source's claims come through RT; the governor's three
# claims, one a complement («از آماده‌باش … خبر داد»), come through Rudaw. The «» around «راشا تودی» and
# «احمد المحلاوی» are names, not quotations. Each row's `start, end` point into the raw file:

# %%
raw = seed.text[0]
print(raw[claims.start[5] : claims.end[5]])

# %% [markdown]
# ## The provenance chain
#
# «به گزارش آران نیوز:» is the relay of the whole article; the claim it opens reached Aran News through RT.

# %%
chain = provenance(raw)
display(plots.RTL(chain))
print(" → ".join(chain["name"]))

# %% [markdown]
# ## Comparing the outlets
#
# RT and Al Mayadeen state the same proposition — Iraq may strike ISIS in Syria without asking Damascus —
# and Al Mayadeen adds that it goes both ways («در خاک یکدیگر»). Rudaw alone reports the alert on the border
# and the 400–500 fighters (the range is read as numbers: a claim of 2,000 would be a contradiction).

# %%
pairs = compare_claims(claims)
display(plots.RTL(pairs[["outlet_a", "outlet_b", "relation", "reason", "similarity", "claim_a", "claim_b"]]))

# %%
matrix = claim_matrix(claims)
fig = plots.outlet_matrix(matrix, title="Seed article: which outlet carries which claim")
plots.save_figure(fig, "04_seed_claim_matrix")
matrix

# %% [markdown]
# ## Whom the corpora cite
#
# ISNA and Fars relay other outlets constantly («به گزارش ایسنا به نقل از رویترز»). Counting the outlets of
# the claims they carry, leaving out the publisher itself, shows whose voice reaches Persian readers
# through them. An outlet counts once per article that cites it (one long relay of a TV interview is one
# article, not forty claims). Outlets the registry does not know are kept as written.

# %%
isna = datasets.load_isna().sample(min(ISNA_ARTICLES, 7453), random_state=0)
fars = datasets.load_fars().head(FARS_ARTICLES)
corpus = pd.concat([isna, fars], ignore_index=True)
cited = extract_claims(corpus[["doc_id", "text"]]).merge(corpus[["doc_id", "category", "date"]], on="doc_id")
own = {"isna": "ISNA", "fars": "Fars News Agency"}
cited["publisher"] = cited["doc_id"].str.split("/").str[0].map(own)
third = cited[(cited.outlet != "") & (cited.outlet != cited.publisher)]
citing = third.drop_duplicates(["doc_id", "outlet"])  # one row per article and outlet it cites
counts = citing.groupby("outlet").size().sort_values(ascending=False)
print(f"{len(cited)} claims in {len(corpus)} articles; {len(third)} through {third.outlet.nunique()} other outlets")
fig = plots.bars(counts.head(TOP).to_dict(), title="Outlets cited by ISNA and Fars", xlabel="articles citing it")
plots.save_figure(fig, "04_outlets_cited")

# %% [markdown]
# ### By topic (ISNA's categories)

# %%
isna_citing = citing[citing.publisher == "ISNA"]
by_topic = pd.crosstab(isna_citing.outlet, isna_citing.category)
by_topic.loc[by_topic.sum(axis=1).sort_values(ascending=False).index[:TOP]]

# %% [markdown]
# Tech news comes through foreign tech sites (Engadget, New Atlas/Gizmag, Daily Mail), sport through the
# European sports press, politics and economics through the news agencies.
#
# ### Over time (Fars, Solar Hijri year of publication)

# %%
fars_cited = citing[citing.publisher == "Fars News Agency"].assign(year=lambda d: d.date.str[:4].astype(int))
fars_cited = fars_cited[fars_cited.year >= 1380]  # a few ids give implausible dates
top = fars_cited.outlet.value_counts().index[:5]
per_year = fars_cited[fars_cited.outlet.isin(top)].groupby(["year", "outlet"]).size().rename("articles").reset_index()
fig = plots.lines(
    per_year, x="year", y="articles", group="outlet", title="Articles of Fars citing each outlet, per year"
)
plots.save_figure(fig, "04_fars_outlets_over_time")
per_year.pivot(index="year", columns="outlet", values="articles").fillna(0).astype(int)

# %% [markdown]
# ## Claims across a corpus
#
# FarExStance's articles come from dozens of Persian outlets and relay foreign ones: Reuters, Al Jazeera,
# Sputnik, RT, Al Arabiya, Rudaw. `group_claims` gathers the claims of all of them into groups that share
# their concepts, so the same story can be read outlet by outlet. A group is often an event rather than one
# proposition (every claim about the navy's voyage, say), and its relations are decided as `compare_claims`
# decides them: a contradiction only where one quantity's numbers, a negated predicate or an antonym do not
# fit in claims of the same content. On the labelled cross-outlet pairs that is rare and not always right
# (see `benchmarks/README.md`, *claim pairs*), so a contradiction here is a lead to read, with its spans, not
# a finding.

# %%
fx = datasets.load_farexstance(task="article").drop_duplicates("news_id").head(FX_ARTICLES)
fx_claims = extract_claims(fx[["doc_id", "text"]])
fx_claims = fx_claims[fx_claims.outlet != ""].reset_index(drop=True)
groups = group_claims(fx_claims)
shared = groups[groups.outlets.map(len) >= 2]
print(f"{len(fx_claims)} claims of {len(fx)} articles in {len(groups)} groups; {len(shared)} carried by 2+ outlets")

# %%
FOREIGN = ["Reuters", "Al Jazeera", "Sputnik", "RT", "Al Arabiya", "Rudaw", "Al Mayadeen"]
carried = {o: int(shared.outlets.map(lambda outlets, o=o: o in outlets).sum()) for o in FOREIGN}
fig = plots.bars(carried, title="FarExStance: groups of claims a foreign outlet shares with others", xlabel="groups")
plots.save_figure(fig, "04_foreign_outlets_in_groups")
foreign = shared[shared.outlets.map(lambda outlets: bool(set(outlets) & set(FOREIGN)))]
display(plots.RTL(foreign.head(TOP)[["size", "label", "outlets", "relations"]]))

# %% [markdown]
# The claims of the largest such group, each with its span in its article: `start, end` point into the raw
# text of `doc_id`.

# %%
if len(foreign):
    members = fx_claims.iloc[foreign.iloc[0]["members"]]
    display(plots.RTL(members[["doc_id", "outlet", "speaker", "content", "start", "end"]].head(TOP)))
    first = members.iloc[0]
    print(fx.set_index("doc_id").text[first.doc_id][first.start : first.end])
