"""OGRS3: the Offender Group Reconviction Scale, version 3 (Howard, Francis, Soothill and
Humphreys, MoJ 2009), as DOMAIN.md §5.6 gives it (ministryofjustice/hmpps-arns-risk-actuarial-api
before commit 35b0295; NOMS-DIGITAL-STUDIO/rsr-calculator)."""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any


class Band(StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"


# Age bands at the start of follow-up: lower bounds, with the male and female coefficients.
AGE_BAND_LOWER_BOUNDS = (10, 12, 14, 16, 18, 21, 25, 30, 35, 40, 50)
AGE_SEX_COEFFICIENTS = {
    "male": (
        0,
        0.083922902,
        0.075775765,
        -0.061594199,
        -0.625103618,
        -1.051515067,
        -1.166679288,
        -1.325976554,
        -1.368045933,
        -1.499690953,
        -2.025261458,
    ),
    "female": (
        -0.785038489,
        -0.613852078,
        -0.669521331,
        -0.959179629,
        -0.897480934,
        -1.028488454,
        -1.052777806,
        -1.129127959,
        -1.42187494,
        -1.524652221,
        -2.44983716,
    ),
}
# Sanction status: with previous sanctions (total > 1), or this is the first.
SANCTION_STATUS_PREVIOUS = 0.463062792
SANCTION_STATUS_FIRST = 0.126142106
# The copas rate term: 1.25112 x ln(S / (10 + age at conviction - age at first sanction)).
COPAS_COEFFICIENT = 1.25112
COPAS_OFFSET_YEARS = 10
# Intercepts of the one- and two-year logistic models.
ONE_YEAR_INTERCEPT = 1.40256
TWO_YEAR_INTERCEPT = 2.1217
# Offence category coefficients (current HMPPS mapping, DOMAIN.md §5.6).
OFFENCE_COEFFICIENTS = {
    "violence": 0.0,
    "robbery": -0.634795912,
    "public_order": 0.181917975,
    "sexual_not_child": 0.0328,
    "sexual_child": -0.653434071,
    "soliciting": 0.760608858,
    "burglary_domestic": -0.12394352,
    "burglary_other": 0.240604429,
    "theft_non_motor": 0.661244321,
    "handling": 0.351866973,
    "fraud_forgery": 0.159910192,
    "absconding_bail": 0.733378677,
    "taking_driving_away": 0.380059431,
    "theft_from_vehicles": 0.427225615,
    "drink_driving": -0.121439408,
    "other_motoring": 0.262228428,
    "criminal_damage": 0.204960477,
    "drug_import_export_production": -0.795556373,
    "drug_possession_supply": 0.077165871,
    "other": -0.060667525,
}
# Reported as whole percentages, rounded half up and clamped to 1..99.
MIN_PERCENT, MAX_PERCENT = 1, 99
# Bands on the two-year figure: 0-49 low, 50-74 medium, 75-89 high, 90+ very high.
BAND_LOWER_BOUNDS = ((90, Band.VERY_HIGH), (75, Band.HIGH), (50, Band.MEDIUM), (0, Band.LOW))
MIN_AGE = 10


@dataclass(frozen=True)
class Ogrs3Result:
    one_year: int
    two_year: int
    band: Band
    working: dict[str, Any]


def age_in_years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band_index(age: int) -> int:
    if age < MIN_AGE:
        raise ValueError(f"age at the start of follow-up must be at least {MIN_AGE}")
    return max(i for i, lower in enumerate(AGE_BAND_LOWER_BOUNDS) if age >= lower)


def whole_percent(probability: float) -> int:
    percent = int(Decimal(str(probability * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(MAX_PERCENT, max(MIN_PERCENT, percent))


def band_for(two_year_percent: int) -> Band:
    return next(band for lower, band in BAND_LOWER_BOUNDS if two_year_percent >= lower)


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def ogrs3(
    *,
    sex: str,
    date_of_birth: dt.date,
    conviction_date: dt.date,
    follow_up_start: dt.date,
    total_sanctions: int,
    age_at_first_sanction: int,
    offence: str,
) -> Ogrs3Result:
    if sex not in AGE_SEX_COEFFICIENTS:
        raise ValueError("sex must be male or female")
    if offence not in OFFENCE_COEFFICIENTS:
        raise ValueError(f"unknown offence category {offence!r}")
    if total_sanctions < 1:
        raise ValueError("total sanctions includes the current one, so is at least 1")
    age_at_follow_up = age_in_years(date_of_birth, follow_up_start)
    age_at_conviction = age_in_years(date_of_birth, conviction_date)
    if age_at_first_sanction > age_at_conviction:
        raise ValueError("the first sanction cannot come after the current conviction")
    band_index = age_band_index(age_at_follow_up)
    age_sex = AGE_SEX_COEFFICIENTS[sex][band_index]
    status = SANCTION_STATUS_PREVIOUS if total_sanctions > 1 else SANCTION_STATUS_FIRST
    copas = COPAS_COEFFICIENT * math.log(
        total_sanctions / (COPAS_OFFSET_YEARS + age_at_conviction - age_at_first_sanction)
    )
    offence_coefficient = OFFENCE_COEFFICIENTS[offence]
    x = age_sex + status + copas + offence_coefficient
    one_year, two_year = (
        whole_percent(_logistic(ONE_YEAR_INTERCEPT + x)),
        whole_percent(_logistic(TWO_YEAR_INTERCEPT + x)),
    )
    band = band_for(two_year)
    working = {
        "age_at_follow_up_start": age_at_follow_up,
        "age_at_conviction": age_at_conviction,
        "age_band": f"{AGE_BAND_LOWER_BOUNDS[band_index]}+"
        if band_index == len(AGE_BAND_LOWER_BOUNDS) - 1
        else f"{AGE_BAND_LOWER_BOUNDS[band_index]}-{AGE_BAND_LOWER_BOUNDS[band_index + 1] - 1}",
        "age_sex_coefficient": age_sex,
        "sanction_status_coefficient": status,
        "copas_term": round(copas, 6),
        "offence_coefficient": offence_coefficient,
        "x": round(x, 6),
        "one_year_probability": round(_logistic(ONE_YEAR_INTERCEPT + x), 6),
        "two_year_probability": round(_logistic(TWO_YEAR_INTERCEPT + x), 6),
    }
    return Ogrs3Result(one_year, two_year, band, working)
