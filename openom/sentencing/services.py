"""Recording convictions and sentences, with the statutory limits checked before anything is saved."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from openom.access.services import audit_record
from openom.core.dates import term_end
from openom.core.exceptions import ServiceValidationError
from openom.offences.models import Offence
from openom.people.models import Person
from openom.sentencing.constants import (
    COMMUNITY_ORDER_MAX_MONTHS,
    COMMUNITY_SENTENCES,
    CUSTODIAL_SENTENCES,
    REQUIREMENT_UNITS,
    SSO_MAX_CUSTODIAL_MONTHS,
    SSO_MAX_OPERATIONAL_MONTHS,
    SSO_MIN_CUSTODIAL_DAYS,
    SSO_MIN_OPERATIONAL_MONTHS,
    UNPAID_WORK_MAX_HOURS,
    UNPAID_WORK_MIN_HOURS,
    RequirementType,
    SentenceType,
    TerminationReason,
)
from openom.sentencing.models import Court, Event, EventOffence, Requirement, Sentence

DAYS_PER_MONTH_APPROX = 30  # only to compare a length in days against a limit in months


@dataclass(frozen=True)
class OffenceEntry:
    code: str
    offence_date: dt.date
    is_main: bool = False
    counts: int = 1


def event_create(
    *,
    person: Person,
    court: Court,
    conviction_date: dt.date,
    plea: str,
    offences: list[OffenceEntry],
    actor,
    today: dt.date | None = None,
) -> Event:
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if conviction_date > today:
        errors["conviction_date"] = "The conviction date must be today or in the past"
    if not offences:
        errors["offences"] = "Add at least one offence"
    codes = [entry.code.strip() for entry in offences]
    known = {o.code: o for o in Offence.objects.filter(code__in=codes, active=True)}
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors["offences"] = (
            f"Offence code {', '.join(unknown)} is not in the offence catalogue: "
            "check the code, or choose the offence from the list"
        )
    if offences and sum(1 for entry in offences if entry.is_main) != 1:
        errors.setdefault("offences", "Mark exactly one offence as the main offence")
    for entry in offences:
        if entry.offence_date > conviction_date:
            errors["offence_date"] = "Offence dates must be on or before the conviction date"
    if errors:
        raise ServiceValidationError("The event needs correcting", field_errors=errors)

    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        number = (
            Event.objects.filter(person=person).aggregate(Max("number"))["number__max"] or 0
        ) + 1
        event = Event.objects.create(
            person=person,
            number=number,
            court=court,
            conviction_date=conviction_date,
            plea=plea,
            created_by=actor,
        )
        EventOffence.objects.bulk_create(
            EventOffence(
                event=event,
                offence=known[entry.code.strip()],
                is_main=entry.is_main,
                offence_date=entry.offence_date,
                counts=entry.counts,
            )
            for entry in offences
        )
        audit_record(actor=actor, person=person, action="event_create", detail=f"Event {number}")
    return event


def _months(years: int, months: int, days: int, weeks: int = 0) -> float:
    return years * 12 + months + (weeks * 7 + days) / DAYS_PER_MONTH_APPROX


def sentence_expected_end(
    *,
    sentence_type: str,
    sentence_date: dt.date,
    length_years: int = 0,
    length_months: int = 0,
    length_days: int = 0,
    operational_period_months: int | None = None,
    extension_period_months: int | None = None,
    length_weeks: int = 0,
) -> dt.date | None:
    """The end of the order, or the sentence expiry of a custodial term; None if indeterminate."""
    if sentence_type in {SentenceType.LIFE, SentenceType.IPP, SentenceType.HOSPITAL_ORDER}:
        return None
    if sentence_type == SentenceType.SUSPENDED_SENTENCE_ORDER:
        return term_end(sentence_date, months=operational_period_months or 0)
    extra_months = 0
    if sentence_type in {
        SentenceType.EXTENDED_DETERMINATE,
        SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
    }:
        extra_months = extension_period_months or 0
    return term_end(
        sentence_date,
        years=length_years,
        months=length_months + extra_months,
        weeks=length_weeks,
        days=length_days,
    )


def _check_sentence(event: Event, data: dict[str, Any], today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    kind = data["sentence_type"]
    sentence_date = data["sentence_date"]
    length = _months(
        data.get("length_years", 0),
        data.get("length_months", 0),
        data.get("length_days", 0),
        data.get("length_weeks", 0),
    )
    if sentence_date > today:
        errors["sentence_date"] = "The sentence date must be today or in the past"
    elif sentence_date < event.conviction_date:
        errors["sentence_date"] = (
            f"The sentence date must be on or after the conviction date ({event.conviction_date:%d %m %Y})"
        )
    needs_length = kind not in {SentenceType.HOSPITAL_ORDER}
    if needs_length and length <= 0:
        errors["length_months"] = "Enter the length of the sentence"
    if (
        kind in {SentenceType.COMMUNITY_ORDER, SentenceType.YOUTH_REHABILITATION_ORDER}
        and length > COMMUNITY_ORDER_MAX_MONTHS
    ):
        errors["length_months"] = (
            f"A community order can last at most {COMMUNITY_ORDER_MAX_MONTHS} months"
        )
    if kind == SentenceType.SUSPENDED_SENTENCE_ORDER:
        total_days = (
            term_end(
                sentence_date,
                years=data.get("length_years", 0),
                months=data.get("length_months", 0),
                weeks=data.get("length_weeks", 0),
                days=data.get("length_days", 0),
            )
            - sentence_date
        ).days + 1
        if total_days < SSO_MIN_CUSTODIAL_DAYS or length > SSO_MAX_CUSTODIAL_MONTHS:
            errors["length_months"] = (
                f"A suspended custodial term must be between {SSO_MIN_CUSTODIAL_DAYS} days and "
                f"{SSO_MAX_CUSTODIAL_MONTHS} months"
            )
        operational = data.get("operational_period_months")
        if (
            operational is None
            or not SSO_MIN_OPERATIONAL_MONTHS <= operational <= SSO_MAX_OPERATIONAL_MONTHS
        ):
            errors["operational_period_months"] = (
                f"Enter an operational period of {SSO_MIN_OPERATIONAL_MONTHS} to "
                f"{SSO_MAX_OPERATIONAL_MONTHS} months"
            )
    if kind in {
        SentenceType.EXTENDED_DETERMINATE,
        SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
    } and not data.get("extension_period_months"):
        errors["extension_period_months"] = "Enter the extended licence period in months"
    if kind not in CUSTODIAL_SENTENCES:
        for name, label in (
            ("sds_plus", "SDS+"),
            ("sds40_exclusion", "An exclusion from release at 40%"),
            ("section_250", "Detention under section 250"),
        ):
            if data.get(name) not in (None, "", False):
                errors[name] = f"{label} applies only to a custodial sentence"
    termination_date = data.get("termination_date")
    if termination_date is not None:
        if termination_date < sentence_date:
            errors["termination_date"] = (
                "The sentence cannot end before it starts: check the end date"
            )
        elif termination_date > today:
            errors["termination_date"] = "The end date must be today or in the past"
        if not data.get("termination_reason"):
            errors["termination_reason"] = "Choose why the sentence ended"
    release_date = data.get("release_date")
    if release_date is not None:
        if kind not in CUSTODIAL_SENTENCES:
            errors["release_date"] = "Only a custodial sentence has a release date"
        elif release_date < sentence_date:
            errors["release_date"] = "The release date must be on or after the sentence date"
    return errors


def _check_requirements(kind: str, requirements: list[dict[str, Any]]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if requirements and kind not in COMMUNITY_SENTENCES:
        errors["requirements"] = (
            "Only community sentences and suspended sentence orders have requirements"
        )
    for requirement in requirements:
        if requirement["requirement_type"] == RequirementType.UNPAID_WORK:
            hours = requirement.get("length") or 0
            if not UNPAID_WORK_MIN_HOURS <= hours <= UNPAID_WORK_MAX_HOURS:
                errors["unpaid_work_hours"] = (
                    f"Unpaid work must be between {UNPAID_WORK_MIN_HOURS} and {UNPAID_WORK_MAX_HOURS} hours"
                )
    return errors


def _consecutive_target(event: Event, number: int, sentence_type: str) -> Sentence:
    """The custodial sentence on the person's event `number` that a new sentence follows."""
    if sentence_type not in CUSTODIAL_SENTENCES:
        raise ServiceValidationError(
            "Only custody runs consecutively",
            field_errors={
                "consecutive_to_event": "Only a custodial sentence can run consecutively"
            },
        )
    target = (
        Sentence.objects.filter(
            person_id=event.person_id, event__number=number, termination_date__isnull=True
        )
        .exclude(event=event)
        .filter(sentence_type__in=CUSTODIAL_SENTENCES)
        .first()
    )
    if target is None:
        raise ServiceValidationError(
            "No such sentence",
            field_errors={
                "consecutive_to_event": f"Event {number} has no current custodial sentence: check the event number"
            },
        )
    return target


