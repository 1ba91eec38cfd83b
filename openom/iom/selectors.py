"""Reads for IOM: a person's matrix inputs from the record, the cohort, candidates, meetings."""

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import QuerySet

from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment
from openom.core.dates import add_months, age_on
from openom.intelligence.models import IntelligenceItem
from openom.iom.constants import ReferralStatus
from openom.iom.models import CandidateScore, IomReferral, Membership, Scheme
from openom.people.models import Person
from openom.sentencing.models import Event

UNDER_25 = 25


def inputs_for(scheme: Scheme, person: Person, today: dt.date) -> dict[str, Any]:
    """The matrix inputs, each taken from where it is already recorded (asked once, reused):
    convictions from events, intelligence from the police compartment (counted, never shown),
    drug misuse from the latest assessment, arrests and community harm from the referral."""
    year_ago, two_years_ago = add_months(today, -12), add_months(today, -24)
    recent: Counter = Counter()
    older: Counter = Counter()
    events = Event.objects.filter(
        person=person, conviction_date__gt=two_years_ago
    ).prefetch_related("event_offences__offence")
    for event in events:
        offences = list(event.event_offences.all())
        main = next((o for o in offences if o.is_main), offences[0] if offences else None)
        if main is None:
            continue
        bucket = recent if event.conviction_date > year_ago else older
        bucket[main.offence.category] += 1
    referral = (
        IomReferral.objects.filter(scheme=scheme, person=person)
        .exclude(status=ReferralStatus.DECLINED)
        .order_by("-referred_on", "-pk")
        .first()
    )
    assessment = (
        Assessment.objects.filter(person=person, status=AssessmentStatus.COMPLETE)
        .order_by("-completed_on", "-pk")
        .only("answers")
        .first()
    )
    return {
        "convictions_12m": dict(recent),
        "convictions_24m": dict(older),
        "arrests_12m": referral.arrests_12m if referral else 0,
        "community_harm": referral.community_harm if referral else 0,
        "intelligence_12m": IntelligenceItem.objects.filter(
            person=person, recorded_on__gt=year_ago
        ).count(),
        "drug_misuse": (
            assessment.answers.get("drugs", {}).get("current_drug_misuse", 0) if assessment else 0
        ),
        "under_25": int(age_on(person.date_of_birth, today) < UNDER_25),
    }


def cohort(scheme: Scheme) -> QuerySet:
    return (
        Membership.objects.filter(scheme=scheme, end_date__isnull=True)
        .select_related("person", "district")
        .order_by("next_review_due", "pk")
    )


def latest_scores(scheme: Scheme, people) -> dict[int, CandidateScore]:
    scores: dict[int, CandidateScore] = {}
    for item in CandidateScore.objects.filter(scheme=scheme, person__in=people).order_by(
        "person_id", "scored_on", "pk"
    ):
        scores[item.person_id] = item
    return scores


def candidates(scheme: Scheme) -> list[tuple[Person, CandidateScore | None]]:
    """Accepted referrals not in the cohort, best score first."""
    in_cohort = Membership.objects.filter(scheme=scheme, end_date__isnull=True).values("person_id")
    people = list(
        Person.objects.filter(
            iom_referrals__scheme=scheme, iom_referrals__status=ReferralStatus.ACCEPTED
        )
        .exclude(pk__in=in_cohort)
        .distinct()
    )
    scores = latest_scores(scheme, people)
    return sorted(
        ((p, scores.get(p.pk)) for p in people),
        key=lambda pair: (-(pair[1].score if pair[1] else 0), pair[0].surname),
    )


def referrals_waiting(scheme: Scheme) -> QuerySet:
    return scheme.referrals.filter(status=ReferralStatus.PENDING).select_related(
        "person", "referred_by", "referring_agency"
    )
