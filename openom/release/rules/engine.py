"""The whole calculation: sentences in, booking dates out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from openom.release.rules.booking import Booking
from openom.release.rules.calculation import UnitCalc
from openom.release.rules.durations import YEARS, days_in_unit, effective_sentence_length
from openom.release.rules.extraction import extract
from openom.release.rules.params import Params, Tranche
from openom.release.rules.sentences import (
    SDS_RELEASE_POINT,
    Unit,
    build_units,
    combine_single_term,
    fixed_multiplier,
    identify,
    release_calculation,
)
from openom.release.rules.timeline import TimelineResult, run_timeline
from openom.release.rules.working_days import IsHoliday, previous_working_day

# Dates that, falling on a weekend or bank holiday, are brought forward to the previous working
# day (calculate-release-dates-api WorkingDayService; CJA 2003 s.243A(7) and PSI 03/2015 para 2.3).
# The calculated dates stay as they are; the working-day dates are reported beside them.
NON_WORKING_DAY_DATES: tuple[str, ...] = ("CRD", "ARD", "PED", "HDCED", "ETD", "MTD", "LTD", "PRRD")
# SI 2024/844 (SDS40): dates before the tranche commencement move to the commencement date.
SDS40_DEFAULTED_DATES: tuple[str, ...] = ("CRD", "ARD", "HDCED", "PED", "ERSED")


@dataclass
class BookingResult:
    dates: dict[str, dt.date]
    effective_sentence_length: str
    calcs: list[UnitCalc]
    sds40_tranche: str = "TRANCHE_0"
    sds40_tranche_date: dt.date | None = None
    standard_dates: dict[str, dt.date] = field(default_factory=dict)
    # Release dates falling on a weekend or bank holiday, as brought forward to the previous
    # working day (the service reports these alongside the calculated dates, as hints).
    working_day_dates: dict[str, dt.date] = field(default_factory=dict)

    def breakdown(self) -> dict[str, Any]:
        return {
            "sds40Tranche": self.sds40_tranche,
            "sds40TrancheDate": self.sds40_tranche_date,
            "nonWorkingDayAdjusted": dict(sorted(self.working_day_dates.items())),
            "sentences": [
                {
                    "sentences": c.unit.label(),
                    "sentencedAt": c.sentenced_at,
                    "releaseDateTypes": sorted(c.types),
                    "daysToExpiry": c.rc.days_to_expiry,
                    "daysToRelease": c.rc.days_to_release,
                    "daysToParoleEligibility": c.rc.days_to_ped,
                    "adjustments": c.adj.describe(),
                    "unadjustedExpiry": c.unadjusted_expiry,
                    "unadjustedRelease": c.unadjusted_release,
                    "dates": dict(sorted(c.dates.items())),
                    "rules": c.rules,
                }
                for c in self.calcs
            ],
        }


def _sds40_eligible(part: Any) -> bool:
    """SDS40 (SI 2024/844 art.2) applies to standard determinate sentences that are not SDS+ and
    not for excluded (sexual, violent, terrorism, domestic abuse) offences."""
    return part.kind == "SDS" and part.track == "SDS" and not part.exclusions


def _multipliers(units: list[Unit], params: Params, early_units: set[int]) -> dict[int, Fraction]:
    multipliers: dict[int, Fraction] = {}
    commencement = params.sds40_commencement
    for position, unit in enumerate(units):
        for part in unit.parts:
            fixed = fixed_multiplier(part)
            if fixed is not None:
                multipliers[part.index] = fixed
            elif _sds40_eligible(part) and (
                part.sentenced_at >= commencement or position in early_units
            ):
                multipliers[part.index] = params.early_release_point
            else:
                multipliers[part.index] = SDS_RELEASE_POINT
    return multipliers


def _ftr56_tranche(unit: Unit, units: list[Unit], params: Params) -> Tranche | None:
    """FTR56 tranche: by the longest 56-day-recall sentence still running at its return to
    custody (the tranche lengths are in the params profile)."""
    if unit.recall_type != "FIXED_TERM_RECALL_56":
        return None
    returns = [u.return_to_custody for u in units if u.return_to_custody is not None]
    latest_return = max(returns) if returns else None
    running = [
        u.length_days()
        for u in units
        if u.recall_type == "FIXED_TERM_RECALL_56"
        and latest_return is not None
        and u.sentenced_at + dt.timedelta(days=u.length_days() - 1) >= latest_return
    ]
    length = max(running, default=unit.length_days())
    for tranche in params.ftr56_tranches:
        if tranche.kind == "FINAL" or (tranche.duration is not None and length <= tranche.duration):
            return tranche
    return None


def _run(
    units: list[Unit],
    booking: Booking,
    params: Params,
    is_holiday: IsHoliday,
    early_units: set[int],
    tranche_date: dt.date | None,
) -> TimelineResult:
    multipliers = _multipliers(units, params, early_units)
    calcs = []
    for position, unit in enumerate(units):
        calc = UnitCalc(unit, release_calculation(unit, multipliers))
        calc.ftr56_tranche = _ftr56_tranche(unit, units, params)
        if position in early_units:
            calc.earliest_applicable = tranche_date
        calcs.append(calc)
    return run_timeline(calcs, booking, params, is_holiday)


def _in_custody_on(result: TimelineResult, date: dt.date) -> set[int]:
    positions: set[int] = set()
    for period in result.periods:
        if period.start < date <= period.release:
            for calc in period.calcs:
                positions.add(result.calcs.index(calc))
    return positions


def _allocate_tranche(
    units: list[Unit], standard: TimelineResult, params: Params
) -> tuple[Tranche, set[int]] | None:
    """SDS40 tranche of the custodial period running at commencement (SI 2024/844 art.3)."""
    first = params.sds40_tranches[0]
    in_custody = _in_custody_on(standard, first.date)
    affected = {
        p
        for p in in_custody
        if any(_sds40_eligible(part) and part.sentenced_at < first.date for part in units[p].parts)
    }
    if not affected:
        return None
    for tranche in params.sds40_tranches:
        if tranche.kind == "FINAL":
            chosen = tranche
            break
        limit = all(
            units[p].length_days()
            < days_in_unit(units[p].sentenced_at, tranche.duration or 0, YEARS)
            for p in in_custody
        )
        if limit:
            chosen = tranche
            break
    custody = _in_custody_on(standard, chosen.date) | (in_custody if chosen is first else set())
    early = {p for p in custody if units[p].sentenced_at < chosen.date}
    return chosen, early


def _apply_sds40_defaulting(
    early: dict[str, dt.date], standard: dict[str, dt.date], commencement: dt.date
) -> dict[str, dt.date]:
    dates = dict(early)
    if any(
        (early.get(k) or standard.get(k)) is not None
        and (early.get(k) or standard[k]) < commencement
        for k in SDS40_DEFAULTED_DATES
        if k in early or k in standard
    ):
        for kind in SDS40_DEFAULTED_DATES:
            e, s = early.get(kind), standard.get(kind)
            if e is not None and e < commencement and s is not None and s >= commencement:
                dates[kind] = commencement
            elif s is not None and (s < commencement or s == e):
                dates[kind] = s
                if kind in {"CRD", "ARD"} and "TUSED" in standard:
                    dates["TUSED"] = standard["TUSED"]
    release = dates.get("CRD") or dates.get("ARD")
    if release is not None:
        for kind in ("HDCED", "ERSED"):
            if dates.get(kind) == release == commencement:
                del dates[kind]
    return dates


def calculate_booking(booking: Booking, params: Params, is_holiday: IsHoliday) -> BookingResult:
    units = combine_single_term(build_units(booking))
    for unit in units:
        identify(unit, booking)
    standard = _run(units, booking, params, is_holiday, set(), None)
    standard_extracted = extract(standard.calcs, booking.date_of_birth)
    final = standard
    dates = dict(standard_extracted.dates)
    tranche_name, tranche_date = "TRANCHE_0", None
    allocation = _allocate_tranche(units, standard, params)
    if allocation is not None:
        tranche, early_units = allocation
        tranche_name, tranche_date = tranche.name, tranche.date
        final = _run(units, booking, params, is_holiday, early_units, tranche.date)
        early_dates = extract(final.calcs, booking.date_of_birth).dates
        dates = _apply_sds40_defaulting(early_dates, standard_extracted.dates, tranche.date)
    if "PRRD" in dates:
        release_kind = "CRD" if "CRD" in dates else "ARD" if "ARD" in dates else None
        if release_kind is not None:
            if dates[release_kind] > dates["PRRD"]:
                del dates["PRRD"]
            else:
                del dates[release_kind]
                dates.pop("HDCED", None)
    working_day_dates = {
        kind: previous_working_day(dates[kind], is_holiday)
        for kind in NON_WORKING_DAY_DATES
        if kind in dates and previous_working_day(dates[kind], is_holiday) != dates[kind]
    }
    extracted_start = min(c.sentenced_at for c in final.calcs)
    extracted_end = max(c.unadjusted_expiry for c in final.calcs)
    return BookingResult(
        dates=dates,
        effective_sentence_length=effective_sentence_length(extracted_start, extracted_end),
        calcs=final.calcs,
        sds40_tranche=tranche_name,
        sds40_tranche_date=tranche_date,
        standard_dates=standard_extracted.dates,
        working_day_dates=working_day_dates,
    )
