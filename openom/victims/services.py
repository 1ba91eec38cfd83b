"""Victim contact records (DVCVA 2004 s35): kept by victim liaison officers."""

import datetime as dt
from typing import Any

from django.db import transaction

from openom.access.constants import Relationship
from openom.access.policy import case_access
from openom.access.services import audit_record
from openom.core.exceptions import ServiceValidationError
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
