"""IOM end to end in services: refer, screen, score from the record, select, review, meet."""

import datetime as dt
from decimal import Decimal

import pytest

from openom.access.constants import CasePart
from openom.access.policy import case_access
from openom.core.exceptions import ServiceValidationError
from openom.iom.constants import ReviewDecision, StatutoryStatus, Strategy
from openom.iom.models import Membership
from openom.iom.selectors import inputs_for, selection_options
from openom.iom.services import (
    action_plan_add,
    case_meeting_build,
    cohort_select,
    iom_referral_create,
    iom_referral_screen,
    member_review,
    scheme_matrix_save,
)
from openom.sentencing.constants import SentenceType
from tests.factories import CaseAllocationFactory, DeliveryUnitFactory, PersonFactory, TeamFactory
from tests.public_protection_personas import convicted_of

TODAY = dt.date(2026, 11, 25)


def prolific(area, team, *, burglaries=0, thefts=0, born=dt.date(1995, 1, 1)):
    person = PersonFactory(probation_area=area, date_of_birth=born)
    CaseAllocationFactory(person=person, team=team)
    for n in range(burglaries):
        convicted_of(
            person,
            "02800",
            on=TODAY - dt.timedelta(days=30 + n * 20),
            sentence_type=SentenceType.COMMUNITY_ORDER,
            months=12,
        )
    for n in range(thefts):
        convicted_of(
            person,
            "04600",
            on=TODAY - dt.timedelta(days=40 + n * 20),
            sentence_type=SentenceType.COMMUNITY_ORDER,
            months=12,
        )
    return person


def refer_and_accept(scheme, person, olivia, ivy, **extra):
    referral = iom_referral_create(
        scheme=scheme,
        person=person,
        reason="Prolific shoplifting and burglary",
        evidence="",
        statutory_status=StatutoryStatus.COMMUNITY_ORDER,
        arrests_12m=extra.get("arrests", 0),
        community_harm=extra.get("harm", 0),
        actor=olivia,
        today=TODAY,
    )
    return iom_referral_screen(
        referral=referral, accept=True, notes="Meets the criteria", actor=ivy, today=TODAY
    )


@pytest.fixture
def districts(cambridgeshire):
    north = TeamFactory(
        delivery_unit=DeliveryUnitFactory(agency=cambridgeshire, name="Peterborough")
    )
    south = TeamFactory(delivery_unit=DeliveryUnitFactory(agency=cambridgeshire, name="Huntingdon"))
    return north, south


def test_the_score_reads_each_fact_from_where_it_is_recorded(
    iom_scheme, cambridgeshire, districts, olivia, ivy
):
    person = prolific(
        cambridgeshire, districts[0], burglaries=2, thefts=1, born=dt.date(2004, 3, 1)
    )
    refer_and_accept(iom_scheme, person, olivia, ivy, arrests=3, harm=2)
    inputs = inputs_for(iom_scheme, person, TODAY)
    assert inputs["convictions_12m"] == {"burglary": 2, "theft": 1}
    assert inputs["arrests_12m"] == 3 and inputs["community_harm"] == 2 and inputs["under_25"] == 1
    score = person.iom_scores.get()
    # (2 burglary x 2 + 1 theft) x 3 = 15; arrests 3; harm 2 x 2 = 4; under 25: 2.
    assert score.score == Decimal("24.0")


def test_a_coordinator_reweights_the_matrix_for_local_priorities(iom_scheme, ivy):
    scheme_matrix_save(
        scheme=iom_scheme,
        weights={"arrests_12m": Decimal(2)},
        priority_weights={"theft": Decimal(3)},
        capacity=5,
        version=iom_scheme.version,
        actor=ivy,
    )
    matrix = iom_scheme.matrix()
    assert matrix.priority_weights["theft"] == 3
    assert next(f for f in matrix.factors if f.key == "arrests_12m").weight == 2


def test_only_the_schemes_coordinator_changes_the_matrix(iom_scheme, olivia):
    with pytest.raises(ServiceValidationError):
        scheme_matrix_save(
            scheme=iom_scheme,
            weights={},
            priority_weights={},
            capacity=5,
            version=iom_scheme.version,
            actor=olivia,
        )


