"""`openom calc ppo-score`: the matrix score from JSON, with its working."""

import io
import json

from openom.core.calc import run


def calc(payload):
    out = io.StringIO()
    code = run(["ppo-score"], stdin=io.StringIO(json.dumps(payload)), stdout=out)
    return code, json.loads(out.getvalue())


def test_the_default_matrix_weights_serious_acquisitive_crime():
    code, result = calc({"inputs": {"convictions_12m": {"burglary": 2, "theft": 1}, "under_25": 1}})
    assert code == 0
    assert result["score"] == 17.0
    assert result["working"][0].endswith("= 15")
    assert result["matrix"] == "default"


def test_an_areas_own_matrix_can_be_given():
    code, result = calc(
        {
            "matrix": {
                "factors": [{"key": "convictions_12m", "weight": 1, "by_offence_type": True}],
                "priority_weights": {"theft": 4},
            },
            "inputs": {"convictions_12m": {"theft": 2, "violence": 1}},
        }
    )
    assert code == 0 and result["score"] == 9.0


def test_an_unknown_factor_names_the_field_to_fix():
    code, result = calc({"inputs": {"shoplifting": 3}})
    assert code == 2
    assert result["error"]["field"] == "inputs.shoplifting"


def test_a_negative_count_is_refused_and_never_gives_a_negative_score():
    # Issue #14: {"convictions_12m": {"burglary": -5}} scored -30.
    code, result = calc({"inputs": {"convictions_12m": {"burglary": -5}}})
    assert code == 2
    assert result["error"]["field"] == "inputs.convictions_12m.burglary"
    code, result = calc({"inputs": {"arrests_12m": -1}})
    assert code == 2 and result["error"]["field"] == "inputs.arrests_12m"


def test_a_count_given_as_text_is_refused_not_coerced():
    code, result = calc({"inputs": {"arrests_12m": "3"}})
    assert code == 2 and result["error"]["field"] == "inputs.arrests_12m"
    code, result = calc({"inputs": {"convictions_12m": {"theft": "abc"}}})
    assert code == 2 and result["error"]["field"] == "inputs.convictions_12m.theft"


def test_a_count_of_offences_is_a_whole_number():
    code, result = calc({"inputs": {"convictions_12m": {"theft": 1.5}}})
    assert code == 2 and result["error"]["field"] == "inputs.convictions_12m.theft"


def test_a_by_offence_type_factor_given_a_list_is_refused():
    code, result = calc({"inputs": {"convictions_12m": [1, 2]}})
    assert code == 2 and result["error"]["field"] == "inputs.convictions_12m"


def test_a_given_matrix_is_strict_about_its_flags_and_weights():
    factor = {"key": "convictions_12m", "weight": 1, "by_offence_type": "false"}
    code, result = calc({"matrix": {"factors": [factor]}, "inputs": {}})
    assert code == 2 and result["error"]["field"] == "matrix.factors[0].by_offence_type"
    factor = {"key": "arrests_12m", "weight": -2}
    code, result = calc({"matrix": {"factors": [factor]}, "inputs": {"arrests_12m": 1}})
    assert code == 2 and result["error"]["field"] == "matrix.factors[0].weight"
    code, result = calc(
        {
            "matrix": {
                "factors": [{"key": "c", "by_offence_type": True}],
                "priority_weights": {"theft": "2"},
            },
            "inputs": {},
        }
    )
    assert code == 2 and result["error"]["field"] == "matrix.priority_weights.theft"
