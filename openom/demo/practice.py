"""The demo area's day-to-day practice: sentence plans and a diary of contacts with outcomes."""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from openom.allocation.models import CaseAllocation
from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.core.calendar import calendar_for
from openom.demo.builder import contacts_without_clashes
from openom.planning.constants import Need, ObjectiveStatus, SentencingPurpose
from openom.planning.models import Objective, SentencePlan
from openom.planning.rules import initial_plan_due, next_review_due
from openom.sentencing.constants import RequirementType
from openom.sentencing.models import Sentence

# Outcomes of past appointments, roughly as the seed 000 compliance figures suggest.
OUTCOME_WEIGHTS = {
    ContactOutcome.ATTENDED_COMPLIED: 86,
    ContactOutcome.ACCEPTABLE_ABSENCE: 6,
    ContactOutcome.UNACCEPTABLE_ABSENCE: 6,
    ContactOutcome.ATTENDED_FAILED_TO_COMPLY: 2,
}
PLANNED_SHARE = 0.88
OBJECTIVES = [
    (
        Need.ACCOMMODATION,
        [SentencingPurpose.HELP],
        "Move into settled accommodation",
        "Housing referral",
    ),
    (
        Need.ETE,
        [SentencingPurpose.HELP, SentencingPurpose.CHANGE],
        "Start training towards work",
        "Employment support referral",
    ),
    (Need.DRUGS, [SentencingPurpose.CHANGE], "Reduce and stop drug use", "Drug treatment; testing"),
    (Need.ALCOHOL, [SentencingPurpose.CHANGE], "Reduce drinking", "Alcohol treatment requirement"),
    (
        Need.THINKING_AND_BEHAVIOUR,
        [SentencingPurpose.CHANGE],
        "Complete the Thinking Skills programme",
        "Accredited programme",
    ),
    (
        Need.RISK_OF_HARM,
        [SentencingPurpose.CONTROL],
        "Keep to the exclusion zone and curfew",
        "Electronic monitoring; home visits",
    ),
    (
        Need.COMPLIANCE,
        [SentencingPurpose.PUNISH],
        "Complete the unpaid work hours",
        "Unpaid work placements",
    ),
]


