"""Need severities and OGRS3, pinned to DOMAIN.md §5.1 and §5.6."""

import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openom.assessment.rules.needs import (
    Severity,
    need_severity,
    section_score,
)
from openom.assessment.rules.ogrs3 import (
    Band,
    age_band_index,
    band_for,
    ogrs3,
    whole_percent,
)
from openom.core.calc import run


# DOMAIN.md §5.1 "thresholds (standard, severe) — accommodation (2, 7); ETE (3, 7);
# relationships (2, 5); lifestyle (2, 5); drugs (2, 8); alcohol (4, 7); thinking and behaviour
# (4, 7); attitudes (2, 7)", as hmpps-tier client/arns/NeedSection.kt `threshold`.
@pytest.mark.parametrize(
    ("section", "standard", "severe"),
    [
        ("accommodation", 2, 7),
        ("ete", 3, 7),
        ("relationships", 2, 5),
        ("lifestyle", 2, 5),
        ("drugs", 2, 8),
        ("alcohol", 4, 7),
        ("thinking_and_behaviour", 4, 7),
        ("attitudes", 2, 7),
    ],
)
def test_each_need_changes_severity_exactly_at_its_thresholds(section, standard, severe):
    assert need_severity(section, standard - 1) == Severity.NO_NEED
    assert need_severity(section, standard) == Severity.STANDARD
    assert need_severity(section, severe - 1) == Severity.STANDARD
    assert need_severity(section, severe) == Severity.SEVERE


# hmpps-tier client/arns/NeedSection.kt `sanThresholdOverride`: accommodation Threshold(3, 5),
# drugs (2, 6), alcohol (2, 4), thinking and behaviour (3, 5), attitudes (1, 5); the other
# sections have none and keep their usual thresholds (ETE (3, 7), relationships and lifestyle
# (2, 5)).
@pytest.mark.parametrize(
    ("section", "standard", "severe"),
    [
        ("accommodation", 3, 5),
        ("drugs", 2, 6),
        ("alcohol", 2, 4),
        ("thinking_and_behaviour", 3, 5),
        ("attitudes", 1, 5),
        ("ete", 3, 7),
        ("relationships", 2, 5),
        ("lifestyle", 2, 5),
    ],
)
def test_a_san_assessment_uses_the_tier_services_override_thresholds(section, standard, severe):
    assert need_severity(section, standard - 1, san=True) == Severity.NO_NEED
    assert need_severity(section, standard, san=True) == Severity.STANDARD
    assert need_severity(section, severe - 1, san=True) == Severity.STANDARD
    assert need_severity(section, severe, san=True) == Severity.SEVERE


def test_finance_and_emotional_wellbeing_have_no_severity_bands():
    assert need_severity("finance", 6) is None
    assert need_severity("emotional_wellbeing", 6) is None


def test_a_section_score_is_the_sum_of_its_answers_and_refuses_out_of_range_answers():
    assert section_score({"a": 2, "b": 1, "c": 0}) == 3
    with pytest.raises(ValueError):
        section_score({"a": 3})


def example(**overrides):
    return ogrs3(
        **{
            "sex": "male",
            "date_of_birth": dt.date(1965, 12, 7),
            "conviction_date": dt.date(2025, 5, 13),
            "follow_up_start": dt.date(2026, 12, 6),
            "total_sanctions": 2,
            "age_at_first_sanction": 47,
            "offence": "soliciting",
            **overrides,
        }
    )


def test_the_published_worked_example_gives_8_and_16_percent_low():
    result = example()
    assert (result.one_year, result.two_year, result.band) == (8, 16, Band.LOW)


# DOMAIN.md §5.6: "Age bands 10-11, 12-13, 14-15, 16-17, 18-20, 21-24, 25-29, 30-34, 35-39,
# 40-49, 50+" (OGRS3, Howard et al. 2009): (first age, last age, band index).
@pytest.mark.parametrize(
    ("first", "last", "index"),
    [
        (10, 11, 0),
        (12, 13, 1),
        (14, 15, 2),
        (16, 17, 3),
        (18, 20, 4),
        (21, 24, 5),
        (25, 29, 6),
        (30, 34, 7),
        (35, 39, 8),
        (40, 49, 9),
        (50, 120, 10),
    ],
)
def test_age_bands_start_and_end_where_ogrs3_puts_them(first, last, index):
    assert age_band_index(first) == index
    assert age_band_index(last) == index


def test_an_age_band_carries_the_male_and_female_coefficients_of_the_source():
    # DOMAIN.md §5.6: 50+ male -2.025261458 (age 60 at follow-up); 40-49 male -1.499690953,
    # female -1.524652221 (age 46).
    assert example().working["age_sex_coefficient"] == -2.025261458
    forties = {"date_of_birth": dt.date(1980, 1, 1), "age_at_first_sanction": 30}
    assert example(**forties).working["age_sex_coefficient"] == -1.499690953
    assert example(sex="female", **forties).working["age_sex_coefficient"] == -1.524652221


def test_the_age_band_is_taken_at_the_start_of_follow_up():
    born = dt.date(2000, 6, 1)
    before = example(
        date_of_birth=born,
        conviction_date=dt.date(2018, 5, 1),
        follow_up_start=dt.date(2018, 5, 31),
        age_at_first_sanction=15,
    )
    after = example(
        date_of_birth=born,
        conviction_date=dt.date(2018, 5, 1),
        follow_up_start=dt.date(2018, 6, 1),
        age_at_first_sanction=15,
    )
    assert before.working["age_band"] == "16-17"
    assert after.working["age_band"] == "18-20"


def test_a_first_sanction_uses_the_lower_sanction_status():
    first = example(total_sanctions=1, age_at_first_sanction=59)
    assert first.working["sanction_status_coefficient"] == 0.126142106


def test_percentages_round_half_up_and_clamp_to_1_to_99():
    assert whole_percent(0.125) == 13
    assert whole_percent(0.0001) == 1
    assert whole_percent(0.9999) == 99


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (49, Band.LOW),
        (50, Band.MEDIUM),
        (74, Band.MEDIUM),
        (75, Band.HIGH),
        (89, Band.HIGH),
        (90, Band.VERY_HIGH),
    ],
)
def test_bands_are_set_on_the_two_year_figure(percent, band):
    assert band_for(percent) == band


@given(st.integers(1, 40), st.sampled_from(["male", "female"]))
def test_more_sanctions_never_lower_the_probability(sanctions, sex):
    fewer = example(sex=sex, total_sanctions=sanctions, age_at_first_sanction=20)
    more = example(sex=sex, total_sanctions=sanctions + 1, age_at_first_sanction=20)
    assert more.two_year >= fewer.two_year


def test_the_calculator_answers_json_and_names_a_bad_field():
    out = io.StringIO()
    code = run(
        ["ogrs3"],
        stdin=io.StringIO(
            json.dumps(
                {
                    "sex": "male",
                    "date_of_birth": "1965-12-07",
                    "conviction_date": "2025-05-13",
                    "follow_up_start": "2026-12-06",
                    "total_sanctions": 2,
                    "age_at_first_sanction": 47,
                    "offence": "soliciting",
                }
            )
        ),
        stdout=out,
    )
    assert code == 0 and json.loads(out.getvalue())["two_year"] == 16

    out = io.StringIO()
    code = run(
        ["ogrs3"], stdin=io.StringIO(json.dumps({"sex": "male", "offence": "arson"})), stdout=out
    )
    assert code == 2 and json.loads(out.getvalue())["error"]["field"] == "date_of_birth"
