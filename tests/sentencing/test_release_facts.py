"""The sentence facts the release date calculation needs are entered on the sentence form."""

import datetime as dt

import pytest
from django.urls import reverse

from openom.offences.models import Offence
from openom.sentencing.models import Sentence
from openom.sentencing.services import OffenceEntry, event_create
from tests.factories import CourtFactory
from tests.sentencing.test_views import date_fields


@pytest.fixture
def event(daniel, olivia):
    offence = Offence.objects.filter(active=True).first()
    convicted = dt.date.today() - dt.timedelta(days=10)
    return event_create(
        person=daniel,
        court=CourtFactory(),
        conviction_date=convicted,
        plea="GUILTY",
        offences=[OffenceEntry(code=offence.code, offence_date=convicted, is_main=True)],
        actor=olivia,
    )


def test_an_officer_records_a_custodial_term_in_weeks_with_the_sentencing_records_answers(
    client, olivia, daniel, event
):
    client.force_login(olivia)
    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, event.number]),
        {
            "sentence_type": "DETERMINATE_CUSTODY",
            **date_fields("sentence_date", event.conviction_date),
            "length_weeks": "20",
            "sds_plus": "no",
            "sds40_exclusion": "DOMESTIC_ABUSE",
        },
    )
    assert response.status_code == 302
    sentence = Sentence.objects.get(event=event)
    assert (sentence.length_weeks, sentence.sds_plus, sentence.sds40_exclusion) == (
        20,
        False,
        "DOMESTIC_ABUSE",
    )
    assert sentence.length_description == "20 weeks"
    # 20 weeks is 140 days: the term's last day is day 140, counting the sentence date as day 1.
    assert sentence.expected_end_date == event.conviction_date + dt.timedelta(days=139)


def test_release_arrangements_on_a_community_sentence_are_refused(client, olivia, daniel, event):
    client.force_login(olivia)
    response = client.post(
        reverse("people:sentence-create", args=[daniel.crn, event.number]),
        {
            "sentence_type": "COMMUNITY_ORDER",
            **date_fields("sentence_date", event.conviction_date),
            "length_months": "12",
            "sds_plus": "yes",
        },
    )
    assert response.status_code == 200
    assert "SDS+ applies only to a custodial sentence" in response.content.decode()
    assert not Sentence.objects.filter(event=event).exists()
