"""Double submits create nothing new (issue #14).

A resubmitted form (the back button, a second click) carries the same one-time token: the
second save finds it consumed and shows the record already created. Two posts of the same form
at the same moment meet at the token's unique index (PostgreSQL: the threaded tests below).
Where the domain has a uniqueness rule it is a database constraint too: one MAPPA referral
waiting for a decision per person, one appointment per person per start time.
"""

import datetime as dt
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from openom.accounts.constants import Role
from openom.contacts.models import Contact
from openom.core.exceptions import AlreadySubmitted, ServiceValidationError
from openom.core.models import FormSubmission
from openom.core.services import create_once
from openom.intelligence.models import IntelligenceItem
from openom.intelligence.services import intelligence_add
from openom.mappa.models import MappaReferral
from openom.mappa.services import mappa_referral_create
from openom.victims.models import Victim
from openom.victims.services import victim_add
from tests.factories import UserFactory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write (IMMEDIATE transactions): no race to test there",
)

NEXT_MONDAY = dt.date.today() + dt.timedelta(days=7 - dt.date.today().weekday())


def appointment(token):
    return {
        "form_token": str(token),
        "contact_type": "OFFICE",
        "date_0": NEXT_MONDAY.day,
        "date_1": NEXT_MONDAY.month,
        "date_2": NEXT_MONDAY.year,
        "time": "10:30",
        "location": "Peterborough office",
        "enforceable": "on",
    }


def referral(token, police):
    return {
        "form_token": str(token),
        "police_force": police.pk,
        "level_requested": 2,
        "reason": "Threats to an ex-partner since release",
        "risk_of_serious_harm": "on",
        "risk_linked_to_offending": "on",
        "_confirmed": "yes",  # past the "Check your answers" page
    }


def test_the_arrange_page_carries_a_fresh_token_each_time(client, olivia, daniel):
    client.force_login(olivia)
    url = reverse("contacts:arrange", args=[daniel.crn])
    first, second = client.get(url).content, client.get(url).content
    assert b'name="form_token"' in first
    assert (
        first.split(b'name="form_token" value="')[1][:36]
        != second.split(b'name="form_token" value="')[1][:36]
    )


def test_a_resubmitted_appointment_creates_nothing_new_and_says_so(client, olivia, daniel):
    client.force_login(olivia)
    url = reverse("contacts:arrange", args=[daniel.crn])
    token = uuid.uuid4()
    assert client.post(url, appointment(token)).status_code == 302
    again = client.post(url, appointment(token), follow=True)
    assert Contact.objects.filter(person=daniel).count() == 1
    assert "This was already saved" in again.content.decode()
    assert "Nothing new was created" in again.content.decode()


def test_a_second_appointment_at_the_same_time_is_refused_on_the_time(client, olivia, daniel):
    client.force_login(olivia)
    url = reverse("contacts:arrange", args=[daniel.crn])
    client.post(url, appointment(uuid.uuid4()))
    clash = client.post(url, appointment(uuid.uuid4()))
    assert clash.status_code == 200
    assert "already has an appointment at this time" in clash.content.decode()
    assert Contact.objects.filter(person=daniel).count() == 1


def test_a_form_with_bad_input_keeps_its_token_for_the_corrected_save(client, olivia, daniel):
    client.force_login(olivia)
    url = reverse("contacts:arrange", args=[daniel.crn])
    token = uuid.uuid4()
    bad = client.post(url, {**appointment(token), "time": "25:99"})
    assert bad.status_code == 200
    assert not FormSubmission.objects.filter(token=token).exists()
    assert client.post(url, appointment(token)).status_code == 302
    assert Contact.objects.filter(person=daniel).count() == 1


def liaison_officer_of(person, team):
    """Vera, a VLO: she reaches a case once it has a victim in the scheme (the first one)."""
    vera = UserFactory(username="vera", team=team, roles=[Role.VICTIM_LIAISON_OFFICER])
    victim_add(person=person, data={"forename": "Bob", "surname": "Hale"}, actor=vera)
    return vera


