import datetime as dt

import pytest
from django.utils import timezone

from openom.access.constants import CasePart, Relationship, RestrictionKind, SharingBasis
from openom.access.models import CaseShare, OutOfTeamAccess
from openom.access.policy import case_access, people_visible_to
from openom.access.services import case_restriction_add, case_share_create, out_of_team_access_grant
from openom.core.exceptions import ServiceValidationError

TODAY = dt.date.today()


def share(world, **overrides):
    arguments = {
        "person": world.daniel,
        "agency": world.users["hattie"].agency,
        "basis": SharingBasis.INFORMATION_SHARING,
        "parts": [CasePart.SUMMARY],
        "start_date": TODAY,
        "end_date": None,
        "legal_basis": "Crime and Disorder Act 1998 s115",
        "actor": world.users["sam"],
    } | overrides
    return case_share_create(**arguments)


def test_victim_details_can_never_be_shared_with_an_agency(world):
    with pytest.raises(ServiceValidationError) as refused:
        share(world, parts=[CasePart.SUMMARY, CasePart.VICTIMS])
    assert "cannot be shared" in refused.value.field_errors["parts"]


def test_a_share_needs_a_legal_basis_and_sensible_dates(world):
    with pytest.raises(ServiceValidationError) as refused:
        share(world, legal_basis=" ", end_date=TODAY - dt.timedelta(days=1))
    assert set(refused.value.field_errors) == {"legal_basis", "end_date"}


def test_an_expired_share_no_longer_opens_the_case(world):
    hattie = world.users["hattie"]
    CaseShare.objects.filter(agency=hattie.agency).update(end_date=TODAY - dt.timedelta(days=1))

    assert case_access(hattie, world.daniel).relationship == Relationship.NONE
    assert world.daniel not in people_visible_to(hattie)


def test_a_share_that_has_not_started_yet_does_not_open_the_case(world):
    hattie = world.users["hattie"]
    CaseShare.objects.filter(agency=hattie.agency).update(start_date=TODAY + dt.timedelta(days=1))

    assert not case_access(hattie, world.daniel).any


def test_a_restricted_case_is_hidden_even_from_its_holding_team_unless_listed(world):
    olivia, sam = world.users["olivia"], world.users["sam"]
    case_restriction_add(
        person=world.robert,
        kind=RestrictionKind.RESTRICT_TO,
        user=sam,
        reason="Staff member's relative",
        actor=sam,
    )

    assert world.robert not in people_visible_to(olivia)
    assert not case_access(olivia, world.robert).any
    assert case_access(sam, world.robert).relationship == Relationship.HOLDING_TEAM


def test_an_out_of_team_reason_must_say_something(world):
    with pytest.raises(ServiceValidationError):
        out_of_team_access_grant(user=world.users["carl"], person=world.robert, reason="look")


def test_an_out_of_team_reason_lapses_after_the_set_hours(world):
    carl = world.users["carl"]
    out_of_team_access_grant(user=carl, person=world.robert, reason="Duty cover for the team today")
    assert not case_access(carl, world.robert).needs_reason

    OutOfTeamAccess.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))

    assert case_access(carl, world.robert).needs_reason


def test_out_of_team_access_is_read_only(world):
    carl = world.users["carl"]
    out_of_team_access_grant(user=carl, person=world.robert, reason="Duty cover for the team today")
    assert not case_access(carl, world.robert).can_edit


def test_police_with_access_see_intelligence_and_health_staff_see_health_but_not_each_other(world):
    pete, hugo = world.users["pete"], world.users["hugo"]
    assert case_access(pete, world.daniel).allows(CasePart.POLICE_INTELLIGENCE)
    assert not case_access(pete, world.daniel).allows(CasePart.HEALTH)
    assert case_access(hugo, world.daniel).allows(CasePart.HEALTH)
    assert not case_access(hugo, world.daniel).allows(CasePart.POLICE_INTELLIGENCE)


def test_the_offender_manager_sees_the_victim_summary_but_never_the_victims_details(world):
    access = case_access(world.users["olivia"], world.daniel)
    assert access.allows(CasePart.VICTIM_SUMMARY)
    assert not access.allows(CasePart.VICTIMS)


# Issue #11 finding 3: sharing rules live in the service, not the form.
def test_a_case_is_never_shared_with_a_probation_area_as_a_whole(world):
    # Nina's area (Norfolk and Suffolk Probation): its analysts and administrators would see it.
    with pytest.raises(ServiceValidationError) as refused:
        share(world, agency=world.users["nina"].agency)
    assert "probation area as a whole" in refused.value.field_errors["agency"]
    # nor with the case's own area
    with pytest.raises(ServiceValidationError):
        share(world, agency=world.users["sam"].agency)


@pytest.mark.parametrize("compartment", [CasePart.POLICE_INTELLIGENCE, CasePart.HEALTH])
def test_an_spo_cannot_share_a_compartment_they_cannot_read(world, compartment):
    # Sam, the holding team's SPO, reads the case record but neither police intelligence nor
    # health information (DOMAIN.md §1): he cannot give them to anyone.
    with pytest.raises(ServiceValidationError) as refused:
        share(world, parts=[CasePart.SUMMARY, compartment])
    assert CasePart(compartment).label in refused.value.field_errors["parts"]


def test_an_spo_shares_the_parts_of_the_record_they_read(world):
    made = share(world, parts=[CasePart.SUMMARY, CasePart.RISK_SUMMARY])
    assert made.parts == [CasePart.RISK_SUMMARY, CasePart.SUMMARY]


def test_a_summary_page_shows_sentences_only_to_a_share_that_includes_events(client, world):
    # City Housing's share names the summary and contact details, not events and sentences.
    client.force_login(world.users["hattie"])
    from django.urls import reverse

    body = client.get(reverse("people:case-summary", args=[world.daniel.crn])).content.decode()
    assert "Current sentences" not in body
    client.force_login(world.users["olivia"])
    body = client.get(reverse("people:case-summary", args=[world.daniel.crn])).content.decode()
    assert "Current sentences" in body


def test_a_victim_summary_goes_only_to_holders_of_the_case(world):
    from openom.victims.services import victim_summary_share

    vera = world.users["vera"]
    for outsider in ("nina", "pete", "carl", "anna"):
        with pytest.raises(ServiceValidationError) as refused:
            victim_summary_share(
                person=world.daniel,
                shared_with=world.users[outsider],
                summary="Victim asks for no contact.",
                actor=vera,
            )
        assert "team holding this case" in refused.value.field_errors["username"]
    made = victim_summary_share(
        person=world.daniel, shared_with=world.users["sam"], summary="No contact.", actor=vera
    )
    assert made.shared_with == world.users["sam"]


def test_typing_an_unknown_username_gets_the_same_answer_as_an_outsiders(client, world):
    from django.urls import reverse

    client.force_login(world.users["vera"])
    url = reverse("victims:share-summary", args=[world.daniel.crn])
    unknown = client.post(url, {"username": "nobody-at-all", "summary": "No contact."})
    outsider = client.post(url, {"username": "nina", "summary": "No contact."})
    assert unknown.status_code == outsider.status_code == 200
    assert "team holding this case" in unknown.content.decode()
    assert "team holding this case" in outsider.content.decode()
