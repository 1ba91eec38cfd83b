"""Sharing adjustments over periods of custody, in date order (calculate-release-dates-api
BookingTimelineService and its handlers, simplified).

Remand and tagged bail apply to every sentence in custody on the date they are recorded against;
a later sentence joining the same period of custody inherits them. Unlawfully-at-large days extend
sentences still in custody (or, after release, a recalled sentence's licence); additional days
awarded extend the custodial period of the sentences being served. A period of custody ends at
the latest release (moved to the previous working day).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from openom.release.rules.adjustments import SentenceAdjustments, filtered_for
from openom.release.rules.booking import Adjustment, Booking
from openom.release.rules.calculation import UnitCalc, calculate_dates
from openom.release.rules.params import Params
from openom.release.rules.working_days import IsHoliday, previous_working_day

DEDUCTION_FIELDS = {
    "REMAND": "remand",
    "TAGGED_BAIL": "tagged_bail",
    "RECALL_REMAND": "recall_remand",
    "RECALL_TAGGED_BAIL": "recall_tagged_bail",
}


@dataclass
class Period:
    start: dt.date
    release: dt.date
    calcs: list[UnitCalc] = field(default_factory=list)


@dataclass
class TimelineResult:
    calcs: list[UnitCalc]
    periods: list[Period]


def _share(calcs: list[UnitCalc], delta: SentenceAdjustments) -> None:
    for calc in calcs:
        unit = calc.unit
        calc.adj = calc.adj.plus(
            filtered_for(
                delta,
                is_recall=unit.is_recall,
                is_botus=unit.is_botus,
                is_dto_before_pcsc=unit.is_dto
                and all(p.track == "DTO_BEFORE_PCSC" for p in unit.parts),
                is_civil_fine=not unit.is_consecutive and unit.parts[0].is_civil,
                only_terms=all(p.kind in {"DTO", "BOTUS", "AFINE"} for p in unit.parts),
            )
        )


def _total_days(adj: SentenceAdjustments) -> int:
    return sum(getattr(adj, f.name) for f in dataclasses.fields(adj))


def _days(adjustments: list[Adjustment], kind: str, date: dt.date) -> int:
    return sum(a.days for a in adjustments if a.kind == kind and a.applies_from == date)


# ImportantDates.ERS_STOP_CLOCK_COMMENCEMENT: from 28 June 2022 time removed under the early
# removal scheme counts as custody ("stop the clock", CJA 2003 s.260 as amended by the Nationality
# and Borders Act 2022 s.46).
ERS_STOP_CLOCK_COMMENCEMENT = dt.date(2022, 6, 28)


def release_movements(booking: Booking) -> set[dt.date]:
    """Dates of releases that end a period of custody (ExternalMovementTimeline): every OUT
    movement, but not a removal under the early removal scheme that still counts as custody."""
    movements = booking.external_movements
    dates = set()
    for position, movement in enumerate(movements):
        if movement.direction != "OUT":
            continue
        following = next((m for m in movements[position + 1 :] if m.date > movement.date), None)
        ers_is_custody = movement.reason == "ERS" and (
            (following is not None and following.reason == "FAILED_ERS_REMOVAL")
            or movement.date >= ERS_STOP_CLOCK_COMMENCEMENT
        )
        if not ers_is_custody:
            dates.add(movement.date)
    return dates


def run_timeline(
    calcs: list[UnitCalc],
    booking: Booking,
    params: Params,
    is_holiday: IsHoliday,
    recalculate: Callable[[UnitCalc], None] | None = None,
) -> TimelineResult:
    adjustments = booking.adjustments
    releases = release_movements(booking)
    # Every sentence date, including later parts of a chain or single term: deductions recorded
    # against a later part apply from its date (TimelineSentenceCalculationHandler).
    part_dates = {p.sentenced_at for c in calcs for p in c.unit.parts}
    event_dates = sorted(
        part_dates
        | set(releases)
        | {
            a.applies_from
            for a in adjustments
            if a.kind
            in {
                "UNLAWFULLY_AT_LARGE",
                "ADDITIONAL_DAYS_AWARDED",
                "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED",
            }
        }
    )
    pending = sorted(calcs, key=lambda c: c.sentenced_at)
    group: list[UnitCalc] = []
    licence: list[UnitCalc] = []
    periods: list[Period] = []
    latest_release = pending[0].sentenced_at
    latest_release_calc: UnitCalc | None = None
    padas = 0
    rtc = booking.return_to_custody

    def close(date: dt.date) -> None:
        nonlocal group
        periods.append(Period(min(c.sentenced_at for c in group), latest_release, list(group)))
        for calc in group:
            calc.group = len(periods) - 1
            led = calc.licence_expiry_at_initial_release
            if led is not None and led > date:
                licence.append(calc)
        group = []

    for date in event_dates:
        if date > latest_release and group:
            close(date)
        licence[:] = [c for c in licence if (c.licence_expiry_at_initial_release or date) >= date]
        changed = False
        newly = [c for c in pending if c.sentenced_at == date]
        if newly:
            # TimelineSentenceCalculationHandler: the new sentences take the adjustments of the
            # sentence in custody with the most adjustment days, and the ADAs already served
            # when they are imposed after the release (without ADAs) of the latest release.
            existing = (
                max((c.adj for c in group), key=_total_days) if group else SentenceAdjustments()
            )
            served = 0
            if group and latest_release_calc is not None:
                without = latest_release_calc.release_without_awarded_on(date)
                if date > without:
                    served = (date - without).days - 1
            identifiers = {p.identifier for c in group for p in c.unit.parts if p.identifier}
            if any(
                p.consecutive_to and p.consecutive_to[0] in identifiers
                for c in newly
                for p in c.unit.parts
                if p.sentenced_at == date
            ):
                served = 0
            if served == 0:
                served = existing.served_ada
            _share(
                newly,
                SentenceAdjustments(
                    tagged_bail=existing.tagged_bail,
                    remand=existing.remand,
                    recall_remand=existing.recall_remand,
                    recall_tagged_bail=existing.recall_tagged_bail,
                    awarded_during_custody=padas + existing.awarded_during_custody,
                    served_ada=served,
                ),
            )
            padas = 0
            group.extend(newly)
            pending = [c for c in pending if c not in newly]
        if (newly or date in part_dates) and group:
            _share(
                group,
                SentenceAdjustments(
                    **{
                        field_name: _days(adjustments, kind, date)
                        for kind, field_name in DEDUCTION_FIELDS.items()
                    },
                    awarded_during_custody=0 if newly else padas,
                ),
            )
            if not newly:
                padas = 0
            changed = True
        # TimelineExternalMovementCalculationHandler: a release from prison ends the period of
        # custody on that day; no recalculation moves it on that date.
        released_today = date in releases and bool(group)
        if released_today:
            latest_release = date
        awarded = _days(adjustments, "ADDITIONAL_DAYS_AWARDED", date) - _days(
            adjustments, "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED", date
        )
        if awarded:
            if not group:
                ftr = [c for c in licence if c.unit.recall_type not in (None, "STANDARD_RECALL")]
                ftr_rtc = ftr[0].unit.return_to_custody or rtc if ftr else None
                if ftr and ftr_rtc is not None and date >= ftr_rtc:
                    _share(ftr, SentenceAdjustments(awarded_after_release=awarded))
                elif not licence:
                    padas += awarded
            else:
                latest_group_release = max(c.release for c in group)
                if latest_group_release >= date:
                    _share(group, SentenceAdjustments(awarded_during_custody=awarded))
                    changed = True
        ual_items = [
            a for a in adjustments if a.kind == "UNLAWFULLY_AT_LARGE" and a.applies_from == date
        ]
        if ual_items:
            ual = sum(a.days for a in ual_items)
            to_dates = [a.to_date for a in ual_items if a.to_date is not None]
            last_day = max(to_dates) if to_dates else None
            for calc in group:
                calc.last_day_of_ual = last_day
            during = [c for c in group if date <= c.determinate_release_on(date)]
            after = [c for c in group if date > c.determinate_release_on(date) and c.unit.is_recall]
            _share(during, SentenceAdjustments(ual_during_custody=ual))
            _share(after, SentenceAdjustments(ual_after_release=ual))
            for calc in licence:
                if date <= calc.determinate_release_on(date):
                    # Released early (e.g. on HDC) and unlawfully at large before the release
                    # date: the days count against the custodial period.
                    if calc.unit.is_recall:
                        calc.adj = calc.adj.plus(SentenceAdjustments(ual_after_release=ual))
                    else:
                        calc.adj = calc.adj.plus(SentenceAdjustments(ual_during_custody=ual))
                    continue
                if not calc.unit.is_recall:
                    continue
                recall_rtc = calc.unit.return_to_custody or rtc
                after_ftr = 0
                if (
                    calc.unit.recall_type != "STANDARD_RECALL"
                    and recall_rtc is not None
                    and date >= recall_rtc
                    and date <= calc.release
                ):
                    after_ftr = ual
                calc.adj = calc.adj.plus(
                    SentenceAdjustments(ual_after_release=ual, ual_after_ftr=after_ftr)
                )
                calc.last_day_of_ual = last_day
            changed = True
        if changed and group and not released_today:
            for calc in group:
                if recalculate is not None:
                    recalculate(calc)
            latest_release_calc = max(group, key=lambda c: c.determinate_release)
            release = latest_release_calc.determinate_release
            if (
                latest_release_calc.earliest_applicable is not None
                and release < latest_release_calc.earliest_applicable
            ):
                release = latest_release_calc.earliest_applicable
            latest_release = max(
                latest_release_calc.sentenced_at, previous_working_day(release, is_holiday)
            )
    if group:
        periods.append(Period(min(c.sentenced_at for c in group), latest_release, list(group)))
        for calc in group:
            calc.group = len(periods) - 1
    # Unused ADA: awarded days that would keep someone beyond the end of the sentence.
    for calc in calcs:
        if calc.release > calc.expiry:
            calc.adj = calc.adj.plus(
                SentenceAdjustments(unused_ada=(calc.release - calc.expiry).days)
            )
    for calc in calcs:
        calculate_dates(calc, booking, params)
    # Unused licence ADA (ORA and non-ORA consecutive mix): the LED cannot pass the expiry.
    for period in periods:
        expiry = max(c.expiry for c in period.calcs)
        over = [
            (c.dates["LED"] - expiry).days
            for c in period.calcs
            if c.rules.get("LED") == "LED_CONSEC_ORA_AND_NON_ORA" and c.dates["LED"] > expiry
        ]
        if over and max(over) > 0:
            for calc in period.calcs:
                calc.adj = calc.adj.plus(SentenceAdjustments(unused_licence_ada=max(over)))
                calculate_dates(calc, booking, params)
    return TimelineResult(calcs, periods)
