"""Personal data never reaches the logs: identifiers and contact details are masked."""

import logging

import pytest

from openom.core.logging import RedactPersonalDataFilter, redact


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Not Found: /cases/X123456/", "Not Found: /cases/[CRN]/"),
        ("PNC 2003/0123456Z checked", "PNC [PNC] checked"),
        ("prisoner A1234BC moved", "prisoner [PRISON-NUMBER] moved"),
        ("born 1990-05-17", "born [DATE]"),
        ("born 17/05/1990", "born [DATE]"),
        ("born 17 May 1990", "born [DATE]"),
        ("mail jo.bloggs@example.org now", "mail [EMAIL] now"),
        ("lives at PE1 1AB", "lives at [POSTCODE]"),
        ("/search/?q=PE1+1AB", "/search/?q=[POSTCODE]"),
        ("NI AB 12 34 56 C", "NI [NINO]"),
        ("call 07700 900123", "call [PHONE]"),
    ],
)
def test_identifiers_and_contact_details_are_masked(line, expected):
    assert redact(line) == expected


def test_ordinary_log_lines_are_left_alone():
    line = "GET /worklist/?page=2 HTTP/1.1 200 5120"
    assert redact(line) == line


def test_the_filter_masks_arguments_and_tracebacks_but_keeps_the_record():
    record = logging.LogRecord(
        "openom", logging.ERROR, __file__, 1, "case %s failed", ("X123456",), None
    )
    try:
        raise ValueError("bad PNC 2003/0123456Z")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactPersonalDataFilter().filter(record) is True
    assert record.getMessage() == "case [CRN] failed"
    assert "2003/0123456Z" not in record.exc_text
    assert "[PNC]" in record.exc_text


def test_every_configured_handler_redacts(settings):
    handlers = settings.LOGGING["handlers"]
    assert all("redact_personal_data" in handler["filters"] for handler in handlers.values())
