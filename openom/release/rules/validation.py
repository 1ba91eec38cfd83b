"""Validation of a booking before and after calculation (calculate-release-dates-api
ValidationService), reporting the service's validation codes."""

from __future__ import annotations

import datetime as dt

from openom.release.rules.booking import Adjustment, Booking, BookingError
from openom.release.rules.calculation import FTR14_MAXIMUM_MONTHS, UnitCalc
from openom.release.rules.dates import SHPO_BREACH_OFFENCE_FROM_DATE, SHPO_SX03_OFFENCE_CODES
from openom.release.rules.durations import MONTHS
from openom.release.rules.engine import BookingResult
from openom.release.rules.params import Params

# Recall policy: consecutive/concurrent sentences more than 14 days apart change the recall type.
FTR_SENTENCE_GAP_DAYS = 14


def validate_before(booking: Booking) -> None:
    """Checks that need no calculation."""
    if booking.toggle("routeProgressionModelScheduleExclusionToManual") and any(
        s.kind == "SDS"
        and not s.section250
        and not s.is_recall
        and "SA2026_PROGRESSION_MODEL_SCHEDULE" in s.exclusions
        for s in booking.sentences
    ):
        # RouteProgressionModelExclusionToManualValidator.
        raise BookingError(
            "booking.sentences",
            "an offence excluded from the progression model (Sentencing Act 2026 schedule): "
            "calculate manually",
            ["PROGRESSION_MODEL_SCHEDULE_EXCLUSION"],
        )
    for sentence in booking.sentences:
        if sentence.recall_type == "FIXED_TERM_RECALL_56" and sentence.return_to_custody is None:
            raise BookingError(
                f"booking.sentences[{sentence.index}].recall.returnToCustodyDate",
                "a 56-day fixed term recall needs the return to custody date",
                ["NoValidReturnToCustodyDateException"],
            )
        if (
            sentence.recall_type in {"FIXED_TERM_RECALL_14", "FIXED_TERM_RECALL_28"}
            and sentence.return_to_custody is None
            and booking.return_to_custody is None
        ):
            raise BookingError(
                f"booking.sentences[{sentence.index}].recall.returnToCustodyDate",
                "a fixed term recall needs the return to custody date",
                ["NoValidReturnToCustodyDateException"],
            )


def _validate_remand_overlap(booking: Booking, result: BookingResult) -> None:
    """RemandOverlappingSentenceValidator: remand cannot count for days spent serving a sentence
    (CJA 2003 s.240ZA(4)): a remand period touching a period of custody for sentences none of
    which is a recall (from the first sentence date to the release) is refused."""
    for adjustment in booking.adjustments:
        if (
            adjustment.kind != "REMAND"
            or adjustment.from_date is None
            or adjustment.to_date is None
        ):
            continue
        for period in result.periods:
            if any(c.unit.is_recall for c in period.calcs) or not period.start < period.release:
                continue
            if adjustment.from_date <= period.release and period.start <= adjustment.to_date:
                raise BookingError(
                    "booking.adjustments.REMAND",
                    f"remand {adjustment.from_date} to {adjustment.to_date} overlaps a sentence "
                    f"served from {period.start} to {period.release}",
                    ["REMAND_OVERLAPS_WITH_SENTENCE"],
                )


def _validate_fixed_term_recalls(booking: Booking, result: BookingResult) -> None:
    """A 14-day recall needs every sentence of 12 months or more to end within 14 days of the
    return to custody; a 28-day recall needs one of 12 months or more that does not (CJA 2003
    s.255B(7); calculate-release-dates-api RecallValidationService)."""
    if not booking.has_fixed_term_recall_details:
        # FixedTermRecallAfterCalculationValidator runs only with fixedTermRecallDetails.
        return
    calcs = [
        c
        for c in result.calcs
        if c.unit.recall_type in {"FIXED_TERM_RECALL_14", "FIXED_TERM_RECALL_28"}
    ]
    if not calcs:
        return
    recall = calcs[0].unit.recall_type
    long_calcs = [c for c in calcs if not c.unit.duration_less_than(FTR14_MAXIMUM_MONTHS, MONTHS)]

    def gap(calc: UnitCalc) -> int:
        rtc = calc.unit.return_to_custody or booking.return_to_custody
        return (calc.expiry - rtc).days if rtc is not None else 0

    if recall == "FIXED_TERM_RECALL_14":
        still_long = [c for c in long_calcs if gap(c) >= FTR_SENTENCE_GAP_DAYS]
        if not still_long:
            return
        if any(c.unit.is_consecutive for c in still_long):
            codes = [
                "FTR_14_DAYS_AGGREGATE_GE_12_MONTHS",
                "FTR_TYPE_14_DAYS_AGGREGATE_GE_12_MONTHS",
            ]
            message = "a 14-day fixed term recall cannot follow an aggregate of 12 months or more"
        elif len({c.sentenced_at for c in calcs}) == 1:
            codes = ["FTR_TYPE_14_DAYS_SENTENCE_GT_12_MONTHS"]
            message = "a 14-day fixed term recall cannot apply to a sentence of 12 months or more"
        else:
            codes = ["FTR_TYPE_14_DAYS_SENTENCE_GAP_GT_14_DAYS"]
            message = (
                "a 14-day fixed term recall while a sentence of 12 months or more has more than "
                "14 days to run"
            )
        raise BookingError("booking.sentences", message, codes)
    if not long_calcs:
        raise BookingError(
            "booking.sentences",
            "a 28-day fixed term recall needs a sentence or aggregate of 12 months or more",
            ["FTR_28_DAYS_AGGREGATE_LT_12_MONTHS", "FTR_TYPE_28_DAYS_AGGREGATE_LT_12_MONTHS"],
        )
    if len(calcs) > len(long_calcs) and all(gap(c) <= FTR_SENTENCE_GAP_DAYS for c in long_calcs):
        raise BookingError(
            "booking.sentences",
            "a 28-day fixed term recall where the sentences of 12 months or more end within 14 "
            "days of the return to custody",
            ["FTR_TYPE_28_DAYS_SENTENCE_GAP_LT_14_DAYS"],
        )