def demo_practice_build(*, seed: int, today: dt.date, progress) -> dict[str, int]:
    rng = random.Random(seed + 23)
    allocations = {
        a.person_id: a
        for a in CaseAllocation.objects.filter(
            end_date__isnull=True,
            offender_manager__isnull=False,
            person__probation_area__code="CPP",
        ).select_related("offender_manager", "person")
    }
    sentences = list(
        Sentence.objects.filter(
            termination_date__isnull=True, person_id__in=list(allocations)
        ).prefetch_related("requirements")
    )
    calendar = (
        calendar_for(next(iter(allocations.values())).person.probation_area_id)
        if allocations
        else None
    )
    plans, contacts = [], []
    objectives_for: list[tuple[SentencePlan, list]] = []
    for sentence in sentences:
        in_custody = sentence.is_custodial and not (
            sentence.release_date and sentence.release_date <= today
        )
        if in_custody:
            continue
        allocation = allocations[sentence.person_id]
        officer = allocation.offender_manager
        start = sentence.release_date or sentence.sentence_date
        due = initial_plan_due(start, calendar)
        if due < today and rng.random() < PLANNED_SHARE:
            completed = min(due - dt.timedelta(days=rng.randint(0, 8)), today)
            last = completed + dt.timedelta(weeks=16 * ((today - completed).days // (16 * 7)))
            plan = SentencePlan(
                person_id=sentence.person_id,
                sentence=sentence,
                start_date=start,
                due_date=due,
                completed_on=max(completed, start),
                person_participated=rng.random() < 0.9,
                person_agreed=rng.random() < 0.85,
                person_comments=rng.choice(
                    ["", "I want to get back into work.", "I need help with housing first."]
                ),
                next_review_due=next_review_due(last),
                owner=officer,
            )
            plans.append(plan)
            objectives_for.append((plan, rng.sample(OBJECTIVES, rng.randint(2, 4))))
        upw = next(
            (
                r
                for r in sentence.requirements.all()
                if r.requirement_type == RequirementType.UNPAID_WORK
            ),
            None,
        )
        cursor = start + dt.timedelta(days=rng.randint(1, 5))
        first = True
        while cursor <= today + dt.timedelta(days=14):
            hour = rng.choice([9, 10, 11, 14, 15, 16])
            starts_at = timezone.make_aware(
                dt.datetime.combine(cursor, dt.time(hour, rng.choice([0, 30])))
            )
            past = cursor < today
            outcome = ""
            if (past and (today - cursor).days > 3) or (past and rng.random() < 0.5):
                outcome = rng.choices(
                    list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values())
                )[0]
            contacts.append(
                Contact(
                    person_id=sentence.person_id,
                    sentence=sentence,
                    officer=officer,
                    starts_at=starts_at,
                    contact_type=ContactType.OFFICE
                    if rng.random() < 0.85
                    else ContactType.HOME_VISIT,
                    location="Probation office",
                    enforceable=True,
                    is_induction=first,
                    outcome=outcome,
                    outcome_recorded_at=starts_at + dt.timedelta(hours=2) if outcome else None,
                    outcome_recorded_by=officer if outcome else None,
                    evidence="GP sick note seen"
                    if outcome == ContactOutcome.ACCEPTABLE_ABSENCE
                    else "",
                )
            )
            if upw is not None and past and rng.random() < 0.6:
                attended = rng.random() < 0.9
                contacts.append(
                    Contact(
                        person_id=sentence.person_id,
                        sentence=sentence,
                        requirement=upw,
                        officer=officer,
                        starts_at=starts_at + dt.timedelta(days=2),
                        contact_type=ContactType.UNPAID_WORK,
                        location="Community Payback project",
                        outcome=ContactOutcome.ATTENDED_COMPLIED
                        if attended
                        else ContactOutcome.ACCEPTABLE_ABSENCE,
                        evidence="" if attended else "Hospital appointment letter",
                        hours_credited=Decimal("7.0") if attended else None,
                        outcome_recorded_at=starts_at + dt.timedelta(days=2, hours=8),
                        outcome_recorded_by=officer,
                    )
                )
            first = False
            cursor += dt.timedelta(days=rng.choice([7, 14, 14, 21, 28]))
    SentencePlan.objects.bulk_create(plans)
    Objective.objects.bulk_create(
        Objective(
            plan=plan,
            need=need,
            purposes=list(purposes),
            description=description,
            interventions=interventions,
            responsible="Offender manager",
            target_date=plan.start_date + dt.timedelta(days=rng.randint(60, 300)),
            status=rng.choice(
                [
                    ObjectiveStatus.IN_PROGRESS,
                    ObjectiveStatus.IN_PROGRESS,
                    ObjectiveStatus.ACHIEVED,
                    ObjectiveStatus.NOT_STARTED,
                ]
            ),
        )
        for plan, chosen in objectives_for
        for need, purposes, description, interventions in chosen
    )
    Contact.objects.bulk_create(contacts_without_clashes(contacts), batch_size=2000)
    from openom.contacts.constants import FAILURES_TO_COMPLY
    from openom.enforcement.services import enforcement_review

    failing = Sentence.objects.filter(
        pk__in=Contact.objects.filter(
            outcome__in=FAILURES_TO_COMPLY, sentence__in=[s.pk for s in sentences]
        ).values("sentence_id")
    ).select_related("person")
    actions = 0
    for sentence in failing:
        actions += (
            enforcement_review(
                sentence=sentence,
                actor=allocations[sentence.person_id].offender_manager,
                today=today,
            )
            is not None
        )
    # Old enforcement is history by now: warnings answered, breaches heard at court.
    from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome
    from openom.enforcement.models import EnforcementAction

    settled_before = today - dt.timedelta(days=21)
    EnforcementAction.objects.filter(kind=ActionKind.WARNING, deadline__lt=settled_before).update(
        status=ActionStatus.RESOLVED, resolved_on=F("deadline")
    )
    for action in EnforcementAction.objects.filter(
        kind__in=[ActionKind.BREACH, ActionKind.RECALL], deadline__lt=settled_before
    ):
        action.status, action.started_on = (
            ActionStatus.RESOLVED,
            action.deadline - dt.timedelta(days=rng.randint(0, 6)),
        )
        action.resolved_on = action.started_on + dt.timedelta(days=rng.randint(10, 30))
        action.outcome = (
            BreachOutcome.RETURNED_TO_CUSTODY
            if action.kind == ActionKind.RECALL
            else rng.choice(
                [BreachOutcome.CONTINUED, BreachOutcome.CONTINUED, BreachOutcome.AMENDED]
            )
        )
        action.save(update_fields=["status", "started_on", "resolved_on", "outcome"])
    progress(
        f"Practice: {len(plans):,} sentence plans, {len(contacts):,} contacts, {actions:,} enforcement actions"
    )
    return {"plans": len(plans), "contacts": len(contacts)}
