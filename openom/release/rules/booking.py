"""Parsing a booking (the calculate-release-dates-api fixture JSON) into sentences and adjustments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from openom.core.calc import EARLIEST_DATE as CALC_EARLIEST_DATE
from openom.core.calc import LATEST_DATE as CALC_LATEST_DATE
from openom.release.rules.durations import UNITS, Duration

SENTENCE_TYPES: dict[str, str] = {
    "StandardSentence": "SDS",
    "ExtendedDeterminateSentence": "EDS",
    "SopcSentence": "SOPC",
    "DetentionAndTrainingOrderSentence": "DTO",
    "BotusSentence": "BOTUS",
    "AFineSentence": "AFINE",
}
# A sentence without a "type" is a standard determinate sentence (the service's API default,
# AbstractSentence @JsonTypeInfo defaultImpl = StandardDeterminateSentence).
DEFAULT_SENTENCE_TYPE = "StandardSentence"
# Offence.CIVIL_OFFENCE_CODES: committal for a civil debt (not a criminal offence), for which
# remand and tagged bail do not count.
CIVIL_OFFENCE_CODES = frozenset(
    {"ZZ01004", "ZZ01005", "ZZ01001", "ZZ01003", "ZZ01002", "ZZ01008", "ZZ01010", "XX00000-016N"}
)
ADJUSTMENT_TYPES: tuple[str, ...] = (
    "REMAND",
    "TAGGED_BAIL",
    "RECALL_REMAND",
    "RECALL_TAGGED_BAIL",
    "UNLAWFULLY_AT_LARGE",
    "ADDITIONAL_DAYS_AWARDED",
    "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED",
)
# Recall lengths in days (CJA 2003 s255B as amended: 14 or 28 days; FTR56 from the 2026 tranches).
FIXED_TERM_RECALL_DAYS: dict[str, int] = {
    "FIXED_TERM_RECALL_14": 14,
    "FIXED_TERM_RECALL_28": 28,
    "FIXED_TERM_RECALL_56": 56,
}
RECALL_TYPES: tuple[str, ...] = ("STANDARD_RECALL", *FIXED_TERM_RECALL_DAYS)


# The dates a booking may hold (OpenOM's calculator input limits): nothing a prison record holds
# falls outside them, and the dates calculated from them stay within the calendar.
EARLIEST_DATE = CALC_EARLIEST_DATE
LATEST_DATE = CALC_LATEST_DATE
# Largest counts accepted in a duration (a term of imprisonment) and an adjustment: far beyond
# any real term (a whole-life term is not a determinate sentence).
MAXIMUM_DURATION_COUNT: dict[str, int] = {
    "YEARS": 150,
    "MONTHS": 1800,
    "WEEKS": 7800,
    "DAYS": 55000,
}
MAXIMUM_ADJUSTMENT_DAYS = 55000
# Adjustments that may hold a negative entry correcting an earlier one.
CORRECTABLE_ADJUSTMENTS: tuple[str, ...] = ("TAGGED_BAIL", "RECALL_TAGGED_BAIL")
# SDSEarlyReleaseExclusionType values the service accepts.
EXCLUSION_TYPES: tuple[str, ...] = (
    "SEXUAL",
    "VIOLENT",
    "DOMESTIC_ABUSE",
    "NATIONAL_SECURITY",
    "TERRORISM",
    "SEXUAL_T3",
    "DOMESTIC_ABUSE_T3",
    "MURDER_T3",
    "PROGRESSION_MODEL_SCHEDULE_13_PART_3",
    "SA2026_PROGRESSION_MODEL_SCHEDULE",
    "NO",
)


class BookingError(ValueError):
    """A booking that cannot be calculated; `codes` name the upstream validation codes."""

    def __init__(self, field_name: str, message: str, codes: list[str] | None = None) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message
        self.codes = codes or []


@dataclass(frozen=True)
class Adjustment:
    kind: str
    days: int
    applies_from: dt.date
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    # additionalInfo.reason of unlawfully-at-large days (ESCAPE, RELEASE_IN_ERROR, RECALL, ...).
    reason: str | None = None


# ExternalMovementDirection and ExternalMovementReason of calculate-release-dates-api.
MOVEMENT_DIRECTIONS: tuple[str, ...] = ("IN", "OUT")


@dataclass(frozen=True)
class ExternalMovement:
    """A release from or admission to prison (booking.externalMovements)."""

    date: dt.date
    reason: str
    direction: str


@dataclass
class Sentence:
    """One sentence as imposed (a 'part' when it runs consecutively to others)."""

    index: int
    kind: str  # SDS, EDS, SOPC, DTO, BOTUS, AFINE
    sentenced_at: dt.date
    offence_committed: dt.date | None
    offence_code: str | None
    custodial: Duration
    extension: Duration = field(default_factory=Duration)
    identifier: str | None = None
    consecutive_to: tuple[str, ...] = ()
    sds_plus: bool = False
    sds_plus_eligible: bool = False
    exclusions: tuple[str, ...] = ()
    section250: bool = False
    recall_type: str | None = None
    return_to_custody: dt.date | None = None
    automatic_release: bool = False
    latest_tused: dt.date | None = None
    # A term in default of payment of a fine: the amount of the fine, if known.
    fine_amount: Decimal | None = None
    # Set during identification:
    track: str = ""

    @property
    def total(self) -> Duration:
        return self.custodial.plus(self.extension)

    @property
    def is_recall(self) -> bool:
        return self.recall_type is not None

    @property
    def is_civil(self) -> bool:
        return self.kind == "AFINE" and self.offence_code in CIVIL_OFFENCE_CODES


@dataclass
class Booking:
    date_of_birth: dt.date
    sentences: list[Sentence]
    adjustments: list[Adjustment]
    active_sex_offender: bool = False
    return_to_custody: dt.date | None = None
    profile: str = "calculation-params"
    toggles: Mapping[str, bool] = field(default_factory=dict)
    fixed_recall_length: int | None = None
    # userInputs.calculateErsed: the person is liable to removal (Immigration Act 1971), so the
    # early removal scheme date is asked for (CJA 2003 s.260).
    calculate_ersed: bool = False
    # booking.fixedTermRecallDetails was given (the recall checks run only then).
    has_fixed_term_recall_details: bool = False
    external_movements: list[ExternalMovement] = field(default_factory=list)

    def toggle(self, name: str) -> bool:
        return bool(self.toggles.get(name, False))


def _date(value: Any, field_name: str, *, required: bool = True) -> dt.date | None:
    if value is None:
        if required:
            raise BookingError(field_name, "is required (a date as YYYY-MM-DD)")
        return None
    if not isinstance(value, str):
        raise BookingError(field_name, "must be a date as a string YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise BookingError(field_name, f"'{value}' is not a date as YYYY-MM-DD") from None
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise BookingError(
            field_name, f"must be between {EARLIEST_DATE} and {LATEST_DATE}, not {value}"
        )
    return date


def _object(value: Any, field_name: str) -> Mapping[str, Any]:
    """An optional JSON object: absent or null is empty; anything else but an object is refused."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise BookingError(field_name, "must be an object")
    return value


