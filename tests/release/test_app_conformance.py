"""A case built in the app from a Ministry of Justice conformance case gives the service's dates.

Each case in ../shared/conformance/calculate-release-dates/overall_calculation (MoJ
calculate-release-dates-api, MIT) is entered as an offender manager would enter it, through the
services: the person, one event per sentence with its main offence, the sentence (with its
consecutive link, SDS+ and SDS40 answers), then each adjustment against its sentence or date. The
dates are then those the case page shows (release_dates_recalculate, the same code path), with the
fixed bank holidays the service's own tests use (2021-12-27 and 2021-12-28, README fact 1), and
compared with overall_calculation_response.

What the app does not record yet is detected from the case itself (`unsupported`) and listed with
the reason (strict xfail); such a case is not entered at all, since dropping a fact the service
used would make a pass luck. Cases it can record but whose dates differ are in KNOWN_DIFFERENCES
(strict xfail): a case that starts passing fails the suite until its entry is removed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from openom.core.exceptions import ServiceValidationError
from openom.offences.constants import OffenceCategory, Ogrs3Category
from openom.offences.models import Offence
from openom.people.services import person_create
from openom.release.constants import AdjustmentKind
from openom.release.models import ReleaseCalculation
from openom.release.services import custody_adjustment_add
from openom.sentencing.constants import Sds40Exclusion, SentenceType
from openom.sentencing.services import OffenceEntry, event_create, sentence_create
from tests.factories import CourtFactory

CONFORMANCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "conformance"
    / "calculate-release-dates"
)
INPUTS = CONFORMANCE / "overall_calculation"
RESPONSES = CONFORMANCE / "overall_calculation_response"
# README fact 1: the service's example tests use only these two bank holidays.
FIXED_BANK_HOLIDAYS = "2021-12-27,2021-12-28"
# Far enough ahead that no fixture date is "in the future" for the services' checks.
TODAY = dt.date(2099, 12, 31)

SENTENCE_TYPES = {
    "StandardSentence": SentenceType.DETERMINATE_CUSTODY,
    "ExtendedDeterminateSentence": SentenceType.EXTENDED_DETERMINATE,
    "SopcSentence": SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
    "DetentionAndTrainingOrderSentence": SentenceType.DETENTION_AND_TRAINING_ORDER,
}

# Cases the app can record but whose dates differ, each with the reason (none at present; the
# engine's own exclusions in tests/release/test_conformance.py would belong here too).
KNOWN_DIFFERENCES: dict[str, str] = {}


def unsupported(payload: dict[str, Any]) -> str | None:
    """Why the app cannot enter this case as the service received it, or None if it can."""
    booking = payload["booking"]
    reasons = []
    sentences = booking["sentences"]
    if any(s.get("recall") for s in sentences) or booking.get("fixedTermRecallDetails"):
        reasons.append("recalls (recall type, return to custody) are not recorded on a sentence")
    if booking.get("returnToCustodyDate"):
        reasons.append("a return to custody date is not recorded")
    if booking.get("externalMovements"):
        reasons.append("external movements (release and return) are not recorded")
    if booking.get("historicalTusedData") or any(s.get("latestTusedDate") for s in sentences):
        reasons.append("a previous sentence's top-up supervision expiry is not recorded")
    if booking["offender"].get("isActiveSexOffender"):
        reasons.append("sex offender notification is not fed into the release calculation")
    for s in sentences:
        if s["type"] not in SENTENCE_TYPES:
            reasons.append(f"sentence type {s['type']} is not a sentence type of the app")
        if s.get("automaticRelease"):
            reasons.append("automatic release (pre-2005 sentences) is not recorded")
        if len(s.get("consecutiveSentenceUUIDs") or []) > 1:
            reasons.append("a sentence consecutive to two or more others is not recorded")
        arrangements = s.get("releaseArrangements") or {}
        if arrangements.get("isSDSPlusEligibleSentenceTypeLengthAndOffence"):
            reasons.append("'SDS+ eligible by type, length and offence' is not recorded")
        if len(arrangements.get("sdsEarlyReleaseExclusions") or []) > 1:
            reasons.append("more than one SDS40 exclusion on one sentence is not recorded")
        if s["offence"]["committedAt"] > s["sentencedAt"]:
            reasons.append(
                "the offence is dated after the sentence; the app refuses an offence date after "
                "the conviction"
            )
        extension = (s.get("extensionDuration") or {}).get("durationElements", {})
        if set(extension) - {"YEARS", "MONTHS"}:
            reasons.append("an extension period in weeks or days is not recorded")
    sentence_dates = {s["sentencedAt"] for s in sentences}
    for kind, items in booking.get("adjustments", {}).items():
        for item in items:
            if kind in {"REMAND", "TAGGED_BAIL", "RECALL_REMAND", "RECALL_TAGGED_BAIL"}:
                if item["appliesToSentencesFrom"] not in sentence_dates:
                    reasons.append(
                        f"{kind} applies from {item['appliesToSentencesFrom']}, which is no "
                        "sentence's date; the app records it against a sentence"
                    )
                if kind in {"REMAND", "RECALL_REMAND"} and not (
                    item.get("fromDate") and item.get("toDate")
                ):
                    reasons.append(f"{kind} without its from and to dates")
                elif (
                    kind in {"REMAND", "RECALL_REMAND"}
                    and item["numberOfDays"]
                    > (
                        dt.date.fromisoformat(item["toDate"])
                        - dt.date.fromisoformat(item["fromDate"])
                    ).days
                    + 1
                ):
                    reasons.append(f"{kind} of more days than its own period")
                if kind == "REMAND" and item.get("toDate", "") >= item["appliesToSentencesFrom"]:
                    reasons.append(
                        "remand ending on or after the sentence date (CJA 2003 s240ZA counts only "
                        "custody before sentence); the app refuses it"
                    )
            elif kind == "UNLAWFULLY_AT_LARGE":
                if not item.get("toDate"):
                    reasons.append("unlawfully at large without the day the person returned")
                elif item.get("fromDate") != item["appliesToSentencesFrom"]:
                    reasons.append(
                        "unlawfully at large taking effect from a date other than its first day"
                    )
                elif (
                    item["numberOfDays"]
                    > (
                        dt.date.fromisoformat(item["toDate"])
                        - dt.date.fromisoformat(item["fromDate"])
                    ).days
                    + 1
                ):
                    reasons.append("unlawfully at large of more days than its own period")
            elif kind in {"ADDITIONAL_DAYS_AWARDED", "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED"}:
                if item.get("fromDate") and item["fromDate"] != item["appliesToSentencesFrom"]:
                    reasons.append(f"{kind} taking effect from a date other than the award")
            else:
                reasons.append(f"adjustment {kind} is not recorded")
    return "; ".join(dict.fromkeys(reasons)) or None


def _cases() -> list[Any]:
    if not INPUTS.is_dir():
        return [
            pytest.param(
                None,
                id="conformance-missing",
                marks=pytest.mark.skip(reason=f"conformance cases not found at {INPUTS}"),
            )
        ]
    params = []
    for path in sorted(INPUTS.glob("*/*.json")):
        case_id = f"{path.parent.name}/{path.stem}"
        payload = json.loads(path.read_text())
        reason = unsupported(payload) or KNOWN_DIFFERENCES.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(case_id, id=case_id, marks=marks))
    return params


def _offence(code: str | None) -> Offence:
    """The catalogue entry for the fixture's offence code (reference data, as loaded from file)."""
    if code is None:
        return Offence.objects.filter(
            active=True, schedule_15_violent=False, schedule_15_sexual=False
        ).first()
    offence, _ = Offence.objects.get_or_create(
        code=code,
        defaults={
            "description": f"Conformance offence {code}",
            "category": OffenceCategory.values[0],
            "ogrs3_category": Ogrs3Category.values[0],
            "catalogue_version": "conformance",
        },
    )
    return offence


