import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from openom.core.dates import add_months, age_on, term_end


def test_adding_a_month_to_the_31st_clamps_to_the_months_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)


def test_a_twelve_month_term_ends_the_day_before_the_anniversary():
    assert term_end(dt.date(2026, 3, 1), months=12) == dt.date(2027, 2, 28)


def test_age_turns_on_the_birthday():
    assert age_on(dt.date(2000, 6, 15), dt.date(2026, 6, 14)) == 25
    assert age_on(dt.date(2000, 6, 15), dt.date(2026, 6, 15)) == 26


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(0, 600))
def test_adding_months_never_goes_backwards_and_lands_in_the_right_month(start, months):
    result = add_months(start, months)
    assert result >= start
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
