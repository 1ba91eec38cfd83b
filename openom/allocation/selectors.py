"""Workload and the unallocated queue, for managers allocating cases."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils import timezone

from openom.access.policy import people_visible_to
from openom.accounts.constants import Grade
from openom.accounts.models import User
from openom.allocation.models import CaseAllocation, WorkloadReduction
from openom.allocation.rules import Capacity, CaseType, capacity, case_points
from openom.sentencing.constants import CUSTODIAL_SENTENCES
from openom.sentencing.models import Sentence
from openom.tiering.models import TierCalculation

CASE_HOLDING_GRADES = (Grade.PO, Grade.PQIP, Grade.PSO, Grade.SPO)
# Protect level A or B, or custody and licence cases, go to a probation officer (seed 004 and the
# 2014-2021 allocation rule in DOMAIN.md §2.3).
PO_ONLY_PROTECT_LEVELS = frozenset({"A", "B"})


@dataclass(frozen=True)
class CaseLoad:
    person_id: int
    tier: str
    case_type: CaseType
    points: int


@dataclass
class PractitionerLoad:
    user: User
    cases: int
    points: int
    capacity: Capacity
    with_new_case: Capacity | None = None
    eligible: bool = True


def _case_loads(person_ids: list[int], today: dt.date) -> dict[int, CaseLoad]:
    latest_tier = (
        TierCalculation.objects.filter(person=OuterRef("person_id"))
        .order_by("-calculated_at", "-pk")
        .values("two_axis_tier")[:1]
    )
    sentences = (
        Sentence.objects.filter(person_id__in=person_ids, termination_date__isnull=True)
        .annotate(tier=Subquery(latest_tier))
        .values("person_id", "sentence_type", "release_date", "tier")
    )
    loads: dict[int, CaseLoad] = {}
    for row in sentences:
        if row["sentence_type"] in CUSTODIAL_SENTENCES:
            case_type = (
                CaseType.LICENCE
                if row["release_date"] and row["release_date"] <= today
                else CaseType.CUSTODY
            )
        else:
            case_type = CaseType.COMMUNITY
        points = case_points(row["tier"], case_type)
        current = loads.get(row["person_id"])
        if current is None or points > current.points:
            loads[row["person_id"]] = CaseLoad(
                row["person_id"], row["tier"] or "", case_type, points
            )
    return loads


def case_load(person_id: int, today: dt.date | None = None) -> CaseLoad | None:
    return _case_loads([person_id], today or timezone.localdate()).get(person_id)


def case_loads(person_ids: list[int], today: dt.date | None = None) -> dict[int, CaseLoad]:
    """Each person's case load, read in one query however many people."""
    return _case_loads(person_ids, today or timezone.localdate())


def team_workload(team_id: int, today: dt.date | None = None) -> list[PractitionerLoad]:
    today = today or timezone.localdate()
    staff = list(
        User.objects.filter(
            team_id=team_id, is_active=True, grade__in=CASE_HOLDING_GRADES
        ).order_by("last_name")
    )
    allocations = list(
        CaseAllocation.objects.filter(
            offender_manager__in=staff, end_date__isnull=True
        ).values_list("offender_manager_id", "person_id")
    )
    loads = _case_loads([pid for _, pid in allocations], today)
    reductions = dict(
        WorkloadReduction.objects.filter(user__in=staff, start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .values_list("user_id")
        .annotate(total=Sum("percent"))
    )
    result = []
    for user in staff:
        mine = [loads[pid] for uid, pid in allocations if uid == user.pk and pid in loads]
        points = sum(load.points for load in mine)
        result.append(
            PractitionerLoad(
                user=user,
                cases=len(mine),
                points=points,
                capacity=capacity(
                    points=points,
                    contracted_hours=user.contracted_hours,
                    reduction_percent=reductions.get(user.pk, Decimal(0)),
                ),
            )
        )
    return result


def allocation_options(
    team_id: int, person_id: int, today: dt.date | None = None
) -> tuple[list[PractitionerLoad], PractitionerLoad | None, CaseLoad | None]:
    """Each practitioner's capacity with the new case, whether their grade fits, and the one
    recommended: the eligible practitioner with the most capacity left."""
    today = today or timezone.localdate()
    new_case = case_load(person_id, today)
    practitioners = team_workload(team_id, today)
    protect = new_case.tier[:1] if new_case and new_case.tier else ""
    needs_po = protect in PO_ONLY_PROTECT_LEVELS or (
        new_case is not None and new_case.case_type != CaseType.COMMUNITY
    )
    for practitioner in practitioners:
        extra = new_case.points if new_case else 0
        practitioner.with_new_case = Capacity(
            practitioner.capacity.points + extra, practitioner.capacity.available_points
        )
        practitioner.eligible = practitioner.user.grade != Grade.SPO and (
            not needs_po or practitioner.user.grade == Grade.PO
        )
    eligible = [p for p in practitioners if p.eligible and p.capacity.available_points]
    recommended = min(eligible, key=lambda p: p.with_new_case.percent) if eligible else None  # type: ignore[union-attr]
    return practitioners, recommended, new_case


def unallocated_cases(actor):
    """Cases waiting in the manager's team for an offender manager."""
    return (
        CaseAllocation.objects.filter(
            team_id=actor.team_id,
            offender_manager__isnull=True,
            end_date__isnull=True,
            person__in=people_visible_to(actor),
        )
        .select_related("person")
        .order_by("start_date")
    )
