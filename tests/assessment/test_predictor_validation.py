"""A predictor score typed in from an external tool is checked before it can move the tier."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from openom.assessment.models import PredictorScore
from openom.assessment.rules.predictors import rsr_band
from openom.assessment.services import predictor_score_record
from openom.core.exceptions import ServiceValidationError
from openom.tiering.models import TierCalculation


def test_an_rsr_of_150_with_band_banana_dated_2031_is_refused_and_the_tier_is_untouched(
    client, olivia, daniel
):
    client.force_login(olivia)
    tiers_before = TierCalculation.objects.filter(person=daniel).count()

    response = client.post(
        reverse("assessment:predictor-add", args=[daniel.crn]),
        {
            "predictor": "RSR",
            "score": "150",
            "band": "banana",
            "assessed_on_0": "1",
            "assessed_on_1": "6",
            "assessed_on_2": "2031",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select band from the list" in page
    # The band radios: the summary links to the first radio.
    assert '<a href="#id_band_0">' in page
    assert not PredictorScore.objects.exists()
    assert TierCalculation.objects.filter(person=daniel).count() == tiers_before


def test_the_service_refuses_each_part_of_the_bad_score_at_once(daniel, olivia):
    with pytest.raises(ServiceValidationError) as refused:
        predictor_score_record(
            person=daniel,
            actor=olivia,
            data={
                "predictor": "RSR",
                "score": Decimal("150"),
                "band": "banana",
                "is_static": False,
                "assessed_on": dt.date(2031, 6, 1),
            },
            today=dt.date(2026, 12, 1),
        )

    assert refused.value.field_errors == {
        "score": "The score must be a percentage from 0 to 100",
        "band": "Select the band the tool gave: low, medium, high or very high",
        "assessed_on": "The date of the score must be today or in the past",
    }
    assert not TierCalculation.objects.filter(person=daniel).exists()


def test_an_rsr_band_that_does_not_match_the_score_is_refused(daniel, olivia):
    # hmpps-arns-risk-actuarial-api getRSRBand: 6.9 and above is high, so 7.5 is not low.
    with pytest.raises(ServiceValidationError) as refused:
        predictor_score_record(
            person=daniel,
            actor=olivia,
            data={
                "predictor": "RSR",
                "score": Decimal("7.5"),
                "band": "LOW",
                "is_static": False,
                "assessed_on": timezone.localdate(),
            },
        )
    assert refused.value.field_errors == {
        "band": "A score of 7.5 is in the high band: check the score and the band"
    }


@pytest.mark.parametrize(
    ("score", "band"),
    [
        # hmpps-arns-risk-actuarial-api getRSRBand: 0 to 3.0 low, above 3.0 and below 6.9
        # medium, 6.9 and above high.
        ("0", "LOW"),
        ("3.0", "LOW"),
        ("3.01", "MEDIUM"),
        ("6.89", "MEDIUM"),
        ("6.9", "HIGH"),
        ("100", "HIGH"),
    ],
)
def test_rsr_bands_follow_the_arns_thresholds(score, band):
    assert rsr_band(Decimal(score)) == band


def test_a_good_rsr_is_kept_and_tiers_the_case(daniel, olivia):
    score = predictor_score_record(
        person=daniel,
        actor=olivia,
        data={
            "predictor": "RSR",
            "score": Decimal("4.25"),
            "band": "medium",
            "is_static": False,
            "assessed_on": timezone.localdate(),
        },
    )
    assert score.band == "MEDIUM"
    assert TierCalculation.objects.filter(person=daniel).exists()
