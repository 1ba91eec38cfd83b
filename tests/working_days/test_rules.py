"""The England and Wales working-day calendar (DOMAIN.md §5.4, §5.7)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openom.working_days.rules import WorkingDayCalendar, england_and_wales_bank_holidays

D = dt.date
ENGLAND_AND_WALES = WorkingDayCalendar.england_and_wales()

# --- known England and Wales dates -------------------------------------------------------------

CHRISTMAS_BOXING_EASTER = [
    # Christmas Day, Boxing Day, Good Friday, Easter Monday
    D(2019, 12, 25),
    D(2019, 12, 26),
    D(2019, 4, 19),
    D(2019, 4, 22),
    D(2023, 12, 25),
    D(2023, 12, 26),
    D(2023, 4, 7),
    D(2023, 4, 10),
    D(2024, 12, 25),
    D(2024, 12, 26),
    D(2024, 3, 29),
    D(2024, 4, 1),
    D(2025, 12, 25),
    D(2025, 12, 26),
    D(2025, 4, 18),
    D(2025, 4, 21),
]

SUBSTITUTE_DAYS = [
    D(2020, 12, 28),  # Boxing Day 2020 was a Saturday
    D(2021, 12, 27),  # Christmas Day 2021 was a Saturday
    D(2021, 12, 28),  # Boxing Day 2021 was a Sunday
    D(2022, 1, 3),  # New Year's Day 2022 was a Saturday
    D(2022, 12, 27),  # Christmas Day 2022 was a Sunday
    D(2023, 1, 2),  # New Year's Day 2023 was a Sunday
]


@pytest.mark.parametrize("day", CHRISTMAS_BOXING_EASTER, ids=str)
def test_christmas_boxing_day_good_friday_and_easter_monday_are_not_working_days(day):
    assert day.weekday() < 5
    assert not ENGLAND_AND_WALES.is_working_day(day)


@pytest.mark.parametrize("day", SUBSTITUTE_DAYS, ids=str)
def test_a_substitute_day_for_a_weekend_bank_holiday_is_not_a_working_day(day):
    assert day.weekday() == 0 or day.weekday() == 1
    assert not ENGLAND_AND_WALES.is_working_day(day)
    assert "observed" in (ENGLAND_AND_WALES.non_working_reason(day) or "")


def test_the_state_funeral_of_19_september_2022_was_a_bank_holiday():
    assert not ENGLAND_AND_WALES.is_working_day(D(2022, 9, 19))
    assert "Funeral" in (ENGLAND_AND_WALES.non_working_reason(D(2022, 9, 19)) or "")


def test_the_coronation_bank_holiday_of_8_may_2023_was_not_a_working_day():
    assert not ENGLAND_AND_WALES.is_working_day(D(2023, 5, 8))
    assert ENGLAND_AND_WALES.is_working_day(D(2023, 5, 9))


def test_ordinary_weekdays_around_christmas_2021_are_working_days():
    for day in (D(2021, 12, 24), D(2021, 12, 29), D(2021, 12, 30), D(2021, 12, 31), D(2022, 1, 4)):
        assert ENGLAND_AND_WALES.is_working_day(day), day


def test_saturday_and_sunday_are_never_working_days():
    assert not ENGLAND_AND_WALES.is_working_day(D(2024, 6, 8))
    assert not ENGLAND_AND_WALES.is_working_day(D(2024, 6, 9))
    assert ENGLAND_AND_WALES.non_working_reason(D(2024, 6, 8)) == "Saturday"
    assert ENGLAND_AND_WALES.non_working_reason(D(2024, 6, 10)) is None


def test_the_year_list_includes_the_substitute_days():
    christmas_2021 = england_and_wales_bank_holidays(2021)
    assert {D(2021, 12, 27), D(2021, 12, 28)} <= christmas_2021
    assert D(2022, 1, 3) in england_and_wales_bank_holidays(2022)


# --- adding and counting -----------------------------------------------------------------------


def test_one_working_day_after_christmas_eve_2021_is_the_29th():
    assert ENGLAND_AND_WALES.add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)


def test_ten_working_days_over_christmas_2021_skip_three_substitute_days():
    # 29, 30, 31 Dec, 4, 5, 6, 7, 10, 11, 12 Jan.
    assert ENGLAND_AND_WALES.add_working_days(D(2021, 12, 24), 10) == D(2022, 1, 12)


def test_a_working_day_after_maundy_thursday_2024_is_the_tuesday_after_easter():
    assert ENGLAND_AND_WALES.add_working_days(D(2024, 3, 28), 1) == D(2024, 4, 2)


def test_five_working_days_from_the_friday_before_the_state_funeral_skip_the_monday():
    assert ENGLAND_AND_WALES.add_working_days(D(2022, 9, 16), 5) == D(2022, 9, 26)


def test_adding_no_working_days_returns_the_start_even_on_a_saturday():
    assert ENGLAND_AND_WALES.add_working_days(D(2021, 12, 25), 0) == D(2021, 12, 25)
    assert ENGLAND_AND_WALES.add_working_days(D(2024, 6, 10), 0) == D(2024, 6, 10)


def test_adding_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="negative"):
        ENGLAND_AND_WALES.add_working_days(D(2024, 6, 10), -1)


def test_from_a_saturday_one_working_day_later_is_the_monday():
    assert ENGLAND_AND_WALES.add_working_days(D(2024, 6, 8), 1) == D(2024, 6, 10)


def test_counting_from_friday_to_monday_is_one_working_day():
    assert ENGLAND_AND_WALES.working_days_between(D(2024, 6, 7), D(2024, 6, 10)) == 1


def test_counting_from_a_day_to_itself_is_zero():
    assert ENGLAND_AND_WALES.working_days_between(D(2024, 6, 7), D(2024, 6, 7)) == 0


def test_counting_over_christmas_2021_leaves_out_the_substitute_days():
    assert ENGLAND_AND_WALES.working_days_between(D(2021, 12, 23), D(2022, 1, 4)) == 5
    assert ENGLAND_AND_WALES.non_working_days_in(D(2021, 12, 23), D(2022, 1, 4)) == [
        D(2021, 12, 27),
        D(2021, 12, 28),
        D(2022, 1, 3),
    ]


def test_counting_backwards_is_negative():
    assert ENGLAND_AND_WALES.working_days_between(D(2024, 6, 10), D(2024, 6, 7)) == -1


def test_a_year_without_one_off_holidays_has_the_expected_working_days():
    # 2024: 262 weekdays less 8 bank holidays, all on weekdays.
    assert ENGLAND_AND_WALES.working_days_between(D(2023, 12, 31), D(2024, 12, 31)) == 254


def test_previous_and_next_working_day_of_christmas_2021():
    assert ENGLAND_AND_WALES.previous_working_day(D(2021, 12, 27)) == D(2021, 12, 24)
    assert ENGLAND_AND_WALES.next_working_day(D(2021, 12, 25)) == D(2021, 12, 29)


def test_previous_and_next_working_day_of_a_working_day_are_the_day_itself():
    assert ENGLAND_AND_WALES.previous_working_day(D(2024, 6, 10)) == D(2024, 6, 10)
    assert ENGLAND_AND_WALES.next_working_day(D(2024, 6, 10)) == D(2024, 6, 10)


# --- closures and replaced bank holidays -------------------------------------------------------


def test_an_area_closure_day_is_not_a_working_day_and_deadlines_step_over_it():
    closed = WorkingDayCalendar.england_and_wales([D(2024, 6, 11)])
    assert not closed.is_working_day(D(2024, 6, 11))
    assert closed.non_working_reason(D(2024, 6, 11)) == "area closure"
    assert closed.add_working_days(D(2024, 6, 10), 1) == D(2024, 6, 12)
    assert closed.working_days_between(D(2024, 6, 10), D(2024, 6, 14)) == 3
    assert ENGLAND_AND_WALES.working_days_between(D(2024, 6, 10), D(2024, 6, 14)) == 4


def test_a_closure_on_a_bank_holiday_or_weekend_is_not_counted_twice():
    closed = WorkingDayCalendar.england_and_wales([D(2021, 12, 27), D(2021, 12, 26)])
    assert closed.working_days_between(D(2021, 12, 23), D(2022, 1, 4)) == 5


def test_an_explicit_list_of_bank_holidays_replaces_the_real_ones():
    conformance = WorkingDayCalendar.with_bank_holidays([D(2021, 12, 27), D(2021, 12, 28)])
    assert not conformance.is_working_day(D(2021, 12, 27))
    assert conformance.is_working_day(D(2022, 1, 3))  # a real substitute day, not in the list
    assert conformance.is_working_day(D(2022, 4, 15))  # Good Friday 2022, not in the list
    assert conformance.non_working_reason(D(2021, 12, 28)) == "bank holiday"


def test_no_bank_holidays_at_all_leaves_only_weekends():
    weekends_only = WorkingDayCalendar.with_bank_holidays([])
    assert weekends_only.is_working_day(D(2021, 12, 27))
    assert weekends_only.add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 27)


def test_calendars_are_values_compared_by_their_dates():
    assert WorkingDayCalendar.england_and_wales([D(2024, 6, 11)]) == (
        WorkingDayCalendar.england_and_wales({D(2024, 6, 11)})
    )
    assert WorkingDayCalendar.england_and_wales() != WorkingDayCalendar.with_bank_holidays([])
    assert len({ENGLAND_AND_WALES, WorkingDayCalendar.england_and_wales()}) == 1


# --- properties --------------------------------------------------------------------------------

DAYS = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
COUNTS = st.integers(min_value=0, max_value=400)
CALENDARS = st.one_of(
    st.just(ENGLAND_AND_WALES),
    st.builds(
        WorkingDayCalendar.england_and_wales,
        st.frozensets(DAYS, max_size=30),
    ),
    st.builds(
        WorkingDayCalendar.with_bank_holidays,
        st.frozensets(DAYS, max_size=60),
        st.frozensets(DAYS, max_size=10),
    ),
)


def count_one_day_at_a_time(calendar: WorkingDayCalendar, start: dt.date, end: dt.date) -> int:
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


@settings(max_examples=200)
@given(CALENDARS, DAYS, COUNTS)
def test_adding_n_working_days_then_counting_gives_n_back(calendar, start, n):
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@settings(max_examples=200)
@given(CALENDARS, DAYS, st.integers(min_value=1, max_value=400))
def test_adding_one_or_more_working_days_always_lands_on_a_working_day(calendar, start, n):
    result = calendar.add_working_days(start, n)
    assert result > start
    assert calendar.is_working_day(result)


@settings(max_examples=200)
@given(CALENDARS, DAYS, DAYS)
def test_counting_then_adding_lands_on_the_last_working_day_up_to_the_end(calendar, a, b):
    start, end = min(a, b), max(a, b)
    count = calendar.working_days_between(start, end)
    assert calendar.add_working_days(start, count) == max(start, calendar.previous_working_day(end))


@settings(max_examples=200)
@given(CALENDARS, DAYS, DAYS)
def test_the_quick_count_agrees_with_counting_one_day_at_a_time(calendar, a, b):
    start, end = min(a, b), max(a, b)
    assert calendar.working_days_between(start, end) == count_one_day_at_a_time(
        calendar, start, end
    )
    assert calendar.working_days_between(end, start) == -calendar.working_days_between(start, end)


@given(CALENDARS, DAYS, DAYS, COUNTS)
def test_adding_is_monotonic_in_the_start_and_in_the_count(calendar, a, b, n):
    early, late = min(a, b), max(a, b)
    assert calendar.add_working_days(early, n) <= calendar.add_working_days(late, n)
    assert calendar.add_working_days(early, n) < calendar.add_working_days(early, n + 1)


@given(CALENDARS, DAYS, DAYS, DAYS)
def test_counting_never_decreases_as_the_end_moves_later(calendar, start, a, b):
    early, late = min(a, b), max(a, b)
    assert calendar.working_days_between(start, early) <= calendar.working_days_between(start, late)


@given(CALENDARS, DAYS)
def test_consecutive_days_are_at_most_one_working_day_apart(calendar, day):
    tomorrow = day + dt.timedelta(days=1)
    assert calendar.working_days_between(day, tomorrow) == int(calendar.is_working_day(tomorrow))


@given(CALENDARS, DAYS)
def test_previous_and_next_working_day_bracket_the_day(calendar, day):
    before, after = calendar.previous_working_day(day), calendar.next_working_day(day)
    assert before <= day <= after
    assert calendar.is_working_day(before) and calendar.is_working_day(after)
    assert calendar.working_days_between(before, after) == (0 if before == after else 1)


@given(DAYS, st.frozensets(DAYS, max_size=10))
def test_the_real_calendar_equals_an_explicit_list_of_the_same_bank_holidays(day, closures):
    years = range(day.year - 1, day.year + 2)
    listed = WorkingDayCalendar.with_bank_holidays(
        (h for year in years for h in england_and_wales_bank_holidays(year)), closures
    )
    real = WorkingDayCalendar.england_and_wales(closures)
    assert real.is_working_day(day) == listed.is_working_day(day)
    assert real.add_working_days(day, 20) == listed.add_working_days(day, 20)
