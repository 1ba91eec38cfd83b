"""Release dates for a custody case: computed as soon as a sentence is entered, recomputed on
every change, and the change notified (seed 002 rec 11.iii: dates known early, never a surprise)."""

import datetime as dt
from typing import Any

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
from openom.release.constants import DATE_LABELS, PERIOD_ADJUSTMENTS, AdjustmentKind
from openom.release.models import CustodyAdjustment, ReleaseCalculation
from openom.release.rules.arrangements import OffenceFlags, is_sds_plus, sds40_exclusions
from openom.sentencing.constants import SentenceType
from openom.sentencing.models import Sentence

BOOKING_SENTENCE_TYPES = {
    SentenceType.DETERMINATE_CUSTODY: "StandardSentence",
    SentenceType.EXTENDED_DETERMINATE: "ExtendedDeterminateSentence",
    SentenceType.OFFENDER_OF_PARTICULAR_CONCERN: "SopcSentence",
    SentenceType.DETENTION_AND_TRAINING_ORDER: "DetentionAndTrainingOrderSentence",
}
RELEASE_PARAMETERS_PROFILE = "calculation-params"


def _duration(sentence: Sentence) -> dict[str, Any]:
    elements = {
        unit: value
        for unit, value in (
            ("YEARS", sentence.length_years),
            ("MONTHS", sentence.length_months),
            ("DAYS", sentence.length_days),
        )
        if value
    }
    return {"durationElements": elements}


def booking_for(person: Person) -> dict[str, Any] | None:
    """The person's current determinate custodial sentences and adjustments as a booking."""
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
    booking_sentences = []
    for sentence in sentences:
        offences = [
            OffenceFlags(o.offence.schedule_15_violent, o.offence.schedule_15_sexual)
            for o in sentence.event.event_offences.all()
        ]
        main = next((o for o in sentence.event.event_offences.all() if o.is_main), None)
        custodial_days = (
            term_end(
                sentence.sentence_date,
                years=sentence.length_years,
                months=sentence.length_months,
                days=sentence.length_days,
            )
            - sentence.sentence_date
        ).days + 1
        entry: dict[str, Any] = {
            "type": BOOKING_SENTENCE_TYPES[SentenceType(sentence.sentence_type)],
            "identifier": str(sentence.pk),
            "sentencedAt": sentence.sentence_date.isoformat(),
            "offence": {
                "committedAt": (
                    main.offence_date if main else sentence.event.conviction_date
                ).isoformat(),
                "offenceCode": main.offence.code if main else None,
            },
            "releaseArrangements": {
                "isSDSPlus": is_sds_plus(
                    sentenced_at=sentence.sentence_date,
                    custodial_days=custodial_days,
                    age_at_sentence=age_on(person.date_of_birth, sentence.sentence_date),
                    offences=offences,
                ),
                "isSDSPlusEligibleSentenceTypeLengthAndOffence": False,
                "sdsEarlyReleaseExclusions": sds40_exclusions(
                    custodial_days=custodial_days, offences=offences
                ),
                "isSection250": False,
            },
        }
        if sentence.sentence_type in {
            SentenceType.EXTENDED_DETERMINATE,
            SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
        }:
            entry["custodialDuration"] = _duration(sentence)
            entry["extensionDuration"] = {
                "durationElements": {"MONTHS": sentence.extension_period_months or 12}
            }
        else:
            entry["duration"] = _duration(sentence)
        if sentence.consecutive_to_id:
            entry["consecutiveSentenceUUIDs"] = [str(sentence.consecutive_to_id)]
        booking_sentences.append(entry)
    applies_from = sentences[0].sentence_date.isoformat()
    adjustments: dict[str, list[dict[str, Any]]] = {}
    for adjustment in CustodyAdjustment.objects.filter(person=person).order_by("pk"):
        item: dict[str, Any] = {
            "appliesToSentencesFrom": applies_from,
            "numberOfDays": adjustment.days,
        }
        if adjustment.from_date:
            item["fromDate"] = adjustment.from_date.isoformat()
        if adjustment.to_date:
            item["toDate"] = adjustment.to_date.isoformat()
        adjustments.setdefault(adjustment.kind, []).append(item)
    return {
        "booking": {
            "offender": {"reference": person.crn, "dateOfBirth": person.date_of_birth.isoformat()},
            "sentences": booking_sentences,
            "adjustments": adjustments,
        },
        "params": RELEASE_PARAMETERS_PROFILE,
    }


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
    booking = booking_for(person)
    previous = ReleaseCalculation.objects.filter(person=person).first()
    if booking is None:
        if previous is None or not previous.dates:
            return None
        dates: dict[str, str] = {}
        calculation = ReleaseCalculation.objects.create(
            person=person,
            reason=reason,
            calculated_by=actor,
            error="No current determinate custodial sentence",
        )
    else:
        try:
            result = calculate_release_dates(booking)
        except ReleaseInputError as error:
            calculation = ReleaseCalculation.objects.create(
                person=person, reason=reason, calculated_by=actor, error=error.message
            )
            dates = {}
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


def custody_adjustment_add(*, person: Person, data: dict[str, Any], actor) -> CustodyAdjustment:
    kind = data["kind"]
    from_date, to_date, days = data.get("from_date"), data.get("to_date"), data.get("days")
    errors: dict[str, str] = {}
    if kind in PERIOD_ADJUSTMENTS:
        if from_date is None:
            errors["from_date"] = "Enter the date the period started"
        if to_date is None:
            errors["to_date"] = "Enter the date the period ended"
        if from_date and to_date:
            if to_date < from_date:
                errors["to_date"] = "The end of the period must be on or after its start"
            else:
                days = (to_date - from_date).days + (
                    1 if kind == AdjustmentKind.UNLAWFULLY_AT_LARGE else 0
                )
    elif not days:
        errors["days"] = "Enter the number of days"
    if errors:
        raise ServiceValidationError("The adjustment needs correcting", field_errors=errors)
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        adjustment = CustodyAdjustment.objects.create(
            person=person,
            kind=kind,
            days=days,
            from_date=from_date,
            to_date=to_date,
            recorded_by=actor,
        )
        audit_record(
            actor=actor, person=person, action="custody_adjustment_add", detail=str(adjustment)
        )
        release_dates_recalculate(
            person=person, actor=actor, reason=f"{AdjustmentKind(kind).label} of {days} days added"
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
