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


# Issue #11 finding 6: search terms, dates of birth, PNCs and CRNs escaped the masking when
# they were URL-encoded (a `next=` parameter) or typed into the search box.
@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        # /login/?next=/cases/X123456/ as the browser sends it
        ("GET /login/?next=%2Fcases%2FX123456%2F HTTP/1.1", "X123456"),
        # the same, lower-case hex and encoded twice (a next= inside a next=)
        ("GET /login/?next=%2fcases%2fx123456%2f", "x123456"),
        ("GET /login/?next=%252Fcases%252FX123456%252F", "X123456"),
        # PNC 2008/0056560Z inside a query string: the slash is %2F
        ("GET /people/search/?q=2008%2F0056560Z HTTP/1.1", "0056560Z"),
        # a date of birth 17/05/1990 typed into the search box
        ("GET /people/search/?q=17%2F05%2F1990", "1990"),
        # the date-of-birth field of the search form, day 17, month 5, year 1990
        (
            "GET /people/search/?q=&date_of_birth_0=17&date_of_birth_1=5&date_of_birth_2=1990",
            "1990",
        ),
        # a name typed into the search box, in both encodings of the space
        ("GET /people/search/?q=Daniel+Smith HTTP/1.1", "Smith"),
        ("GET /people/search/?q=Daniel%20Smith HTTP/1.1", "Smith"),
        # the search page reached through the sign-in page
        ("GET /login/?next=%2Fpeople%2Fsearch%2F%3Fq%3DDaniel%2BSmith", "Smith"),
    ],
)
def test_url_encoded_identifiers_and_search_terms_are_masked(line, hidden):
    masked = redact(line)
    assert hidden not in masked
    assert hidden.lower() not in masked.lower()


def test_a_search_query_is_masked_but_the_rest_of_the_line_is_kept():
    assert (
        redact("GET /people/search/?q=Daniel+Smith&page=2 HTTP/1.1")
        == "GET /people/search/?q=[SEARCH]&page=2 HTTP/1.1"
    )


def test_an_encoded_line_without_personal_data_is_left_alone():
    line = "GET /login/?next=%2Fworklist%2F HTTP/1.1 302 0"
    assert redact(line) == line
