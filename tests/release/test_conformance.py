"""The Ministry of Justice's own release date cases (calculate-release-dates-api, MIT), run through
`openom calc release-dates` rules with the fixed bank holidays the service's tests use.

Two sets: `overall_calculation/` (ids `group/case`) and the further groups in `next/` (ids
`next/group/case`). A missing conformance directory fails the run: it is never skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from openom.release.calculators import ReleaseInputError, calculate

CONFORMANCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "conformance"
    / "calculate-release-dates"
)
# (id prefix, directory holding overall_calculation/ and overall_calculation_response/)
SUITES: tuple[tuple[str, Path], ...] = (("", CONFORMANCE), ("next/", CONFORMANCE / "next"))
# The service's example tests use a bank-holiday list of only these two days.
FIXED_BANK_HOLIDAYS = "2021-12-27,2021-12-28"

# Cases OpenOM does not yet reproduce. Each must fail (strict xfail) until fixed, and each says
# what the service gives, what OpenOM gives and which rule is missing, so that it can be checked.
KNOWN_EXCLUSIONS: dict[str, str] = {
    "next/progression-model/crs-2503-ac1-6": (
        "the fixture's expected CRD is '2028-06-16 ' with a trailing space, which is not a date; "
        "OpenOM gives CRD 2028-06-16, the date the service means"
    ),
    "next/custom-examples/crs-2331-bug": (
        "nine sentences over three periods of custody with ADAs awarded between them: the "
        "service's CRD is 2028-02-08, OpenOM's 2028-01-13 (sharing of ADAs and remand to a "
        "chain extended in a later period is not reproduced)"
    ),
    "next/tranches/crs-2105-ac-3-4": (
        "28-day fixed term recall with a UAL period whose end is before its start, and a new "
        "sentence in August 2024, SDS40 tranche 2: the service gives CRD 2024-10-22 and HDCED "
        "2024-09-26, OpenOM 2024-10-21 and 2024-09-18"
    ),
}


def _cases() -> list[Any]:
    params = []
    for prefix, root in SUITES:
        inputs = root / "overall_calculation"
        if not inputs.is_dir():
            params.append(pytest.param(f"{prefix}MISSING", id=f"{prefix}conformance-missing"))
            continue
        for path in sorted(inputs.glob("*/*.json")):
            case_id = f"{prefix}{path.parent.name}/{path.stem}"
            marks = []
            if case_id in KNOWN_EXCLUSIONS:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_EXCLUSIONS[case_id]))
            params.append(pytest.param(case_id, id=case_id, marks=marks))
    return params


def _paths(case_id: str) -> tuple[Path, Path]:
    root, name = (
        (CONFORMANCE / "next", case_id[5:])
        if case_id.startswith("next/")
        else (
            CONFORMANCE,
            case_id,
        )
    )
    return (
        root / "overall_calculation" / f"{name}.json",
        root / "overall_calculation_response" / f"{name}.json",
    )


def test_every_known_exclusion_names_a_case_that_exists() -> None:
    """An exclusion left behind for a case that was renamed or removed hides nothing: refuse it."""
    missing = [case for case in KNOWN_EXCLUSIONS if not _paths(case)[0].exists()]
    assert missing == []


@pytest.mark.parametrize("case_id", _cases())
def test_conformance_case_matches_the_service(case_id: str) -> None:
    if case_id.endswith("MISSING"):
        pytest.fail(f"conformance cases not found under {CONFORMANCE}: the suite cannot run")
    input_path, response_path = _paths(case_id)
    payload = json.loads(input_path.read_text())
    expected = json.loads(response_path.read_text()) if response_path.exists() else None
    failure = payload.get("error") or payload.get("expectedValidationException")
    if failure:
        with pytest.raises(ReleaseInputError) as raised:
            calculate(payload, bank_holidays=FIXED_BANK_HOLIDAYS)
        if payload.get("expectedValidationException"):
            codes = payload["expectedValidationException"].split("|")
            assert set(codes) & set(raised.value.codes), (raised.value.codes, codes)
        else:
            assert payload["error"] in raised.value.codes
        return
    assert expected is not None
    result = calculate(payload, bank_holidays=FIXED_BANK_HOLIDAYS)
    assert result["dates"] == expected["dates"]
    assert result["effectiveSentenceLength"] == expected["effectiveSentenceLength"]
