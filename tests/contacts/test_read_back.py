"""Contact notes can be read back, outcomes corrected with a reason, and a corrected failure
withdraws the warning it caused."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.contacts.services import contact_arrange, contact_outcome_record
from openom.core.exceptions import ServiceValidationError
from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.models import EnforcementAction
from tests.factories import SentenceFactory


@pytest.fixture
def order(daniel):
    return SentenceFactory(
        event__person=daniel, sentence_date=timezone.localdate() - dt.timedelta(days=200)
    )


def a_past_appointment(person, sentence, officer, days_ago=10, notes=""):
    when = timezone.localdate() - dt.timedelta(days=days_ago)
    return contact_arrange(
        person=person,
        actor=officer,
        data={
            "contact_type": ContactType.OFFICE,
            "starts_at": timezone.make_aware(dt.datetime.combine(when, dt.time(10))),
            "officer": officer,
            "sentence": sentence,
            "enforceable": True,
            "notes": notes,
        },
    )


def test_the_notes_written_when_arranging_and_recording_are_shown_after_saving(
    client, olivia, daniel, order
):
    client.force_login(olivia)
    day = timezone.localdate() + dt.timedelta(days=14)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    client.post(
        reverse("contacts:arrange", args=[daniel.crn]),
        {
            "contact_type": ContactType.OFFICE,
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "time": "11:15",
            "notes": "Bring the hostel letter about the move",
        },
    )
    contact = Contact.objects.get(person=daniel)
    Contact.objects.filter(pk=contact.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))
    response = client.post(
        reverse("contacts:outcome", args=[daniel.crn, contact.pk]),
        {
            "version": contact.version,
            "outcome": ContactOutcome.ATTENDED_COMPLIED,
            "notes": "Brought the letter; discussed the new address",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:detail", args=[daniel.crn, contact.pk])

    page = client.get(response["Location"]).content.decode()

    assert "Brought the letter; discussed the new address" in page
    # The note written when arranging is in the history, with the one that replaced it.
    assert "Bring the hostel letter about the move" in page
    assert "Attended and complied" in page
    assert "Olivia Grant" in page


def test_correcting_an_outcome_needs_a_reason(daniel, olivia, order):
    contact = a_past_appointment(daniel, order, olivia)
    contact = contact_outcome_record(
        contact=contact,
        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        version=contact.version,
        actor=olivia,
    )

    with pytest.raises(ServiceValidationError) as refused:
        contact_outcome_record(
            contact=contact,
            outcome=ContactOutcome.ACCEPTABLE_ABSENCE,
            version=contact.version,
            actor=olivia,
            evidence="Hospital discharge letter dated that morning",
        )

    assert refused.value.field_errors == {"reason": "Say why you are changing the outcome"}


def test_an_unacceptable_absence_corrected_to_acceptable_withdraws_its_warning(
    client, daniel, olivia, order
):
    contact = a_past_appointment(daniel, order, olivia)
    contact = contact_outcome_record(
        contact=contact,
        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        version=contact.version,
        actor=olivia,
    )
    warning = EnforcementAction.objects.get(person=daniel)
    assert (warning.kind, warning.status) == (ActionKind.WARNING, ActionStatus.OPEN)
    client.force_login(olivia)

    response = client.post(
        reverse("contacts:outcome", args=[daniel.crn, contact.pk]),
        {
            "version": contact.version,
            "outcome": ContactOutcome.ACCEPTABLE_ABSENCE,
            "evidence": "Hospital discharge letter dated that morning",
            "reason": "The hospital letter arrived after I recorded the absence",
        },
    )

    assert response.status_code == 302
    warning.refresh_from_db()
    assert warning.status == ActionStatus.WITHDRAWN
    assert not EnforcementAction.objects.exclude(status=ActionStatus.WITHDRAWN).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Reason: The hospital letter arrived after I recorded the absence" in page
    assert "Unacceptable absence" in page and "Acceptable absence" in page


def test_correcting_one_of_two_failures_leaves_the_warning_the_other_one_calls_for(
    daniel, olivia, order
):
    first = a_past_appointment(daniel, order, olivia, days_ago=30)
    first = contact_outcome_record(
        contact=first,
        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        version=first.version,
        actor=olivia,
    )
    second = a_past_appointment(daniel, order, olivia, days_ago=5)
    contact_outcome_record(
        contact=second,
        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        version=second.version,
        actor=olivia,
    )
    assert EnforcementAction.objects.filter(kind=ActionKind.BREACH, status="OPEN").exists()

    contact_outcome_record(
        contact=first,
        outcome=ContactOutcome.ACCEPTABLE_ABSENCE,
        version=first.version,
        actor=olivia,
        evidence="GP note",
        reason="GP note found on file",
    )

    standing = EnforcementAction.objects.exclude(status=ActionStatus.WITHDRAWN)
    # Sentencing Act 2020 Sch 10 para 6: a warning for an unacceptable failure unless a warning
    # was given in the previous 12 months. The first warning is withdrawn, so the one failure
    # left gets a warning, not breach.
    assert [(a.kind, a.triggered_by_id) for a in standing] == [(ActionKind.WARNING, second.pk)]
