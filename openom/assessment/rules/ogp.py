"""OGP, the OASys General reoffending Predictor, as DOMAIN.md §5.6 gives it
(ministryofjustice/hmpps-arns-risk-actuarial-api before commit 35b0295)."""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from openom.assessment.rules.ogrs3 import Band, whole_percent

# The static part: 0.6 x the OGRS3 two-year percentage, rounded.
OGRS3_WEIGHT = Decimal("0.6")
# No fixed abode, and unemployment: 5 points each.
NO_FIXED_ABODE_POINTS = 5
UNEMPLOYED_POINTS = 5
# Regular activities encourage offending, and pro-criminal attitudes: some 3, significant 5.
SOME_SIGNIFICANT_POINTS = {0: 0, 1: 3, 2: 5}
# 3.75 x (current drug misuse + motivation to tackle drug misuse), each 0-2, rounded.
DRUGS_WEIGHT = Decimal("3.75")
# 5/6 x (problem solving + awareness of consequences + understands others' views), rounded.
THINKING_WEIGHT = Decimal(5) / Decimal(6)
# P = logistic(0.0616 x points - intercept).
POINTS_COEFFICIENT = 0.0616
ONE_YEAR_INTERCEPT = 3.6832
TWO_YEAR_INTERCEPT = 3.0795
# Bands on the two-year percentage: 1-33 low, 34-66 medium, 67-84 high, 85-99 very high.
BAND_LOWER_BOUNDS = ((85, Band.VERY_HIGH), (67, Band.HIGH), (34, Band.MEDIUM), (0, Band.LOW))


@dataclass(frozen=True)
class PredictorResult:
    points: int
    one_year: int
    two_year: int
    band: Band
    working: dict[str, Any]


def round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _scale(name: str, value: int) -> int:
    if value not in (0, 1, 2):
        raise ValueError(f"{name} must be 0, 1 or 2")
    return value


def ogp(
    *,
    ogrs3_two_year: int,
    no_fixed_abode: bool,
    unemployed: bool,
    regular_activities_offending: int,
    current_drug_misuse: int,
    motivation_drugs: int,
    problem_solving: int,
    consequences: int,
    others_views: int,
    pro_criminal_attitudes: int,
) -> PredictorResult:
    """OGP points, one- and two-year probabilities and band (items 0-2 as the assessment asks)."""
    parts = {
        "ogrs3": round_half_up(OGRS3_WEIGHT * ogrs3_two_year),
        "no_fixed_abode": NO_FIXED_ABODE_POINTS if no_fixed_abode else 0,
        "unemployed": UNEMPLOYED_POINTS if unemployed else 0,
        "regular_activities": SOME_SIGNIFICANT_POINTS[
            _scale("regular_activities_offending", regular_activities_offending)
        ],
        "drugs": round_half_up(
            DRUGS_WEIGHT
            * (
                _scale("current_drug_misuse", current_drug_misuse)
                + _scale("motivation_drugs", motivation_drugs)
            )
        ),
        "thinking": round_half_up(
            THINKING_WEIGHT
            * (
                _scale("problem_solving", problem_solving)
                + _scale("consequences", consequences)
                + _scale("others_views", others_views)
            )
        ),
        "attitudes": SOME_SIGNIFICANT_POINTS[
            _scale("pro_criminal_attitudes", pro_criminal_attitudes)
        ],
    }
    points = sum(parts.values())
    one_year = whole_percent(logistic(POINTS_COEFFICIENT * points - ONE_YEAR_INTERCEPT))
    two_year = whole_percent(logistic(POINTS_COEFFICIENT * points - TWO_YEAR_INTERCEPT))
    band = next(b for lower, b in BAND_LOWER_BOUNDS if two_year >= lower)
    return PredictorResult(points, one_year, two_year, band, {"points": parts})
