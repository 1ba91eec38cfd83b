"""The annual report in the layout of the law in force: seed 001's tables up to 2014, the MoJ's
post-2015 tables (SHPOs, SROs, SFOs, reviews of lifetime notification) from then on.

Each figure below is worked out by hand from the small area the fixture builds.
"""

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse

from openom.core.csv import csv_safe as safe_cell
from openom.mappa.charts import table_chart
from openom.mappa.constants import BreachOutcome as NotificationOutcome
from openom.mappa.constants import CivilOrderKind, LifetimeReviewOutcome, Whereabouts
from openom.mappa.models import (
    AreaPopulation,
    CivilOrder,
    CivilOrderBreach,
    LifetimeNotificationReview,
    NotificationBreach,
    SeriousFurtherOffence,
    WhereaboutsEpisode,
)
from openom.mappa.report import (
    mappa_annual_report,
    mappa_trend,
    report_csv,
    report_csv_tidy,
    report_zip,
)
from tests.mappa.test_report import recall, registration

YEAR_END = dt.date(2026, 3, 31)  # the year 1 April 2025 to 31 March 2026


def order(person, colin, kind, applied, interim=None, full=None):
    return CivilOrder.objects.create(
        person=person,
        kind=kind,
        applied_on=applied,
        interim_on=interim,
        full_on=full,
        recorded_by=colin,
    )


def sfo(reg, colin, charged, level):
    return SeriousFurtherOffence.objects.create(
        registration=reg,
        offence_date=charged - dt.timedelta(days=3),
        charged_on=charged,
        description="Wounding with intent",
        level_at_the_time=level,
        review_due=charged + dt.timedelta(days=20),
        recorded_by=colin,
    )


def review(reg, colin, applied, determined, outcome):
    return LifetimeNotificationReview.objects.create(
        registration=reg,
        relevant_notification_on=dt.date(2008, 1, 1),
        under_18_on_relevant_date=False,
        qualifying_date=dt.date(2023, 1, 1),
        applied_on=applied,
        determined_on=determined,
        outcome=outcome,
        recorded_by=colin,
    )


@pytest.fixture
def area_2026(colin, north_bcu, south_bcu):
    """Four RSOs (two in BCU N at level 1, one each at levels 2 and 3 in BCU S), one category 2
    at level 2, one category 3 at level 3, in a population of 8,000 aged 10 and over."""
    rsos = [registration(colin, north_bcu, category=1, level=1) for _ in range(2)]
    rso_2 = registration(colin, south_bcu, category=1, level=2)
    rso_3 = registration(colin, south_bcu, category=1, level=3)
    violent = registration(colin, None, category=2, level=2)
    registration(colin, None, category=3, level=3)
    discharged = registration(colin, north_bcu, category=1, level=1, end=dt.date(2025, 8, 1))

    # Returned to custody: the category 2 case recalled in the year (level 2).
    recall(violent.person, colin, on=dt.date(2025, 10, 1))
    # SHPO: applied, interim and full in the year; breached, to custody (level 3).
    shpo = order(
        rso_3.person,
        colin,
        CivilOrderKind.SHPO,
        dt.date(2025, 5, 1),
        dt.date(2025, 5, 10),
        dt.date(2025, 7, 1),
    )
    CivilOrderBreach.objects.create(
        order=shpo,
        breach_date=dt.date(2025, 9, 1),
        sent_to_custody_on=dt.date(2025, 9, 20),
        recorded_by=colin,
    )
    # SROs: one applied with an interim order; one applied last year, made this year.
    order(rsos[0].person, colin, CivilOrderKind.SRO, dt.date(2025, 6, 1), dt.date(2025, 6, 5))
    order(rsos[1].person, colin, CivilOrderKind.SRO, dt.date(2025, 3, 1), full=dt.date(2025, 4, 15))
    # A SOPO made in 2014 is still in force: its breach in the year sends a level 2 RSO to custody.
    sopo = order(
        rso_2.person, colin, CivilOrderKind.SOPO, dt.date(2014, 1, 1), full=dt.date(2014, 2, 1)
    )
    CivilOrderBreach.objects.create(
        order=sopo,
        breach_date=dt.date(2025, 10, 1),
        sent_to_custody_on=dt.date(2025, 10, 15),
        recorded_by=colin,
    )
    order(
        rso_2.person,
        colin,
        CivilOrderKind.NOTIFICATION_ORDER,
        dt.date(2025, 8, 1),
        full=dt.date(2025, 9, 1),
    )
    # SFOs: category 2 at level 2 and category 1 at level 1 in the year; one the year before.
    sfo(violent, colin, dt.date(2025, 12, 1), 2)
    sfo(rsos[0], colin, dt.date(2025, 11, 1), 1)
    sfo(rsos[1], colin, dt.date(2025, 3, 15), 1)
    # Wanted since January and still wanted; missing in January, found in February.
    WhereaboutsEpisode.objects.create(
        registration=rsos[1],
        status=Whereabouts.WANTED,
        since=dt.date(2026, 1, 10),
        circumstances="Failed to appear",
        recorded_by=colin,
    )
    WhereaboutsEpisode.objects.create(
        registration=rso_2,
        status=Whereabouts.MISSING,
        since=dt.date(2026, 1, 3),
        found_on=dt.date(2026, 2, 1),
        circumstances="Left approved premises",
        recorded_by=colin,
    )
    # Reviews of lifetime notification: one discharged, one continued, both determined.
    review(
        discharged,
        colin,
        dt.date(2025, 6, 1),
        dt.date(2025, 8, 1),
        LifetimeReviewOutcome.DISCHARGED,
    )
    review(rso_2, colin, dt.date(2025, 10, 1), dt.date(2026, 1, 5), LifetimeReviewOutcome.CONTINUED)
    NotificationBreach.objects.create(
        person=rso_3.person,
        breach_date=dt.date(2025, 9, 1),
        outcome=NotificationOutcome.CONVICTED,
        outcome_date=dt.date(2025, 11, 1),
        recorded_by=colin,
    )
    AreaPopulation.objects.create(
        police_force=colin.agency,
        year_end=YEAR_END,
        population_aged_10_and_over=8000,
        source="ONS mid-year estimate 2024",
    )


