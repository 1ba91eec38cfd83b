"""Reads for IOM: a person's matrix inputs from the record, the cohort, candidates, meetings."""

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from openom.access.policy import without_hidden_people
from openom.allocation.models import CaseAllocation
from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment
from openom.core.dates import add_months, age_on
from openom.intelligence.models import IntelligenceItem
from openom.iom import rules
from openom.iom.constants import ReferralStatus, Strategy
from openom.iom.models import CandidateScore, CaseMeeting, IomReferral, Membership, Scheme
from openom.people.models import Person
from openom.sentencing.models import Event


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
        "under_25": int(age_on(person.date_of_birth, today) < rules.YOUNG_ADULT_UNDER),
    }


def _for(user, queryset: QuerySet, *, person: str = "person") -> QuerySet:
    """Without the people hidden from `user` (exclusions and restrictions, access.policy)."""
    return queryset if user is None else without_hidden_people(queryset, user, person=person)


def cohort(scheme: Scheme, user=None) -> QuerySet:
    """The cohort; with `user`, without the members hidden from them."""
    return _for(
        user,
        Membership.objects.filter(scheme=scheme, end_date__isnull=True)
        .select_related("person", "district")
        .order_by("next_review_due", "pk"),
    )


def membership_for(user, scheme: Scheme, pk: int, *, current: bool = False) -> Membership:
    """One membership of the scheme the user may see; 404 for a person hidden from them."""
    members = Membership.objects.filter(scheme=scheme)
    if current:
        members = members.filter(end_date__isnull=True)
    return get_object_or_404(_for(user, members.select_related("person", "district")), pk=pk)


def case_meeting_for(user, scheme: Scheme, pk: int) -> CaseMeeting:
    """A case meeting of the scheme; 404 when every case on it is hidden from the user."""
    meeting = get_object_or_404(CaseMeeting, scheme=scheme, pk=pk)
    everything = meeting.items.all()
    if everything.exists() and not case_meeting_items_for(user, meeting).exists():
        raise Http404("No such meeting")
    return meeting


def case_meeting_items_for(user, meeting: CaseMeeting) -> QuerySet:
    """The meeting's agenda without the cases hidden from the user."""
    return _for(
        user,
        meeting.items.select_related("membership__person"),
        person="membership__person",
    )


def latest_scores(scheme: Scheme, people) -> dict[int, CandidateScore]:
    scores: dict[int, CandidateScore] = {}
    for item in CandidateScore.objects.filter(scheme=scheme, person__in=people).order_by(
        "person_id", "scored_on", "pk"
    ):
        scores[item.person_id] = item
    return scores


def candidates(scheme: Scheme, user=None) -> list[tuple[Person, CandidateScore | None]]:
    """Accepted referrals not in the cohort, best score first (with `user`, those they may see)."""
    in_cohort = Membership.objects.filter(scheme=scheme, end_date__isnull=True).values("person_id")
    people = list(
        _for(
            user,
            Person.objects.filter(
                iom_referrals__scheme=scheme, iom_referrals__status=ReferralStatus.ACCEPTED
            )
            .exclude(pk__in=in_cohort)
            .distinct(),
            person="pk",
        )
    )
    scores = latest_scores(scheme, people)
    return sorted(
        ((p, scores.get(p.pk)) for p in people),
        key=lambda pair: (-(pair[1].score if pair[1] else 0), pair[0].surname),
    )


def referrals_waiting(scheme: Scheme, user=None) -> QuerySet:
    return _for(
        user,
        scheme.referrals.filter(status=ReferralStatus.PENDING).select_related(
            "person", "referred_by", "referring_agency"
        ),
    )