def _lengths(duration: dict[str, Any] | None) -> dict[str, int]:
    elements = (duration or {}).get("durationElements", {})
    return {
        "length_years": elements.get("YEARS", 0),
        "length_months": elements.get("MONTHS", 0),
        "length_weeks": elements.get("WEEKS", 0),
        "length_days": elements.get("DAYS", 0),
    }


def _in_dependency_order(sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each sentence after the one it is consecutive to (the app links to an existing event)."""
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()
    remaining = list(sentences)
    while remaining:
        progress = False
        for s in list(remaining):
            targets = s.get("consecutiveSentenceUUIDs") or []
            if all(t in placed for t in targets):
                ordered.append(s)
                if s.get("identifier"):
                    placed.add(s["identifier"])
                remaining.remove(s)
                progress = True
        if not progress:
            raise AssertionError("consecutive links form a loop or name a missing sentence")
    return ordered


def build_case(payload: dict[str, Any], actor) -> Any:
    """Enter the fixture's booking through the services, as an offender manager would."""
    booking = payload["booking"]
    person = person_create(
        actor=actor,
        data={
            "forename": "Conformance",
            "surname": booking["offender"].get("reference") or "Case",
            "date_of_birth": dt.date.fromisoformat(booking["offender"]["dateOfBirth"]),
            "gender": "MALE",
        },
        today=TODAY,
    )
    court = CourtFactory()
    events: dict[str, int] = {}
    sentences_by_date: dict[str, Any] = {}
    for s in _in_dependency_order(booking["sentences"]):
        sentenced_at = dt.date.fromisoformat(s["sentencedAt"])
        offence = _offence(s["offence"].get("offenceCode"))
        event = event_create(
            person=person,
            court=court,
            conviction_date=sentenced_at,
            plea="GUILTY",
            offences=[
                OffenceEntry(
                    code=offence.code,
                    offence_date=dt.date.fromisoformat(s["offence"]["committedAt"]),
                    is_main=True,
                )
            ],
            actor=actor,
            today=TODAY,
        )
        kind = SENTENCE_TYPES[s["type"]]
        arrangements = s.get("releaseArrangements") or {}
        exclusions = arrangements.get("sdsEarlyReleaseExclusions") or []
        data: dict[str, Any] = {
            "sentence_type": kind,
            "sentence_date": sentenced_at,
            "sds_plus": bool(arrangements.get("isSDSPlus")),
            "sds40_exclusion": exclusions[0] if exclusions else Sds40Exclusion.NONE,
            "section_250": bool(arrangements.get("isSection250")),
        }
        if kind in {SentenceType.EXTENDED_DETERMINATE, SentenceType.OFFENDER_OF_PARTICULAR_CONCERN}:
            data |= _lengths(s.get("custodialDuration"))
            extension = s["extensionDuration"]["durationElements"]
            data["extension_period_months"] = extension.get("YEARS", 0) * 12 + extension.get(
                "MONTHS", 0
            )
        else:
            data |= _lengths(s.get("duration"))
        targets = s.get("consecutiveSentenceUUIDs") or []
        if targets:
            data["consecutive_to_event"] = events[targets[0]]
        sentence = sentence_create(event=event, data=data, actor=actor, today=TODAY)
        if s.get("identifier"):
            events[s["identifier"]] = event.number
        sentences_by_date.setdefault(s["sentencedAt"], sentence)
    for kind, items in booking.get("adjustments", {}).items():
        for item in items:
            entry: dict[str, Any] = {"kind": AdjustmentKind(kind), "days": item["numberOfDays"]}
            if kind in {"REMAND", "TAGGED_BAIL", "RECALL_REMAND", "RECALL_TAGGED_BAIL"}:
                entry["sentence"] = sentences_by_date[item["appliesToSentencesFrom"]]
            if kind in {"ADDITIONAL_DAYS_AWARDED", "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED"}:
                entry["from_date"] = dt.date.fromisoformat(item["appliesToSentencesFrom"])
            else:
                for name, key in (("from_date", "fromDate"), ("to_date", "toDate")):
                    if item.get(key):
                        entry[name] = dt.date.fromisoformat(item[key])
            custody_adjustment_add(person=person, data=entry, actor=actor, today=TODAY)
    return person


@pytest.mark.parametrize("case_id", _cases())
def test_a_case_built_in_the_app_from_a_conformance_case_gives_the_services_dates(case_id, olivia):
    payload = json.loads((INPUTS / f"{case_id}.json").read_text())
    reason = unsupported(payload)
    if reason:
        # Entering it would drop a fact the service used: a pass would be luck, not conformance.
        pytest.fail(f"The app cannot record this case yet: {reason}")
    response = RESPONSES / f"{case_id}.json"
    must_fail = payload.get("error") or payload.get("expectedValidationException")
    with override_settings(
        RELEASE_BANK_HOLIDAYS=FIXED_BANK_HOLIDAYS,
        RELEASE_PARAMETERS_PROFILE=payload.get("params") or "calculation-params",
        RELEASE_FEATURE_TOGGLES=payload.get("featureToggles") or {},
    ):
        if must_fail:
            # The service refuses this case: the app must refuse it too, either when it is
            # entered or by recording why the dates could not be calculated.
            try:
                person = build_case(payload, olivia)
            except ServiceValidationError:
                return
            calculation = ReleaseCalculation.objects.filter(person=person).first()
            assert calculation is not None
            assert calculation.error
            assert not calculation.dates
            return
        person = build_case(payload, olivia)
    expected = json.loads(response.read_text())
    calculation = ReleaseCalculation.objects.filter(person=person).first()
    assert calculation.error == ""
    assert calculation.dates == expected["dates"]
    assert calculation.effective_sentence_length == expected["effectiveSentenceLength"]
