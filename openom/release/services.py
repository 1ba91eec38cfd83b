"""Release dates for a custody case: computed as soon as a sentence is entered, recomputed on
every change, and the change notified (seed 002 rec 11.iii: dates known early, never a surprise)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import SharingBasis
from openom.access.models import CaseShare
from openom.access.services import audit_record
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.core.dates import age_on, term_end
from openom.core.exceptions import ServiceValidationError
from openom.notifications.services import notifications_send
from openom.people.models import Person
from openom.release.calculators import ReleaseInputError
from openom.release.calculators import calculate as calculate_release_dates
from openom.release.constants import (
    BEFORE_SENTENCE_ADJUSTMENTS,
    DATE_LABELS,
    DATED_ADJUSTMENTS,
    EARLIEST_ADJUSTMENT_DATE,
    PERIOD_ADJUSTMENTS,
    SENTENCE_ADJUSTMENTS,
    AdjustmentKind,
)
from openom.release.models import CustodyAdjustment, ReleaseCalculation
from openom.release.rules.arrangements import OffenceFlags, is_sds_plus, sds40_exclusions
from openom.release.rules.booking import ADJUSTMENT_TYPES as ENGINE_ADJUSTMENT_TYPES
from openom.sentencing.constants import Sds40Exclusion, SentenceType
from openom.sentencing.models import Sentence

BOOKING_SENTENCE_TYPES = {
    SentenceType.DETERMINATE_CUSTODY: "StandardSentence",
    SentenceType.EXTENDED_DETERMINATE: "ExtendedDeterminateSentence",
    SentenceType.OFFENDER_OF_PARTICULAR_CONCERN: "SopcSentence",
    SentenceType.DETENTION_AND_TRAINING_ORDER: "DetentionAndTrainingOrderSentence",
}
EXTENDED_SENTENCES = frozenset(
    {SentenceType.EXTENDED_DETERMINATE, SentenceType.OFFENDER_OF_PARTICULAR_CONCERN}
)
# Which parameter profile, bank-holiday calendar and feature toggles the calculation uses. A
# deployment may set these in settings; the conformance tests set them as the MoJ's tests do.
RELEASE_PARAMETERS_PROFILE = "calculation-params"


class ReleaseFactMissing(Exception):
    """The case record lacks a fact the calculation needs; `message` names it for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _imposed(sentence: Sentence) -> str:
    kind = {
        SentenceType.DETERMINATE_CUSTODY: "determinate sentence",
        SentenceType.EXTENDED_DETERMINATE: "extended sentence",
        SentenceType.OFFENDER_OF_PARTICULAR_CONCERN: "sentence for an offender of particular concern",
        SentenceType.DETENTION_AND_TRAINING_ORDER: "detention and training order",
    }[SentenceType(sentence.sentence_type)]
    return f"the {kind} imposed on {long_date(sentence.sentence_date)}"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _duration(sentence: Sentence) -> dict[str, Any]:
    elements = {
        unit: value
        for unit, value in (
            ("YEARS", sentence.length_years),
            ("MONTHS", sentence.length_months),
            ("WEEKS", sentence.length_weeks),
            ("DAYS", sentence.length_days),
        )
        if value
    }
    if not elements:
        raise ReleaseFactMissing(f"Enter the length of {_imposed(sentence)}")
    return {"durationElements": elements}


def _custodial_days(sentence: Sentence) -> int:
    return (
        term_end(
            sentence.sentence_date,
            years=sentence.length_years,
            months=sentence.length_months,
            weeks=sentence.length_weeks,
            days=sentence.length_days,
        )
        - sentence.sentence_date
    ).days + 1


def _release_arrangements(person: Person, sentence: Sentence) -> dict[str, Any]:
    """SDS+ and the SDS40 exclusions: as recorded on the sentence, else from its offences."""
    offences = [
        OffenceFlags(o.offence.schedule_15_violent, o.offence.schedule_15_sexual)
        for o in sentence.event.event_offences.all()
    ]
    custodial_days = _custodial_days(sentence)
    if sentence.sds_plus is not None:
        sds_plus = sentence.sds_plus
    else:
        sds_plus = is_sds_plus(
            sentenced_at=sentence.sentence_date,
            custodial_days=custodial_days,
            age_at_sentence=age_on(person.date_of_birth, sentence.sentence_date),
            offences=offences,
        )
    if sentence.sds40_exclusion == Sds40Exclusion.NONE:
        exclusions: list[str] = []
    elif sentence.sds40_exclusion:
        exclusions = [sentence.sds40_exclusion]
    else:
        exclusions = sds40_exclusions(custodial_days=custodial_days, offences=offences)
    return {
        "isSDSPlus": sds_plus,
        "isSDSPlusEligibleSentenceTypeLengthAndOffence": False,
        "sdsEarlyReleaseExclusions": exclusions,
        "isSection250": sentence.section_250,
    }


