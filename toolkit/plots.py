"""Every figure of the toolkit, and the one place figures are written: :func:`save_figure`.

matplotlib >= 3.11 shapes Arabic-script text itself (through libraqm): Persian labels are passed
as they are. Never pass them through arabic-reshaper or python-bidi, which now reverse the text.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

#: A font with Persian glyphs that matplotlib ships (DejaVu Sans covers the Arabic script).
PERSIAN_FONT = "DejaVu Sans"


def figures_dir() -> Path:
    """Where figures go: ``$TOOLKIT_FIGURES``, else ``figures/`` in the working directory."""
    return Path(os.environ.get("TOOLKIT_FIGURES", "figures"))


def save_figure(fig: Figure, name: str, *, dpi: int = 150) -> Path:
    """Save ``fig`` as ``<figures_dir>/<name>.png`` and return the path (the folder is created)."""
    out = figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    return path


def bars(values: dict[str, float], *, title: str = "", xlabel: str = "", ax=None) -> Figure:
    """Horizontal bars with (Persian) labels, largest on top.

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
    """A DataFrame shown right-to-left in Jupyter (``display(RTL(df))``), for tables of Persian text."""

    def __init__(self, df, *, max_rows: int = 50):
        self.df = df
        self.max_rows = max_rows

    def _repr_html_(self) -> str:
        html = self.df.head(self.max_rows).to_html(index=False, escape=True)
        return f'<div dir="rtl" style="text-align:right;font-family:Vazirmatn,Tahoma,sans-serif">{html}</div>'

    def __repr__(self) -> str:
        return repr(self.df)


def grouped_bars(df, *, x: str, group: str, y: str, title: str = "", ylabel: str = "") -> Figure:
    """Bars of ``y`` for each value of ``x``, one bar per ``group`` side by side, values printed on top."""
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


#: Colours of :func:`outlet_matrix` cells.
MATRIX_COLORS = {"": "#f2f2f2", "states": "#3b6ea8", "adds": "#2a9d8f", "contradicts": "#c0392b"}


def outlet_matrix(table, *, title: str = "", width: int = 38) -> Figure:
    """The outlet × proposition table of :func:`toolkit.compare.claim_matrix` as coloured cells:
    which outlet states, adds to or contradicts which proposition (labels cut to ``width`` characters).

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


def lines(df, *, x: str, y: str, group: str, title: str = "", ylabel: str = "") -> Figure:
    """One line of ``y`` over ``x`` for each value of ``group`` (labels may be Persian).

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
