"""Calculable sentences: a single sentence or a chain of consecutive ones; identification of the
release date types each attracts (calculate-release-dates-api SentenceIdentificationService), and
release point multipliers."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from fractions import Fraction

from openom.release.rules.booking import Booking, BookingError, Sentence
from openom.release.rules.dates import CJA_DATE, LASPO_DATE, ORA_DATE, PCSC_COMMENCEMENT_DATE
from openom.release.rules.durations import (
    DAYS,
    MONTHS,
    YEARS,
    Duration,
    add_months,
    days_in_aggregate,
    days_in_unit,
)

# Release points (fractions of the custodial term served before release).
# CJA 2003 s.244(3)(a): standard determinate sentence, release at one half.
SDS_RELEASE_POINT = Fraction(1, 2)
# CJA 2003 s.244ZA (inserted by SI 2020/158 and PCSC Act 2022 s.130): SDS+ at two thirds.
SDS_PLUS_RELEASE_POINT = Fraction(2, 3)
# CJA 2003 s.246A(2): EDS automatic release at two thirds (EDS imposed before 13 April 2015, or
# under 10 years without schedule 15B offence).
EDS_AUTOMATIC_RELEASE_POINT = Fraction(2, 3)
# CJA 2003 s.246A(3)-(8): discretionary EDS released by the Parole Board, automatically at the end.
FULL_TERM = Fraction(1)
# CJA 2003 s.246A(8): discretionary EDS parole eligibility at two thirds of the custodial term.
EDS_PED_POINT = Fraction(2, 3)
# CJA 2003 s.244A (SOPC): PED at one half, two thirds from 28 June 2022 (PCSC Act 2022 s.131).
SOPC_PED_POINT_BEFORE_PCSC = Fraction(1, 2)
SOPC_PED_POINT_AFTER_PCSC = Fraction(2, 3)
# Sentencing Act 2020 s.241: DTO released at the half-way point (mid-term date).
DTO_RELEASE_POINT = Fraction(1, 2)
# CJA 2003 s.258 (fine defaulters): a term in default of payment of a fine is released
# unconditionally at one half; from 1 June 2015 a term for a fine of 10 million pounds or more is
# served in full, as amended in 2015 (calculate-release-dates-api
# ImportantDates.A_FINE_TEN_MILLION_FULL_RELEASE_DATE, SentenceIdentificationService).
AFINE_RELEASE_POINT = Fraction(1, 2)
AFINE_FULL_TERM_MINIMUM = 10_000_000
AFINE_FULL_TERM_FROM = dt.date(2015, 6, 1)
# Repatriated prisoners (BOTUS: Repatriation of Prisoners Act 1984): no release before term end.
BOTUS_RELEASE_POINT = Fraction(1)
# CJA 1991 s.33(1) (offences before 4 April 2005): release at one half; LED at three quarters
# (CJA 1991 s.37(1)).
CJA1991_LED_POINT = Fraction(3, 4)
# Sentencing Act 2020 s.242(2): a DTO aggregate cannot exceed 24 months.
DTO_MAXIMUM_MONTHS = 24

# Thresholds of the identification rules.
# CJA 1991 s.33: under 12 months is an ARD, 4 years or more a "long term" sentence.
CJA1991_SHORT_TERM_MONTHS = 12
CJA1991_LONG_TERM_YEARS = 4
# ORA 2014: sentences under 12 months for offences before 1 Feb 2015 carry no licence.
PRE_ORA_NO_LICENCE_MONTHS = 12
# ORA 2014 s.2 (CJA 2003 s.256AA): top-up supervision for terms over 1 day and under 2 years.
TUSED_MAXIMUM_YEARS = 2
TUSED_MINIMUM_DAYS = 1
# CJA 2003 s.256AA(1)(c): only for offenders aged 18 or over at the half-way point.
TUSED_MINIMUM_AGE = 18


def ceil_days(value: Fraction) -> int:
    """Release day counts round up to a whole day (PSI 03/2015 para 5.6)."""
    return math.ceil(value)


@dataclass
class Unit:
    """A calculable sentence: one sentence, or a chain served consecutively."""

    parts: list[Sentence]
    release_types: set[str] = field(default_factory=set)
    track: str = ""
    # Concurrent CJA 1991 sentences served as one term (CJA 1991 s.51(2)): its length in days.
    single_term_days: int | None = None

    @property
    def sentenced_at(self) -> dt.date:
        if self.single_term_days is not None:
            return min(p.sentenced_at for p in self.parts)
        return self.parts[0].sentenced_at

    @property
    def is_consecutive(self) -> bool:
        return len(self.parts) > 1 and self.single_term_days is None

    @property
    def recall_type(self) -> str | None:
        for part in self.parts:
            if part.recall_type:
                return part.recall_type
        return None

    @property
    def is_recall(self) -> bool:
        return self.recall_type is not None

    @property
    def return_to_custody(self) -> dt.date | None:
        for part in self.parts:
            if part.return_to_custody:
                return part.return_to_custody
        return None

    @property
    def is_dto(self) -> bool:
        return all(p.kind == "DTO" for p in self.parts)

    @property
    def is_botus(self) -> bool:
        return all(p.kind == "BOTUS" for p in self.parts)

    def length_days(self) -> int:
        if self.single_term_days is not None:
            return self.single_term_days
        days = days_in_aggregate(self.sentenced_at, [p.total for p in self.parts])
        if self.is_dto:
            days = min(days, days_in_unit(self.sentenced_at, DTO_MAXIMUM_MONTHS, MONTHS))
        return days

    def custodial_days(self) -> int:
        return days_in_aggregate(self.sentenced_at, [p.custodial for p in self.parts])

    def duration_less_than(self, amount: int, unit: str) -> bool:
        return self.length_days() < days_in_unit(self.sentenced_at, amount, unit)

    def duration_at_least(self, amount: int, unit: str) -> bool:
        return not self.duration_less_than(amount, unit)

    def label(self) -> str:
        return " + ".join(
            f"{p.kind} {p.total.describe()} from {p.sentenced_at}" for p in self.parts
        )


def is_ora(sentence: Sentence) -> bool:
    return sentence.offence_committed is not None and sentence.offence_committed >= ORA_DATE


def before_cja_and_laspo(sentence: Sentence) -> bool:
    return (
        sentence.sentenced_at < LASPO_DATE
        and sentence.offence_committed is not None
        and sentence.offence_committed < CJA_DATE
    )


def build_units(booking: Booking) -> list[Unit]:
    """Group sentences into chains by `consecutiveSentenceUUIDs` (each child names its parent)."""
    sentences = booking.sentences
    by_id: dict[str, Sentence] = {}
    for sentence in sentences:
        if sentence.identifier:
            by_id.setdefault(sentence.identifier, sentence)
    children: dict[int, list[Sentence]] = {}
    roots: list[Sentence] = []
    for sentence in sentences:
        parent = next((by_id[c] for c in sentence.consecutive_to if c in by_id), None)
        if parent is None or parent is sentence:
            roots.append(sentence)
        else:
            children.setdefault(parent.index, []).append(sentence)
    units: list[Unit] = []
    seen: set[int] = set()

    def walk(chain: list[Sentence]) -> None:
        last = chain[-1]
        if last.index in seen and len(chain) > 1 and last.index in {p.index for p in chain[:-1]}:
            raise BookingError("booking.sentences", "consecutive sentences form a loop")
        seen.add(last.index)
        kids = children.get(last.index, [])
        if not kids:
            units.append(Unit(list(chain)))
            return
        for kid in kids:
            walk([*chain, kid])

    for root in roots:
        walk([root])
    if len(seen) != len(sentences):
        raise BookingError("booking.sentences", "consecutive sentences form a loop")
    return units


def combine_single_term(units: list[Unit]) -> list[Unit]:
    """Sentences served as one term (SentenceCombinationService.createSingleTermSentences)."""
    if len(units) < 2 or any(u.is_consecutive or u.is_recall for u in units):
        return units
    if all(u.parts[0].kind == "DTO" for u in units):
        return _dto_single_term(units)
    if not all(u.parts[0].kind == "SDS" and before_cja_and_laspo(u.parts[0]) for u in units):
        return units
    return _cja1991_single_term(units)


def _cja1991_single_term(units: list[Unit]) -> list[Unit]:
    """CJA 1991 s.51(2): overlapping sentences for offences before 4 April 2005 imposed before
    3 December 2012 are served as a single term from the first sentence to the last expiry."""
    ordered = sorted(units, key=lambda u: u.sentenced_at)
    start = ordered[0].sentenced_at
    end = start + dt.timedelta(days=ordered[0].length_days() - 1)
    for unit in ordered[1:]:
        if unit.sentenced_at > end:
            return units
        end = max(end, unit.sentenced_at + dt.timedelta(days=unit.length_days() - 1))
    parts = [u.parts[0] for u in ordered]
    return [Unit(parts, single_term_days=(end - start).days + 1)]


def _dto_single_term(units: list[Unit]) -> list[Unit]:
    """Sentencing Act 2020 s.237 and s.238(2) (DtoSingleTermSentence): detention and training
    orders made on different dates while another is being served are one term, from the first
    order to the later expiry of the longest first and longest last order, and no more than 24
    months (s.238(2))."""
    ordered = sorted(units, key=lambda u: u.sentenced_at)
    first_date, last_date = ordered[0].sentenced_at, ordered[-1].sentenced_at
    if first_date == last_date:
        return units
    # Each later order must be made while the term is still being served in custody.
    start = first_date
    release = start + dt.timedelta(days=ceil_days(Fraction(ordered[0].length_days(), 2)) - 1)
    for unit in ordered[1:]:
        if unit.sentenced_at > release:
            return units
        release = max(
            release,
            unit.sentenced_at + dt.timedelta(days=ceil_days(Fraction(unit.length_days(), 2)) - 1),
        )
    earliest = max((u for u in ordered if u.sentenced_at == first_date), key=Unit.length_days)
    latest = max((u for u in ordered if u.sentenced_at == last_date), key=Unit.length_days)
    expiry = max(
        u.sentenced_at + dt.timedelta(days=u.parts[0].total.length_in_days(u.sentenced_at) - 1)
        for u in (earliest, latest)
    )
    days = (expiry - first_date).days + 1
    cap = days_in_unit(first_date, DTO_MAXIMUM_MONTHS, MONTHS)
    if days - 1 > cap:
        days = cap
    return [Unit([u.parts[0] for u in ordered], single_term_days=days)]


def identify_part(sentence: Sentence) -> None:
    """The identification track of one sentence, which fixes its release point multiplier."""
    if sentence.kind == "EDS":
        sentence.track = (
            "EDS_AUTOMATIC_RELEASE" if sentence.automatic_release else "EDS_DISCRETIONARY"
        )
    elif sentence.kind == "SOPC":
        # The fixture format has no SDOPCU18 sentence type, so only the date decides.
        after = sentence.sentenced_at >= PCSC_COMMENCEMENT_DATE
        sentence.track = "SOPC_PED_AT_TWO_THIRDS" if after else "SOPC_PED_AT_HALFWAY"
    elif sentence.kind == "DTO":
        after = sentence.sentenced_at >= PCSC_COMMENCEMENT_DATE
        sentence.track = "DTO_AFTER_PCSC" if after else "DTO_BEFORE_PCSC"
    elif sentence.kind == "BOTUS":
        sentence.track = "BOTUS"
    elif sentence.kind == "AFINE":
        full = (
            sentence.fine_amount is not None
            and sentence.fine_amount >= AFINE_FULL_TERM_MINIMUM
            and sentence.sentenced_at >= AFINE_FULL_TERM_FROM
        )
        sentence.track = "AFINE_ARD_AT_FULL_TERM" if full else "AFINE_ARD_AT_HALFWAY"
    elif before_cja_and_laspo(sentence):
        sentence.track = "SDS_BEFORE_CJA_LASPO"
    elif sentence.sds_plus:
        sentence.track = "SDS_PLUS"
    else:
        sentence.track = "SDS"


def _after_cja_laspo_types(unit: Unit) -> set[str]:
    """SLED and CRD, but SED and ARD where there is no licence: under 12 months for an offence
    before ORA commencement, or a sentence of a single day."""
    first = unit.parts[0]
    pre_ora_short = unit.duration_less_than(PRE_ORA_NO_LICENCE_MONTHS, MONTHS) and (
        first.offence_committed is not None and first.offence_committed < ORA_DATE
    )
    one_day = unit.length_days() <= TUSED_MINIMUM_DAYS
    return {"SED", "ARD"} if (pre_ora_short or one_day) else {"SLED", "CRD"}


def _before_cja_laspo_types(unit: Unit) -> set[str]:
    if unit.duration_at_least(CJA1991_LONG_TERM_YEARS, YEARS):
        return {"CRD", "SLED"}
    if unit.duration_at_least(CJA1991_SHORT_TERM_MONTHS, MONTHS):
        return {"LED", "CRD", "SED"}
    return {"ARD", "SED"}


def age_on(date_of_birth: dt.date, date: dt.date) -> int:
    years = date.year - date_of_birth.year
    if (date.month, date.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def half_sentence_date(unit: Unit) -> dt.date:
    return unit.sentenced_at + dt.timedelta(days=ceil_days(Fraction(unit.length_days(), 2)))


def tused_eligible(unit: Unit, booking: Booking) -> bool:
    """ORA 2014 s.2: top-up supervision for ORA offences, over 1 day and under 2 years, adults."""
    if booking.toggle("applyPostRecallRepealRules"):
        # Recall and supervision repeal (featureToggles.applyPostRecallRepealRules): no TUSED.
        return False
    if not all(p.kind == "SDS" for p in unit.parts):
        return False
    return (
        any(is_ora(p) for p in unit.parts)
        and not any(before_cja_and_laspo(p) for p in unit.parts)
        and unit.duration_less_than(TUSED_MAXIMUM_YEARS, YEARS)
        and unit.length_days() > TUSED_MINIMUM_DAYS
        and age_on(booking.date_of_birth, half_sentence_date(unit)) >= TUSED_MINIMUM_AGE
    )


def hdced_applies(unit: Unit, booking: Booking) -> bool:
    """CJA 2003 s.246(4): no HDC for registered sex offenders, DTOs or SDS+ (s.246(4)(za))."""
    if booking.active_sex_offender or unit.is_dto:
        return False
    return not any(p.sds_plus or p.sds_plus_eligible for p in unit.parts)


def identify(unit: Unit, booking: Booking) -> None:
    """Release date types of a calculable sentence (calculate-release-dates-api identification)."""
    for part in unit.parts:
        identify_part(part)
    types: set[str] = set()
    kinds = {p.kind for p in unit.parts}
    if unit.is_consecutive:
        if kinds & {"EDS", "SOPC"}:
            discretionary = any(
                p.track == "EDS_DISCRETIONARY" or p.kind == "SOPC" for p in unit.parts
            )
            types = {"SLED", "CRD", "PED"} if discretionary else {"SLED", "CRD"}
        else:
            if all(p.sds_plus for p in unit.parts):
                types = {"SLED", "CRD"}
            elif not any(p.kind in {"SDS", "DTO"} for p in unit.parts):
                # A chain of single terms (BOTUS, fines in default) has no licence.
                types = {"SED", "ARD"}
            elif unit.is_dto:
                types = {"SED", "MTD", "ETD", "LTD", "TUSED"}
            elif any(before_cja_and_laspo(p) for p in unit.parts) and not all(
                before_cja_and_laspo(p) for p in unit.parts
            ):
                types = {"SLED", "CRD"}
            elif not any(before_cja_and_laspo(p) for p in unit.parts):
                if any(is_ora(p) for p in unit.parts) and not all(is_ora(p) for p in unit.parts):
                    if unit.duration_less_than(PRE_ORA_NO_LICENCE_MONTHS, MONTHS):
                        types = {"LED", "SED", "CRD"}
                    else:
                        types = {"SLED", "CRD"}
                else:
                    types = _after_cja_laspo_types(unit)
            else:
                types = _before_cja_laspo_types(unit)
            if tused_eligible(unit, booking):
                types.add("TUSED")
            if hdced_applies(unit, booking):
                types.add("HDCED")
    else:
        part = unit.parts[0]
        if part.kind == "SOPC":
            types = {"SLED", "PRRD"} if part.is_recall else {"SLED", "CRD", "PED"}
        elif part.kind == "EDS":
            types = {"SLED", "CRD"} if part.automatic_release else {"SLED", "CRD", "PED"}
            if part.is_recall:
                types -= {"CRD", "PED"}
                types.add("PRRD")
        elif part.kind == "DTO":
            types = {"SED", "MTD", "ETD", "LTD", "TUSED"}
        elif part.kind == "AFINE":
            types = {"SED", "ARD"}
        elif part.kind == "BOTUS":
            types = {"ARD", "SED"}
            if part.latest_tused is not None:
                types.add("TUSED")
        else:
            types = (
                _before_cja_laspo_types(unit)
                if before_cja_and_laspo(part)
                else (_after_cja_laspo_types(unit))
            )
            if tused_eligible(unit, booking):
                types.add("TUSED")
            if hdced_applies(unit, booking):
                types.add("HDCED")
    if unit.is_recall:
        types.discard("HDCED")
        types.add("PRRD")
    unit.release_types = types


def fixed_multiplier(sentence: Sentence) -> Fraction | None:
    """Release point of a sentence whose multiplier does not depend on SDS early release law."""
    return {
        "EDS_AUTOMATIC_RELEASE": EDS_AUTOMATIC_RELEASE_POINT,
        "EDS_DISCRETIONARY": FULL_TERM,
        "SOPC_PED_AT_TWO_THIRDS": FULL_TERM,
        "SOPC_PED_AT_HALFWAY": FULL_TERM,
        "DTO_AFTER_PCSC": DTO_RELEASE_POINT,
        "DTO_BEFORE_PCSC": DTO_RELEASE_POINT,
        "BOTUS": BOTUS_RELEASE_POINT,
        "AFINE_ARD_AT_HALFWAY": AFINE_RELEASE_POINT,
        "AFINE_ARD_AT_FULL_TERM": FULL_TERM,
        "SDS_BEFORE_CJA_LASPO": SDS_RELEASE_POINT,
        "SDS_PLUS": SDS_PLUS_RELEASE_POINT,
    }.get(sentence.track)


def ped_multiplier(sentence: Sentence) -> Fraction:
    if sentence.track == "SOPC_PED_AT_HALFWAY":
        return SOPC_PED_POINT_BEFORE_PCSC
    if sentence.track == "SOPC_PED_AT_TWO_THIRDS":
        return SOPC_PED_POINT_AFTER_PCSC
    return EDS_PED_POINT


def has_ped(sentence: Sentence) -> bool:
    return sentence.kind == "SOPC" or (sentence.kind == "EDS" and not sentence.automatic_release)


@dataclass(frozen=True)
class ReleaseCalculation:
    """Day counts of a calculable sentence before adjustments."""

    days_to_expiry: int
    days_to_release_exact: Fraction
    days_to_release: int
    days_to_ped: int | None


def release_calculation(unit: Unit, multipliers: dict[int, Fraction]) -> ReleaseCalculation:
    """Days to expiry, release and PED (PSI 03/2015 ch.5; consecutive terms aggregated, ch.6)."""
    start = unit.sentenced_at
    if not unit.is_consecutive:
        part = unit.parts[0]
        custodial_days = unit.single_term_days or part.custodial.length_in_days(start)
        exact = Fraction(custodial_days) * multipliers[part.index]
        release_days = ceil_days(exact)
        ped_days = None
        if has_ped(part) and "PED" in unit.release_types:
            ped_days = ceil_days(ped_multiplier(part) * release_days)
        return ReleaseCalculation(unit.length_days(), exact, release_days, ped_days)

    if unit.is_dto:
        # Consecutive DTOs: one term of at most 24 months (Sentencing Act 2020 s.238(2)),
        # released at its half-way point.
        days = unit.length_days()
        release_days = ceil_days(Fraction(days) * DTO_RELEASE_POINT)
        return ReleaseCalculation(days, Fraction(release_days), release_days, None)
    with_ped = [p for p in unit.parts if has_ped(p)]
    without_ped = [p for p in unit.parts if not has_ped(p)]
    groups: list[list[Sentence]] = []
    by_multiplier: dict[Fraction, list[Sentence]] = {}
    for part in without_ped:
        multiplier = multipliers[part.index]
        if multiplier not in by_multiplier:
            by_multiplier[multiplier] = []
            groups.append(by_multiplier[multiplier])
        by_multiplier[multiplier].append(part)
    notional: dt.date | None = None
    release_days = 0
    ped_days: int | None = None
    for group in [*groups, with_ped]:
        if not group:
            continue
        group_start = notional + dt.timedelta(days=1) if notional else start
        custodial = days_in_aggregate(group_start, [p.custodial for p in group])
        if group is with_ped and not unit.is_recall:
            ped_days = release_days + _consecutive_ped(group, group_start)
        group_days = ceil_days(Fraction(custodial) * multipliers[group[0].index])
        notional = group_start + dt.timedelta(days=group_days - 1)
        release_days += group_days
    return ReleaseCalculation(unit.length_days(), Fraction(release_days), release_days, ped_days)


def _consecutive_ped(parts: list[Sentence], start: dt.date) -> int:
    first = ped_multiplier(parts[0])
    same = [p for p in parts if ped_multiplier(p) == first]
    other = [p for p in parts if ped_multiplier(p) != first]
    days = ceil_days(first * days_in_aggregate(start, [p.custodial for p in same]))
    if other:
        notional_ped = start + dt.timedelta(days=days - 1)
        other_days = days_in_aggregate(notional_ped, [p.custodial for p in other])
        days += ceil_days(ped_multiplier(other[0]) * other_days)
    return days


def duration_months_between(unit: Unit, low: int, high: int, *, high_inclusive: bool) -> bool:
    """Whether the sentence is at least `low` months and under (or up to) `high` months."""
    length = unit.length_days()
    low_days = days_in_unit(unit.sentenced_at, low, MONTHS)
    high_days = days_in_unit(unit.sentenced_at, high, MONTHS)
    return length >= low_days and (length <= high_days if high_inclusive else length < high_days)


__all__ = [
    "DAYS",
    "Duration",
    "ReleaseCalculation",
    "Unit",
    "add_months",
    "build_units",
    "identify",
    "release_calculation",
]
