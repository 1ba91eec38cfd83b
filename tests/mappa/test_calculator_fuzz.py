"""`openom calc mappa-category` answers any JSON with a result or a named error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calc_fuzz import ANY_JSON, answers_cleanly, objects_with

DATES = st.dates().map(str)
LENGTH = objects_with(
    {
        "years": st.integers(-1, 10_001),
        "months": st.integers(-1, 10_001),
        "weeks": st.integers(-1, 10_001),
        "days": st.integers(-1, 10_001),
    }
)
CONVICTION = objects_with(
    {
        "date": DATES,
        "disposal": st.sampled_from(
            ["CUSTODY", "DTO", "SUSPENDED", "LIFE", "HOSPITAL_ORDER", "CONDITIONAL_DISCHARGE", "X"]
        ),
        "length": LENGTH,
        "age": st.integers(0, 130),
        "murder": st.booleans(),
        "schedule_15_violent": st.booleans(),
        "schedule_3_notifiable": st.booleans(),
        "s327_4a_offence": st.booleans(),
        "restriction_order": st.booleans(),
        "finding": st.sampled_from(["CONVICTED", "NOT_GUILTY_INSANITY", "x"]),
        "release_date": DATES,
        "supervision_ends": DATES,
    }
)
FIELDS = {
    "as_of": DATES,
    "date_of_birth": DATES,
    "convictions": st.lists(CONVICTION, max_size=3),
    "subject_to_notification": st.booleans(),
    "disqualified_from_working_with_children": st.booleans(),
    "category_3_referral": objects_with(
        {
            "risk_of_serious_harm": st.booleans(),
            "linked_to_offending": st.booleans(),
            "needs_multi_agency_management": st.booleans(),
        }
    ),
    "level": st.integers(0, 4),
    "last_review_date": DATES,
    "last_notification_date": DATES,
    "no_fixed_abode": st.booleans(),
    "relevant_notification_date": DATES,
}


# Well-formed enough to reach the rules: real dates in order, lengths up to the limits.
NEAR_VALID = st.fixed_dictionaries(
    {
        "as_of": st.just("2100-12-31"),
        "convictions": st.lists(
            st.fixed_dictionaries(
                {
                    "date": st.dates(
                        min_value=__import__("datetime").date(1900, 1, 1),
                        max_value=__import__("datetime").date(2100, 12, 31),
                    ).map(str),
                    "disposal": st.sampled_from(
                        ["CUSTODY", "DTO", "SUSPENDED", "CONDITIONAL_DISCHARGE"]
                    ),
                    "length": st.fixed_dictionaries(
                        {
                            "years": st.integers(0, 100),
                            "months": st.integers(0, 1_200),
                            "weeks": st.integers(0, 5_218),
                            "days": st.integers(0, 36_525),
                        }
                    ),
                    "age": st.integers(10, 17),
                    "schedule_3_notifiable": st.booleans(),
                    "schedule_15_sexual": st.booleans(),
                }
            ),
            min_size=1,
            max_size=2,
        ),
        "level": st.just(2),
        "last_review_date": st.just("2100-12-31"),
        "last_notification_date": st.just("2100-12-31"),
        "relevant_notification_date": st.just("2100-12-31"),
    }
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objects_with(FIELDS) | NEAR_VALID | ANY_JSON)
def test_the_mappa_calculator_never_answers_with_a_traceback(payload):
    answers_cleanly("mappa-category", payload)
