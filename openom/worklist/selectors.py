"""The due and overdue list: what each officer must do next across their caseload, by urgency."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from openom.access.policy import people_visible_to
from openom.allocation.models import CaseAllocation
from openom.contacts.constants import ContactType
from openom.contacts.models import Contact
from openom.contacts.rules import first_appointment_due, unpaid_work_start_due
from openom.core.calendar import calendar_for
from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.models import EnforcementAction
from openom.planning.models import SentencePlan
from openom.planning.rules import initial_plan_due
from openom.sentencing.constants import RequirementType
from openom.sentencing.models import Requirement, Sentence

# Reviews and plans due within this many days show as coming up.
COMING_UP_DAYS = 14


@dataclass(frozen=True)
class WorkItem:
    crn: str
    name: str
    officer: str
    kind: str
    description: str
    due: dt.date
    url: str
    today: dt.date

    @property
    def overdue(self) -> bool:
        return self.due < self.today

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days


def _allocations(actor, *, team: bool):
    allocations = CaseAllocation.objects.filter(
        end_date__isnull=True, person__in=people_visible_to(actor)
    )
    allocations = (
        allocations.filter(team_id=actor.team_id)
        if team
        else allocations.filter(offender_manager=actor)
    )
    return {
        a.person_id: a
        for a in allocations.select_related("person", "person__probation_area", "offender_manager")
    }


def worklist_for(*, actor, team: bool = False, today: dt.date | None = None) -> list[WorkItem]:
    today = today or timezone.localdate()
    now = timezone.now()
    allocations = _allocations(actor, team=team)
    person_ids = list(allocations)
    items: list[WorkItem] = []

    def item(person_id, kind, description, due, url):
        allocation = allocations[person_id]
        person = allocation.person
        officer = (
            allocation.offender_manager.get_full_name()
            if allocation.offender_manager
            else "Unallocated"
        )
        items.append(
            WorkItem(person.crn, person.full_name, officer, kind, description, due, url, today)
        )

    for contact in Contact.objects.filter(
        person_id__in=person_ids, starts_at__lt=now, outcome=""
    ).order_by("starts_at"):
        item(
            contact.person_id,
            "Outcome to record",
            f"{contact.get_contact_type_display()} on {timezone.localtime(contact.starts_at):%d %b %Y %H:%M}",
            timezone.localdate(contact.starts_at),
            reverse(
                "contacts:outcome", args=[allocations[contact.person_id].person.crn, contact.pk]
            ),
        )

    for action in EnforcementAction.objects.filter(
        person_id__in=person_ids, status__in=[ActionStatus.OPEN, ActionStatus.STARTED]
    ):
        crn = allocations[action.person_id].person.crn
        url = reverse("contacts:list", args=[crn])
        if action.status == ActionStatus.OPEN and action.kind == ActionKind.WARNING:
            item(
                action.person_id,
                "Warning",
                f"Response to the warning for the failure on {action.failure_date:%d %b} is due",
                action.deadline,
                url,
            )
        elif action.status == ActionStatus.OPEN and action.recall_type:
            # Requested and waiting for a manager: off the requester's to-do, on the approver's.
            if team:
                item(
                    action.person_id,
                    "Recall to authorise",
                    f"Authorise the recall requested on {action.started_on:%d %b}",
                    action.deadline,
                    reverse("enforcement:action", args=[crn, action.pk]),
                )
        elif action.status == ActionStatus.OPEN:
            item(
                action.person_id,
                action.get_kind_display(),
                f"Start {action.get_kind_display().lower()} for the failure on {action.failure_date:%d %b}",
                action.deadline,
                url,
            )
        elif action.resolution_due:
            item(
                action.person_id,
                action.get_kind_display(),
                "Resolve the breach (target)",
                action.resolution_due,
                url,
            )

    sentences = list(
        Sentence.objects.filter(person_id__in=person_ids, termination_date__isnull=True).annotate(
            has_plan=Exists(
                SentencePlan.objects.filter(sentence=OuterRef("pk"), completed_on__isnull=False)
            ),
            has_contact=Exists(Contact.objects.filter(sentence=OuterRef("pk"))),
        )
    )
    plans = {
        p.sentence_id: p
        for p in SentencePlan.objects.filter(person_id__in=person_ids, completed_on__isnull=False)
    }
    upw = {
        r.sentence_id: r
        for r in Requirement.objects.filter(
            sentence__in=[s.pk for s in sentences],
            requirement_type=RequirementType.UNPAID_WORK,
            termination_date__isnull=True,
        ).annotate(
            started=Exists(
                Contact.objects.filter(
                    requirement=OuterRef("pk"), contact_type=ContactType.UNPAID_WORK
                )
            )
        )
    }
    calendars = {
        area_id: calendar_for(area_id)
        for area_id in {a.person.probation_area_id for a in allocations.values()}
    }
    for sentence in sentences:
        in_custody = sentence.is_custodial and not (
            sentence.release_date and sentence.release_date <= today
        )
        if in_custody:
            continue
        crn = allocations[sentence.person_id].person.crn
        calendar = calendars[allocations[sentence.person_id].person.probation_area_id]
        start = sentence.release_date or sentence.sentence_date
        if not sentence.has_plan:
            item(
                sentence.person_id,
                "Sentence plan",
                f"Initial plan for the {sentence.get_sentence_type_display().lower()}",
                initial_plan_due(start, calendar),
                reverse("planning:plans", args=[crn]),
            )
        elif (
            sentence.pk in plans
            and plans[sentence.pk].next_review_due
            and plans[sentence.pk].next_review_due <= today + dt.timedelta(days=COMING_UP_DAYS)
        ):
            item(
                sentence.person_id,
                "Plan review",
                "Review the sentence plan",
                plans[sentence.pk].next_review_due,
                reverse("planning:plans", args=[crn]),
            )
        if not sentence.has_contact:
            item(
                sentence.person_id,
                "First appointment",
                "Arrange the first appointment",
                first_appointment_due(start, licence=sentence.is_custodial, calendar=calendar),
                reverse("contacts:arrange", args=[crn]),
            )
        requirement = upw.get(sentence.pk)
        if requirement is not None and not requirement.started:
            item(
                sentence.person_id,
                "Unpaid work",
                "Start unpaid work",
                unpaid_work_start_due(sentence.sentence_date, calendar),
                reverse("contacts:arrange", args=[crn]),
            )
    return sorted(items, key=lambda i: (i.due, i.name))
