"""Writing assessments: started, saved section by section as the officer types, completed with
needs and predictors scored by the rules, countersigned when the risk is high."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from openom.access.services import audit_record
from openom.accounts.selectors import team_managers
from openom.allocation.models import CaseAllocation
from openom.assessment.constants import (
    COUNTERSIGNED_LEVELS,
    ROSH_ORDER,
    AssessmentPurpose,
    AssessmentStatus,
    RoshLevel,
)
from openom.assessment.models import Assessment, NeedScore, PredictorScore
from openom.assessment.questions import SECTIONS, SECTIONS_BY_KEY
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.notifications.services import notifications_send
from openom.people.models import Person

ROSH_FIELDS = (
    "rosh_children",
    "rosh_public",
    "rosh_known_adult",
    "rosh_staff",
    "custody_rosh_children",
    "custody_rosh_public",
    "custody_rosh_known_adult",
    "custody_rosh_staff",
    "custody_rosh_prisoners",
)
TEXT_FIELDS = (
    "no_full_analysis_reason",
    "who_is_at_risk",
    "nature_of_risk",
    "imminence",
    "risk_increases",
    "risk_reduces",
    "risk_to_self",
    "protective_factors",
    "diversity_needs",
    "learning_and_basic_skills",
)
DRAFT_FIELDS = ("full_analysis_needed", *ROSH_FIELDS, *TEXT_FIELDS)


def overall_rosh(levels: list[str]) -> str:
    """The overall risk of serious harm is the highest of the levels to anyone, anywhere."""
    given = [RoshLevel(level) for level in levels if level]
    return max(given, key=ROSH_ORDER.__getitem__) if given else ""


def assessment_start(
    *, person: Person, purpose: AssessmentPurpose, actor, today: dt.date | None = None
) -> Assessment:
    """Start a new version; it begins as a copy of the latest completed one (asked once, reused)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        draft = Assessment.objects.filter(person=person, status=AssessmentStatus.DRAFT).first()
        if draft is not None:
            return draft
        previous = (
            Assessment.objects.filter(person=person, status=AssessmentStatus.COMPLETE)
            .order_by("-completed_on", "-pk")
            .first()
        )
        copied = (
            {f: getattr(previous, f) for f in (*DRAFT_FIELDS, "answers", "links")}
            if previous
            else {}
        )
        assessment = Assessment.objects.create(
            person=person, purpose=purpose, started_on=today, assessor=actor, **copied
        )
        audit_record(actor=actor, person=person, action="assessment_start", detail=str(assessment))
    return assessment


def assessment_save(
    *,
    assessment: Assessment,
    data: dict[str, Any],
    answers: dict[str, dict[str, int]] | None,
    links: dict[str, dict[str, bool]] | None,
    version: int,
    actor,
) -> Assessment:
    """Save a draft section; refuse, never overwrite, when someone else saved meanwhile."""
    if answers:
        for section_key, section_answers in answers.items():
            known = {q.key for q in SECTIONS_BY_KEY[section_key].questions}
            if not set(section_answers) <= known or not all(
                v in (0, 1, 2) for v in section_answers.values()
            ):
                raise ServiceValidationError(
                    "Unknown answer",
                    field_errors={section_key: "Answer each question with one of its options"},
                )
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status != AssessmentStatus.DRAFT:
            raise ServiceValidationError(
                "This assessment is finished: start a new one to change it"
            )
        if not locked.is_current_for(version, actor):
            raise EditConflict(
                "Someone else saved this assessment while you were typing. Your last changes are not saved: reload it and add them again."
            )
        for field in DRAFT_FIELDS:
            if field in data:
                setattr(locked, field, data[field])
        if answers:
            locked.answers = {
                **locked.answers,
                **{k: {**locked.answers.get(k, {}), **v} for k, v in answers.items()},
            }
        if links:
            locked.links = {**locked.links, **links}
        locked.overall_rosh = overall_rosh([getattr(locked, f) for f in ROSH_FIELDS])
        locked.mark_saved(actor)
        locked.save()
    return locked


def _section_scores(assessment: Assessment) -> list[NeedScore]:
    from openom.assessment.scoring import need_severity, section_score

    scores = []
    for section in SECTIONS:
        answers = assessment.answers.get(section.key, {})
        score = section_score(answers)
        links = assessment.links.get(section.key, {})
        scores.append(
            NeedScore(
                assessment=assessment,
                section=section.key,
                score=score,
                severity=need_severity(section.key, score) or "",
                linked_to_harm=bool(links.get("harm")),
                linked_to_reoffending=bool(links.get("reoffending")),
            )
        )
    return scores


