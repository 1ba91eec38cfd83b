"""`openom calc working-days` end to end."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from openom.core.calc import run


def _run(payload: Any) -> tuple[int, Any]:
    stdout = io.StringIO()
    code = run(["working-days"], stdin=io.StringIO(json.dumps(payload)), stdout=stdout)
    return code, json.loads(stdout.getvalue())


def test_adding_three_working_days_before_christmas_2021_skips_the_substitute_days():
    code, result = _run({"from": "2021-12-23", "add": 3})
    assert code == 0
    assert result["date"] == "2021-12-30"
    assert result["skipped"] == [
        {"date": "2021-12-27", "reason": "Christmas Day (observed)"},
        {"date": "2021-12-28", "reason": "Boxing Day (observed)"},
    ]


def test_counting_from_one_date_to_another_gives_the_working_days():
    code, result = _run({"from": "2022-09-16", "to": "2022-09-23"})
    assert code == 0
    assert result["working_days"] == 4
    assert result["skipped"] == [
        {"date": "2022-09-19", "reason": "State Funeral of Queen Elizabeth II"}
    ]


def test_closures_are_extra_non_working_days():
    code, result = _run({"from": "2024-06-10", "add": 1, "closures": ["2024-06-11"]})
    assert code == 0
    assert result["date"] == "2024-06-12"


def test_bank_holidays_replace_the_england_and_wales_calendar():
    code, result = _run({"from": "2021-12-31", "add": 1, "bank_holidays": []})
    assert code == 0
    assert result["date"] == "2022-01-03"


def test_a_list_of_inputs_answers_a_list_of_results():
    stdout = io.StringIO()
    payload = [{"from": "2023-05-05", "add": 1}, {"from": "2023-05-05", "to": "2023-05-09"}]
    code = run(["working-days"], stdin=io.StringIO(json.dumps(payload)), stdout=stdout)
    assert code == 0
    first, second = json.loads(stdout.getvalue())
    assert first["date"] == "2023-05-09"  # the coronation bank holiday on Monday 8 May
    assert second["working_days"] == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"from": "2024-06-10", "add": 1, "to": "2024-06-12"}, "to"),
        ({"from": "2024-06-10"}, "add"),
        ({"from": "2024-06-10", "add": -1}, "add"),
        ({"from": "2024-06-10", "add": "3"}, "add"),
        ({"from": "2024-06-10", "add": 10_001}, "add"),
        ({"from": "2024-06-10", "to": "2024-06-07"}, "to"),
        ({"from": "10/06/2024", "add": 1}, "from"),
        ({"add": 1}, "from"),
        ({"from": "2024-06-10", "add": 1, "closures": ["2024-06-11", "June 12"]}, "closures[1]"),
        ({"from": "2024-06-10", "add": 1, "closures": "2024-06-11"}, "closures"),
        ({"from": "2024-06-10", "add": 1, "bank_holidays": [20240611]}, "bank_holidays[0]"),
        # Dates are taken from 1900 to 2100 (issue #14): 9999-12-30 is refused as a start.
        ({"from": "9999-12-30", "add": 5}, "from"),
    ],
)
def test_bad_input_exits_2_naming_the_field(payload, field):
    code, result = _run(payload)
    assert code == 2
    assert result["error"]["field"] == field
