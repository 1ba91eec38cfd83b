"""Rules added for issue #13: early removal (ERSED), the 2026 progression model, fines in default,
no licence for under-18s, each with its expected dates worked by hand from the statute and the
service's parameters (params/application-*.yml), not from OpenOM's code."""

from __future__ import annotations

from typing import Any

import pytest

from openom.release.calculators import ReleaseInputError, calculate

HOLIDAYS = "2021-12-27,2021-12-28"


def sentence(
    sentenced: str, committed: str, *, kind: str = "StandardSentence", **duration: int
) -> dict[str, Any]:
    return {
        "type": kind,
        "offence": {"committedAt": committed},
        "duration": {"durationElements": {k.upper(): v for k, v in duration.items()}},
        "sentencedAt": sentenced,
        "releaseArrangements": {
            "isSDSPlus": False,
            "isSDSPlusEligibleSentenceTypeLengthAndOffence": False,
            "sdsEarlyReleaseExclusions": [],
            "isSection250": False,
        },
    }


def dates_of(
    *sentences: dict[str, Any],
    params: str = "calculation-params",
    ersed: bool = False,
    born: str = "1990-01-01",
    adjustments: dict[str, Any] | None = None,
) -> dict[str, str]:
    payload = {
        "booking": {
            "offender": {"reference": "A1", "dateOfBirth": born},
            "sentences": list(sentences),
            "adjustments": adjustments or {},
        },
        "userInputs": {"calculateErsed": ersed},
        "params": params,
    }
    return calculate(payload, bank_holidays=HOLIDAYS)["dates"]


class TestEarlyRemovalScheme:
    def test_ers50_is_half_the_custodial_period_when_that_is_later_than_544_days_before_release(
        self,
    ) -> None:
        # 12 months from 4 January 2021 is 365 days; release at one half (CJA 2003 s.244) on the
        # 183rd day, 5 July 2021. ERS50 (CJA 2003 s.260(2A) as then in force): removal no sooner
        # than half of the 183 days to release (92, rounded up), so 4 January + 92 days =
        # 6 April 2021, which is later than 544 days before release.
        dates = dates_of(
            sentence("2021-01-04", "2021-01-01", months=12), ersed=True, params="sds-50"
        )
        assert dates["CRD"] == "2021-07-05"
        assert dates["ERSED"] == "2021-04-06"

    def test_ers30_is_thirty_per_cent_for_a_sentence_after_23_september_2025(self) -> None:
        # 10 years from 1 October 2025 is 3,652 days (29 February 2028 and 2032); SDS40 releases
        # at 40 per cent: 1,460.8, rounded up to 1,461 days, CRD 30 September 2029. ERS30 (in
        # force 23 September 2025): no sooner than 30 per cent of the 1,461 days (438.3, rounded
        # up to 439): 1 October 2025 + 439 days = 14 December 2026, later than 4 years before
        # release (30 September 2025).
        dates = dates_of(sentence("2025-10-01", "2025-09-01", years=10), ersed=True)
        assert dates["CRD"] == "2029-09-30"
        assert dates["ERSED"] == "2026-12-14"

    def test_ers30_removal_comes_at_most_four_years_before_release(self) -> None:
        # 20 years from 1 October 2025 is 7,305 days; 40 per cent is 2,922 days, the last of
        # which is 30 September 2033 (8 years from 1 October 2025 are 2,922 days). 30 per cent of
        # 2,922 days is 876.6, rounded up 877: 25 February 2028, earlier than 4 years before
        # release, so ERSED is 30 September 2029.
        dates = dates_of(sentence("2025-10-01", "2025-09-01", years=20), ersed=True)
        assert dates["CRD"] == "2033-09-30"
        assert dates["ERSED"] == "2029-09-30"

    def test_no_ersed_unless_the_person_is_liable_to_removal(self) -> None:
        dates = dates_of(sentence("2025-10-01", "2025-09-01", years=10), ersed=False)
        assert "ERSED" not in dates

    def test_no_ersed_for_a_sentence_on_recall(self) -> None:
        recalled = sentence("2023-01-02", "2022-12-01", years=2)
        recalled["recall"] = {"recallType": "STANDARD_RECALL"}
        assert "ERSED" not in dates_of(recalled, ersed=True)


