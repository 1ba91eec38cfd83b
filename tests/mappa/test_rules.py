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


def test_disqualification_from_working_with_children_counts_only_before_its_repeal():
    # CJA 2003 s327(5), repealed by the Deregulation Act 2015 with effect from 26 May 2015
    # (DOMAIN.md §5.8: "applies only to dates before the repeal").
    def on(day):
        return mappa_category(
            convictions=[], as_of=day, disqualified_from_working_with_children=True
        )

    assert on(D(2015, 5, 25)).category == 2
    assert on(D(2015, 5, 26)).category is None
    assert on(TODAY).category is None
    assert any("repealed by the Deregulation Act 2015" in r for r in on(TODAY).reasons)


# --- statute boundaries (SOA 2003 s82, CJA 2003 s327) ------------------------------------------
# SOA 2003 s82(1) table: "a person who, in respect of the offence, is or has been sentenced to
# imprisonment for a term of 30 months or more: an indefinite period"; "... for a term of more
# than 6 months but less than 30 months: 10 years"; "... for a term of 6 months or less: 7 years";
# "admitted to a hospital subject to a restriction order: an indefinite period"; "admitted to a
# hospital without being subject to a restriction order: 7 years". Convicted 1 Mar 2024, so a
# fixed period ends the day before the same date N years on.
@pytest.mark.parametrize(
    ("disposal", "term", "kwargs", "end"),
    [
        (Disposal.CUSTODY, Term(months=6), {}, D(2031, 2, 28)),  # exactly 6 months: 7 years
        (Disposal.CUSTODY, Term(months=6, days=1), {}, D(2034, 2, 28)),  # over 6: 10 years
        (Disposal.CUSTODY, Term(weeks=26), {}, D(2031, 2, 28)),  # 26 weeks: 6 months or less
        (Disposal.CUSTODY, Term(months=29, days=30), {}, D(2034, 2, 28)),  # under 30: 10 years
        (Disposal.CUSTODY, Term(months=30), {}, None),  # exactly 30 months: indefinite
        (Disposal.CUSTODY, Term(years=2, months=6), {}, None),  # 2 years 6 months: indefinite
        (Disposal.HOSPITAL_ORDER, None, {}, D(2031, 2, 28)),  # without restriction: 7 years
        (Disposal.HOSPITAL_ORDER, None, {"restriction_order": True}, None),  # with: indefinite
        (Disposal.CONDITIONAL_DISCHARGE, Term(months=18), {}, D(2025, 8, 31)),  # its length
    ],
)
def test_notification_period_boundaries_of_s82(disposal, term, kwargs, end):
    period = notification_period(sexual(disposal, term, **kwargs))
    assert period.end == end
    assert period.indefinite is (end is None)


def test_under_18_on_the_day_of_conviction_halves_the_period_and_18_that_day_does_not():
    # SOA 2003 s82(2): "where the relevant offender is under 18 on the relevant date" the 10, 7,
    # 5 and 2 year periods are "one-half" of those. 7 years halved: 3 years 6 months.
    born = D(2006, 3, 1)  # 18 on the conviction date 1 Mar 2024
    assert notification_period(sexual(Disposal.CUSTODY, Term(months=6), age=17)).period == Term(
        years=3, months=6
    )
    adult = notification_period(sexual(Disposal.CUSTODY, Term(months=6), age=18))
    assert (adult.period, adult.halved) == (Term(years=7), False)
    assert born.replace(year=born.year + 18) == CONVICTED


def test_a_conditional_discharge_is_not_halved_for_an_under_18():
    # SOA 2003 s82(1): "conditionally discharged: the period of conditional discharge"; s82(2)
    # halves only the 10, 7, 5 and 2 year periods.
    period = notification_period(sexual(Disposal.CONDITIONAL_DISCHARGE, Term(months=18), age=15))
    assert (period.period, period.halved, period.end) == (Term(months=18), False, D(2025, 8, 31))


@pytest.mark.parametrize(
    ("months", "period"),
    [
        # SOA 2003 s131: the DTO counts as the half the person is liable to be detained.
        (12, Term(years=3, months=6)),  # 6 months detained: 7 years, halved (under 18)
        (18, Term(years=5)),  # 9 months detained: 10 years, halved
        (24, Term(years=5)),  # 12 months detained: 10 years, halved
        (8, Term(years=3, months=6)),  # 4 months detained: 7 years, halved
    ],
)
def test_a_detention_and_training_order_notifies_on_half_its_term(months, period):
    notification = notification_period(sexual(Disposal.DTO, Term(months=months), age=16))
    assert notification.period == period
    assert "half the term" in notification.basis


def test_a_detention_and_training_order_is_category_2_on_its_full_term():
    # CJA 2003 s327(3)(b): a detention and training order "for a term of 12 months or more";
    # DOMAIN.md §5.8: "a detention and training order of 12 months or more counts".
    def dto(months):
        return Conviction(
            date=D(2025, 6, 2),
            disposal=Disposal.DTO,
            term=Term(months=months),
            age=16,
            schedule_15_violent=True,
        )

    assert mappa_category(convictions=[dto(12)], as_of=TODAY).category == 2
    assert mappa_category(convictions=[dto(10)], as_of=TODAY).category is None


def test_an_offence_named_in_s327_4a_counts_as_schedule_15_for_category_2():
    # CJA 2003 s327(3)(a): "murder or an offence specified in Part 1 or 2 of Schedule 15 or in
    # subsection (4A) below".
    named = Conviction(
        date=D(2025, 6, 2),
        disposal=Disposal.CUSTODY,
        term=Term(years=2),
        age=30,
        s327_4a_offence=True,
    )
    unnamed = Conviction(date=D(2025, 6, 2), disposal=Disposal.CUSTODY, term=Term(years=2), age=30)
    assert mappa_category(convictions=[named], as_of=TODAY).category == 2
    assert mappa_category(convictions=[unnamed], as_of=TODAY).category is None


@pytest.mark.parametrize(
    ("finding", "disposal", "kwargs", "category"),
    [
        # CJA 2003 s327(4): found not guilty by reason of insanity, or under a disability and to
        # have done the act, AND a hospital order (with or without a restriction order) or a
        # guardianship order.
        (Finding.NOT_GUILTY_INSANITY, Disposal.HOSPITAL_ORDER, {}, 2),
        (Finding.NOT_GUILTY_INSANITY, Disposal.HOSPITAL_ORDER, {"restriction_order": True}, 2),
        (Finding.UNFIT_DID_THE_ACT, Disposal.GUARDIANSHIP, {}, 2),
        (Finding.UNFIT_DID_THE_ACT, Disposal.OTHER, {}, None),
        (
            Finding.NOT_GUILTY_INSANITY,
            Disposal.CONDITIONAL_DISCHARGE,
            {"term": Term(years=1)},
            None,
        ),
    ],
)
def test_insanity_and_disability_findings_of_s327_4(finding, disposal, kwargs, category):
    result = mappa_category(convictions=[violent(disposal, finding=finding, **kwargs)], as_of=TODAY)
    assert result.category == category


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
