"""`openom calc ogrs3`: OGRS3 one- and two-year reconviction probabilities with their working."""

from collections.abc import Mapping
from typing import Any

from openom.assessment.rules.ogrs3 import OFFENCE_COEFFICIENTS, ogrs3
from openom.core.calc import CalcInputError, parse_choice, parse_date, parse_int

SUMMARY = "OGRS3 reconviction probability (1 and 2 years) and band, from static risk factors"


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    sex = parse_choice(payload, "sex", ["male", "female"])
    date_of_birth = parse_date(payload, "date_of_birth")
    conviction_date = parse_date(payload, "conviction_date")
    follow_up_start = parse_date(payload, "follow_up_start")
    total_sanctions = parse_int(payload, "total_sanctions", minimum=1)
    age_at_first_sanction = parse_int(payload, "age_at_first_sanction", minimum=10)
    offence = parse_choice(payload, "offence", sorted(OFFENCE_COEFFICIENTS))
    assert date_of_birth and conviction_date and follow_up_start and sex and offence
    if conviction_date < date_of_birth:
        raise CalcInputError("conviction_date", "must be after the date of birth")
    if follow_up_start < conviction_date:
        raise CalcInputError("follow_up_start", "must be on or after the conviction date")
    try:
        result = ogrs3(
            sex=sex,
            date_of_birth=date_of_birth,
            conviction_date=conviction_date,
            follow_up_start=follow_up_start,
            total_sanctions=total_sanctions or 1,
            age_at_first_sanction=age_at_first_sanction or 10,
            offence=offence,
        )
    except ValueError as error:
        field = "age_at_first_sanction" if "first sanction" in str(error) else "date_of_birth"
        raise CalcInputError(field, str(error)) from None
    return {
        "one_year": result.one_year,
        "two_year": result.two_year,
        "band": result.band.value,
        "working": result.working,
    }
