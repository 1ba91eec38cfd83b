"""The MAPPA register: categories from the record, levels, meetings, minutes and chased actions."""

import datetime as dt

import pytest
from django.utils import timezone

from openom.access.constants import CasePart, SharingBasis
from openom.access.models import CaseShare
from openom.access.policy import case_access
from openom.core.exceptions import ServiceValidationError
from openom.mappa.constants import ReferralStatus
from openom.mappa.models import LevelDecision, MeetingAction
from openom.mappa.services import (
    agenda_item_minute,
    confirmed_in_time,
    mapp_meeting_attendance_record,
    mapp_meeting_schedule,
    mappa_level_confirm_to_prison,
    mappa_level_set,
    mappa_referral_create,
    mappa_referral_decide,
    mappa_register,
    meeting_action_add,
    meeting_actions_chase,
)
from openom.notifications.models import Notification

TODAY = dt.date(2026, 11, 25)


def register(person, colin, *, level=1, police_unit=None, rationale="Managed by agencies"):
    return mappa_register(
        person=person,
        police_force=colin.agency,
        police_unit=police_unit,
        level=level,
        rationale=rationale,
        actor=colin,
        today=TODAY,
    )


def test_a_registered_sex_offender_is_registered_in_category_1_from_their_record(
    sex_offender, colin
):
    registration = register(sex_offender, colin)
    assert registration.category == 1
    assert any("category 1" in reason for reason in registration.category_reasons)
    assert registration.next_review_due is None


def test_a_person_not_eligible_on_their_record_cannot_be_registered(burglar, colin):
    with pytest.raises(ServiceValidationError, match="not eligible"):
        register(burglar, colin)


def test_only_the_forces_coordinator_registers(sex_offender, olivia, colin):
    with pytest.raises(ServiceValidationError, match="MAPPA coordinators"):
        mappa_register(
            person=sex_offender,
            police_force=colin.agency,
            level=1,
            rationale="x",
            actor=olivia,
            today=TODAY,
        )


