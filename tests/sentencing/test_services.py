import datetime as dt

import pytest

from openom.access.models import AuditEvent
from openom.core.exceptions import ServiceValidationError
from openom.offences.models import Offence
from openom.sentencing.constants import RequirementType, SentenceType, TerminationReason
from openom.sentencing.models import Event, Requirement, Sentence
from openom.sentencing.services import (
    OffenceEntry,
    event_create,
    sentence_create,
    sentence_expected_end,
    sentence_terminate,
)
from tests.factories import CourtFactory

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def offence(db):
    return Offence.objects.filter(active=True).order_by("code").first()


@pytest.fixture
def event(olivia, daniel, offence):
    return event_create(
        person=daniel,
        court=CourtFactory(),
        conviction_date=dt.date(2026, 10, 1),
        plea="GUILTY",
        offences=[OffenceEntry(code=offence.code, offence_date=dt.date(2026, 8, 1), is_main=True)],
        actor=olivia,
        today=TODAY,
    )


def community_order(**overrides):
    return {
        "sentence_type": SentenceType.COMMUNITY_ORDER,
        "sentence_date": dt.date(2026, 10, 1),
        "length_months": 12,
        **overrides,
    }


def test_events_are_numbered_in_order_for_each_person(olivia, daniel, offence, event):
    second = event_create(
        person=daniel,
        court=CourtFactory(),
        conviction_date=dt.date(2026, 11, 1),
        plea="GUILTY",
        offences=[
            OffenceEntry(code=offence.code, offence_date=dt.date(2026, 10, 20), is_main=True)
        ],
        actor=olivia,
        today=TODAY,
    )
    assert (event.number, second.number) == (1, 2)
    assert AuditEvent.objects.filter(person=daniel, action="event_create").count() == 2


def test_an_unknown_offence_code_is_refused_naming_the_code_and_nothing_is_saved(olivia, daniel):
    with pytest.raises(ServiceValidationError) as refused:
        event_create(
            person=daniel,
            court=CourtFactory(),
            conviction_date=dt.date(2026, 10, 1),
            plea="GUILTY",
            offences=[OffenceEntry(code="99999X", offence_date=dt.date(2026, 9, 1), is_main=True)],
            actor=olivia,
            today=TODAY,
        )
    assert "99999X is not in the offence catalogue" in refused.value.field_errors["offences"]
    assert not Event.objects.exists()


def test_an_offence_after_the_conviction_is_refused(olivia, daniel, offence):
    with pytest.raises(ServiceValidationError) as refused:
        event_create(
            person=daniel,
            court=CourtFactory(),
            conviction_date=dt.date(2026, 10, 1),
            plea="GUILTY",
            offences=[
                OffenceEntry(code=offence.code, offence_date=dt.date(2026, 10, 2), is_main=True)
            ],
            actor=olivia,
            today=TODAY,
        )
    assert "offence_date" in refused.value.field_errors


def test_an_event_needs_exactly_one_main_offence(olivia, daniel, offence):
    with pytest.raises(ServiceValidationError):
        event_create(
            person=daniel,
            court=CourtFactory(),
            conviction_date=dt.date(2026, 10, 1),
            plea="GUILTY",
            offences=[OffenceEntry(code=offence.code, offence_date=dt.date(2026, 9, 1))],
            actor=olivia,
            today=TODAY,
        )


def test_a_community_order_ends_the_day_before_its_anniversary(olivia, event):
    sentence = sentence_create(event=event, data=community_order(), actor=olivia, today=TODAY)

    assert sentence.expected_end_date == dt.date(2027, 9, 30)
    assert sentence.person_id == event.person_id


def test_a_sentence_that_ends_before_it_starts_is_refused_and_nothing_is_saved(olivia, event):
    with pytest.raises(ServiceValidationError) as refused:
        sentence_create(
            event=event,
            actor=olivia,
            today=TODAY,
            data=community_order(
                termination_date=dt.date(2026, 9, 30), termination_reason=TerminationReason.OTHER
            ),
        )
    assert "cannot end before it starts" in refused.value.field_errors["termination_date"]
    assert not Sentence.objects.exists()


def test_a_sentence_before_the_conviction_is_refused(olivia, event):
    with pytest.raises(ServiceValidationError) as refused:
        sentence_create(
            event=event,
            data=community_order(sentence_date=dt.date(2026, 9, 1)),
            actor=olivia,
            today=TODAY,
        )
    assert "sentence_date" in refused.value.field_errors


