"""Police National Computer (PNC) numbers: YYYY/NNNNNNNC, the last character a check character.

The check character is (two-digit year followed by the seven-digit serial, read as a number)
mod 23, indexed into PNC_CHECK_CHARACTERS.
"""

import re

# The PNC check alphabet: 23 letters, without I, O and S (which read as digits).
PNC_CHECK_CHARACTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
PNC_PATTERN = re.compile(r"^(\d{2}|\d{4})/(\d{1,7})([A-Z])$")


def pnc_check_character(year: int, serial: int) -> str:
    return PNC_CHECK_CHARACTERS[int(f"{year % 100:02d}{serial:07d}") % 23]


def normalise_pnc(value: str) -> str:
    """The canonical YYYY/NNNNNNNC form, or ValueError saying what is wrong."""
    cleaned = value.strip().upper()
    match = PNC_PATTERN.match(cleaned)
    if match is None:
        raise ValueError(
            "Enter a PNC number in the form 2008/0056560Z: year, slash, serial, check character"
        )
    year_text, serial_text, check = match.groups()
    year = int(year_text)
    if len(year_text) == 2:
        year += 1900 if year > 30 else 2000
    serial = int(serial_text)
    expected = pnc_check_character(year, serial)
    if check != expected:
        raise ValueError(
            f"The check character should be {expected}, not {check}: check the PNC number"
        )
    return f"{year}/{serial:07d}{check}"


def is_valid_pnc(value: str) -> bool:
    try:
        normalise_pnc(value)
    except ValueError:
        return False
    return True
