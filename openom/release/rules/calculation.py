"""Dates of one calculable sentence once its adjustments are known.

calculate-release-dates-api SentenceCalculation / SentenceAdjustedCalculationService, re-expressed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from openom.release.rules.adjustments import SentenceAdjustments
from openom.release.rules.booking import FIXED_TERM_RECALL_DAYS, Booking
from openom.release.rules.dates import HDC_365_COMMENCEMENT_DATE
from openom.release.rules.durations import MONTHS, YEARS, add_months, days_in_aggregate
from openom.release.rules.ersed import ERSED_TRACKS, ErsedInputs, calculate_ersed
from openom.release.rules.hdced import HdcedInputs, calculate_hdced
from openom.release.rules.params import Params, Tranche
from openom.release.rules.sentences import (
    CJA1991_LED_POINT,
    TUSED_MAXIMUM_YEARS,
    ReleaseCalculation,
    Unit,
    age_on,
    before_cja_and_laspo,
    ceil_days,
    duration_months_between,
    is_ora,
)

# CJA 2003 s.255B(7): the 14-day fixed term recall is for sentences under 12 months.
FTR14_MAXIMUM_MONTHS = 12
# ORA 2014 s.2 (CJA 2003 s.256AA): top-up supervision ends 12 months after release.
TUSED_SUPERVISION_MONTHS = 12
# CJA 2003 s.256AA(1) and (7): the supervision period ends 12 months after release, so there is a
# TUSED only where the licence ends within 12 calendar months of release (PSI 03/2015 para 8.2).
TUSED_LICENCE_PERIOD_LIMIT_MONTHS = 12
# Sentencing Act 2020 s.242-243 (DTO early/late release): one month either side of the mid-term
# for orders of 8 to under 18 months, two months for 18 months to 24 months.
DTO_TRANSFER_BANDS: tuple[tuple[int, int, bool, int], ...] = ((8, 18, False, 1), (18, 24, True, 2))
# ReleaseDateTypes: no licence for a sentence under 12 months of someone under 18 at release
# (CJA 2003 s.243A as amended by ORA 2014, and s.256B: supervision, not licence, for them).
NO_LICENCE_UNDER_18_MONTHS = 12
ADULT_AGE = 18
# ORA 2014: for a consecutive mix of ORA and pre-ORA terms the licence runs for half the ORA part.
ORA_LICENCE_FRACTION = Fraction(1, 2)


@dataclass
class UnitCalc:
    """Working values for one calculable sentence."""

    unit: Unit
    rc: ReleaseCalculation
    adj: SentenceAdjustments = field(default_factory=SentenceAdjustments)
    last_day_of_ual: dt.date | None = None
    # Earliest date early release legislation allows (tranche commencement), if allocated.
    earliest_applicable: dt.date | None = None
    ftr56_tranche: Tranche | None = None
    # Released under the progression model (its legislation applies to this sentence).
    progression: bool = False
    # Which period of custody (sentence group) this sentence was served in.
    group: int = 0
    # The offender's date of birth, for rules that depend on age at release.
    date_of_birth: dt.date | None = None
    # Day counts under the law before the early release tranche applied (until its date).
    rc_before: ReleaseCalculation | None = None
    dates: dict[str, dt.date] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)

    @property
    def sentenced_at(self) -> dt.date:
        return self.unit.sentenced_at

    @property
    def types(self) -> set[str]:
        """ReleaseDateTypes: a sentence under 12 months (not a DTO) for someone under 18 on
        release has no licence: SED and ARD instead of SLED and CRD."""
        types = self.unit.release_types
        if (
            self.date_of_birth is not None
            and {"SLED", "CRD"} & types
            and not self.unit.is_dto
            and self.unit.duration_less_than(NO_LICENCE_UNDER_18_MONTHS, MONTHS)
            and age_on(self.date_of_birth, self.release) < ADULT_AGE
        ):
            return (types - {"SLED", "CRD"}) | {"SED", "ARD"}
        return types

    @property
    def unadjusted_expiry(self) -> dt.date:
        return self.sentenced_at + dt.timedelta(days=self.rc.days_to_expiry - 1)

    @property
    def unadjusted_release(self) -> dt.date:
        return self.sentenced_at + dt.timedelta(days=self.rc.days_to_release - 1)

    @property
    def release_without_awarded(self) -> dt.date:
        return self.unadjusted_release + dt.timedelta(
            days=self.adj.for_initial_release_without_awarded()
        )

    @property
    def determinate_release(self) -> dt.date:
        days = self.adj.awarded_during_custody - self.adj.served_ada - self.adj.unused_ada
        return max(self.sentenced_at, self.release_without_awarded + dt.timedelta(days=days))

    def _on(self, date: dt.date, value: Callable[[], dt.date]) -> dt.date:
        """`value` as it stood on `date`: before an early release tranche date the sentence was
        still calculated under the earlier law (the service's timeline)."""
        if (
            self.rc_before is None
            or self.earliest_applicable is None
            or date >= self.earliest_applicable
        ):
            return value()
        current, self.rc = self.rc, self.rc_before
        try:
            return value()
        finally:
            self.rc = current

    def determinate_release_on(self, date: dt.date) -> dt.date:
        return self._on(date, lambda: self.determinate_release)

    def release_without_awarded_on(self, date: dt.date) -> dt.date:
        return self._on(date, lambda: self.release_without_awarded)

    @property
    def adjusted_expiry(self) -> dt.date:
        return self.unadjusted_expiry + dt.timedelta(days=self.adj.for_licence_expiry())

    @property
    def expiry(self) -> dt.date:
        candidates = [self.adjusted_expiry, self.sentenced_at]
        if self.last_day_of_ual is not None:
            candidates.append(self.last_day_of_ual + dt.timedelta(days=1))
        return max(candidates)

    @property
    def ped(self) -> dt.date | None:
        if self.rc.days_to_ped is None:
            return None
        return self.sentenced_at + dt.timedelta(
            days=self.rc.days_to_ped - 1 + self.adj.for_initial_release()
        )

    @property
    def is_immediate_release(self) -> bool:
        return self.determinate_release == self.sentenced_at

    @property
    def post_recall_release(self) -> dt.date | None:
        recall = self.unit.recall_type
        if recall is None:
            return None
        if recall == "STANDARD_RECALL":
            return self.expiry
        rtc = self.unit.return_to_custody
        if rtc is None:
            return None
        release = rtc + dt.timedelta(days=fixed_term_recall_days(self.unit) - 1)
        if self.ftr56_tranche is not None:
            # FTR56 commencement (tranche): a recall running at commencement ends no sooner than
            # the tranche date; one that would end after the expiry ends then.
            release += dt.timedelta(days=self.adj.ual_after_ftr)
            release = max(release, self.ftr56_tranche.date)
            release += dt.timedelta(days=self.adj.awarded_after_release)
        else:
            release += dt.timedelta(days=self.adj.for_fixed_term_recall())
        return min(release, self.expiry)

    @property
    def release(self) -> dt.date:
        if self.unit.is_recall:
            prrd = self.post_recall_release
            if prrd is not None:
                return prrd
        return self.determinate_release

    @property
    def release_defaulted(self) -> dt.date:
        """Release, but no sooner than the commencement of the early release tranche applied."""
        if (
            not self.unit.is_recall
            and self.earliest_applicable is not None
            and self.determinate_release < self.earliest_applicable
        ):
            return self.earliest_applicable
        return self.release

    @property
    def licence_expiry(self) -> dt.date | None:
        if "SLED" in self.types:
            return self.expiry
        return self.dates.get("LED")

    @property
    def licence_expiry_at_initial_release(self) -> dt.date | None:
        led = self.licence_expiry
        initial = self.adj.for_initial_release()
        if led is not None and initial < 0 and -initial > self.rc.days_to_release:
            return led + dt.timedelta(days=-initial - self.rc.days_to_release)
        return led


def transfer_months(unit: Unit) -> int:
    """Months either side of a DTO mid-term for early and late release (0 when none)."""
    for low, high, inclusive, months in DTO_TRANSFER_BANDS:
        if duration_months_between(unit, low, high, high_inclusive=inclusive):
            return months
    return 0


def fixed_term_recall_days(unit: Unit) -> int:
    """Length of a fixed term recall: 56 days under FTR56; otherwise 14 days for a sentence under
    12 months and 28 days for 12 months or more (CJA 2003 s.255B(7))."""
    recall = unit.recall_type or ""
    if recall == "FIXED_TERM_RECALL_56":
        return FIXED_TERM_RECALL_DAYS[recall]
    if unit.duration_less_than(FTR14_MAXIMUM_MONTHS, MONTHS):
        return FIXED_TERM_RECALL_DAYS["FIXED_TERM_RECALL_14"]
    return FIXED_TERM_RECALL_DAYS["FIXED_TERM_RECALL_28"]


def calculate_dates(calc: UnitCalc, booking: Booking, params: Params) -> None:
    """Fill `calc.dates` with the sentence-level dates its release date types call for."""
    dates: dict[str, dt.date] = {}
    types = calc.types
    unit = calc.unit
    if "ARD" in types:
        dates["ARD"] = calc.determinate_release
    elif "CRD" in types:
        dates["CRD"] = calc.determinate_release
    dates["SLED" if "SLED" in types else "SED"] = calc.expiry
    if calc.ped is not None and "PED" in types:
        dates["PED"] = calc.ped
    if "MTD" in types:
        dates["MTD"] = calc.determinate_release
    if "PRRD" in types and calc.post_recall_release is not None:
        dates["PRRD"] = calc.post_recall_release
    if "LED" in types:
        dates["LED"] = _licence_expiry(calc)
    if "TUSED" in types and not unit.is_botus and not booking.toggle("applyPostRecallRepealRules"):
        tused = _tused(calc, booking)
        if tused is not None:
            dates["TUSED"] = tused
    months = transfer_months(unit)
    if "ETD" in types and not calc.is_immediate_release and months:
        dates["ETD"] = add_months(calc.determinate_release, -months)
        dates["LTD"] = add_months(calc.determinate_release, months)
    calc.dates = dates
    if booking.calculate_ersed and ersed_applies(unit):
        _ersed(calc, params)
    if "HDCED" in types:
        added = (
            calc.adj.ual_during_custody
            + calc.adj.awarded_during_custody
            - calc.adj.unused_ada
            - calc.adj.served_ada
        )
        result = calculate_hdced(
            HdcedInputs(
                sentenced_at=calc.sentenced_at,
                custodial_period=calc.rc.days_to_release_exact,
                days_to_release=calc.rc.days_to_release,
                adjusted_release=calc.determinate_release,
                added_days=added,
                deducted_days=calc.adj.deductions,
                ual_days=calc.adj.ual_during_custody,
                spans_hdc365_commencement=unit.is_consecutive
                and min(p.sentenced_at for p in unit.parts)
                < HDC_365_COMMENCEMENT_DATE
                <= max(p.sentenced_at for p in unit.parts),
            ),
            params.hdc,
        )
        if result is not None:
            calc.dates["HDCED"], calc.rules["HDCED"] = result


def ersed_applies(unit: Unit) -> bool:
    """ErsedCalculator.isSentenceEligible: not on recall, and a track with an ERSED (for a
    chain, any of its parts)."""
    return not unit.is_recall and any(p.track in ERSED_TRACKS for p in unit.parts)


def _ersed(calc: UnitCalc, params: Params) -> None:
    if calc.rc.days_to_ped is not None and calc.ped is not None:
        effective = calc.ped
        unadjusted = calc.sentenced_at + dt.timedelta(days=calc.rc.days_to_ped - 1)
    else:
        effective = calc.determinate_release
        unadjusted = calc.unadjusted_release
    adj = calc.adj
    result = calculate_ersed(
        ErsedInputs(
            sentenced_at=calc.sentenced_at,
            is_consecutive=calc.unit.is_consecutive,
            part_dates=tuple(p.sentenced_at for p in calc.unit.parts),
            effective_release=effective,
            unadjusted_effective_release=unadjusted,
            for_initial_release=adj.for_initial_release(),
            ual_during_custody=adj.ual_during_custody,
            awarded_during_custody=adj.awarded_during_custody,
            unused_ada=adj.unused_ada,
            served_ada=adj.served_ada,
        ),
        params,
    )
    calc.dates["ERSED"] = result.date
    calc.rules["ERSED"] = result.rule


def _licence_expiry(calc: UnitCalc) -> dt.date:
    unit = calc.unit
    parts = unit.parts
    if (
        unit.is_consecutive
        and not any(before_cja_and_laspo(p) for p in parts)
        and any(is_ora(p) for p in parts)
        and not all(is_ora(p) for p in parts)
    ):
        ora_days = days_in_aggregate(
            unit.sentenced_at, [p.total for p in parts if p.kind == "SDS" and is_ora(p)]
        )
        half = math.floor(ORA_LICENCE_FRACTION * ora_days)
        calc.rules["LED"] = "LED_CONSEC_ORA_AND_NON_ORA"
        return calc.determinate_release + dt.timedelta(days=half - calc.adj.unused_licence_ada)
    extra = 0
    if not unit.is_recall and calc.adj.deductions >= calc.rc.days_to_release:
        extra = calc.adj.deductions - calc.rc.days_to_release
    days = (
        ceil_days(CJA1991_LED_POINT * calc.rc.days_to_expiry)
        + extra
        + calc.adj.for_initial_release_without_awarded()
    )
    return calc.sentenced_at + dt.timedelta(days=days - 1)


def _tused(calc: UnitCalc, booking: Booking) -> dt.date | None:
    if calc.unit.is_dto and not calc.unit.duration_less_than(TUSED_MAXIMUM_YEARS, YEARS):
        # CJA 2003 s.256AA(1)(b): top-up supervision only for a term of less than 2 years
        # (BookingExtractionService.isTusedableDtos).
        return None
    licence_days = calc.rc.days_to_expiry - calc.rc.days_to_release
    twelve_months = (
        add_months(calc.unadjusted_release, TUSED_LICENCE_PERIOD_LIMIT_MONTHS)
        - calc.unadjusted_release
    ).days
    if licence_days >= twelve_months:
        return None
    if age_on(booking.date_of_birth, calc.release_without_awarded) < 18:
        return None
    if calc.is_immediate_release:
        base = add_months(calc.sentenced_at, TUSED_SUPERVISION_MONTHS)
    else:
        base = add_months(calc.release_without_awarded, TUSED_SUPERVISION_MONTHS)
    return base + dt.timedelta(days=calc.adj.ual_after_release)


__all__ = ["MONTHS", "UnitCalc", "calculate_dates"]
