import pytest
from django.urls import reverse

from openom.access.constants import AccessChannel, CasePart
from openom.access.models import AccessLog
from openom.access.policy import can_view_person, people_visible_to
from openom.people.models import Person
from tests.factories import PersonFactory


@pytest.fixture
def norfolk_case(norfolk):
    return PersonFactory(probation_area=norfolk, forename="Norma", surname="Field")


def test_an_officer_sees_the_cases_of_their_own_probation_area_only(olivia, daniel, norfolk_case):
    assert list(people_visible_to(olivia)) == [daniel]


def test_staff_of_other_agencies_see_no_case_yet(pete, daniel):
    assert not people_visible_to(pete).exists()
    assert not can_view_person(pete, daniel)


def test_signed_out_and_inactive_users_see_nothing(olivia, daniel):
    from django.contrib.auth.models import AnonymousUser

    assert not people_visible_to(AnonymousUser()).exists()
    olivia.is_active = False
    assert not people_visible_to(olivia).exists()


def test_the_queryset_rule_and_the_object_rule_always_agree(
    olivia, nina, pete, sam, daniel, norfolk_case
):
    for user in (olivia, nina, pete, sam):
        visible = set(people_visible_to(user))
        for person in Person.objects.all():
            assert (person in visible) == can_view_person(user, person), (user, person)
            assert user.has_perm("people.view_person", person) == can_view_person(user, person)


def test_reading_a_case_through_the_api_is_logged_as_an_api_read(client, olivia, daniel):
    client.force_login(olivia)

    response = client.get(f"/api/v1/cases/{daniel.crn}")

    assert response.status_code == 200
    assert response.json()["crn"] == daniel.crn
    assert (
        AccessLog.objects.filter(
            person=daniel, channel=AccessChannel.API, part=CasePart.SUMMARY
        ).count()
        == 1
    )


def test_the_api_answers_404_for_another_areas_case(client, nina, daniel):
    client.force_login(nina)

    assert client.get(f"/api/v1/cases/{daniel.crn}").status_code == 404
    assert client.get(f"/api/v1/cases/{daniel.crn}/events").status_code == 404
    assert client.get("/api/v1/search", {"q": "Daniel Smith"}).json()["items"] == []


def test_the_api_refuses_anonymous_callers(client, daniel):
    assert client.get(f"/api/v1/cases/{daniel.crn}").status_code == 401


def test_api_search_logs_each_result_returned(client, olivia, daniel):
    client.force_login(olivia)

    body = client.get("/api/v1/search", {"q": "Smith"}).json()

    assert [item["crn"] for item in body["items"]] == [daniel.crn]
    assert (
        AccessLog.objects.filter(
            person=daniel, channel=AccessChannel.API, part=CasePart.SEARCH_RESULT
        ).count()
        == 1
    )


def test_the_access_log_cannot_be_changed_through_the_app(olivia, daniel):
    from django.contrib import admin

    from openom.access.models import AuditEvent

    assert AccessLog not in admin.site._registry
    assert AuditEvent not in admin.site._registry


def test_the_access_log_page_lists_out_of_team_reasons_for_the_manager(
    client, olivia, sam, daniel, cambridgeshire
):
    from openom.access.services import out_of_team_access_grant
    from tests.factories import DeliveryUnitFactory, TeamFactory, UserFactory

    other_team = TeamFactory(delivery_unit=DeliveryUnitFactory(agency=cambridgeshire))
    duty = UserFactory(username="duty", first_name="Dee", last_name="Uty", team=other_team)
    out_of_team_access_grant(
        user=duty, person=daniel, reason="Duty cover: he reported at the office"
    )
    client.force_login(duty)
    client.get(reverse("people:case-summary", args=[daniel.crn]))

    client.force_login(sam)
    page = client.get(reverse("people:case-access", args=[daniel.crn])).content.decode()

    assert "Dee Uty" in page
    assert "Duty cover: he reported at the office" in page
    assert "Out of team" in page


def _moves_into_approved_premises(person, days_ago=3, left_days_ago=None):
    import datetime as dt

    from openom.people.constants import AddressType
    from openom.people.models import Address

    return Address.objects.create(
        person=person,
        address_type=AddressType.APPROVED_PREMISES,
        line_1="Approved Premises, 12 Park Road",
        town="Peterborough",
        postcode="PE1 2TA",
        start_date=dt.date.today() - dt.timedelta(days=days_ago),
        end_date=(dt.date.today() - dt.timedelta(days=left_days_ago)) if left_days_ago else None,
    )


def test_approved_premises_staff_open_a_resident_without_giving_a_reason(client, sandra, daniel):
    """Issue #15: 'The approved-premises staff can open their residents without an out-of-team
    reason.' They read the case record; the holding team keeps the edits."""
    from openom.access.constants import Relationship
    from openom.access.policy import case_access

    _moves_into_approved_premises(daniel)
    access = case_access(sandra, daniel)
    assert access.relationship == Relationship.APPROVED_PREMISES
    assert not access.needs_reason and not access.can_edit
    assert not access.allows(CasePart.VICTIMS)
    client.force_login(sandra)
    assert client.get(reverse("people:case-summary", args=[daniel.crn])).status_code == 200
    assert AccessLog.objects.filter(user=sandra, person=daniel, part=CasePart.SUMMARY).exists()
    assert client.get(reverse("contacts:arrange", args=[daniel.crn])).status_code == 404


def test_approved_premises_staff_still_give_a_reason_for_someone_not_resident(
    client, sandra, daniel
):
    _moves_into_approved_premises(daniel, days_ago=40, left_days_ago=10)
    client.force_login(sandra)
    response = client.get(reverse("people:case-summary", args=[daniel.crn]))
    assert response.status_code == 302
    assert reverse("people:case-reason", args=[daniel.crn]) in response["Location"]


def test_an_exclusion_still_keeps_approved_premises_staff_out(sandra, daniel, sam):
    from openom.access.constants import RestrictionKind
    from openom.access.models import CaseRestriction

    _moves_into_approved_premises(daniel)
    CaseRestriction.objects.create(
        person=daniel, kind=RestrictionKind.EXCLUDE, user=sandra, reason="Relative", created_by=sam
    )
    assert not can_view_person(sandra, daniel)