class TestProgressionModel:
    PROFILE = "sds-progression-model-october"

    def test_a_standard_sentence_imposed_after_commencement_is_released_at_one_third(
        self,
    ) -> None:
        # Profile: progression model SDS release point ONE_THIRD from 1 October 2026 (tranche 1
        # date). 3 years from 5 October 2026 is 1,096 days (29 February 2028); a third is 365.33,
        # rounded up to 366 days: the 366th day is 5 October 2027.
        dates = dates_of(sentence("2026-10-05", "2026-09-01", years=3), params=self.PROFILE)
        assert dates["CRD"] == "2027-10-05"

    def test_a_sentence_being_served_at_commencement_is_released_no_sooner_than_its_tranche(
        self,
    ) -> None:
        # 24 months from 1 January 2026 is 730 days: more than tranche 1 (574 days), within
        # tranche 2 (882 days, 13 October 2026). A third (243.3, so 244 days) would release on
        # 1 September 2026, before the tranche date, so the CRD is 13 October 2026. Under the
        # old law (one half, 365 days) it would be 31 December 2026.
        result = calculate(
            {
                "booking": {
                    "offender": {"reference": "A1", "dateOfBirth": "1990-01-01"},
                    "sentences": [sentence("2026-01-01", "2025-12-01", months=24)],
                    "adjustments": {},
                },
                "params": self.PROFILE,
            },
            bank_holidays=HOLIDAYS,
        )
        assert result["dates"]["CRD"] == "2026-10-13"
        assert result["breakdown"]["progressionModelTranche"] == "TRANCHE_2"

    def test_the_old_law_applies_without_the_progression_model_profile(self) -> None:
        dates = dates_of(sentence("2026-01-01", "2025-12-01", months=24))
        # SDS40 (40 per cent of 730 days = 292): 19 October 2026.
        assert dates["CRD"] == "2026-10-19"


class TestFinesInDefault:
    def test_a_default_term_is_released_unconditionally_at_half_way(self) -> None:
        # CJA 2003 s.258: 80 days from 19 January 2022, released after 40: ARD 27 February 2022,
        # SED (the 80th day) 8 April 2022. No licence, no HDC, no top-up supervision.
        dates = dates_of(
            sentence("2022-01-19", "2022-01-18", kind="AFineSentence", days=80), params="sds-50"
        )
        assert dates == {"ARD": "2022-02-27", "SED": "2022-04-08", "ESED": "2022-04-08"}

    def test_remand_does_not_count_against_a_committal_for_civil_debt(self) -> None:
        civil = sentence("2022-01-19", "2022-01-18", kind="AFineSentence", days=80)
        civil["offence"]["offenceCode"] = "ZZ01004"
        remand = {"REMAND": [{"appliesToSentencesFrom": "2022-01-19", "numberOfDays": 10}]}
        assert dates_of(civil, params="sds-50", adjustments=remand)["ARD"] == "2022-02-27"


def test_under_18_on_release_a_sentence_under_12_months_has_no_licence() -> None:
    # Born 1 April 2005; 8 months from 27 October 2022 (243 days, release after 122 on
    # 25 February 2023, aged 17): SED and ARD, not SLED and CRD (CJA 2003 s.243A, s.256B).
    dates = dates_of(sentence("2022-10-27", "2022-06-21", months=8), born="2005-04-01")
    assert dates["ARD"] == "2023-02-25"
    assert "CRD" not in dates and "SLED" not in dates