def test_a_community_order_longer_than_three_years_is_refused(olivia, event):
    with pytest.raises(ServiceValidationError) as refused:
        sentence_create(
            event=event, data=community_order(length_months=37), actor=olivia, today=TODAY
        )
    assert "at most 36 months" in refused.value.field_errors["length_months"]


def test_unpaid_work_outside_40_to_300_hours_is_refused(olivia, event):
    for hours in (39, 301):
        with pytest.raises(ServiceValidationError) as refused:
            sentence_create(
                event=event,
                data=community_order(),
                actor=olivia,
                today=TODAY,
                requirements=[{"requirement_type": RequirementType.UNPAID_WORK, "length": hours}],
            )
        assert "between 40 and 300 hours" in refused.value.field_errors["unpaid_work_hours"]
    assert not Requirement.objects.exists()


def test_requirements_take_their_units_and_start_with_the_order(olivia, event):
    sentence = sentence_create(
        event=event,
        data=community_order(),
        actor=olivia,
        today=TODAY,
        requirements=[
            {"requirement_type": RequirementType.UNPAID_WORK, "length": 120},
            {"requirement_type": RequirementType.REHABILITATION_ACTIVITY, "length": 20},
        ],
    )
    assert sorted((r.requirement_type, r.length_unit) for r in sentence.requirements.all()) == [
        ("RAR", "DAYS"),
        ("UNPAID_WORK", "HOURS"),
    ]
    assert {r.start_date for r in sentence.requirements.all()} == {dt.date(2026, 10, 1)}


def test_custody_cannot_carry_community_requirements(olivia, event):
    with pytest.raises(ServiceValidationError):
        sentence_create(
            event=event,
            actor=olivia,
            today=TODAY,
            data={
                "sentence_type": SentenceType.DETERMINATE_CUSTODY,
                "sentence_date": dt.date(2026, 10, 1),
                "length_months": 18,
            },
            requirements=[{"requirement_type": RequirementType.UNPAID_WORK, "length": 100}],
        )


def test_a_suspended_sentence_needs_an_operational_period_of_6_to_24_months(olivia, event):
    with pytest.raises(ServiceValidationError) as refused:
        sentence_create(
            event=event,
            actor=olivia,
            today=TODAY,
            data={
                "sentence_type": SentenceType.SUSPENDED_SENTENCE_ORDER,
                "sentence_date": dt.date(2026, 10, 1),
                "length_months": 6,
                "operational_period_months": 30,
            },
        )
    assert "operational_period_months" in refused.value.field_errors


def test_a_suspended_sentence_ends_with_its_operational_period(olivia, event):
    sentence = sentence_create(
        event=event,
        actor=olivia,
        today=TODAY,
        data={
            "sentence_type": SentenceType.SUSPENDED_SENTENCE_ORDER,
            "sentence_date": dt.date(2026, 10, 1),
            "length_months": 6,
            "operational_period_months": 18,
        },
    )
    assert sentence.expected_end_date == dt.date(2028, 3, 31)


def test_an_extended_sentence_ends_after_custody_and_the_extension():
    assert sentence_expected_end(
        sentence_type=SentenceType.EXTENDED_DETERMINATE,
        sentence_date=dt.date(2026, 1, 15),
        length_years=6,
        extension_period_months=48,
    ) == dt.date(2036, 1, 14)


def test_life_and_hospital_orders_have_no_end_date():
    for kind in (SentenceType.LIFE, SentenceType.IPP, SentenceType.HOSPITAL_ORDER):
        assert (
            sentence_expected_end(
                sentence_type=kind, sentence_date=dt.date(2026, 1, 1), length_years=10
            )
            is None
        )


def test_terminating_a_sentence_ends_its_open_requirements_too(olivia, event):
    sentence = sentence_create(
        event=event,
        data=community_order(),
        actor=olivia,
        today=TODAY,
        requirements=[{"requirement_type": RequirementType.UNPAID_WORK, "length": 120}],
    )
    sentence_terminate(
        sentence=sentence,
        termination_date=dt.date(2026, 11, 20),
        reason=TerminationReason.REVOKED_BREACH,
        actor=olivia,
    )

    requirement = sentence.requirements.get()
    assert requirement.termination_date == dt.date(2026, 11, 20)
    assert requirement.termination_reason == TerminationReason.REVOKED_BREACH
