"""OGP and OVP from DOMAIN.md §5.6: points, probabilities and bands, edge by edge."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openom.assessment.rules.ogp import ogp
from openom.assessment.rules.ogrs3 import Band
from openom.assessment.rules.ovp import ovp

NO_OGP_ITEMS = dict(
    no_fixed_abode=False,
    unemployed=False,
    regular_activities_offending=0,
    current_drug_misuse=0,
    motivation_drugs=0,
    problem_solving=0,
    consequences=0,
    others_views=0,
    pro_criminal_attitudes=0,
)
NO_OVP_DYNAMIC = dict(
    impact_on_others=False,
    no_fixed_abode=False,
    unemployed=False,
    current_alcohol_problem=0,
    binge_drinking=0,
    psychiatric_treatment=False,
    temper_control=0,
    pro_criminal_attitudes=0,
)


def logistic_percent(x):
    return round(100 / (1 + math.exp(-x)))


def test_ogp_points_follow_the_published_items():
    result = ogp(
        ogrs3_two_year=45,  # round(0.6 x 45 = 27.0) = 27
        no_fixed_abode=True,  # 5
        unemployed=True,  # 5
        regular_activities_offending=1,  # some: 3
        current_drug_misuse=2,
        motivation_drugs=1,  # round(3.75 x 3 = 11.25) = 11
        problem_solving=1,
        consequences=1,
        others_views=1,  # round(5/6 x 3 = 2.5) = 3 (half up)
        pro_criminal_attitudes=2,  # significant: 5
    )
    assert result.working["points"] == {
        "ogrs3": 27,
        "no_fixed_abode": 5,
        "unemployed": 5,
        "regular_activities": 3,
        "drugs": 11,
        "thinking": 3,
        "attitudes": 5,
    }
    assert result.points == 59
    assert result.one_year == logistic_percent(0.0616 * 59 - 3.6832)
    assert result.two_year == logistic_percent(0.0616 * 59 - 3.0795)


@pytest.mark.parametrize(
    ("ogrs3_two_year", "band"),
    [(0, Band.LOW), (99, Band.MEDIUM)],
)
def test_ogp_static_part_alone_spans_low_to_medium(ogrs3_two_year, band):
    assert ogp(ogrs3_two_year=ogrs3_two_year, **NO_OGP_ITEMS).band == band


def test_ogp_bands_change_at_34_67_and_85():
    seen = {}
    for ogrs in range(0, 100):
        for extra in range(0, 2):
            items = NO_OGP_ITEMS | {"pro_criminal_attitudes": 2 * extra, "unemployed": bool(extra)}
            result = ogp(ogrs3_two_year=ogrs, **items)
            seen[result.two_year] = result.band
    for percent, band in seen.items():
        expected = (
            Band.VERY_HIGH
            if percent >= 85
            else Band.HIGH
            if percent >= 67
            else Band.MEDIUM
            if percent >= 34
            else Band.LOW
        )
        assert band == expected


def test_ovp_static_points_follow_the_published_tables():
    result = ovp(
        total_sanctions=8,
        violent_sanctions=5,  # 12
        age_at_follow_up=23,  # 22-23: 14
        male=True,  # 5
        **NO_OVP_DYNAMIC,
    )
    points = result.working["points"]
    assert points["previous_sanction"] == 5
    assert points["violent_sanctions"] == 12
    assert points["non_violent_sanctions"] == 2  # 3 non-violent: 3-4 -> 2
    assert points["age"] == 14
    assert result.points == 5 + 12 + 2 + 14 + 5


@pytest.mark.parametrize(
    ("violent", "points"),
    [(0, 0), (1, 4), (2, 7), (3, 9), (4, 11), (5, 12), (17, 24), (18, 25), (40, 25)],
)
def test_ovp_violent_sanction_points(violent, points):
    result = ovp(
        total_sanctions=max(violent, 1),
        violent_sanctions=violent,
        age_at_follow_up=60,
        male=False,
        **NO_OVP_DYNAMIC,
    )
    assert result.working["points"]["violent_sanctions"] == points


@pytest.mark.parametrize(
    ("age", "points"),
    [
        (18, 20),
        (19, 20),
        (20, 17),
        (21, 17),
        (22, 14),
        (24, 12),
        (26, 10),
        (30, 10),
        (31, 8),
        (36, 6),
        (41, 4),
        (46, 2),
        (50, 2),
        (51, 0),
    ],
)
def test_ovp_age_points(age, points):
    result = ovp(
        total_sanctions=1, violent_sanctions=0, age_at_follow_up=age, male=False, **NO_OVP_DYNAMIC
    )
    assert result.working["points"]["age"] == points


def test_ovp_dynamic_items_and_the_alcohol_ceiling():
    result = ovp(
        total_sanctions=1,
        violent_sanctions=1,
        age_at_follow_up=60,
        male=False,
        impact_on_others=True,
        no_fixed_abode=True,
        unemployed=True,
        current_alcohol_problem=1,
        binge_drinking=0,  # ceil(2.5) = 3
        psychiatric_treatment=True,
        temper_control=2,
        pro_criminal_attitudes=1,
    )
    points = result.working["points"]
    assert points["alcohol"] == 3
    assert result.points == 4 + 4 + 4 + 4 + 3 + 4 + 6 + 3
    assert result.two_year == logistic_percent(0.0722 * result.points - 3.8773)


def test_ovp_is_for_adults():
    with pytest.raises(ValueError, match="18"):
        ovp(
            total_sanctions=1, violent_sanctions=0, age_at_follow_up=17, male=True, **NO_OVP_DYNAMIC
        )


@given(st.integers(0, 99), st.integers(0, 2), st.integers(0, 2))
def test_more_need_never_lowers_ogp(ogrs, drugs, attitudes):
    lower = ogp(ogrs3_two_year=ogrs, **NO_OGP_ITEMS)
    higher = ogp(
        ogrs3_two_year=ogrs,
        **NO_OGP_ITEMS | {"current_drug_misuse": drugs, "pro_criminal_attitudes": attitudes},
    )
    assert higher.points >= lower.points and higher.two_year >= lower.two_year
