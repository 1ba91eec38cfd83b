import datetime as dt

from django.db import transaction
from django.utils import timezone

from openom.access.services import audit_record
from openom.core.exceptions import ServiceValidationError
from openom.intelligence.models import IntelligenceItem
from openom.people.models import Person


def intelligence_add(
    *,
    person: Person,
    recorded_on: dt.date,
    source_evaluation: str,
    summary: str,
    actor,
    today: dt.date | None = None,
) -> IntelligenceItem:
    if recorded_on > (today or timezone.localdate()):
        raise ServiceValidationError(
            "The date is in the future",
            field_errors={"recorded_on": "Enter today's date or a date in the past"},
        )
    with transaction.atomic():
        item = IntelligenceItem.objects.create(
            person=person,
            recorded_by=actor,
            recorded_on=recorded_on,
            source_evaluation=source_evaluation,
            summary=summary,
        )
        audit_record(
            actor=actor, person=person, action="intelligence_add", detail=f"Item {item.pk}"
        )
    return item
