"""What a failure to comply leads to, and by when (DOMAIN.md §5.4 and §3), as pure functions.

The statute (Sentencing Act 2020 Sch 10 paras 5-6 for community orders, Sch 16 for suspended
sentence orders; formerly CJA 2003 Sch 8 paras 5-6), as DOMAIN.md §5.4 states it:
- only unacceptable failures on enforceable contacts count, one per calendar date, and none
  before the sentence (or licence) date;
- an unacceptable failure earns a WARNING unless a warning given within the previous 12 months
  still stands; the person has 7 days from the warning to respond;
- a further unacceptable failure within the 12 months beginning with the date the warning was
  GIVEN (`warned_on`; the failure's own date when the warning date is not known) starts BREACH
  proceedings on a community order, a suspended sentence order or post-sentence supervision,
  and RECALL on a licence (standard or fixed-term is the manager's decision). "Within the 12
  months beginning with" the warning (`period_end`): warned 10 Jan 2026, 9 Jan 2027 is within
  and 10 Jan 2027 is not; warned 29 Feb 2024, 28 Feb 2025 is within;
- a breach does not cancel a warning still within its 12 months: failures on or before the last
  breach (or recall) were dealt with by it and start nothing themselves, but a warning given
  before it still stands, so the next failure inside that warning's 12 months is referred for
  breach, not warned again;
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

# Sentencing Act 2020 Sch 10 para 6(1): a further failure within the 12 months beginning with
# the date the warning was given is referred for breach (DOMAIN.md §5.4).
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
    # The date a warning for this failure was given, if one was: its 12 months and the 7 days
    # to respond run from it (else from `date`).
    warned_on: dt.date | None = None
    # False: no warning was given for it (say, it went straight to breach). None: taken to
    # have been warned on `warned_on` (or its date) where the rules called for a warning.
    warning_given: bool | None = None


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


def within_window(warned: dt.date, later: dt.date) -> bool:
    """Whether `later` falls within the 12 months beginning with `warned`."""
    return warned <= later <= period_end(warned, months=BREACH_WINDOW_MONTHS)


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
    # The first unacceptable, enforceable failure on each date, from the sentence date.
    by_date: dict[dt.date, Failure] = {}
    for failure in sorted(failures, key=lambda f: f.date):
        if failure.acceptable:
            left_out.append(f"{_d(failure.date)} (judged acceptable)")
        elif not failure.enforceable:
            left_out.append(f"{_d(failure.date)} (not enforceable)")
        elif failure.date < sentence_date:
            left_out.append(f"{_d(failure.date)} (before the sentence date)")
        elif failure.date in by_date:
            left_out.append(f"{_d(failure.date)} (a second failure on the same date)")
        else:
            by_date[failure.date] = failure
    if left_out:
        working.append("Not counted: " + "; ".join(left_out))

    # Walk the failures in date order, keeping the warnings given (Sch 10 paras 5-6).
    warnings: list[tuple[dt.date, dt.date]] = []  # (failure date, date the warning was given)
    trigger: dt.date | None = None
    standing: tuple[dt.date, dt.date] | None = None
    called_for: list[dt.date] = []
    for day, failure in sorted(by_date.items()):
        standing = next((w for w in reversed(warnings) if within_window(w[1], day)), None)
        dealt_with = day < first_counted
        if standing is not None:
            if dealt_with:
                continue
            trigger = day
            break
        if dealt_with and (failure.warning_given is False or day == last_breach_date):
            continue
        warnings.append((day, failure.warned_on or day))
        if dealt_with:
            working.append(
                f"{_d(day)}: warned on {_d(failure.warned_on or day)}, before the last breach; "
                "the warning still stands for its 12 months"
            )
        else:
            called_for.append(day)

    if trigger is None and not called_for:
        working.append("No unacceptable failure to comply counts: no action")
        return Decision(Action.NONE, working=tuple(working))

    if trigger is None:
        latest = called_for[-1]
        warned = by_date[latest].warned_on
        response_due = (warned or latest) + dt.timedelta(days=WARNING_RESPONSE_DAYS)
        earlier = [given for day, given in warnings if given <= latest and day < latest]
        if earlier:
            working.append(
                f"Earlier warnings (given {', '.join(_d(given) for given in earlier)}) are "
                f"{BREACH_WINDOW_MONTHS} months or more before {_d(latest)}"
            )
        pending = [(day, given) for day, given in warnings if day < latest < given]
        for day, given in pending:
            working.append(
                f"The warning for the failure on {_d(day)} was given on {_d(given)}, after "
                f"{_d(latest)}: only failures after a warning go to breach (Sch 10 para 6), so "
                "the officer may instead judge a further warning inappropriate and refer it"
            )
        working.append(
            f"{_d(latest)}: no warning given in the previous {BREACH_WINDOW_MONTHS} months, a "
            f"warning; the person has {WARNING_RESPONSE_DAYS} days from "
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

    assert standing is not None
    in_window = [standing[0], trigger]
    action = Action.RECALL if order_type in RECALL_ORDER_TYPES else Action.BREACH
    start_by = calendar.add_working_days(trigger, start_within_working_days)
    working.append(
        f"{_d(trigger)}: an unacceptable failure within {BREACH_WINDOW_MONTHS} months of the "
        f"warning given on {_d(standing[1])} (for the failure on {_d(standing[0])}): "
        + (
            "recall (standard or fixed-term is the manager's decision)"
            if action == Action.RECALL
            else "breach proceedings"
        )
    )
    later = [day for day in by_date if day > trigger]
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
