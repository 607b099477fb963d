"""Hypothesis runs derandomized by default, so CI is repeatable: the same examples on every run. A fuzzing
campaign explores new ones: ``HYPOTHESIS_PROFILE=explore FUZZ_EXAMPLES=30000 pytest tests/robustness``.

The corpora are found or built once, before the tests start (with pytest-xdist: in the controller, before the
workers), so parallel workers never build the same table at once."""

import os

import pytest
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_sessionstart(session):
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller has built them
        return
    from toolkit import datasets

    try:
        datasets.fetch("all", progress=False)
    except datasets.DataError as e:
        pytest.exit(f"the tests need the corpora: {e}", returncode=2)
