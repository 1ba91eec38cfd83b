"""The HMPPS Tier service's own test cases, ported as data (ministryofjustice/hmpps-tier).

Each row names the file it comes from; the expected values are copied from that file, never
from OpenOM's tables. Feature files are under
src/test/resources/uk/gov/justice/digital/hmpps/hmppstier/integration/bdd/; unit tests under
src/test/kotlin/uk/gov/justice/digital/hmpps/hmppstier/.
"""

import datetime as dt
import io
import json

import pytest

from openom.assessment.rules.needs import Severity, need_severity
from openom.core.calc import run
from openom.tiering.rules import (
    Score,
    SingleInputs,
    TwoAxisInputs,
    change_level,
    protect_level,
    rsr_points,
    single_tier,
    two_axis_tier,
)


def calc_tier(**payload):
    out = io.StringIO()
    payload = {"has_assessment": True, "mandate_for_change": True, **payload}
    code = run(["tier"], stdin=io.StringIO(json.dumps(payload)), stdout=out)
    assert code == 0, out.getvalue()
    return json.loads(out.getvalue())["two_axis"]


# --- protect points: (source, calculator input, protect points) ---------------------------------
PROTECT_POINTS = [
    ("MAPPA.6.7.feature: MAPPA M Level 3 scores 150 points", {"mappa_level": 3}, 150),
    ("MAPPA.6.7.feature: MAPPA M Level 2 scores 150 points", {"mappa_level": 2}, 150),
    ("MAPPA.6.7.feature: MAPPA M Level 1 scores 5 points", {"mappa_level": 1}, 5),
    ("MAPPA.6.7.feature: No active MAPPA scores 0 points", {}, 0),
    ("ROSHandRSRRule.6.5.feature: ROSH 150 RSR 20", {"rosh": "VERY_HIGH", "rsr": 7.0}, 150),
    ("ROSHandRSRRule.6.5.feature: ROSH 10 RSR 20", {"rosh": "MEDIUM", "rsr": 7.0}, 20),
    ("ROSHandRSRRule.6.5.feature: RSR 22.0, ROSH medium", {"rosh": "MEDIUM", "rsr": 22.0}, 20),
    ("calculateROSHScore.6.4.feature: ROSH very high", {"rosh": "VERY_HIGH"}, 150),
    ("calculateROSHScore.6.4.feature: ROSH high", {"rosh": "HIGH"}, 20),
    ("calculateROSHScore.6.4.feature: ROSH medium", {"rosh": "MEDIUM"}, 10),
    ("calculateROSHScore.6.4.feature: ROSH low", {"rosh": "LOW"}, 0),
    ("calculateRSRScore.6.2.feature: RSR 7.1", {"rsr": 7.1}, 20),
    ("calculateRSRScore.6.2.feature: RSR 7.0", {"rsr": 7.0}, 20),
    ("calculateRSRScore.6.2.feature: RSR 6.9", {"rsr": 6.9}, 10),
    ("calculateRSRScore.6.2.feature: RSR 3.1", {"rsr": 3.1}, 10),
    ("calculateRSRScore.6.2.feature: RSR 3.0", {"rsr": 3.0}, 10),
    ("calculateRSRScore.6.2.feature: RSR 2.9", {"rsr": 2.9}, 0),
    *[
        (
            f"additionalFactorsMaleAndFemale.6.9.feature: {name} scores 2 points",
            {"complexity_factors": [code]},
            2,
        )
        for name, code in [
            ("Child Concerns", "RCCO"),
            ("Child Protection", "RCPR"),
            ("Risk to Children", "RCHD"),
            ("Public Interest Case", "RPIR"),
            ("Terrorism Act Offender", "RTAO"),
            ("Safeguarding - Adult at Risk", "RVAD"),
            ("Street Gangs", "STRG"),
            ("Mental Health issues", "RMDO"),
            ("Attempted Suicide and self-harm", "ALSH"),
            ("Vulnerability", "RVLN"),
        ]
    ],
    (
        "additionalFactorsMaleAndFemale.6.9.feature: All additional factors score 20 points",
        {
            "complexity_factors": [
                "RCCO",
                "RCPR",
                "RCHD",
                "RPIR",
                "RTAO",
                "RVAD",
                "STRG",
                "RMDO",
                "ALSH",
                "RVLN",
            ]
        },
        20,
    ),
    (
        "additionalFactorsFemaleBreachRecall.6.11.1.feature: Male with previous enforcement",
        {"female": False, "previous_enforcement": True},
        0,
    ),
    (
        "additionalFactorsFemaleBreachRecall.6.11.1.feature: Female with previous enforcement",
        {"female": True, "previous_enforcement": True},
        2,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Parenting Responsibilities",
        {"female": True, "parenting_responsibilities": True},
        2,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Impulsivity and Temper Control",
        {"female": True, "impulsivity": True, "temper_control": True},
        2,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Temper Control 1",
        {"female": True, "temper_control": True},
        2,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Impulsivity 1",
        {"female": True, "impulsivity": True},
        2,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Impulsivity and Parenting",
        {"female": True, "impulsivity": True, "parenting_responsibilities": True},
        4,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Temper, Impulsivity and Parenting",
        {
            "female": True,
            "impulsivity": True,
            "temper_control": True,
            "parenting_responsibilities": True,
        },
        4,
    ),
    (
        "additionalFactorsFemaleComplexity.6.11.2.feature: Male offender scores 0 points",
        {
            "female": False,
            "impulsivity": True,
            "temper_control": True,
            "parenting_responsibilities": True,
        },
        0,
    ),
]


