"""Bad input to the release date calculator is refused, field by field, never guessed at (#14).

A release date worked out from a misread field is a wrong release date: `"isSDSPlus": "false"`
read as true would keep someone in prison a sixth of their sentence longer. Each case here must
be a `ReleaseInputError` naming the field, and on the command line exit status 2 with
`{"error": {"field", "message"}}`, never a traceback or an answer.
"""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openom.core.calc import run
from openom.release.calculators import ReleaseInputError, calculate

# One 30-month standard sentence with ERSED asked for (the shape of the service's cases).
VALID: dict[str, Any] = {
    "booking": {
        "offender": {"reference": "ABC123", "dateOfBirth": "1990-01-01"},
        "sentences": [
            {
                "type": "StandardSentence",
                "offence": {"committedAt": "2022-04-20", "offenceCode": "TH68068"},
                "duration": {"durationElements": {"MONTHS": 30}},
                "sentencedAt": "2024-12-06",
                "identifier": "a",
                "releaseArrangements": {
                    "isSDSPlus": False,
                    "isSDSPlusEligibleSentenceTypeLengthAndOffence": False,
                    "sdsEarlyReleaseExclusions": [],
                    "isSection250": False,
                },
            }
        ],
        "adjustments": {
            "REMAND": [
                {
                    "appliesToSentencesFrom": "2024-12-06",
                    "numberOfDays": 10,
                    "fromDate": "2024-11-26",
                    "toDate": "2024-12-05",
                }
            ]
        },
    },
    "userInputs": {"calculateErsed": True},
    "params": "calculation-params",
}
HOLIDAYS = "2021-12-27,2021-12-28"


def _with(path: list[Any], value: Any) -> dict[str, Any]:
    payload = copy.deepcopy(VALID)
    node: Any = payload
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return payload


SENTENCE = ["booking", "sentences", 0]
ARRANGEMENTS = [*SENTENCE, "releaseArrangements"]

