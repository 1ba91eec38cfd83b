"""Issue #11: need-to-know on the MAPPA and IOM pages, beyond what the matrix's GETs show.

The world (tests/access/conftest.py): Daniel is at MAPPA level 2, on a meeting that invites the
police, Peterborough probation and City Housing (who own an action); Colin is the force's MAPPA
coordinator, Cora a coordinator excluded from Daniel; Anna a performance analyst of the invited
probation area.
"""

import datetime as dt

from django.urls import reverse

from openom.access.constants import CasePart, RestrictionKind
from openom.access.models import AccessLog, CaseRestriction
from openom.mappa.models import MappaReferral, MeetingAction
from openom.mappa.services import mappa_referral_create, meeting_actions_chase
from openom.notifications.models import Notification


def _complete(client, user, action):
    client.force_login(user)
    return client.post(
        reverse("mappa:action-complete", args=[action.pk]), {"note": "Address checked: no children"}
    )


# Finding 1: "the analyst could mark a MAPPA action complete".
def test_an_analyst_of_an_invited_agency_can_never_mark_an_action_complete(client, world):
    action = world.records["mappa_action"]
    assert _complete(client, world.users["anna"], action).status_code == 404
    action.refresh_from_db()
    assert action.completed_on is None


def test_a_system_administrator_cannot_either(client, world):
    action = world.records["mappa_action"]
    assert _complete(client, world.users["sid"], action).status_code == 404
    action.refresh_from_db()
    assert action.completed_on is None


def test_the_owning_agencys_partner_worker_marks_it_done(client, world):
    action = world.records["mappa_action"]
    assert _complete(client, world.users["hattie"], action).status_code == 302
    action.refresh_from_db()
    assert action.completed_on == dt.date.today()


# Finding 2: "an excluded MAPPA coordinator still reads and edits the excluded person's minutes
# and actions".
def test_an_excluded_coordinator_cannot_record_the_minutes_of_the_case(client, world):
    meeting, item = world.records["mappa_meeting"], world.records["mappa_item"]
    client.force_login(world.users["cora"])
    posted = client.post(
        reverse("mappa:minutes", args=[meeting.pk, item.pk]),
        {"minutes": "Overwritten", "risk_management_plan": "None"},
    )
    assert posted.status_code == 404
    item.refresh_from_db()
    assert item.minutes == "Agreed weekly home visits and a curfew"


def test_an_excluded_coordinator_does_not_see_the_cases_actions(client, world):
    client.force_login(world.users["cora"])
    body = client.get(reverse("mappa:actions")).content.decode()
    assert "Check the address for children" not in body
    assert world.daniel.crn not in body
    assert _complete(client, world.users["cora"], world.records["mappa_action"]).status_code == 404


def test_an_excluded_coordinator_is_not_chased_about_the_case(
    world, django_capture_on_commit_callbacks
):
    action = world.records["mappa_action"]
    MeetingAction.objects.filter(pk=action.pk).update(due_date=dt.date.today())
    Notification.objects.all().delete()

    def chased() -> set[str]:
        return set(
            Notification.objects.filter(subject__startswith="MAPPA action").values_list(
                "recipient__username", flat=True
            )
        )

    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_actions_chase(today=dt.date.today()) == 1
    assert "colin" in chased()
    assert "cora" not in chased()


def test_the_register_does_not_list_the_case_to_an_excluded_coordinator(client, world):
    client.force_login(world.users["cora"])
    body = client.get(reverse("mappa:register")).content.decode()
    assert world.daniel.crn not in body
    client.force_login(world.users["colin"])
    assert world.daniel.crn in client.get(reverse("mappa:register")).content.decode()


def test_the_iom_cohort_does_not_list_the_case_to_an_excluded_coordinator(client, world):
    client.force_login(world.users["cora"])
    body = client.get(reverse("iom:cohort")).content.decode()
    assert world.daniel.crn not in body and "Smith" not in body
    client.force_login(world.users["ivy"])
    assert world.daniel.crn in client.get(reverse("iom:cohort")).content.decode()


# Finding 2: "a restricted case referred to MAPPA ... becomes a level 2 registration that nobody
# can open". It goes to a named coordinator, added to the restriction, and the SPO is told.
def _restrict_robert(world):
    for staff in ("olivia", "sam"):
        CaseRestriction.objects.create(
            person=world.robert,
            kind=RestrictionKind.RESTRICT_TO,
            user=world.users[staff],
            reason="Witness protection",
            created_by=world.users["sam"],
        )


