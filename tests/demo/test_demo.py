import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.demo import area
from openom.people.models import Person
from openom.people.pnc import is_valid_pnc
from openom.sentencing.constants import SentenceGroup
from openom.sentencing.models import Sentence

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def demo(db):
    call_command("demo", people=400, today=TODAY, stdout=io.StringIO())


def groups_of_current_sentences():
    return Counter(
        s.group_on(TODAY)
        for s in Sentence.objects.filter(
            termination_date__isnull=True, person__probation_area__code="CPP"
        )
    )


def test_demo_caseload_follows_the_seed_000_proportions(demo):
    groups = groups_of_current_sentences()
    total = sum(groups.values())
    caseload = area.CASELOAD_COMMUNITY + area.CASELOAD_LICENCE + area.CASELOAD_CUSTODY
    assert total == 400
    assert groups[SentenceGroup.COMMUNITY] / total == pytest.approx(
        area.CASELOAD_COMMUNITY / caseload, abs=0.01
    )
    assert groups[SentenceGroup.LICENCE] / total == pytest.approx(
        area.CASELOAD_LICENCE / caseload, abs=0.01
    )
    assert groups[SentenceGroup.CUSTODY] / total == pytest.approx(
        area.CASELOAD_CUSTODY / caseload, abs=0.01
    )


def test_demo_people_are_mostly_men_with_valid_pnc_numbers(demo):
    people = Person.objects.filter(probation_area__code="CPP")
    men = people.filter(gender="MALE").count() / people.count()
    assert men == pytest.approx(area.MALE_SHARE, abs=0.05)
    assert all(is_valid_pnc(pnc) for pnc in people.values_list("pnc_number", flat=True))


def test_every_demo_case_has_a_current_allocation_in_its_area(demo):
    assert CaseAllocation.objects.filter(end_date__isnull=True).count() == Person.objects.count()
    mismatched = CaseAllocation.objects.exclude(team__agency=models_f("person__probation_area"))
    assert not mismatched.exists()


def models_f(name):
    from django.db.models import F

    return F(name)


def test_there_is_one_login_per_role_and_the_demo_officer_has_a_caseload(demo):
    assert set(
        User.objects.filter(username__in=[d[0] for d in area.DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    ) == {d[0] for d in area.DEMO_LOGINS}
    om = User.objects.get(username="om")
    assert om.check_password(area.DEMO_PASSWORD)
    assert CaseAllocation.objects.filter(offender_manager=om, end_date__isnull=True).count() > 10


def test_the_demo_is_deterministic_for_a_seed(db):
    from django.db import transaction

    def build():
        savepoint = transaction.savepoint()
        call_command("demo", people=60, today=TODAY, seed=7, stdout=io.StringIO())
        snapshot = list(
            Person.objects.order_by("crn").values_list(
                "crn", "forename", "surname", "date_of_birth"
            )
        )
        transaction.savepoint_rollback(savepoint)
        return snapshot

    first = build()
    assert first == build()


def test_demo_with_if_empty_leaves_an_existing_database_alone(demo):
    before = Person.objects.count()
    call_command("demo", if_empty=True, stdout=io.StringIO())
    assert Person.objects.count() == before


def test_demo_refuses_to_build_over_existing_cases(demo):
    with pytest.raises(CommandError):
        call_command("demo", people=10, stdout=io.StringIO())


def test_the_demo_shows_need_to_know_to_every_role(demo):
    from openom.access.constants import RestrictionKind
    from openom.access.models import CaseRestriction, CaseShare
    from openom.access.policy import people_visible_to
    from openom.victims.models import Victim

    users = {u.username: u for u in User.objects.all()}
    assert Victim.objects.exists()
    assert CaseShare.objects.filter(agency__code="CAMPOL").exists()
    assert CaseRestriction.objects.filter(kind=RestrictionKind.RESTRICT_TO).exists()
    visible = {
        name: people_visible_to(users[name]).count()
        for name in (
            "om",
            "police",
            "prison",
            "partner",
            "health",
            "inspector",
            "analyst",
            "admin",
            "vlo",
        )
    }
    assert visible["analyst"] == visible["admin"] == 0
    assert 0 < visible["partner"] < visible["prison"] < visible["om"]
    assert 0 < visible["inspector"] <= 20
    assert visible["police"] > 0 and visible["health"] > 0 and visible["vlo"] > 0


def test_every_demo_login_lands_on_a_home_page_with_work_on_it(demo, client):
    """Issue #15: "12 of the 16 logins land on 'No cases are allocated to you'". Each login's
    home page now lists its role's work; the Norfolk officer (another area, no demo caseload)
    is there to show that one area never sees another's cases."""
    empty = []
    for username, *_rest in area.DEMO_LOGINS:
        client.force_login(User.objects.get(username=username))
        response = client.get("/")
        assert response.status_code == 200, username
        if not response.context["rows"]:
            empty.append(username)
    assert empty == ["om.norfolk"]


def test_the_demo_managers_queue_holds_a_recall_and_assessments_waiting_with_notifications(demo):
    from openom.assessment.selectors import countersigning_queue
    from openom.enforcement.selectors import recalls_awaiting_authorisation
    from openom.notifications.models import Notification

    spo = User.objects.get(username="spo")
    assert recalls_awaiting_authorisation(spo).count() == 2
    assert countersigning_queue(spo).count() == 2
    assert Notification.objects.filter(recipient=spo, read_at__isnull=True).count() == 4
