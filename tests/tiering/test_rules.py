"""Both tier rule sets, pinned to DOMAIN.md §5.1 and §5.2 at every threshold."""

import datetime as dt
import io
import json

import pytest

from openom.assessment.rules.needs import Severity
from openom.core.calc import run
from openom.tiering.rules import (
    Score,
    SingleInputs,
    TwoAxisInputs,
    change_level,
    dc_srp_tier,
    protect_level,
    rsr_points,
    single_tier,
    two_axis_tier,
)


def two(**kwargs):
    return two_axis_tier(
        TwoAxisInputs(**{"has_assessment": True, "mandate_for_change": True, **kwargs})
    )


@pytest.mark.parametrize(
    ("rsr", "points"), [(2.99, 0), (3.00, 10), (6.99, 10), (7.00, 20), (None, 0)]
)
def test_rsr_points_change_exactly_at_3_and_7_percent(rsr, points):
    assert rsr_points(rsr) == points


@pytest.mark.parametrize(
    ("points", "level"), [(9, "D"), (10, "C"), (19, "C"), (20, "B"), (149, "B"), (150, "A")]
)
def test_protect_level_thresholds(points, level):
    assert protect_level(points) == level


@pytest.mark.parametrize(("points", "level"), [(9, 1), (10, 2), (19, 2), (20, 3)])
def test_change_level_thresholds(points, level):
    assert change_level(points) == level


def test_only_the_higher_of_rsr_and_rosh_counts():
    assert two(rsr=7.5, rosh="MEDIUM").protect_points == 20
    assert two(rsr=3.5, rosh="HIGH").protect_points == 20


def test_mappa_level_2_or_3_makes_protect_a():
    assert two(mappa_level=2).protect == "A"
    assert two(mappa_level=1).protect_points == 5


def test_each_distinct_complexity_factor_counts_once():
    assert two(complexity_factors=("RMDO", "RMDO", "ALSH", "NOT_A_FACTOR")).protect_points == 4


def test_womens_factors_count_only_for_women_and_impulsivity_with_temper_once():
    kwargs = {
        "parenting_responsibilities": True,
        "impulsivity": True,
        "temper_control": True,
        "previous_enforcement": True,
    }
    assert two(female=True, **kwargs).protect_points == 6
    assert two(female=False, **kwargs).protect_points == 0


def test_change_points_add_weighted_needs_ogrs_tenths_and_iom():
    result = two(
        needs={
            "thinking_and_behaviour": Severity.SEVERE,
            "attitudes": Severity.STANDARD,
            "finance": Severity.SEVERE,
        },
        ogrs=59,
        iom=True,
    )
    assert result.change_points == 4 + 2 + 0 + 5 + 2
    assert result.change == 2


def test_no_mandate_for_change_gives_change_0_and_no_assessment_gives_2_each_with_0_points():
    # DOMAIN.md §5.1; hmpps-tier ChangeLevelCalculator: TierLevel(ZERO, 0) and TierLevel(TWO, 0).
    no_mandate = two(mandate_for_change=False, ogrs=99)
    no_assessment = two(has_assessment=False, ogrs=99)
    assert (no_mandate.change, no_mandate.change_points) == (0, 0)
    assert (no_assessment.change, no_assessment.change_points) == (2, 0)


def test_an_unsupervised_case_carries_the_s_suffix():
    # DOMAIN.md §5.1: '"S" suffix for unsupervised cases'.
    assert two(rosh="HIGH", ogrs=45, unsupervised=True).tier == "B1S"


def test_the_tier_joins_protect_and_change():
    assert two(rosh="HIGH", ogrs=45, needs={"accommodation": Severity.SEVERE}).tier == "B1"


def single(**kwargs):
    return single_tier(
        SingleInputs(
            **{"arp": Score(0), "csrp": Score(0), "as_of": dt.date(2026, 11, 24), **kwargs}
        )
    )


