"""`openom calc enforcement-deadline`: the next enforcement action and its clock.

Input:

    {"order_type": "COMMUNITY_ORDER" | "SUSPENDED_SENTENCE_ORDER" | "LICENCE" | "PSS",
     "sentence_date": "YYYY-MM-DD",          # the order's sentence date, or the licence start
     "last_breach_date": "YYYY-MM-DD"|null,  # the failure date of the last breach or recall
     "failures": [{"date": "YYYY-MM-DD", "acceptable": false,
                   "enforceable": true,      # optional, default true
                   "warned_on": "YYYY-MM-DD",    # optional: when its warning was given; its 12
                                                 # months and the 7 days run from it
                   "warning_given": false}],     # optional: false if it was never warned
     "as_of": "YYYY-MM-DD",                  # optional: how long is left, and is it overdue
     "start_within_working_days": 10,        # optional: the area's own start-by timescale
     "closures": [...], "bank_holidays": [...]}   # optional, as for `working-days`

Output: `next_action` (NONE, WARNING, BREACH, RECALL), `triggering_failure`,
`counted_failures`, `deadline` (warning: response due; breach/recall: start by),
`working_days_left` and `overdue` (with `as_of`), `warning_response_due`, `resolution_due` and
`average_resolution_due` (breach), and `working`, the lines of reasoning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from openom.core.calc import (
    CalcInputError,
    parse_bool,
    parse_choice,
    parse_int,
)
from openom.core.calc import parse_date_in_range as parse_date
from openom.enforcement.rules import (
    ACTION_START_WORKING_DAYS,
    Failure,
    OrderType,
    deadline_status,
    next_action,
)
from openom.working_days.calculators import calendar_from

SUMMARY = "next enforcement action (warning, breach, recall) and its working-day deadlines"

T = TypeVar("T")

# Input limit, not a rule: a start-by timescale longer than a working year is a typing mistake.
MAX_START_WITHIN_WORKING_DAYS = 260


def _within(prefix: str, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a parser on a nested object, naming the field in full (`failures[2].date`)."""
    try:
        return parse(*args, **kwargs)
    except CalcInputError as error:
        raise CalcInputError(f"{prefix}.{error.field}", error.message) from None


def _failure(item: Any, prefix: str) -> Failure:
    if not isinstance(item, dict):
        raise CalcInputError(prefix, "must be an object with 'date' and 'acceptable'")
    date = _within(prefix, parse_date, item, "date")
    acceptable = _within(prefix, parse_bool, item, "acceptable", required=True)
    enforceable = item.get("enforceable") is None or _within(
        prefix, parse_bool, item, "enforceable"
    )
    warned_on = _within(prefix, parse_date, item, "warned_on", required=False)
    warning_given = (
        None
        if item.get("warning_given") is None
        else _within(prefix, parse_bool, item, "warning_given")
    )
    assert date is not None
    if warned_on is not None and warned_on < date:
        raise CalcInputError(f"{prefix}.warned_on", f"{warned_on} is before the failure ({date})")
    if warned_on is not None and warning_given is False:
        raise CalcInputError(f"{prefix}.warning_given", "is false but warned_on is given")
    return Failure(
        date=date,
        acceptable=acceptable,
        enforceable=enforceable,
        warned_on=warned_on,
        warning_given=warning_given,
    )


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    order_type = OrderType(str(parse_choice(payload, "order_type", [t.value for t in OrderType])))
    sentence_date = parse_date(payload, "sentence_date")
    assert sentence_date is not None
    last_breach_date = parse_date(payload, "last_breach_date", required=False)
    as_of = parse_date(payload, "as_of", required=False)
    start_within = parse_int(
        payload,
        "start_within_working_days",
        required=False,
        minimum=1,
        maximum=MAX_START_WITHIN_WORKING_DAYS,
    )
    raw_failures = payload.get("failures", [])
    if raw_failures is None:
        raw_failures = []
    if not isinstance(raw_failures, list):
        raise CalcInputError("failures", "must be a list of {date, acceptable} objects")
    failures = [_failure(item, f"failures[{i}]") for i, item in enumerate(raw_failures)]
    if as_of is not None:
        if as_of < sentence_date:
            raise CalcInputError("as_of", f"{as_of} is before the sentence date ({sentence_date})")
        for index, failure in enumerate(failures):
            if failure.date > as_of:
                raise CalcInputError(
                    f"failures[{index}].date", f"{failure.date} is after as_of ({as_of})"
                )
        if last_breach_date is not None and last_breach_date > as_of:
            raise CalcInputError("last_breach_date", f"{last_breach_date} is after as_of ({as_of})")
    calendar = calendar_from(payload)

    decision = next_action(
        order_type=order_type,
        sentence_date=sentence_date,
        last_breach_date=last_breach_date,
        failures=failures,
        calendar=calendar,
        start_within_working_days=start_within or ACTION_START_WORKING_DAYS,
    )
    working = list(decision.working)
    working_days_left: int | None = None
    overdue: bool | None = None
    if as_of is not None and decision.deadline is not None:
        status = deadline_status(decision.deadline, as_of, calendar)
        working_days_left, overdue = status.working_days_left, status.overdue
        if overdue:
            working.append(
                f"As of {as_of.day} {as_of:%b %Y}: overdue by "
                f"{-status.working_days_left} working day(s)"
            )
        else:
            working.append(
                f"As of {as_of.day} {as_of:%b %Y}: {status.working_days_left} working day(s) left"
            )
    return {
        "next_action": decision.next_action.value,
        "triggering_failure": decision.triggering_failure,
        "counted_failures": list(decision.counted_failures),
        "deadline": decision.deadline,
        "working_days_left": working_days_left,
        "overdue": overdue,
        "warning_response_due": decision.warning_response_due,
        "resolution_due": decision.resolution_due,
        "average_resolution_due": decision.average_resolution_due,
        "working": working,
    }
