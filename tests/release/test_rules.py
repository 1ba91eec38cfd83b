"""Unit tests of individual release date rules."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from openom.release.calculators import ReleaseInputError, calculate
from openom.release.rules.durations import Duration, effective_sentence_length
from openom.release.rules.hdced import HdcedInputs, calculate_hdced
from openom.release.rules.params import load_params
from openom.release.rules.working_days import fixed_bank_holidays, previous_working_day

NO_HOLIDAYS: list[dt.date] = []


def sentence(
    sentenced_at: str,
    committed_at: str,
    *,
    years: int = 0,
    months: int = 0,
    days: int = 0,
    identifier: str | None = None,
    consecutive_to: str | None = None,
    sds_plus: bool = False,
) -> dict[str, Any]:
    elements = {k: v for k, v in (("YEARS", years), ("MONTHS", months), ("DAYS", days)) if v}
    raw: dict[str, Any] = {
        "type": "StandardSentence",
        "offence": {"committedAt": committed_at},
        "duration": {"durationElements": elements},
        "sentencedAt": sentenced_at,
        "releaseArrangements": {
            "isSDSPlus": sds_plus,
            "isSDSPlusEligibleSentenceTypeLengthAndOffence": False,
            "sdsEarlyReleaseExclusions": [],
            "isSection250": False,
        },
    }
    if identifier:
        raw["identifier"] = identifier
    if consecutive_to:
        raw["consecutiveSentenceUUIDs"] = [consecutive_to]
    return raw


def booking(
    *sentences: dict[str, Any],
    remand: list[tuple[str, int]] | None = None,
    params: str = "sds-50",
) -> dict[str, Any]:
    adjustments: dict[str, Any] = {}
    if remand:
        adjustments["REMAND"] = [
            {"appliesToSentencesFrom": applies, "numberOfDays": days} for applies, days in remand
        ]
    return {
        "booking": {
            "offender": {"reference": "A1", "dateOfBirth": "1990-01-01"},
            "sentences": list(sentences),
            "adjustments": adjustments,
        },
        "params": params,
    }


def dates_of(payload: dict[str, Any]) -> dict[str, str]:
    return calculate(payload, bank_holidays=NO_HOLIDAYS)["dates"]


def test_standard_sentence_is_released_at_the_half_way_point() -> None:
    dates = dates_of(booking(sentence("2013-09-21", "2013-09-19", years=2)))
    assert dates["SLED"] == "2015-09-20"
    assert dates["CRD"] == "2014-09-20"


def test_sds_plus_sentence_is_released_at_two_thirds_with_no_hdced() -> None:
    dates = dates_of(
        booking(sentence("2024-05-10", "2024-05-09", years=10, months=4, sds_plus=True))
    )
    assert dates["CRD"] == "2031-03-31"
    assert "HDCED" not in dates


def test_sentence_imposed_after_sds40_commencement_is_released_at_forty_percent() -> None:
    # 184 days x 40% = 73.6, rounded up to 74 days (SI 2024/844).
    payload = booking(sentence("2026-05-04", "2026-05-04", months=6), params="calculation-params")
    assert dates_of(payload)["CRD"] == "2026-07-16"


def test_sds40_release_before_tranche_one_defaults_to_its_commencement() -> None:
    # 2 years from 1 Oct 2023: 40% falls in May 2024, half-way after 10 Sep 2024.
    payload = booking(sentence("2023-10-01", "2023-09-01", years=2), params="calculation-params")
    result = calculate(payload, bank_holidays=NO_HOLIDAYS)
    assert result["dates"]["CRD"] == "2024-09-10"
    assert result["breakdown"]["sds40Tranche"] == "TRANCHE_1"


def test_consecutive_sentences_are_aggregated_into_one_term() -> None:
    payload = booking(
        sentence("2015-02-23", "2015-02-23", months=4, identifier="a"),
        sentence("2015-02-23", "2015-10-05", months=6, consecutive_to="a"),
    )
    result = calculate(payload, bank_holidays=NO_HOLIDAYS)
    assert result["dates"]["SLED"] == "2015-12-22"
    assert result["dates"]["CRD"] == "2015-07-24"
    assert result["effectiveSentenceLength"] == "P10M"


def test_remand_is_deducted_from_release_and_expiry() -> None:
    without = dates_of(booking(sentence("2012-12-15", "2012-12-14", years=3)))
    with_remand = dates_of(
        booking(sentence("2012-12-15", "2012-12-14", years=3), remand=[("2012-12-15", 35)])
    )
    for kind in ("CRD", "SLED"):
        gap = dt.date.fromisoformat(without[kind]) - dt.date.fromisoformat(with_remand[kind])
        assert gap.days == 35


HDC = load_params("calculation-params").hdc


def test_hdced_below_the_midpoint_is_half_the_custodial_period() -> None:
    inputs = HdcedInputs(
        sentenced_at=dt.date(2009, 1, 1),
        custodial_period=Fraction(273, 2),
        days_to_release=137,
        adjusted_release=dt.date(2009, 5, 17),
        added_days=0,
        deducted_days=0,
    )
    assert calculate_hdced(inputs, HDC) == (dt.date(2009, 3, 11), "HDCED_PRE_HDC365")


def test_hdced_is_never_sooner_than_fourteen_days_after_sentence() -> None:
    inputs = HdcedInputs(
        sentenced_at=dt.date(2020, 1, 1),
        custodial_period=Fraction(100),
        days_to_release=100,
        adjusted_release=dt.date(2020, 3, 1),
        added_days=0,
        deducted_days=60,
    )
    hdced, _rule = calculate_hdced(inputs, HDC)  # type: ignore[misc]
    assert hdced == dt.date(2020, 1, 15)


def test_no_hdced_when_the_custodial_period_is_under_42_days() -> None:
    inputs = HdcedInputs(
        sentenced_at=dt.date(2020, 1, 1),
        custodial_period=Fraction(41),
        days_to_release=41,
        adjusted_release=dt.date(2020, 2, 10),
        added_days=0,
        deducted_days=0,
    )
    assert calculate_hdced(inputs, HDC) is None


def test_hdced_after_hdc365_commencement_is_364_days_before_release() -> None:
    # Custodial period of 1000 days (over the 730-day midpoint) ending well after June 2025.
    inputs = HdcedInputs(
        sentenced_at=dt.date(2025, 7, 1),
        custodial_period=Fraction(1000),
        days_to_release=1000,
        adjusted_release=dt.date(2028, 3, 26),
        added_days=0,
        deducted_days=0,
    )
    hdced, rule = calculate_hdced(inputs, HDC)  # type: ignore[misc]
    assert hdced == dt.date(2025, 7, 1) + dt.timedelta(days=1000 - 365)
    assert rule == "HDCED_POST_HDC365"


def test_a_saturday_release_moves_to_the_previous_friday() -> None:
    no_holidays = fixed_bank_holidays([])
    assert previous_working_day(dt.date(2014, 9, 20), no_holidays) == dt.date(2014, 9, 19)


def test_a_bank_holiday_release_moves_to_the_previous_working_day() -> None:
    holidays = fixed_bank_holidays([dt.date(2021, 12, 27), dt.date(2021, 12, 28)])
    # Tuesday 28 Dec 2021 -> Monday is a holiday too, the weekend before -> Friday 24 Dec.
    assert previous_working_day(dt.date(2021, 12, 28), holidays) == dt.date(2021, 12, 24)


def test_working_day_release_dates_are_reported_in_the_breakdown() -> None:
    result = calculate(
        booking(sentence("2013-09-21", "2013-09-19", years=2)), bank_holidays=NO_HOLIDAYS
    )
    assert result["breakdown"]["nonWorkingDayAdjusted"]["CRD"] == dt.date(2014, 9, 19)


def test_months_from_the_first_of_a_month_end_on_the_last_day_of_a_month() -> None:
    assert Duration({"MONTHS": 1}).end_date(dt.date(2021, 2, 1)) == dt.date(2021, 2, 28)
    # java.time clamps 30 Jan + 1 month to 28 Feb.
    assert Duration({"MONTHS": 1}).end_date(dt.date(2021, 1, 31)) == dt.date(2021, 2, 28)


def test_effective_sentence_length_is_a_period_to_the_day_after_expiry() -> None:
    assert effective_sentence_length(dt.date(2023, 10, 23), dt.date(2025, 5, 7)) == "P1Y6M15D"


sentence_dates = st.dates(min_value=dt.date(2015, 2, 1), max_value=dt.date(2023, 12, 31))


@settings(max_examples=60, deadline=None)
@given(
    sentenced=sentence_dates,
    months=st.integers(min_value=1, max_value=120),
    remand=st.integers(min_value=0, max_value=400),
)
def test_release_is_never_after_the_sentence_expiry(
    sentenced: dt.date, months: int, remand: int
) -> None:
    iso = sentenced.isoformat()
    payload = booking(sentence(iso, iso, months=months), remand=[(iso, remand)])
    try:
        dates = dates_of(payload)
    except ReleaseInputError as refused:
        # Remand taking the release to before the sentence date is refused, as the service
        # does (RELEASE_DATE_BEFORE_SENTENCE_DATE): more than the days to the half-way point.
        assert refused.codes == ["RELEASE_DATE_BEFORE_SENTENCE_DATE"]
        assert remand > (Duration({"MONTHS": months}).length_in_days(sentenced) + 1) // 2
        return
    release = dates.get("CRD") or dates.get("ARD")
    expiry = dates.get("SLED") or dates.get("SED")
    assert release is not None and expiry is not None
    assert release <= expiry


@settings(max_examples=60, deadline=None)
@given(
    sentenced=sentence_dates,
    months=st.integers(min_value=1, max_value=120),
    remand=st.integers(min_value=0, max_value=300),
    extra=st.integers(min_value=1, max_value=100),
)
def test_more_remand_never_makes_the_release_later(
    sentenced: dt.date, months: int, remand: int, extra: int
) -> None:
    iso = sentenced.isoformat()
    try:
        fewer = dates_of(booking(sentence(iso, iso, months=months), remand=[(iso, remand)]))
        more = dates_of(booking(sentence(iso, iso, months=months), remand=[(iso, remand + extra)]))
    except ReleaseInputError as refused:
        # Refused only when the remand takes the release before the sentence date.
        assert refused.codes == ["RELEASE_DATE_BEFORE_SENTENCE_DATE"]
        return
    assert (more.get("CRD") or more["ARD"]) <= (fewer.get("CRD") or fewer["ARD"])