def assessment_complete(
    *, assessment: Assessment, version: int, actor, today: dt.date | None = None
) -> Assessment:
    """Score the needs and OGRS3, then complete, or send for countersignature if RoSH is high."""
    from openom.assessment.scoring import dynamic_predictors_for, ogrs3_for

    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if not locked.is_current_for(version, actor):
            raise EditConflict(
                "Someone else changed this assessment: reload it and check before completing"
            )
        errors: dict[str, str] = {}
        if locked.full_analysis_needed is None:
            errors["full_analysis_needed"] = (
                "Record the outcome of the risk of serious harm screening"
            )
        elif not locked.full_analysis_needed and not locked.no_full_analysis_reason.strip():
            errors["no_full_analysis_reason"] = (
                "Say why a full risk of serious harm analysis is not needed"
            )
        if not locked.overall_rosh:
            errors["rosh_public"] = "Record the risk of serious harm levels"
        unanswered = [
            s.title for s in SECTIONS if len(locked.answers.get(s.key, {})) < len(s.questions)
        ]
        if unanswered:
            errors["answers"] = f"Answer every question in: {', '.join(unanswered)}"
        if errors:
            raise ServiceValidationError("The assessment is not finished", field_errors=errors)
        NeedScore.objects.filter(assessment=locked).delete()
        NeedScore.objects.bulk_create(_section_scores(locked))
        ogrs3 = ogrs3_for(locked.person, as_of=today)
        if ogrs3 is not None:
            locked.ogrs3_one_year, locked.ogrs3_two_year = ogrs3["one_year"], ogrs3["two_year"]
            locked.ogrs3_band, locked.ogrs3_working = ogrs3["band"], ogrs3["working"]
        locked.dynamic_predictors = dynamic_predictors_for(
            locked.person, locked.answers, ogrs3=ogrs3
        )
        locked.completed_on = today
        locked.status = (
            AssessmentStatus.AWAITING_COUNTERSIGNATURE
            if locked.overall_rosh in COUNTERSIGNED_LEVELS
            else AssessmentStatus.COMPLETE
        )
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="assessment_complete",
            detail=f"{locked} RoSH {locked.overall_rosh}",
        )
        if locked.status == AssessmentStatus.COMPLETE:
            _after_completion(locked, actor)
        else:
            holding = (
                CaseAllocation.objects.filter(person_id=locked.person_id, end_date__isnull=True)
                .values_list("team_id", flat=True)
                .first()
            )
            notifications_send(
                recipients=team_managers(holding),
                person=locked.person,
                subject=(
                    f"Assessment to countersign: {locked.person.full_name} ({locked.person.crn})"
                ),
                body=(
                    f"{actor.get_full_name() or actor.username} completed an assessment with "
                    f"{locked.get_overall_rosh_display().lower()} risk of serious harm on "
                    f"{today:%d %B %Y}. It takes effect once you countersign it."
                ),
                link=reverse("assessments:countersign-queue"),
            )
    return locked


def assessment_countersign(
    *, assessment: Assessment, actor, today: dt.date | None = None
) -> Assessment:
    from openom.accounts.constants import Role

    today = today or timezone.localdate()
    if Role.SENIOR_PROBATION_OFFICER not in actor.role_codes:
        raise ServiceValidationError(
            "A senior probation officer countersigns high risk of harm assessments"
        )
    if actor.pk == assessment.assessor_id:
        raise ServiceValidationError("Someone other than the assessor must countersign")
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status != AssessmentStatus.AWAITING_COUNTERSIGNATURE:
            raise ServiceValidationError("This assessment is not waiting for a countersignature")
        locked.status, locked.countersigned_by, locked.countersigned_on = (
            AssessmentStatus.COMPLETE,
            actor,
            today,
        )
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="assessment_countersign", detail=str(locked)
        )
        _after_completion(locked, actor)
        notifications_send(
            recipients=[locked.assessor],
            person=locked.person,
            subject=f"Assessment countersigned: {locked.person.full_name} ({locked.person.crn})",
            body=f"{actor.get_full_name() or actor.username} countersigned it on {today:%d %B %Y}.",
            link=reverse("assessment:overview", args=[locked.person.crn]),
        )
    return locked


def _after_completion(assessment: Assessment, actor) -> None:
    from openom.tiering.services import tier_recalculate

    tier_recalculate(person=assessment.person, actor=actor, reason="Assessment completed")


def predictor_score_record(
    *, person: Person, data: dict[str, Any], actor, today: dt.date | None = None
) -> PredictorScore:
    """A score from an external tool, checked against its range, band and date, then tiered."""
    from openom.assessment.rules.predictors import predictor_problems
    from openom.tiering.services import tier_recalculate

    today = today or timezone.localdate()
    errors = predictor_problems(
        predictor=data.get("predictor", ""),
        score=data.get("score"),
        band=data.get("band", ""),
        assessed_on=data.get("assessed_on"),
        today=today,
    )
    if errors:
        raise ServiceValidationError("The predictor score needs correcting", field_errors=errors)
    data = {**data, "band": data["band"].strip().upper().replace(" ", "_")}
    with transaction.atomic():
        score = PredictorScore.objects.create(person=person, recorded_by=actor, **data)
        audit_record(actor=actor, person=person, action="predictor_score_record", detail=str(score))
        tier_recalculate(
            person=person, actor=actor, reason=f"{score.get_predictor_display()} recorded"
        )
    return score
