"""Working-day arithmetic for England and Wales (DOMAIN.md §5.4, §5.7).

A working day is a weekday that is neither a bank holiday nor one of the area's own closure days.
Bank holidays come from the `holidays` package (GB, subdivision ENG, which Wales shares), which
includes the substitute days for holidays falling at a weekend (28 Dec 2020; 27 and 28 Dec 2021;
3 Jan 2022) and the one-off days (the 19 Sep 2022 state funeral, the 8 May 2023 coronation).
A calendar can instead be built from an explicit list of bank holidays, which then replaces the
England and Wales ones entirely (the release-date conformance cases use exactly 27 and 28 Dec 2021).

Conventions (every deadline in OpenOM uses them):
- `add_working_days(start, n)` is the n-th working day after `start`; `start` itself is never
  counted, and `n = 0` returns `start` unchanged even when it is not a working day ("no working
  days later" is no movement; use `next_working_day` to land on a working day).
- `working_days_between(start, end)` counts the working days after `start` up to and including
  `end`, so `add_working_days(start, n) == end` exactly when the count is `n` and `end` is a
  working day; it is negative (minus the count from `end` to `start`) when `end` is earlier.
- `previous_working_day(d)` and `next_working_day(d)` return `d` itself when it is a working day,
  otherwise the nearest working day before (after) it — the "moved to the previous working day"
  rule of release dates and the "day of release or the next working day" rule of National
  Standards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from openom.core.dates import add_months

# Saturday and Sunday (date.weekday() 5 and 6) are never working days (Banking and Financial
# Dealings Act 1971 s.1 and sch.1 add the bank holidays to the weekend).
WEEKEND_DAYS = frozenset({5, 6})
# The England and Wales calendar of the `holidays` package (the same days as gov.uk/bank-holidays).
HOLIDAY_COUNTRY = "GB"
# England; Wales has the same bank holidays (Banking and Financial Dealings Act 1971 sch.1 para 1).
HOLIDAY_SUBDIVISION = "ENG"

_ONE_DAY = dt.timedelta(days=1)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=256)
def _england_and_wales_year(year: int) -> dict[dt.date, str]:
    import holidays

    calendar = holidays.country_holidays(HOLIDAY_COUNTRY, subdiv=HOLIDAY_SUBDIVISION, years=year)
    return {day: str(name) for day, name in calendar.items()}


def england_and_wales_bank_holidays(year: int) -> frozenset[dt.date]:
    """The England and Wales bank holidays of one year, substitute days included."""
    return frozenset(_england_and_wales_year(year))


def period_end(start: dt.date, *, months: int = 0, days: int = 0) -> dt.date:
    """The last day of a period of `months` months then `days` days beginning with `start`.

    The corresponding-date rule (Dodds v Walker [1981] 1 WLR 1441; Zoan v Rouamba [2000] 1 WLR
    1509): 12 months beginning with 10 Jan 2026 end on 9 Jan 2027; when the later month has no
    corresponding day the period ends on that month's last day (a month beginning with 31 Jan
    ends on 28 Feb; 12 months beginning with 29 Feb 2024 end on 28 Feb 2025).
    """
    clamped = add_months(start, months)
    end = clamped - _ONE_DAY if clamped.day == start.day else clamped
    return end + dt.timedelta(days=days)


def _weekdays_through(day: dt.date) -> int:
    """Monday-to-Friday days from 1 Jan year 1 (a Monday) up to and including `day`."""
    ordinal = day.toordinal()
    return (ordinal // 7) * 5 + min(ordinal % 7, 5)


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Weekends, bank holidays and an area's closure days; see the module for the conventions.

    `bank_holidays` None means the England and Wales calendar of the `holidays` package; a set of
    dates replaces it. Build one with `england_and_wales()` or `with_bank_holidays()`.
    """

    closures: frozenset[dt.date] = frozenset()
    bank_holidays: frozenset[dt.date] | None = None

    @classmethod
    def england_and_wales(cls, closures: Iterable[dt.date] = ()) -> WorkingDayCalendar:
        """The real England and Wales calendar plus the area's closure days."""
        return cls(closures=frozenset(closures), bank_holidays=None)

    @classmethod
    def with_bank_holidays(
        cls, bank_holidays: Iterable[dt.date], closures: Iterable[dt.date] = ()
    ) -> WorkingDayCalendar:
        """A calendar whose bank holidays are exactly `bank_holidays` (replacing the real ones)."""
        return cls(closures=frozenset(closures), bank_holidays=frozenset(bank_holidays))

    def bank_holiday_name(self, day: dt.date) -> str | None:
        """The bank holiday's name (or "bank holiday" for an explicit list), None if not one."""
        if self.bank_holidays is None:
            return _england_and_wales_year(day.year).get(day)
        return "bank holiday" if day in self.bank_holidays else None

    def is_bank_holiday(self, day: dt.date) -> bool:
        return self.bank_holiday_name(day) is not None

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() not in WEEKEND_DAYS
            and day not in self.closures
            and not self.is_bank_holiday(day)
        )

    def non_working_reason(self, day: dt.date) -> str | None:
        """Why `day` is not a working day ("Saturday", "Good Friday", "area closure"), or None."""
        if day.weekday() in WEEKEND_DAYS:
            return _WEEKDAY_NAMES[day.weekday()]
        name = self.bank_holiday_name(day)
        if name is not None:
            return name
        if day in self.closures:
            return "area closure"
        return None

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` if it is a working day, otherwise the first working day after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def previous_working_day(self, day: dt.date) -> dt.date:
        """`day` if it is a working day, otherwise the last working day before it."""
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date `days` working days after `start` (`start` not counted; 0 returns `start`)."""
        if days < 0:
            raise ValueError(f"cannot add a negative number of working days ({days})")
        current = start
        remaining = days
        while remaining:
            current += _ONE_DAY
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        weekdays = _weekdays_through(end) - _weekdays_through(start)
        return weekdays - len(self._weekday_closures_in(start, end))

    def non_working_days_in(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The weekdays after `start` up to and including `end` that are not working days."""
        return sorted(self._weekday_closures_in(start, end))

    def _weekday_closures_in(self, start: dt.date, end: dt.date) -> set[dt.date]:
        """Bank holidays and closures falling on a weekday, after `start`, up to `end`."""
        if self.bank_holidays is None:
            holidays: Iterable[dt.date] = (
                day
                for year in range(start.year, end.year + 1)
                for day in _england_and_wales_year(year)
            )
        else:
            holidays = self.bank_holidays
        return {
            day
            for source in (holidays, self.closures)
            for day in source
            if start < day <= end and day.weekday() not in WEEKEND_DAYS
        }
