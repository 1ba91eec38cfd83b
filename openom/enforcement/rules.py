"""What a failure to comply leads to, and by when (DOMAIN.md §5.4 and §3), as pure functions.

Counting (National Standards and the nDelius enforcement policy, DOMAIN.md §5.4):
- only unacceptable failures on enforceable contacts count, one per calendar date;
- they are counted from the later of the sentence (or licence) date and the day after the last
  breach (or recall) — failures on or before the last breach date were dealt with by it;
- the first counted failure earns a WARNING (the person has 7 days to respond);
- a failure that makes 2 on distinct dates within 12 months starts BREACH proceedings on a
  community order, a suspended sentence order or post-sentence supervision, and RECALL on a
  licence (standard or fixed-term is the manager's decision). "Within 12 months" means within
  the 12 months beginning with the earlier failure (`period_end`: 10 Jan 2026 and 9 Jan 2027 are
  within, 10 Jan 2026 and 10 Jan 2027 are not; 29 Feb 2024 and 28 Feb 2025 are within);
- the clock runs from the failure that triggered the action; later failures do not restart it.

Clocks, all in England and Wales working days (`openom.working_days`), from the triggering
failure: start the breach or recall within 10 working days; resolve a breach within 25 working
days (target 50%) and on average within 35 (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from openom.working_days.rules import WorkingDayCalendar, period_end

# A warning after the first unacceptable failure; breach proceedings after 2 on distinct dates
# (National Standards 2005/2007, nDelius enforcement policy; DOMAIN.md §5.4).
FAILURES_FOR_BREACH = 2
# ... within 12 months of each other (National Standards; DOMAIN.md §5.4).
BREACH_WINDOW_MONTHS = 12
# The person has 7 (calendar) days to respond to a warning (DOMAIN.md §5.4).
WARNING_RESPONSE_DAYS = 7
# Breach or recall action starts within 10 working days of the failure (configurable;
# performance target 90%, DOMAIN.md §3 and §5.4).
ACTION_START_WORKING_DAYS = 10
# A breach is resolved within 25 working days of the failure (target 50%, DOMAIN.md §3).
RESOLUTION_TARGET_WORKING_DAYS = 25
# Breaches are resolved on average within 35 working days of the failure (DOMAIN.md §3).
AVERAGE_RESOLUTION_TARGET_WORKING_DAYS = 35


class OrderType(StrEnum):
    COMMUNITY_ORDER = "COMMUNITY_ORDER"
    SUSPENDED_SENTENCE_ORDER = "SUSPENDED_SENTENCE_ORDER"
    LICENCE = "LICENCE"
    # Post-sentence supervision (CJA 2003 s.256AA): breach goes to the magistrates' court
    # (s.256AC), not recall.
    PSS = "PSS"


class Action(StrEnum):
    NONE = "NONE"
    WARNING = "WARNING"
    BREACH = "BREACH"
    RECALL = "RECALL"


# A licence is enforced by recall to custody (CJA 2003 s.254); the others by breach at court.
RECALL_ORDER_TYPES = frozenset({OrderType.LICENCE})


@dataclass(frozen=True)
class Failure:
    """A failure to comply: its date, the manager's judgement and whether it is enforceable."""

    date: dt.date
    acceptable: bool
    enforceable: bool = True
    # The date the warning was given, if one was; the 7 days run from it (else from `date`).
    warned_on: dt.date | None = None


@dataclass(frozen=True)
class Decision:
    next_action: Action
    triggering_failure: dt.date | None = None
    counted_failures: tuple[dt.date, ...] = ()
    # WARNING: the response is due by; BREACH/RECALL: the action starts by.
    deadline: dt.date | None = None
    warning_response_due: dt.date | None = None
    resolution_due: dt.date | None = None
    average_resolution_due: dt.date | None = None
    working: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DeadlineStatus:
    working_days_left: int
    overdue: bool


