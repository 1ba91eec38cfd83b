"""`openom calc working-days`: add working days to a date, or count them between two dates.

Input: `{"from": "YYYY-MM-DD", "add": N}` -> `{"date": ...}`, or `{"from": ..., "to": ...}` ->
`{"working_days": N}`; optional `"closures"` (the area's extra closure dates) and
`"bank_holidays"` (a list that replaces the England and Wales bank holidays). Both answers also
list the weekday bank holidays and closures `skipped` on the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openom.core.calc import CalcInputError, parse_date, parse_int
from openom.working_days.rules import WorkingDayCalendar

SUMMARY = "add working days to a date, or count them between dates (England and Wales)"

# Input limit, not a rule: about forty years of working days is more than any OpenOM clock needs.
MAX_WORKING_DAYS = 10_000


def parse_dates(payload: Mapping[str, Any], field: str) -> list[dt.date] | None:
    """An optional list of YYYY-MM-DD dates; errors name the item (`closures[2]`)."""
    value = payload.get(field)
    if value is None:
        return None
    if not isinstance(value, list):
        raise CalcInputError(field, "must be a list of dates as YYYY-MM-DD")
    dates: list[dt.date] = []
    for index, item in enumerate(value):
        name = f"{field}[{index}]"
        day = parse_date({name: item}, name)
        assert day is not None
        dates.append(day)
    return dates


def calendar_from(payload: Mapping[str, Any]) -> WorkingDayCalendar:
    """The calendar a payload asks for: `closures` added, `bank_holidays` replacing the real ones."""
    closures = parse_dates(payload, "closures") or []
    bank_holidays = parse_dates(payload, "bank_holidays")
    if bank_holidays is None:
        return WorkingDayCalendar.england_and_wales(closures)
    return WorkingDayCalendar.with_bank_holidays(bank_holidays, closures)


def skipped(calendar: WorkingDayCalendar, start: dt.date, end: dt.date) -> list[dict[str, str]]:
    return [
        {"date": day.isoformat(), "reason": calendar.non_working_reason(day) or ""}
        for day in calendar.non_working_days_in(start, end)
    ]


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    start = parse_date(payload, "from")
    assert start is not None
    has_add = payload.get("add") is not None
    has_to = payload.get("to") is not None
    if has_add and has_to:
        raise CalcInputError("to", "give either 'add' or 'to', not both")
    if not has_add and not has_to:
        raise CalcInputError("add", "is required (a number of working days), or give 'to'")
    calendar = calendar_from(payload)

    if has_add:
        days = parse_int(payload, "add", minimum=0, maximum=MAX_WORKING_DAYS)
        assert days is not None
        try:
            date = calendar.add_working_days(start, days)
        except OverflowError:
            raise CalcInputError("add", "goes past the last date the calendar can hold") from None
        return {"date": date, "skipped": skipped(calendar, start, date)}

    end = parse_date(payload, "to")
    assert end is not None
    if end < start:
        raise CalcInputError("to", f"{end} is before 'from' ({start})")
    return {
        "working_days": calendar.working_days_between(start, end),
        "skipped": skipped(calendar, start, end),
    }
