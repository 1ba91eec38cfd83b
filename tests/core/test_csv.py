"""Issue #11 finding 8: a CSV cell that a spreadsheet would run as a formula is made inert.

OWASP, "CSV Injection": cells beginning with = + - @, tab (0x09) or carriage return (0x0D) are
read as formulas; prefix them with a single quote so they are shown as text.
"""

import csv
import io

import pytest

from openom.core.csv import csv_response, csv_safe, csv_writer


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+44 1234", "'+44 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
    ],
)
def test_a_cell_that_starts_a_formula_is_prefixed_with_a_quote(cell, shown):
    assert csv_safe(cell) == shown


@pytest.mark.parametrize("cell", ["Smith", "X100001", "2026-12-01", "", "O'Brien"])
def test_ordinary_text_is_left_alone(cell):
    assert csv_safe(cell) == cell


def test_numbers_stay_numbers_even_when_negative():
    assert csv_safe(-3) == -3
    assert csv_safe(12) == 12
    assert csv_safe("-3") == "-3"
    assert csv_safe("-2.5") == "-2.5"


def test_a_lone_dash_for_not_applicable_is_left_alone():
    # Seed 001 (MAPPA annual report) writes "-" where a level does not apply.
    assert csv_safe("-") == "-"


def test_the_writer_neutralises_every_cell_of_every_row():
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["X100001", "=cmd|' /C calc'!A0", "Smith"])
    writer.writerows([["@evil", "ok"]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["X100001", "'=cmd|' /C calc'!A0", "Smith"], ["'@evil", "ok"]]


def test_the_caseload_export_neutralises_a_formula_in_a_surname(client, olivia, daniel):
    from django.urls import reverse

    daniel.surname = '=HYPERLINK("http://evil.example","Smith")'
    daniel.save()
    client.force_login(olivia)
    body = client.get(reverse("people:my-cases-export")).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[1][1] == "'" + daniel.surname


def test_the_download_neutralises_every_cell_and_is_an_attachment():
    response = csv_response("cases.csv", ["Name", "Note"], [["=cmd|' /C calc'!A0", "fine"]])
    assert response["Content-Disposition"] == 'attachment; filename="cases.csv"'
    assert response.content.decode().splitlines() == [
        "Name,Note",
        "'=cmd|' /C calc'!A0,fine",
    ]