def _booking_sentence(person: Person, sentence: Sentence, included: set[int]) -> dict[str, Any]:
    main = sentence.event.main_offence
    if main is None:
        raise ReleaseFactMissing(
            f"Record the main offence and the date it was committed for event "
            f"{sentence.event.number} ({_imposed(sentence)})"
        )
    entry: dict[str, Any] = {
        "type": BOOKING_SENTENCE_TYPES[SentenceType(sentence.sentence_type)],
        "identifier": str(sentence.pk),
        "sentencedAt": sentence.sentence_date.isoformat(),
        "offence": {
            "committedAt": main.offence_date.isoformat(),
            "offenceCode": main.offence.code,
        },
        "releaseArrangements": _release_arrangements(person, sentence),
    }
    if sentence.sentence_type in EXTENDED_SENTENCES:
        if not sentence.extension_period_months:
            raise ReleaseFactMissing(f"Enter the extension period for {_imposed(sentence)}")
        entry["custodialDuration"] = _duration(sentence)
        entry["extensionDuration"] = {
            "durationElements": {"MONTHS": sentence.extension_period_months}
        }
    else:
        entry["duration"] = _duration(sentence)
    if sentence.consecutive_to_id:
        if sentence.consecutive_to_id not in included:
            raise ReleaseFactMissing(
                f"{_imposed(sentence).capitalize()} runs consecutively to a sentence that has "
                "ended or is not a determinate custodial sentence: check which sentence it follows"
            )
        entry["consecutiveSentenceUUIDs"] = [str(sentence.consecutive_to_id)]
    return entry


def _adjustment_label(adjustment: CustodyAdjustment) -> str:
    return (
        f"{AdjustmentKind(adjustment.kind).label.split(' (')[0].lower()} of {adjustment.days} days"
    )


def _booking_adjustment(
    adjustment: CustodyAdjustment, sentences: list[Sentence]
) -> dict[str, Any] | None:
    """One adjustment as the calculation takes it; None if it counts towards no current sentence."""
    kind = AdjustmentKind(adjustment.kind)
    if kind not in ENGINE_ADJUSTMENT_TYPES:
        raise ReleaseFactMissing(
            f"The {_adjustment_label(adjustment)} cannot be calculated automatically yet: "
            "ask the prison's calculation team for a manual calculation"
        )
    if kind in SENTENCE_ADJUSTMENTS:
        if adjustment.sentence_id is None:
            dates = {s.sentence_date for s in sentences}
            if len(dates) != 1:
                raise ReleaseFactMissing(
                    f"Choose the sentence the {_adjustment_label(adjustment)} counts towards"
                )
            applies_from = sentences[0].sentence_date
        else:
            sentence = next((s for s in sentences if s.pk == adjustment.sentence_id), None)
            if sentence is None:
                return None  # it counted towards a sentence that has ended
            applies_from = sentence.sentence_date
    else:
        if adjustment.from_date is None:
            raise ReleaseFactMissing(
                f"Enter the date of the {_adjustment_label(adjustment)}"
                + (
                    " (the first day unlawfully at large)"
                    if kind == AdjustmentKind.UNLAWFULLY_AT_LARGE
                    else ""
                )
            )
        applies_from = adjustment.from_date
    item: dict[str, Any] = {
        "appliesToSentencesFrom": applies_from.isoformat(),
        "numberOfDays": adjustment.days,
    }
    if adjustment.from_date:
        item["fromDate"] = adjustment.from_date.isoformat()
    if adjustment.to_date:
        item["toDate"] = adjustment.to_date.isoformat()
    return item


def booking_for(person: Person) -> dict[str, Any] | None:
    """The person's current determinate custodial sentences and adjustments as a booking (the
    calculate-release-dates-api format); None if there is nothing to calculate.

    Raises ReleaseFactMissing, naming the fact, rather than guessing anything the record lacks."""
    sentences = list(
        Sentence.objects.filter(
            person=person,
            termination_date__isnull=True,
            sentence_type__in=list(BOOKING_SENTENCE_TYPES),
        )
        .select_related("event")
        .prefetch_related("event__event_offences__offence")
        .order_by("sentence_date", "pk")
    )
    if not sentences:
        return None
    included = {s.pk for s in sentences}
    booking_sentences = [_booking_sentence(person, s, included) for s in sentences]
    adjustments: dict[str, list[dict[str, Any]]] = {}
    for adjustment in CustodyAdjustment.objects.filter(person=person).order_by("from_date", "pk"):
        item = _booking_adjustment(adjustment, sentences)
        if item is not None:
            adjustments.setdefault(adjustment.kind, []).append(item)
    return {
        "booking": {
            "offender": {"reference": person.crn, "dateOfBirth": person.date_of_birth.isoformat()},
            "sentences": booking_sentences,
            "adjustments": adjustments,
        },
        "params": getattr(settings, "RELEASE_PARAMETERS_PROFILE", RELEASE_PARAMETERS_PROFILE),
        "featureToggles": dict(getattr(settings, "RELEASE_FEATURE_TOGGLES", {})),
    }