@pytest.mark.parametrize(
    ("source", "payload", "points"), PROTECT_POINTS, ids=[r[0] for r in PROTECT_POINTS]
)
def test_protect_points_as_the_tier_service_scores_them(source, payload, points):
    assert calc_tier(**payload)["protect_points"] == points


def test_an_rsr_above_99_99_is_not_a_valid_score_and_scores_nothing():
    # calculateRSRScore.6.2.feature "RSR 999.99 No ROSH 0 points scored"; RsrThresholds.kt
    # TIER_B_RSR_UPPER 99.99.
    assert rsr_points(999.99) == 0
    assert rsr_points(99.99) == 20


# --- protect level thresholds (assessAndProtectAxis.7.1.feature) ---------------------------------
@pytest.mark.parametrize(
    ("points", "level"),
    [
        (152, "A"),
        (150, "A"),
        (51, "B"),
        (21, "B"),
        (20, "B"),
        (19, "C"),
        (11, "C"),
        (10, "C"),
        (9, "D"),
        (0, "D"),
    ],
)
def test_protect_level_thresholds_from_assess_and_protect_axis_feature(points, level):
    assert protect_level(points) == level


def test_a_woman_with_9_protect_points_and_a_breach_is_protect_c():
    # additionalFactorsFemaleBreachRecall.6.11.1.feature: "Female offender with D2 and 9 protect
    # points and Previous Enforcement Activity to C2" (9 = MAPPA level 1 (5) + 2 factors (4)).
    result = calc_tier(
        mappa_level=1, complexity_factors=["RMDO", "ALSH"], female=True, previous_enforcement=True
    )
    assert (result["protect"], result["protect_points"]) == ("C", 11)