def tables(report):
    return {t.key: t for t in report.tables()}


@pytest.mark.usefixtures("area_2026")
def test_a_year_after_8_march_2015_uses_shpos_and_sros_and_has_the_sfo_table(colin):
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    by_key = tables(report)
    assert report.uses_2015_tables
    assert "orders_sopo" not in by_key and "orders_foreign_travel_order" not in by_key
    assert by_key["civil_orders"].rows == [
        # applied, interim, full, breaches
        ("Sexual Harm Prevention Orders", [1, 1, 1, 1]),
        ("Sexual Risk Orders", [1, 1, 1, 0]),
        # the 2014 SOPO still in force, breached in the year
        ("Sexual Offences Prevention Orders (made before 8 March 2015)", [0, 0, 0, 1]),
    ]
    assert by_key["serious_further_offences"].columns == [
        "Category 1",
        "Category 2",
        "Category 3",
        "Total",
    ]
    assert by_key["serious_further_offences"].rows == [
        ("Level 1", [1, 0, 0, 1]),
        ("Level 2", [0, 1, 0, 1]),
        ("Level 3", [0, 0, 0, 0]),
        ("Total", [1, 1, 0, 2]),
    ]
    assert by_key["returned_to_custody"].rows == [
        # breach of licence, breach of SHPO/SRO (or a SOPO still in force)
        ("Level 2", [1, 1]),
        ("Level 3", [0, 1]),
        ("Total", [1, 2]),
    ]
    assert by_key["notification_orders"].rows == [
        ("Applied for", [1]),
        ("Interim Order issued", [0]),
        ("Full Order issued", [1]),
    ]
    assert by_key["wanted_or_missing"].rows == [
        ("Wanted", [1]),
        ("Missing", [0]),
        ("Total", [1]),
    ]
    assert by_key["lifetime_reviews"].rows == [
        ("Applications received", [2]),
        ("Applications determined", [2]),
        ("Requirements revoked (discharged)", [1]),
    ]
    assert by_key["notification_breaches"].rows == [("Cautioned or convicted", [1])]


@pytest.mark.usefixtures("area_2026")
def test_rows_sum_to_totals_bcus_sum_to_category_1_and_the_rate_is_category_1_over_population(
    colin,
):
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    eligible = tables(report)["eligible"]
    assert eligible.rows == [
        ("Category 1: Registered Sexual Offenders", [2, 1, 1, 4]),
        ("Category 2: Violent offenders", [0, 1, 0, 1]),
        ("Category 3: Other Dangerous Offenders", ["-", 0, 1, 1]),
        ("Total", [2, 2, 2, 6]),
    ]
    for label, cells in eligible.rows:
        assert sum(c for c in cells[:3] if c != "-") == cells[3], label
    units = tables(report)["rsos_by_area"].rows
    assert units == [("BCU N", [2]), ("BCU S", [2]), ("Total (category 1)", [4])]
    assert sum(cells[0] for label, cells in units[:-1]) == eligible.rows[0][1][3]
    # 4 registered sexual offenders / 8,000 aged 10 and over x 100,000 = 50.00
    assert str(report.rso_rate) == "50.00"