def test_a_sentence_without_a_type_is_a_standard_sentence() -> None:
    untyped = sentence("2021-01-04", "2021-01-01", months=12)
    del untyped["type"]
    assert dates_of(untyped, params="sds-50")["CRD"] == "2021-07-05"


def test_an_unknown_sentence_type_answers_the_services_validation_code() -> None:
    with pytest.raises(ReleaseInputError) as refused:
        dates_of(sentence("2021-01-04", "2021-01-01", kind="LifeSentence", months=12))
    assert refused.value.codes == ["UNSUPPORTED_SENTENCE_TYPE"]


def test_tagged_bail_entered_as_a_negative_correction_reduces_the_credit() -> None:
    # 12 months from 4 January 2021 (sds-50): release on 5 July 2021. Tagged bail of 20 days
    # corrected by an entry of -5 credits 15 days (CJA 2003 s.240A): 20 June 2021.
    bail = {
        "TAGGED_BAIL": [
            {"appliesToSentencesFrom": "2021-01-04", "numberOfDays": 20},
            {"appliesToSentencesFrom": "2021-01-04", "numberOfDays": -5},
        ]
    }
    dates = dates_of(
        sentence("2021-01-04", "2021-01-01", months=12), params="sds-50", adjustments=bail
    )
    assert dates["CRD"] == "2021-06-20"


def test_corrections_taking_away_more_tagged_bail_than_recorded_are_refused() -> None:
    bail = {"TAGGED_BAIL": [{"appliesToSentencesFrom": "2021-01-04", "numberOfDays": -5}]}
    with pytest.raises(ReleaseInputError) as refused:
        dates_of(sentence("2021-01-04", "2021-01-01", months=12), adjustments=bail)
    assert refused.value.field == "booking.adjustments.TAGGED_BAIL"


def test_remand_cannot_be_negative() -> None:
    remand = {"REMAND": [{"appliesToSentencesFrom": "2021-01-04", "numberOfDays": -5}]}
    with pytest.raises(ReleaseInputError) as refused:
        dates_of(sentence("2021-01-04", "2021-01-01", months=12), adjustments=remand)
    assert refused.value.field == "booking.adjustments.REMAND[0].numberOfDays"


def _payload(toggles: dict[str, bool], *sentences: dict[str, Any], params: str) -> dict[str, Any]:
    return {
        "booking": {
            "offender": {"reference": "A1", "dateOfBirth": "1990-01-01"},
            "sentences": list(sentences),
            "adjustments": {},
        },
        "params": params,
        "featureToggles": toggles,
    }


def test_no_hdc_for_an_adult_while_adult_hdc_is_suspended() -> None:
    # 12 months from 4 January 2021: a custodial period of 182.5 days, under the midpoint, so
    # HDC after half of it (92 days, rounded up): 6 April 2021 (HDC policy framework).
    twelve_months = sentence("2021-01-04", "2021-01-01", months=12)
    assert dates_of(twelve_months, params="sds-50")["HDCED"] == "2021-04-06"
    suspended = _payload({"adultHdcSuspended": True}, twelve_months, params="sds-50")
    assert "HDCED" not in calculate(suspended, bank_holidays=HOLIDAYS)["dates"]


def test_an_offence_in_the_progression_model_schedule_is_routed_to_manual_calculation() -> None:
    excluded = sentence("2026-01-01", "2025-12-01", months=24)
    excluded["releaseArrangements"]["sdsEarlyReleaseExclusions"] = [
        "SA2026_PROGRESSION_MODEL_SCHEDULE"
    ]
    payload = _payload(
        {"routeProgressionModelScheduleExclusionToManual": True},
        excluded,
        params="sds-progression-model-october",
    )
    with pytest.raises(ReleaseInputError) as refused:
        calculate(payload, bank_holidays=HOLIDAYS)
    assert refused.value.codes == ["PROGRESSION_MODEL_SCHEDULE_EXCLUSION"]