def _d(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def within_window(earlier: dt.date, later: dt.date) -> bool:
    """Whether `later` falls within the 12 months beginning with `earlier`."""
    return earlier <= later <= period_end(earlier, months=BREACH_WINDOW_MONTHS)


def counted_from(sentence_date: dt.date, last_breach_date: dt.date | None) -> dt.date:
    """The first date whose failures count: the sentence date, or the day after the last breach."""
    if last_breach_date is None:
        return sentence_date
    return max(sentence_date, last_breach_date + dt.timedelta(days=1))


def _skipping(calendar: WorkingDayCalendar, start: dt.date, end: dt.date) -> str:
    skipped = [
        f"{calendar.non_working_reason(day)} ({_d(day)})"
        for day in calendar.non_working_days_in(start, end)
    ]
    return f", skipping {', '.join(skipped)}" if skipped else ""


def next_action(
    *,
    order_type: OrderType,
    sentence_date: dt.date,
    last_breach_date: dt.date | None,
    failures: Iterable[Failure],
    calendar: WorkingDayCalendar,
    start_within_working_days: int = ACTION_START_WORKING_DAYS,
) -> Decision:
    """The action the failures call for, with its deadlines and the working that led to it."""
    failures = list(failures)
    first_counted = counted_from(sentence_date, last_breach_date)
    working: list[str] = []
    if first_counted == sentence_date:
        working.append(f"Failures counted from {_d(sentence_date)}, the sentence date")
    else:
        working.append(
            f"Failures counted from {_d(first_counted)}, the day after the last breach "
            f"({_d(first_counted - dt.timedelta(days=1))})"
        )

    left_out: list[str] = []
    dates: set[dt.date] = set()
    for failure in sorted(failures, key=lambda f: f.date):
        if failure.acceptable:
            left_out.append(f"{_d(failure.date)} (judged acceptable)")
        elif not failure.enforceable:
            left_out.append(f"{_d(failure.date)} (not enforceable)")
        elif failure.date < first_counted:
            left_out.append(f"{_d(failure.date)} (before {_d(first_counted)})")
        elif failure.date in dates:
            left_out.append(f"{_d(failure.date)} (a second failure on the same date)")
        else:
            dates.add(failure.date)
    if left_out:
        working.append("Not counted: " + "; ".join(left_out))

    counted = sorted(dates)
    if not counted:
        working.append("No unacceptable failure to comply counts: no action")
        return Decision(Action.NONE, working=tuple(working))

    trigger: dt.date | None = None
    in_window: list[dt.date] = []
    for index, day in enumerate(counted):
        in_window = [earlier for earlier in counted[: index + 1] if within_window(earlier, day)]
        if len(in_window) >= FAILURES_FOR_BREACH:
            trigger = day
            break

    if trigger is None:
        latest = counted[-1]
        warned = next(
            (f.warned_on for f in failures if f.date == latest and f.warned_on is not None),
            None,
        )
        response_due = (warned or latest) + dt.timedelta(days=WARNING_RESPONSE_DAYS)
        earlier = [day for day in counted if day < latest]
        if earlier:
            working.append(
                f"Earlier failures ({', '.join(_d(day) for day in earlier)}) are "
                f"{BREACH_WINDOW_MONTHS} months or more before {_d(latest)}"
            )
        working.append(
            f"{_d(latest)}: the first unacceptable failure in {BREACH_WINDOW_MONTHS} months, "
            f"a warning; the person has {WARNING_RESPONSE_DAYS} days from "
            f"{'the warning' if warned else 'the failure'} to respond, "
            f"by {_d(response_due)}"
        )
        return Decision(
            Action.WARNING,
            triggering_failure=latest,
            counted_failures=(latest,),
            deadline=response_due,
            warning_response_due=response_due,
            working=tuple(working),
        )

    action = Action.RECALL if order_type in RECALL_ORDER_TYPES else Action.BREACH
    start_by = calendar.add_working_days(trigger, start_within_working_days)
    working.append(
        f"{_d(trigger)}: {len(in_window)} unacceptable failures on distinct dates within "
        f"{BREACH_WINDOW_MONTHS} months ({', '.join(_d(day) for day in in_window)}): "
        + (
            "recall (standard or fixed-term is the manager's decision)"
            if action == Action.RECALL
            else "breach proceedings"
        )
    )
    later = [day for day in counted if day > trigger]
    if later:
        working.append(
            f"Later failures ({', '.join(_d(day) for day in later)}) do not restart the clock"
        )
    working.append(
        f"Start by {_d(start_by)}: {start_within_working_days} working days after "
        f"{_d(trigger)}{_skipping(calendar, trigger, start_by)}"
    )
    resolution_due = average_due = None
    if action == Action.BREACH:
        resolution_due = calendar.add_working_days(trigger, RESOLUTION_TARGET_WORKING_DAYS)
        average_due = calendar.add_working_days(trigger, AVERAGE_RESOLUTION_TARGET_WORKING_DAYS)
        working.append(
            f"Resolve by {_d(resolution_due)} ({RESOLUTION_TARGET_WORKING_DAYS} working days); "
            f"the average target is {AVERAGE_RESOLUTION_TARGET_WORKING_DAYS} working days "
            f"({_d(average_due)})"
        )
    return Decision(
        action,
        triggering_failure=trigger,
        counted_failures=tuple(in_window),
        deadline=start_by,
        resolution_due=resolution_due,
        average_resolution_due=average_due,
        working=tuple(working),
    )


def deadline_status(
    deadline: dt.date, as_of: dt.date, calendar: WorkingDayCalendar
) -> DeadlineStatus:
    """Working days from `as_of` to the deadline (negative once past it) and whether it is past."""
    return DeadlineStatus(
        working_days_left=calendar.working_days_between(as_of, deadline),
        overdue=as_of > deadline,
    )
