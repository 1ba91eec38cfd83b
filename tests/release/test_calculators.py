"""`openom calc release-dates` end to end."""

from __future__ import annotations

import io
import json

from openom.core.calc import run

ONE_SENTENCE = {
    "booking": {
        "offender": {"reference": "A1", "dateOfBirth": "1990-01-01"},
        "sentences": [
            {
                "type": "StandardSentence",
                "offence": {"committedAt": "2023-10-22"},
                "duration": {"durationElements": {"MONTHS": 18, "DAYS": 15}},
                "sentencedAt": "2023-10-23",
                "releaseArrangements": {"isSDSPlus": False, "sdsEarlyReleaseExclusions": []},
            }
        ],
        "adjustments": {},
    },
    "params": "sds-50",
}


def _run(payload: object, *options: str) -> tuple[int, dict]:
    stdout = io.StringIO()
    code = run(["release-dates", *options], stdin=io.StringIO(json.dumps(payload)), stdout=stdout)
    return code, json.loads(stdout.getvalue())


def test_cli_prints_the_dates_of_a_booking() -> None:
    code, result = _run(ONE_SENTENCE, "--bank-holidays", "2021-12-27,2021-12-28")
    assert code == 0
    assert result["dates"] == {
        "CRD": "2024-07-30",
        "ESED": "2025-05-07",
        "HDCED": "2024-03-12",
        "SLED": "2025-05-07",
        "TUSED": "2025-07-30",
    }
    assert result["effectiveSentenceLength"] == "P1Y6M15D"
    assert result["breakdown"]["sentences"][0]["daysToRelease"] == 282


def test_cli_uses_the_real_bank_holiday_calendar_by_default() -> None:
    code, result = _run(ONE_SENTENCE)
    assert code == 0
    assert result["dates"]["CRD"] == "2024-07-30"


def test_cli_names_the_field_of_a_bad_sentence_date_and_exits_2() -> None:
    bad = json.loads(json.dumps(ONE_SENTENCE))
    bad["booking"]["sentences"][0]["sentencedAt"] = "23/10/2023"
    code, result = _run(bad)
    assert code == 2
    assert result["error"]["field"] == "booking.sentences[0].sentencedAt"


def test_cli_reports_validation_codes_for_a_booking_it_cannot_calculate() -> None:
    recall = json.loads(json.dumps(ONE_SENTENCE))
    recall["booking"]["sentences"][0]["recall"] = {"recallType": "FIXED_TERM_RECALL_56"}
    code, result = _run(recall)
    assert code == 2
    assert result["error"]["codes"] == ["NoValidReturnToCustodyDateException"]


def test_cli_rejects_an_unknown_params_profile() -> None:
    unknown = dict(ONE_SENTENCE, params="sds-99")
    code, result = _run(unknown)
    assert code == 2
    assert result["error"]["field"] == "params"
