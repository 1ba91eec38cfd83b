import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openom.access.constants import AccessChannel, CasePart
from openom.access.models import AccessLog
from openom.people.models import Person
from tests.factories import (
    CaseAllocationFactory,
    EventOffenceFactory,
    PersonFactory,
    RequirementFactory,
    SentenceFactory,
)


@pytest.fixture
def offence(db):
    from openom.offences.models import Offence

    return Offence.objects.filter(active=True).first()


def test_viewing_a_case_writes_an_access_log_row(client, olivia, daniel):
    client.force_login(olivia)

    response = client.get(reverse("people:case-summary", args=[daniel.crn]))

    assert response.status_code == 200
    row = AccessLog.objects.get(person=daniel)
    assert (row.user, row.part, row.channel) == (olivia, CasePart.SUMMARY, AccessChannel.PAGE)


@pytest.mark.parametrize(
    "name",
    [
        "people:case-summary",
        "people:case-personal-details",
        "people:case-events",
        "people:event-create",
    ],
)
def test_an_officer_from_another_area_gets_404_for_every_case_page(client, nina, daniel, name):
    client.force_login(nina)

    assert client.get(reverse(name, args=[daniel.crn])).status_code == 404
    assert not AccessLog.objects.filter(person=daniel).exists()


def test_a_case_that_does_not_exist_looks_the_same_as_a_forbidden_one(client, nina, olivia, daniel):
    client.force_login(nina)
    forbidden = client.get(reverse("people:case-summary", args=[daniel.crn]))
    missing = client.get(reverse("people:case-summary", args=["X999999"]))

    assert forbidden.status_code == missing.status_code == 404
    assert without_csrf_token(forbidden) == without_csrf_token(missing)


def without_csrf_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_signed_out_users_are_sent_to_sign_in(client, daniel):
    response = client.get(reverse("people:case-summary", args=[daniel.crn]))

    assert response.status_code == 302
    assert reverse("accounts:sign-in") in response["Location"]


def test_my_cases_lists_only_the_officers_own_cases(
    client, olivia, sam, daniel, peterborough_team, cambridgeshire
):
    other = PersonFactory(probation_area=cambridgeshire, surname="Zed")
    CaseAllocationFactory(person=other, team=peterborough_team, offender_manager=sam)
    client.force_login(olivia)

    response = client.get(reverse("people:my-cases"))

    assert list(response.context["page"].object_list) == [daniel]


def queries_for(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def add_cases(count, *, officer, team, area, offence, start=0):
    for index in range(start, start + count):
        person = PersonFactory(probation_area=area, surname=f"Surname{index:02d}")
        CaseAllocationFactory(person=person, team=team, offender_manager=officer)
        sentence = SentenceFactory(event__person=person)
        EventOffenceFactory(event=sentence.event, offence=offence)


def test_my_cases_is_sortable_paginated_and_its_queries_do_not_grow_with_the_caseload(
    client, olivia, peterborough_team, cambridgeshire, offence
):
    client.force_login(olivia)
    add_cases(3, officer=olivia, team=peterborough_team, area=cambridgeshire, offence=offence)
    few = queries_for(client, reverse("people:my-cases"))
    add_cases(
        27, officer=olivia, team=peterborough_team, area=cambridgeshire, offence=offence, start=3
    )
    many = queries_for(client, reverse("people:my-cases"), {"sort": "name", "order": "desc"})

    response = client.get(reverse("people:my-cases"), {"sort": "name", "order": "desc"})
    page = response.context["page"]
    assert many == few
    assert page.paginator.count == 30
    assert len(page.object_list) == 25
    assert page.object_list[0].surname == "Surname29"
    assert page.object_list[0].current_sentence_type == "COMMUNITY_ORDER"


def test_the_events_pages_queries_do_not_grow_with_the_number_of_events(
    client, olivia, daniel, offence
):
    client.force_login(olivia)

    def add_event(number):
        sentence = SentenceFactory(event__person=daniel, event__number=number)
        EventOffenceFactory(event=sentence.event, offence=offence)
        RequirementFactory(sentence=sentence)

    add_event(1)
    one = queries_for(client, reverse("people:case-events", args=[daniel.crn]))
    for number in range(2, 7):
        add_event(number)
    six = queries_for(client, reverse("people:case-events", args=[daniel.crn]))

    assert six == one


def test_search_page_shows_results_and_logs_each_one_shown(client, olivia, daniel):
    client.force_login(olivia)

    response = client.get(reverse("people:search"), {"q": "Smith"})

    assert daniel.crn in response.content.decode()
    assert AccessLog.objects.filter(person=daniel, part=CasePart.SEARCH_RESULT).count() == 1


def test_search_without_anything_to_search_for_says_what_to_enter(client, olivia):
    client.force_login(olivia)

    response = client.get(reverse("people:search"), {"q": ""})

    assert (
        "Enter a CRN, PNC number, prison number, name or date of birth" in response.content.decode()
    )


def test_adding_a_person_through_the_form_opens_their_new_case(client, olivia):
    client.force_login(olivia)

    response = client.post(
        reverse("people:person-create"),
        {
            "forename": "Aaron",
            "surname": "Pike",
            "date_of_birth_0": "3",
            "date_of_birth_1": "4",
            "date_of_birth_2": "1991",
            "gender": "MALE",
            "ethnicity": "W1",
            "disability_status": "NO",
            "first_language": "English",
            "address_type": "MAIN",
            "line_1": "4 Bridge Street",
            "town": "Wisbech",
            "postcode": "PE13 1AB",
            "pnc_number": "",
        },
    )

    person = Person.objects.get(surname="Pike")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:case-summary", args=[person.crn])
    assert person.addresses.get().postcode == "PE13 1AB"


def test_a_bad_person_form_shows_field_errors_and_saves_nothing(client, olivia):
    client.force_login(olivia)
    tomorrow = dt.date.today() + dt.timedelta(days=1)

    response = client.post(
        reverse("people:person-create"),
        {
            "forename": "Aaron",
            "surname": "Pike",
            "date_of_birth_0": str(tomorrow.day),
            "date_of_birth_1": str(tomorrow.month),
            "date_of_birth_2": str(tomorrow.year),
            "gender": "MALE",
            "ethnicity": "W1",
            "disability_status": "NO",
            "first_language": "English",
            "address_type": "MAIN",
            "line_1": "4 Bridge Street",
            "postcode": "PE13 1AB",
            "pnc_number": "2008/0056560A",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Date of birth must be in the past" in body
    assert "check character" in body
    assert not Person.objects.filter(surname="Pike").exists()


def test_an_impossible_date_is_refused_at_the_form(client, olivia):
    client.force_login(olivia)

    response = client.post(
        reverse("people:person-create"),
        {
            "forename": "Aaron",
            "surname": "Pike",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "1990",
            "gender": "MALE",
        },
    )

    assert "Date of birth must be a real date" in response.content.decode()
