"""From OpenOM's sentence record to the release arrangements the calculation needs.

These decide, from the offences already recorded, what the release date calculation service
asks a user to tick: whether a standard determinate sentence is SDS+ (released at two-thirds)
and which SDS40 exclusions apply. They err towards the later release date where the catalogue
flags cannot tell the statutory lists apart, and the case page says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openom.release.rules.durations import YEARS, days_in_unit
from openom.release.rules.working_days import IsHoliday

# SI 2020/158 (Release at Two-Thirds) art.2: adults sentenced on or after 1 April 2020 to 7 years
# or more for a specified violent or sexual offence with a maximum of life serve two-thirds.
SDS_PLUS_SEVEN_YEARS_FROM = dt.date(2020, 4, 1)
SDS_PLUS_SEVEN_YEARS = 7
# Police, Crime, Sentencing and Courts Act 2022 s130 (CJA 2003 s244ZA): from 28 June 2022 also
# 4 to 7 years for specified sexual offences and some violent offences.
SDS_PLUS_FOUR_YEARS_FROM = dt.date(2022, 6, 28)
SDS_PLUS_FOUR_YEARS = 4
# CJA 2003 s244ZA(1)(b): SDS+ applies to offenders aged 18 or over when sentenced.
SDS_PLUS_MIN_AGE = 18
# SI 2024/844 art.3 and Sch: SDS40 excludes sexual offences and violent offences (Sch 15 Part 1)
# with a sentence of 4 years or more.
SDS40_VIOLENT_EXCLUSION_YEARS = 4
# Used only when the sentence date is unknown: 4 x 365 days, fewer than any 4 calendar years hold
# this century, so that a term that may be 4 years is treated as one (the later release).
SHORTEST_FOUR_YEARS_DAYS = 4 * 365
# Seed 002 rec 11.iv: releases on a Friday or before a bank holiday leave people without support
# over the weekend; flag them so agencies can plan.
FRIDAY = 4


def at_least_years(start: dt.date, days: int, years: int) -> bool:
    """Whether a term of `days` days from `start` is `years` calendar years or more: the term
    reaches the same day `years` years on (java.time, and how a court's term is read), so a
    leap day counts. 3 years 11 months 27 days is not 4 years; 4 years exactly is."""
    return days >= days_in_unit(start, years, YEARS)


@dataclass(frozen=True)
class OffenceFlags:
    schedule_15_violent: bool
    schedule_15_sexual: bool


def is_sds_plus(
    *,
    sentenced_at: dt.date,
    custodial_days: int,
    age_at_sentence: int,
    offences: list[OffenceFlags],
) -> bool:
    if age_at_sentence < SDS_PLUS_MIN_AGE:
        return False
    specified = any(o.schedule_15_violent or o.schedule_15_sexual for o in offences)
    if not specified:
        return False
    if sentenced_at >= SDS_PLUS_SEVEN_YEARS_FROM and at_least_years(
        sentenced_at, custodial_days, SDS_PLUS_SEVEN_YEARS
    ):
        return True
    sexual = any(o.schedule_15_sexual for o in offences)
    return (
        sentenced_at >= SDS_PLUS_FOUR_YEARS_FROM
        and at_least_years(sentenced_at, custodial_days, SDS_PLUS_FOUR_YEARS)
        and sexual
    )


def sds40_exclusions(
    *, custodial_days: int, offences: list[OffenceFlags], sentenced_at: dt.date | None = None
) -> list[str]:
    """SDS40 exclusions; pass `sentenced_at` so that the 4 years are calendar years from it."""
    exclusions = []
    if any(o.schedule_15_sexual for o in offences):
        exclusions.append("SEXUAL")
    four_years = (
        at_least_years(sentenced_at, custodial_days, SDS40_VIOLENT_EXCLUSION_YEARS)
        if sentenced_at is not None
        else custodial_days >= SHORTEST_FOUR_YEARS_DAYS
    )
    if four_years and any(o.schedule_15_violent for o in offences):
        exclusions.append("VIOLENT")
    return exclusions


def release_day_warnings(date: dt.date, is_holiday: IsHoliday) -> list[str]:
    """Why a release on `date` needs planning ahead (seed 002 rec 11.iv)."""
    warnings = []
    if date.weekday() == FRIDAY:
        warnings.append(
            "Release falls on a Friday: arrange accommodation, benefits and medication before the weekend"
        )
    if is_holiday(date + dt.timedelta(days=1)):
        warnings.append(
            "Release falls the day before a bank holiday: services will be closed the next day"
        )
    return warnings