def test_the_arp_by_csrp_table_as_domain_md_writes_it():
    # DOMAIN.md §5.2: "6.9+: A A B B B B · 3.0+: A B C C C C · 1.0+: B C D E E E ·
    # 0.5+: C D E E F F · 0.0+: D D E F F G" (columns ARP 90+/75+/50+/25+/15+/0+). Every cell,
    # one point inside each band, is in test_hmpps_tier_cases.py from the service's own test.
    rows = {6.9: "AABBBB", 3.0: "ABCCCC", 1.0: "BCDEEE", 0.5: "CDEEFF", 0.0: "DDEFFG"}
    for csrp, tiers in rows.items():
        got = "".join(
            single(arp=Score(a), csrp=Score(csrp + 0.05)).tier for a in (95, 80, 60, 30, 20, 5)
        )
        assert got == tiers, csrp


def test_single_tier_is_missing_without_arp_or_csrp():
    assert single_tier(SingleInputs(arp=None, csrp=Score(1))) is None


@pytest.mark.parametrize(
    ("score", "band", "tier"),
    [
        (5, "VERY_HIGH", "A"),
        (5, "HIGH", "B"),
        (3.36, "MEDIUM", "C"),
        (3.35, "MEDIUM", "D"),
        (2.11, "MEDIUM", "D"),
        (1.12, "MEDIUM", "C"),
        (0.60, "MEDIUM", "D"),
        (0.59, "MEDIUM", "E"),
        (1, "LOW", "E"),
        (0, "HIGH", None),
    ],
)
def test_dc_srp_bands(score, band, tier):
    assert dc_srp_tier(Score(score, band)) == tier


def test_mappa_and_rosh_steps():
    assert single(mappa_category=1, rosh="VERY_HIGH").tier == "A"
    assert single(mappa_category=2, rosh="HIGH").tier == "C"
    assert single(mappa_category=2, rosh="LOW").tier == "E"
    assert single(rosh="VERY_HIGH").tier == "C"
    assert single(rosh="HIGH").tier == "D"


def test_life_sentence_step_by_time_since_release():
    # DOMAIN.md §5.2: "released within 1 year -> B, within 5 years -> D, otherwise E".
    assert single(lifer_released_on=dt.date(2026, 1, 1), rosh="LOW").tier == "B"
    assert single(lifer_released_on=dt.date(2025, 11, 24), rosh="LOW").tier == "B"
    assert single(lifer_released_on=dt.date(2025, 11, 23), rosh="LOW").tier == "D"
    assert single(lifer_released_on=dt.date(2023, 1, 1), rosh="LOW").tier == "D"
    assert single(lifer_released_on=dt.date(2021, 11, 24), rosh="LOW").tier == "D"
    assert single(lifer_released_on=dt.date(2021, 11, 23), rosh="LOW").tier == "E"
    assert single(lifer_released_on=dt.date(2015, 1, 1), rosh="LOW").tier == "E"


def test_registrations_and_sexual_history():
    assert single(registrations=("STALKING",), rosh="LOW").tier == "F"
    assert single(registrations=("DOMESTIC_ABUSE", "STALKING"), rosh="LOW").tier == "E"
    assert single(sexual_offence_history=True, rosh="LOW").tier == "E"


def test_a_static_predictor_makes_the_tier_provisional_unless_another_step_already_reaches_its_best():
    assert single(arp=Score(20), csrp=Score(1.5), arp_static=True, rosh="LOW").provisional
    assert not single(
        arp=Score(20),
        csrp=Score(1.5),
        arp_static=True,
        rosh="LOW",
        mappa_category=1,
        dc_srp=Score(5, "VERY_HIGH"),
    ).provisional
    assert single(
        arp=Score(20),
        csrp=Score(1.5),
        arp_static=True,
        csrp_static=True,
        rosh="LOW",
        dc_srp=Score(5, "HIGH"),
    ).provisional
    assert not single(
        arp=Score(20),
        csrp=Score(1.5),
        arp_static=True,
        csrp_static=True,
        rosh="LOW",
        dc_srp=Score(5, "VERY_HIGH"),
    ).provisional


