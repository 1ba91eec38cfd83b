"""Non-working-day adjustment of release dates.

A release (CRD, ARD, PED, HDCED, ETD, MTD, LTD, PRRD, ERSED) due on a weekend or an England and
Wales bank holiday takes place on the previous working day (CJA 2003 s.243A(7)/s.244 practice, PSI
03/2015 para 2.3; calculate-release-dates-api WorkingDayService).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from openom.working_days.rules import WEEKEND_DAYS, WorkingDayCalendar

IsHoliday = Callable[[dt.date], bool]

_ENGLAND_AND_WALES = WorkingDayCalendar.england_and_wales()


def england_and_wales_bank_holiday(date: dt.date) -> bool:
    return _ENGLAND_AND_WALES.is_bank_holiday(date)


def fixed_bank_holidays(dates: Iterable[dt.date]) -> IsHoliday:
    chosen = frozenset(dates)
    return lambda date: date in chosen


def is_working_day(date: dt.date, is_holiday: IsHoliday) -> bool:
    return date.weekday() not in WEEKEND_DAYS and not is_holiday(date)


def previous_working_day(date: dt.date, is_holiday: IsHoliday) -> dt.date:
    while not is_working_day(date, is_holiday):
        date -= dt.timedelta(days=1)
    return date


def next_working_day(date: dt.date, is_holiday: IsHoliday) -> dt.date:
    while not is_working_day(date, is_holiday):
        date += dt.timedelta(days=1)
    return date
