"""Need severities and OGRS3, pinned to DOMAIN.md §5.1 and §5.6."""

import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openom.assessment.rules.needs import (
    SEVERITY_THRESHOLDS,
    Severity,
    need_severity,
    section_score,
)
from openom.assessment.rules.ogrs3 import (
    AGE_BAND_LOWER_BOUNDS,
    Band,
    age_band_index,
    band_for,
    ogrs3,
    whole_percent,
)
from openom.core.calc import run


@pytest.mark.parametrize(
    ("section", "standard", "severe"), [(k, *v) for k, v in SEVERITY_THRESHOLDS.items()]
)
def test_each_need_changes_severity_exactly_at_its_thresholds(section, standard, severe):
    assert need_severity(section, standard - 1) == Severity.NO_NEED
    assert need_severity(section, standard) == Severity.STANDARD
    assert need_severity(section, severe - 1) == Severity.STANDARD
    assert need_severity(section, severe) == Severity.SEVERE


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


def test_age_bands_start_at_their_lower_bounds():
    for index, lower in enumerate(AGE_BAND_LOWER_BOUNDS):
        assert age_band_index(lower) == index
        if index:
            assert age_band_index(lower - 1) == index - 1


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
