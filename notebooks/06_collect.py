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
# # 06 · From news pages to a claim comparison
#
# Notebook 04 compares what outlets claim in one article that was handed to us. To compare how RT,
# Al Mayadeen, Rudaw and the Persian agencies report an event, a researcher first gathers the articles: pages
# saved from the sites, and the sites' RSS feeds. `toolkit.collect` turns them into the corpus table:
# `read_html` reads saved pages (or fetches URLs), keeps the article's main text (paragraphs kept; menus,
# related links, comments, scripts dropped), takes the canonical URL as `doc_id`, the outlet from the registry
# by domain, and marks a wire story reprinted on several sites with the id of its first copy; `read_feed`
# gives one row per feed item.
#
# Here the pages and the feed are the fixture site of the tests: invented articles about an imagined
# reopening of the al-Qaim crossing between Iraq and Syria, in the shape of ISNA, Fars (an old Windows-1256
# page), Tasnim, IRNA and two sites reprinting its story, BBC Persian, and RT Arabic, Al Mayadeen and Rudaw
# Arabic. Gathering them from the web is one command, polite by default (robots.txt, one request a second
# per host, retries with backoff), resumable, and its output is what `python -m toolkit process` reads:
#
# ```sh
# python -m toolkit collect https://www.isna.ir/rss https://www.tasnimnews.com/fa/rss/feed/… --out news
# python -m toolkit process news --out run1
# ```

# %% tags=["parameters"]
PAGES = "tests/fixtures/collect/site"  # a folder of saved pages (.html, .htm, also gzipped)
FEED = "tests/fixtures/collect/feed.xml"  # an RSS or Atom file, or its URL
LANGUAGE = "fa"  # the articles whose claims are extracted (claims are read in Persian)

# %%
import pandas as pd
from IPython.display import display

from toolkit import collect, plots
from toolkit.claims import extract_claims
from toolkit.compare import claim_matrix, compare_claims

news = collect.read_html(PAGES, errors="ignore")
display(plots.RTL(news[["doc_id", "outlet", "language", "date", "title", "duplicate_of"]]))
print(f"{len(news)} articles; left out:")
for message in news.attrs["errors"]:
    print(" ", message.replace(PAGES, "…"))

# %% [markdown]
# Eleven articles, each with its outlet known from its URL (`www.bbc.com/persian/…` is BBC Persian, not the
# BBC), its language from the page (or from its letters), its publication day from the page's markup. The
# section front of ISNA and a draft page hold no article and are left out, each with one line saying why.
# The Fars page was written in Windows-1256, as old Persian sites were; it reads like the others:

# %%
fars = news[news.outlet == "Fars News Agency"].iloc[0]
print(fars.encoding, "|", fars.title)
print(fars.text.split("\n")[0])

# %% [markdown]
# ## The feed
#
# The feed lists the same articles with the time each came out. Its links are the articles' canonical URLs,
# so feed items and pages join on them.

# %%
items = collect.read_feed(FEED)
timeline = items.merge(news[["doc_id", "language"]], left_on="link", right_on="doc_id").sort_values("date")
display(plots.RTL(timeline[["date", "outlet", "language", "title"]]))

# %%
counts = news.groupby(news.outlet + " (" + news.language + ")").size().sort_values(ascending=False)
fig = plots.bars(counts.to_dict(), title="Collected articles by outlet (language)", xlabel="articles")
plots.save_figure(fig, "06_collected_by_outlet")

# %% [markdown]
# ## Reprints
#
# IRNA's story on a trade fair in Karbala came out again on Mehr and Khabar Online, with a new headline and
# a line of attribution. They are marked, not dropped: `duplicate_of` names IRNA's article. A comparison
# of outlets counts the story once.

# %%
display(plots.RTL(news.loc[news.duplicate_of != "", ["outlet", "title", "duplicate_of"]]))
first_copies = news[news.duplicate_of == ""]

# %% [markdown]
# ## Who claims what
#
# The Persian articles relay the Arabic channels. Their claims are extracted as in notebook 04; a claim
# whose outlet is the publisher itself («به گزارش ایسنا») is the publisher's own report, so only the claims
# of other outlets are compared.

# %%
persian = first_copies[first_copies.language == LANGUAGE]
claims = extract_claims(persian[["doc_id", "text"]])
claims["publisher"] = claims.doc_id.map(persian.set_index("doc_id").outlet)
relayed = claims[(claims.outlet != "") & (claims.outlet != claims.publisher)].reset_index(drop=True)
display(plots.RTL(relayed[["publisher", "outlet", "cue", "content"]]))

# %%
pairs = compare_claims(relayed)
display(plots.RTL(pairs[["outlet_a", "outlet_b", "relation", "reason", "claim_a", "claim_b"]]))

# %% [markdown]
# Claims are compared across the outlets that made them, whoever relays them. Tasnim relays Al Mayadeen's
# figure of 500 border guards where Fars relays Rudaw's 300: the comparison reads a contradiction on the
# number. ISNA and Fars both carry RT's claim about joint patrols, each in its own words; two claims of one
# outlet are not paired, so they stay two columns of the matrix (and Al Mayadeen's reopening, relayed by
# ISNA and Tasnim, two more).

# %%
matrix = claim_matrix(relayed)
fig = plots.outlet_matrix(matrix, title="Collected articles: which outlet carries which claim")
plots.save_figure(fig, "06_claim_matrix")
matrix

# %% [markdown]
# ## What the channels themselves published
#
# RT, Al Mayadeen and Rudaw are in the corpus too, in Arabic. Beside what the Persian agencies say each of
# them said, their own headline:

# %%
own = first_copies[first_copies.outlet.isin(relayed.outlet)].groupby("outlet").title.first()
said = relayed.groupby("outlet").content.agg(lambda c: " / ".join(c.str[:70]))
display(plots.RTL(pd.DataFrame({"own headline": own, "relayed in Persian": said}).dropna()))