@pytest.mark.usefixtures("area_2026")
def test_a_year_before_the_2014_act_keeps_seed_001s_sopo_and_foreign_travel_order_tables(colin):
    report = mappa_annual_report(police_force=colin.agency, year_end=dt.date(2014, 3, 31))
    by_key = tables(report)
    assert not report.uses_2015_tables
    assert by_key["orders_sopo"].caption == "Sexual Offences Prevention Orders"
    assert by_key["orders_sopo"].rows == [
        ("Applied for", [1]),  # the SOPO applied for on 1 January 2014
        ("Interim Order issued", [0]),
        ("Full Order issued", [1]),
    ]
    assert "orders_foreign_travel_order" in by_key
    assert "serious_further_offences" not in by_key and "civil_orders" not in by_key


def test_the_year_ending_31_march_2015_is_the_first_in_the_new_layout(colin):
    # The 2014 Act's orders came into force on 8 March 2015, inside the year 2014/15.
    assert mappa_annual_report(
        police_force=colin.agency, year_end=dt.date(2015, 3, 31)
    ).uses_2015_tables
    assert not mappa_annual_report(
        police_force=colin.agency, year_end=dt.date(2014, 3, 31)
    ).uses_2015_tables


@pytest.mark.usefixtures("area_2026")
def test_the_tidy_csv_has_one_row_per_figure_and_the_zip_one_file_per_table(colin):
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    rows = list(csv.DictReader(io.StringIO(report_csv_tidy(report))))
    assert set(rows[0]) == {"police_force", "year_end", "table", "row", "column", "value"}
    sfo_total = [
        r for r in rows if r["table"] == "serious_further_offences" and r["row"] == "Total"
    ]
    assert [(r["column"], r["value"]) for r in sfo_total] == [
        ("Category 1", "1"),
        ("Category 2", "1"),
        ("Category 3", "0"),
        ("Total", "2"),
    ]
    with zipfile.ZipFile(io.BytesIO(report_zip(report))) as archive:
        names = archive.namelist()
        assert "01_eligible.csv" in names and "all_tables_long.csv" in names
        assert len([n for n in names if n[:2].isdigit()]) == len(report.tables())
        first = archive.read("01_eligible.csv").decode().splitlines()
        assert first[0] == "row,Level 1,Level 2,Level 3,Total"


def test_csv_cells_are_neutralised_against_formula_injection(colin, north_bcu):
    # OWASP "CSV injection": text starting = + - @ tab or CR is run as a formula.
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1+cmd") == "'+1+cmd"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("-") == "-" and safe_cell(-4) == -4 and safe_cell("-4.5") == "-4.5"
    north_bcu.name = "=cmd|' /C calc'!A0"
    north_bcu.save()
    registration(colin, north_bcu, category=1, level=1)
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    assert "\n'=cmd|" in report_csv(report)
    assert ",'=cmd|" in report_csv_tidy(report)


@pytest.mark.usefixtures("area_2026")
def test_each_chart_is_an_accessible_image_that_states_its_figures(colin):
    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    svg = str(table_chart(tables(report)["eligible"]))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="chart-eligible-title">' in svg
    assert "Category 1: Level 1 2, Level 2 1, Level 3 1" in svg
    assert "Total" not in svg.split("<desc")[1].split("</desc>")[0]


@pytest.mark.usefixtures("area_2026")
def test_the_trend_gives_five_years_oldest_first(colin):
    trend = mappa_trend(police_force=colin.agency, year_end=YEAR_END)
    assert [t.year_end.year for t in trend] == [2022, 2023, 2024, 2025, 2026]
    assert trend[-1].eligible == 6 and trend[-1].returned_to_custody == 3  # 1 recall + 2 orders
    # the registrations start on 1 January 2008, so every earlier year has the open ones
    assert trend[0].registered_sexual_offenders == 5  # 4 open + 1 ended in August 2025


@pytest.mark.usefixtures("area_2026")
def test_the_report_page_shows_the_2026_tables_charts_notes_and_downloads(client, colin):
    client.force_login(colin)
    page = client.get(reverse("mappa:report"), {"year_end": "2026-03-31"}).content.decode()
    assert "Sexual Harm Prevention Orders and Sexual Risk Orders" in page
    assert "charged with a serious further offence" in page
    assert page.count('role="img"') >= 6
    assert "Explanatory notes" in page and "Sexual Risk Order (SRO)" in page
    assert "Five-year trend" in page
    zipped = client.get(reverse("mappa:report"), {"year_end": "2026-03-31", "format": "zip"})
    assert zipped["Content-Type"] == "application/zip"
    tidy = client.get(reverse("mappa:report"), {"year_end": "2026-03-31", "format": "csv-tidy"})
    assert tidy.content.startswith(b"police_force,year_end,table,row,column,value")


