"""Workload points and capacity (HMPPS "Manage a Workforce", DOMAIN.md §5.3; all configurable)."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class CaseType(StrEnum):
    COMMUNITY = "COMMUNITY"
    CUSTODY = "CUSTODY"
    LICENCE = "LICENCE"


TIER_ORDER = (
    "A3",
    "A2",
    "A1",
    "A0",
    "B3",
    "B2",
    "B1",
    "B0",
    "C3",
    "C2",
    "C1",
    "C0",
    "D3",
    "D2",
    "D1",
    "D0",
)
# Points per case by tier (DOMAIN.md §5.3, ministryofjustice/hmpps-workload).
POINTS_BY_CASE_TYPE: dict[CaseType, tuple[int, ...]] = {
    CaseType.COMMUNITY: (206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29),
    CaseType.CUSTODY: (75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0),
    CaseType.LICENCE: (219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0),
}
# Reports: standard court report 138, fast report 65, parole report 120 points.
STANDARD_REPORT_POINTS = 138
FAST_REPORT_POINTS = 65
PAROLE_REPORT_POINTS = 120
# Nominal target for a full-time probation officer on 37 contracted hours.
NOMINAL_TARGET_POINTS = 2176
FULL_TIME_HOURS = Decimal(37)
# An untiered case (no assessment yet) is weighted as the most common tier, C2 (hmpps-workload).
DEFAULT_TIER = "C2"


def case_points(tier: str | None, case_type: CaseType) -> int:
    tier = (tier or DEFAULT_TIER).rstrip("S")
    if tier not in TIER_ORDER:
        tier = DEFAULT_TIER
    return POINTS_BY_CASE_TYPE[case_type][TIER_ORDER.index(tier)]


@dataclass(frozen=True)
class Capacity:
    points: int
    available_points: int

    @property
    def percent(self) -> Decimal:
        if not self.available_points:
            return Decimal(0)
        return (Decimal(self.points) * 100 / self.available_points).quantize(Decimal("0.1"))


def available_points(*, contracted_hours: Decimal, reduction_percent: Decimal = Decimal(0)) -> int:
    """Nominal target x available hours / full-time hours; reductions take hours away."""
    hours = Decimal(contracted_hours) * (1 - Decimal(reduction_percent) / 100)
    return int((NOMINAL_TARGET_POINTS * hours / FULL_TIME_HOURS).quantize(Decimal(1)))


def capacity(
    *, points: int, contracted_hours: Decimal, reduction_percent: Decimal = Decimal(0)
) -> Capacity:
    return Capacity(
        points,
        available_points(contracted_hours=contracted_hours, reduction_percent=reduction_percent),
    )
