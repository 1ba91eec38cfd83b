"""Fuzzing the calculators OpenOM's core owns: arbitrary JSON never gives a traceback.

Every answer is valid JSON: a result with exit 0, or `{"error": {"field", "message"}}` with exit
2. Valid input never changes meaning by coercion: the same value written as text, or a number
written as true, is refused, never read as something else. A fixed example budget and
derandomised runs keep CI repeatable.
"""

import datetime as dt
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openom.core.calc import run

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.dates().map(lambda d: d.isoformat())
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def answer(name, document):
    out = io.StringIO()
    code = run([name], stdin=io.StringIO(json.dumps(document)), stdout=out)
    result = json.loads(out.getvalue())  # always valid JSON (no NaN, no traceback text)
    assert code in (0, 2)
    if code == 2:
        errors = result if isinstance(result, list) else [result]
        assert any(
            isinstance(e, dict) and set(e.get("error", {})) >= {"field", "message"} for e in errors
        )
    return code, result


def fields_of(keys, values):
    return st.fixed_dictionaries({}, optional={key: values for key in keys})


working_days_fields = ["from", "to", "add", "closures", "bank_holidays"]


@FUZZ
@given(fields_of(working_days_fields, json_values) | json_values)
def test_working_days_never_fails_with_a_traceback(document):
    code, _ = answer("working-days", document)
    if code == 0 and isinstance(document, dict):
        assert isinstance(document["from"], str)
        assert document.get("add") is None or type(document["add"]) is int


@FUZZ
@given(st.dates(), st.integers(min_value=0, max_value=10_000))
def test_working_days_refuses_a_count_written_as_text_or_a_float(start, days):
    document = {"from": start.isoformat()}
    assert answer("working-days", {**document, "add": str(days)})[0] == 2
    assert answer("working-days", {**document, "add": float(days) + 0.5})[0] == 2


ogrs3_fields = [
    "sex",
    "date_of_birth",
    "conviction_date",
    "follow_up_start",
    "total_sanctions",
    "age_at_first_sanction",
    "offence",
]


@FUZZ
@given(fields_of(ogrs3_fields, json_values) | json_values)
def test_ogrs3_never_fails_with_a_traceback(document):
    code, result = answer("ogrs3", document)
    if code == 2 and isinstance(document, dict):
        # The error names one of the calculator's own fields, not a generic "input" catch-all.
        assert result["error"]["field"] in ogrs3_fields


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "sex": st.sampled_from(["male", "female"]),
            "date_of_birth": st.dates(
                min_value=__import__("datetime").date(1930, 1, 1),
                max_value=dt.date(2005, 12, 31),
            ),
            "total_sanctions": st.integers(1, 200),
            "offence": st.sampled_from(["burglary_domestic", "violence", "theft_non_motor"]),
        }
    )
)
def test_ogrs3_reads_a_count_written_as_text_as_an_error(document):
    dob = document["date_of_birth"]
    document = {
        **document,
        "date_of_birth": dob.isoformat(),
        "conviction_date": dob.replace(year=dob.year + 20).isoformat(),
        "follow_up_start": dob.replace(year=dob.year + 21).isoformat(),
        "age_at_first_sanction": 15,
    }
    assert answer("ogrs3", document)[0] == 0
    assert (
        answer("ogrs3", {**document, "total_sanctions": str(document["total_sanctions"])})[0] == 2
    )
    assert answer("ogrs3", {**document, "age_at_first_sanction": True})[0] == 2


ppo_factor_keys = [
    "convictions_12m",
    "convictions_24m",
    "arrests_12m",
    "intelligence_12m",
    "community_harm",
    "drug_misuse",
    "under_25",
]


@FUZZ
@given(
    st.fixed_dictionaries(
        {"inputs": fields_of(ppo_factor_keys, json_values)},
        optional={"matrix": json_values},
    )
    | json_values
)
def test_ppo_score_never_fails_with_a_traceback_nor_scores_below_zero(document):
    code, result = answer("ppo-score", document)
    if not isinstance(document, dict):
        return
    if code == 0:
        assert result["score"] >= 0
    else:
        assert result["error"]["field"] != "input"


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["burglary", "theft", "violence"]),
        st.integers(min_value=-1_000, max_value=1_000),
        max_size=3,
    ),
    st.integers(min_value=-5, max_value=50),
)
def test_ppo_score_is_never_negative_and_never_reads_text_as_a_count(counts, arrests):
    code, result = answer(
        "ppo-score", {"inputs": {"convictions_12m": counts, "arrests_12m": arrests}}
    )
    if any(c < 0 for c in counts.values()) or arrests < 0:
        assert code == 2
    else:
        assert code == 0 and result["score"] >= 0
        as_text = {
            "convictions_12m": {k: str(v) for k, v in counts.items()},
            "arrests_12m": arrests,
        }
        if counts:
            assert answer("ppo-score", {"inputs": as_text})[0] == 2
