"""The annual statistics of seed 001, built from known data, as a table set, CSV and command."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome
from openom.enforcement.models import EnforcementAction
from openom.mappa.constants import BreachOutcome as NotificationOutcome
from openom.mappa.constants import CivilOrderKind
from openom.mappa.models import (
    AreaPopulation,
    CivilOrder,
    CivilOrderBreach,
    LevelDecision,
    MappaRegistration,
    NotificationBreach,
)
from openom.mappa.report import NotAYearEnd, mappa_annual_report, report_csv
from tests.factories import PersonFactory
from tests.public_protection_personas import convicted_of

YEAR_END = dt.date(2010, 3, 31)
IN_YEAR = dt.date(2009, 10, 1)


def registration(colin, unit, *, category, level, start=dt.date(2008, 1, 1), end=None, history=()):
    person = PersonFactory()
    made = MappaRegistration.objects.create(
        person=person,
        category=category,
        level=level,
        police_force=colin.agency,
        police_unit=unit,
        start_date=start,
        end_date=end,
    )
    for day, old_level in history or [(start, level)]:
        LevelDecision.objects.create(
            registration=made, level=old_level, decided_on=day, rationale="x", decided_by=colin
        )
    return made


def recall(person, colin, on):
    from openom.contacts.models import Contact

    sentence = convicted_of(person, "03401", on=dt.date(2007, 1, 1), months=48)
    contact = Contact.objects.create(
        person=person,
        sentence=sentence,
        contact_type="OFFICE",
        officer=colin,
        # The missed appointment on the failure date: one appointment per person per time.
        starts_at=dt.datetime.combine(on - dt.timedelta(days=5), dt.time(10), tzinfo=dt.UTC),
        outcome="UNACCEPTABLE_ABSENCE",
    )
    EnforcementAction.objects.create(
        person=person,
        sentence=sentence,
        kind=ActionKind.RECALL,
        triggered_by=contact,
        failure_date=on - dt.timedelta(days=5),
        decided_on=on - dt.timedelta(days=5),
        deadline=on,
        decided_by=colin,
        status=ActionStatus.RESOLVED,
        resolved_on=on,
        outcome=BreachOutcome.RETURNED_TO_CUSTODY,
    )


@pytest.fixture
def known_year(colin, north_bcu, south_bcu):
    """A small area whose year 2009/10 we can count by hand."""
    for _ in range(3):
        registration(colin, north_bcu, category=1, level=1)
    registration(colin, south_bcu, category=1, level=2)
    rso_level_3 = registration(colin, south_bcu, category=1, level=3)
    registration(colin, None, category=2, level=1)
    moved_up = registration(
        colin,
        None,
        category=2,
        level=3,
        history=[(dt.date(2008, 1, 1), 1), (dt.date(2010, 5, 1), 3)],
    )
    registration(colin, None, category=3, level=2)
    registration(colin, north_bcu, category=1, level=1, end=dt.date(2010, 1, 5))  # ended in year
    registration(colin, north_bcu, category=1, level=1, start=dt.date(2010, 4, 1))  # after

    level_2_case = registration(colin, None, category=2, level=2)
    recall(level_2_case.person, colin, on=IN_YEAR)
    recall(moved_up.person, colin, on=IN_YEAR)  # level 1 at the time: not counted
    recall(level_2_case.person, colin, on=dt.date(2010, 6, 1))  # next year

    sopo = CivilOrder.objects.create(
        person=rso_level_3.person,
        kind=CivilOrderKind.SOPO,
        applied_on=dt.date(2009, 5, 1),
        interim_on=dt.date(2009, 5, 8),
        full_on=dt.date(2009, 7, 1),
        recorded_by=colin,
    )
    CivilOrderBreach.objects.create(
        order=sopo,
        breach_date=dt.date(2010, 1, 1),
        sent_to_custody_on=dt.date(2010, 2, 1),
        recorded_by=colin,
    )
    CivilOrder.objects.create(
        person=rso_level_3.person,
        kind=CivilOrderKind.FOREIGN_TRAVEL_ORDER,
        applied_on=dt.date(2010, 3, 1),
        recorded_by=colin,
    )
    NotificationBreach.objects.create(
        person=rso_level_3.person,
        breach_date=dt.date(2009, 6, 1),
        outcome=NotificationOutcome.CONVICTED,
        outcome_date=dt.date(2009, 8, 1),
        recorded_by=colin,
    )
    NotificationBreach.objects.create(
        person=rso_level_3.person, breach_date=dt.date(2010, 3, 20), recorded_by=colin
    )  # no outcome yet: not counted
    AreaPopulation.objects.create(
        police_force=colin.agency,
        year_end=YEAR_END,
        population_aged_10_and_over=7540,
        source="ONS mid-year estimate 2009",
    )


@pytest.mark.usefixtures("known_year")
def test_the_annual_report_counts_each_table_as_seed_001_defines_it(colin):
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    assert report.title == "MAPPA Statistical Information 2009/10"
    assert report.eligible_rows() == [
        ("Category 1: Registered Sexual Offenders", ["3", "1", "1"], 5),
        ("Category 2: Violent offenders", ["2", "1", "0"], 3),
        ("Category 3: Other Dangerous Offenders", ["-", "1", "0"], 1),
    ]
    assert report.level_rows(report.recalled_by_level) == [
        ("Level 2", 1),
        ("Level 3", 0),
        ("Total", 1),
    ]
    assert report.level_rows(report.sopo_custody_by_level) == [
        ("Level 2", 0),
        ("Level 3", 1),
        ("Total", 1),
    ]
    assert report.rsos_by_unit == [("BCU N", 3), ("BCU S", 2)]
    assert str(report.rso_rate) == "66.31"  # 5 / 7,540 x 100,000
    assert report.notification_breaches == 1
    assert report.order_rows()[0] == (
        "Sexual Offences Prevention Orders",
        [("Applied for", 1), ("Interim Order issued", 1), ("Full Order issued", 1)],
    )
    assert report.order_rows()[2][1][0] == ("Applied for", 1)


@pytest.mark.usefixtures("known_year")
def test_the_csv_lays_the_tables_out_like_seed_001(colin):
    lines = report_csv(
        mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    ).splitlines()
    assert lines[0] == "MAPPA Statistical Information 2009/10"
    assert "Number of MAPPA eligible offenders at 31 March 2010" in lines
    assert ",Level 1,Level 2,Level 3,TOTAL" in lines
    assert "Category 3: Other Dangerous Offenders,-,1,0,1" in lines
    assert "Returned to custody for breach of licence" in lines


def test_a_year_must_end_on_31_march(colin):
    with pytest.raises(NotAYearEnd):
        mappa_annual_report(police_force=colin.agency, year_end=dt.date(2010, 4, 1))


@pytest.mark.usefixtures("known_year")
def test_openom_report_prints_the_csv(colin):
    out = io.StringIO()
    call_command(
        "report", "mappa-annual", "--year-end", "2010-03-31", "--format", "csv", stdout=out
    )
    assert out.getvalue().startswith("MAPPA Statistical Information 2009/10")


@pytest.mark.usefixtures("known_year")
def test_the_report_page_offers_csv_and_pdf(client, colin):
    client.force_login(colin)
    page = client.get(reverse("mappa:report"), {"year_end": "2010-03-31"})
    assert page.status_code == 200
    assert b"66.31" in page.content
    csv = client.get(reverse("mappa:report"), {"year_end": "2010-03-31", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    pytest.importorskip("weasyprint")
    pdf = client.get(reverse("mappa:report"), {"year_end": "2010-03-31", "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_a_wrong_year_end_on_the_page_says_how_to_fix_it(client, colin):
    client.force_login(colin)
    page = client.get(reverse("mappa:report"), {"year_end": "2010-04-30"})
    assert page.status_code == 400
    assert b"31 March" in page.content


@pytest.mark.usefixtures("known_year")
def test_the_report_takes_a_fixed_number_of_queries_however_many_events(
    colin, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