def sentence_create(
    *,
    event: Event,
    data: dict[str, Any],
    requirements: list[dict[str, Any]] | None = None,
    actor,
    today: dt.date | None = None,
) -> Sentence:
    """Record the court's sentence on an event, with its requirements; nothing is saved if any part is wrong."""
    today = today or timezone.localdate()
    data = dict(data)
    requirements = requirements or []
    errors = _check_sentence(event, data, today) | _check_requirements(
        data["sentence_type"], requirements
    )
    if errors:
        raise ServiceValidationError("The sentence needs correcting", field_errors=errors)
    if data.get("termination_date") is None:
        data = {**data, "termination_reason": ""}
    expected_end = sentence_expected_end(
        sentence_type=data["sentence_type"],
        sentence_date=data["sentence_date"],
        length_years=data.get("length_years", 0),
        length_months=data.get("length_months", 0),
        length_days=data.get("length_days", 0),
        length_weeks=data.get("length_weeks", 0),
        operational_period_months=data.get("operational_period_months"),
        extension_period_months=data.get("extension_period_months"),
    )
    consecutive_event = data.pop("consecutive_to_event", None)
    if consecutive_event is not None:
        data["consecutive_to"] = _consecutive_target(
            event, consecutive_event, data["sentence_type"]
        )
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        sentence = Sentence.objects.create(
            event=event, person_id=event.person_id, expected_end_date=expected_end, **data
        )
        Requirement.objects.bulk_create(
            Requirement(
                sentence=sentence,
                start_date=sentence.sentence_date,
                length_unit=REQUIREMENT_UNITS[r["requirement_type"]],
                **r,
            )
            for r in requirements
        )
        if sentence.is_custodial:
            from openom.release.services import release_dates_recalculate

            release_dates_recalculate(
                person=event.person, actor=actor, reason=f"Sentence added to event {event.number}"
            )
        audit_record(
            actor=actor,
            person=event.person,
            action="sentence_create",
            detail=f"Event {event.number}: {sentence}",
        )
    return sentence


