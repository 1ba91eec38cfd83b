"""Victim contact records (DVCVA 2004 s35): kept by victim liaison officers."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from openom.access.constants import Relationship
from openom.access.policy import case_access
from openom.access.services import audit_record
from openom.core.exceptions import ServiceValidationError
from openom.core.formats import email_problem, phone_problem
from openom.core.services import edit_check
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


# What an edit of a victim's record may change (the person and the VLO stay as they are).
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
    version: int,
    actor,
    reason: str = "",
    today: dt.date | None = None,
) -> Victim:
    """Change a victim's record; refused (EditConflict, with the saved values) if someone else
    saved it since `version` was read. The reason is kept with the change in the history."""
    today = today or timezone.localdate()
    errors = victim_problems(data, today)
    if errors:
        raise ServiceValidationError("The victim's details need correcting", field_errors=errors)
    fields = [f for f in VICTIM_EDITABLE_FIELDS if f in data]
    with transaction.atomic():
        locked = Victim.objects.select_for_update().get(pk=victim.pk)
        edit_check(locked, version=version, actor=actor, noun="victim's record", fields=fields)
        for field in fields:
            setattr(locked, field, data[field])
        locked.mark_saved(actor)
        locked._change_reason = reason.strip()
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="victim_update",
            detail=f"Victim record {locked.pk}: {', '.join(fields)}",
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
