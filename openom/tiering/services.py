"""Recalculating a case's tier whenever an input changes, keeping the history and the reason."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from openom.access.constants import SharingBasis
from openom.access.models import CaseShare
from openom.access.services import audit_record
from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment, PredictorScore
from openom.assessment.rules.needs import need_severity
from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.models import EnforcementAction
from openom.people.constants import Gender
from openom.people.models import Person
from openom.sentencing.constants import CUSTODIAL_SENTENCES, SentenceType
from openom.sentencing.models import Sentence
from openom.tiering.models import TierCalculation
from openom.tiering.rules import Score, SingleInputs, TwoAxisInputs, single_tier, two_axis_tier

# DOMAIN.md §5.1: previous enforcement is a breach or recall in the last 365 days.
PREVIOUS_ENFORCEMENT_DAYS = 365
# Unpaid work alone is not a mandate for change (DOMAIN.md §5.1).
NOT_A_MANDATE = frozenset({"UNPAID_WORK"})


def _mandate_for_change(person: Person) -> bool:
    current = Sentence.objects.filter(
        person=person, termination_date__isnull=True
    ).prefetch_related("requirements")
    for sentence in current:
        if sentence.sentence_type in CUSTODIAL_SENTENCES or sentence.sentence_type in (
            SentenceType.LIFE,
            SentenceType.IPP,
        ):
            return True
        if any(
            r.requirement_type not in NOT_A_MANDATE and r.termination_date is None
            for r in sentence.requirements.all()
        ):
            return True
    return False


def _unsupervised(current: list[Sentence], today: dt.date) -> bool:
    """Not under supervision: every current sentence is a licence whose supervision has ceased.

    The Tier service reads this from nDelius's "PRC" registration (hmpps-tier
    DeliusApiService.isUnsupervised); OpenOM records it on the licence itself.
    """
    return bool(current) and all(
        s.supervision_ceased_on is not None and s.supervision_ceased_on <= today for s in current
    )


def _lifer_released_on(current: list[Sentence], today: dt.date) -> dt.date | None:
    """The latest release on licence from a current life or IPP sentence (hmpps-tier
    DeliusInputs.latestReleaseDate with the lifer registration)."""
    released = [
        s.release_date
        for s in current
        if s.sentence_type in (SentenceType.LIFE, SentenceType.IPP)
        and s.release_date is not None
        and s.release_date <= today
    ]
    return max(released, default=None)


def tier_inputs(person: Person, today: dt.date) -> tuple[TwoAxisInputs, SingleInputs]:
    assessment = (
        Assessment.objects.filter(person=person, status=AssessmentStatus.COMPLETE)
        .prefetch_related("need_scores")
        .order_by("-completed_on", "-pk")
        .first()
    )
    predictors: dict[str, PredictorScore] = {}
    for score in PredictorScore.objects.filter(person=person).order_by("-assessed_on", "-pk"):
        predictors.setdefault(score.predictor, score)
    thinking = assessment.answers.get("thinking_and_behaviour", {}) if assessment else {}
    active = Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    iom = CaseShare.objects.filter(person=person, basis=SharingBasis.IOM).filter(active).exists()
    enforcement = (
        EnforcementAction.objects.filter(
            person=person,
            kind__in=[ActionKind.BREACH, ActionKind.RECALL],
            failure_date__gte=today - dt.timedelta(days=PREVIOUS_ENFORCEMENT_DAYS),
        )
        .exclude(status=ActionStatus.WITHDRAWN)
        .exists()
    )
    rosh = assessment.overall_rosh or None if assessment else None
    # Severity from each section's score by the thresholds in force (hmpps-tier NeedSection).
    needs = {}
    for need in assessment.need_scores.all() if assessment else []:
        severity = need_severity(need.section, need.score)
        if severity is not None:
            needs[need.section] = severity
    current = list(Sentence.objects.filter(person=person, termination_date__isnull=True))
    rsr = predictors.get("RSR")
    two = TwoAxisInputs(
        has_assessment=assessment is not None,
        mandate_for_change=_mandate_for_change(person),
        rsr=float(rsr.score) if rsr else None,
        rosh=rosh,
        female=person.gender == Gender.FEMALE,
        impulsivity=thinking.get("impulsivity", 0) > 0,
        temper_control=thinking.get("temper_control", 0) > 0,
        previous_enforcement=enforcement,
        ogrs=assessment.ogrs3_two_year if assessment else None,
        iom=iom,
        needs=needs,
        unsupervised=_unsupervised(current, today),
    )

    def score(code: str) -> Score | None:
        found = predictors.get(code)
        return Score(float(found.score), found.band) if found else None

    single = SingleInputs(
        arp=score("ARP"),
        csrp=score("CSRP"),
        dc_srp=score("DC_SRP"),
        arp_static=bool(predictors.get("ARP") and predictors["ARP"].is_static),
        csrp_static=bool(predictors.get("CSRP") and predictors["CSRP"].is_static),
        rosh=rosh,
        lifer_released_on=_lifer_released_on(current, today),
        as_of=today,
    )
    return two, single


def tier_recalculate(
    *, person: Person, actor, reason: str, today: dt.date | None = None
) -> TierCalculation:
    """Calculate both tiers; store a new row only when the tier or its points change."""
    today = today or timezone.localdate()
    two_inputs, single_inputs = tier_inputs(person, today)
    two = two_axis_tier(two_inputs)
    single = single_tier(single_inputs)
    with transaction.atomic():
        previous = TierCalculation.objects.select_for_update().filter(person=person).first()
        unchanged = previous is not None and (
            previous.two_axis_tier,
            previous.protect_points,
            previous.change_points,
            previous.single_tier,
        ) == (two.tier, two.protect_points, two.change_points, single.tier if single else "")
        if unchanged:
            return previous
        calculation = TierCalculation.objects.create(
            person=person,
            reason=reason,
            two_axis_tier=two.tier,
            protect=two.protect,
            change=two.change,
            protect_points=two.protect_points,
            change_points=two.change_points,
            single_tier=single.tier if single else "",
            single_provisional=bool(single and single.provisional),
            working=[
                *two.working,
                *(single.working if single else ["Single tier: no ARP/CSRP predictors recorded"]),
            ],
            inputs={
                "rosh": two_inputs.rosh,
                "rsr": two_inputs.rsr,
                "ogrs": two_inputs.ogrs,
                "iom": two_inputs.iom,
                "unsupervised": two_inputs.unsupervised,
                "lifer_released_on": single_inputs.lifer_released_on.isoformat()
                if single_inputs.lifer_released_on
                else None,
                "needs": {k: v.value for k, v in two_inputs.needs.items()},
            },
            calculated_by=actor,
        )
        change = f"{previous.two_axis_tier} → {two.tier}" if previous else two.tier
        audit_record(
            actor=actor, person=person, action="tier_recalculate", detail=f"{change}: {reason}"
        )
    return calculation
