"""Adding a person who may already have a case: warned, with a link to the case, and refused
until the officer confirms it is someone else."""

import datetime as dt

import pytest
from django.urls import reverse

from openom.core.exceptions import ServiceValidationError
from openom.people.models import Person
from openom.people.services import person_create
from tests.factories import PersonFactory


def add_daniel_again(client, **extra):
    return client.post(
        reverse("people:person-create"),
        {
            "forename": "Daniel",
            "surname": "SMITH",
            "date_of_birth_0": "17",
            "date_of_birth_1": "5",
            "date_of_birth_2": "1990",
            "gender": "MALE",
            "ethnicity": "NS",
            "disability_status": "NOT_ASKED",
            "first_language": "English",
            "address_type": "NO_FIXED_ABODE",
            **extra,
        },
    )


def test_a_second_daniel_smith_born_the_same_day_is_refused_with_a_link_to_the_first(
    client, olivia, daniel
):
    client.force_login(olivia)

    response = add_daniel_again(client)

    page = response.content.decode()
    assert response.status_code == 200, page[:500]
    assert "A person with this name and date of birth already has a case" in page
    assert reverse("people:case-summary", args=[daniel.crn]) in page
    assert '<a href="#id_not_a_duplicate">' in page
    assert Person.objects.count() == 1


def test_confirming_it_is_someone_else_adds_the_person(client, olivia, daniel):
    client.force_login(olivia)

    response = add_daniel_again(client, not_a_duplicate="on")

    assert response.status_code == 302
    assert Person.objects.filter(surname__iexact="smith").count() == 2


def test_a_match_the_officer_cannot_open_is_counted_not_linked(client, nina, norfolk, daniel):
    # Nina (Norfolk) cannot open Daniel's Cambridgeshire case: she is told one exists elsewhere.
    client.force_login(nina)

    response = add_daniel_again(client)

    page = response.content.decode()
    assert "1 more held elsewhere, in a case you cannot open" in page
    assert daniel.crn not in page


def test_a_name_that_sounds_the_same_is_a_likely_duplicate(olivia, daniel):
    with pytest.raises(ServiceValidationError):
        person_create(
            actor=olivia,
            data={
                "forename": "Danielle",
                "surname": "Smyth",
                "date_of_birth": dt.date(1990, 5, 17),
                "gender": "MALE",
            },
        )
    other_birthday = person_create(
        actor=olivia,
        data={
            "forename": "Daniel",
            "surname": "Smith",
            "date_of_birth": dt.date(1991, 5, 17),
            "gender": "MALE",
        },
    )
    assert other_birthday.pk != daniel.pk


def test_another_persons_other_name_counts_too(olivia, daniel, cambridgeshire):
    from openom.people.services import alias_add

    someone = PersonFactory(probation_area=cambridgeshire, forename="Dan", surname="Jones")
    alias_add(
        person=someone,
        forename="Mark",
        surname="Brown",
        date_of_birth=dt.date(1985, 1, 2),
        actor=olivia,
    )
    with pytest.raises(ServiceValidationError):
        person_create(
            actor=olivia,
            data={
                "forename": "Mark",
                "surname": "Brown",
                "date_of_birth": dt.date(1985, 1, 2),
                "gender": "MALE",
            },
        )