def _refer(world, **extra):
    return mappa_referral_create(
        person=world.robert,
        police_force=world.users["colin"].agency,
        level_requested=2,
        reason="Threats to a former partner",
        risk_of_serious_harm=True,
        risk_linked_to_offending=True,
        expected_release_date=None,
        actor=world.users["olivia"],
        today=dt.date.today(),
        **extra,
    )


def test_a_restricted_case_cannot_be_referred_without_naming_a_coordinator(world):
    import pytest

    from openom.core.exceptions import ServiceValidationError

    _restrict_robert(world)
    with pytest.raises(ServiceValidationError) as refused:
        _refer(world)
    assert "coordinator" in refused.value.field_errors


def test_an_excluded_coordinator_cannot_be_named_for_a_restricted_case(world):
    import pytest

    from openom.core.exceptions import ServiceValidationError

    _restrict_robert(world)
    CaseRestriction.objects.create(
        person=world.robert,
        kind=RestrictionKind.EXCLUDE,
        user=world.users["cora"],
        reason="Relative",
        created_by=world.users["sam"],
    )
    with pytest.raises(ServiceValidationError) as refused:
        _refer(world, coordinator=world.users["cora"])
    assert "coordinator" in refused.value.field_errors


def test_a_restricted_referral_goes_to_the_named_coordinator_who_joins_the_restriction(
    client, world, django_capture_on_commit_callbacks
):
    _restrict_robert(world)
    MappaReferral.objects.filter(person=world.robert).delete()
    colin = world.users["colin"]
    with django_capture_on_commit_callbacks(execute=True):
        referral = _refer(world, coordinator=colin)

    assert CaseRestriction.objects.filter(
        person=world.robert, kind=RestrictionKind.RESTRICT_TO, user=colin
    ).exists()
    told = Notification.objects.filter(person=world.robert).values_list(
        "recipient__username", flat=True
    )
    assert "sam" in told
    client.force_login(colin)
    page = client.get(reverse("mappa:referral-decide", args=[referral.pk]))
    assert page.status_code == 200
    # Cora, the force's other coordinator, is not on the list: the referral is not hers to see.
    client.force_login(world.users["cora"])
    assert client.get(reverse("mappa:referral-decide", args=[referral.pk])).status_code == 404
    assert not Notification.objects.filter(
        recipient=world.users["cora"], subject__contains="referral"
    ).exists()


# Finding 5: an access-log row, by page, for each case the MAPPA and IOM pages show.
def test_the_mappa_meeting_page_logs_each_case_on_its_agenda(client, world):
    client.force_login(world.users["pete"])
    meeting = world.records["mappa_meeting"]
    client.get(reverse("mappa:meeting", args=[meeting.pk]))
    row = AccessLog.objects.get(user=world.users["pete"])
    assert (row.person, row.part, row.page) == (world.daniel, CasePart.MAPPA, "mappa:meeting")


def test_the_mappa_register_logs_each_case_listed(client, world):
    client.force_login(world.users["colin"])
    client.get(reverse("mappa:register"))
    assert list(
        AccessLog.objects.filter(user=world.users["colin"]).values_list("person", "page")
    ) == [(world.daniel.pk, "mappa:register")]


def test_the_iom_member_page_logs_the_case(client, world):
    client.force_login(world.users["ivy"])
    client.get(reverse("iom:member", args=[world.records["iom_member"].pk]))
    assert list(
        AccessLog.objects.filter(user=world.users["ivy"]).values_list("person", "part", "page")
    ) == [(world.daniel.pk, CasePart.IOM, "iom:member")]


def test_an_excluded_coordinator_cannot_register_the_case(world):
    import pytest

    from openom.core.exceptions import ServiceValidationError
    from openom.mappa.services import mappa_register

    with pytest.raises(ServiceValidationError, match="restricted or you are excluded"):
        mappa_register(
            person=world.robert,
            police_force=world.users["cora"].agency,
            level=2,
            rationale="Needs a plan",
            actor=_excluded_from_robert(world, "cora"),
            today=dt.date.today(),
        )


def _excluded_from_robert(world, username):
    CaseRestriction.objects.create(
        person=world.robert,
        kind=RestrictionKind.EXCLUDE,
        user=world.users[username],
        reason="Relative",
        created_by=world.users["sam"],
    )
    return world.users[username]
