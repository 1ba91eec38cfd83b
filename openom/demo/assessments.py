"""Assessments, predictors and tiers for the demo area's cases, in realistic proportions."""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from openom.allocation.models import CaseAllocation
from openom.assessment.constants import AssessmentPurpose, AssessmentStatus, Predictor, RoshLevel
from openom.assessment.models import Assessment, NeedScore, PredictorScore
from openom.assessment.questions import SECTIONS
from openom.assessment.rules.needs import need_severity, section_score
from openom.assessment.scoring import ogrs3_for
from openom.people.models import Person
from openom.sentencing.constants import CUSTODIAL_SENTENCES
from openom.tiering.services import tier_recalculate

# Roughly the RoSH mix of a probation caseload (seed 000/003 report about 1 in 5 high or above).
ROSH_WEIGHTS = {RoshLevel.LOW: 30, RoshLevel.MEDIUM: 50, RoshLevel.HIGH: 17, RoshLevel.VERY_HIGH: 3}
ASSESSED_SHARE = 0.95


def _rsr_band(score: float) -> str:
    return "HIGH" if score >= 6.9 else "MEDIUM" if score >= 3 else "LOW"


def demo_assessments_build(*, seed: int, today: dt.date, progress) -> int:
    rng = random.Random(seed + 31)
    people = list(
        Person.objects.filter(probation_area__code="CPP")
        .prefetch_related("sentences")
        .order_by("pk")
    )
    officers = dict(
        CaseAllocation.objects.filter(end_date__isnull=True).values_list(
            "person_id", "offender_manager_id"
        )
    )
    fallback = (
        CaseAllocation.objects.filter(offender_manager__isnull=False)
        .values_list("offender_manager_id", flat=True)
        .first()
    )
    assessments, predictors = [], []
    for person in people:
        if rng.random() > ASSESSED_SHARE:
            continue
        custodial = any(s.sentence_type in CUSTODIAL_SENTENCES for s in person.sentences.all())
        rosh = rng.choices(
            list(ROSH_WEIGHTS),
            weights=[
                w * (1.6 if custodial and k != RoshLevel.LOW else 1)
                for k, w in ROSH_WEIGHTS.items()
            ],
        )[0]
        level = rng.randint(0, 2)
        answers = {
            s.key: {
                q.key: min(2, max(0, rng.choice([0, 0, 1, level, 2 if rng.random() < 0.2 else 0])))
                for q in s.questions
            }
            for s in SECTIONS
        }
        completed = today - dt.timedelta(days=rng.randint(5, 110))
        assessments.append(
            Assessment(
                person=person,
                purpose=AssessmentPurpose.START,
                status=AssessmentStatus.COMPLETE,
                started_on=completed - dt.timedelta(days=rng.randint(0, 6)),
                completed_on=completed,
                assessor_id=officers.get(person.pk) or fallback,
                full_analysis_needed=rosh in (RoshLevel.HIGH, RoshLevel.VERY_HIGH)
                or rng.random() < 0.4,
                no_full_analysis_reason="Screening found no indicators of serious harm",
                rosh_public=rosh,
                rosh_children=RoshLevel.LOW,
                rosh_known_adult=rng.choice([RoshLevel.LOW, rosh]),
                rosh_staff=RoshLevel.LOW,
                overall_rosh=rosh,
                answers=answers,
                links={
                    s.key: {"harm": rng.random() < 0.2, "reoffending": rng.random() < 0.5}
                    for s in SECTIONS
                },
                who_is_at_risk="Known adult (former partner)"
                if rosh in (RoshLevel.HIGH, RoshLevel.VERY_HIGH)
                else "",
            )
        )
        rsr = round(rng.lognormvariate(0.5, 0.9), 2)
        predictors.append(
            PredictorScore(
                person=person,
                predictor=Predictor.RSR,
                score=Decimal(str(min(rsr, 60))),
                band=_rsr_band(rsr),
                assessed_on=completed,
                recorded_by_id=officers.get(person.pk) or fallback,
            )
        )
    with transaction.atomic():
        Assessment.objects.bulk_create(assessments, batch_size=1000)
        PredictorScore.objects.bulk_create(predictors, batch_size=1000)
        NeedScore.objects.bulk_create(
            [
                NeedScore(
                    assessment=a,
                    section=s.key,
                    score=(score := section_score(a.answers[s.key])),
                    severity=need_severity(s.key, score) or "",
                    linked_to_harm=a.links[s.key]["harm"],
                    linked_to_reoffending=a.links[s.key]["reoffending"],
                )
                for a in assessments
                for s in SECTIONS
            ],
            batch_size=2000,
        )
        for done, assessment in enumerate(assessments, start=1):
            ogrs3 = ogrs3_for(assessment.person, as_of=assessment.completed_on)
            if ogrs3:
                Assessment.objects.filter(pk=assessment.pk).update(
                    ogrs3_one_year=ogrs3["one_year"],
                    ogrs3_two_year=ogrs3["two_year"],
                    ogrs3_band=ogrs3["band"],
                    ogrs3_working=ogrs3["working"],
                )
            tier_recalculate(
                person=assessment.person, actor=None, reason="Assessment completed", today=today
            )
            if done % 1000 == 0:
                progress(f"Assessments and tiers: {done:,} of {len(assessments):,}")
    return len(assessments)
