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


def test_the_demo_mappa_area_reports_every_year_from_2010_in_seed_001s_proportions(demo):
    """Seed 001, year ending 31 March 2010, for 630 eligible people (453 + 170 + 7): 29
    returned to custody on licence, 5 cautioned or convicted for breach of notification, 45
    full SOPOs. The demo register is smaller, so each figure is scaled to its size."""
    from openom.mappa.models import MappaRegistration
    from openom.mappa.report import mappa_annual_report
    from openom.organisations.models import Agency

    police = Agency.objects.get(code="CAMPOL")
    assert MappaRegistration.objects.filter(end_date__isnull=True).exists()
    reports = {
        year: mappa_annual_report(police_force=police, year_end=dt.date(year, 3, 31))
        for year in range(2010, 2027)
    }
    today_size = reports[2026].eligible_total
    for year, report in reports.items():
        tables = {t.key: t for t in report.tables()}
        size = report.eligible_total
        # Each year's register is within a third of today's: the trend is gentle growth.
        assert today_size * 0.6 <= size <= today_size * 1.05, (year, size, today_size)
        # Category 1 is 453 of the 623 in categories 1 and 2 (73%) in seed 001 (category 3 is a
        # handful of referrals, whatever the size of the area).
        category_1 = tables["eligible"].rows[0][1][3]
        category_2 = tables["eligible"].rows[1][1][3]
        assert 0.5 <= category_1 / (category_1 + category_2) <= 0.9, (year, category_1, category_2)
        # Rows sum to totals and BCUs to category 1.
        for label, cells in tables["eligible"].rows:
            assert sum(c for c in cells[:3] if c != "-") == cells[3], (year, label)
        assert sum(c[0] for _, c in tables["rsos_by_area"].rows[:-1]) == category_1
        scale = size / 630
        returned = sum(report.recalled_by_level.values())
        assert returned >= 1 and returned <= max(3, 29 * scale * 2), (year, returned, scale)
        assert 1 <= report.notification_breaches <= max(3, 5 * scale * 2), year
    old, new = (
        {t.key: t for t in reports[2010].tables()},
        {t.key: t for t in reports[2026].tables()},
    )
    assert old["orders_sopo"].rows[2][1][0] >= 1  # full SOPOs in 2009/10
    assert "orders_sopo" not in new and "serious_further_offences" in new
    assert new["civil_orders"].rows[0][1][2] >= 1  # full SHPOs in 2025/26
    assert new["returned_to_custody"].rows[-1][1][0] >= 1
    assert reports[2010].rso_rate is not None and reports[2026].rso_rate is not None
