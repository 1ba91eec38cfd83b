import datetime as dt

from django.db import transaction
from django.utils import timezone

from openom.access.services import audit_record
from openom.core.exceptions import ServiceValidationError
from openom.health.models import HealthRecord
from openom.people.models import Person


def health_record_add(
    *,
    person: Person,
    recorded_on: dt.date,
    category: str,
    summary: str,
    actor,
    today: dt.date | None = None,
) -> HealthRecord:
    if recorded_on > (today or timezone.localdate()):
        raise ServiceValidationError(
            "The date is in the future",
            field_errors={"recorded_on": "Enter today's date or a date in the past"},
        )
    with transaction.atomic():
        record = HealthRecord.objects.create(
            person=person,
            recorded_by=actor,
            recorded_on=recorded_on,
            category=category,
            summary=summary,
        )
        audit_record(
            actor=actor, person=person, action="health_record_add", detail=f"Record {record.pk}"
        )
    return record
