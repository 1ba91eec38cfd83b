"""`openom calc enforcement-deadline` end to end."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from openom.core.calc import run

TWO_ABSENCES = {
    "order_type": "COMMUNITY_ORDER",
    "sentence_date": "2026-01-05",
    "last_breach_date": None,
    "failures": [
        {"date": "2026-03-02", "acceptable": False},
        {"date": "2026-03-20", "acceptable": True},
        {"date": "2026-04-01", "acceptable": False},
    ],
    "as_of": "2026-04-10",
}


def _run(payload: Any) -> tuple[int, Any]:
    stdout = io.StringIO()
    code = run(["enforcement-deadline"], stdin=io.StringIO(json.dumps(payload)), stdout=stdout)
    return code, json.loads(stdout.getvalue())


def test_second_unacceptable_absence_answers_breach_with_its_working_day_clock():
    code, result = _run(TWO_ABSENCES)
    assert code == 0
    assert result["next_action"] == "BREACH"
    assert result["triggering_failure"] == "2026-04-01"
    assert result["counted_failures"] == ["2026-03-02", "2026-04-01"]
    assert result["deadline"] == "2026-04-17"
    assert result["working_days_left"] == 5
    assert result["overdue"] is False
    assert result["warning_response_due"] is None
    assert result["resolution_due"] == "2026-05-11"
    assert result["average_resolution_due"] == "2026-05-26"
    assert result["working"][-1] == "As of 10 Apr 2026: 5 working day(s) left"


def test_a_breach_not_started_after_its_deadline_is_overdue():
    code, result = _run(dict(TWO_ABSENCES, as_of="2026-04-21"))
    assert code == 0
    assert result["overdue"] is True
    assert result["working_days_left"] == -2
    assert result["working"][-1] == "As of 21 Apr 2026: overdue by 2 working day(s)"


def test_a_first_failure_on_licence_answers_a_warning_due_in_seven_days():
    code, result = _run(
        {
            "order_type": "LICENCE",
            "sentence_date": "2026-01-05",
            "failures": [{"date": "2026-03-02", "acceptable": False, "warned_on": "2026-03-03"}],
        }
    )
    assert code == 0
    assert result["next_action"] == "WARNING"
    assert result["warning_response_due"] == "2026-03-10"
    assert result["deadline"] == "2026-03-10"
    assert result["working_days_left"] is None and result["overdue"] is None


def test_no_failures_answers_none():
    code, result = _run({"order_type": "PSS", "sentence_date": "2026-01-05", "failures": []})
    assert code == 0
    assert result["next_action"] == "NONE"
    assert result["deadline"] is None


def test_closures_and_the_start_by_timescale_come_from_the_input():
    payload = dict(TWO_ABSENCES, closures=["2026-04-14"], start_within_working_days=8)
    code, result = _run(payload)
    assert code == 0
    assert result["deadline"] == "2026-04-16"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"order_type": "PROBATION_ORDER"}, "order_type"),
        ({"order_type": None}, "order_type"),
        ({"sentence_date": "5 Jan 2026"}, "sentence_date"),
        ({"failures": {"date": "2026-03-02"}}, "failures"),
        ({"failures": ["2026-03-02"]}, "failures[0]"),
        ({"failures": [{"date": "2026-03-02"}]}, "failures[0].acceptable"),
        ({"failures": [{"date": "2026-03-02", "acceptable": "no"}]}, "failures[0].acceptable"),
        (
            {"failures": [{"date": "2026-03-02", "acceptable": False}, {"acceptable": False}]},
            "failures[1].date",
        ),
        (
            {"failures": [{"date": "2026-03-02", "acceptable": False, "enforceable": "yes"}]},
            "failures[0].enforceable",
        ),
        (
            {"failures": [{"date": "2026-03-02", "acceptable": False, "warned_on": "2026-03-01"}]},
            "failures[0].warned_on",
        ),
        ({"failures": [{"date": "2026-05-02", "acceptable": False}]}, "failures[0].date"),
        ({"as_of": "2026-01-04"}, "as_of"),
        ({"last_breach_date": "2026-05-01"}, "last_breach_date"),
        ({"start_within_working_days": 0}, "start_within_working_days"),
        ({"closures": ["tomorrow"]}, "closures[0]"),
    ],
)
def test_bad_input_exits_2_naming_the_field(change, field):
    code, result = _run(dict(TWO_ABSENCES, **change))
    assert code == 2
    assert result["error"]["field"] == field


def test_a_failure_inside_the_twelve_months_of_a_warning_given_before_a_breach_is_referred():
    # DOMAIN.md §5.4: the 12 months run from the date the warning was given, and a breach in
    # between does not cancel it. Warned 20 Jan 2026 for a failure on 10 Jan; breach for 1 Apr;
    # a failure on 15 Jan 2027 (inside the 12 months to 19 Jan 2027) is referred for breach.
    code, result = _run(
        {
            "order_type": "COMMUNITY_ORDER",
            "sentence_date": "2026-01-05",
            "last_breach_date": "2026-04-01",
            "failures": [
                {"date": "2026-01-10", "acceptable": False, "warned_on": "2026-01-20"},
                {"date": "2026-04-01", "acceptable": False},
                {"date": "2027-01-15", "acceptable": False},
            ],
        }
    )
    assert code == 0
    assert result["next_action"] == "BREACH"
    assert result["counted_failures"] == ["2026-01-10", "2027-01-15"]
    assert any("warning given on 20 Jan 2026" in line for line in result["working"])


@pytest.mark.parametrize(
    ("failure", "field"),
    [
        ({"date": "2026-03-02", "acceptable": "false"}, "failures[0].acceptable"),
        (
            {"date": "2026-03-02", "acceptable": False, "warning_given": 1},
            "failures[0].warning_given",
        ),
        (
            {
                "date": "2026-03-02",
                "acceptable": False,
                "warning_given": False,
                "warned_on": "2026-03-03",
            },
            "failures[0].warning_given",
        ),
        ({"date": "1899-03-02", "acceptable": False}, "failures[0].date"),
    ],
)
def test_bad_failure_fields_are_named(failure, field):
    code, result = _run({**TWO_ABSENCES, "as_of": None, "failures": [failure]})
    assert code == 2
    assert result["error"]["field"] == field
