"""The register's whole life: ending, transferring, wanted or missing, reviews of indefinite
notification (SOA 2003 s91A-s91F), and civil orders by the law in force on the day."""

import datetime as dt

import pytest
from django.urls import reverse

from openom.access.constants import RestrictionKind, SharingBasis
from openom.access.models import AuditEvent, CaseRestriction, CaseShare
from openom.accounts.constants import Grade, Role
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.mappa import lifecycle_rules
from openom.mappa.constants import (
    CivilOrderKind,
    LifetimeReviewOutcome,
    RegistrationEndReason,
    Whereabouts,
)
from openom.mappa.models import MappaRegistration
from openom.mappa.services import (
    civil_order_record,
    lifetime_review_apply,
    lifetime_review_determine,
    mappa_registration_end,
    mappa_registration_transfer,
    whereabouts_found,
    whereabouts_record,
)
from openom.notifications.models import Notification
from openom.organisations.constants import AgencyKind
from tests.factories import AgencyFactory, UserFactory
from tests.mappa.test_services import TODAY, register

# --- the rules ----------------------------------------------------------------------------


def test_an_adult_may_apply_for_review_15_years_after_the_relevant_notification():
    # s91B(2)(a): "the day after the end of the 15 year period beginning with the day on which
    # [the offender] gives the relevant notification": notified 1 September 2010, the period
    # runs to 31 August 2025, so the qualifying date is 1 September 2025.
    assert lifecycle_rules.qualifying_date(
        dt.date(2010, 9, 1), under_18_on_relevant_date=False
    ) == dt.date(2025, 9, 1)


def test_someone_under_18_at_conviction_may_apply_after_8_years():
    # s91B(2)(b): 8 years for a person under 18 on the relevant date: 1 Sept 2010 -> 1 Sept 2018.
    assert lifecycle_rules.qualifying_date(
        dt.date(2010, 9, 1), under_18_on_relevant_date=True
    ) == dt.date(2018, 9, 1)


def test_a_period_beginning_on_29_february_ends_on_28_february():
    # 15 years beginning 29 February 2012 end on 28 February 2027: the day after is 1 March.
    assert lifecycle_rules.qualifying_date(
        dt.date(2012, 2, 29), under_18_on_relevant_date=False
    ) == dt.date(2027, 3, 1)


def test_a_further_review_comes_8_years_after_a_determination_to_continue():
    # s91B(3): "the day after the end of the 8 year period beginning with the day on which the
    # relevant chief officer ... makes a determination": 5 January 2026 -> 5 January 2034.
    assert lifecycle_rules.further_qualifying_date(dt.date(2026, 1, 5)) == dt.date(2034, 1, 5)
    assert lifecycle_rules.further_qualifying_date(dt.date(2026, 1, 5), years=15) == dt.date(
        2041, 1, 5
    )
    with pytest.raises(ValueError):
        lifecycle_rules.further_qualifying_date(dt.date(2026, 1, 5), years=16)


def test_sopos_end_and_shpos_begin_on_8_march_2015():
    # Anti-social Behaviour, Crime and Policing Act 2014 s113, Sch 5: in force 8 March 2015.
    assert CivilOrderKind.SOPO in lifecycle_rules.order_kinds_on(dt.date(2015, 3, 7))
    assert CivilOrderKind.SHPO not in lifecycle_rules.order_kinds_on(dt.date(2015, 3, 7))
    assert CivilOrderKind.SHPO in lifecycle_rules.order_kinds_on(dt.date(2015, 3, 8))
    assert CivilOrderKind.SRO in lifecycle_rules.order_kinds_on(dt.date(2015, 3, 8))
    assert CivilOrderKind.SOPO not in lifecycle_rules.order_kinds_on(dt.date(2015, 3, 8))
    assert CivilOrderKind.FOREIGN_TRAVEL_ORDER not in lifecycle_rules.order_kinds_on(
        dt.date(2015, 3, 8)
    )
    for day in (dt.date(2010, 1, 1), dt.date(2026, 1, 1)):
        assert CivilOrderKind.NOTIFICATION_ORDER in lifecycle_rules.order_kinds_on(day)


