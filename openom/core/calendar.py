"""The working-day calendar every deadline in OpenOM uses, for a given area.

England and Wales bank holidays (the `holidays` package) plus the area's own closure days
(organisations.ClosureDay). The arithmetic itself is pure and lives in the rules module; this
module only gathers an area's closures from the database.
"""

import datetime as dt
from functools import lru_cache

from openom.working_days.rules import WorkingDayCalendar


def calendar_for(agency_id: int | None) -> WorkingDayCalendar:
    if agency_id is None:
        return WorkingDayCalendar.england_and_wales()
    return _cached_calendar(agency_id, _closure_version(agency_id))


def _closure_version(agency_id: int) -> tuple[int, dt.date | None]:
    from django.db.models import Count, Max

    from openom.organisations.models import ClosureDay

    summary = ClosureDay.objects.filter(agency_id=agency_id).aggregate(
        n=Count("pk"), last=Max("date")
    )
    return summary["n"], summary["last"]


@lru_cache(maxsize=64)
def _cached_calendar(agency_id: int, version: tuple[int, dt.date | None]) -> WorkingDayCalendar:
    from openom.organisations.models import ClosureDay

    closures = frozenset(
        ClosureDay.objects.filter(agency_id=agency_id).values_list("date", flat=True)
    )
    return WorkingDayCalendar.england_and_wales(closures)
