"""Every figure of the toolkit, and the one place figures are written: :func:`save_figure`.

matplotlib >= 3.11 shapes Arabic-script text itself (through libraqm): Persian labels are passed
as they are. Never pass them through arabic-reshaper or python-bidi, which now reverse the text.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np

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


def heatmap(df, *, title: str = "", xlabel: str = "", ylabel: str = "", fmt: str = "{:d}") -> Figure:
    """A table of numbers as coloured cells with the values written in them (a confusion matrix, say):
    rows of ``df`` top to bottom, columns left to right, labels from its index and columns.

    >>> import pandas as pd
    >>> fig = heatmap(pd.DataFrame([[5, 1], [0, 4]], index=["sport", "world"], columns=["sport", "world"]))
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
