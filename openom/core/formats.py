"""Formats of what people type that the domain rules check: phone numbers and email addresses."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Ofcom's National Telephone Numbering Plan: a UK number is 0 and 9 or 10 more digits
# (01632 960 001, 07700 900 982, 0800 123 456), or +44 in place of the 0. Spaces, brackets and
# hyphens are allowed between the digits.
UK_PHONE = re.compile(r"^(?:\+44|0)\d{9,10}$")
PHONE_SEPARATORS = re.compile(r"[\s()\-]")

PHONE_MESSAGE = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"


def phone_problem(value: str) -> str | None:
    """None for a blank or a UK phone number; the GOV.UK message for anything else."""
    value = (value or "").strip()
    if not value:
        return None
    compact = PHONE_SEPARATORS.sub("", value)
    if compact.startswith("+440"):
        compact = "+44" + compact[4:]
    return None if UK_PHONE.match(compact) else PHONE_MESSAGE


def email_problem(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        validate_email(value)
    except ValidationError:
        return EMAIL_MESSAGE
    return None