def release_calculate(person: Person) -> dict[str, Any] | None:
    """The person's release dates from the case record, as the case page shows them."""
    booking = booking_for(person)
    if booking is None:
        return None
    return calculate_release_dates(
        booking, bank_holidays=getattr(settings, "RELEASE_BANK_HOLIDAYS", None)
    )


def _coordinators(person: Person, today: dt.date) -> list[User]:
    """MAPPA coordinators and IOM leads of the agencies managing the person in a cohort."""
    active = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    shares = CaseShare.objects.filter(person=person).filter(active)
    mappa_agencies = shares.filter(basis=SharingBasis.MAPPA).values("agency_id")
    iom_agencies = shares.filter(basis=SharingBasis.IOM).values("agency_id")
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(agency_id__in=mappa_agencies, roles__role=Role.MAPPA_COORDINATOR)
            | Q(agency_id__in=iom_agencies, roles__role=Role.POLICE_OFFENDER_MANAGER)
        )
        .distinct()
    )


def _describe_change(old: dict[str, str], new: dict[str, str]) -> list[str]:
    lines = []
    for code in sorted(set(old) | set(new)):
        before, after = old.get(code), new.get(code)
        if before != after:
            label = DATE_LABELS.get(code, code)
            lines.append(f"{label} ({code}): {before or 'none'} → {after or 'none'}")
    return lines


def release_dates_recalculate(
    *, person: Person, actor, reason: str, today: dt.date | None = None
) -> ReleaseCalculation | None:
    """Recalculate and store the release dates; notify the case's managers of any change."""
    today = today or timezone.localdate()
    previous = ReleaseCalculation.objects.filter(person=person).first()
    dates: dict[str, str] = {}
    try:
        result = release_calculate(person)
    except (ReleaseFactMissing, ReleaseInputError) as error:
        calculation = ReleaseCalculation.objects.create(
            person=person, reason=reason, calculated_by=actor, error=error.message
        )
    else:
        if result is None:
            if previous is None or not previous.dates:
                return None
            calculation = ReleaseCalculation.objects.create(
                person=person,
                reason=reason,
                calculated_by=actor,
                error="No current determinate custodial sentence",
            )
        else:
            dates = result["dates"]
            calculation = ReleaseCalculation.objects.create(
                person=person,
                reason=reason,
                calculated_by=actor,
                dates=dates,
                effective_sentence_length=result["effectiveSentenceLength"],
                breakdown=_jsonable(result["breakdown"]),
            )
    if previous is not None and previous.dates != dates:
        changes = _describe_change(previous.dates, dates)
        allocation = (
            CaseAllocation.objects.filter(person=person, end_date__isnull=True)
            .select_related("offender_manager")
            .first()
        )
        recipients = [
            allocation.offender_manager if allocation else None,
            *_coordinators(person, today),
        ]
        notifications_send(
            recipients=[u for u in recipients if u is not None and u != actor],
            person=person,
            subject=f"Release dates changed for {person.full_name} ({person.crn})",
            body=f"{reason}.\n" + "\n".join(changes),
            link=reverse("release:dates", args=[person.crn]),
        )
    return calculation


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def adjustable_sentences(person: Person) -> list[Sentence]:
    """The current determinate custodial sentences an adjustment can count towards."""
    return list(
        Sentence.objects.filter(
            person=person,
            termination_date__isnull=True,
            sentence_type__in=list(BOOKING_SENTENCE_TYPES),
        )
        .select_related("event")
        .order_by("sentence_date", "pk")
    )