def test_a_category_3_referral_is_accepted_at_level_2_and_shared_with_the_responsible_authorities(
    burglar, olivia, colin
):
    referral = mappa_referral_create(
        person=burglar,
        police_force=colin.agency,
        level_requested=2,
        reason="Threats to a former partner escalating",
        risk_of_serious_harm=True,
        risk_linked_to_offending=True,
        expected_release_date=None,
        actor=olivia,
        today=TODAY,
    )
    assert Notification.objects.filter(recipient=colin).exists() is False  # sent on commit
    registration = mappa_referral_decide(
        referral=referral,
        accept=True,
        level=2,
        rationale="Meets category 3; needs a MAPP meeting",
        actor=colin,
        today=TODAY,
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert registration.category == 3
    assert registration.next_review_due == TODAY + dt.timedelta(weeks=16)
    shared = CaseShare.objects.filter(person=burglar, basis=SharingBasis.MAPPA)
    assert {share.agency for share in shared} == {colin.agency}


def test_category_3_is_never_managed_at_level_1(burglar, olivia, colin):
    referral = mappa_referral_create(
        person=burglar,
        police_force=colin.agency,
        level_requested=2,
        reason="Risk",
        risk_of_serious_harm=True,
        risk_linked_to_offending=True,
        expected_release_date=None,
        actor=olivia,
        today=TODAY,
    )
    with pytest.raises(ServiceValidationError, match="level 2 or 3"):
        mappa_referral_decide(
            referral=referral, accept=True, level=1, rationale="x", actor=colin, today=TODAY
        )


def test_every_level_change_is_kept_with_its_rationale_and_level_1_ends_the_sharing(
    violent_offender, colin
):
    registration = register(violent_offender, colin, level=3, rationale="Imminent risk")
    assert registration.next_review_due == TODAY + dt.timedelta(weeks=8)
    lowered = mappa_level_set(
        registration=registration,
        level=1,
        rationale="Risk reduced; settled in approved premises",
        version=registration.version,
        actor=colin,
        today=TODAY + dt.timedelta(days=60),
    )
    history = list(
        LevelDecision.objects.filter(registration=lowered).values_list("level", flat=True)
    )
    assert history == [1, 3]
    assert not CaseShare.objects.filter(
        person=violent_offender, basis=SharingBasis.MAPPA, end_date__isnull=True
    ).exists()


def test_the_level_must_reach_the_prison_48_hours_before_release(violent_offender, colin):
    registration = register(violent_offender, colin, level=2)
    registration.release_date = dt.date(2026, 12, 10)
    registration.save()
    late = timezone.make_aware(dt.datetime(2026, 12, 8, 12, 0))
    assert not mappa_level_confirm_to_prison(registration=registration, actor=colin, now=late)
    early = timezone.make_aware(dt.datetime(2026, 12, 7, 23, 0))
    assert mappa_level_confirm_to_prison(registration=registration, actor=colin, now=early)
    registration.refresh_from_db()
    assert confirmed_in_time(registration)


@pytest.fixture
def level_2_meeting(violent_offender, sex_offender, colin, north_bcu, housing, children_services):
    first = register(violent_offender, colin, level=2, police_unit=north_bcu)
    second = register(sex_offender, colin, level=2, police_unit=north_bcu)
    return mapp_meeting_schedule(
        police_force=colin.agency,
        level=2,
        police_unit=north_bcu,
        starts_at=timezone.now() + dt.timedelta(days=7),
        location="Parkside Police Station",
        chair="DI Harper",
        agencies=[housing, children_services],
        registrations=[first, second],
        actor=colin,
    )


def test_a_level_2_meeting_needs_a_division_and_cases_at_level_2(violent_offender, colin):
    registration = register(violent_offender, colin, level=3)
    with pytest.raises(ServiceValidationError) as raised:
        mapp_meeting_schedule(
            police_force=colin.agency,
            level=2,
            police_unit=None,
            starts_at=timezone.now() + dt.timedelta(days=7),
            location="x",
            chair="y",
            agencies=[],
            registrations=[registration],
            actor=colin,
        )
    assert set(raised.value.field_errors) == {"police_unit", "registrations"}


def test_a_meeting_invites_the_responsible_authorities_and_the_chosen_agencies(
    level_2_meeting, colin, housing
):
    invited = {i.agency.code: i.responsible_authority for i in level_2_meeting.invitations.all()}
    assert invited["CAMPOL"] is True
    assert invited["CCCHOU"] is False
    assert [item.position for item in level_2_meeting.agenda.all()] == [1, 2]


def test_attending_agencies_share_the_agenda_cases_and_absent_ones_do_not(
    level_2_meeting, colin, housing, children_services, jo, kim, violent_offender
):
    mapp_meeting_attendance_record(
        meeting=level_2_meeting, attended={housing.pk: "Jo Whitfield"}, actor=colin, today=TODAY
    )
    assert case_access(jo, violent_offender).allows(CasePart.RISK_SUMMARY)
    assert not case_access(kim, violent_offender).any
    assert not case_access(jo, violent_offender).allows(CasePart.VICTIMS)


def test_minutes_can_change_the_level_with_the_meeting_recorded(level_2_meeting, colin):
    item = level_2_meeting.agenda.first()
    agenda_item_minute(
        item=item,
        data={"minutes": "Discussed", "risk_management_plan": "Curfew", "level_decided": 3},
        actor=colin,
        today=TODAY,
    )
    decision = LevelDecision.objects.filter(registration=item.registration).first()
    assert decision.level == 3 and decision.meeting == level_2_meeting


def test_actions_are_chased_on_the_due_date_once_a_day_until_done(
    level_2_meeting, colin, housing, jo, django_capture_on_commit_callbacks
):
    item = level_2_meeting.agenda.first()
    due = timezone.localdate(level_2_meeting.starts_at)  # due on the day of the meeting
    action = meeting_action_add(
        item=item,
        description="Check the tenancy for children in the household",
        owner_agency=housing,
        owner=jo,
        due_date=due,
        actor=colin,
    )
    assert meeting_actions_chase(today=due - dt.timedelta(days=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_actions_chase(today=due) == 1
    assert meeting_actions_chase(today=due) == 0
    assert Notification.objects.filter(recipient=jo, subject="MAPPA action due today").exists()
    assert Notification.objects.filter(recipient=colin).exists()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_actions_chase(today=due + dt.timedelta(days=2))
    action = MeetingAction.objects.get(pk=action.pk)
    assert action.times_chased == 2
    assert Notification.objects.filter(recipient=jo, subject="MAPPA action 2 days overdue").exists()


def test_an_action_due_in_the_past_is_refused(level_2_meeting, colin, housing, jo):
    # The bad input: a MAPPA action due in 2020.
    with pytest.raises(ServiceValidationError) as refused:
        meeting_action_add(
            item=level_2_meeting.agenda.first(),
            description="Check the tenancy",
            owner_agency=housing,
            owner=jo,
            due_date=dt.date(2020, 6, 1),
            actor=colin,
        )
    assert refused.value.field_errors == {"due_date": "The due date must be today or in the future"}
    assert not MeetingAction.objects.exists()


def test_notifications_set_the_next_due_date_and_orders_and_breaches_feed_the_report(
    sex_offender, colin, client
):
    from django.urls import reverse

    from openom.mappa.constants import CivilOrderKind, NotificationKind
    from openom.mappa.services import (
        civil_order_breach_record,
        civil_order_record,
        notification_breach_record,
        serious_further_offence_record,
        sex_offender_notification_record,
    )

    registration = register(sex_offender, colin, level=2)
    sex_offender_notification_record(
        registration=registration,
        notified_on=dt.date(2026, 11, 2),
        kind=NotificationKind.PERIODIC,
        no_fixed_abode=True,
        actor=colin,
    )
    order = civil_order_record(
        registration=registration,
        data={
            "kind": CivilOrderKind.SHPO,
            "applied_on": dt.date(2026, 6, 1),
            "full_on": dt.date(2026, 7, 1),
            "conditions": "No unsupervised contact with children under 16",
        },
        actor=colin,
    )
    with pytest.raises(ServiceValidationError):
        civil_order_record(
            registration=registration,
            data={
                "kind": CivilOrderKind.SHPO,
                "applied_on": dt.date(2026, 6, 1),
                "interim_on": dt.date(2026, 5, 1),
            },
            actor=colin,
        )
    civil_order_breach_record(
        registration=registration,
        order=order,
        breach_date=dt.date(2026, 9, 1),
        sent_to_custody_on=dt.date(2026, 9, 20),
        actor=colin,
    )
    notification_breach_record(
        registration=registration,
        breach_date=dt.date(2026, 8, 1),
        outcome="CONVICTED",
        outcome_date=dt.date(2026, 10, 1),
        actor=colin,
    )
    sfo = serious_further_offence_record(
        registration=registration,
        offence_date=dt.date(2026, 11, 20),
        charged_on=dt.date(2026, 11, 23),
        description="Rape",
        actor=colin,
    )
    assert sfo.level_at_the_time == 2
    assert sfo.review_due > sfo.charged_on
    from openom.mappa.services import serious_further_offence_review

    reviewed = serious_further_offence_review(
        sfo=sfo,
        findings="Risk escalation was missed at the last review",
        actor=colin,
        today=dt.date(2026, 12, 10),
    )
    assert reviewed.reviewed_on == dt.date(2026, 12, 10)

    client.force_login(colin)
    page = client.get(reverse("mappa:registration", args=[registration.pk])).content.decode()
    assert "Next notification due by <strong>9 Nov 2026</strong>" in page
    assert "No unsupervised contact" in page


def test_a_detention_and_training_order_on_the_record_notifies_on_half_its_term(cambridgeshire):
    # SOA 2003 s131 and s82: a 12-month DTO is 6 months liable to be detained, "6 months or
    # less: 7 years", halved to 3 years 6 months for a 16-year-old (s82(2)); CJA 2003 s327(3)
    # counts the full 12-month term for category 2.
    from openom.mappa.selectors import category_of
    from openom.sentencing.constants import SentenceType
    from tests.factories import PersonFactory
    from tests.public_protection_personas import convicted_of

    youth = PersonFactory(probation_area=cambridgeshire, date_of_birth=dt.date(2008, 5, 1))
    convicted_of(
        youth,
        "01900",
        on=dt.date(2024, 6, 3),
        sentence_type=SentenceType.DETENTION_AND_TRAINING_ORDER,
        months=12,
    )
    result = category_of(youth, as_of=TODAY)
    assert result.notification.period == rules_term(years=3, months=6)
    assert result.notification.end == dt.date(2027, 12, 2)
    during_the_order = category_of(youth, as_of=dt.date(2024, 12, 2))
    assert during_the_order.also_meets == (2,)


def rules_term(**kwargs):
    from openom.mappa.rules import Term

    return Term(**kwargs)
