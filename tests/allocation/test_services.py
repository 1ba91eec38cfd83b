import datetime as dt

import pytest
from django.urls import reverse

from openom.accounts.constants import Grade
from openom.allocation.models import CaseAllocation
from openom.allocation.selectors import allocation_options
from openom.allocation.services import case_allocate_to_practitioner
from openom.core.exceptions import ServiceValidationError
from tests.factories import CaseAllocationFactory, PersonFactory, SentenceFactory, UserFactory


@pytest.fixture
def team_with_work(olivia, peterborough_team, cambridgeshire):
    busy = olivia
    quiet = UserFactory(
        username="quinn",
        first_name="Quinn",
        last_name="Adams",
        team=peterborough_team,
        grade=Grade.PO,
    )
    for _ in range(5):
        person = PersonFactory(probation_area=cambridgeshire)
        CaseAllocationFactory(person=person, team=peterborough_team, offender_manager=busy)
        SentenceFactory(event__person=person)
    new = PersonFactory(probation_area=cambridgeshire, surname="Newcase")
    CaseAllocationFactory(person=new, team=peterborough_team, offender_manager=None)
    SentenceFactory(event__person=new)
    return busy, quiet, new


def test_the_practitioner_with_most_capacity_is_recommended(team_with_work, peterborough_team):
    busy, quiet, new = team_with_work
    practitioners, recommended, case = allocation_options(peterborough_team.pk, new.pk)
    assert recommended.user == quiet
    loads = {p.user: p for p in practitioners}
    assert loads[busy].points == 5 * case.points
    assert loads[quiet].with_new_case.points == case.points


def test_choosing_someone_else_needs_a_rationale(team_with_work, sam):
    busy, quiet, new = team_with_work
    with pytest.raises(ServiceValidationError) as refused:
        case_allocate_to_practitioner(
            person=new,
            officer=busy,
            recommended=quiet,
            justification="Knows the family",
            override_rationale="",
            actor=sam,
        )
    assert "override_rationale" in refused.value.field_errors

    allocation = case_allocate_to_practitioner(
        person=new,
        officer=busy,
        recommended=quiet,
        justification="Knows the family",
        override_rationale="Tier 2 case given to an officer experienced in domestic abuse",
        actor=sam,
    )
    assert allocation.offender_manager == busy and allocation.override_rationale


def test_a_manager_allocates_from_the_queue_and_the_history_is_kept(client, team_with_work, sam):
    _busy, quiet, new = team_with_work
    client.force_login(sam)
    assert new.crn in client.get(reverse("allocation:unallocated")).content.decode()

    response = client.post(
        reverse("allocation:allocate", args=[new.crn]),
        {"officer": str(quiet.pk), "justification": "Most capacity", "_confirmed": "yes"},
    )

    assert response.status_code == 302
    assert CaseAllocation.objects.filter(person=new).count() == 2
    assert CaseAllocation.objects.get(person=new, end_date__isnull=True).offender_manager == quiet
    assert (
        CaseAllocation.objects.get(person=new, end_date__isnull=False).end_date <= dt.date.today()
    )
