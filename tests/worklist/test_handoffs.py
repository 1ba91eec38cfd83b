"""Hand-offs (issue #15, "Work falls between people"): every approval reaches its approver.

A recall requested by the offender manager, a high risk of harm assessment waiting for a
countersignature and a new case waiting for an offender manager each appear in the senior
probation officer's queue and as a notification linking to the thing to approve; while they
wait, they are off the requester's "to do".
"""

import datetime as dt

import pytest
from django.urls import reverse

from openom.allocation.services import case_allocate
from openom.assessment.constants import AssessmentPurpose, RoshLevel
from openom.assessment.selectors import countersigning_queue
from openom.assessment.services import assessment_complete, assessment_countersign, assessment_start
from openom.enforcement.constants import ActionKind, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.selectors import enforcement_for, recalls_awaiting_authorisation
from openom.enforcement.services import recall_authorise, recall_request
from openom.notifications.models import Notification
from openom.offences.models import Offence
from openom.sentencing.constants import SentenceType
from openom.worklist.selectors import worklist_for
from tests.assessment.test_services import answer_everything
from tests.enforcement.test_services import miss
from tests.factories import EventFactory, EventOffenceFactory, PersonFactory, SentenceFactory

TODAY = dt.date.today()


@pytest.fixture
def recall_due(daniel, olivia):
    """Daniel on licence, two unacceptable absences: the rules call for recall."""
    licence = SentenceFactory(
        event__person=daniel,
        sentence_type=SentenceType.DETERMINATE_CUSTODY,
        sentence_date=TODAY - dt.timedelta(days=400),
        release_date=TODAY - dt.timedelta(days=60),
    )
    miss(daniel, licence, olivia, TODAY - dt.timedelta(days=20))
    miss(daniel, licence, olivia, TODAY - dt.timedelta(days=10))
    return EnforcementAction.objects.get(kind=ActionKind.RECALL)


def request(recall, olivia):
    return recall_request(
        action=recall,
        recall_type=RecallType.STANDARD,
        reasons="Whereabouts unknown after two missed appointments",
        requested_on=TODAY,
        version=recall.version,
        actor=olivia,
    )


def kinds(items, crn):
    return [i.kind for i in items if i.crn == crn]


def test_before_the_request_the_offender_manager_is_told_to_request_the_recall(
    recall_due, olivia, daniel
):
    assert "Recall" in kinds(worklist_for(actor=olivia), daniel.crn)


def test_a_requested_recall_leaves_the_requesters_to_do_and_reaches_the_managers_queue(
    recall_due, olivia, sam, daniel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recall = request(recall_due, olivia)

    assert "Recall" not in kinds(worklist_for(actor=olivia), daniel.crn)
    assert list(recalls_awaiting_authorisation(sam)) == [recall]
    team = worklist_for(actor=sam, team=True)
    assert "Recall to authorise" in kinds(team, daniel.crn)
    assert "Recall" not in kinds(team, daniel.crn)
    [waiting] = [i for i in enforcement_for(daniel) if i.action == recall]
    assert "waiting for a senior probation officer" in waiting.summary
    notice = Notification.objects.get(recipient=sam)
    assert notice.subject == "Recall to authorise: Daniel Smith (X100001)"
    assert notice.link == reverse("enforcement:action", args=["X100001", recall.pk])
    assert not Notification.objects.filter(recipient=olivia).exists()


def test_the_managers_page_for_the_recall_offers_the_authorisation(
    client, recall_due, olivia, sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request(recall_due, olivia)
    client.force_login(sam)
    page = client.get(Notification.objects.get(recipient=sam).link)
    assert page.status_code == 200
    assert b"authorised_on" in page.content


def test_once_authorised_it_leaves_the_queue_and_the_requester_is_told(
    recall_due, olivia, sam, daniel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recall = request(recall_due, olivia)
        recall_authorise(action=recall, authorised_on=TODAY, version=recall.version, actor=sam)

    assert not recalls_awaiting_authorisation(sam).exists()
    assert "Recall to authorise" not in kinds(worklist_for(actor=sam, team=True), daniel.crn)
    told = Notification.objects.get(recipient=olivia)
    assert told.subject == "Recall authorised: Daniel Smith (X100001)"


def test_a_recall_for_another_teams_case_is_not_in_this_managers_queue(
    recall_due, olivia, nina, daniel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request(recall_due, olivia)
    assert not recalls_awaiting_authorisation(nina).exists()
    assert not Notification.objects.filter(recipient=nina).exists()


@pytest.fixture
def convicted(daniel):
    event = EventFactory(person=daniel, number=1, conviction_date=dt.date(2026, 10, 1))
    EventOffenceFactory(
        event=event, offence=Offence.objects.get(code="00101"), offence_date=dt.date(2026, 9, 1)
    )
    SentenceFactory(event=event, person=daniel, sentence_date=dt.date(2026, 10, 1))
    return daniel


def test_a_high_risk_assessment_is_queued_and_notified_for_countersigning(
    convicted, olivia, sam, django_capture_on_commit_callbacks
):
    assessment = assessment_start(person=convicted, purpose=AssessmentPurpose.START, actor=olivia)
    assessment = answer_everything(assessment, olivia, rosh=RoshLevel.HIGH)
    with django_capture_on_commit_callbacks(execute=True):
        assessment = assessment_complete(
            assessment=assessment, version=assessment.version, actor=olivia
        )

    assert list(countersigning_queue(sam)) == [assessment]
    notice = Notification.objects.get(recipient=sam)
    assert notice.subject == "Assessment to countersign: Daniel Smith (X100001)"
    assert notice.link == reverse("assessments:countersign-queue")

    with django_capture_on_commit_callbacks(execute=True):
        assessment_countersign(assessment=assessment, actor=sam)
    assert not countersigning_queue(sam).exists()
    assert Notification.objects.get(recipient=olivia).link == reverse(
        "assessment:overview", args=["X100001"]
    )


def test_a_case_waiting_for_an_offender_manager_is_notified_to_the_manager(
    olivia, sam, peterborough_team, cambridgeshire, django_capture_on_commit_callbacks
):
    person = PersonFactory(probation_area=cambridgeshire)
    with django_capture_on_commit_callbacks(execute=True):
        case_allocate(
            person=person,
            team=peterborough_team,
            offender_manager=None,
            start_date=TODAY,
            reason="Transfer in",
            actor=olivia,
        )
    notice = Notification.objects.get(recipient=sam)
    assert notice.link == reverse("allocation:allocate", args=[person.crn])

    with django_capture_on_commit_callbacks(execute=True):
        case_allocate(
            person=person,
            team=peterborough_team,
            offender_manager=olivia,
            start_date=TODAY,
            reason="Capacity",
            actor=sam,
        )
    assert Notification.objects.get(recipient=olivia).link == reverse(
        "people:case-summary", args=[person.crn]
    )


def test_the_team_worklist_filters_by_officer_kind_and_overdue(
    client, recall_due, olivia, sam, daniel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request(recall_due, olivia)
    client.force_login(sam)
    url = reverse("worklist:worklist")
    everything = client.get(url, {"view": "team"}).context["items"]
    assert "Recall to authorise" in {i.kind for i in everything}
    recalls = client.get(url, {"view": "team", "kind": "Recall to authorise"}).context["items"]
    assert [(i.crn, i.kind) for i in recalls] == [("X100001", "Recall to authorise")]
    assert client.get(url, {"view": "team", "officer": "Nobody Here"}).context["items"] == []
    overdue = client.get(url, {"view": "team", "due": "overdue"}).context["items"]
    assert all(i.overdue for i in overdue)
