"""Calendar arithmetic for court lengths (months and years), which `datetime` does not do."""

import calendar
import datetime as dt


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Age in whole years on a date."""
    had_birthday = (on.month, on.day) >= (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - (0 if had_birthday else 1)


def term_end(
    start: dt.date, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0
) -> dt.date:
    """Last day of a term that starts on `start` (a 12-month order from 1 Mar ends 28 Feb)."""
    end_exclusive = add_months(start, years * 12 + months) + dt.timedelta(weeks=weeks, days=days)
    return end_exclusive - dt.timedelta(days=1)
