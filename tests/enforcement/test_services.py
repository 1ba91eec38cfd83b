import datetime as dt

import pytest
from django.utils import timezone

from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.services import contact_arrange, contact_outcome_record
from openom.core.exceptions import ServiceValidationError
from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.services import (
    breach_start,
    enforcement_resolve,
    recall_authorise,
    recall_request,
)
from openom.sentencing.constants import SentenceType, TerminationReason
from tests.factories import SentenceFactory


def miss(person, sentence, officer, when: dt.date, outcome=ContactOutcome.UNACCEPTABLE_ABSENCE):
    contact = contact_arrange(
        person=person,
        actor=officer,
        data={
            "contact_type": ContactType.OFFICE,
            "starts_at": timezone.make_aware(dt.datetime.combine(when, dt.time(10))),
            "officer": officer,
            "sentence": sentence,
            "enforceable": True,
        },
    )
    return contact_outcome_record(
        contact=contact, outcome=outcome, version=contact.version, actor=officer
    )


@pytest.fixture
def order(daniel):
    return SentenceFactory(
        event__person=daniel, sentence_date=dt.date.today() - dt.timedelta(days=200)
    )


def test_recording_an_unacceptable_absence_opens_a_warning(daniel, olivia, order):
    miss(daniel, order, olivia, dt.date.today() - dt.timedelta(days=20))
    action = EnforcementAction.objects.get(sentence=order)
    assert action.kind == ActionKind.WARNING and action.status == ActionStatus.OPEN


def test_an_acceptable_absence_needs_evidence_and_opens_nothing(daniel, olivia, order):
    with pytest.raises(ServiceValidationError) as refused:
        miss(
            daniel,
            order,
            olivia,
            dt.date.today() - dt.timedelta(days=3),
            outcome=ContactOutcome.ACCEPTABLE_ABSENCE,
        )
    assert "evidence" in refused.value.field_errors
    assert not EnforcementAction.objects.exists()


def test_a_second_failure_opens_breach_which_is_laid_and_resolved(daniel, olivia, order):
    miss(daniel, order, olivia, dt.date.today() - dt.timedelta(days=40))
    miss(daniel, order, olivia, dt.date.today() - dt.timedelta(days=5))
    breach = EnforcementAction.objects.get(sentence=order, kind=ActionKind.BREACH)
    assert breach.failures.count() == 2

    breach = breach_start(
        action=breach,
        started_on=dt.date.today(),
        reasons="Two failures",
        version=breach.version,
        actor=olivia,
    )
    breach = enforcement_resolve(
        action=breach,
        resolved_on=dt.date.today(),
        outcome=BreachOutcome.REVOKED_RESENTENCED,
        version=breach.version,
        actor=olivia,
    )
    order.refresh_from_db()
    assert breach.status == ActionStatus.RESOLVED
    assert order.termination_reason == TerminationReason.REVOKED_BREACH


def test_a_recall_needs_reasons_and_a_managers_authorisation(daniel, olivia, sam):
    licence = SentenceFactory(
        event__person=daniel,
        sentence_type=SentenceType.DETERMINATE_CUSTODY,
        sentence_date=dt.date.today() - dt.timedelta(days=400),
        release_date=dt.date.today() - dt.timedelta(days=60),
    )
    miss(daniel, licence, olivia, dt.date.today() - dt.timedelta(days=20))
    miss(daniel, licence, olivia, dt.date.today() - dt.timedelta(days=10))
    recall = EnforcementAction.objects.get(kind=ActionKind.RECALL)
    recall = recall_request(
        action=recall,
        recall_type=RecallType.FIXED_TERM,
        reasons="Missed two appointments; whereabouts unknown",
        requested_on=dt.date.today(),
        version=recall.version,
        actor=olivia,
    )

    with pytest.raises(ServiceValidationError):
        recall_authorise(
            action=recall, authorised_on=dt.date.today(), version=recall.version, actor=olivia
        )
    recall = recall_authorise(
        action=recall, authorised_on=dt.date.today(), version=recall.version, actor=sam
    )

    assert recall.authorised_by == sam and recall.status == ActionStatus.STARTED


def test_the_same_failure_never_opens_a_second_action(daniel, olivia, order):
    from openom.enforcement.services import enforcement_review

    miss(daniel, order, olivia, dt.date.today() - dt.timedelta(days=20))
    enforcement_review(sentence=order, actor=olivia, today=dt.date.today())
    assert EnforcementAction.objects.count() == 1


def test_the_area_sets_how_many_working_days_breach_action_has_to_start(
    daniel, olivia, order, settings
):
    from openom.working_days.rules import WorkingDayCalendar

    settings.OPENOM_BREACH_START_WORKING_DAYS = 5
    second = dt.date.today() - dt.timedelta(days=5)
    miss(daniel, order, olivia, dt.date.today() - dt.timedelta(days=40))
    miss(daniel, order, olivia, second)
    breach = EnforcementAction.objects.get(sentence=order, kind=ActionKind.BREACH)
    assert breach.deadline == WorkingDayCalendar.england_and_wales().add_working_days(second, 5)


def test_a_warning_records_the_date_it_was_given_and_its_response_runs_from_it(
    daniel, olivia, order
):
    from openom.enforcement.services import warning_give

    failed = dt.date.today() - dt.timedelta(days=20)
    miss(daniel, order, olivia, failed)
    warning = EnforcementAction.objects.get(sentence=order)
    with pytest.raises(ServiceValidationError) as refused:
        warning_give(
            action=warning,
            warned_on=failed - dt.timedelta(days=1),
            version=warning.version,
            actor=olivia,
        )
    assert "warned_on" in refused.value.field_errors
    given = failed + dt.timedelta(days=3)
    warning = warning_give(action=warning, warned_on=given, version=warning.version, actor=olivia)
    # DOMAIN.md §5.4: "The person has 7 days to respond to a warning".
    assert (warning.warned_on, warning.deadline) == (given, given + dt.timedelta(days=7))
    with pytest.raises(ServiceValidationError):
        warning_give(action=warning, warned_on=given, version=warning.version - 1, actor=olivia)


def test_a_warning_given_before_a_breach_still_stands_after_it(daniel, olivia):
    # DOMAIN.md §5.4 (Sentencing Act 2020 Sch 10 para 6): the 12 months run from the date the
    # warning was given, and a breach in between does not cancel it.
    from openom.enforcement.services import warning_give

    today = dt.date.today()
    order = SentenceFactory(event__person=daniel, sentence_date=today - dt.timedelta(days=300))
    miss(daniel, order, olivia, today - dt.timedelta(days=200))
    warning = EnforcementAction.objects.get(sentence=order)
    warning_give(
        action=warning,
        warned_on=today - dt.timedelta(days=198),
        version=warning.version,
        actor=olivia,
    )
    miss(daniel, order, olivia, today - dt.timedelta(days=150))
    breach = EnforcementAction.objects.get(sentence=order, kind=ActionKind.BREACH)
    breach = breach_start(
        action=breach,
        started_on=today - dt.timedelta(days=145),
        reasons="Second absence",
        version=breach.version,
        actor=olivia,
    )
    enforcement_resolve(
        action=breach,
        resolved_on=today - dt.timedelta(days=120),
        outcome=BreachOutcome.CONTINUED,
        version=breach.version,
        actor=olivia,
    )
    miss(daniel, order, olivia, today - dt.timedelta(days=10))
    latest = EnforcementAction.objects.filter(sentence=order).order_by("-pk").first()
    assert latest.kind == ActionKind.BREACH
    assert latest.failure_date == today - dt.timedelta(days=10)
    assert any("warning given on" in line for line in latest.working)
