"""Statutory ranges on the sentence page, every error shown at once (issue 15's bad input)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from openom.sentencing.models import Requirement, Sentence
from tests.factories import EventFactory


def test_a_48_month_community_order_with_500_unpaid_work_hours_is_refused_with_both_errors(
    client, olivia, daniel
):
    event = EventFactory(person=daniel, conviction_date=timezone.localdate() - dt.timedelta(days=3))
    client.force_login(olivia)
    day = event.conviction_date

    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, event.number]),
        {
            "sentence_type": "COMMUNITY_ORDER",
            "sentence_date_0": day.day,
            "sentence_date_1": day.month,
            "sentence_date_2": day.year,
            "length_months": "48",
            "unpaid_work_hours": "500",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    # Sentencing Act 2020 s209(2): the end date must not be more than 3 years after the order.
    assert "A community order can last at most 36 months" in page
    # Sentencing Act 2020 Sch 9 para 2(1): not less than 40 and not more than 300 hours.
    assert "Unpaid work must be between 40 and 300 hours" in page
    assert '<a href="#id_length_months">' in page and '<a href="#id_unpaid_work_hours">' in page
    assert not Sentence.objects.filter(event=event).exists()
    assert not Requirement.objects.exists()


def test_a_missing_sentence_type_says_what_to_do_not_this_field_is_required(client, olivia, daniel):
    event = EventFactory(person=daniel, conviction_date=timezone.localdate() - dt.timedelta(days=3))
    client.force_login(olivia)

    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, event.number]),
        {"length_months": "twelve"},
    )

    page = response.content.decode()
    assert "This field is required" not in page and "Enter a whole number" not in page
    assert "Select sentence" in page
    assert "Enter the date of sentence" in page
    assert "Length: months must be a whole number, like 12" in page
