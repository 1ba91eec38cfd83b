from dataclasses import dataclass

from django.urls import reverse

from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.models import EnforcementAction
from openom.people.models import Person


@dataclass
class EnforcementItem:
    action: EnforcementAction
    summary: str
    overdue: bool
    next_step_url: str | None
    next_step_label: str


def enforcement_for(person: Person) -> list[EnforcementItem]:
    """Open warnings, breaches and recalls, with what to do next."""
    import datetime as dt

    today = dt.date.today()
    items = []
    for action in EnforcementAction.objects.filter(
        person=person, status__in=[ActionStatus.OPEN, ActionStatus.STARTED]
    ):
        url = reverse("enforcement:action", args=[person.crn, action.pk])
        if action.kind == ActionKind.WARNING and action.warned_on is None:
            summary = f"Warning for the failure on {action.failure_date:%d %b %Y}: record the date it was given."
            overdue, label = False, "Record the warning given"
        elif action.kind == ActionKind.WARNING:
            summary = f"Warning for the failure on {action.failure_date:%d %b %Y}, given {action.warned_on:%d %b %Y}: the person has until {action.deadline:%d %b %Y} to respond."
            overdue, label = action.deadline < today, "Record the response"
        elif action.status == ActionStatus.OPEN:
            verb = (
                "Start breach proceedings"
                if action.kind == ActionKind.BREACH
                else "Request the recall"
            )
            summary = (
                f"{verb} by {action.deadline:%d %b %Y} (failure on {action.failure_date:%d %b %Y})."
            )
            overdue, label = action.deadline < today, verb
        else:
            summary = (
                f"{action.get_kind_display()} started {action.started_on:%d %b %Y}; resolve by {action.resolution_due:%d %b %Y}."
                if action.resolution_due and action.started_on
                else f"{action.get_kind_display()} under way."
            )
            overdue, label = (
                bool(action.resolution_due and action.resolution_due < today),
                "Record the outcome",
            )
        items.append(EnforcementItem(action, summary, overdue, url, label))
    return items