def test_a_sopo_cannot_be_made_after_8_march_2015_nor_an_shpo_before(sex_offender, colin):
    registration = register(sex_offender, colin)
    with pytest.raises(ServiceValidationError) as refused:
        civil_order_record(
            registration=registration,
            data={"kind": CivilOrderKind.SOPO, "applied_on": dt.date(2026, 6, 1)},
            actor=colin,
        )
    assert "Sexual Harm Prevention Order" in refused.value.field_errors["applied_on"]
    with pytest.raises(ServiceValidationError) as too_early:
        civil_order_record(
            registration=registration,
            data={"kind": CivilOrderKind.SHPO, "applied_on": dt.date(2014, 6, 1)},
            actor=colin,
        )
    assert "before 8 March 2015" in too_early.value.field_errors["applied_on"]
    with pytest.raises(ServiceValidationError) as made_late:
        civil_order_record(
            registration=registration,
            data={
                "kind": CivilOrderKind.SOPO,
                "applied_on": dt.date(2015, 2, 1),
                "full_on": dt.date(2015, 3, 20),
            },
            actor=colin,
        )
    assert "full_on" in made_late.value.field_errors
    kept = civil_order_record(
        registration=registration,
        data={
            "kind": CivilOrderKind.SOPO,
            "applied_on": dt.date(2012, 2, 1),
            "full_on": dt.date(2012, 3, 1),
        },
        actor=colin,
    )
    assert kept.get_kind_display() == "Sexual Offences Prevention Order"


# --- ending and transferring ----------------------------------------------------------------


@pytest.fixture
def norfolk_police(db):
    return AgencyFactory(code="NORPOL", name="Norfolk Constabulary", kind=AgencyKind.POLICE)


@pytest.fixture
def nora(norfolk_police):
    return UserFactory(
        username="nora",
        first_name="Nora",
        last_name="Hale",
        team=None,
        agency=norfolk_police,
        grade=Grade.OTHER,
        roles=[Role.MAPPA_COORDINATOR],
    )


def test_ending_a_registration_ends_sharing_and_is_audited(sex_offender, colin):
    registration = register(sex_offender, colin, level=2)
    assert CaseShare.objects.filter(person=sex_offender, basis=SharingBasis.MAPPA).exists()
    ended = mappa_registration_end(
        registration=registration,
        reason=RegistrationEndReason.NOTIFICATION_ENDED,
        ended_on=TODAY,
        version=registration.version,
        actor=colin,
        today=TODAY,
    )
    assert ended.end_date == TODAY
    assert not CaseShare.objects.filter(
        person=sex_offender, basis=SharingBasis.MAPPA, end_date__isnull=True
    ).exists()
    assert AuditEvent.objects.filter(person=sex_offender, action="mappa_end").exists()
    with pytest.raises(ServiceValidationError, match="already ended"):
        mappa_registration_end(
            registration=ended, reason=RegistrationEndReason.DIED, actor=colin, today=TODAY
        )


def test_an_end_needs_a_date_in_range_a_reason_and_the_current_version(sex_offender, colin):
    registration = register(sex_offender, colin)
    with pytest.raises(ServiceValidationError) as future:
        mappa_registration_end(
            registration=registration,
            reason=RegistrationEndReason.DIED,
            ended_on=TODAY + dt.timedelta(days=1),
            actor=colin,
            today=TODAY,
        )
    assert "future" in future.value.field_errors["ended_on"]
    with pytest.raises(ServiceValidationError) as before:
        mappa_registration_end(
            registration=registration,
            reason=RegistrationEndReason.DIED,
            ended_on=registration.start_date - dt.timedelta(days=1),
            actor=colin,
            today=TODAY,
        )
    assert "before" in before.value.field_errors["ended_on"]
    with pytest.raises(ServiceValidationError) as other:
        mappa_registration_end(
            registration=registration, reason=RegistrationEndReason.OTHER, actor=colin, today=TODAY
        )
    assert "notes" in other.value.field_errors
    with pytest.raises(EditConflict):
        mappa_registration_end(
            registration=registration,
            reason=RegistrationEndReason.DIED,
            version=registration.version - 1,
            actor=colin,
            today=TODAY,
        )
    registration.refresh_from_db()
    assert registration.end_date is None


def test_a_transfer_ends_here_opens_there_at_the_same_level_and_tells_the_receiving_area(
    sex_offender, colin, nora, norfolk_police, django_capture_on_commit_callbacks
):
    registration = register(sex_offender, colin, level=2)
    with django_capture_on_commit_callbacks(execute=True):
        received = mappa_registration_transfer(
            registration=registration,
            to_police_force=norfolk_police,
            reason="Moved to Norwich on 20 November",
            version=registration.version,
            actor=colin,
            today=TODAY,
        )
    registration.refresh_from_db()
    assert registration.end_date == TODAY
    assert registration.end_reason == RegistrationEndReason.TRANSFERRED
    assert (received.police_force, received.category, received.level) == (norfolk_police, 1, 2)
    assert received.transferred_from == registration and received.start_date == TODAY
    assert "Transferred from Cambridgeshire Constabulary" in (
        received.level_decisions.get().rationale
    )
    assert Notification.objects.filter(recipient=nora, subject__contains="transferred").exists()
    assert CaseShare.objects.filter(
        person=sex_offender, agency=norfolk_police, end_date__isnull=True
    ).exists()
    assert (
        MappaRegistration.objects.filter(person=sex_offender, end_date__isnull=True).get()
        == received
    )