def _check_adjustment(
    person: Person, data: dict[str, Any], today: dt.date
) -> tuple[dict[str, Any], dict[str, str]]:
    """The adjustment to save (days worked out, sentence chosen) and any errors, by field."""
    errors: dict[str, str] = {}
    try:
        kind = AdjustmentKind(data.get("kind"))
    except ValueError:
        return {}, {"kind": "Choose the kind of adjustment"}
    from_date, to_date, days = data.get("from_date"), data.get("to_date"), data.get("days")
    sentence = data.get("sentence")
    earliest = max(EARLIEST_ADJUSTMENT_DATE, person.date_of_birth)
    for name, value in (("from_date", from_date), ("to_date", to_date)):
        if value is None:
            continue
        if value < earliest:
            errors[name] = f"The date must be on or after {long_date(earliest)}" + (
                " (the date of birth)" if earliest == person.date_of_birth else ""
            )
        elif value > today:
            errors[name] = "The date must be today or in the past"
    if days is not None and days < 1:
        errors["days"] = "The number of days must be 1 or more"
    if kind in PERIOD_ADJUSTMENTS:
        if from_date is None:
            errors.setdefault("from_date", "Enter the date the period started")
        if to_date is None:
            errors.setdefault("to_date", "Enter the date the period ended")
        if from_date and to_date and not errors:
            if to_date < from_date:
                errors["to_date"] = "The end of the period must be on or after its start"
            else:
                # Both the first and the last day count (CJA 2003 s240ZA: each day in custody).
                period = (to_date - from_date).days + 1
                if days is None:
                    days = period
                elif days > period:
                    errors["days"] = (
                        f"The number of days cannot be more than the {period} days from "
                        f"{long_date(from_date)} to {long_date(to_date)}"
                    )
    else:
        if kind in DATED_ADJUSTMENTS and from_date is None:
            errors.setdefault(
                "from_date",
                "Enter the date the days were restored"
                if kind == AdjustmentKind.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED
                else "Enter the date the days were awarded",
            )
        if to_date is not None and (kind in DATED_ADJUSTMENTS or from_date is None):
            errors.setdefault("to_date", "Leave the end date blank for this kind of adjustment")
        if from_date and to_date and to_date < from_date:
            errors.setdefault("to_date", "The end of the period must be on or after its start")
        if days is None:
            errors.setdefault("days", "Enter the number of days")
    if kind in SENTENCE_ADJUSTMENTS:
        candidates = adjustable_sentences(person)
        if sentence is None and len(candidates) == 1:
            sentence = candidates[0]
        if sentence is None:
            errors["sentence"] = (
                "Choose the sentence the adjustment counts towards"
                if candidates
                else "There is no current determinate custodial sentence for it to count towards"
            )
        elif sentence.pk not in {c.pk for c in candidates}:
            errors["sentence"] = "Choose one of the current custodial sentences"
        elif (
            kind in BEFORE_SENTENCE_ADJUSTMENTS
            and to_date is not None
            and to_date >= sentence.sentence_date
            and "to_date" not in errors
        ):
            errors["to_date"] = (
                f"Time on remand counts only before the sentence: the period must end before "
                f"{long_date(sentence.sentence_date)}, the date of {_imposed(sentence)}"
            )
    else:
        sentence = None
    if (
        kind == AdjustmentKind.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED
        and days
        and "days" not in errors
    ):
        # Prison Rules 1999 r.61: a governor may restore days awarded, never more than were awarded.
        kinds = CustodyAdjustment.objects.filter(person=person)
        awarded = sum(a.days for a in kinds if a.kind == AdjustmentKind.ADDITIONAL_DAYS_AWARDED)
        restored = sum(
            a.days for a in kinds if a.kind == AdjustmentKind.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED
        )
        if days > awarded - restored:
            errors["days"] = (
                f"Only {max(awarded - restored, 0)} additional days awarded are left to restore"
            )
    cleaned = {
        "kind": kind,
        "from_date": from_date,
        "to_date": to_date,
        "days": days,
        "sentence": sentence,
    }
    return cleaned, errors


def custody_adjustment_add(
    *, person: Person, data: dict[str, Any], actor, today: dt.date | None = None
) -> CustodyAdjustment:
    """Record an adjustment and recalculate the release dates; nothing is saved if any part is
    wrong."""
    today = today or timezone.localdate()
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        cleaned, errors = _check_adjustment(person, data, today)
        if errors:
            raise ServiceValidationError("The adjustment needs correcting", field_errors=errors)
        adjustment = CustodyAdjustment.objects.create(person=person, recorded_by=actor, **cleaned)
        audit_record(
            actor=actor, person=person, action="custody_adjustment_add", detail=str(adjustment)
        )
        release_dates_recalculate(
            person=person,
            actor=actor,
            reason=f"{cleaned['kind'].label} of {cleaned['days']} days added",
            today=today,
        )
    return adjustment


def custody_adjustment_remove(*, adjustment: CustodyAdjustment, actor) -> None:
    person = adjustment.person
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        description = str(adjustment)
        adjustment.delete()
        audit_record(
            actor=actor, person=person, action="custody_adjustment_remove", detail=description
        )
        release_dates_recalculate(person=person, actor=actor, reason=f"{description} removed")