# --- change points: (source, calculator input, change points) -----------------------------------
NEED_NAMES = {
    "ACCOMMODATION": "accommodation",
    "EDUCATION_TRAINING_AND_EMPLOYABILITY": "ete",
    "RELATIONSHIPS": "relationships",
    "LIFESTYLE_AND_ASSOCIATES": "lifestyle",
    "DRUG_MISUSE": "drugs",
    "ALCOHOL_MISUSE": "alcohol",
    "THINKING_AND_BEHAVIOUR": "thinking_and_behaviour",
    "ATTITUDES": "attitudes",
    "FINANCIAL_MANAGEMENT_AND_INCOME": "finance",
    "EMOTIONAL_WELL_BEING": "emotional_wellbeing",
}
# criminogenicNeeds.8.4.feature: (need, severity, change points), every scenario.
CRIMINOGENIC_NEEDS = [
    ("ACCOMMODATION", "NO_NEED", 0),
    ("ACCOMMODATION", "STANDARD", 1),
    ("ACCOMMODATION", "SEVERE", 2),
    ("EDUCATION_TRAINING_AND_EMPLOYABILITY", "NO_NEED", 0),
    ("EDUCATION_TRAINING_AND_EMPLOYABILITY", "STANDARD", 1),
    ("EDUCATION_TRAINING_AND_EMPLOYABILITY", "SEVERE", 2),
    ("RELATIONSHIPS", "NO_NEED", 0),
    ("RELATIONSHIPS", "STANDARD", 1),
    ("RELATIONSHIPS", "SEVERE", 2),
    ("LIFESTYLE_AND_ASSOCIATES", "NO_NEED", 0),
    ("LIFESTYLE_AND_ASSOCIATES", "STANDARD", 1),
    ("LIFESTYLE_AND_ASSOCIATES", "SEVERE", 2),
    ("DRUG_MISUSE", "NO_NEED", 0),
    ("DRUG_MISUSE", "STANDARD", 1),
    ("DRUG_MISUSE", "SEVERE", 2),
    ("ALCOHOL_MISUSE", "NO_NEED", 0),
    ("ALCOHOL_MISUSE", "STANDARD", 1),
    ("ALCOHOL_MISUSE", "SEVERE", 2),
    ("THINKING_AND_BEHAVIOUR", "NO_NEED", 0),
    ("THINKING_AND_BEHAVIOUR", "STANDARD", 2),
    ("THINKING_AND_BEHAVIOUR", "SEVERE", 4),
    ("ATTITUDES", "NO_NEED", 0),
    ("ATTITUDES", "STANDARD", 2),
    ("ATTITUDES", "SEVERE", 4),
    ("FINANCIAL_MANAGEMENT_AND_INCOME", "NO_NEED", 0),
    ("FINANCIAL_MANAGEMENT_AND_INCOME", "STANDARD", 0),
    ("FINANCIAL_MANAGEMENT_AND_INCOME", "SEVERE", 0),
    ("EMOTIONAL_WELL_BEING", "NO_NEED", 0),
    ("EMOTIONAL_WELL_BEING", "STANDARD", 0),
    ("EMOTIONAL_WELL_BEING", "SEVERE", 0),
]


@pytest.mark.parametrize(("need", "severity", "points"), CRIMINOGENIC_NEEDS)
def test_criminogenic_needs_feature(need, severity, points):
    assert calc_tier(needs={NEED_NAMES[need]: severity})["change_points"] == points


def test_criminogenic_needs_combine():
    # criminogenicNeeds.8.4.feature: "Different needs of different severities combine" (1) and
    # "Different needs of the same severity combine" (2).
    assert (
        calc_tier(needs={"accommodation": "STANDARD", "alcohol": "NO_NEED"})["change_points"] == 1
    )
    assert (
        calc_tier(needs={"accommodation": "STANDARD", "alcohol": "STANDARD"})["change_points"] == 2
    )


# OGRS.8.2.feature: (OGRS %, change points), every scenario.
@pytest.mark.parametrize(
    ("ogrs", "points"),
    [
        (59, 5),
        (51, 5),
        (50, 5),
        (100, 10),
        (90, 9),
        (80, 8),
        (70, 7),
        (60, 6),
        (40, 4),
        (30, 3),
        (20, 2),
        (10, 1),
        (9, 0),
    ],
)
def test_ogrs_feature(ogrs, points):
    assert calc_tier(ogrs=ogrs)["change_points"] == points


def test_iom_feature_scores_2_change_points():
    # IOM.8.6.feature: "IOM scores 2 points".
    assert calc_tier(iom=True)["change_points"] == 2


# changeTierThresholds.10.1.feature: (points, level).
@pytest.mark.parametrize(("points", "level"), [(21, 3), (20, 3), (19, 2), (11, 2), (10, 2), (9, 1)])
def test_change_tier_thresholds_feature(points, level):
    assert change_level(points) == level


def test_no_assessment_has_change_level_2_with_0_points():
    # mandateForChange.9.5.feature: "Sentence with no assessment has change level 2": "a change
    # level of 2 is returned and 0 points are scored"; ChangeLevelCalculator TIER_NO_ASSESSMENT.
    result = calc_tier(has_assessment=False, ogrs=73, iom=True, needs={"attitudes": "SEVERE"})
    assert (result["change"], result["change_points"]) == (2, 0)


def test_no_mandate_has_change_level_0_with_0_points():
    # ChangeLevelCalculator.kt: TIER_NO_MANDATE = TierLevel(ZERO, 0, ...).
    result = calc_tier(mandate_for_change=False, ogrs=73, iom=True, needs={"attitudes": "SEVERE"})
    assert (result["change"], result["change_points"]) == (0, 0)


