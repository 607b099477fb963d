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
# # 01 · Normalization: the seed article before and after
#
# The seed article reached us without a single zero-width non-joiner (ZWNJ): «کرده‌اند» arrives as
# «کردهاند», «گفت‌وگو» as «گفتوگو». This notebook shows what `toolkit.normalize` does to it, compares
# it with hazm's `Normalizer` on the same text, and measures both on held-out ISNA articles whose
# ZWNJs were removed on purpose.

# %% tags=["parameters"]
N_ARTICLES = 300  # ISNA test articles for the restoration benchmark (all: 1504; the README gives the whole split)

# %%
import hazm
import pandas as pd
from IPython.display import display

import toolkit
from toolkit import datasets, evaluation, plots
from toolkit.tokens import words

seed = datasets.load_seeds().iloc[0]
normalized = toolkit.normalize(seed.text)
print(normalized[:400])

# %% [markdown]
# ## Every word the normalizer changed, beside hazm's output for the same word
#
# The table is built from the text itself: the words of the raw seed whose normalized form differs.

# %%
hazm_text = hazm.Normalizer().normalize(seed.text)
changed = toolkit.normalization.changes(seed.text).rename(columns={"normalized": "toolkit"})
changed["hazm"] = [
    next((w for w in words(hazm_text) if w.replace("\u200c", "") == raw.replace("\u200c", "")), "—")
    for raw in changed["raw"]
]
display(plots.RTL(changed))
print(f"{len(changed)} words changed; hazm restores {sum(changed.hazm == changed.toolkit)} of them the same way")

# %% [markdown]
# ## Restoration on held-out articles
#
# ISNA test articles (never seen by the ZWNJ lexicon) with their ZWNJs deleted, or turned into
# spaces, then repaired by each tool. *Restored* is the share of words with a ZWNJ that come back
# exactly as ISNA wrote them; *damaged* the share of other words that the tool changed; *damaged_other*
# the same without the morphemes a writer typed apart (`می شود`, `کرده اند`), which are the repair.

# %%
gold = [
    toolkit.Normalizer(restore_zwnj=False).normalize(t)
    for t in datasets.load_isna("test").head(N_ARTICLES).pipe(lambda d: d.title + "\n" + d.text)
]
tools = {"toolkit": toolkit.normalize, "hazm": hazm.Normalizer().normalize}
rows = [
    {"tool": name, "damage": damage, **evaluation.evaluate_zwnj(fn, gold, damage)}
    for damage in ("deleted", "spaced", "clean")
    for name, fn in tools.items()
]
columns = ["tool", "damage", "restored", "damaged", "damaged_other", "precision", "recall", "chars_per_s"]
results = pd.DataFrame(rows)[columns]
results

# %%
fig = plots.grouped_bars(
    results[results.damage != "clean"],
    x="damage",
    group="tool",
    y="restored",
    title=f"ZWNJ words restored ({len(gold)} ISNA test articles)",
    ylabel="share restored exactly",
)
plots.save_figure(fig, "01_zwnj_restoration")
