"""Execute the notebooks headless, as `make demo` does, and list the figures they wrote.

    python scripts/run_notebooks.py [--figures DIR] [--set NAME=VALUE ...] [notebooks/01_*.ipynb ...]

Each notebook runs from its jupytext ``.py`` twin (the source of truth; the ``.ipynb`` is kept in sync
by ``jupytext --sync`` and committed without outputs). ``--set`` overrides a value of the cell tagged
``parameters`` (papermill's convention): a cell is inserted after it, as papermill does. Nothing is
written back to the notebooks.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path):
    import jupytext

    return jupytext.read(path.with_suffix(".py") if path.with_suffix(".py").exists() else path)


def execute(path: Path, parameters: dict | None = None, figures: Path | None = None, timeout: int = 1200):
    """Run one notebook in a fresh kernel; raise ``nbclient.exceptions.CellExecutionError`` on a failing cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = load(path)
    if parameters:
        idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), -1)
        src = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
        nb.cells.insert(idx + 1, nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]}))
    env_before = os.environ.get("TOOLKIT_FIGURES")
    if figures is not None:
        os.environ["TOOLKIT_FIGURES"] = str(figures.resolve())
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        NotebookClient(
            nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
        ).execute()
    finally:
        if env_before is None:
            os.environ.pop("TOOLKIT_FIGURES", None)
        else:
            os.environ["TOOLKIT_FIGURES"] = env_before
    return nb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--figures", type=Path, default=ROOT / "figures")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    params = {}
    for item in args.set:
        name, _, value = item.partition("=")
        params[name] = ast.literal_eval(value)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    start = time.time()
    for path in paths:
        t0 = time.time()
        print(f"running {path.name} ...", flush=True)
        try:
            execute(path, params, args.figures)
        except Exception as e:  # a failing cell: say which notebook, then stop
            print(
                f"{path.name}: failed: {str(e).strip().splitlines()[-1] if str(e).strip() else e}",
                file=sys.stderr,
            )
            return 1
        print(f"  done in {time.time() - t0:.0f} s")
    figs = sorted(p for p in args.figures.glob("*.png") if p.stat().st_mtime >= start - 1)
    print(f"wrote {len(figs)} figure(s) to {args.figures}:")
    for f in figs:
        print(f"  {f.relative_to(ROOT) if f.is_relative_to(ROOT) else f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