def test_a_transfer_goes_to_another_police_area(sex_offender, colin, housing):
    registration = register(sex_offender, colin)
    for wrong in (colin.agency, housing):
        with pytest.raises(ServiceValidationError) as refused:
            mappa_registration_transfer(
                registration=registration,
                to_police_force=wrong,
                reason="Moved",
                actor=colin,
                today=TODAY,
            )
        assert "to_police_force" in refused.value.field_errors


def test_only_the_sending_areas_coordinator_transfers(sex_offender, colin, nora, norfolk_police):
    registration = register(sex_offender, colin)
    with pytest.raises(ServiceValidationError, match="coordinators"):
        mappa_registration_transfer(
            registration=registration,
            to_police_force=norfolk_police,
            reason="Moved",
            actor=nora,
            today=TODAY,
        )


# --- wanted or missing ---------------------------------------------------------------------


def test_an_rso_is_recorded_missing_then_found_once_at_a_time(sex_offender, colin):
    registration = register(sex_offender, colin)
    episode = whereabouts_record(
        registration=registration,
        status=Whereabouts.MISSING,
        since=TODAY,
        circumstances="Not at the notified address on a home visit",
        actor=colin,
        today=TODAY,
    )
    with pytest.raises(ServiceValidationError, match="already recorded"):
        whereabouts_record(
            registration=registration,
            status=Whereabouts.WANTED,
            since=TODAY,
            circumstances="Warrant issued",
            actor=colin,
            today=TODAY,
        )
    with pytest.raises(ServiceValidationError):
        whereabouts_found(
            registration=registration,
            found_on=episode.since - dt.timedelta(days=1),
            note="",
            actor=colin,
            today=TODAY,
        )
    found = whereabouts_found(
        registration=registration, found_on=TODAY, note="Arrested", actor=colin, today=TODAY
    )
    assert found.found_on == TODAY
    assert AuditEvent.objects.filter(person=sex_offender, action="rso_found").exists()


def test_only_registered_sexual_offenders_are_recorded_wanted_or_missing(violent_offender, colin):
    registration = register(violent_offender, colin)
    with pytest.raises(ServiceValidationError, match="category 1"):
        whereabouts_record(
            registration=registration,
            status=Whereabouts.WANTED,
            since=TODAY,
            circumstances="Warrant",
            actor=colin,
            today=TODAY,
        )


# --- reviews of indefinite notification ------------------------------------------------------


def test_an_application_before_the_qualifying_date_is_refused_with_the_date(sex_offender, colin):
    registration = register(sex_offender, colin)
    with pytest.raises(ServiceValidationError) as early:
        lifetime_review_apply(
            registration=registration,
            relevant_notification_on=dt.date(2012, 1, 10),
            under_18_on_relevant_date=False,
            applied_on=dt.date(2026, 11, 1),
            actor=colin,
            today=TODAY,
        )
    # 15 years from 10 January 2012: from 10 January 2027.
    assert "10 January 2027" in early.value.field_errors["applied_on"]


def test_a_continued_requirement_may_be_reviewed_again_only_after_the_further_period(
    sex_offender, colin
):
    registration = register(sex_offender, colin)
    review = lifetime_review_apply(
        registration=registration,
        relevant_notification_on=dt.date(2010, 1, 10),
        under_18_on_relevant_date=False,
        applied_on=dt.date(2026, 1, 5),
        actor=colin,
        today=TODAY,
    )
    assert review.qualifying_date == dt.date(2025, 1, 10)
    with pytest.raises(ServiceValidationError, match="already waiting"):
        lifetime_review_apply(
            registration=registration,
            relevant_notification_on=dt.date(2010, 1, 10),
            under_18_on_relevant_date=False,
            applied_on=dt.date(2026, 1, 6),
            actor=colin,
            today=TODAY,
        )
    decided = lifetime_review_determine(
        review=review,
        outcome=LifetimeReviewOutcome.CONTINUED,
        reasons="Risk of sexual harm remains high on the latest assessment",
        further_review_years=None,
        actor=colin,
        today=dt.date(2026, 3, 2),
    )
    # s91B(3): 8 years from 2 March 2026 -> 2 March 2034.
    assert decided.further_qualifying_date == dt.date(2034, 3, 2)
    with pytest.raises(ServiceValidationError) as early:
        lifetime_review_apply(
            registration=registration,
            relevant_notification_on=dt.date(2010, 1, 10),
            under_18_on_relevant_date=False,
            applied_on=dt.date(2026, 11, 1),
            actor=colin,
            today=TODAY,
        )
    assert "2 March 2034" in early.value.field_errors["applied_on"]


