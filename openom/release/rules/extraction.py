"""Booking-level dates from the dates of each calculable sentence (calculate-release-dates-api
BookingExtractionService): the latest release and expiry govern; licence expiry, HDCED, TUSED and
PED follow the rules for concurrent sentences (PSI 03/2015 ch.6 and 7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openom.release.rules.calculation import UnitCalc, transfer_months
from openom.release.rules.durations import MONTHS, YEARS, add_months, period_between
from openom.release.rules.sentences import age_on, is_ora

# PSI 03/2015 para 6.x: mixing ORA and pre-ORA sentences matters only below 4 years' total.
ORA_MIX_MAXIMUM_YEARS = 4
# Policy: a concurrent sentence must have 14 days to serve before HDC is considered.
HDC_CONCURRENT_MINIMUM_DAYS = 14
# A DTO aggregate of under 12 months for a child gives no licence (Sentencing Act 2020 s.256).
DTO_LICENCE_MONTHS = 12


@dataclass
class Extracted:
    dates: dict[str, dt.date]
    effective_start: dt.date
    effective_end: dt.date


def _latest(calcs: list[UnitCalc], key) -> UnitCalc:  # type: ignore[no-untyped-def]
    return max(calcs, key=key)


def _ora_mix(
    calcs: list[UnitCalc],
    latest_release_types: set[str],
    latest_expiry_types: set[str],
    latest_release: dt.date,
    years: int,
) -> tuple[bool, bool] | None:
    def std_ora(c: UnitCalc, ora: bool) -> bool:
        return (
            not c.unit.is_consecutive
            and c.unit.parts[0].kind == "SDS"
            and is_ora(c.unit.parts[0]) == ora
        )

    has_mix = any(std_ora(c, True) for c in calcs) and any(
        std_ora(c, False) and c.unit.duration_less_than(12, MONTHS) for c in calcs
    )
    if "CRD" in latest_release_types or years >= ORA_MIX_MAXIMUM_YEARS or not has_mix:
        return None
    with_sed = [c for c in calcs if "SED" in c.types]
    with_sled = [c for c in calcs if "SLED" in c.types]
    if not with_sed or not with_sled:
        return None
    sled = max(with_sled, key=lambda c: c.expiry)
    if "SED" in latest_expiry_types and latest_release > sled.expiry:
        return False, False
    return True, True


# HdcedExtractionService (ImportantDates.HDC_CLEAN_STOP_DATE): with HDC repealed for adults, no
# HDCED on or after 2 September 2026, nor for a sentence released under the progression model.
HDC_CLEAN_STOP_DATE = dt.date(2026, 9, 2)


def _is_adult_sentence(calc: UnitCalc) -> bool:
    """Sentences other than s.250 detention and single terms (DTO, BOTUS, fine in default)."""
    unit = calc.unit
    if unit.is_consecutive:
        return True
    part = unit.parts[0]
    if part.kind == "SDS" and part.section250:
        return False
    return part.kind not in {"DTO", "BOTUS", "AFINE"}


def extract(
    calcs: list[UnitCalc],
    date_of_birth: dt.date,
    hdc_repeal: bool = False,
    adult_hdc_suspended: bool = False,
    return_to_custody: dt.date | None = None,
) -> Extracted:
    result = (
        _extract_single(calcs[0])
        if len(calcs) == 1
        else _extract_multiple(calcs, date_of_birth, return_to_custody)
    )
    if adult_hdc_suspended and any(_is_adult_sentence(c) for c in calcs):
        # featureToggles.adultHdcSuspended (HdcedExtractionService): no HDC for adults.
        result.dates.pop("HDCED", None)
    hdced = result.dates.get("HDCED")
    if hdc_repeal and hdced is not None and any(_is_adult_sentence(c) for c in calcs):
        with_hdced = [c for c in calcs if "HDCED" in c.dates]
        source = max(with_hdced, key=lambda c: c.dates["HDCED"]) if with_hdced else None
        if hdced >= HDC_CLEAN_STOP_DATE or (source is not None and source.progression):
            del result.dates["HDCED"]
    return result


def _release_type(calc: UnitCalc) -> str:
    if calc.unit.is_recall:
        return "PRRD"
    for kind in ("ARD", "CRD", "MTD", "PRRD"):
        if kind in calc.types:
            return kind
    return "CRD"


def _extract_single(calc: UnitCalc) -> Extracted:
    dates: dict[str, dt.date] = {}
    types = calc.types
    dates["SLED" if "SLED" in types else "SED"] = calc.expiry
    dates[_release_type(calc)] = calc.release
    for kind in ("LED", "TUSED", "ETD", "LTD", "PED"):
        if kind in calc.dates:
            dates[kind] = calc.dates[kind]
    if "PED" in dates:
        # Remand can take the PED before the sentence date: it is then the sentence date.
        dates["PED"] = max(dates["PED"], calc.sentenced_at)
    if "HDCED" in calc.dates and "PED" not in types and calc.release > calc.dates["HDCED"]:
        dates["HDCED"] = calc.dates["HDCED"]
    if "ERSED" in calc.dates:
        dates["ERSED"] = calc.dates["ERSED"]
    if not calc.unit.is_botus:
        dates["ESED"] = calc.unadjusted_expiry
    botus_tused = calc.unit.parts[0].latest_tused
    if calc.unit.is_botus and botus_tused is not None and calc.expiry < botus_tused:
        dates["TUSED"] = botus_tused
    return Extracted(dates, calc.sentenced_at, calc.unadjusted_expiry)


def _extract_multiple(
    calcs: list[UnitCalc], date_of_birth: dt.date, return_to_custody: dt.date | None = None
) -> Extracted:
    dates: dict[str, dt.date] = {}
    earliest = min(c.sentenced_at for c in calcs)
    latest_release_value = max(c.release_defaulted for c in calcs)
    most_recent_by_release = [c for c in calcs if c.release_defaulted == latest_release_value]
    by_determinate = _latest(calcs, lambda c: c.determinate_release)
    by_expiry = _latest(calcs, lambda c: c.expiry)
    latest_release = most_recent_by_release[0].release
    latest_expiry = by_expiry.expiry
    latest_unadjusted_expiry = max(c.unadjusted_expiry for c in calcs)
    years = period_between(earliest, latest_unadjusted_expiry + dt.timedelta(days=1))[0]

    with_led = [c for c in calcs if c.licence_expiry is not None]
    led_calc = max(with_led, key=lambda c: c.licence_expiry) if with_led else None  # type: ignore[arg-type, return-value]
    latest_led = led_calc.licence_expiry if led_calc else None

    mix = _ora_mix(calcs, by_determinate.types, by_expiry.types, latest_release, years)
    any_dto = any(c.unit.is_dto for c in calcs)
    if mix is not None:
        conditional, can_have_led = mix
    elif (
        any_dto
        and all(age_on(date_of_birth, c.release) < 18 for c in calcs)
        and (
            period_between(earliest, latest_unadjusted_expiry + dt.timedelta(days=1))[0] * 12
            + period_between(earliest, latest_unadjusted_expiry + dt.timedelta(days=1))[1]
            < DTO_LICENCE_MONTHS
        )
    ):
        conditional, can_have_led = False, True
    elif (
        any_dto
        and any(not c.unit.is_dto for c in calcs)
        and all(age_on(date_of_birth, c.release) >= 18 for c in calcs)
    ):
        conditional, can_have_led = True, True
    else:
        conditional = any(
            c.licence_expiry is not None and c.licence_expiry >= latest_release for c in calcs
        )
        can_have_led = True

    if latest_expiry == latest_led and "SLED" in by_expiry.types:
        dates["SLED"] = latest_expiry
    elif any_dto and not all(c.unit.is_dto for c in calcs):
        non_dto = max((c for c in calcs if not c.unit.is_dto), key=lambda c: c.release)
        dto = max((c for c in calcs if c.unit.is_dto), key=lambda c: c.release)
        dates["SLED" if non_dto.expiry == dto.expiry else "SED"] = latest_expiry
    else:
        dates["SED"] = latest_expiry
        if latest_led is not None and can_have_led and latest_led >= latest_release:
            dates["LED"] = latest_led

    if any_dto:
        if all(c.unit.is_dto for c in calcs):
            dates["MTD"] = latest_release
            months = transfer_months(by_expiry.unit)
            if months and "ETD" in by_expiry.dates:
                dates["ETD"] = add_months(latest_release, -months)
                dates["LTD"] = add_months(latest_release, months)
        else:
            non_dto = max((c for c in calcs if not c.unit.is_dto), key=lambda c: c.release)
            dates["CRD" if conditional else "ARD"] = non_dto.release
            dto = max((c for c in calcs if c.unit.is_dto), key=lambda c: c.release)
            dates["MTD"] = dto.determinate_release
            months = transfer_months(dto.unit)
            if months and "ETD" in dto.dates:
                dates["ETD"] = add_months(dates["MTD"], -months)
                dates["LTD"] = add_months(dates["MTD"], months)
            if "CRD" in dates and "SLED" not in dates and non_dto.licence_expiry is not None:
                dates["LED"] = non_dto.licence_expiry
    elif any(not c.unit.is_recall for c in most_recent_by_release):
        dates["CRD" if conditional else "ARD"] = latest_release

    tused = _tused(calcs, latest_led)
    if tused is None and latest_led is None:
        tused = _dto_tused(calcs, date_of_birth)
    if tused is not None:
        dates["TUSED"] = tused
    hdced = _hdced(calcs, latest_release)
    if hdced is not None:
        dates["HDCED"] = hdced
    if "PED" in most_recent_by_release[0].types:
        # BookingExtractionService: only when the PED belongs to the sentence released last.
        _ped(calcs, by_determinate, dates)
    _ersed(calcs, dates)

    if any(c.unit.is_recall for c in most_recent_by_release):
        prrds = [c.post_recall_release for c in calcs if c.post_recall_release is not None]
        if prrds:
            dates["PRRD"] = _mixed_recall_release(
                calcs, max(prrds), return_to_custody, dates.get("SLED")
            )
        if not _hdc_survives_recall(dates):
            dates.pop("HDCED", None)
    dates["ESED"] = latest_unadjusted_expiry
    return Extracted(dates, earliest, latest_unadjusted_expiry)


def _ersed(calcs: list[UnitCalc], dates: dict[str, dt.date]) -> None:
    """BookingExtractionService: the latest ERSED of a sentence not released immediately. None
    where a fine-in-default or BOTUS term in the same period of custody is released after that
    sentence; a fine term released after the ERSED moves it to that release. With a DTO the
    ERSED is no earlier than the mid-term date, and none when that is not before the release."""
    with_ersed = [c for c in calcs if "ERSED" in c.dates and not c.is_immediate_release]
    if not with_ersed:
        return
    latest = max(with_ersed, key=lambda c: c.dates["ERSED"])
    ersed = latest.dates["ERSED"]
    terms = [
        c
        for c in calcs
        if c.group == latest.group
        and not c.is_immediate_release
        and not c.unit.is_consecutive
        and c.unit.parts[0].kind in {"AFINE", "BOTUS"}
    ]
    if any(c.release > latest.release for c in terms):
        return
    fines_after = [c for c in terms if c.unit.parts[0].kind == "AFINE" and c.release > ersed]
    if fines_after:
        dates["ERSED"] = max(c.release for c in fines_after)
        return
    if any(c.unit.is_dto for c in calcs):
        release = dates.get("CRD") or dates.get("ARD")
        mtd = dates.get("MTD")
        if mtd is None or release is None or mtd >= release:
            return
        dates["ERSED"] = ersed if mtd < ersed else mtd
        return
    dates["ERSED"] = ersed


def _hdc_survives_recall(dates: dict[str, dt.date]) -> bool:
    """FixedTermRecallsService.hasHomeDetentionCurfew: an HDCED stays only when the PRRD is not
    the CRD and comes before the latest CRD or ARD."""
    prrd = dates.get("PRRD")
    releases = [dates[k] for k in ("CRD", "ARD") if k in dates]
    if prrd is None or not releases:
        return False
    return prrd != dates.get("CRD") and prrd < max(releases)


def _mixed_recall_release(
    calcs: list[UnitCalc],
    latest_release: dt.date,
    return_to_custody: dt.date | None,
    sled: dt.date | None,
) -> dt.date:
    """FixedTermRecallsService.calculatePRRD: fixed term recalls of sentences both under and of
    12 months or more are released 14 or 28 days (CJA 2003 s.255B) after the booking's return to
    custody, by the recall of the sentence that gives the SLED, no later than its expiry."""
    if return_to_custody is None or sled is None:
        return latest_release
    recalls = [
        c
        for c in calcs
        if c.unit.recall_type == "FIXED_TERM_RECALL_28"
        or (c.unit.recall_type == "FIXED_TERM_RECALL_14" and "SLED" in c.types)
    ]
    if not (
        any(not c.unit.duration_less_than(12, MONTHS) for c in recalls)
        and any(c.unit.duration_less_than(12, MONTHS) for c in recalls)
    ):
        return latest_release
    latest = next((c for c in calcs if c.adjusted_expiry == sled), None)
    if latest is None:
        return latest_release
    days = 13 if latest.unit.recall_type == "FIXED_TERM_RECALL_14" else 27
    maximum = return_to_custody + dt.timedelta(days=days + latest.adj.for_fixed_term_recall())
    if not latest.unit.duration_less_than(12, MONTHS):
        return min(maximum, latest.adjusted_expiry)
    adjacent = [
        c
        for c in recalls
        if not c.unit.duration_less_than(12, MONTHS) and c.adjusted_expiry >= return_to_custody
    ]
    if not adjacent:
        return latest_release
    nearest = min(adjacent, key=lambda c: abs((c.unadjusted_expiry - latest_release).days))
    close = (return_to_custody - nearest.adjusted_expiry).days < 14
    if latest.unit.recall_type == "FIXED_TERM_RECALL_28" and close:
        return min(maximum, nearest.adjusted_expiry)
    if latest.unit.recall_type == "FIXED_TERM_RECALL_14" and close:
        return min(maximum, latest.adjusted_expiry)
    return latest_release


def _dto_tused(calcs: list[UnitCalc], date_of_birth: dt.date) -> dt.date | None:
    """BookingExtractionService.isTusedableDtos: DTOs only, each under 2 years, not all of them
    released before the age of 18: the latest TUSED of the orders."""
    if not all(c.unit.is_dto for c in calcs):
        return None
    if all(age_on(date_of_birth, c.release) < 18 for c in calcs):
        return None
    if not all(c.unit.duration_less_than(2, YEARS) for c in calcs):
        return None
    tuseds = [c.dates["TUSED"] for c in calcs if "TUSED" in c.dates]
    return max(tuseds, default=None)


def _tused(calcs: list[UnitCalc], latest_led: dt.date | None) -> dt.date | None:
    if latest_led is None:
        return None
    calculated = [c for c in calcs if not c.unit.is_botus and "TUSED" in c.dates]
    if not calculated:
        return None
    best = max(calculated, key=lambda c: c.dates["TUSED"])
    tused = best.dates["TUSED"]
    dtos = [c for c in calcs if c.unit.is_dto and "SED" in c.types]
    if dtos and max(c.expiry for c in dtos) > tused:
        return None
    return tused if tused > latest_led else None


def _hdced(calcs: list[UnitCalc], latest_release: dt.date) -> dt.date | None:
    if any(p.sds_plus or p.sds_plus_eligible for c in calcs for p in c.unit.parts):
        return None
    eligible = [c for c in calcs if not c.unit.is_recall and not c.unit.is_dto]
    if not eligible:
        return None
    latest_eligible = max(eligible, key=lambda c: c.release)
    if "HDCED" not in latest_eligible.dates:
        return None
    candidates = [
        c
        for c in calcs
        if "HDCED" in c.dates
        and latest_release >= c.sentenced_at + dt.timedelta(days=HDC_CONCURRENT_MINIMUM_DAYS)
    ]
    if not candidates:
        return None
    hdced_calc = max(candidates, key=lambda c: c.dates["HDCED"])
    hdced = hdced_calc.dates["HDCED"]
    others = [
        c
        for c in calcs
        if "HDCED" not in c.dates
        and c is not hdced_calc
        and c.release > hdced
        and not c.unit.is_dto
    ]
    if others:
        only_immediate = all(c.is_immediate_release and not c.unit.is_recall for c in others)
        nxt = max(others, key=lambda c: c.release)
        immediate_custody = nxt.is_immediate_release and (
            1 - nxt.adj.for_initial_release() == nxt.rc.days_to_release
        )
        if not only_immediate or immediate_custody:
            return nxt.release
    return hdced


def _ped(calcs: list[UnitCalc], by_determinate: UnitCalc, dates: dict[str, dt.date]) -> None:
    peds = [c.ped for c in calcs if c.ped is not None]
    if not peds or by_determinate.ped is None:
        return
    # Adjustments can take the PED before the earliest sentence date: it is then that date.
    latest_ped = max(max(peds), min(c.sentenced_at for c in calcs))
    non_ped = [
        c
        for c in calcs
        if not c.unit.is_recall
        and c.ped is None
        and not c.unit.is_dto
        and not c.is_immediate_release
    ]
    latest_non_ped = max((c.release for c in non_ped), default=None)
    if latest_non_ped is not None and latest_non_ped >= by_determinate.release:
        return
    if latest_non_ped is not None and latest_ped < latest_non_ped:
        dates["PED"] = latest_non_ped
    else:
        dates["PED"] = latest_ped
