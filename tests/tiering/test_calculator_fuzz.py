"""`openom calc tier` answers any JSON with a result or a named error, never a traceback."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calc_fuzz import ANY_JSON, answers_cleanly, objects_with

DATES = st.dates().map(str)
SCORE = st.floats(0, 100) | st.fixed_dictionaries(
    {"score": st.floats(-1, 101)}, optional={"band": st.sampled_from(["LOW", "HIGH", "X", 3])}
)
FIELDS = {
    "has_assessment": st.booleans(),
    "mandate_for_change": st.booleans(),
    "unsupervised": st.booleans(),
    "rsr": st.floats(-1, 1000),
    "rosh": st.sampled_from(["LOW", "MEDIUM", "HIGH", "VERY_HIGH", "low"]),
    "mappa_level": st.integers(0, 4),
    "complexity_factors": st.lists(st.sampled_from(["RMDO", "ALSH", "X" * 11, 4])),
    "female": st.booleans(),
    "ogrs": st.integers(-1, 101),
    "needs": st.dictionaries(
        st.sampled_from(["drugs", "attitudes", "luck"]),
        st.sampled_from(["SEVERE", "STANDARD", "NO_NEED", "severe", 2]),
    ),
    "need_scores": st.dictionaries(st.sampled_from(["drugs", "finance", "x"]), st.integers(-1, 20)),
    "san": st.booleans(),
    "arp": SCORE,
    "csrp": SCORE,
    "dc_srp": SCORE,
    "mappa_category": st.integers(0, 5),
    "lifer_released_on": DATES,
    "registrations": st.lists(st.sampled_from(["STALKING", "DOMESTIC_ABUSE", "OTHER"])),
    "as_of": DATES,
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects_with(FIELDS) | ANY_JSON)
def test_the_tier_calculator_never_answers_with_a_traceback(payload):
    answers_cleanly("tier", payload)