def test_selection_shows_the_county_and_district_trade_off_then_fills_the_places(
    iom_scheme, cambridgeshire, districts, olivia, ivy, police, pete
):
    north, south = districts
    top = prolific(cambridgeshire, north, burglaries=4)
    second = prolific(cambridgeshire, north, burglaries=3)
    southern = prolific(cambridgeshire, south, thefts=1)
    for person in (top, second, southern):
        refer_and_accept(iom_scheme, person, olivia, ivy)
    options = selection_options(iom_scheme)
    assert {c.key for c in options[Strategy.COUNTY].chosen} == {top.pk, second.pk}
    assert {c.key for c in options[Strategy.EVERY_DISTRICT].chosen} == {top.pk, southern.pk}
    assert options[Strategy.EVERY_DISTRICT].districts_served == 2

    chosen = cohort_select(
        scheme=iom_scheme,
        strategy=Strategy.EVERY_DISTRICT,
        cohort_label="Fixed",
        actor=ivy,
        today=TODAY,
    )
    assert {m.person for m in chosen} == {top, southern}
    assert all(m.intensity == "HIGH" and m.next_review_due == dt.date(2027, 5, 25) for m in chosen)
    assert case_access(pete, top).allows(CasePart.RISK_SUMMARY)


@pytest.fixture
def member(iom_scheme, cambridgeshire, districts, olivia, ivy):
    person = prolific(cambridgeshire, districts[0], burglaries=1)
    refer_and_accept(iom_scheme, person, olivia, ivy)
    return cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )[0]


def test_a_review_steps_down_before_it_deselects_and_deselection_needs_onward_support(member, ivy):
    later = TODAY + dt.timedelta(days=182)
    review = member_review(
        membership=member,
        decision=ReviewDecision.STEP_DOWN,
        notes="Complying well",
        onward_support="",
        version=member.version,
        actor=ivy,
        today=later,
    )
    member.refresh_from_db()
    assert member.intensity == "MEDIUM"
    assert review.proposal == "STEP_DOWN"  # the score (1 burglary = 6) is below the step-down line
    assert member.next_review_due == dt.date(2027, 11, 26)  # six months after the review
    with pytest.raises(ServiceValidationError) as raised:
        member_review(
            membership=member,
            decision=ReviewDecision.DESELECT,
            notes="Stopped offending",
            onward_support="",
            version=member.version,
            actor=ivy,
            today=later,
        )
    assert "onward_support" in raised.value.field_errors
    member_review(
        membership=member,
        decision=ReviewDecision.DESELECT,
        notes="Stopped offending",
        onward_support="Housing support worker continues; monthly probation contact",
        version=member.version,
        actor=ivy,
        today=later,
    )
    member.refresh_from_db()
    assert member.end_date == later


def test_the_meeting_agenda_groups_agencies_and_measures_the_hours_saved(
    iom_scheme, cambridgeshire, districts, olivia, ivy, housing
):
    people = [prolific(cambridgeshire, districts[0], burglaries=2) for _ in range(2)]
    for person in people:
        refer_and_accept(iom_scheme, person, olivia, ivy)
    members = cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )
    action_plan_add(
        membership=members[0],
        pathway="ACCOMMODATION",
        action="Find a tenancy",
        owner_agency=housing,
        due_date=TODAY,
        actor=ivy,
    )
    meeting = case_meeting_build(
        scheme=iom_scheme, date=TODAY + dt.timedelta(days=7), actor=ivy, today=TODAY
    )
    assert meeting.items.count() == 2
    assert meeting.agency_minutes <= meeting.whole_meeting_agency_minutes
    assert meeting.whole_meeting_agency_minutes == 3 * 2 * iom_scheme.minutes_per_case
    assert meeting.hours_saved > 0
    assert Membership.objects.filter(scheme=iom_scheme, end_date__isnull=True).count() == 2


def test_outcomes_compare_offending_in_the_year_before_and_after_joining(
    iom_scheme, cambridgeshire, districts, olivia, ivy
):
    from openom.iom.selectors import outcomes

    person = prolific(cambridgeshire, districts[0], burglaries=3)
    refer_and_accept(iom_scheme, person, olivia, ivy)
    member = cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )[0]
    convicted_of(
        person,
        "04600",
        on=TODAY + dt.timedelta(days=100),
        months=12,
        sentence_type=SentenceType.COMMUNITY_ORDER,
    )
    a_year_on = TODAY + dt.timedelta(days=400)
    result = outcomes(iom_scheme, a_year_on)
    assert (result["before"], result["after"], result["change_percent"]) == (3, 1, -67)
    assert result["rows"][0]["membership"] == member


