"""Arranging an appointment: a weekday in the future, unless the officer confirms otherwise."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from openom.contacts.constants import ContactType
from openom.contacts.models import Contact


def next_weekday(day: int) -> dt.date:
    """The next date after today falling on `day` (0 Monday ... 6 Sunday)."""
    today = timezone.localdate()
    return today + dt.timedelta(days=(day - today.weekday() - 1) % 7 + 1)


def arrange(client, person, day, time="10:00", **extra):
    return client.post(
        reverse("contacts:arrange", args=[person.crn]),
        {
            "contact_type": ContactType.OFFICE,
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "time": time,
            **extra,
        },
    )


def test_an_office_appointment_on_a_sunday_is_refused(client, olivia, daniel):
    client.force_login(olivia)

    response = arrange(client, daniel, next_weekday(6))

    assert response.status_code == 200
    assert (
        "The appointment date must be a weekday, or tick the box to confirm a weekend appointment"
        in response.content.decode()
    )
    assert not Contact.objects.exists()


def test_an_unpaid_work_session_on_a_sunday_is_accepted(client, olivia, daniel):
    # Unpaid work runs at weekends (Sentencing Act 2020 Sch 9 para 2; sessions are arranged
    # around work and caring): a Sunday session needs no confirmation.
    client.force_login(olivia)

    response = arrange(client, daniel, next_weekday(6), contact_type=ContactType.UNPAID_WORK)

    assert response.status_code == 302
    assert Contact.objects.count() == 1


def test_an_appointment_in_the_past_needs_the_officer_to_confirm_it(client, olivia, daniel):
    client.force_login(olivia)
    last_week = next_weekday(2) - dt.timedelta(days=7)

    refused = arrange(client, daniel, last_week)
    assert "The appointment is in the past: tick the box to confirm" in refused.content.decode()
    assert not Contact.objects.exists()

    accepted = arrange(client, daniel, last_week, confirm_date="on")
    assert accepted.status_code == 302
    assert Contact.objects.count() == 1


def test_all_the_missing_answers_are_shown_at_once_in_govuk_words(client, olivia, daniel):
    client.force_login(olivia)

    response = client.post(reverse("contacts:arrange", args=[daniel.crn]), {"time": "25:99"})

    page = response.content.decode()
    assert "This field is required" not in page
    assert '<a href="#id_contact_type">Select type</a>' in page
    assert '<a href="#id_date_0">Enter the date</a>' in page
    assert (
        '<a href="#id_time">Time must be a real time on the 24-hour clock, like 14:30</a>' in page
    )
