"""Enforcement records what has happened: a breach cannot be laid at court in the future."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from openom.contacts.constants import ContactOutcome
from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.models import EnforcementAction
from tests.enforcement.test_services import miss
from tests.factories import SentenceFactory


@pytest.fixture
def breach(daniel, olivia):
    order = SentenceFactory(
        event__person=daniel, sentence_date=timezone.localdate() - dt.timedelta(days=200)
    )
    miss(daniel, order, olivia, timezone.localdate() - dt.timedelta(days=40))
    miss(daniel, order, olivia, timezone.localdate() - dt.timedelta(days=5))
    return EnforcementAction.objects.get(kind=ActionKind.BREACH)


def test_a_breach_started_in_the_future_is_refused_on_the_page(client, olivia, daniel, breach):
    client.force_login(olivia)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = client.post(
        reverse("enforcement:action", args=[daniel.crn, breach.pk]),
        {
            "version": breach.version,
            "started_on_0": tomorrow.day,
            "started_on_1": tomorrow.month,
            "started_on_2": tomorrow.year,
            "reasons": "Two unacceptable absences",
        },
    )

    assert response.status_code == 200
    assert (
        '<a href="#id_started_on_0">The date the breach was laid at court must be today or in '
        "the past</a>" in response.content.decode()
    )
    breach.refresh_from_db()
    assert breach.status == ActionStatus.OPEN and breach.started_on is None


def test_a_breach_laid_today_is_accepted(client, olivia, daniel, breach):
    client.force_login(olivia)
    today = timezone.localdate()

    client.post(
        reverse("enforcement:action", args=[daniel.crn, breach.pk]),
        {
            "version": breach.version,
            "started_on_0": today.day,
            "started_on_1": today.month,
            "started_on_2": today.year,
            "reasons": "Two unacceptable absences",
        },
    )

    breach.refresh_from_db()
    assert (breach.status, breach.started_on) == (ActionStatus.STARTED, today)
    assert ContactOutcome.UNACCEPTABLE_ABSENCE in {c.outcome for c in breach.failures.all()}