# OutOfCustodyAtProgressionModelCommencementValidator: UAL reasons that mean the person was out of
# custody, and from which day to which day (the date the way of counting escape days changed).
ESCAPE_COUNTING_CHANGED = dt.date(2008, 7, 21)
ERS_OR_PAROLE_RELEASES = frozenset({"ERS", "PAROLE"})
DEDUCTION_KINDS = ("REMAND", "TAGGED_BAIL", "RECALL_REMAND", "RECALL_TAGGED_BAIL")


def _out_of_custody_period(adjustment: Adjustment) -> tuple[dt.date, dt.date] | None:
    start, end, reason = adjustment.from_date, adjustment.to_date, adjustment.reason
    if start is None or end is None:
        return None
    day = dt.timedelta(days=1)
    if reason == "RELEASE_IN_ERROR":
        return start - day, end + day
    if reason in {"SENTENCED_IN_ABSENCE", "IMMIGRATION_DETENTION"}:
        return start, end + day
    if reason == "ESCAPE":
        return (start - day, end + day) if start < ESCAPE_COUNTING_CHANGED else (start, end)
    return None


def _out_of_custody_at(booking: Booking, commencement: dt.date) -> bool:
    eve = commencement - dt.timedelta(days=1)
    for adjustment in booking.adjustments:
        if adjustment.kind != "UNLAWFULLY_AT_LARGE":
            continue
        period = _out_of_custody_period(adjustment)
        if period is not None and period[0] <= eve < period[1]:
            return True
    before = [m for m in booking.external_movements if m.date < commencement]
    releases = [m for m in before if m.direction == "OUT"]
    admissions = [m for m in before if m.direction == "IN"]
    if releases and releases[-1].reason in ERS_OR_PAROLE_RELEASES:
        return not admissions or admissions[-1].date <= releases[-1].date
    return False


def _extinguished(group: list[UnitCalc]) -> bool:
    """ExtinguishedSentenceGroupChecker: remand or tagged bail takes the release (uncapped) to
    before the day before the earliest sentence."""
    determinate = [c for c in group if not c.unit.is_recall]
    if not determinate:
        return False

    def uncapped(c: UnitCalc) -> dt.date:
        return c.release_without_awarded + dt.timedelta(
            days=c.adj.awarded_during_custody - c.adj.served_ada
        )

    earliest = min(c.sentenced_at for c in determinate)
    latest = max(determinate, key=uncapped)
    if earliest - dt.timedelta(days=1) > uncapped(latest):
        return bool(latest.adj.remand or latest.adj.tagged_bail)
    return False


def _validate_progression_model(booking: Booking, result: BookingResult, params: Params) -> None:
    commencement = params.progression_commencement
    allocated = result.progression_tranche is not None
    if allocated and commencement is not None and _out_of_custody_at(booking, commencement):
        raise BookingError(
            "booking",
            "the person was out of custody when the progression model commenced: calculate "
            "manually",
            ["UNSUPPORTED_OUT_OF_CUSTODY_AT_PROGRESSION_MODEL_COMMENCEMENT"],
        )
    if (
        allocated
        and booking.toggle("progressionTrancheOneManualJourney")
        and result.progression_tranche == "TRANCHE_1"
    ):
        raise BookingError(
            "booking",
            "progression model tranche 1 releases are calculated manually",
            ["PROGRESSION_TRANCHE_ONE_ALLOCATION"],
        )
    if not any(_extinguished(period.calcs) for period in result.periods):
        return
    route_to_manual = (
        booking.toggle("routePreProgressionExtinguishedSentenceToManual")
        and allocated
        and commencement is not None
        and not any(
            a.kind in DEDUCTION_KINDS and a.applies_from >= commencement
            for a in booking.adjustments
        )
    )
    if route_to_manual:
        raise BookingError(
            "booking.adjustments",
            "remand or tagged bail takes the release before the sentence date, before the "
            "progression model commenced: calculate manually",
            ["PROGRESSION_MODEL_UNSUPPORTED_EXTINGUISHED_SENTENCE"],
        )
    raise BookingError(
        "booking.adjustments",
        "remand or tagged bail takes the release date before the sentence date",
        ["RELEASE_DATE_BEFORE_SENTENCE_DATE"],
    )


