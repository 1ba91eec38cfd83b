"""The whole calculation: sentences in, booking dates out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from openom.release.rules.booking import Booking
from openom.release.rules.calculation import UnitCalc
from openom.release.rules.dates import ERS30_COMMENCEMENT_DATE, ORA_DATE
from openom.release.rules.durations import (
    MONTHS,
    YEARS,
    days_in_aggregate,
    days_in_unit,
    effective_sentence_length,
)
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
from openom.release.rules.timeline import Period, TimelineResult, run_timeline
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
    # The progression model tranche allocated, if any (TRANCHE_1 ... TRANCHE_10).
    progression_tranche: str | None = None
    # The periods of custody (sentence groups), in date order.
    periods: list[Period] = field(default_factory=list)

    def breakdown(self) -> dict[str, Any]:
        return {
            "sds40Tranche": self.sds40_tranche,
            "sds40TrancheDate": self.sds40_tranche_date,
            "progressionModelTranche": self.progression_tranche,
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


# SDSEarlyReleaseExclusionType: the exclusions that keep a sentence out of SDS40 (SI 2024/844
# Sch 1, and the offences added from 16 December 2024 by SI 2024/1174, the "_T3" ones) and those
# that keep it out of the progression model (Sentencing Act 2026 schedule; CJA 2003 Sch 13 Pt 3).
SDS40_EXCLUSIONS = frozenset(
    {"SEXUAL", "VIOLENT", "DOMESTIC_ABUSE", "NATIONAL_SECURITY", "TERRORISM"}
)
# SI 2024/1174 (sds40-additional-excluded-offences-legislation): from 16 December 2024 these
# offences are released at one half again, for those in custody on that date or sentenced later.
SDS40_ADDITIONAL_EXCLUSIONS = frozenset({"SEXUAL_T3", "DOMESTIC_ABUSE_T3", "MURDER_T3"})
PROGRESSION_MODEL_EXCLUSIONS = frozenset(
    {"PROGRESSION_MODEL_SCHEDULE_13_PART_3", "SA2026_PROGRESSION_MODEL_SCHEDULE"}
)
# Tracks of a standard determinate sentence (SDS before CJA 2003/LASPO is an SDS for these rules).
SDS_TRACKS = {"SDS": "SDS", "SDS_BEFORE_CJA_LASPO": "SDS", "SDS_PLUS": "SDS_PLUS"}


def _sds40_eligible(part: Any) -> bool:
    """SDS40 (SI 2024/844 art.2) applies to standard determinate sentences that are not SDS+ and
    not for excluded (sexual, violent, terrorism, domestic abuse) offences."""
    return (
        part.kind == "SDS" and part.track == "SDS" and not (set(part.exclusions) & SDS40_EXCLUSIONS)
    )


def progression_eligible(part: Any) -> bool:
    """EarlyReleaseSentenceFilter.SDS_PROGRESSION_MODEL: an SDS or SDS+ not under s.250, not on
    recall, not one that would be SDS+ if imposed today, and not for an excluded offence."""
    return (
        part.kind == "SDS"
        and not part.section250
        and part.track in SDS_TRACKS
        and not part.is_recall
        and not (not part.sds_plus and part.sds_plus_eligible)
        and not (set(part.exclusions) & PROGRESSION_MODEL_EXCLUSIONS)
    )


def _progression_point(part: Any, params: Params) -> Fraction | None:
    return dict(params.progression_multipliers).get(SDS_TRACKS.get(part.track, ""))


def _progression_applies(unit: Unit, position: int, params: Params, pm_units: set[int]) -> bool:
    commencement = params.progression_commencement
    if commencement is None:
        return False
    return any(
        progression_eligible(part) and (part.sentenced_at >= commencement or position in pm_units)
        for part in unit.parts
    )


def _additionally_excluded(part: Any) -> bool:
    return bool(set(part.exclusions) & SDS40_ADDITIONAL_EXCLUSIONS)


def _multipliers(
    units: list[Unit],
    params: Params,
    early_units: set[int],
    pm_units: set[int] = frozenset(),
    t3_units: set[int] = frozenset(),
) -> dict[int, Fraction]:
    multipliers: dict[int, Fraction] = {}
    commencement = params.sds40_commencement
    pm_commencement = params.progression_commencement
    for position, unit in enumerate(units):
        for part in unit.parts:
            point = _progression_point(part, params)
            if (
                pm_commencement is not None
                and point is not None
                and progression_eligible(part)
                and (part.sentenced_at >= pm_commencement or position in pm_units)
            ):
                # Progression model release points (profile progression-model-legislation).
                multipliers[part.index] = point
                continue
            fixed = fixed_multiplier(part)
            if fixed is not None:
                multipliers[part.index] = fixed
            elif _additionally_excluded(part) and (
                part.sentenced_at >= params.sds40_tranche_three_date or position in t3_units
            ):
                multipliers[part.index] = SDS_RELEASE_POINT
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
    pm_units: set[int] = frozenset(),
    pm_date: dt.date | None = None,
    t3_units: set[int] = frozenset(),
) -> TimelineResult:
    multipliers = _multipliers(units, params, early_units, pm_units, t3_units)
    before = _multipliers(units, params, early_units if pm_units else set(), set(), t3_units)
    tranche_units = pm_units or early_units
    calcs = []
    for position, unit in enumerate(units):
        calc = UnitCalc(unit, release_calculation(unit, multipliers))
        calc.date_of_birth = booking.date_of_birth
        calc.ftr56_tranche = _ftr56_tranche(unit, units, params)
        if position in early_units:
            calc.earliest_applicable = tranche_date
        if position in pm_units:
            calc.earliest_applicable = pm_date
        calc.progression = _progression_applies(unit, position, params, pm_units)
        if position in tranche_units:
            calc.rc_before = release_calculation(unit, before)
        calcs.append(calc)
    return run_timeline(calcs, booking, params, is_holiday)


def _in_custody_on(result: TimelineResult, date: dt.date) -> set[int]:
    positions: set[int] = set()
    for period in result.periods:
        if period.start < date <= period.release:
            for calc in period.calcs:
                # Sentences imposed on the date itself are handled after the tranche events.
                if calc.sentenced_at < date:
                    positions.add(result.calcs.index(calc))
    return positions


def _on_licence_before_release(result: TimelineResult, date: dt.date) -> set[int]:
    """Sentences whose period of custody ended early (a release recorded as an external movement)
    and whose own release date is still to come on `date`."""
    positions: set[int] = set()
    for period in result.periods:
        if period.release < date:
            for calc in period.calcs:
                led = calc.licence_expiry_at_initial_release
                if calc.determinate_release > date and led is not None and led >= date:
                    positions.add(result.calcs.index(calc))
    return positions


def out_of_custody_excludes_tranche(booking: Booking, date: dt.date) -> bool:
    """SDS40Legislation.isOutOfCustodyAtAllocatedTrancheDate: released (external movement) before
    the tranche date and not back, unless on HDC, ERS or ECSL (who stay on the old release date)
    or unlawfully at large over the tranche date (who get early release)."""
    before = [m for m in booking.external_movements if m.date < date]
    if not before or before[-1].direction != "OUT":
        return False
    if before[-1].reason in {"HDC", "ERS", "ECSL"}:
        return True
    return not any(
        a.kind == "UNLAWFULLY_AT_LARGE"
        and a.from_date is not None
        and a.to_date is not None
        and a.from_date < date <= a.to_date
        for a in booking.adjustments
    )


def _allocate_tranche(
    units: list[Unit], standard: TimelineResult, params: Params, booking: Booking
) -> tuple[Tranche, set[int]] | None:
    """SDS40 tranche of the custodial period running at commencement (SI 2024/844 art.3)."""
    first = params.sds40_tranches[0]
    in_custody = _in_custody_on(standard, first.date) | _on_licence_before_release(
        standard, first.date
    )
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
        # TrancheAllocationService.durationInUnit: only the parts imposed before commencement.
        limit = all(
            _tranche_length(units[p], first.date)
            < days_in_unit(_tranche_start(units[p], first.date), tranche.duration or 0, YEARS)
            for p in in_custody
        )
        if limit:
            chosen = tranche
            break
    if out_of_custody_excludes_tranche(booking, chosen.date):
        return None
    custody = (
        _in_custody_on(standard, chosen.date)
        | _on_licence_before_release(standard, chosen.date)
        | (in_custody if chosen is first else set())
    )
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


def _extract(calcs: list[UnitCalc], booking: Booking) -> Any:
    """Booking-level dates, with featureToggles.applyPostHdcedRepealRules (HDC repealed for
    adults under the 2026 reforms) and adultHdcSuspended."""
    return extract(
        calcs,
        booking.date_of_birth,
        hdc_repeal=booking.toggle("applyPostHdcedRepealRules"),
        adult_hdc_suspended=booking.toggle("adultHdcSuspended"),
        return_to_custody=booking.return_to_custody,
    )


def _future_ual_days(booking: Booking, commencement: dt.date) -> int:
    """UAL already recorded before commencement whose period starts on or after it
    (SDSProgressionModelTrancheSelectionStrategy: not yet served, so not counted)."""
    return sum(
        (a.to_date - a.from_date).days
        for a in booking.adjustments
        if a.kind == "UNLAWFULLY_AT_LARGE"
        and a.from_date is not None
        and a.to_date is not None
        and a.applies_from < commencement
        and a.from_date >= commencement
    )


def _tranche_start(unit: Unit, commencement: dt.date) -> dt.date:
    before = [p.sentenced_at for p in unit.parts if p.sentenced_at < commencement]
    return min(before, default=unit.sentenced_at)


def _tranche_length(unit: Unit, commencement: dt.date) -> int:
    """TrancheAllocationService.durationInUnit: the days of the parts imposed before commencement,
    served one after another (DTOs, BOTUS and fines left out)."""
    parts = [
        p
        for p in unit.parts
        if p.kind not in {"DTO", "BOTUS", "AFINE"} and p.sentenced_at < commencement
    ]
    if not parts:
        return 0
    start = min(p.sentenced_at for p in parts)
    return days_in_aggregate(start, [p.total for p in parts])


def _allocate_progression(
    booking: Booking, result: TimelineResult, params: Params
) -> Tranche | None:
    """The progression model tranche (SDSProgressionModelTrancheSelectionStrategy and
    TrancheAllocationService): decided on commencement by the sentences then in custody or on
    licence, from the longest of them imposed before commencement."""
    commencement = params.progression_commencement
    if commencement is None:
        return None
    candidates = [
        c
        for c in result.calcs
        if c.sentenced_at < commencement
        and (
            c.release_defaulted >= commencement
            or (c.licence_expiry_at_initial_release or c.sentenced_at) >= commencement
        )
    ]
    future_ual = dt.timedelta(days=_future_ual_days(booking, commencement))
    if not any(
        c.release_without_awarded - future_ual >= commencement
        and any(progression_eligible(p) and p.sentenced_at < commencement for p in c.unit.parts)
        for c in candidates
    ):
        return None
    lengths = [
        _tranche_length(c.unit, commencement)
        for c in candidates
        if c.adjusted_expiry >= commencement
    ]
    for tranche in params.progression_tranches:
        if tranche.kind == "FINAL":
            return tranche
        if tranche.duration is not None and all(length <= tranche.duration for length in lengths):
            return tranche
    return None


# SDSProgressionModelFinalDatesService: the dates moved to no earlier than the tranche date.
PROGRESSION_DEFAULTED_DATES: tuple[str, ...] = ("CRD", "PED", "ERSED")
# Progression model: sentences under 12 months for offences before ORA commencement get a licence
# (CRD and SLED instead of ARD and SED), SDSLegislation.ProgressionModelLegislation.
PROGRESSION_LICENCE_MONTHS = 12


def _awarded_days(booking: Booking) -> int:
    return sum(
        a.days if a.kind == "ADDITIONAL_DAYS_AWARDED" else -a.days
        for a in booking.adjustments
        if a.kind in {"ADDITIONAL_DAYS_AWARDED", "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED"}
    )


def _progression_final_dates(
    early: dict[str, dt.date], standard: dict[str, dt.date], tranche_date: dt.date, awarded: int
) -> dict[str, dt.date]:
    """ADAs are left out when comparing with the tranche date and added back when defaulted."""
    dates = dict(early)
    if "HDCED" in standard:
        dates["HDCED"] = standard["HDCED"]
    shift = dt.timedelta(days=awarded)
    for kind in PROGRESSION_DEFAULTED_DATES:
        e, s = early.get(kind), standard.get(kind)
        if s is not None and s - shift < tranche_date:
            dates[kind] = s
        elif e is not None:
            dates[kind] = tranche_date + shift if e - shift < tranche_date else e
    return dates


def _progression_types(units: list[Unit], positions: set[int]) -> None:
    for position in positions:
        unit = units[position]
        first = unit.parts[0]
        if (
            unit.duration_less_than(PROGRESSION_LICENCE_MONTHS, MONTHS)
            and first.offence_committed is not None
            and first.offence_committed < ORA_DATE
            and {"ARD", "SED"} <= unit.release_types
        ):
            unit.release_types = (unit.release_types - {"ARD", "SED"}) | {"CRD", "SLED"}


def _sds40_dates(
    booking: Booking,
    standard: TimelineResult,
    early: TimelineResult | None,
    tranche_date: dt.date | None,
    keep: Any = None,
) -> dict[str, dt.date]:
    def subset(result: TimelineResult) -> list[UnitCalc]:
        return [c for c in result.calcs if keep is None or keep(c)]

    standard_calcs = subset(standard)
    if not standard_calcs:
        return {}
    standard_dates = _extract(standard_calcs, booking).dates
    if early is None or tranche_date is None:
        return standard_dates
    early_dates = _extract(subset(early), booking).dates
    return _apply_sds40_defaulting(early_dates, standard_dates, tranche_date)


def _ers30_snapshot(
    booking: Booking,
    params: Params,
    is_holiday: IsHoliday,
    final: TimelineResult,
    dates: dict[str, dt.date],
) -> dict[str, dt.date]:
    """featureToggles.useLatestErsedFromPreErs30Snapshot (CRS-2812): a chain of consecutive
    sentences spanning the ERS30 commencement keeps the ERSED it had the day before, when later
    than the one it has now (BookingTimelineService, BookingExtractionService)."""
    if (
        not booking.toggle("useLatestErsedFromPreErs30Snapshot")
        or not booking.calculate_ersed
        or "ERSED" not in dates
        or not any(s.sentenced_at > ERS30_COMMENCEMENT_DATE for s in booking.sentences)
    ):
        return dates
    with_ersed = [c for c in final.calcs if "ERSED" in c.dates and not c.is_immediate_release]
    if not with_ersed:
        return dates
    latest = max(with_ersed, key=lambda c: c.dates["ERSED"])
    part_dates = [p.sentenced_at for p in latest.unit.parts]
    spans = latest.unit.is_consecutive and (
        min(part_dates) < ERS30_COMMENCEMENT_DATE <= max(part_dates)
    )
    if not spans:
        return dates
    before = [s for s in booking.sentences if s.sentenced_at < ERS30_COMMENCEMENT_DATE]
    kept = {s.identifier for s in before}
    snapshot_booking = dataclasses.replace(
        booking,
        sentences=[
            dataclasses.replace(
                s, consecutive_to=tuple(c for c in s.consecutive_to if c in kept), track=""
            )
            for s in before
        ],
        adjustments=[a for a in booking.adjustments if a.applies_from < ERS30_COMMENCEMENT_DATE],
        external_movements=[
            m for m in booking.external_movements if m.date < ERS30_COMMENCEMENT_DATE
        ],
        toggles={**booking.toggles, "useLatestErsedFromPreErs30Snapshot": False},
    )
    snapshot = calculate_booking(snapshot_booking, params, is_holiday).dates.get("ERSED")
    if snapshot is not None and snapshot > dates["ERSED"]:
        return {**dates, "ERSED": snapshot}
    return dates


def calculate_booking(booking: Booking, params: Params, is_holiday: IsHoliday) -> BookingResult:
    units = combine_single_term(build_units(booking))
    for unit in units:
        identify(unit, booking)
    commencement = params.progression_commencement
    if commencement is not None:
        _progression_types(
            units,
            {
                position
                for position, unit in enumerate(units)
                if any(
                    progression_eligible(p) and p.sentenced_at >= commencement for p in unit.parts
                )
            },
        )
    standard = _run(units, booking, params, is_holiday, set(), None)
    standard_extracted = _extract(standard.calcs, booking)
    final = standard
    dates = dict(standard_extracted.dates)
    tranche_name, tranche_date = "TRANCHE_0", None
    allocation = _allocate_tranche(units, standard, params, booking)
    early_units: set[int] = set()
    sds40_run: TimelineResult | None = None
    if allocation is not None:
        tranche, early_units = allocation
        tranche_name, tranche_date = tranche.name, tranche.date
        final = sds40_run = _run(units, booking, params, is_holiday, early_units, tranche.date)
    # The additional exclusions take those still in custody on their commencement back to
    # release at one half (TimelineSDSLegislationAmendmentHandler).
    t3_units = {
        p
        for p in _in_custody_on(final, params.sds40_tranche_three_date)
        if any(_additionally_excluded(part) for part in units[p].parts)
    }
    if t3_units:
        final = _run(
            units, booking, params, is_holiday, early_units, tranche_date, t3_units=t3_units
        )
        if sds40_run is None:
            standard = final
            standard_extracted = _extract(final.calcs, booking)
            dates = dict(standard_extracted.dates)
        else:
            sds40_run = final
    if allocation is not None and tranche_date is not None:
        early_dates = _extract(final.calcs, booking).dates
        dates = _apply_sds40_defaulting(early_dates, standard_extracted.dates, tranche_date)
    pm_tranche = _allocate_progression(booking, final, params)
    progression_tranche = pm_tranche.name if pm_tranche is not None else None
    if pm_tranche is not None:
        pm_date = pm_tranche.date
        pm_units = {
            position
            for position, calc in enumerate(final.calcs)
            if calc.sentenced_at < pm_date
            and calc.determinate_release > pm_date
            and any(progression_eligible(p) for p in calc.unit.parts)
        }
        # The snapshot before the tranche: the sentences imposed before its date, as calculated
        # under the law then in force (SDS40 included).
        snapshot = _sds40_dates(
            booking, standard, sds40_run, tranche_date, keep=lambda c: c.sentenced_at < pm_date
        )
        _progression_types(units, pm_units)
        final = _run(
            units,
            booking,
            params,
            is_holiday,
            early_units,
            tranche_date,
            pm_units,
            pm_date,
            t3_units,
        )
        pm_dates = _extract(final.calcs, booking).dates
        dates = _progression_final_dates(pm_dates, snapshot, pm_date, _awarded_days(booking))
    dates = _ers30_snapshot(booking, params, is_holiday, final, dates)
    if "PRRD" in dates and allocation is not None:
        # SDS40EarlyReleaseDefaultingRulesService.adjustPrrdForArdOrCrd (SDS40 final dates only).
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
        progression_tranche=progression_tranche,
        periods=list(final.periods),
    )
