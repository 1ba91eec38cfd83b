"""A victim's contact details are checked before they are kept (issue 15: a phone of "abc")."""

import pytest
from django.urls import reverse

from openom.accounts.constants import Role
from openom.core.exceptions import ServiceValidationError
from openom.victims.models import Victim
from openom.victims.services import victim_add
from tests.factories import UserFactory


@pytest.fixture
def vera(peterborough_team):
    """Vera, the victim liaison officer for Peterborough."""
    return UserFactory(
        username="vera",
        first_name="Vera",
        last_name="Lamb",
        team=peterborough_team,
        roles=[Role.VICTIM_LIAISON_OFFICER],
    )


@pytest.fixture
def first_victim(daniel, vera):
    return victim_add(
        person=daniel,
        actor=vera,
        data={"forename": "Amy", "surname": "Shaw", "contact_preference": "LETTER"},
    )


def test_a_phone_number_of_abc_is_refused_on_the_page_and_nothing_is_saved(
    client, vera, daniel, first_victim
):
    client.force_login(vera)

    response = client.post(
        reverse("victims:add", args=[daniel.crn]),
        {
            "forename": "Beth",
            "surname": "Shaw",
            "phone": "abc",
            "email": "beth.shaw@",
            "contact_preference": "PHONE",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    # Both errors at once, each in the summary linked to its field (GOV.UK error summary).
    assert (
        '<a href="#id_phone">Enter a phone number, like 01632 960 001, 07700 900 982 or '
        "+44 808 157 0192</a>" in page
    )
    assert (
        '<a href="#id_email">Enter an email address in the correct format, like name@example.com</a>'
        in page
    )
    assert Victim.objects.count() == 1


@pytest.mark.parametrize(
    "phone",
    ["01632 960 001", "07700 900 982", "+44 7700 900982", "(01632) 960-001", "0800 123 456"],
)
def test_uk_phone_numbers_are_accepted_with_spaces_brackets_and_hyphens(
    daniel, vera, first_victim, phone
):
    # Ofcom's numbering plan: 0 and 9 or 10 more digits (or +44 for the 0).
    victim = victim_add(
        person=daniel,
        actor=vera,
        data={"forename": "Beth", "surname": "Shaw", "phone": phone, "contact_preference": "PHONE"},
    )
    assert victim.phone == phone


@pytest.mark.parametrize("phone", ["abc", "12345", "07700 900 982 12", "+1 202 555 0143"])
def test_the_service_refuses_what_is_not_a_uk_phone_number(daniel, vera, phone):
    with pytest.raises(ServiceValidationError) as refused:
        victim_add(
            person=daniel,
            actor=vera,
            data={"forename": "Beth", "surname": "Shaw", "phone": phone},
        )
    assert refused.value.field_errors["phone"].startswith("Enter a phone number, like")


def test_a_victim_who_prefers_the_phone_needs_a_phone_number(daniel, vera):
    with pytest.raises(ServiceValidationError) as refused:
        victim_add(
            person=daniel,
            actor=vera,
            data={"forename": "Beth", "surname": "Shaw", "contact_preference": "PHONE"},
        )
    assert refused.value.field_errors == {
        "phone": "Enter a phone number, as they prefer to be phoned"
    }


def test_the_vlo_corrects_a_victims_details_and_the_change_is_kept_with_its_reason(
    client, vera, daniel, first_victim
):
    client.force_login(vera)
    url = reverse("victims:edit", args=[daniel.crn, first_victim.pk])
    form = client.get(url).context["form"]

    response = client.post(
        url,
        {
            "forename": "Amy",
            "surname": "Shaw",
            "phone": "07700 900 982",
            "contact_preference": "PHONE",
            "opted_in": "True",
            "version": form.initial["version"],
            "reason": "She phoned with her new mobile number",
        },
    )

    assert response.status_code == 302
    first_victim.refresh_from_db()
    assert (first_victim.phone, first_victim.opted_in) == ("07700 900 982", True)
    page = client.get(url).content.decode()
    assert "Reason: She phoned with her new mobile number" in page
    assert "07700 900 982" in page


def test_a_victim_edit_over_someone_elses_change_is_refused(client, vera, daniel, first_victim):
    client.force_login(vera)
    url = reverse("victims:edit", args=[daniel.crn, first_victim.pk])
    stale = client.get(url).context["form"].initial["version"]
    # Someone else saved it after Vera opened it.
    Victim.objects.filter(pk=first_victim.pk).update(
        views="Wants an exclusion zone", version=stale + 1
    )

    response = client.post(
        url,
        {
            "forename": "Amy",
            "surname": "Shaw",
            "contact_preference": "LETTER",
            "version": stale,
            "reason": "Typo",
        },
    )

    assert response.status_code == 200
    assert "Someone else saved this victim&#x27;s record" in response.content.decode()


def test_only_victim_liaison_officers_reach_the_victim_edit_page(
    client, olivia, daniel, first_victim
):
    client.force_login(olivia)
    url = reverse("victims:edit", args=[daniel.crn, first_victim.pk])
    assert client.get(url).status_code == 404