def test_a_resubmitted_victim_creates_one_record(client, daniel, peterborough_team):
    vera = liaison_officer_of(daniel, peterborough_team)
    client.force_login(vera)
    url = reverse("victims:add", args=[daniel.crn])
    form = {
        "form_token": str(uuid.uuid4()),
        "forename": "Alice",
        "surname": "Jones",
        "contact_preference": "LETTER",
    }
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert Victim.objects.filter(person=daniel).count() == 2  # the first victim, and Alice


def test_a_resubmitted_mappa_referral_creates_one_and_a_second_open_one_is_refused(
    client, olivia, daniel, police
):
    client.force_login(olivia)
    url = reverse("mappa-case:refer", args=[daniel.crn])
    form = referral(uuid.uuid4(), police)
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert MappaReferral.objects.filter(person=daniel).count() == 1
    other = client.post(url, referral(uuid.uuid4(), police))
    assert other.status_code == 200
    assert "waiting for the coordinator&#x27;s decision" in other.content.decode()
    assert MappaReferral.objects.filter(person=daniel).count() == 1


def test_an_intelligence_item_is_created_once_per_token(daniel, pete):
    token = uuid.uuid4()

    def record():
        return intelligence_add(
            person=daniel,
            recorded_on=dt.date(2026, 11, 20),
            source_evaluation="1",
            summary="Seen with a known associate",
            actor=pete,
        )

    create_once(token=token, actor=pete, create=record)
    with pytest.raises(AlreadySubmitted):
        create_once(token=token, actor=pete, create=record)
    assert IntelligenceItem.objects.filter(person=daniel).count() == 1


def test_a_failed_create_consumes_no_token(daniel, olivia, police):
    token = uuid.uuid4()
    with pytest.raises(ServiceValidationError):
        create_once(
            token=token,
            actor=olivia,
            create=lambda: mappa_referral_create(
                person=daniel,
                police_force=police,
                level_requested=2,
                reason="   ",
                risk_of_serious_harm=True,
                risk_linked_to_offending=True,
                expected_release_date=None,
                actor=olivia,
                today=dt.date(2026, 11, 25),
            ),
        )
    assert not FormSubmission.objects.exists()


def _post_together(user, url, forms):
    """Post each form from its own thread and connection, all released at once."""
    barrier = threading.Barrier(len(forms))
    answers: list[int] = []
    errors: list[BaseException] = []

    def post(form):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            answers.append(client.post(url, form).status_code)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(form,)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return sorted(answers)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_same_appointment_posted_twice_at_once_is_created_once(olivia, daniel):
    url = reverse("contacts:arrange", args=[daniel.crn])
    form = appointment(uuid.uuid4())
    assert _post_together(olivia, url, [form, form]) == [302, 302]
    assert Contact.objects.filter(person=daniel).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_forms_arranging_the_same_time_at_once_make_one_appointment(olivia, daniel):
    url = reverse("contacts:arrange", args=[daniel.crn])
    answers = _post_together(olivia, url, [appointment(uuid.uuid4()), appointment(uuid.uuid4())])
    assert answers == [200, 302]
    assert Contact.objects.filter(person=daniel).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_mappa_referrals_at_once_leave_one_open(olivia, daniel, police):
    url = reverse("mappa-case:refer", args=[daniel.crn])
    answers = _post_together(
        olivia, url, [referral(uuid.uuid4(), police), referral(uuid.uuid4(), police)]
    )
    assert answers == [200, 302]
    assert MappaReferral.objects.filter(person=daniel).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_same_victim_posted_twice_at_once_is_created_once(daniel, peterborough_team):
    vera = liaison_officer_of(daniel, peterborough_team)
    url = reverse("victims:add", args=[daniel.crn])
    form = {
        "form_token": str(uuid.uuid4()),
        "forename": "Alice",
        "surname": "Jones",
        "contact_preference": "LETTER",
    }
    assert _post_together(vera, url, [form, form]) == [302, 302]
    assert Victim.objects.filter(person=daniel).count() == 2  # the first victim, and Alice
