"""CSV for spreadsheets: every CSV OpenOM writes goes through `csv_writer`.

A spreadsheet runs a cell beginning with =, +, -, @, a tab or a carriage return as a formula
(OWASP, "CSV Injection"), so a surname typed as `=HYPERLINK(...)` could exfiltrate the sheet.
Such a cell is written with a leading single quote, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

# OWASP "CSV Injection": the characters that start a formula in Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Not formulas: a lone dash ("not applicable" in the MAPPA annual report tables, seed 001) and
# a plain signed number, which a spreadsheet reads as the number it is.
_INERT = re.compile(r"-|[+-]?\d+(?:\.\d+)?")


def csv_safe(value: Any) -> Any:
    """The value as a cell a spreadsheet shows as text (numbers are left as numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _INERT.fullmatch(value):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, writer) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([csv_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out, **kwargs) -> _SafeWriter:
    """A csv.writer whose every cell is made safe for spreadsheets."""
    return _SafeWriter(csv.writer(out, **kwargs))


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Iterable[Any]]
) -> HttpResponse:
    """An attachment download of `rows` under `header`, every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv_writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