def test_meeting_minutes_record_an_agreed_action_on_the_members_plan(
    iom_scheme, cambridgeshire, districts, olivia, ivy, housing
):
    from openom.iom.services import case_meeting_minute

    person = prolific(cambridgeshire, districts[0], burglaries=2)
    refer_and_accept(iom_scheme, person, olivia, ivy)
    member = cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )[0]
    meeting = case_meeting_build(scheme=iom_scheme, date=TODAY, actor=ivy, today=TODAY)
    item = meeting.items.get()
    case_meeting_minute(
        item=item,
        minutes="Housing at risk; agreed referral to the tenancy team",
        action={
            "pathway": "ACCOMMODATION",
            "action": "Refer to tenancy sustainment",
            "owner_agency": housing,
            "due_date": TODAY + dt.timedelta(days=14),
        },
        actor=ivy,
        today=TODAY,
    )
    item.refresh_from_db()
    assert item.minutes.startswith("Housing at risk")
    assert member.actions.get().owner_agency == housing


def test_a_district_can_weight_its_own_priority_crime(
    iom_scheme, cambridgeshire, districts, olivia, ivy
):
    north, south = districts
    scheme_matrix_save(
        scheme=iom_scheme,
        weights={},
        priority_weights={"theft": Decimal(3)},
        capacity=5,
        version=iom_scheme.version,
        district=south.delivery_unit,
        actor=ivy,
    )
    northern = prolific(cambridgeshire, north, thefts=1)
    southern = prolific(cambridgeshire, south, thefts=1)
    for person in (northern, southern):
        refer_and_accept(iom_scheme, person, olivia, ivy)
    # One recent theft: x 3 weight; the south's own priority multiplies it by 3 again.
    assert northern.iom_scores.get().score - southern.iom_scores.get().score == Decimal(-6)
    assert iom_scheme.matrix().priority_weights.get("theft") is None


def test_the_agenda_takes_members_due_within_four_weeks_and_the_young_adult_line_is_25(
    iom_scheme, cambridgeshire, districts, olivia, ivy
):
    from openom.iom.models import Membership

    young = prolific(cambridgeshire, districts[0], burglaries=1, born=dt.date(2001, 11, 26))
    older = prolific(cambridgeshire, districts[0], burglaries=1, born=dt.date(2001, 11, 25))
    assert inputs_for(iom_scheme, young, TODAY)["under_25"] == 1  # 24 today
    assert inputs_for(iom_scheme, older, TODAY)["under_25"] == 0  # 25 today
    for person in (young, older):
        refer_and_accept(iom_scheme, person, olivia, ivy)
    cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )
    Membership.objects.update(intensity="MEDIUM")
    Membership.objects.filter(person=young).update(next_review_due=TODAY + dt.timedelta(days=28))
    Membership.objects.filter(person=older).update(next_review_due=TODAY + dt.timedelta(days=29))
    meeting = case_meeting_build(scheme=iom_scheme, date=TODAY, actor=ivy, today=TODAY)
    assert [item.membership.person for item in meeting.items.all()] == [young]


def test_two_coordinators_minuting_one_member_cannot_overwrite_each_other(
    iom_scheme, cambridgeshire, districts, olivia, ivy, police
):
    from openom.accounts.constants import Role
    from openom.core.exceptions import EditConflict
    from openom.iom.services import case_meeting_minute
    from tests.factories import UserFactory

    ian = UserFactory(username="ian2", agency=police, team=None, roles=[Role.IOM_COORDINATOR])
    person = prolific(cambridgeshire, districts[0], burglaries=2)
    refer_and_accept(iom_scheme, person, olivia, ivy)
    cohort_select(
        scheme=iom_scheme, strategy=Strategy.COUNTY, cohort_label="Fixed", actor=ivy, today=TODAY
    )
    item = case_meeting_build(scheme=iom_scheme, date=TODAY, actor=ivy, today=TODAY).items.get()
    read_at = item.version
    case_meeting_minute(
        item=item, minutes="Ivy: curfew kept", action=None, actor=ivy, today=TODAY, version=read_at
    )
    with pytest.raises(EditConflict) as refused:
        case_meeting_minute(
            item=item,
            minutes="Ian: curfew broken",
            action=None,
            actor=ian,
            today=TODAY,
            version=read_at,
        )
    assert refused.value.theirs == {"minutes": "Ivy: curfew kept"}
    item.refresh_from_db()
    assert item.minutes == "Ivy: curfew kept"
    assert item.history.count() == 2
