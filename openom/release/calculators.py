"""`openom calc release-dates`: release dates for one booking (calculate-release-dates-api format)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any

from openom.core.calc import CalcInputError
from openom.release.rules.booking import BookingError, parse_booking
from openom.release.rules.engine import calculate_booking
from openom.release.rules.params import PROFILES, load_params
from openom.release.rules.validation import validate_after, validate_before
from openom.release.rules.working_days import (
    IsHoliday,
    england_and_wales_bank_holiday,
    fixed_bank_holidays,
)

SUMMARY = "release dates (CRD, SLED, HDCED, TUSED, PED, PRRD...) for a booking of sentences"


class ReleaseInputError(CalcInputError):
    """Bad or unsupported booking; `codes` carry the upstream validation codes."""

    def __init__(self, field: str, message: str, codes: list[str]) -> None:
        super().__init__(field, message)
        self.codes = codes

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "message": self.message, "codes": self.codes}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bank-holidays",
        dest="bank_holidays",
        default=None,
        help="comma-separated dates replacing the England and Wales bank holidays",
    )


def holiday_calendar(bank_holidays: str | list[dt.date] | None) -> IsHoliday:
    if bank_holidays is None:
        return england_and_wales_bank_holiday
    if isinstance(bank_holidays, str):
        try:
            dates = [
                dt.date.fromisoformat(d.strip()) for d in bank_holidays.split(",") if d.strip()
            ]
        except ValueError:
            raise ReleaseInputError(
                "bank_holidays", f"'{bank_holidays}' is not a list of YYYY-MM-DD dates", []
            ) from None
    else:
        dates = list(bank_holidays)
    return fixed_bank_holidays(dates)


def calculate(
    payload: Mapping[str, Any],
    bank_holidays: str | list[dt.date] | None = None,
    validate: bool = True,
    **_: Any,
) -> dict[str, Any]:
    is_holiday = holiday_calendar(bank_holidays)
    try:
        booking = parse_booking(payload, profiles=PROFILES)
        params = load_params(booking.profile)
        if validate:
            validate_before(booking)
        result = calculate_booking(booking, params, is_holiday)
        if validate:
            validate_after(booking, result, params)
    except BookingError as error:
        raise ReleaseInputError(error.field, error.message, error.codes) from None
    except OverflowError:
        raise ReleaseInputError(
            "booking", "the dates this booking leads to fall outside the calendar", []
        ) from None
    except ValueError as error:
        # Only date arithmetic leaving the calendar (e.g. consecutive terms past year 9999).
        if "out of range" not in str(error):
            raise
        raise ReleaseInputError(
            "booking", "the dates this booking leads to fall outside the calendar", []
        ) from None
    return {
        "dates": {k: v.isoformat() for k, v in sorted(result.dates.items())},
        "effectiveSentenceLength": result.effective_sentence_length,
        "breakdown": result.breakdown(),
    }