@pytest.mark.usefixtures("area_2026")
def test_the_pdf_has_the_pages_tables_and_charts(colin):
    pytest.importorskip("weasyprint")
    from django.template.loader import render_to_string

    from openom.mappa.views import _report_context

    report = mappa_annual_report(police_force=colin.agency, year_end=YEAR_END)
    html = render_to_string("mappa/report_pdf.html", _report_context(report))
    assert "Sexual Harm Prevention Orders and Sexual Risk Orders" in html
    assert 'role="img"' in html and "Explanatory notes" in html


def test_the_smb_commentary_is_saved_per_year_and_force_audited_and_stale_edits_refused(
    client, colin
):
    from openom.access.models import AuditEvent
    from openom.mappa.models import ReportCommentary

    client.force_login(colin)
    url = reverse("mappa:report-commentary") + "?year_end=2026-03-31"
    saved = client.post(url, {"text": "A year of steady work", "version": ""})
    assert saved.status_code == 302
    commentary = ReportCommentary.objects.get(police_force=colin.agency, year_end=YEAR_END)
    assert commentary.text == "A year of steady work" and commentary.version == 1
    assert AuditEvent.objects.filter(action="mappa_report_commentary", actor=colin).exists()
    client.post(url, {"text": "Revised", "version": "1"})
    stale = client.post(url, {"text": "Overwrites the revision", "version": "1"})
    assert stale.status_code == 400
    assert "Someone else changed the commentary" in stale.content.decode()
    commentary.refresh_from_db()
    assert commentary.text == "Revised"
    empty = client.post(url, {"text": "  ", "version": "2"})
    assert empty.status_code == 400
    page = client.get(reverse("mappa:report"), {"year_end": "2026-03-31"}).content.decode()
    assert "Revised" in page
    other_year = client.get(reverse("mappa:report"), {"year_end": "2025-03-31"}).content.decode()
    assert "Revised" not in other_year


@pytest.mark.usefixtures("area_2026")
def test_openom_report_writes_the_tidy_csv_and_the_zip(colin, tmp_path):
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "report", "mappa-annual", "--year-end", "2026-03-31", "--format", "csv-tidy", stdout=out
    )
    assert out.getvalue().startswith("police_force,year_end,table,row,column,value")
    target = tmp_path / "mappa.zip"
    call_command(
        "report",
        "mappa-annual",
        "--year-end",
        "2026-03-31",
        "--format",
        "zip",
        "--output",
        str(target),
        stderr=io.StringIO(),
    )
    with zipfile.ZipFile(target) as archive:
        assert "08_returned_to_custody.csv" in archive.namelist()


def test_the_year_2014_15_shows_the_sopos_made_before_8_march_beside_the_shpos(colin, north_bcu):
    rso = registration(colin, north_bcu, category=1, level=1)
    order(rso.person, colin, CivilOrderKind.SOPO, dt.date(2014, 12, 1), full=dt.date(2015, 1, 20))
    order(rso.person, colin, CivilOrderKind.SHPO, dt.date(2015, 3, 9), full=dt.date(2015, 3, 30))
    report = mappa_annual_report(police_force=colin.agency, year_end=dt.date(2015, 3, 31))
    assert tables(report)["civil_orders"].rows == [
        ("Sexual Harm Prevention Orders", [1, 0, 1, 0]),
        ("Sexual Risk Orders", [0, 0, 0, 0]),
        ("Sexual Offences Prevention Orders (made before 8 March 2015)", [1, 0, 1, 0]),
    ]
    later = mappa_annual_report(police_force=colin.agency, year_end=dt.date(2016, 3, 31))
    assert len(tables(later)["civil_orders"].rows) == 2


@pytest.mark.usefixtures("area_2026")
def test_the_report_page_takes_as_many_queries_with_many_rows_as_with_few(
    client, colin, north_bcu, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(colin)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("mappa:report"), {"year_end": "2026-03-31"})
    for level in (1, 2, 2, 3, 1, 1):
        made = registration(colin, north_bcu, category=1, level=level)
        recall(made.person, colin, on=dt.date(2025, 11, 1))
        sfo(made, colin, dt.date(2025, 12, 1), level)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("mappa:report"), {"year_end": "2026-03-31"})
