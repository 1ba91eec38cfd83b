from dataclasses import dataclass

from django.db.models import QuerySet

from openom.access.policy import people_visible_to
from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment, NeedScore, PredictorScore
from openom.assessment.questions import SECTIONS, SECTIONS_BY_KEY
from openom.people.models import Person


@dataclass
class NeedChange:
    section: str
    title: str
    first: int
    latest: int

    @property
    def direction(self) -> str:
        """Seed 003 §3.1(d),(e): a lower score is an improvement."""
        if self.latest < self.first:
            return "Improved"
        return "Worse" if self.latest > self.first else "Same"


def latest_assessment(person: Person) -> Assessment | None:
    return (
        Assessment.objects.filter(person=person, status=AssessmentStatus.COMPLETE)
        .select_related("assessor", "countersigned_by")
        .prefetch_related("need_scores")
        .order_by("-completed_on", "-pk")
        .first()
    )


def draft_assessment(person: Person) -> Assessment | None:
    return (
        Assessment.objects.filter(person=person).exclude(status=AssessmentStatus.COMPLETE).first()
    )


def need_changes(person: Person) -> list[NeedChange]:
    """Each need's score at the first and latest completed assessments (when there are two)."""
    completed = list(
        Assessment.objects.filter(person=person, status=AssessmentStatus.COMPLETE)
        .order_by("completed_on", "pk")
        .values_list("pk", flat=True)
    )
    if len(completed) < 2:
        return []
    scores = {
        (s.assessment_id, s.section): s.score
        for s in NeedScore.objects.filter(assessment_id__in=[completed[0], completed[-1]])
    }
    return [
        NeedChange(
            section.key,
            section.title,
            scores.get((completed[0], section.key), 0),
            scores.get((completed[-1], section.key), 0),
        )
        for section in SECTIONS
    ]


def predictors_for(person: Person) -> list[PredictorScore]:
    latest: dict[str, PredictorScore] = {}
    for score in PredictorScore.objects.filter(person=person).order_by("-assessed_on", "-pk"):
        latest.setdefault(score.predictor, score)
    return list(latest.values())


def countersigning_queue(actor) -> QuerySet[Assessment]:
    """Assessments awaiting a countersignature for the cases the manager's team holds."""
    return (
        Assessment.objects.filter(
            status=AssessmentStatus.AWAITING_COUNTERSIGNATURE,
            person__in=people_visible_to(actor),
            person__allocations__team_id=actor.team_id,
            person__allocations__end_date__isnull=True,
        )
        .select_related("person", "assessor")
        .order_by("completed_on")
    )


def section_title(key: str) -> str:
    return SECTIONS_BY_KEY[key].title if key in SECTIONS_BY_KEY else key
