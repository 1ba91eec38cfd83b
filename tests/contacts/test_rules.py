import datetime as dt
from decimal import Decimal

from openom.contacts.rules import (
    contact_periods,
    first_appointment_due,
    frequency_compliance,
    unpaid_work_progress,
    unpaid_work_start_due,
)
from openom.working_days.rules import WorkingDayCalendar

CALENDAR = WorkingDayCalendar.england_and_wales()
START = dt.date(2026, 1, 5)


def test_ns2005_community_orders_are_weekly_for_12_weeks_then_fortnightly_for_12_then_monthly():
    periods = contact_periods(
        START, START + dt.timedelta(weeks=30), licence=False, edition="NS_2005"
    )
    lengths = [(p.end - p.start).days + 1 for p in periods]
    assert lengths[:12] == [7] * 12
    assert lengths[12:18] == [14] * 6
    assert lengths[18] in (28, 29, 30, 31)


def test_ns2005_licences_are_weekly_for_4_weeks_then_fortnightly_for_8():
    periods = contact_periods(
        START, START + dt.timedelta(weeks=13), licence=True, edition="NS_2005"
    )
    lengths = [(p.end - p.start).days + 1 for p in periods]
    assert lengths[:4] == [7] * 4
    assert lengths[4:8] == [14] * 4


def test_from_2018_contact_is_at_least_monthly():
    periods = contact_periods(START, dt.date(2026, 4, 30), licence=False, edition="NS_2018")
    assert [(p.start, p.end) for p in periods[:2]] == [
        (START, dt.date(2026, 2, 4)),
        (dt.date(2026, 2, 5), dt.date(2026, 3, 4)),
    ]


def test_a_month_without_a_face_to_face_contact_breaks_the_standard():
    compliance = frequency_compliance(
        start=START,
        today=dt.date(2026, 4, 10),
        licence=False,
        edition="NS_2018",
        contact_days=[dt.date(2026, 1, 6), dt.date(2026, 3, 10)],
    )
    assert (compliance.periods_due, compliance.periods_met) == (3, 2)
    assert not compliance.meeting_standard


def test_first_appointment_within_five_working_days_of_a_community_sentence():
    assert first_appointment_due(dt.date(2026, 4, 2), licence=False, calendar=CALENDAR) == dt.date(
        2026, 4, 13
    )


def test_first_appointment_on_a_licence_is_the_release_day_or_next_working_day():
    assert first_appointment_due(dt.date(2026, 4, 3), licence=True, calendar=CALENDAR) == dt.date(
        2026, 4, 7
    )


def test_unpaid_work_starts_within_ten_working_days():
    assert unpaid_work_start_due(dt.date(2026, 12, 18), CALENDAR) == dt.date(2027, 1, 6)


def test_unpaid_work_outstanding_after_twelve_months_is_overdue():
    progress = unpaid_work_progress(
        ordered=100,
        worked=Decimal("63.5"),
        sentence_date=dt.date(2025, 10, 1),
        today=dt.date(2026, 10, 1),
    )
    assert progress.outstanding == Decimal("36.5")
    assert progress.time_limit == dt.date(2026, 9, 30)
    assert progress.overdue