def test_two_thirds_registration_adds_the_s_suffix():
    # integration/v2/RegistrationEdgeCasesTest.kt: the case that is "B2" in "uses mappa
    # registration when latest is non-mappa but has mappa registration level" (no assessment,
    # so change 2) is "B2S" once the two-thirds ("PRC") registration is added, in "uses two
    # thirds registration to add suffix to tier".
    assert calc_tier(has_assessment=False, rosh="HIGH")["tier"] == "B2"
    assert calc_tier(has_assessment=False, rosh="HIGH", unsupervised=True)["tier"] == "B2S"


# --- need severity from section scores (client/arns/NeedSectionTest.kt) -------------------------
def test_san_indicator_uses_the_section_override_threshold():
    # NeedSectionTest: Accommodation answers Significant, Significant, Some = 5: STANDARD without
    # SAN, SEVERE with SAN.
    assert need_severity("accommodation", 5) == Severity.STANDARD
    assert need_severity("accommodation", 5, san=True) == Severity.SEVERE


def test_san_indicator_falls_back_to_normal_thresholds_without_an_override():
    # NeedSectionTest: ETE answers Significant, Some = 3: STANDARD with SAN.
    assert need_severity("ete", 3, san=True) == Severity.STANDARD


# --- single tier A-G (service/calculation/TierCalculatorTest.kt) --------------------------------
def single(**kwargs):
    return single_tier(
        SingleInputs(**{"arp": Score(0), "csrp": Score(0), "as_of": dt.date(2026, 6, 9), **kwargs})
    )


# TierCalculatorTest.arpAndCsrpMatrixCases: (ARP, CSRP, tier), all thirty.
ARP_CSRP_CASES = [
    (90.0, 6.9, "A"),
    (75.0, 6.9, "A"),
    (50.0, 6.9, "B"),
    (25.0, 6.9, "B"),
    (15.0, 6.9, "B"),
    (0.0, 6.9, "B"),
    (90.0, 3.0, "A"),
    (75.0, 3.0, "B"),
    (50.0, 3.0, "C"),
    (25.0, 3.0, "C"),
    (15.0, 3.0, "C"),
    (0.0, 3.0, "C"),
    (90.0, 1.0, "B"),
    (75.0, 1.0, "C"),
    (50.0, 1.0, "D"),
    (25.0, 1.0, "E"),
    (15.0, 1.0, "E"),
    (0.0, 1.0, "E"),
    (90.0, 0.5, "C"),
    (75.0, 0.5, "D"),
    (50.0, 0.5, "E"),
    (25.0, 0.5, "E"),
    (15.0, 0.5, "F"),
    (0.0, 0.5, "F"),
    (90.0, 0.0, "D"),
    (75.0, 0.0, "D"),
    (50.0, 0.0, "E"),
    (25.0, 0.0, "F"),
    (15.0, 0.0, "F"),
    (0.0, 0.0, "G"),
]


@pytest.mark.parametrize(("arp", "csrp", "tier"), ARP_CSRP_CASES)
def test_every_arp_and_csrp_lookup_table_combination(arp, csrp, tier):
    assert single(arp=Score(arp), csrp=Score(csrp)).tier == tier


@pytest.mark.parametrize(
    ("score", "band", "tier"),
    # TierCalculatorTest.directSexualReoffendingCases
    [
        (5.31, "VERY_HIGH", "A"),
        (0.01, "VERY_HIGH", "A"),
        (2.11, "HIGH", "B"),
        (1.50, "HIGH", "B"),
        (5.31, "HIGH", "B"),
        (1.12, "MEDIUM", "C"),
        (3.36, "MEDIUM", "C"),
        (2.11, "MEDIUM", "D"),
        (0.60, "MEDIUM", "D"),
        (0.02, "LOW", "E"),
    ],
)
def test_direct_contact_sexual_reoffending_cases(score, band, tier):
    assert single(dc_srp=Score(score, band)).tier == tier


@pytest.mark.parametrize(
    ("mappa", "rosh", "tier"),
    # TierCalculatorTest.mappaAndRoshCases
    [
        (True, "VERY_HIGH", "A"),
        (True, "HIGH", "C"),
        (True, "MEDIUM", "D"),
        (True, "LOW", "E"),
        (True, None, "E"),
        (False, "VERY_HIGH", "C"),
        (False, "HIGH", "D"),
        (False, "MEDIUM", "G"),
        (False, "LOW", "G"),
        (False, None, "G"),
    ],
)
def test_mappa_and_rosh_cases(mappa, rosh, tier):
    assert single(mappa_category=1 if mappa else None, rosh=rosh).tier == tier


