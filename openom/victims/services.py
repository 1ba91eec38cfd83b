"""Victim contact records (DVCVA 2004 s35): kept by victim liaison officers."""

import datetime as dt
from typing import Any

from django.db import transaction

from openom.access.services import audit_record
from openom.core.exceptions import ServiceValidationError
from openom.core.services import edit_check
from openom.people.models import Person
from openom.victims.models import Victim, VictimSummaryShare


def victim_add(
    *, person: Person, data: dict[str, Any], actor, today: dt.date | None = None
) -> Victim:
    today = today or dt.date.today()
    offered = data.get("contact_offered_on")
    if offered is not None and offered > today:
        raise ServiceValidationError(
            "The date contact was offered is in the future",
            field_errors={"contact_offered_on": "Enter today's date or a date in the past"},
        )
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
    *, victim: Victim, data: dict[str, Any], version: int, actor, today: dt.date | None = None
) -> Victim:
    """Change a victim's record; refused (EditConflict, with the saved values) if someone else
    saved it since `version` was read."""
    today = today or dt.date.today()
    offered = data.get("contact_offered_on")
    if offered is not None and offered > today:
        raise ServiceValidationError(
            "The date contact was offered is in the future",
            field_errors={"contact_offered_on": "Enter today's date or a date in the past"},
        )
    fields = [f for f in VICTIM_EDITABLE_FIELDS if f in data]
    with transaction.atomic():
        locked = Victim.objects.select_for_update().get(pk=victim.pk)
        edit_check(locked, version=version, actor=actor, noun="victim's record", fields=fields)
        for field in fields:
            setattr(locked, field, data[field])
        locked.mark_saved(actor)
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
    if not summary.strip():
        raise ServiceValidationError(
            "Write the summary", field_errors={"summary": "Write the summary to share"}
        )
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
