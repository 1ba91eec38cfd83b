"""Times people type are Europe/London wall-clock times; the database holds UTC.

Twice a year the wall clock jumps (Summer Time Order: the last Sunday of March at 01:00 GMT the
clocks go forward to 02:00 BST; the last Sunday of October at 02:00 BST they go back to 01:00
GMT). A time in the spring gap does not exist; a time in the autumn overlap happens twice.
"""

import datetime as dt

from django.utils import timezone


class NonexistentLocalTime(ValueError):
    """A wall-clock time skipped when the clocks go forward."""


def london_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment a Europe/London wall-clock time names.

    In the autumn overlap (01:00 to 01:59 on the last Sunday of October) the first occurrence,
    in British Summer Time, is meant. A time in the spring gap is refused.
    """
    zone = timezone.get_default_timezone()
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise NonexistentLocalTime(
            f"There is no {time:%H:%M} on {day.day} {day:%B %Y}: the clocks go forward an hour "
            "that night. Enter a time after 02:00"
        )
    return aware.astimezone(dt.UTC)
