"""MAPPA category and sex-offender notification periods (CJA 2003 ss325-327; SOA 2003 s82)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openom.mappa.rules import (
    Category3Referral,
    Conviction,
    Disposal,
    Finding,
    Term,
    initial_notification_due,
    mappa_category,
    next_review_due,
    notification_period,
    renotification_due,
)

D = dt.date
TODAY = D(2026, 11, 25)
CONVICTED = D(2024, 3, 1)
REFERRAL = Category3Referral(
    risk_of_serious_harm=True, linked_to_offending=True, needs_multi_agency_management=True
)


def sexual(disposal=Disposal.CUSTODY, term=None, *, age=30, on=CONVICTED, **kwargs):
    return Conviction(
        date=on,
        disposal=disposal,
        term=term,
        age=age,
        schedule_15_sexual=True,
        schedule_3_notifiable=True,
        **kwargs,
    )


def violent(disposal=Disposal.CUSTODY, term=None, **kwargs):
    return Conviction(
        date=D(2025, 6, 2), disposal=disposal, term=term, age=30, schedule_15_violent=True, **kwargs
    )


@pytest.mark.parametrize(
    ("disposal", "term", "expected_end"),
    [
        (Disposal.CUSTODY, Term(months=6), D(2031, 2, 28)),  # 6 months or less: 7 years
        (Disposal.CUSTODY, Term(months=7), D(2034, 2, 28)),  # over 6 months: 10 years
        (Disposal.SUSPENDED, Term(months=12), D(2034, 2, 28)),  # suspended counts as custody
        (Disposal.COMMUNITY, None, D(2029, 2, 28)),  # any other description: 5 years
        (Disposal.CAUTION, None, D(2026, 2, 28)),  # a caution: 2 years
        (Disposal.HOSPITAL_ORDER, None, D(2031, 2, 28)),  # hospital order: 7 years
    ],
)
def test_fixed_notification_periods_end_the_day_before_the_anniversary(
    disposal, term, expected_end
):
    period = notification_period(sexual(disposal, term))
    assert not period.indefinite
    assert period.end == expected_end


@pytest.mark.parametrize(
    "conviction",
    [
        sexual(Disposal.CUSTODY, Term(months=30)),
        sexual(Disposal.CUSTODY, Term(years=4)),
        sexual(Disposal.LIFE),
        sexual(Disposal.HOSPITAL_ORDER, restriction_order=True),
    ],
)
def test_thirty_months_custody_life_or_a_restriction_order_means_indefinite_notification(
    conviction,
):
    period = notification_period(conviction)
    assert period.indefinite
    assert period.end is None
    assert period.review_after_years == 15


def test_under_eighteens_have_the_fixed_periods_halved():
    period = notification_period(sexual(Disposal.CUSTODY, Term(months=12), age=16))
    assert period.halved
    assert period.period == Term(years=5)
    assert period.end == D(2029, 2, 28)


def test_an_under_eighteen_on_an_indefinite_period_is_reviewable_after_eight_years():
    assert notification_period(sexual(Disposal.LIFE, age=17)).review_after_years == 8


def test_a_conditional_discharge_lasts_as_long_as_the_discharge_and_is_not_halved():
    period = notification_period(sexual(Disposal.CONDITIONAL_DISCHARGE, Term(years=2), age=15))
    assert period.period == Term(years=2)
    assert not period.halved


def test_a_registered_sex_offender_is_category_1_and_also_meets_category_2():
    result = mappa_category(convictions=[sexual(Disposal.CUSTODY, Term(years=2))], as_of=TODAY)
    assert result.category == 1
    assert result.also_meets == (2,)
    assert any("category 1" in reason for reason in result.reasons)


def test_an_expired_notification_period_is_no_longer_category_1():
    old = sexual(Disposal.CAUTION, on=D(2020, 1, 6))
    result = mappa_category(convictions=[old], as_of=TODAY)
    assert result.category is None
    assert "Not eligible for MAPPA" in result.reasons


def test_a_violent_offence_with_twelve_months_custody_is_category_2():
    assert mappa_category(convictions=[violent(term=Term(months=12))], as_of=TODAY).category == 2


def test_a_violent_offence_with_less_than_twelve_months_custody_is_not_category_2():
    result = mappa_category(convictions=[violent(term=Term(months=11, weeks=4))], as_of=TODAY)
    assert result.category is None
    assert any("under 12 months custody" in reason for reason in result.reasons)


def test_category_2_ends_with_the_licence():
    ended = violent(term=Term(years=2), supervision_ends=D(2026, 6, 1))
    assert mappa_category(convictions=[ended], as_of=TODAY).category is None


def test_a_hospital_order_after_a_finding_of_insanity_is_category_2():
    finding = violent(Disposal.HOSPITAL_ORDER, finding=Finding.NOT_GUILTY_INSANITY)
    assert mappa_category(convictions=[finding], as_of=TODAY).category == 2


def test_a_sexual_offender_not_required_to_register_is_category_2():
    unregistered = Conviction(
        date=D(2025, 6, 2),
        disposal=Disposal.CUSTODY,
        term=Term(years=2),
        age=30,
        schedule_15_sexual=True,
    )
    result = mappa_category(convictions=[unregistered], as_of=TODAY)
    assert result.category == 2
    assert any("not required to register" in reason for reason in result.reasons)


def test_disqualification_from_working_with_children_is_category_2():
    result = mappa_category(
        convictions=[], as_of=TODAY, disqualified_from_working_with_children=True
    )
    assert result.category == 2


def test_category_3_needs_an_offence_and_every_part_of_the_referral():
    burglary = Conviction(date=D(2025, 6, 2), disposal=Disposal.COMMUNITY, age=30)
    assert mappa_category(convictions=[burglary], as_of=TODAY, referral=REFERRAL).category == 3
    weak = Category3Referral(True, False, True)
    result = mappa_category(convictions=[burglary], as_of=TODAY, referral=weak)
    assert result.category is None
    assert any("a link between the risk and the offending" in r for r in result.reasons)


def test_category_3_is_only_for_those_not_in_category_1_or_2():
    result = mappa_category(
        convictions=[violent(term=Term(years=3))], as_of=TODAY, referral=REFERRAL
    )
    assert result.category == 2
    assert 3 not in result.also_meets


def test_initial_notification_is_due_within_three_days_of_conviction_or_release():
    assert initial_notification_due(D(2026, 3, 2)) == D(2026, 3, 4)
    assert initial_notification_due(D(2026, 3, 2), D(2027, 1, 8)) == D(2027, 1, 10)


def test_renotification_is_yearly_or_weekly_with_no_fixed_abode():
    assert renotification_due(D(2026, 3, 2)) == D(2027, 3, 2)
    assert renotification_due(D(2026, 3, 2), no_fixed_abode=True) == D(2026, 3, 9)


def test_level_3_is_reviewed_every_8_weeks_level_2_every_16_and_level_1_at_agency_points():
    assert next_review_due(3, D(2026, 1, 5)) == D(2026, 3, 2)
    assert next_review_due(2, D(2026, 1, 5)) == D(2026, 4, 27)
    assert next_review_due(1, D(2026, 1, 5)) is None


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=1, max_value=29),
    st.integers(min_value=10, max_value=80),
)
def test_a_longer_custodial_term_never_gives_a_shorter_notification_period(on, months, age):
    shorter = notification_period(sexual(Disposal.CUSTODY, Term(months=months), age=age, on=on))
    longer = notification_period(sexual(Disposal.CUSTODY, Term(months=months + 1), age=age, on=on))
    assert longer.indefinite or (not shorter.indefinite and longer.end >= shorter.end)
    assert shorter.start == on


def test_the_level_reaches_the_prison_in_time_only_48_hours_or_more_before_release():
    from openom.mappa.rules import confirmed_in_time

    release = dt.datetime(2026, 12, 10, 0, 0, tzinfo=dt.UTC)
    assert confirmed_in_time(release, release - dt.timedelta(hours=48))
    assert not confirmed_in_time(release, release - dt.timedelta(hours=47, minutes=59))
