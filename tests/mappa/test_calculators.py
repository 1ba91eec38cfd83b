"""`openom calc mappa-category`: JSON in, category, reasons and due dates out."""

import io
import json

from openom.core.calc import run


def calc(payload):
    out = io.StringIO()
    code = run(["mappa-category"], stdin=io.StringIO(json.dumps(payload)), stdout=out)
    return code, json.loads(out.getvalue())


def test_a_registered_sex_offender_gets_category_1_with_the_notification_period_and_dates():
    code, result = calc(
        {
            "as_of": "2026-11-25",
            "date_of_birth": "1980-05-17",
            "convictions": [
                {
                    "date": "2024-03-01",
                    "disposal": "CUSTODY",
                    "length": {"months": 18},
                    "schedule_15_sexual": True,
                    "schedule_3_notifiable": True,
                }
            ],
            "last_notification_date": "2026-02-10",
            "level": 2,
            "last_review_date": "2026-10-01",
        }
    )
    assert code == 0
    assert result["category"] == 1
    assert result["also_meets"] == [2]
    assert result["notification"]["end"] == "2034-02-28"
    assert result["renotification_due"] == "2027-02-10"
    assert result["next_review_due"] == "2027-01-21"


def test_a_category_3_person_cannot_be_managed_at_level_1():
    code, result = calc(
        {
            "as_of": "2026-11-25",
            "convictions": [{"date": "2025-01-06", "disposal": "COMMUNITY", "age": 30}],
            "category_3_referral": {
                "risk_of_serious_harm": True,
                "linked_to_offending": True,
                "needs_multi_agency_management": True,
            },
            "level": 1,
        }
    )
    assert code == 2
    assert result["error"]["field"] == "level"


def test_a_custodial_conviction_without_its_length_names_the_field_to_fix():
    code, result = calc(
        {
            "as_of": "2026-11-25",
            "convictions": [{"date": "2025-01-06", "disposal": "CUSTODY", "age": 30}],
        }
    )
    assert code == 2
    assert result["error"]["field"].startswith("convictions[0]")


def test_a_detention_and_training_order_is_carried_as_its_term_and_refused_for_an_adult():
    # SOA 2003 s131: notification on half the term; Sentencing Act 2020 s233: under-18s only.
    payload = {
        "as_of": "2026-01-01",
        "convictions": [
            {
                "date": "2025-01-01",
                "disposal": "DTO",
                "length": {"months": 24},
                "age": 16,
                "schedule_3_notifiable": True,
                "schedule_15_sexual": True,
            }
        ],
    }
    out = io.StringIO()
    assert run(["mappa-category"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 0
    result = json.loads(out.getvalue())
    # 12 months liable to be detained: "more than 6 months but less than 30 months: 10 years",
    # halved to 5 years for an under-18 (s82(2)); ends 31 Dec 2029.
    assert (result["notification"]["period"], result["notification"]["end"]) == (
        "5 years",
        "2029-12-31",
    )
    assert result["also_meets"] == [2]
    payload["convictions"][0]["age"] = 18
    out = io.StringIO()
    assert run(["mappa-category"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 2
    assert json.loads(out.getvalue())["error"]["field"] == "convictions[0].disposal"


def test_disqualification_counts_before_26_may_2015_only():
    def category(as_of):
        out = io.StringIO()
        payload = {"as_of": as_of, "disqualified_from_working_with_children": True}
        assert run(["mappa-category"], stdin=io.StringIO(json.dumps(payload)), stdout=out) == 0
        return json.loads(out.getvalue())["category"]

    assert category("2015-05-25") == 2
    assert category("2015-05-26") is None
