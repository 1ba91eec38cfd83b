import io
import json

from openom.core.calc import CALCULATORS, run


def call(argv, stdin=""):
    out = io.StringIO()
    code = run(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_an_unknown_calculator_is_named_in_a_json_error():
    code, out = call(["no-such-thing"], "{}")
    assert code == 2
    assert json.loads(out)["error"]["field"] == "calculator"


def test_listing_names_every_calculator():
    code, out = call(["--list"])
    assert code == 0
    for name in CALCULATORS:
        assert name in out


def test_input_that_is_not_json_is_refused():
    assert CALCULATORS, "no calculator is registered"
    code, out = call([next(iter(CALCULATORS))], "{not json")
    assert code == 2
    assert json.loads(out)["error"]["field"] == "input"
