"""Test configuration: hypothesis profiles chosen by HYPOTHESIS_PROFILE.

``dev`` (default) is quick; ``ci`` is derandomized so CI is repeatable;
``fuzz`` runs long (use it by hand: ``HYPOTHESIS_PROFILE=fuzz pytest tests/test_properties.py``).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo() -> Path:
    return REPO
