"""Reads of the access records, for the case's manager."""

from django.db.models import QuerySet

from openom.access.models import AccessLog, CaseRestriction, CaseShare
from openom.people.models import Person


def access_log_for(person: Person) -> QuerySet[AccessLog]:
    return (
        AccessLog.objects.filter(person=person)
        .select_related("user", "user__agency", "user__team")
        .order_by("-accessed_at", "-id")
    )


def shares_for(person: Person) -> QuerySet[CaseShare]:
    return CaseShare.objects.filter(person=person).select_related("agency", "approved_by")


def restrictions_for(person: Person) -> QuerySet[CaseRestriction]:
    return CaseRestriction.objects.filter(person=person).select_related("user", "created_by")
