"""Sentence durations as calendar periods, and their conversion to days.

PSI 03/2015 ("Calculation of release dates") section 5.5: a sentence expressed in years, months,
weeks and days is converted to days by counting from the sentence date, calendar-month aware.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

YEARS = "YEARS"
MONTHS = "MONTHS"
WEEKS = "WEEKS"
DAYS = "DAYS"
UNITS: tuple[str, ...] = (YEARS, MONTHS, WEEKS, DAYS)
# PSI 03/2015 para 5.5: a week is seven days.
DAYS_IN_WEEK = 7


def add_months(date: dt.date, months: int) -> dt.date:
    """Calendar months, clamping to the last day of a shorter month (as java.time does)."""
    month_index = date.year * 12 + (date.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def add_years(date: dt.date, years: int) -> dt.date:
    return add_months(date, 12 * years)


def end_of_month(date: dt.date) -> dt.date:
    return date.replace(day=calendar.monthrange(date.year, date.month)[1])


@dataclass(frozen=True)
class Duration:
    """A period such as 2 years 6 months; `elements` maps YEARS/MONTHS/WEEKS/DAYS to counts."""

    elements: Mapping[str, int] = field(default_factory=dict)

    def get(self, unit: str) -> int:
        return int(self.elements.get(unit, 0))

    @property
    def has_months_or_years(self) -> bool:
        return bool(self.get(YEARS) or self.get(MONTHS))

    @property
    def has_days_or_weeks(self) -> bool:
        return bool(self.get(WEEKS) or self.get(DAYS))

    def month_and_year_part(self) -> Duration:
        return Duration({u: self.get(u) for u in (YEARS, MONTHS) if self.get(u)})

    def day_and_week_part(self) -> Duration:
        return Duration({u: self.get(u) for u in (WEEKS, DAYS) if self.get(u)})

    def is_empty(self) -> bool:
        return not any(self.get(u) for u in UNITS)

    def plus(self, other: Duration) -> Duration:
        return Duration(
            {u: self.get(u) + other.get(u) for u in UNITS if self.get(u) + other.get(u)}
        )

    def end_date(self, start: dt.date) -> dt.date:
        """Last day of the period starting on `start` (PSI 03/2015 para 5.5).

        A period of whole months starting on the first of a month ends on the last day of the
        final month (1 month from 1 February ends on 28 or 29 February).
        """
        years, months = self.get(YEARS), self.get(MONTHS)
        first_of_month = start.day == 1 and bool(months or years)
        date = start if first_of_month else start - dt.timedelta(days=1)
        date = add_years(date, years)
        date = (
            end_of_month(add_months(date, months - 1))
            if first_of_month
            else add_months(date, months)
        )
        return date + dt.timedelta(days=self.get(WEEKS) * DAYS_IN_WEEK + self.get(DAYS))

    def length_in_days(self, start: dt.date) -> int:
        return (self.end_date(start) - start).days + 1

    def describe(self) -> str:
        return " ".join(f"{self.get(u)} {u.lower()}" for u in UNITS if self.get(u))


def aggregate(durations: Iterable[Duration]) -> list[Duration]:
    """Merge consecutive durations that share units (months/years vs weeks/days).

    [3 months, 3 weeks, 3 months, 5 months] becomes [3 months, 3 weeks, 8 months].
    """
    result: list[Duration] = []
    working: Duration | None = None
    for duration in durations:
        for part, same_units in (
            (duration.month_and_year_part(), "my"),
            (duration.day_and_week_part(), "dw"),
        ):
            if part.is_empty():
                continue
            if working is None:
                working = part
            elif (same_units == "my" and working.has_months_or_years) or (
                same_units == "dw" and working.has_days_or_weeks
            ):
                working = working.plus(part)
            else:
                result.append(working)
                working = part
    if working is not None:
        result.append(working)
    return result


def days_in_aggregate(start: dt.date, durations: Iterable[Duration]) -> int:
    """Days covered by durations served one after another from `start`."""
    date = start
    for duration in aggregate(durations):
        date = date + dt.timedelta(days=duration.length_in_days(date))
    return (date - start).days


def days_in_unit(start: dt.date, amount: int, unit: str) -> int:
    """Days from `start` to `start` plus a whole number of one unit (e.g. 12 months)."""
    if unit == YEARS:
        end = add_years(start, amount)
    elif unit == MONTHS:
        end = add_months(start, amount)
    elif unit == WEEKS:
        end = start + dt.timedelta(days=amount * DAYS_IN_WEEK)
    else:
        end = start + dt.timedelta(days=amount)
    return (end - start).days


def period_between(start: dt.date, end_exclusive: dt.date) -> tuple[int, int, int]:
    """Years, months and days from `start` to `end_exclusive` (java.time.Period.between)."""
    total_months = (end_exclusive.year * 12 + end_exclusive.month) - (start.year * 12 + start.month)
    days = end_exclusive.day - start.day
    if total_months > 0 and days < 0:
        total_months -= 1
        days = (end_exclusive - add_months(start, total_months)).days
    elif total_months < 0 and days > 0:
        total_months += 1
        days -= calendar.monthrange(end_exclusive.year, end_exclusive.month)[1]
    return total_months // 12, total_months % 12, days


def iso_period(years: int, months: int, days: int) -> str:
    """ISO-8601 period text as java.time.Period prints it (P1Y6M15D, P0D)."""
    if not (years or months or days):
        return "P0D"
    text = "P"
    if years:
        text += f"{years}Y"
    if months:
        text += f"{months}M"
    if days:
        text += f"{days}D"
    return text


def effective_sentence_length(start: dt.date, last_day: dt.date) -> str:
    """Period from the earliest sentence date to the day after the latest unadjusted expiry."""
    return iso_period(*period_between(start, last_day + dt.timedelta(days=1)))
