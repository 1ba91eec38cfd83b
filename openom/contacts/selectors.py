import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from openom.contacts.constants import ATTENDED, FACE_TO_FACE
from openom.contacts.models import Contact
from openom.contacts.rules import (
    FrequencyCompliance,
    UnpaidWorkProgress,
    frequency_compliance,
    unpaid_work_progress,
)
from openom.people.models import Person
from openom.sentencing.constants import RequirementType
from openom.sentencing.models import Requirement, Sentence


def contacts_for(person: Person) -> QuerySet[Contact]:
    return (
        Contact.objects.filter(person=person)
        .select_related("officer", "sentence__event", "requirement")
        .order_by("-starts_at")
    )


@dataclass
class SentenceCompliance:
    sentence: Sentence
    frequency: FrequencyCompliance
    unpaid_work: UnpaidWorkProgress | None
    rar_days_ordered: int | None
    rar_days_used: int


def compliance_for(person: Person, today: dt.date | None = None) -> list[SentenceCompliance]:
    """For each current community sentence or licence: contact frequency and requirement progress."""
    today = today or timezone.localdate()
    sentences = [
        s
        for s in Sentence.objects.filter(
            person=person, termination_date__isnull=True
        ).prefetch_related("requirements")
        if not s.is_custodial or (s.release_date and s.release_date <= today)
    ]
    seen = list(
        Contact.objects.filter(
            person=person, outcome__in=ATTENDED, contact_type__in=FACE_TO_FACE
        ).values_list("sentence_id", "starts_at")
    )
    worked = dict(
        Contact.objects.filter(
            person=person, requirement__isnull=False, hours_credited__isnull=False
        )
        .values_list("requirement_id")
        .annotate(total=Sum("hours_credited"))
    )
    rar_used = dict(
        Contact.objects.filter(person=person, counts_as_rar_day=True, outcome__in=ATTENDED)
        .values_list("sentence_id")
        .annotate(total=Count("pk"))
    )
    results = []
    for sentence in sentences:
        start = sentence.release_date if sentence.is_custodial else sentence.sentence_date
        days = [
            timezone.localdate(timestamp) for sid, timestamp in seen if sid in (sentence.pk, None)
        ]
        frequency = frequency_compliance(
            start=start,
            today=today,
            licence=sentence.is_custodial,
            edition=settings.OPENOM_CONTACT_STANDARDS,
            contact_days=days,
        )
        requirements: list[Requirement] = list(sentence.requirements.all())
        upw = next(
            (r for r in requirements if r.requirement_type == RequirementType.UNPAID_WORK), None
        )
        rar = next(
            (
                r
                for r in requirements
                if r.requirement_type == RequirementType.REHABILITATION_ACTIVITY
            ),
            None,
        )
        results.append(
            SentenceCompliance(
                sentence=sentence,
                frequency=frequency,
                unpaid_work=unpaid_work_progress(
                    ordered=upw.length or 0,
                    worked=Decimal(worked.get(upw.pk, 0)),
                    sentence_date=sentence.sentence_date,
                    today=today,
                )
                if upw
                else None,
                rar_days_ordered=rar.length if rar else None,
                rar_days_used=rar_used.get(sentence.pk, 0),
            )
        )
    return results


def contact_changes(contact: Contact):
    """The contact's history: what was arranged, each outcome recorded and each correction."""
    from openom.core.history import changes_of

    return changes_of(contact)
