import datetime as dt

import pytest
from django.urls import reverse

from openom.offences.models import Offence
from openom.sentencing.models import Event, Sentence
from tests.factories import CourtFactory


@pytest.fixture
def court(db):
    return CourtFactory()


def date_fields(name, value):
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def test_an_officer_adds_an_event_then_its_sentence(client, olivia, daniel, court):
    offence = Offence.objects.filter(active=True).first()
    client.force_login(olivia)
    convicted = dt.date.today() - dt.timedelta(days=10)

    response = client.post(
        reverse("people:event-create", args=[daniel.crn]),
        {
            "court": court.pk,
            **date_fields("conviction_date", convicted),
            "plea": "GUILTY",
            "main_offence": offence.code,
            **date_fields("offence_date", convicted - dt.timedelta(days=40)),
        },
    )
    event = Event.objects.get(person=daniel)
    assert response["Location"] == reverse(
        "people:sentence-create", args=[daniel.crn, event.number]
    )

    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, event.number]),
        {
            "sentence_type": "COMMUNITY_ORDER",
            **date_fields("sentence_date", convicted),
            "length_months": "18",
            "unpaid_work_hours": "150",
            "other_requirements": ["DRR"],
        },
    )
    assert response.status_code == 302
    sentence = Sentence.objects.get(event=event)
    assert sorted(r.requirement_type for r in sentence.requirements.all()) == ["DRR", "UNPAID_WORK"]

    events_page = client.get(reverse("people:case-events", args=[daniel.crn])).content.decode()
    assert offence.description in events_page
    assert "Unpaid work 150 hours" in events_page


def test_an_unknown_offence_code_is_shown_on_the_offence_field(client, olivia, daniel, court):
    client.force_login(olivia)
    convicted = dt.date.today() - dt.timedelta(days=10)

    response = client.post(
        reverse("people:event-create", args=[daniel.crn]),
        {
            "court": court.pk,
            **date_fields("conviction_date", convicted),
            "plea": "GUILTY",
            "main_offence": "NOPE1",
            **date_fields("offence_date", convicted),
        },
    )

    body = response.content.decode()
    assert 'href="#id_main_offence"' in body
    assert "NOPE1 is not in the offence catalogue" in body
    assert not Event.objects.exists()


def test_a_sentence_form_with_the_end_before_the_start_saves_nothing(client, olivia, daniel, court):
    event = Event.objects.create(
        person=daniel, number=1, court=court, conviction_date=dt.date(2026, 1, 5), plea="GUILTY"
    )
    client.force_login(olivia)

    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, 1]),
        {
            "sentence_type": "COMMUNITY_ORDER",
            **date_fields("sentence_date", dt.date(2026, 1, 5)),
            "length_months": "12",
            **date_fields("termination_date", dt.date(2026, 1, 4)),
            "termination_reason": "OTHER",
        },
    )

    assert "cannot end before it starts" in response.content.decode()
    assert not Sentence.objects.filter(event=event).exists()


def test_a_sentence_for_an_event_number_that_does_not_exist_is_404(client, olivia, daniel):
    client.force_login(olivia)
    assert client.get(reverse("people:sentence-create", args=[daniel.crn, 7])).status_code == 404


def test_an_officer_ends_an_order_with_its_outcome(client, olivia, daniel):
    from tests.factories import SentenceFactory

    sentence = SentenceFactory(event__person=daniel, sentence_date=dt.date(2025, 6, 1))
    client.force_login(olivia)

    response = client.post(
        reverse("people:sentence-end", args=[daniel.crn, sentence.pk]),
        {
            **date_fields("termination_date", dt.date(2026, 5, 31)),
            "termination_reason": "COMPLETED",
        },
    )

    sentence.refresh_from_db()
    assert response.status_code == 302
    assert (sentence.termination_date, sentence.termination_reason) == (
        dt.date(2026, 5, 31),
        "COMPLETED",
    )
