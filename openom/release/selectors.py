import datetime as dt
from dataclasses import dataclass

from openom.people.models import Person
from openom.release.constants import DATE_LABELS, RELEASE_DATE_PRECEDENCE
from openom.release.explanation import Explanation, explain
from openom.release.models import CustodyAdjustment, ReleaseCalculation
from openom.release.rules.arrangements import release_day_warnings
from openom.release.rules.working_days import england_and_wales_bank_holiday


@dataclass(frozen=True)
class DateRow:
    code: str
    label: str
    date: dt.date
    working_day: dt.date | None
    warnings: list[str]


def release_dates_for(person: Person) -> tuple[ReleaseCalculation | None, list[DateRow]]:
    calculation = ReleaseCalculation.objects.filter(person=person).first()
    if calculation is None or not calculation.dates:
        return calculation, []
    moved = (calculation.breakdown or {}).get("nonWorkingDayAdjusted", {})
    rows = []
    for code, value in calculation.dates.items():
        date = dt.date.fromisoformat(value)
        working_day = dt.date.fromisoformat(moved[code]) if code in moved else None
        warnings = (
            release_day_warnings(working_day or date, england_and_wales_bank_holiday)
            if code in RELEASE_DATE_PRECEDENCE
            else []
        )
        rows.append(DateRow(code, DATE_LABELS.get(code, code), date, working_day, warnings))
    order = {code: i for i, code in enumerate(DATE_LABELS)}
    rows.sort(key=lambda row: order.get(row.code, len(order)))
    return calculation, rows


def explanation_for(calculation: ReleaseCalculation | None) -> Explanation | None:
    """How each date of the calculation was worked out, in words (dates in the page's order)."""
    if calculation is None or not calculation.dates:
        return None
    order = {code: i for i, code in enumerate(DATE_LABELS)}
    dates = dict(sorted(calculation.dates.items(), key=lambda item: order.get(item[0], len(order))))
    return explain(dates, calculation.breakdown or {})


def adjustments_for(person: Person) -> list[CustodyAdjustment]:
    return list(
        CustodyAdjustment.objects.filter(person=person).select_related(
            "recorded_by", "sentence__event"
        )
    )


def calculation_history(person: Person, limit: int = 10) -> list[ReleaseCalculation]:
    return list(
        ReleaseCalculation.objects.filter(person=person).select_related("calculated_by")[:limit]
    )
