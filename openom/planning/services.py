"""Writing sentence plans: drafted as the officer types, completed with the person's part,
reviewed against every objective."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from openom.access.services import audit_record
from openom.core.calendar import calendar_for
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.services import edit_check
from openom.planning.constants import ObjectiveStatus, ReviewReason, SentencingPurpose
from openom.planning.models import Objective, ObjectiveProgress, PlanReview, SentencePlan
from openom.planning.rules import initial_plan_due, next_review_due
from openom.sentencing.models import Sentence

DRAFT_FIELDS = ("person_participated", "person_agreed", "person_comments", "risk_management_plan")
OPEN_STATUSES = (ObjectiveStatus.NOT_STARTED, ObjectiveStatus.IN_PROGRESS)


def plan_start_date(sentence: Sentence) -> dt.date:
    """A licence plan runs from release; any other from the sentence date."""
    return sentence.release_date or sentence.sentence_date


def sentence_plan_start(*, sentence: Sentence, actor) -> SentencePlan:
    with transaction.atomic():
        Sentence.objects.select_for_update().get(pk=sentence.pk)
        existing = SentencePlan.objects.filter(sentence=sentence).first()
        if existing is not None:
            return existing
        start = plan_start_date(sentence)
        plan = SentencePlan.objects.create(
            person_id=sentence.person_id,
            sentence=sentence,
            start_date=start,
            due_date=initial_plan_due(start, calendar_for(sentence.person.probation_area_id)),
            owner=actor,
        )
        audit_record(
            actor=actor, person=sentence.person, action="sentence_plan_start", detail=str(plan)
        )
    return plan


def sentence_plan_save_draft(
    *, plan: SentencePlan, data: dict[str, Any], version: int, actor
) -> SentencePlan:
    """Save what the officer has typed so far; refuse (never overwrite) if someone else saved."""
    with transaction.atomic():
        locked = SentencePlan.objects.select_for_update().get(pk=plan.pk)
        if not locked.is_current_for(version, actor):
            raise EditConflict(
                "Someone else saved this plan while you were typing. Your last changes are not "
                "saved: copy them, reload the page and add them again."
            )
        for field in DRAFT_FIELDS:
            if field in data:
                setattr(locked, field, data[field])
        locked.mark_saved(actor)
        locked.save()
    return locked


def objective_add(*, plan: SentencePlan, data: dict[str, Any], actor) -> Objective:
    errors: dict[str, str] = {}
    purposes = list(data.get("purposes") or [])
    if not purposes:
        errors["purposes"] = "Choose at least one purpose: punish, help, change or control"
    elif not set(purposes) <= set(SentencingPurpose.values):
        errors["purposes"] = "Choose from punish, help, change and control"
    if data["target_date"] < plan.start_date:
        errors["target_date"] = "The target date must be after the plan starts"
    if errors:
        raise ServiceValidationError("The objective needs correcting", field_errors=errors)
    with transaction.atomic():
        SentencePlan.objects.select_for_update().get(pk=plan.pk)
        objective = Objective.objects.create(plan=plan, **{**data, "purposes": purposes})
        audit_record(actor=actor, person=plan.person, action="objective_add", detail=str(objective))
    return objective


# What an edit of an objective may change.
OBJECTIVE_EDITABLE_FIELDS = (
    "need",
    "purposes",
    "description",
    "interventions",
    "responsible",
    "target_date",
    "status",
)


def objective_update(
    *, objective: Objective, data: dict[str, Any], version: int, actor
) -> Objective:
    """Change an objective; refused (EditConflict, with the saved values) if someone else saved
    it since `version` was read."""
    fields = [f for f in OBJECTIVE_EDITABLE_FIELDS if f in data]
    errors: dict[str, str] = {}
    if "purposes" in data:
        purposes = list(data.get("purposes") or [])
        if not purposes:
            errors["purposes"] = "Choose at least one purpose: punish, help, change or control"
        elif not set(purposes) <= set(SentencingPurpose.values):
            errors["purposes"] = "Choose from punish, help, change and control"
    if "target_date" in data and data["target_date"] < objective.plan.start_date:
        errors["target_date"] = "The target date must be after the plan starts"
    if errors:
        raise ServiceValidationError("The objective needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = Objective.objects.select_for_update().get(pk=objective.pk)
        edit_check(locked, version=version, actor=actor, noun="objective", fields=fields)
        for field in fields:
            setattr(locked, field, list(data[field]) if field == "purposes" else data[field])
        locked.mark_saved(actor)
        locked.full_clean()
        locked.save()
        audit_record(
            actor=actor,
            person=locked.plan.person,
            action="objective_update",
            detail=f"{locked}: {', '.join(fields)}",
        )
    return locked


def sentence_plan_complete(
    *, plan: SentencePlan, version: int, actor, today: dt.date | None = None
) -> SentencePlan:
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = SentencePlan.objects.select_for_update().get(pk=plan.pk)
        if not locked.is_current_for(version, actor):
            raise EditConflict(
                "Someone else changed this plan: reload the page and check it before completing it"
            )
        errors: dict[str, str] = {}
        if not locked.objectives.exists():
            errors["objectives"] = "Add at least one objective before completing the plan"
        if not locked.person_participated:
            errors["person_participated"] = (
                "Record whether the person took part in writing the plan"
            )
        if errors:
            raise ServiceValidationError("The plan is not ready to complete", field_errors=errors)
        locked.completed_on = today
        locked.next_review_due = next_review_due(today)
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="sentence_plan_complete", detail=str(locked)
        )
    return locked


def plan_review_record(
    *,
    plan: SentencePlan,
    reviewed_on: dt.date,
    reason: ReviewReason,
    summary: str,
    progress: dict[int, tuple[str, str]],
    statuses: dict[int, str] | None = None,
    actor,
    today: dt.date | None = None,
) -> PlanReview:
    """A review records progress against every open objective and sets the next review."""
    today = today or timezone.localdate()
    statuses = statuses or {}
    with transaction.atomic():
        locked = SentencePlan.objects.select_for_update().get(pk=plan.pk)
        open_objectives = list(locked.objectives.filter(status__in=OPEN_STATUSES))
        errors: dict[str, str] = {}
        if locked.completed_on is None:
            errors["plan"] = "Complete the plan before reviewing it"
        if reviewed_on > today:
            errors["reviewed_on"] = "The review date must be today or in the past"
        missing = [o for o in open_objectives if o.pk not in progress]
        if missing:
            errors["progress"] = f"Record progress against every objective ({len(missing)} missing)"
        if not summary.strip():
            errors["summary"] = "Summarise the review"
        if errors:
            raise ServiceValidationError("The review needs correcting", field_errors=errors)
        review = PlanReview.objects.create(
            plan=locked, reviewed_on=reviewed_on, reason=reason, summary=summary, reviewed_by=actor
        )
        ObjectiveProgress.objects.bulk_create(
            ObjectiveProgress(
                review=review, objective=o, progress=progress[o.pk][0], note=progress[o.pk][1]
            )
            for o in open_objectives
        )
        for objective in open_objectives:
            new_status = statuses.get(objective.pk)
            if new_status and new_status != objective.status:
                objective.status = new_status
                objective.save(update_fields=["status", "updated_at"])
        locked.next_review_due = next_review_due(reviewed_on)
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="plan_review_record", detail=str(review)
        )
    return review
