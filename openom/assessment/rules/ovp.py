"""OVP, the OASys Violence Predictor, as DOMAIN.md §5.6 gives it
(ministryofjustice/hmpps-arns-risk-actuarial-api before commit 35b0295)."""

import math
from decimal import Decimal

from openom.assessment.rules.ogp import PredictorResult, logistic
from openom.assessment.rules.ogrs3 import Band, whole_percent

# Any previous sanction: 5 points.
PREVIOUS_SANCTION_POINTS = 5
# Violent sanctions 0-17 score these points; 18 or more score 25.
VIOLENT_SANCTION_POINTS = (0, 4, 7, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24)
VIOLENT_SANCTIONS_CAP_POINTS = 25
# Non-violent sanctions: 0-2 -> 0, 3-4 -> 2, 5-10 -> 3, 11-20 -> 4, 21+ -> 5 (lower bounds).
NON_VIOLENT_SANCTION_POINTS = ((21, 5), (11, 4), (5, 3), (3, 2), (0, 0))
# Age at the start of follow-up (lower bounds): 18-19 -> 20 ... 51+ -> 0. OVP is for adults.
AGE_POINTS = (
    (51, 0),
    (46, 2),
    (41, 4),
    (36, 6),
    (31, 8),
    (26, 10),
    (24, 12),
    (22, 14),
    (20, 17),
    (18, 20),
)
MIN_AGE = 18
MALE_POINTS = 5
# Dynamic items.
IMPACT_ON_OTHERS_POINTS = 4
NO_FIXED_ABODE_POINTS = 4
UNEMPLOYED_POINTS = 4
PSYCHIATRIC_TREATMENT_POINTS = 4
ALCOHOL_WEIGHT = Decimal("2.5")  # ceil(2.5 x (current alcohol problem + binge use))
TEMPER_WEIGHT = 3  # 3 x temper control (0-2)
ATTITUDES_WEIGHT = 3  # 3 x pro-criminal attitudes (0-2)
# P = logistic(0.0722 x points - intercept).
POINTS_COEFFICIENT = 0.0722
ONE_YEAR_INTERCEPT = 4.5215
TWO_YEAR_INTERCEPT = 3.8773
# Bands on the two-year percentage: 1-29 low, 30-59 medium, 60-79 high, 80-99 very high.
BAND_LOWER_BOUNDS = ((80, Band.VERY_HIGH), (60, Band.HIGH), (30, Band.MEDIUM), (0, Band.LOW))


def ovp(
    *,
    total_sanctions: int,
    violent_sanctions: int,
    age_at_follow_up: int,
    male: bool,
    impact_on_others: bool,
    no_fixed_abode: bool,
    unemployed: bool,
    current_alcohol_problem: int,
    binge_drinking: int,
    psychiatric_treatment: bool,
    temper_control: int,
    pro_criminal_attitudes: int,
) -> PredictorResult:
    """OVP points, probabilities and band. Sanctions include the current one."""
    if age_at_follow_up < MIN_AGE:
        raise ValueError(f"OVP is for people aged {MIN_AGE} or over at the start of follow-up")
    if not 0 <= violent_sanctions <= total_sanctions or total_sanctions < 1:
        raise ValueError("violent sanctions must be between 0 and the total (at least 1)")
    for name, value in (
        ("current_alcohol_problem", current_alcohol_problem),
        ("binge_drinking", binge_drinking),
        ("temper_control", temper_control),
        ("pro_criminal_attitudes", pro_criminal_attitudes),
    ):
        if value not in (0, 1, 2):
            raise ValueError(f"{name} must be 0, 1 or 2")
    non_violent = total_sanctions - violent_sanctions
    parts = {
        "previous_sanction": PREVIOUS_SANCTION_POINTS if total_sanctions > 1 else 0,
        "violent_sanctions": (
            VIOLENT_SANCTION_POINTS[violent_sanctions]
            if violent_sanctions < len(VIOLENT_SANCTION_POINTS)
            else VIOLENT_SANCTIONS_CAP_POINTS
        ),
        "non_violent_sanctions": next(
            p for lower, p in NON_VIOLENT_SANCTION_POINTS if non_violent >= lower
        ),
        "age": next(p for lower, p in AGE_POINTS if age_at_follow_up >= lower),
        "male": MALE_POINTS if male else 0,
        "impact_on_others": IMPACT_ON_OTHERS_POINTS if impact_on_others else 0,
        "no_fixed_abode": NO_FIXED_ABODE_POINTS if no_fixed_abode else 0,
        "unemployed": UNEMPLOYED_POINTS if unemployed else 0,
        "alcohol": math.ceil(ALCOHOL_WEIGHT * (current_alcohol_problem + binge_drinking)),
        "psychiatric_treatment": PSYCHIATRIC_TREATMENT_POINTS if psychiatric_treatment else 0,
        "temper_control": TEMPER_WEIGHT * temper_control,
        "attitudes": ATTITUDES_WEIGHT * pro_criminal_attitudes,
    }
    points = sum(parts.values())
    one_year = whole_percent(logistic(POINTS_COEFFICIENT * points - ONE_YEAR_INTERCEPT))
    two_year = whole_percent(logistic(POINTS_COEFFICIENT * points - TWO_YEAR_INTERCEPT))
    band = next(b for lower, b in BAND_LOWER_BOUNDS if two_year >= lower)
    return PredictorResult(points, one_year, two_year, band, {"points": parts})
