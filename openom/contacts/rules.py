"""National Standards for contact (DOMAIN.md §5.7). Values in, values out; all configurable."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from openom.core.dates import add_months

# NS 2005/2007: first appointment within 5 working days of a community sentence.
FIRST_APPOINTMENT_COMMUNITY_WORKING_DAYS = 5
# NS 2005/2007: first appointment on the day of release (or the next working day).
FIRST_APPOINTMENT_LICENCE_WORKING_DAYS = 0
# Seed 003 §2.1(f): a case transferred in is seen within 5 working days of notification.
FIRST_APPOINTMENT_TRANSFER_WORKING_DAYS = 5
# NS 2007: unpaid work starts within 10 working days of sentence.
UNPAID_WORK_START_WORKING_DAYS = 10
# Sentencing Act 2020 Sch 9 para 2(4): unpaid work is to be performed within 12 months.
UNPAID_WORK_TIME_LIMIT_MONTHS = 12
# NS 2005: community orders weekly for 12 weeks, fortnightly for the next 12, then monthly.
COMMUNITY_PHASES_2005 = ((12, 7), (12, 14))
# NS 2005: licences weekly for 4 weeks, fortnightly for the next 8, then monthly.
LICENCE_PHASES_2005 = ((4, 7), (8, 14))
# Seed 004 (2018 onwards): face to face at least monthly (more by tier and risk).
MONTHLY = "MONTHLY"


class WorkingDays(Protocol):
    def add_working_days(self, start: dt.date, days: int) -> dt.date: ...
    def is_working_day(self, day: dt.date) -> bool: ...


@dataclass(frozen=True)
class ContactPeriod:
    start: dt.date
    end: dt.date  # inclusive

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def first_appointment_due(start: dt.date, *, licence: bool, calendar: WorkingDays) -> dt.date:
    if licence:
        day = start
        while not calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        return day
    return calendar.add_working_days(start, FIRST_APPOINTMENT_COMMUNITY_WORKING_DAYS)


def unpaid_work_start_due(sentence_date: dt.date, calendar: WorkingDays) -> dt.date:
    return calendar.add_working_days(sentence_date, UNPAID_WORK_START_WORKING_DAYS)


def unpaid_work_time_limit(sentence_date: dt.date) -> dt.date:
    return add_months(sentence_date, UNPAID_WORK_TIME_LIMIT_MONTHS) - dt.timedelta(days=1)


def contact_periods(
    start: dt.date, until: dt.date, *, licence: bool, edition: str
) -> list[ContactPeriod]:
    """The periods from `start` to `until`, each of which needs at least one contact."""
    phases = (
        () if edition == "NS_2018" else (LICENCE_PHASES_2005 if licence else COMMUNITY_PHASES_2005)
    )
    periods: list[ContactPeriod] = []
    cursor = phase_start = start
    for weeks, step in phases:
        phase_end = phase_start + dt.timedelta(weeks=weeks)
        while cursor < phase_end and cursor <= until:
            end = min(cursor + dt.timedelta(days=step - 1), phase_end - dt.timedelta(days=1))
            periods.append(ContactPeriod(cursor, end))
            cursor = end + dt.timedelta(days=1)
        phase_start = phase_end
    months = 0
    monthly_start = cursor
    while cursor <= until:
        months += 1
        end = add_months(monthly_start, months) - dt.timedelta(days=1)
        periods.append(ContactPeriod(cursor, end))
        cursor = end + dt.timedelta(days=1)
    return periods


@dataclass(frozen=True)
class FrequencyCompliance:
    periods_due: int
    periods_met: int
    missed: list[ContactPeriod]
    current: ContactPeriod | None
    current_met: bool

    @property
    def meeting_standard(self) -> bool:
        return not self.missed


def frequency_compliance(
    *, start: dt.date, today: dt.date, licence: bool, edition: str, contact_days: list[dt.date]
) -> FrequencyCompliance:
    """Whether each elapsed period had a face-to-face contact attended (the current one may be open)."""
    periods = contact_periods(start, today, licence=licence, edition=edition)
    elapsed = [p for p in periods if p.end < today]
    current = next((p for p in periods if p.contains(today)), None)
    missed = [p for p in elapsed if not any(p.contains(day) for day in contact_days)]
    return FrequencyCompliance(
        periods_due=len(elapsed),
        periods_met=len(elapsed) - len(missed),
        missed=missed,
        current=current,
        current_met=bool(current and any(current.contains(day) for day in contact_days)),
    )


@dataclass(frozen=True)
class UnpaidWorkProgress:
    ordered: int
    worked: Decimal
    outstanding: Decimal
    time_limit: dt.date
    overdue: bool


def unpaid_work_progress(
    *, ordered: int, worked: Decimal, sentence_date: dt.date, today: dt.date
) -> UnpaidWorkProgress:
    outstanding = max(Decimal(ordered) - worked, Decimal(0))
    limit = unpaid_work_time_limit(sentence_date)
    return UnpaidWorkProgress(
        ordered, worked, outstanding, limit, overdue=outstanding > 0 and today > limit
    )
