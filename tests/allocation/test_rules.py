from decimal import Decimal

import pytest

from openom.allocation.rules import CaseType, available_points, capacity, case_points


@pytest.mark.parametrize(
    ("tier", "case_type", "points"),
    [
        ("A3", CaseType.COMMUNITY, 206),
        ("D0", CaseType.COMMUNITY, 29),
        ("B2", CaseType.CUSTODY, 48),
        ("A0", CaseType.LICENCE, 0),
        ("C1", CaseType.LICENCE, 52),
        (None, CaseType.COMMUNITY, 63),
    ],
)
def test_points_per_case_come_from_the_workload_table(tier, case_type, points):
    assert case_points(tier, case_type) == points


def test_a_full_time_officer_has_the_nominal_target_and_part_timers_a_share():
    assert available_points(contracted_hours=Decimal(37)) == 2176
    assert available_points(contracted_hours=Decimal("18.5")) == 1088


def test_reductions_take_hours_off_available_points():
    assert available_points(contracted_hours=Decimal(37), reduction_percent=Decimal(20)) == 1741


def test_capacity_is_points_over_available_points():
    assert capacity(points=1088, contracted_hours=Decimal(37)).percent == Decimal("50.0")