def test_a_discharged_requirement_takes_the_person_off_the_register(sex_offender, colin):
    registration = register(sex_offender, colin)
    review = lifetime_review_apply(
        registration=registration,
        relevant_notification_on=dt.date(2016, 5, 1),
        under_18_on_relevant_date=True,
        applied_on=dt.date(2026, 6, 1),
        actor=colin,
        today=TODAY,
    )
    assert review.qualifying_date == dt.date(2024, 5, 1)  # 8 years: under 18 at conviction
    lifetime_review_determine(
        review=review,
        outcome=LifetimeReviewOutcome.DISCHARGED,
        reasons="No further offending; low risk on assessment",
        further_review_years=None,
        actor=colin,
        today=TODAY,
    )
    registration.refresh_from_db()
    assert registration.end_date == TODAY
    assert registration.end_reason == RegistrationEndReason.NOTIFICATION_ENDED


# --- the pages: coordinators only, exclusions applied -----------------------------------------


@pytest.fixture
def on_the_register(sex_offender, colin):
    registration = register(sex_offender, colin, level=2)
    review = lifetime_review_apply(
        registration=registration,
        relevant_notification_on=dt.date(2010, 1, 10),
        under_18_on_relevant_date=False,
        applied_on=dt.date(2026, 1, 5),
        actor=colin,
        today=TODAY,
    )
    whereabouts_record(
        registration=registration,
        status=Whereabouts.WANTED,
        since=TODAY,
        circumstances="Warrant",
        actor=colin,
        today=TODAY,
    )
    return registration, review


def lifecycle_urls(registration, review):
    pk = registration.pk
    return [
        reverse("mappa:registration-end", args=[pk]),
        reverse("mappa:registration-transfer", args=[pk]),
        reverse("mappa:whereabouts-add", args=[pk]),
        reverse("mappa:whereabouts-found", args=[pk]),
        reverse("mappa:lifetime-review-apply", args=[pk]),
        reverse("mappa:lifetime-review-decide", args=[pk, review.pk]),
        reverse("mappa:wanted-or-missing"),
    ]


def test_the_lifecycle_pages_answer_the_areas_coordinator_and_no_one_else(
    client, on_the_register, colin, nora, olivia, ivy, jo, sex_offender
):
    urls = lifecycle_urls(*on_the_register)
    client.force_login(colin)
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)
    for outsider in (nora, olivia, ivy, jo):
        client.force_login(outsider)
        answers = {url: client.get(url).status_code for url in urls[:-1]}
        assert answers == dict.fromkeys(urls[:-1], 404), outsider.username
    client.force_login(nora)  # another area's coordinator: her own list, without this case
    assert sex_offender.full_name not in client.get(urls[-1]).content.decode()
    for outsider in (olivia, ivy, jo):
        client.force_login(outsider)
        assert client.get(urls[-1]).status_code == 404
    client.logout()
    assert {client.get(url).status_code for url in urls} == {302}
    CaseRestriction.objects.create(
        person=sex_offender,
        kind=RestrictionKind.EXCLUDE,
        user=colin,
        reason="Colin knows the family",
        created_by=olivia,
    )
    client.force_login(colin)
    answers = {url: client.get(url).status_code for url in urls[:-1]}
    assert answers == dict.fromkeys(urls[:-1], 404)
    assert sex_offender.full_name not in client.get(urls[-1]).content.decode()


def test_ending_on_the_page_with_bad_input_explains_and_saves_nothing(client, sex_offender, colin):
    registration = register(sex_offender, colin)
    client.force_login(colin)
    url = reverse("mappa:registration-end", args=[registration.pk])
    future = TODAY + dt.timedelta(days=400)
    page = client.post(
        url,
        {
            "version": registration.version,
            "reason": "OTHER",
            "ended_on_0": future.day,
            "ended_on_1": future.month,
            "ended_on_2": future.year,
        },
    )
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    registration.refresh_from_db()
    assert registration.end_date is None


def test_the_wanted_or_missing_list_takes_a_fixed_number_of_queries(
    client, colin, django_assert_max_num_queries, cambridgeshire
):
    from tests.factories import PersonFactory
    from tests.public_protection_personas import convicted_of

    def add_missing(n):
        for _ in range(n):
            person = PersonFactory(probation_area=cambridgeshire)
            convicted_of(person, "01900", on=dt.date(2024, 6, 3), months=36)
            whereabouts_record(
                registration=register(person, colin),
                status=Whereabouts.MISSING,
                since=TODAY,
                circumstances="Not at home",
                actor=colin,
                today=TODAY,
            )

    client.force_login(colin)
    add_missing(1)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("mappa:wanted-or-missing"))
    add_missing(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("mappa:wanted-or-missing"))
    assert page.content.decode().count("govuk-tag--red") == 7
