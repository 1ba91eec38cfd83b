"""`openom calc` refuses what it cannot use: too deep, too big, not finite, out of range.

Issue #14 found 139 of about 1,600 malformed inputs ending in a traceback, and NaN printed as
invalid JSON. Every one of these must answer `{"error": {"field", "message"}}` with exit 2.
"""

import io
import json

from openom.core.calc import run


def call(name, text):
    out = io.StringIO()
    code = run([name], stdin=io.StringIO(text), stdout=out)
    return code, json.loads(out.getvalue())


def test_json_nested_ten_thousand_deep_is_an_error_not_a_recursion_error():
    code, result = call("working-days", "[" * 10_000 + "]" * 10_000)
    assert code == 2
    assert result["error"]["field"] == "input"
    assert "deeper" in result["error"]["message"]


def test_json_nested_forty_deep_is_refused_by_the_depth_limit():
    # Thirty-two levels is the limit; forty is over it however it parses.
    code, result = call(
        "working-days", '{"from": "2026-01-05", "add": 1, "x": ' + "[" * 40 + "]" * 40 + "}"
    )
    assert code == 2 and "deeper than 32" in result["error"]["message"]


def test_nan_and_infinity_are_refused_on_input():
    for text in ('{"from": "2026-01-05", "add": NaN}', '{"from": "2026-01-05", "add": Infinity}'):
        code, result = call("working-days", text)
        assert code == 2 and result["error"]["field"] == "input"


def test_a_float_too_big_for_a_double_is_refused_rather_than_read_as_infinity():
    code, result = call("ppo-score", '{"inputs": {"arrests_12m": 1e400}}')
    assert code == 2 and result["error"]["field"] == "input"


def test_an_integer_of_five_thousand_digits_is_an_error_not_a_traceback():
    code, result = call("working-days", '{"from": "2026-01-05", "add": ' + "9" * 5000 + "}")
    assert code == 2 and result["error"]["field"] == "input"


def test_input_over_five_million_characters_is_refused():
    code, result = call("working-days", '{"from": "2026-01-05", "x": "' + "a" * 5_000_001 + '"}')
    assert code == 2 and "longer than" in result["error"]["message"]


def test_a_date_at_9999_12_31_is_outside_the_window_not_an_overflow():
    code, result = call("working-days", '{"from": "9999-12-31", "add": 1}')
    assert code == 2
    assert result["error"] == {
        "field": "from",
        "message": "9999-12-31 is outside 1900-01-01 to 2100-12-31",
    }


def test_the_first_and_last_days_of_the_window_are_accepted():
    assert call("working-days", '{"from": "1900-01-01", "to": "1900-01-08"}')[0] == 0
    assert call("working-days", '{"from": "2100-12-20", "to": "2100-12-31"}')[0] == 0
    assert call("working-days", '{"from": "1899-12-31", "to": "1900-01-08"}')[0] == 2
    assert call("working-days", '{"from": "2100-12-20", "to": "2101-01-01"}')[0] == 2


def test_only_a_calendar_date_is_a_date_not_an_iso_week_date():
    # fromisoformat would read 2026-W01-1 as 29 December 2025.
    code, result = call("working-days", '{"from": "2026-W01-1", "add": 1}')
    assert code == 2 and result["error"]["field"] == "from"


def test_a_string_count_is_refused_with_the_field_named():
    code, result = call("working-days", '{"from": "2026-01-05", "add": "abc"}')
    assert code == 2 and result["error"]["field"] == "add"
    code, result = call("working-days", '{"from": "2026-01-05", "add": "5"}')
    assert code == 2 and result["error"]["field"] == "add"


def test_a_boolean_is_not_a_count():
    code, result = call("working-days", '{"from": "2026-01-05", "add": true}')
    assert code == 2 and result["error"]["field"] == "add"


def test_a_list_of_items_names_the_index_of_the_bad_one():
    code, result = call("working-days", '[{"from": "2026-01-05", "add": 1}, null]')
    assert code == 2
    assert "error" not in result[0]
    assert result[1]["error"]["index"] == 1


def test_output_is_always_valid_json(monkeypatch):
    # A calculator that answered NaN must not print it: an error instead, and valid JSON.
    import openom.working_days.calculators as working_days

    monkeypatch.setattr(working_days, "calculate", lambda payload, **_: {"score": float("nan")})
    out = io.StringIO()
    code = run(["working-days"], stdin=io.StringIO("{}"), stdout=out)
    assert code == 2
    assert "NaN" not in out.getvalue()
    assert json.loads(out.getvalue())["error"]["field"] == "input"
