"""Keep personal data out of the application's logs.

`RedactPersonalDataFilter` sits on every log handler (see LOGGING in config/settings/base.py).
It renders each record's message with its arguments, masks the identifiers and contact details
that would let a reader pick out a person, and leaves the rest of the line alone: a request log
line such as "Not Found: /cases/X123456/" becomes "Not Found: /cases/[CRN]/".

What it masks: case reference numbers (CRN, a letter and six digits), PNC numbers
(YYYY/NNNNNNNC or YY/NNNNNNNC), prison numbers (A1234BC), full dates (dates of birth look like
any other date, so every day-month-year date is masked), email addresses, UK postcodes,
National Insurance numbers and UK telephone numbers. Names and free text cannot be recognised
reliably: code must not log them in the first place, and the values of query parameters that
carry them (the search box `q`, names, dates of birth) are masked whole as "[SEARCH]".

Request lines carry all of these URL-encoded, often more than once (a `next=` naming a search
page): each encoded run is decoded (up to four times) before masking, and replaced by its
masked, decoded form only when something in it was masked.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A separator inside a postcode or phone number as it may appear in a log line: a space, or a
# space encoded in a URL.
_GAP = r"(?:\s|\+|%20)?"

# Order matters: an email address can hold anything else, so it goes first; PNC numbers and
# dates before the looser number patterns.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[EMAIL]", re.compile(r"[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("[PNC]", re.compile(r"\b(?:\d{4}|\d{2})/\d{1,7}[A-Z]\b", re.IGNORECASE)),
    (
        "[DATE]",
        re.compile(
            r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # 1990-05-17
            r"|\b\d{1,2}([/.-])\d{1,2}\1\d{4}\b"  # 17/05/1990, 17.05.1990, 17-5-1990
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b"  # 17 May 1990
            rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",  # May 17, 1990
            re.IGNORECASE,
        ),
    ),
    ("[PRISON-NUMBER]", re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b", re.IGNORECASE)),
    ("[CRN]", re.compile(r"\b[A-Z]\d{6}\b", re.IGNORECASE)),
    (
        "[NINO]",
        re.compile(
            rf"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]{_GAP}\d{{2}}{_GAP}\d{{2}}{_GAP}\d{{2}}{_GAP}[A-D]\b",
            re.IGNORECASE,
        ),
    ),
    (
        "[POSTCODE]",
        re.compile(rf"\b[A-Z]{{1,2}}\d[A-Z\d]?{_GAP}\d[A-Z]{{2}}\b", re.IGNORECASE),
    ),
    ("[PHONE]", re.compile(r"(?<![\w/])(?:\+44\s?|0)\d(?:[\s-]?\d){8,9}(?![\w/])")),
)


# Query parameters whose value is what someone typed to find a person: masked whole.
SEARCH_PARAMETERS = re.compile(
    r"(?P<key>(?:^|(?<=[?&;]))(?:q|query|search|term|name|surname|forename|first_name|last_name"
    r"|date_of_birth\w*|dob\w*|pnc\w*|crn\w*|noms\w*))=(?P<value>[^&;\s\"'#]*)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"\[[A-Z-]+\]")
# A run of URL characters with at least one percent-encoded byte in it.
_ENCODED = re.compile(r"[^\s\"'<>]*%[0-9A-Fa-f]{2}[^\s\"'<>]*")
_DECODE_ROUNDS = 4


def _mask_search(match: re.Match[str]) -> str:
    value = match.group("value")
    if not value or _LABEL.fullmatch(value):
        return match.group(0)
    return f"{match.group('key')}=[SEARCH]"


def _redact_plain(text: str) -> str:
    for label, pattern in PATTERNS:
        text = pattern.sub(label, text)
    return SEARCH_PARAMETERS.sub(_mask_search, text)


def _redact_encoded(match: re.Match[str]) -> str:
    token = match.group(0)
    decoded = token
    for _ in range(_DECODE_ROUNDS):
        # A space stays encoded ("+"), so the decoded run is still one token of the line.
        once = unquote(decoded).replace(" ", "+")
        if once == decoded:
            break
        decoded = once
    masked = _redact_plain(decoded)
    return masked if masked != decoded else token


def redact(text: str) -> str:
    """The text with every recognisable piece of personal data replaced by a label."""
    text = _ENCODED.sub(_redact_encoded, text)
    return _redact_plain(text)


class RedactPersonalDataFilter(logging.Filter):
    """Masks personal data in a record's message, arguments and traceback; never drops it."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_openom_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: keep the template, drop the arguments
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._openom_redacted = True
        return True
