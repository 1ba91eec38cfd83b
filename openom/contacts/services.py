"""Arranging contacts and recording what happened; a failure to comply starts enforcement."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from openom.access.services import audit_record
from openom.contacts.constants import ATTENDED, FAILURES_TO_COMPLY, ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.people.models import Person

# A session is at most a working day (Sentencing Act 2020 Sch 9 para 2: unpaid work hours).
MAX_HOURS_PER_SESSION = Decimal("10")


def contact_arrange(*, person: Person, data: dict[str, Any], actor) -> Contact:
    errors: dict[str, str] = {}
    sentence = data.get("sentence")
    if sentence is not None and sentence.person_id != person.pk:
        errors["sentence"] = "Choose one of this person's sentences"
    requirement = data.get("requirement")
    if requirement is not None and (sentence is None or requirement.sentence_id != sentence.pk):
        errors["requirement"] = "Choose a requirement of the chosen sentence"
    clash = ServiceValidationError(
        "The appointment needs correcting",
        field_errors={"time": f"{person.full_name} already has an appointment at this time"},
    )
    if (
        data.get("starts_at")
        and Contact.objects.filter(person=person, starts_at=data["starts_at"]).exists()
    ):
        errors.update(clash.field_errors)
    if errors:
        raise ServiceValidationError("The appointment needs correcting", field_errors=errors)
    with transaction.atomic():
        try:
            with transaction.atomic():  # the unique index decides a race
                contact = Contact.objects.create(person=person, **data)
        except IntegrityError:
            raise clash from None
        audit_record(actor=actor, person=person, action="contact_arrange", detail=str(contact))
    return contact


def contact_outcome_record(
    *,
    contact: Contact,
    outcome: str,
    version: int,
    actor,
    evidence: str = "",
    notes: str = "",
    hours_credited: Decimal | None = None,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Contact:
    """Record the outcome; an unacceptable failure on an enforceable contact goes to enforcement.

    Correcting an outcome already recorded needs a reason (it can change enforcement): the
    change is kept in the contact's history with it. A failure corrected to an outcome that is
    not a failure withdraws the warning it caused.
    """
    now = now or timezone.now()
    errors: dict[str, str] = {}
    if contact.outcome and outcome != contact.outcome and not reason.strip():
        errors["reason"] = "Say why you are changing the outcome"
    if contact.starts_at > now:
        errors["outcome"] = "The appointment has not happened yet: record its outcome afterwards"
    if outcome == ContactOutcome.ACCEPTABLE_ABSENCE and not evidence.strip():
        errors["evidence"] = "Say what shows the absence was acceptable, for example a sick note"
    if hours_credited is not None:
        if contact.contact_type != ContactType.UNPAID_WORK:
            errors["hours_credited"] = "Only unpaid work sessions credit hours"
        elif outcome not in ATTENDED:
            errors["hours_credited"] = "Hours are credited only when the person attended"
        elif not Decimal(0) < hours_credited <= MAX_HOURS_PER_SESSION:
            errors["hours_credited"] = f"Enter between 0.5 and {MAX_HOURS_PER_SESSION} hours"
    if errors:
        raise ServiceValidationError("The outcome needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        if locked.version != version:
            raise EditConflict(
                "Someone else recorded this contact while you were editing: reload it and check"
            )
        previous = locked.outcome
        locked.outcome = outcome
        locked.evidence = evidence
        locked.notes = notes
        locked.hours_credited = hours_credited
        locked.outcome_recorded_at = now
        locked.outcome_recorded_by = actor
        locked.version += 1
        if previous and previous != outcome:
            locked._change_reason = reason.strip()
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="contact_outcome_correct" if previous else "contact_outcome_record",
            detail=f"{locked}: {previous + ' to ' if previous else ''}{outcome}"
            + (f" ({reason.strip()})" if previous and previous != outcome else ""),
        )
        today = timezone.localdate(now)
        if previous in FAILURES_TO_COMPLY and outcome not in FAILURES_TO_COMPLY:
            from openom.enforcement.services import enforcement_withdraw_for_contact

            enforcement_withdraw_for_contact(
                contact=locked, reason=reason.strip(), actor=actor, today=today
            )
        if outcome in FAILURES_TO_COMPLY and locked.enforceable and locked.sentence_id:
            from openom.enforcement.services import enforcement_review

            enforcement_review(sentence=locked.sentence, actor=actor, today=today)
    return locked