def sentence_terminate(
    *, sentence: Sentence, termination_date: dt.date, reason: TerminationReason, actor
) -> Sentence:
    with transaction.atomic():
        locked = Sentence.objects.select_for_update().get(pk=sentence.pk)
        if locked.termination_date is not None:
            raise ServiceValidationError("This sentence has already ended")
        if termination_date < locked.sentence_date:
            raise ServiceValidationError(
                "The sentence cannot end before it starts",
                field_errors={
                    "termination_date": "The end date must be on or after the sentence date"
                },
            )
        locked.termination_date = termination_date
        locked.termination_reason = reason
        locked.version += 1
        locked.save()
        locked.requirements.filter(termination_date__isnull=True).update(
            termination_date=termination_date, termination_reason=reason
        )
        audit_record(actor=actor, person=locked.person, action="sentence_terminate", detail=reason)
        if locked.is_custodial:
            from openom.release.services import release_dates_recalculate

            release_dates_recalculate(
                person=locked.person, actor=actor, reason="A custodial sentence ended"
            )
    return locked


def licence_supervision_cease(
    *, sentence: Sentence, ceased_on: dt.date, version: int, actor
) -> Sentence:
    """Active supervision of a licence ceased on `ceased_on`; the licence itself runs on.

    The HMPPS Tier service shows such a case as unsupervised, with an "S" after its tier.
    """
    with transaction.atomic():
        locked = Sentence.objects.select_for_update().get(pk=sentence.pk)
        if locked.version != version:
            raise ServiceValidationError(
                "Someone else updated this sentence: reload the page and check it"
            )
        if not locked.is_custodial or locked.release_date is None:
            raise ServiceValidationError("Only a licence after release can cease to be supervised")
        if locked.termination_date is not None:
            raise ServiceValidationError("This sentence has already ended")
        if ceased_on < locked.release_date:
            raise ServiceValidationError(
                "Check the date",
                field_errors={
                    "ceased_on": "Supervision cannot cease before the release date "
                    f"({locked.release_date:%d %B %Y})"
                },
            )
        locked.supervision_ceased_on = ceased_on
        locked.version += 1
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="licence_supervision_cease",
            detail=f"{locked}: supervision ceased {ceased_on.isoformat()}",
        )
    return locked
