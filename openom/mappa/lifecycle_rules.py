"""Statutory rules for the register's life and the civil orders, as pure functions.

Kept apart from `rules.py` (eligibility): these say which civil orders the law allows on a
day, when a lifetime notification requirement may be reviewed, and which annual-report
layout applies to a year.
"""

import datetime as dt

from openom.mappa.constants import CivilOrderKind

# Anti-social Behaviour, Crime and Policing Act 2014 s113 and Sch 5, in force 8 March 2015
# (SI 2015/373): SHPOs and SROs replace SOPOs, Foreign Travel Orders and RSHOs.
SHPO_COMMENCEMENT = dt.date(2015, 3, 8)
# Orders that could be made only before the 2014 Act (SOA 2003 s104, s114, s123).
ORDERS_BEFORE_2015 = frozenset(
    {CivilOrderKind.SOPO, CivilOrderKind.FOREIGN_TRAVEL_ORDER, CivilOrderKind.RSHO}
)
# Orders that exist only from the 2014 Act (SOA 2003 s103A, s122A as inserted).
ORDERS_FROM_2015 = frozenset({CivilOrderKind.SHPO, CivilOrderKind.SRO})
# SOA 2003 s97: Notification Orders exist under both regimes.
ORDERS_THROUGHOUT = frozenset({CivilOrderKind.NOTIFICATION_ORDER})

# SOA 2003 s91B(2)(a): 18 or over on the relevant date: 15 years from the relevant notification.
ADULT_INITIAL_REVIEW_YEARS = 15
# SOA 2003 s91B(2)(b): under 18 on the relevant date: 8 years from the relevant notification.
YOUTH_INITIAL_REVIEW_YEARS = 8
# SOA 2003 s91B(3): the further qualifying date is 8 years after a determination to continue.
FURTHER_REVIEW_YEARS = 8
# SOA 2003 s91C(4)(b) (as amended): the chief officer may set a further period of up to 15 years.
LONGEST_FURTHER_REVIEW_YEARS = 15


def _years_after(day: dt.date, years: int) -> dt.date:
    """The anniversary `years` on: a period of N years beginning on 29 February ends on
    28 February, so the day after it is 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def order_kinds_on(day: dt.date) -> frozenset[str]:
    """The civil orders a court could make on `day`."""
    if day < SHPO_COMMENCEMENT:
        return ORDERS_BEFORE_2015 | ORDERS_THROUGHOUT
    return ORDERS_FROM_2015 | ORDERS_THROUGHOUT


def order_date_errors(
    kind: str, *, applied_on: dt.date, interim_on: dt.date | None, full_on: dt.date | None
) -> dict[str, str]:
    """Field errors for an order whose kind the law did not allow on one of its dates."""
    label = CivilOrderKind(kind).label
    errors: dict[str, str] = {}
    for field, day in (
        ("applied_on", applied_on),
        ("interim_on", interim_on),
        ("full_on", full_on),
    ):
        if day is None or kind in order_kinds_on(day):
            continue
        if kind in ORDERS_BEFORE_2015:
            errors[field] = (
                f"A {label} cannot be made on or after 8 March 2015: record a Sexual Harm "
                "Prevention Order or Sexual Risk Order instead"
            )
        else:
            errors[field] = (
                f"A {label} could not be made before 8 March 2015: record the order the law "
                "allowed then (for example a Sexual Offences Prevention Order)"
            )
    return errors


def qualifying_date(
    relevant_notification_on: dt.date, *, under_18_on_relevant_date: bool
) -> dt.date:
    """The first day an application to review indefinite notification may be made.

    SOA 2003 s91B(2): "the day after the end of the 15 year period [8 years if under 18 on the
    relevant date] beginning with the day on which the qualifying relevant offender gives the
    relevant notification" - a period beginning on day D ends the day before D + N years.
    """
    years = YOUTH_INITIAL_REVIEW_YEARS if under_18_on_relevant_date else ADULT_INITIAL_REVIEW_YEARS
    return _years_after(relevant_notification_on, years)


def further_qualifying_date(
    determined_on: dt.date, *, years: int = FURTHER_REVIEW_YEARS
) -> dt.date:
    """The day after the end of the further review period beginning on the determination."""
    if not 1 <= years <= LONGEST_FURTHER_REVIEW_YEARS:
        raise ValueError(f"A further review period is 1 to {LONGEST_FURTHER_REVIEW_YEARS} years")
    return _years_after(determined_on, years)


def report_uses_2015_tables(year_end: dt.date) -> bool:
    """A year that ends on or after the 2014 Act came into force is reported in the MoJ's
    post-2015 layout (SHPOs and SROs); earlier years keep seed 001's 2010 layout."""
    return year_end >= SHPO_COMMENCEMENT
