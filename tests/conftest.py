"""Hypothesis runs derandomized by default, so CI is repeatable: the same examples on every run. A fuzzing
campaign explores new ones: ``HYPOTHESIS_PROFILE=explore FUZZ_EXAMPLES=30000 pytest tests/robustness``."""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