def _years_back(day, years):
    # Java LocalDate.minusYears: 29 February becomes 28 February.
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


LIFER_CASES = [
    # TierCalculatorTest.liferAndReleaseDateCases: (released, tier) with today as `today`.
    (lambda t: t - dt.timedelta(days=1), "B"),
    (lambda t: _years_back(t, 1) + dt.timedelta(days=1), "B"),
    (lambda t: _years_back(t, 1), "B"),
    (lambda t: _years_back(t, 1) - dt.timedelta(days=1), "D"),
    (lambda t: _years_back(t, 2), "D"),
    (lambda t: _years_back(t, 5) + dt.timedelta(days=1), "D"),
    (lambda t: _years_back(t, 5), "D"),
    (lambda t: _years_back(t, 5) - dt.timedelta(days=1), "E"),
    (lambda t: _years_back(t, 6), "E"),
]


@pytest.mark.parametrize("today", [dt.date(2026, 6, 9), dt.date(2028, 2, 29), dt.date(2029, 3, 1)])
@pytest.mark.parametrize(("released", "tier"), LIFER_CASES)
def test_lifer_and_release_date_cases(today, released, tier):
    assert single(lifer_released_on=released(today), as_of=today).tier == tier


def test_lifer_release_anniversaries_are_calendar_years_across_29_february():
    # "released on or after today minus 1 year" (TierCalculator.liferAndImprisonmentForPublicProtection).
    # Today 28 Feb 2025: minus 1 year is 28 Feb 2024, so release on 28 Feb 2024 is B (366 days
    # earlier, more than 365.25) and 27 Feb 2024 is D.
    today = dt.date(2025, 2, 28)
    assert single(lifer_released_on=dt.date(2024, 2, 28), as_of=today).tier == "B"
    assert single(lifer_released_on=dt.date(2024, 2, 27), as_of=today).tier == "D"
    # Today 1 Mar 2029: minus 5 years is 1 Mar 2024; released 29 Feb 2024 is E, though only
    # 1,827 days (5.0021 x 365.25) earlier.
    today = dt.date(2029, 3, 1)
    assert single(lifer_released_on=dt.date(2024, 3, 1), as_of=today).tier == "D"
    assert single(lifer_released_on=dt.date(2024, 2, 29), as_of=today).tier == "E"


@pytest.mark.parametrize(
    ("domestic", "stalking", "child", "tier"),
    # TierCalculatorTest.registrationFlagCases
    [
        (False, False, False, "G"),
        (True, False, False, "E"),
        (False, True, False, "F"),
        (False, False, True, "F"),
        (True, True, False, "E"),
        (True, False, True, "E"),
        (False, True, True, "F"),
        (True, True, True, "E"),
    ],
)
def test_registration_flag_cases(domestic, stalking, child, tier):
    registrations = tuple(
        name
        for flag, name in (
            (domestic, "DOMESTIC_ABUSE"),
            (stalking, "STALKING"),
            (child, "CHILD_PROTECTION"),
        )
        if flag
    )
    assert single(registrations=registrations).tier == tier


def test_missing_rosh_without_mappa_cases():
    # TierCalculatorTest "missing ROSH without MAPPA is provisional unless ...".
    assert (lambda r: (r.tier, r.provisional))(single(arp=Score(75), csrp=Score(0))) == ("D", True)
    assert (lambda r: (r.tier, r.provisional))(single(arp=Score(90), csrp=Score(0.5))) == (
        "C",
        False,
    )
    assert (lambda r: (r.tier, r.provisional))(single(arp=Score(50), csrp=Score(6.9))) == (
        "B",
        False,
    )
    assert (lambda r: (r.tier, r.provisional))(single(dc_srp=Score(1.12, "MEDIUM"))) == ("C", False)
    assert (lambda r: (r.tier, r.provisional))(single(dc_srp=Score(0.60, "MEDIUM"))) == ("D", True)
    today = dt.date(2026, 6, 9)
    assert (lambda r: (r.tier, r.provisional))(single(lifer_released_on=today, as_of=today)) == (
        "B",
        False,
    )
    assert (lambda r: (r.tier, r.provisional))(single(sexual_offence_history=True)) == ("E", True)


def test_two_axis_inputs_default_to_supervised():
    assert two_axis_tier(TwoAxisInputs(has_assessment=True, mandate_for_change=True)).tier == "D1"
