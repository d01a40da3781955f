"""Test configuration: hypothesis profiles chosen by HYPOTHESIS_PROFILE.

``dev`` (default) is quick; ``ci`` is derandomized so CI is repeatable;
``fuzz`` runs long (use it by hand on the fuzz-marked tests:
``HYPOTHESIS_PROFILE=fuzz python -m pytest -m fuzz --hypothesis-show-statistics``; 20,000 examples
per test, or ``FUZZ_EXAMPLES``).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True)
#: Examples per test in the ``fuzz`` profile; FUZZ_EXAMPLES sets another budget for a run.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20000"))
settings.register_profile(
    "fuzz", max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo() -> Path:
    return REPO
