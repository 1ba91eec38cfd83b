"""The worklist's "outcome to record" and the IOM cohort's treatment column read partial indexes.

PostgreSQL chooses a plan by table size, so on a test database the planner is told not to scan
sequentially: what is checked is that an index exists that serves the query exactly as written.
"""

import pytest
from django.db import connection
from django.utils import timezone

from openom.contacts.models import Contact
from openom.sentencing.constants import RequirementType
from openom.sentencing.models import Requirement

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's own"
    ),
]


def plan_for(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_contacts_waiting_for_an_outcome_are_found_by_the_partial_index():
    outstanding = Contact.objects.filter(
        person_id__in=[1, 2, 3], starts_at__lt=timezone.now(), outcome=""
    ).order_by("starts_at")
    assert "contact_outcome_to_record" in plan_for(outstanding)


def test_open_treatment_requirements_are_found_by_the_partial_index():
    treated = Requirement.objects.filter(
        sentence_id__in=[1, 2, 3],
        termination_date__isnull=True,
        requirement_type__in=[
            RequirementType.DRUG_REHABILITATION,
            RequirementType.ALCOHOL_TREATMENT,
        ],
    )
    assert "requirement_open_by_type" in plan_for(treated)
