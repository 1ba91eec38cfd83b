"""`openom calc enforcement-deadline` answers any JSON with a result or a named error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calc_fuzz import ANY_JSON, answers_cleanly, objects_with

DATES = st.dates().map(str)
FAILURE = objects_with(
    {
        "date": DATES,
        "acceptable": st.booleans(),
        "enforceable": st.booleans(),
        "warned_on": DATES,
        "warning_given": st.booleans(),
    }
)
FIELDS = {
    "order_type": st.sampled_from(["COMMUNITY_ORDER", "LICENCE", "PSS", "x"]),
    "sentence_date": DATES,
    "last_breach_date": DATES,
    "failures": st.lists(FAILURE, max_size=5),
    "as_of": DATES,
    "start_within_working_days": st.integers(-1, 300),
    "closures": st.lists(DATES, max_size=3),
    "bank_holidays": st.lists(DATES, max_size=3),
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects_with(FIELDS) | ANY_JSON)
def test_the_enforcement_calculator_never_answers_with_a_traceback(payload):
    answers_cleanly("enforcement-deadline", payload)
