"""Predictor scores typed in from an external tool: the range and the band each must have."""

import datetime as dt
from decimal import Decimal

from openom.assessment.rules import ogp, ovp
from openom.assessment.rules.ogrs3 import Band

# Every predictor recorded here is a probability in per cent: 0 to 100.
SCORE_MIN = Decimal(0)
SCORE_MAX = Decimal(100)
# RSR bands (ministryofjustice/hmpps-arns-risk-actuarial-api, getRSRBand): 0 to 3.0 low,
# above 3.0 and below 6.9 medium, 6.9 and above high.
RSR_LOW_MAX = Decimal("3.0")
RSR_HIGH_FROM = Decimal("6.9")
# The bands the tools give (OASys and ARNS: low, medium, high, very high).
BANDS = {band.value: band.value.replace("_", " ").lower() for band in Band}


def rsr_band(score: Decimal) -> str:
    if score <= RSR_LOW_MAX:
        return Band.LOW.value
    if score < RSR_HIGH_FROM:
        return Band.MEDIUM.value
    return Band.HIGH.value


def _two_year_band(bounds, score: Decimal) -> str:
    return next(band for lower, band in bounds if score >= lower).value


def expected_band(predictor: str, score: Decimal) -> str | None:
    """The band the predictor's own rules give for `score`, where they fix one."""
    if predictor == "RSR":
        return rsr_band(score)
    if predictor == "OGP":  # on the two-year percentage (assessment/rules/ogp.py)
        return _two_year_band(ogp.BAND_LOWER_BOUNDS, score)
    if predictor == "OVP":  # on the two-year percentage (assessment/rules/ovp.py)
        return _two_year_band(ovp.BAND_LOWER_BOUNDS, score)
    return None


def predictor_problems(
    *, predictor: str, score: Decimal | None, band: str, assessed_on: dt.date | None, today: dt.date
) -> dict[str, str]:
    """What is wrong with a typed-in predictor score, field by field, in GOV.UK words."""
    errors: dict[str, str] = {}
    band = (band or "").strip().upper().replace(" ", "_")
    if score is not None and not SCORE_MIN <= score <= SCORE_MAX:
        errors["score"] = f"The score must be a percentage from {SCORE_MIN} to {SCORE_MAX}"
    if band not in BANDS:
        errors["band"] = "Select the band the tool gave: low, medium, high or very high"
    elif score is not None and "score" not in errors:
        expected = expected_band(predictor, score)
        if expected is not None and band != expected:
            errors["band"] = (
                f"A score of {score} is in the {BANDS[expected]} band: check the score and the band"
            )
    if assessed_on is not None and assessed_on > today:
        errors["assessed_on"] = "The date of the score must be today or in the past"
    return errors
