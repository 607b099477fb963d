"""Print ``environment.yml`` for conda users: the exact versions of ``uv.lock``, as ``make setup`` installs them.

    python scripts/environment_yml.py > environment.yml      # run by `make lock`

The pins come from ``uv export`` (every package of the lock with all extras, platform markers kept), so the
conda environment and ``make setup`` install the same versions; tests/test_environment.py checks the file is
current.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = """\
# conda env create -f environment.yml && conda activate persian-news-toolkit
# Written by `make lock` (scripts/environment_yml.py) from uv.lock: the exact versions `make setup` installs.
name: persian-news-toolkit
channels:
  - conda-forge
dependencies:
  - python=3.12
  - pip
  - pip:
"""


def pins() -> list[str]:
    """``name==version ; marker`` for every package of the lock, as uv exports them."""
    uv = Path(sys.executable).with_name("uv")
    out = subprocess.run(
        [str(uv), "export", "--frozen", "--all-extras", "--no-hashes", "--no-emit-project", "--no-header"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def render() -> str:
    return HEADER + "".join(f"      - {p}\n" for p in pins()) + "      - -e .\n"


if __name__ == "__main__":
    sys.stdout.write(render())
