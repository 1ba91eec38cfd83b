from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from openom.access.policy import people_visible_to
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

    today = timezone.localdate()
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
        elif action.status == ActionStatus.OPEN and action.recall_type:
            summary = (
                f"{action.get_recall_type_display()} requested on {action.started_on:%d %b %Y}: "
                "waiting for a senior probation officer to authorise it."
            )
            overdue, label = False, "View the request"
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


def recalls_awaiting_authorisation(actor) -> QuerySet[EnforcementAction]:
    """Recalls requested for the cases the manager's team holds, waiting for their authority."""
    if not actor.team_id:
        return EnforcementAction.objects.none()
    return (
        EnforcementAction.objects.filter(
            kind=ActionKind.RECALL,
            status=ActionStatus.OPEN,
            person__in=people_visible_to(actor),
            person__allocations__team_id=actor.team_id,
            person__allocations__end_date__isnull=True,
        )
        .exclude(recall_type="")
        .select_related("person")
        .order_by("deadline", "pk")
    )
