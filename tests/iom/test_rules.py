"""IOM rules: matrix scores with working, selection trade-offs, reviews, proposals, agendas."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openom.iom.rules import (
    AgendaCase,
    Candidate,
    Factor,
    Matrix,
    next_review_due,
    order_agenda,
    review_proposal,
    score,
    select_county,
    select_every_district,
    windows_for,
)

MATRIX = Matrix(
    factors=(
        Factor("convictions_12m", "Convictions in the last 12 months", Decimal(3), True),
        Factor("convictions_24m", "Convictions 12-24 months ago", Decimal(1), True),
        Factor("intelligence_12m", "Intelligence reports in the last 12 months", Decimal("0.5")),
        Factor("drug_misuse", "Current drug misuse (0-2)", Decimal(2)),
    ),
    priority_weights={"burglary": Decimal(2), "robbery": Decimal(2)},
)


def test_a_score_weights_priority_crime_and_shows_its_working():
    result = score(
        MATRIX,
        {
            "convictions_12m": {"burglary": 2, "theft": 1},
            "convictions_24m": {"theft": 3},
            "intelligence_12m": 4,
            "drug_misuse": 2,
        },
    )
    # 12m: (2 x 2 + 1) x 3 = 15; 24m: 3 x 1 = 3; intelligence 4 x 0.5 = 2; drugs 2 x 2 = 4.
    assert result.total == Decimal("24.0")
    assert result.working[0] == (
        "Convictions in the last 12 months: (2 burglary x 2 (priority); 1 theft) x 3 = 15"
    )
    assert result.working[-1] == "Total 24"


def test_a_missing_input_scores_nothing_and_bad_input_is_refused():
    assert score(MATRIX, {}).total == 0
    with pytest.raises(ValueError, match="convictions_12m"):
        score(MATRIX, {"convictions_12m": 3})


CANDIDATES = [
    Candidate("a", "Peterborough", Decimal(40)),
    Candidate("b", "Peterborough", Decimal(35)),
    Candidate("c", "Peterborough", Decimal(30)),
    Candidate("d", "Fenland", Decimal(12)),
    Candidate("e", "Huntingdon", Decimal(10)),
]


def test_the_county_option_takes_the_most_prolific_wherever_they_live():
    chosen = select_county(CANDIDATES, 3)
    assert [c.key for c in chosen.chosen] == ["a", "b", "c"]
    assert chosen.districts_served == 1


def test_the_every_district_option_serves_each_district_at_a_cost_in_score():
    county = select_county(CANDIDATES, 3)
    districts = select_every_district(CANDIDATES, 3)
    assert {c.key for c in districts.chosen} == {"a", "d", "e"}
    assert districts.districts_served == districts.districts_with_candidates == 3
    assert districts.total_score < county.total_score


def test_reviews_fall_due_every_six_months():
    assert next_review_due(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)


PROPOSAL = dict(
    intensity_index=0,
    lowest_intensity_index=2,
    step_down_below=Decimal(20),
    deselect_below=Decimal(8),
    joined=dt.date(2026, 1, 5),
    today=dt.date(2026, 11, 25),
)


def test_a_falling_score_proposes_a_step_down_not_a_deselection_from_high_intensity():
    assert review_proposal(current_score=Decimal(5), **PROPOSAL).action == "STEP_DOWN"


def test_a_low_score_at_the_lowest_intensity_proposes_deselection():
    proposal = review_proposal(current_score=Decimal(5), **PROPOSAL | {"intensity_index": 2})
    assert proposal.action == "DESELECT"


def test_two_years_on_the_scheme_flags_a_long_stayer_and_proposes_stepping_down():
    proposal = review_proposal(
        current_score=Decimal(50), **PROPOSAL | {"joined": dt.date(2024, 11, 25)}
    )
    assert proposal.long_stayer
    assert proposal.action == "STEP_DOWN"


def test_a_high_score_recently_joined_continues():
    assert review_proposal(current_score=Decimal(30), **PROPOSAL).action == "CONTINUE"


def test_the_agenda_groups_each_agencys_cases_into_one_window():
    cases = [
        AgendaCase(1, frozenset({"police", "housing"})),
        AgendaCase(2, frozenset({"police", "drugs"})),
        AgendaCase(3, frozenset({"police", "housing"})),
        AgendaCase(4, frozenset({"police", "drugs"})),
    ]
    agenda = order_agenda(cases)
    windows = {w.agency: w.minutes for w in agenda.windows}
    assert windows == {"police": 40, "housing": 20, "drugs": 20}
    assert agenda.whole_meeting_agency_minutes == 120
    assert agenda.minutes_saved == 40
    assert agenda.agency_minutes <= agenda.unordered_agency_minutes


agencies = st.frozensets(
    st.sampled_from(["police", "probation", "housing", "drugs", "health", "ete"]), min_size=1
)


@given(st.lists(st.tuples(agencies, st.integers(5, 20)), min_size=1, max_size=25))
def test_the_ordered_agenda_never_gives_an_agency_more_time_than_an_unordered_one(items):
    cases = [AgendaCase(i, a, m) for i, (a, m) in enumerate(items)]
    agenda = order_agenda(cases)
    assert sorted(c.key for c in agenda.cases) == list(range(len(cases)))
    for window in agenda.windows:
        assert window.minutes <= agenda.total_minutes
    assert agenda.agency_minutes <= sum(w.minutes for w in windows_for(cases))
    assert agenda.minutes_saved >= 0
