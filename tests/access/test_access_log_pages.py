"""Issue #11 finding 5: the pages that list cases outside the case record write an access-log
row, by page, for each case they show ("every view is recorded", as the footer says)."""

import datetime as dt

from django.urls import reverse

from openom.access.constants import CasePart
from openom.access.models import AccessLog
from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment
from openom.notifications.models import Notification


def _logged(user, page: str) -> set[tuple[int, str]]:
    return set(AccessLog.objects.filter(user=user, page=page).values_list("person_id", "part"))


def test_the_worklist_logs_each_case_on_it(client, world):
    olivia = world.users["olivia"]
    client.force_login(olivia)
    assert client.get(reverse("worklist:worklist")).status_code == 200
    logged = _logged(olivia, "worklist:worklist")
    # Olivia's caseload: Daniel and Robert each have an enforcement deadline and a plan due.
    assert logged == {
        (world.daniel.pk, CasePart.WORK_LIST),
        (world.robert.pk, CasePart.WORK_LIST),
    }


def test_the_team_view_of_the_worklist_logs_too(client, world):
    sam = world.users["sam"]
    client.force_login(sam)
    client.get(reverse("worklist:worklist"), {"view": "team"})
    assert {p for p, _ in _logged(sam, "worklist:worklist")} == {world.daniel.pk, world.robert.pk}


def test_the_countersign_queue_logs_each_case_waiting(client, world):
    Assessment.objects.filter(person=world.robert).update(
        status=AssessmentStatus.AWAITING_COUNTERSIGNATURE, completed_on=dt.date.today()
    )
    sam = world.users["sam"]
    client.force_login(sam)
    assert client.get(reverse("assessments:countersign-queue")).status_code == 200
    assert _logged(sam, "assessments:countersign-queue") == {(world.robert.pk, CasePart.WORK_LIST)}


def test_the_notifications_page_logs_the_cases_it_names(client, world):
    olivia = world.users["olivia"]
    Notification.objects.create(
        recipient=olivia, person=world.robert, subject="Release date changed", body="Now 3 May"
    )
    Notification.objects.create(recipient=olivia, subject="Team meeting", body="Thursday")
    client.force_login(olivia)
    client.get(reverse("notifications:list"))
    assert _logged(olivia, "notifications:list") == {(world.robert.pk, CasePart.WORK_LIST)}


def test_the_unallocated_list_logs_each_case_waiting(client, world):
    from openom.allocation.models import CaseAllocation

    CaseAllocation.objects.filter(person=world.robert).update(offender_manager=None)
    sam = world.users["sam"]
    client.force_login(sam)
    assert client.get(reverse("allocation:unallocated")).status_code == 200
    assert _logged(sam, "allocation:unallocated") == {(world.robert.pk, CasePart.WORK_LIST)}
    assert client.get(reverse("allocation:allocate", args=[world.robert.crn])).status_code == 200
    assert _logged(sam, "allocation:allocate") == {(world.robert.pk, CasePart.WORK_LIST)}


def test_an_excluded_officer_does_not_see_the_case_on_the_team_worklist(client, world):
    from openom.access.constants import RestrictionKind
    from openom.access.models import CaseRestriction

    sam = world.users["sam"]
    CaseRestriction.objects.create(
        person=world.robert,
        kind=RestrictionKind.EXCLUDE,
        user=sam,
        reason="Relative",
        created_by=world.users["olivia"],
    )
    client.force_login(sam)
    body = client.get(reverse("worklist:worklist"), {"view": "team"}).content.decode()
    assert world.robert.crn not in body
    assert world.daniel.crn in body
