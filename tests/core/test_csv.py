"""OWASP "CSV Injection": cells starting =, +, - or @ must not reach a spreadsheet as formulas."""

from openom.core.csv import csv_response, csv_safe


def test_a_cell_that_would_start_a_formula_is_written_as_text():
    assert csv_safe('=HYPERLINK("http://evil.example","Click")') == (
        '\'=HYPERLINK("http://evil.example","Click")'
    )
    assert csv_safe("+44 7700 900123") == "'+44 7700 900123"
    assert csv_safe("-2+3") == "'-2+3"
    assert csv_safe("@SUM(A1:A2)") == "'@SUM(A1:A2)"
    assert csv_safe("\t=1+1") == "'\t=1+1"


def test_ordinary_cells_are_left_alone():
    assert csv_safe("Smith") == "Smith"
    assert csv_safe("X100001") == "X100001"
    assert csv_safe(None) == ""
    assert csv_safe(42) == "42"


def test_the_download_neutralises_every_cell_and_is_an_attachment():
    response = csv_response("cases.csv", ["Name", "Note"], [["=cmd|' /C calc'!A0", "fine"]])
    assert response["Content-Disposition"] == 'attachment; filename="cases.csv"'
    assert response.content.decode().splitlines() == [
        "Name,Note",
        "'=cmd|' /C calc'!A0,fine",
    ]
