"""Every figure of the toolkit, and the one place figures are written: :func:`save_figure`.

matplotlib >= 3.11 shapes Arabic-script text itself (through libraqm): Persian labels are passed
as they are. Never pass them through arabic-reshaper or python-bidi, which now reverse the text.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from toolkit._compat import renamed_arguments

#: A font with Persian glyphs that matplotlib ships (DejaVu Sans covers the Arabic script).
PERSIAN_FONT = "DejaVu Sans"


def figures_dir() -> Path:
    """Where figures go.

    Returns
    -------
    pathlib.Path
        ``$TOOLKIT_FIGURES``, else ``figures/`` in the working directory.

    Examples
    --------
    >>> import os
    >>> figures_dir() == Path(os.environ.get("TOOLKIT_FIGURES", "figures"))
    True
    """
    return Path(os.environ.get("TOOLKIT_FIGURES", "figures"))


def save_figure(fig: Figure, name: str, *, dpi: int = 150) -> Path:
    """Save a figure as ``<figures_dir>/<name>.png``, the one place figures are written.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        The file name, without ``.png``.
    dpi : int, default 150

    Returns
    -------
    pathlib.Path
        The file written (its folder is created).

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["TOOLKIT_FIGURES"] = tempfile.mkdtemp()
    >>> save_figure(bars({"کرده‌اند": 3}), "واژه‌ها").name
    'واژه‌ها.png'
    >>> del os.environ["TOOLKIT_FIGURES"]
    """
    out = figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    return path


def bars(values: dict[str, float], *, title: str = "", xlabel: str = "", ax=None) -> Figure:
    """Horizontal bars with (Persian) labels, largest on top.

    Parameters
    ----------
    values : dict of str to float
        Label → value.
    title, xlabel : str, default ""
    ax : matplotlib.axes.Axes, optional
        Draw there; a new figure if ``None``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = bars({"کرده‌اند": 3, "گفت‌وگو": 2})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['گفت\u200cوگو', 'کرده\u200cاند']
    """
    if ax is None:
        fig, ax = plt.subplots(figsize=(6, 0.35 * max(len(values), 3) + 1))
    else:
        fig = ax.figure
    items = sorted(values.items(), key=lambda kv: kv[1])
    ax.barh([k for k, _ in items], [v for _, v in items], color="#3b6ea8")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    for label in ax.get_yticklabels():
        label.set_fontfamily(PERSIAN_FONT)
    fig.tight_layout()
    return fig


class RTL:
    """A DataFrame shown right-to-left in Jupyter (``display(RTL(df))``), for tables of Persian text.

    Parameters
    ----------
    df : pandas.DataFrame
    max_rows : int, default 50
        Show only the first rows.

    Examples
    --------
    >>> import pandas as pd
    >>> RTL(pd.DataFrame({"واژه": ["داعش"]}))._repr_html_()[:15]
    '<div dir="rtl" '
    """

    def __init__(self, df, *, max_rows: int = 50):
        self.df = df
        self.max_rows = max_rows

    def _repr_html_(self) -> str:
        html = self.df.head(self.max_rows).to_html(index=False, escape=True)
        return f'<div dir="rtl" style="text-align:right;font-family:Vazirmatn,Tahoma,sans-serif">{html}</div>'

    def __repr__(self) -> str:
        return repr(self.df)


def grouped_bars(df, *, x: str, group: str, y: str, title: str = "", ylabel: str = "") -> Figure:
    """Bars of ``y`` for each value of ``x``, one bar per ``group`` side by side, values printed on top.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per ``x`` and ``group``.
    x, group, y : str
        Columns of ``df``.
    title, ylabel : str, default ""

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"damage": ["حذف", "حذف", "فاصله", "فاصله"], "tool": ["toolkit", "hazm"] * 2,
    ...                   "restored": [0.97, 0.5, 0.9, 0.4]})
    >>> [t.get_text() for t in grouped_bars(d, x="damage", group="tool", y="restored").axes[0].get_xticklabels()]
    ['حذف', 'فاصله']
    """
    xs = list(dict.fromkeys(df[x]))
    groups = list(dict.fromkeys(df[group]))
    fig, ax = plt.subplots(figsize=(1.6 + 1.4 * len(xs), 3.6))
    width = 0.8 / len(groups)
    for i, g in enumerate(groups):
        vals = [float(df[(df[x] == v) & (df[group] == g)][y].iloc[0]) for v in xs]
        pos = [j + (i - (len(groups) - 1) / 2) * width for j in range(len(xs))]
        bars_ = ax.bar(pos, vals, width, label=g)
        ax.bar_label(bars_, fmt="%.2f", fontsize=8)
    ax.set_xticks(range(len(xs)), xs)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return fig


@renamed_arguments(top="k")
def keyness_bars(result, *, k: int = 15, title: str = "") -> Figure:
    """One panel per group of a :func:`toolkit.keywords.keyness` result: the log-odds ratio of its ``k``
    terms (highest ``z`` on top) with their bootstrap intervals.

    Parameters
    ----------
    result : pandas.DataFrame
        :func:`toolkit.keywords.keyness`.
    k : int, default 15
        Terms per panel (``top=`` is its deprecated name).
    title : str, default ""

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> res = pd.DataFrame({"group": ["الف", "ب"], "term": ["داعش", "بورس"], "count": [2, 2], "log_odds": [1.0, 0.8],
    ...                     "z": [2.0, 1.5], "ci_low": [0.5, 0.2], "ci_high": [1.5, 1.2]})
    >>> [ax.get_title() for ax in keyness_bars(res).axes]
    ['الف', 'ب']
    """
    groups = list(dict.fromkeys(result["group"]))
    rows = max(min(k, int((result["group"] == g).sum())) for g in groups) if groups else 1
    fig, axes = plt.subplots(1, max(len(groups), 1), figsize=(3.4 * max(len(groups), 1), 0.3 * rows + 1.4))
    axes = list(np.atleast_1d(axes))
    for ax, g in zip(axes, groups, strict=False):
        part = result[result["group"] == g].sort_values("z", ascending=False).head(k).iloc[::-1]
        err = np.vstack([part["log_odds"] - part["ci_low"], part["ci_high"] - part["log_odds"]]).clip(min=0)
        ax.barh(part["term"], part["log_odds"], xerr=err, color="#3b6ea8", ecolor="#555", capsize=2)
        ax.set_title(str(g), fontfamily=PERSIAN_FONT)
        ax.set_xlabel("log-odds ratio vs the rest")
        for label in ax.get_yticklabels():
            label.set_fontfamily(PERSIAN_FONT)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


@renamed_arguments(label="k")
def term_scatter(result, a, b, *, k: int = 12, title: str = "") -> Figure:
    """How often each term is used by group ``a`` (y) and group ``b`` (x), per 10,000 terms, log scales;
    the ``k`` terms most typical of each group (highest ``z``) are named.

    Parameters
    ----------
    result : pandas.DataFrame
        :func:`toolkit.keywords.keyness` over two groups with ``k=None`` (every term).
    a, b : str
        The two groups.
    k : int, default 12
        Terms named per group (``label=`` is its deprecated name).
    title : str, default ""

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> res = pd.DataFrame({"group": ["الف", "الف", "ب", "ب"], "term": ["داعش", "بورس", "داعش", "بورس"],
    ...                     "count": [9, 1, 1, 8], "z": [2.0, -2.0, -2.0, 2.0]})
    >>> sorted(t.get_text() for t in term_scatter(res, "الف", "ب", k=1).axes[0].texts)
    ['بورس', 'داعش']
    """
    counts = result.pivot_table(index="term", columns="group", values="count", aggfunc="sum", fill_value=0)
    for g in (a, b):
        if g not in counts.columns:
            raise ValueError(f"term_scatter(): no group {g!r} in the keyness result")
    freq = counts[[a, b]] / counts[[a, b]].sum().clip(lower=1) * 10_000
    floor = freq[freq > 0].min().min() / 2 if (freq > 0).any().any() else 1.0
    freq = freq.clip(lower=floor)
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.scatter(freq[b], freq[a], s=6, color="#999", alpha=0.4, linewidths=0)
    ax.set_xscale("log")
    ax.set_yscale("log")
    for g, color in ((a, "#b33a3a"), (b, "#3b6ea8")):
        best = result[result["group"] == g].nlargest(k, "z")["term"]
        ax.scatter(freq.loc[best, b], freq.loc[best, a], s=14, color=color)
        for i, t in enumerate(best):  # alternate the offsets so that neighbouring labels overlap less
            ax.annotate(t, (freq.at[t, b], freq.at[t, a]), fontsize=8, color=color, fontfamily=PERSIAN_FONT,
                        xytext=(4, 7 * (i % 3) - 7), textcoords="offset points")  # fmt: skip
    lo, hi = freq.min().min(), freq.max().max()
    ax.plot([lo, hi], [lo, hi], color="#ccc", linewidth=1, zorder=0)
    ax.set_xlabel(f"{b}: per 10,000 terms", fontfamily=PERSIAN_FONT)
    ax.set_ylabel(f"{a}: per 10,000 terms", fontfamily=PERSIAN_FONT)
    ax.set_title(title)
    fig.tight_layout()
    return fig


#: Colours of :func:`outlet_matrix` cells.
MATRIX_COLORS = {"": "#f2f2f2", "states": "#3b6ea8", "adds": "#2a9d8f", "contradicts": "#c0392b"}


def outlet_matrix(table, *, title: str = "", width: int = 38) -> Figure:
    """The outlet × proposition table of :func:`toolkit.compare.claim_matrix` as coloured cells:
    which outlet states, adds to or contradicts which proposition (labels cut to ``width`` characters).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`toolkit.compare.claim_matrix`.
    title : str, default ""
    width : int, default 38
        The longest column label.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"اجازه بمباران": ["states", "adds"]}, index=["RT", "Al Mayadeen"])
    >>> [x.get_text() for x in outlet_matrix(t).axes[0].get_yticklabels()]
    ['RT', 'Al Mayadeen']
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    kinds = list(MATRIX_COLORS)
    codes = table.apply(lambda col: col.map(kinds.index)).to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(1.4 + 1.1 * max(len(table.columns), 2), 1.0 + 0.5 * max(len(table), 2)))
    ax.imshow(codes, cmap=ListedColormap([MATRIX_COLORS[k] for k in kinds]), vmin=0, vmax=len(kinds) - 1, aspect="auto")
    labels = [c if len(c) <= width else c[: width - 1] + "…" for c in map(str, table.columns)]
    ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right", fontfamily=PERSIAN_FONT, fontsize=8)
    ax.set_yticks(range(len(table)), [str(i) for i in table.index])
    ax.set_xticks([x - 0.5 for x in range(1, len(labels))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(table))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.legend(
        handles=[Patch(color=MATRIX_COLORS[k], label=k) for k in kinds[1:]],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    ax.set_title(title)
    fig.tight_layout()
    return fig


class KWIC:
    """Keyword-in-context lines (:func:`toolkit.keywords.kwic`) shown right-to-left in Jupyter, the matches
    aligned in one column: ``display(KWIC(kwic(df, "داعش")))``.

    Parameters
    ----------
    lines : pandas.DataFrame
        :func:`toolkit.keywords.kwic`.
    max_rows : int, default 30
        Show only the first lines.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.keywords import kwic
    >>> found = kwic(pd.DataFrame({"doc_id": ["a"], "text": ["مواضع داعش در سوریه"]}), "داعش", window=1)
    >>> KWIC(found)._repr_html_().count("<tr>")
    1
    """

    def __init__(self, lines, *, max_rows: int = 30):
        self.lines = lines
        self.max_rows = max_rows

    def _repr_html_(self) -> str:
        cell = "padding:1px 6px;white-space:nowrap"
        rows = [
            f'<tr><td style="{cell};color:#888">{html.escape(str(r.doc_id))}</td>'
            f'<td style="{cell};text-align:left">{html.escape(r.before)}</td>'
            f'<td style="{cell};text-align:center;font-weight:bold;color:#b33a3a">{html.escape(r.match)}</td>'
            f'<td style="{cell};text-align:right">{html.escape(r.after)}</td></tr>'
            for r in self.lines.head(self.max_rows).itertuples()
        ]
        more = len(self.lines) - self.max_rows
        tail = f"<p>… {more} more</p>" if more > 0 else ""
        return (
            f'<div dir="rtl" style="font-family:Vazirmatn,Tahoma,sans-serif"><table>{"".join(rows)}</table>{tail}</div>'
        )

    def __repr__(self) -> str:
        return repr(self.lines)


def lines(df, *, x: str, y: str, group: str, title: str = "", ylabel: str = "") -> Figure:
    """One line of ``y`` over ``x`` for each value of ``group`` (labels may be Persian).

    Parameters
    ----------
    df : pandas.DataFrame
    x, y, group : str
        Columns of ``df``.
    title, ylabel : str, default ""
        ``ylabel`` defaults to ``y``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"year": [1390, 1391, 1390], "outlet": ["AFP", "AFP", "رویترز"], "n": [1, 3, 2]})
    >>> len(lines(d, x="year", y="n", group="outlet").axes[0].get_lines())
    2
    """
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for name, part in df.groupby(group, sort=False):
        part = part.sort_values(x)
        ax.plot(part[x], part[y], marker="o", label=str(name))
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel or y)
    ax.set_title(title)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig


def heatmap(df, *, title: str = "", xlabel: str = "", ylabel: str = "", fmt: str = "{:d}") -> Figure:
    """A table of numbers as coloured cells with the values written in them (a confusion matrix, say):
    rows of ``df`` top to bottom, columns left to right, labels from its index and columns.

    Parameters
    ----------
    df : pandas.DataFrame
        Numbers.
    title, xlabel, ylabel : str, default ""
        The axis labels default to the names of the columns and of the index.
    fmt : str, default "{:d}"
        How a value is written in its cell.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> fig = heatmap(pd.DataFrame([[5, 1], [0, 4]], index=["ورزش", "جهان"], columns=["ورزش", "جهان"]))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['5', '1', '0', '4']
    """
    fig, ax = plt.subplots(figsize=(1.2 + 0.75 * df.shape[1], 1.0 + 0.55 * df.shape[0]))
    values = df.to_numpy()
    ax.imshow(values, cmap="Blues")
    high = values.max() / 2 if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, fmt.format(v), ha="center", va="center", color="white" if v > high else "black", fontsize=8)
    ax.set_xticks(range(df.shape[1]), [str(c) for c in df.columns], rotation=45, ha="right")
    ax.set_yticks(range(df.shape[0]), [str(i) for i in df.index])
    ax.set_title(title)
    ax.set_xlabel(xlabel or (df.columns.name or ""))
    ax.set_ylabel(ylabel or (df.index.name or ""))
    fig.tight_layout()
    return fig
