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
