"""CSV downloads that a spreadsheet cannot turn into a formula (CSV injection).

OWASP, "CSV Injection": a cell beginning with =, +, - or @ (or a tab or carriage return, which
some spreadsheets strip before reading the rest) is run as a formula when the file is opened.
Such a cell is written with a leading apostrophe, which spreadsheets show as text.
"""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

# OWASP CSV Injection: the characters that start a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """The cell as text, neutralised with a leading apostrophe if it would start a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]):
    """An attachment download of `rows` under `header`, every cell neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([csv_safe(h) for h in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response
