"""Sentence planning timescales (DOMAIN.md §5.7). Values in, values out."""

import datetime as dt
from typing import Protocol

# NOMS National Standards 2007: the initial sentence plan within 15 working days of the start
# of a community sentence or of release on licence.
INITIAL_PLAN_WORKING_DAYS = 15
# Seed 003 §2.1(d): sentence plans reviewed at least every 16 weeks (and on significant change).
REVIEW_INTERVAL_WEEKS = 16


class WorkingDays(Protocol):
    def add_working_days(self, start: dt.date, days: int) -> dt.date: ...


def initial_plan_due(start: dt.date, calendar: WorkingDays) -> dt.date:
    """When the first plan is due: 15 working days after the sentence or release date."""
    return calendar.add_working_days(start, INITIAL_PLAN_WORKING_DAYS)


def next_review_due(last_review_or_plan: dt.date) -> dt.date:
    return last_review_or_plan + dt.timedelta(weeks=REVIEW_INTERVAL_WEEKS)
