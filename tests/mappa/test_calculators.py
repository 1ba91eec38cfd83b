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