def _validate_hdced_repeal(booking: Booking, result: BookingResult) -> None:
    """HdcedRepealValidator: someone out on HDC (not since readmitted) when HDC is repealed has
    an HDCED the service cannot recalculate."""
    if not booking.toggle("applyPostHdcedRepealRules") or "HDCED" not in result.dates:
        return
    hdc_releases = [
        m for m in booking.external_movements if m.direction == "OUT" and m.reason == "HDC"
    ]
    if not hdc_releases:
        return
    last = max(m.date for m in hdc_releases)
    if not any(m.direction == "IN" and m.date >= last for m in booking.external_movements):
        raise BookingError(
            "booking.externalMovements",
            "released on home detention curfew before its repeal: calculate manually",
            ["HDCED_REPEAL"],
        )


def _validate_adjustments_after_release(booking: Booking, result: BookingResult) -> None:
    """AdjustmentsAfterReleaseDateValidator: additional days awarded (or restored) after the
    latest release of a sentence other than a single term cannot be applied."""
    calcs = [
        c
        for c in result.calcs
        if not all(p.kind in {"DTO", "BOTUS", "AFINE"} for p in c.unit.parts)
    ]
    if not calcs:
        return
    latest = max(c.release_defaulted for c in calcs)
    for adjustment in sorted(booking.adjustments, key=lambda a: a.applies_from):
        if adjustment.applies_from <= latest:
            continue
        if adjustment.kind == "ADDITIONAL_DAYS_AWARDED":
            raise BookingError(
                "booking.adjustments.ADDITIONAL_DAYS_AWARDED",
                f"additional days awarded from {adjustment.applies_from}, after the release on "
                f"{latest}",
                ["ADJUSTMENT_AFTER_RELEASE_ADA"],
            )
        if adjustment.kind == "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED":
            raise BookingError(
                "booking.adjustments.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED",
                f"additional days restored from {adjustment.applies_from}, after the release on "
                f"{latest}",
                ["ADJUSTMENT_AFTER_RELEASE_RADA"],
            )


def _validate_sds40_consecutive_between_tranches(result: BookingResult, params: Params) -> None:
    """SdsImposedConsecBetweenTrancheDatesSds40Validator: with SDS40 tranche 2, a consecutive
    chain holding an SDS (not SDS+) imposed between the tranche 1 and tranche 2 dates is not
    supported by the service: calculate manually."""
    if result.sds40_tranche != "TRANCHE_2" or len(params.sds40_tranches) < 2:
        return
    first, second = params.sds40_tranches[0].date, params.sds40_tranches[1].date
    for calc in result.calcs:
        if calc.unit.is_consecutive and any(
            p.kind == "SDS" and not p.sds_plus and first <= p.sentenced_at < second
            for p in calc.unit.parts
        ):
            raise BookingError(
                "booking.sentences",
                "an SDS imposed between the SDS40 tranche 1 and tranche 2 dates, consecutive to "
                "another sentence: calculate manually",
                ["UNSUPPORTED_SDS40_CONSECUTIVE_SDS_BETWEEN_TRANCHE_COMMENCEMENTS"],
            )


def validate_after(booking: Booking, result: BookingResult, params: Params) -> None:
    """Checks on the calculated booking: fixed term recall types, the progression model's manual
    routes, sentences extinguished by remand, and SHPO breach offences (SX03) released between
    SDS40 tranche 1 and tranche 3 commencement."""
    _validate_fixed_term_recalls(booking, result)
    _validate_remand_overlap(booking, result)
    _validate_adjustments_after_release(booking, result)
    _validate_sds40_consecutive_between_tranches(result, params)
    _validate_progression_model(booking, result, params)
    _validate_hdced_repeal(booking, result)
    tranche_one = params.sds40_commencement
    tranche_three = params.sds40_tranche_three_date
    shpo = []
    for calc in result.calcs:
        parts = [
            p
            for p in calc.unit.parts
            if p.kind == "SDS"
            and not p.sds_plus
            and p.offence_code in SHPO_SX03_OFFENCE_CODES
            and p.offence_committed is not None
            and SHPO_BREACH_OFFENCE_FROM_DATE <= p.offence_committed <= tranche_three
        ]
        if not parts:
            continue
        release = calc.determinate_release
        if tranche_one <= release < tranche_three and (
            not calc.unit.is_recall or "TUSED" in calc.dates
        ):
            shpo.append(calc)
    in_custody_at_tranche_one = any(
        c.sentenced_at < tranche_one <= c.determinate_release
        for c in result.calcs
        if any(p.kind == "SDS" for p in c.unit.parts)
    )
    if shpo and (
        result.sds40_tranche != "TRANCHE_0"
        or in_custody_at_tranche_one
        or any(c.sentenced_at >= tranche_one for c in shpo)
    ):
        raise BookingError(
            "booking.sentences",
            "release provisions for a SHPO breach (SX03) offence cannot be determined",
            ["UNABLE_TO_DETERMINE_SHPO_RELEASE_PROVISIONS"],
        )