def _whole(value: Any, field_name: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise BookingError(field_name, f"must be a whole number from 0 to {maximum}")
    return value


def _flag(value: Any, field_name: str) -> bool:
    """A true/false flag: absent or null is false; anything but a JSON boolean is refused (the
    string "false" must never be read as true)."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise BookingError(field_name, "must be true or false")
    return value


def _duration(value: Any, field_name: str) -> Duration:
    if not isinstance(value, Mapping) or not isinstance(value.get("durationElements"), Mapping):
        raise BookingError(field_name, "must be an object with durationElements")
    elements: dict[str, int] = {}
    for unit, amount in value["durationElements"].items():
        if unit not in UNITS:
            raise BookingError(field_name, f"unknown unit '{unit}'; one of {', '.join(UNITS)}")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise BookingError(field_name, f"{unit} must be a whole number of at least 0")
        if amount > MAXIMUM_DURATION_COUNT[unit]:
            raise BookingError(field_name, f"{unit} must be at most {MAXIMUM_DURATION_COUNT[unit]}")
        if amount:
            elements[unit] = amount
    duration = Duration(elements)
    if duration.is_empty():
        raise BookingError(field_name, "must be longer than zero", ["ZERO_IMPRISONMENT_TERM"])
    return duration


def _sentence(raw: Any, index: int) -> Sentence:
    where = f"booking.sentences[{index}]"
    if not isinstance(raw, Mapping):
        raise BookingError(where, "must be an object")
    raw_type = raw.get("type", DEFAULT_SENTENCE_TYPE)
    kind = SENTENCE_TYPES.get(raw_type) if isinstance(raw_type, str) else None
    if kind is None:
        raise BookingError(
            f"{where}.type",
            f"'{raw.get('type')}' is not one of {', '.join(SENTENCE_TYPES)}",
            ["UNSUPPORTED_SENTENCE_TYPE"],
        )
    offence = _object(raw.get("offence"), f"{where}.offence")
    if kind in {"EDS", "SOPC"}:
        custodial = _duration(raw.get("custodialDuration"), f"{where}.custodialDuration")
        extension = _duration(raw.get("extensionDuration"), f"{where}.extensionDuration")
    else:
        custodial = _duration(raw.get("duration"), f"{where}.duration")
        extension = Duration()
    arrangements = _object(raw.get("releaseArrangements"), f"{where}.releaseArrangements")
    recall = raw.get("recall")
    recall_type = None
    return_to_custody = None
    if recall is not None:
        recall = _object(recall, f"{where}.recall") or None
    if recall is not None:
        recall_type = recall.get("recallType")
        if recall_type not in RECALL_TYPES:
            raise BookingError(
                f"{where}.recall.recallType",
                f"'{recall_type}' is not one of {', '.join(RECALL_TYPES)}",
                ["UNSUPPORTED_RECALL_TYPE"],
            )
        return_to_custody = _date(
            recall.get("returnToCustodyDate"), f"{where}.recall.returnToCustodyDate", required=False
        )
    consecutive = raw.get("consecutiveSentenceUUIDs")
    if consecutive is None:
        consecutive = []
    if not isinstance(consecutive, list) or not all(isinstance(c, str) for c in consecutive):
        raise BookingError(
            f"{where}.consecutiveSentenceUUIDs", "must be a list of sentence identifiers"
        )
    identifier = raw.get("identifier")
    if identifier is not None and not isinstance(identifier, str):
        raise BookingError(f"{where}.identifier", "must be a string")
    offence_code = offence.get("offenceCode")
    if offence_code is not None and not isinstance(offence_code, str):
        raise BookingError(f"{where}.offence.offenceCode", "must be a string")
    exclusions = arrangements.get("sdsEarlyReleaseExclusions")
    if exclusions is None:
        exclusions = []
    if not isinstance(exclusions, list) or any(e not in EXCLUSION_TYPES for e in exclusions):
        raise BookingError(
            f"{where}.releaseArrangements.sdsEarlyReleaseExclusions",
            f"must be a list of {', '.join(EXCLUSION_TYPES)}",
        )
    return Sentence(
        index=index,
        kind=kind,
        sentenced_at=_date(raw.get("sentencedAt"), f"{where}.sentencedAt"),  # type: ignore[arg-type]
        offence_committed=_date(
            offence.get("committedAt"), f"{where}.offence.committedAt", required=False
        ),
        offence_code=offence_code,
        custodial=custodial,
        extension=extension,
        identifier=identifier,
        consecutive_to=tuple(str(c) for c in consecutive),
        sds_plus=_flag(arrangements.get("isSDSPlus"), f"{where}.releaseArrangements.isSDSPlus"),
        sds_plus_eligible=_flag(
            arrangements.get("isSDSPlusEligibleSentenceTypeLengthAndOffence"),
            f"{where}.releaseArrangements.isSDSPlusEligibleSentenceTypeLengthAndOffence",
        ),
        exclusions=tuple(str(e) for e in exclusions if e != "NO"),
        section250=_flag(
            arrangements.get("isSection250"), f"{where}.releaseArrangements.isSection250"
        ),
        recall_type=recall_type,
        return_to_custody=return_to_custody,
        automatic_release=_flag(raw.get("automaticRelease"), f"{where}.automaticRelease"),
        latest_tused=_date(raw.get("latestTusedDate"), f"{where}.latestTusedDate", required=False),
        fine_amount=_amount(raw.get("fineAmount"), f"{where}.fineAmount"),
    )


def _amount(value: Any, field_name: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise BookingError(field_name, "must be an amount of money of at least 0")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise BookingError(field_name, "must be an amount of money") from None
    if not amount.is_finite():
        raise BookingError(field_name, "must be an amount of money")
    return amount


def _adjustments(raw: Any) -> list[Adjustment]:
    if raw is None:
        return []
    if not isinstance(raw, Mapping):
        raise BookingError("booking.adjustments", "must be an object keyed by adjustment type")
    result: list[Adjustment] = []
    for kind, items in raw.items():
        if kind not in ADJUSTMENT_TYPES:
            raise BookingError(
                f"booking.adjustments.{kind}", f"unknown type; one of {', '.join(ADJUSTMENT_TYPES)}"
            )
        if items is None:
            items = []
        if not isinstance(items, list):
            raise BookingError(f"booking.adjustments.{kind}", "must be a list of adjustments")
        for position, item in enumerate(items):
            where = f"booking.adjustments.{kind}[{position}]"
            if not isinstance(item, Mapping):
                raise BookingError(where, "must be an object")
            # An adjustment recorded without a number of days counts none (the service's
            # default); anything but a whole number, null included, is refused. Tagged bail may
            # be entered as a negative figure correcting an earlier entry (as NOMIS records it).
            raw_days = item.get("numberOfDays", 0)
            if kind in CORRECTABLE_ADJUSTMENTS and isinstance(raw_days, int) and raw_days < 0:
                days = -_whole(-raw_days, f"{where}.numberOfDays", MAXIMUM_ADJUSTMENT_DAYS)
            else:
                days = _whole(raw_days, f"{where}.numberOfDays", MAXIMUM_ADJUSTMENT_DAYS)
            result.append(
                Adjustment(
                    kind=kind,
                    days=days,
                    applies_from=_date(  # type: ignore[arg-type]
                        item.get("appliesToSentencesFrom"), f"{where}.appliesToSentencesFrom"
                    ),
                    from_date=_date(item.get("fromDate"), f"{where}.fromDate", required=False),
                    to_date=_date(item.get("toDate"), f"{where}.toDate", required=False),
                    reason=_reason(item.get("additionalInfo"), f"{where}.additionalInfo"),
                )
            )
    for kind in CORRECTABLE_ADJUSTMENTS:
        if sum(a.days for a in result if a.kind == kind) < 0:
            raise BookingError(
                f"booking.adjustments.{kind}",
                "the corrections take away more days than were recorded",
            )
    return result


def _reason(info: Any, field_name: str) -> str | None:
    if info is None:
        return None
    if not isinstance(info, Mapping):
        raise BookingError(field_name, "must be an object")
    reason = info.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise BookingError(f"{field_name}.reason", "must be a string")
    return reason


def _movements(raw: Any) -> list[ExternalMovement]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BookingError("booking.externalMovements", "must be a list of movements")
    movements = []
    for position, item in enumerate(raw):
        where = f"booking.externalMovements[{position}]"
        if not isinstance(item, Mapping):
            raise BookingError(where, "must be an object")
        direction = item.get("direction")
        if direction not in MOVEMENT_DIRECTIONS:
            raise BookingError(f"{where}.direction", "must be IN or OUT")
        reason = item.get("movementReason")
        if not isinstance(reason, str) or not reason:
            raise BookingError(f"{where}.movementReason", "is required")
        movements.append(
            ExternalMovement(
                date=_date(item.get("movementDate"), f"{where}.movementDate"),  # type: ignore[arg-type]
                reason=reason,
                direction=direction,
            )
        )
    return sorted(movements, key=lambda m: m.date)


def parse_booking(payload: Mapping[str, Any], *, profiles: tuple[str, ...]) -> Booking:
    if not isinstance(payload, Mapping):
        raise BookingError("booking", "the input must be an object with a booking")
    booking = payload.get("booking")
    if not isinstance(booking, Mapping):
        raise BookingError(
            "booking", "is required (an object with offender, sentences, adjustments)"
        )
    offender = booking.get("offender")
    if not isinstance(offender, Mapping):
        raise BookingError("booking.offender", "is required (an object with dateOfBirth)")
    raw_sentences = booking.get("sentences")
    if not isinstance(raw_sentences, list) or not raw_sentences:
        raise BookingError(
            "booking.sentences", "at least one sentence is required", ["NO_SENTENCES"]
        )
    profile = payload.get("params") or "calculation-params"
    if profile not in profiles:
        raise BookingError("params", f"'{profile}' is not one of {', '.join(profiles)}")
    toggles = _object(payload.get("featureToggles"), "featureToggles")
    for name, value in toggles.items():
        _flag(value, f"featureToggles.{name}")
    user_inputs = _object(payload.get("userInputs"), "userInputs")
    ftr_details = _object(booking.get("fixedTermRecallDetails"), "booking.fixedTermRecallDetails")
    recall_length = ftr_details.get("recallLength")
    if recall_length is not None:
        recall_length = _whole(recall_length, "booking.fixedTermRecallDetails.recallLength", 56)
    sentences = [_sentence(raw, i) for i, raw in enumerate(raw_sentences)]
    date_of_birth = _date(offender.get("dateOfBirth"), "booking.offender.dateOfBirth")
    if date_of_birth is not None and any(s.sentenced_at < date_of_birth for s in sentences):
        raise BookingError("booking.offender.dateOfBirth", "is after a sentence date")
    return Booking(
        date_of_birth=date_of_birth,  # type: ignore[arg-type]
        sentences=sentences,
        adjustments=_adjustments(booking.get("adjustments")),
        active_sex_offender=_flag(
            offender.get("isActiveSexOffender"), "booking.offender.isActiveSexOffender"
        ),
        return_to_custody=_date(
            booking.get("returnToCustodyDate"), "booking.returnToCustodyDate", required=False
        ),
        profile=str(profile),
        toggles={str(k): bool(v) for k, v in toggles.items()},
        fixed_recall_length=recall_length,
        has_fixed_term_recall_details=booking.get("fixedTermRecallDetails") is not None,
        external_movements=_movements(booking.get("externalMovements")),
        calculate_ersed=_flag(user_inputs.get("calculateErsed"), "userInputs.calculateErsed"),
    )
