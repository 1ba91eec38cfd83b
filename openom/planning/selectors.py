import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from openom.core.calendar import calendar_for
from openom.people.models import Person
from openom.planning.models import Objective, PlanReview, SentencePlan
from openom.planning.rules import initial_plan_due
from openom.planning.services import plan_start_date
from openom.sentencing.models import Sentence


@dataclass
class SentencePlanStatus:
    sentence: Sentence
    plan: SentencePlan | None
    due_date: dt.date
    overdue: bool
    review_overdue: bool


def plans_for(person: Person, today: dt.date | None = None) -> list[SentencePlanStatus]:
    today = today or timezone.localdate()
    calendar = calendar_for(person.probation_area_id)
    sentences = list(
        Sentence.objects.filter(person=person, termination_date__isnull=True).select_related(
            "event"
        )
    )
    plans = {
        p.sentence_id: p
        for p in SentencePlan.objects.filter(person=person).prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("target_date", "pk")),
            Prefetch(
                "reviews",
                queryset=PlanReview.objects.select_related("reviewed_by").prefetch_related(
                    "progress__objective"
                ),
            ),
        )
    }
    statuses = []
    for sentence in sentences:
        plan = plans.get(sentence.pk)
        due = plan.due_date if plan else initial_plan_due(plan_start_date(sentence), calendar)
        completed = plan is not None and plan.completed_on is not None
        statuses.append(
            SentencePlanStatus(
                sentence=sentence,
                plan=plan,
                due_date=due,
                overdue=not completed and due < today,
                review_overdue=bool(
                    completed and plan.next_review_due and plan.next_review_due < today
                ),
            )
        )
    return statuses
