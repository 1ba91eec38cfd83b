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
