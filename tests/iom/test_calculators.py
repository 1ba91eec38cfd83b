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
