"""Release tests: the Ministry of Justice conformance cases must be present where CI requires them.

tests/release/test_conformance.py skips when the cases are missing (a developer's checkout may not
have ../shared); CI sets OPENOM_REQUIRE_CONFORMANCE=1 (.ci/run), and then a missing directory is a
failure of every release test module, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CONFORMANCE_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "conformance"
CONFORMANCE_CASES = CONFORMANCE_ROOT / "calculate-release-dates" / "overall_calculation"


def conformance_required() -> bool:
    return os.environ.get("OPENOM_REQUIRE_CONFORMANCE", "") not in {"", "0"}


def pytest_collection_modifyitems(config, items):
    if not conformance_required() or CONFORMANCE_CASES.is_dir():
        return
    for item in items:
        if "tests/release/" in str(item.fspath).replace(os.sep, "/"):
            # Drop any skip mark (the "conformance-missing" placeholder): the autouse fixture
            # below then fails the test.
            item.own_markers[:] = [m for m in item.own_markers if m.name != "skip"]


@pytest.fixture(autouse=True)
def _conformance_cases_present():
    if conformance_required() and not CONFORMANCE_CASES.is_dir():
        pytest.fail(
            f"The conformance cases are missing ({CONFORMANCE_CASES}) and "
            "OPENOM_REQUIRE_CONFORMANCE is set: CI must not pass without them",
            pytrace=False,
        )