def test_missing_rosh_makes_the_tier_provisional_unless_high_enough_from_dynamic_predictors():
    assert single(arp=Score(20), csrp=Score(1.5), rosh=None).provisional
    assert not single(arp=Score(80), csrp=Score(3.5), rosh=None).provisional  # B from the table
    assert single(arp=Score(80), csrp=Score(3.5), rosh=None, mappa_category=1).provisional
    assert not single(arp=Score(95), csrp=Score(7), rosh=None, mappa_category=1).provisional


def test_the_tier_calculator_returns_both_tiers_and_refuses_a_bad_need():
    out = io.StringIO()
    payload = {
        "rsr": 5.2,
        "rosh": "HIGH",
        "has_assessment": True,
        "mandate_for_change": True,
        "ogrs": 45,
        "needs": {"thinking_and_behaviour": "SEVERE"},
        "arp": {"score": 60},
        "csrp": {"score": 3.5, "band": "HIGH"},
    }
    assert run(["tier"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 0
    result = json.loads(out.getvalue())
    assert result["two_axis"]["tier"] == "B1" and result["single"]["tier"] == "C"

    out = io.StringIO()
    assert (
        run(
            ["tier"],
            stdin=io.StringIO(
                json.dumps(
                    {
                        "has_assessment": True,
                        "mandate_for_change": True,
                        "needs": {"luck": "SEVERE"},
                    }
                )
            ),
            stdout=out,
        )
        == 2
    )
    assert json.loads(out.getvalue())["error"]["field"] == "needs.luck"


def test_the_tier_calculator_reads_section_scores_with_the_san_overrides():
    # hmpps-tier NeedSection.kt: alcohol Threshold(4, 7), sanThresholdOverride Threshold(2, 4).
    def alcohol(**extra):
        out = io.StringIO()
        payload = {"has_assessment": True, "mandate_for_change": True, **extra}
        assert run(["tier"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 0
        return json.loads(out.getvalue())["two_axis"]["needs"]["alcohol"]

    assert alcohol(need_scores={"alcohol": 4}) == "STANDARD"
    assert alcohol(need_scores={"alcohol": 4}, san=True) == "SEVERE"
    assert alcohol(need_scores={"alcohol": 3}) == "NO_NEED"
    assert alcohol(need_scores={"alcohol": 3}, san=True) == "STANDARD"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"has_assessment": "yes", "mandate_for_change": True}, "has_assessment"),
        ({"has_assessment": True, "mandate_for_change": True, "needs": ["attitudes"]}, "needs"),
        (
            {"has_assessment": True, "mandate_for_change": True, "unsupervised": "true"},
            "unsupervised",
        ),
        ({"has_assessment": True, "mandate_for_change": True, "ogrs": 101}, "ogrs"),
        ({"has_assessment": True, "mandate_for_change": True, "rsr": -1}, "rsr"),
        ({"has_assessment": True, "mandate_for_change": True, "as_of": "1899-12-31"}, "as_of"),
        (
            {"has_assessment": True, "mandate_for_change": True, "need_scores": {"drugs": 17}},
            "need_scores.drugs",
        ),
        (
            {"has_assessment": True, "mandate_for_change": True, "arp": {"score": 5, "band": 3}},
            "arp.band",
        ),
        (
            {
                "has_assessment": True,
                "mandate_for_change": True,
                "as_of": "2026-01-01",
                "lifer_released_on": "2026-02-01",
            },
            "lifer_released_on",
        ),
    ],
)
def test_the_tier_calculator_names_the_bad_field(payload, field):
    out = io.StringIO()
    assert run(["tier"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 2
    assert json.loads(out.getvalue())["error"]["field"] == field