REFUSED: list[tuple[str, list[Any], Any, str]] = [
    (
        "SDS+ as the string 'false'",
        [*ARRANGEMENTS, "isSDSPlus"],
        "false",
        "booking.sentences[0].releaseArrangements.isSDSPlus",
    ),
    (
        "section 250 as 1",
        [*ARRANGEMENTS, "isSection250"],
        1,
        "booking.sentences[0].releaseArrangements.isSection250",
    ),
    (
        "ERSED asked for as 'yes'",
        ["userInputs", "calculateErsed"],
        "yes",
        "userInputs.calculateErsed",
    ),
    (
        "a feature toggle as 'false'",
        ["featureToggles"],
        {"applyPostRecallRepealRules": "false"},
        "featureToggles.applyPostRecallRepealRules",
    ),
    ("a null sentence in the list", ["booking", "sentences", 0], None, "booking.sentences[0]"),
    (
        "a null adjustment in the list",
        ["booking", "adjustments", "REMAND", 0],
        None,
        "booking.adjustments.REMAND[0]",
    ),
    (
        "a null exclusion in the list",
        [*ARRANGEMENTS, "sdsEarlyReleaseExclusions"],
        [None],
        "booking.sentences[0].releaseArrangements.sdsEarlyReleaseExclusions",
    ),
    (
        "an exclusion the service does not know",
        [*ARRANGEMENTS, "sdsEarlyReleaseExclusions"],
        ["VIOLENTISH"],
        "booking.sentences[0].releaseArrangements.sdsEarlyReleaseExclusions",
    ),
    (
        "a null consecutive identifier",
        [*SENTENCE, "consecutiveSentenceUUIDs"],
        [None],
        "booking.sentences[0].consecutiveSentenceUUIDs",
    ),
    (
        "a sentence date of 9999-12-31",
        [*SENTENCE, "sentencedAt"],
        "9999-12-31",
        "booking.sentences[0].sentencedAt",
    ),
    (
        "a sentence date of 0001-01-01",
        [*SENTENCE, "sentencedAt"],
        "0001-01-01",
        "booking.sentences[0].sentencedAt",
    ),
    (
        "an offence date of 0001-01-01",
        [*SENTENCE, "offence", "committedAt"],
        "0001-01-01",
        "booking.sentences[0].offence.committedAt",
    ),
    (
        "a billion months",
        [*SENTENCE, "duration", "durationElements", "MONTHS"],
        1_000_000_000,
        "booking.sentences[0].duration",
    ),
    (
        "months as a string",
        [*SENTENCE, "duration", "durationElements", "MONTHS"],
        "30",
        "booking.sentences[0].duration",
    ),
    (
        "months as a fraction",
        [*SENTENCE, "duration", "durationElements", "MONTHS"],
        30.5,
        "booking.sentences[0].duration",
    ),
    (
        "a billion days of remand",
        ["booking", "adjustments", "REMAND", 0, "numberOfDays"],
        1_000_000_000,
        "booking.adjustments.REMAND[0].numberOfDays",
    ),
    (
        "remand days as null",
        ["booking", "adjustments", "REMAND", 0, "numberOfDays"],
        None,
        "booking.adjustments.REMAND[0].numberOfDays",
    ),
    (
        "a date of birth after the sentence",
        ["booking", "offender", "dateOfBirth"],
        "2030-01-01",
        "booking.offender.dateOfBirth",
    ),
    (
        "a recall as a string",
        [*SENTENCE, "recall"],
        "STANDARD_RECALL",
        "booking.sentences[0].recall",
    ),
    ("user inputs as a list", ["userInputs"], [], "userInputs"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [pytest.param(p, v, f, id=name) for name, p, v, f in REFUSED],
)
def test_bad_input_is_refused_naming_the_field(path: list[Any], value: Any, field: str) -> None:
    with pytest.raises(ReleaseInputError) as refused:
        calculate(_with(path, value), bank_holidays=HOLIDAYS)
    assert refused.value.field == field


def test_the_valid_booking_these_start_from_is_calculated() -> None:
    """So that each refusal above is caused by the one field changed."""
    result = calculate(VALID, bank_holidays=HOLIDAYS)
    # 30 months from 6 December 2024 is 912 days. SDS40 (SI 2024/844, sentenced after
    # 10 September 2024) releases at 40 per cent: 364.8, rounded up to 365 days, the last of
    # which is 5 December 2025; less 10 days of remand (CJA 2003 s.240ZA): 25 November 2025.
    assert result["dates"]["CRD"] == "2025-11-25"


def test_a_string_false_is_refused_on_the_command_line_with_exit_2() -> None:
    stdout = io.StringIO()
    bad = _with([*ARRANGEMENTS, "isSDSPlus"], "false")
    code = run(["release-dates"], stdin=io.StringIO(json.dumps(bad)), stdout=stdout)
    assert code == 2
    error = json.loads(stdout.getvalue())["error"]
    assert error["field"] == "booking.sentences[0].releaseArrangements.isSDSPlus"
    assert error["message"] == "must be true or false"


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(
        ["2024-12-06", "9999-12-31", "0001-01-01", "StandardSentence", "AFineSentence", "NO"]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            paths += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            paths += _paths(value, (*prefix, index))
    return paths


ALL_PATHS = [p for p in _paths(VALID) if p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(ALL_PATHS), value=json_values)
def test_any_json_in_any_field_is_calculated_or_refused_never_a_traceback(
    path: tuple[Any, ...], value: Any
) -> None:
    payload = _with(list(path), value)
    try:
        result = calculate(payload, bank_holidays=HOLIDAYS)
    except ReleaseInputError as refused:
        assert refused.field and refused.message
        return
    assert set(result) >= {"dates", "effectiveSentenceLength"}


@settings(max_examples=150, deadline=None)
@given(payload=json_values)
def test_any_json_document_is_calculated_or_refused_never_a_traceback(payload: Any) -> None:
    try:
        calculate(payload, bank_holidays=HOLIDAYS)
    except ReleaseInputError as refused:
        assert refused.field and refused.message
