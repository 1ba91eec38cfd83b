"""Victim contact records (DVCVA 2004 s35): kept by victim liaison officers."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from openom.access.constants import Relationship
from openom.access.policy import case_access
from openom.access.services import audit_record
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.formats import email_problem, phone_problem
from openom.people.models import Person
from openom.victims.models import ContactPreference, Victim, VictimSummaryShare


def victim_problems(data: dict[str, Any], today: dt.date) -> dict[str, str]:
    """What is wrong with a victim's details, field by field."""
    errors: dict[str, str] = {}
    offered = data.get("contact_offered_on")
    if offered is not None and offered > today:
        errors["contact_offered_on"] = "Enter today's date or a date in the past"
    for name, problem in (
        ("phone", phone_problem(data.get("phone", ""))),
        ("email", email_problem(data.get("email", ""))),
    ):
        if problem:
            errors[name] = problem
    preference = data.get("contact_preference")
    if preference == ContactPreference.PHONE and not (data.get("phone") or "").strip():
        errors.setdefault("phone", "Enter a phone number, as they prefer to be phoned")
    if preference == ContactPreference.EMAIL and not (data.get("email") or "").strip():
        errors.setdefault("email", "Enter an email address, as they prefer email")
    return errors


def victim_add(
    *, person: Person, data: dict[str, Any], actor, today: dt.date | None = None
) -> Victim:
    errors = victim_problems(data, today or timezone.localdate())
    if errors:
        raise ServiceValidationError("The victim's details need correcting", field_errors=errors)
    with transaction.atomic():
        victim = Victim.objects.create(person=person, liaison_officer=actor, **data)
        audit_record(
            actor=actor, person=person, action="victim_add", detail=f"Victim record {victim.pk}"
        )
    return victim


VICTIM_EDITABLE_FIELDS = (
    "forename",
    "surname",
    "relationship_to_offender",
    "address",
    "phone",
    "email",
    "contact_preference",
    "contact_offered_on",
    "opted_in",
    "views",
)


def victim_update(
    *,
    victim: Victim,
    data: dict[str, Any],
    opened_at: str,
    reason: str,
    actor,
    today: dt.date | None = None,
) -> Victim:
    """Correct a victim's record; refused if someone saved it since it was opened.

    `opened_at` is the record's `updated_at` (ISO 8601) when the officer opened it.

    The change and its reason are kept in the record's history.
    """
    errors = victim_problems(data, today or timezone.localdate())
    if not reason.strip():
        errors["reason"] = "Say why you are changing the victim's details"
    if errors:
        raise ServiceValidationError("The victim's details need correcting", field_errors=errors)
    with transaction.atomic():
        locked = Victim.objects.select_for_update().get(pk=victim.pk)
        if locked.updated_at.isoformat() != opened_at:
            raise EditConflict(
                "Someone else changed this victim's details while you were editing. Your "
                "changes have not been saved: review their changes and try again."
            )
        changed = [f for f in VICTIM_EDITABLE_FIELDS if f in data and getattr(locked, f) != data[f]]
        for name in changed:
            setattr(locked, name, data[name])
        locked._change_reason = reason.strip()
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="victim_update",
            detail=f"Victim record {locked.pk}: {', '.join(changed) or 'no change'}",
        )
    return locked


def victim_summary_share(*, person: Person, shared_with, summary: str, actor) -> VictimSummaryShare:
    """Share a VLO-written summary (never the victim's identity or contact details) with a colleague."""
    errors: dict[str, str] = {}
    if not summary.strip():
        errors["summary"] = "Write the summary to share"
    if shared_with is None or case_access(shared_with, person).relationship != (
        Relationship.HOLDING_TEAM
    ):
        # A summary names the case: it goes only to those who already hold it (issue #11).
        errors["username"] = "You can share a summary only with staff of the team holding this case"
    if errors:
        message = "Write the summary" if "summary" in errors else "Choose a colleague on the case"
        raise ServiceValidationError(message, field_errors=errors)
    with transaction.atomic():
        share = VictimSummaryShare.objects.create(
            person=person, shared_with=shared_with, summary=summary.strip(), shared_by=actor
        )
        audit_record(
            actor=actor,
            person=person,
            action="victim_summary_share",
            detail=f"with user {shared_with.pk}",
        )
    return share