def outcomes(scheme: Scheme, today: dt.date) -> dict[str, Any]:
    """Offending in the 12 months before and after joining (seed 002 reports a 30% fall).

    Counted from convictions by offence date where recorded (else conviction date), for members
    (current and past) who have been on the scheme a full year; time on the scheme for all.
    """
    from openom.sentencing.models import EventOffence

    members = list(
        Membership.objects.filter(scheme=scheme)
        .select_related("person")
        .order_by("start_date", "pk")
    )
    dates: dict[int, list[dt.date]] = {}
    for person_id, offence_date in EventOffence.objects.filter(
        event__person__in=[m.person_id for m in members], is_main=True
    ).values_list("event__person_id", "offence_date"):
        dates.setdefault(person_id, []).append(offence_date)
    rows, before_total, after_total = [], 0, 0
    for m in members:
        year_on = add_months(m.start_date, 12)
        full_year = year_on <= (m.end_date or today)
        before = sum(
            add_months(m.start_date, -12) <= d < m.start_date for d in dates.get(m.person_id, [])
        )
        after = (
            sum(m.start_date <= d < year_on for d in dates.get(m.person_id, []))
            if full_year
            else None
        )
        if after is not None:
            before_total += before
            after_total += after
        rows.append(
            {
                "membership": m,
                "before": before,
                "after": after,
                "days_on_scheme": ((m.end_date or today) - m.start_date).days,
            }
        )
    change = round(100 * (after_total - before_total) / before_total) if before_total else None
    return {"rows": rows, "before": before_total, "after": after_total, "change_percent": change}


def statuses_alongside(members: list[Membership]) -> dict[int, dict[str, str]]:
    """MAPPA level and drug treatment (DIP/DRR) shown beside each member, not as separate
    cohorts (seed 002 rec 3.i)."""
    from openom.mappa.models import MappaRegistration
    from openom.sentencing.constants import RequirementType
    from openom.sentencing.models import Requirement

    people = [m.person_id for m in members]
    mappa = dict(
        MappaRegistration.objects.filter(person_id__in=people, end_date__isnull=True).values_list(
            "person_id", "level"
        )
    )
    treated = set(
        Requirement.objects.filter(
            sentence__person_id__in=people,
            termination_date__isnull=True,
            requirement_type__in=[
                RequirementType.DRUG_REHABILITATION,
                RequirementType.ALCOHOL_TREATMENT,
            ],
        ).values_list("sentence__person_id", flat=True)
    )
    return {
        pid: {
            "mappa": f"MAPPA level {mappa[pid]}" if pid in mappa else "",
            "treatment": "Drug or alcohol treatment requirement" if pid in treated else "",
        }
        for pid in people
    }


def districts_of(person_ids) -> dict:
    """Each person's district: the delivery unit of the team holding their case (one query)."""
    return {
        allocation.person_id: allocation.team.delivery_unit
        for allocation in CaseAllocation.objects.filter(
            person_id__in=list(person_ids), end_date__isnull=True, team__isnull=False
        ).select_related("team__delivery_unit")
    }


def score_now(scheme: Scheme, person: Person, today: dt.date) -> tuple[dict[str, Any], rules.Score]:
    """Today's inputs and score, with the matrix of the person's district (its own priorities)."""
    inputs = inputs_for(scheme, person, today)
    district = districts_of([person.pk]).get(person.pk)
    return inputs, rules.score(scheme.matrix(district.pk if district else None), inputs)


def proposal_for(membership: Membership, score: Decimal, today: dt.date) -> rules.Proposal:
    """What a review of this member should consider, given their score."""
    scheme = membership.scheme
    return rules.review_proposal(
        current_score=score,
        intensity_index=scheme.intensity_index(membership.intensity),
        lowest_intensity_index=len(scheme.intensities) - 1,
        step_down_below=scheme.step_down_below,
        deselect_below=scheme.deselect_below,
        joined=membership.start_date,
        today=today,
    )


def selection_options(scheme: Scheme) -> dict[str, rules.Selection]:
    """Both options for the free places, to show the trade-off before choosing (rec 3.iii)."""
    free = max(0, scheme.capacity - scheme.members.filter(end_date__isnull=True).count())
    scored = [(person, score) for person, score in candidates(scheme) if score is not None]
    districts = districts_of(person.pk for person, _ in scored)
    pool = [
        rules.Candidate(
            person.pk,
            districts[person.pk].name if person.pk in districts else "No district",
            score.score,
        )
        for person, score in scored
    ]
    return {
        Strategy.COUNTY: rules.select_county(pool, free),
        Strategy.EVERY_DISTRICT: rules.select_every_district(pool, free),
    }
