"""`openom calc tier`: both HMPPS tiers (two-axis and A-G) with their points and working.

Input (the two booleans are required; everything else is optional):

    {"has_assessment": true, "mandate_for_change": true,
     "unsupervised": false,                  # not under supervision (hmpps-tier "PRC"): "S"
     "rsr": 5.2, "rosh": "LOW|MEDIUM|HIGH|VERY_HIGH", "mappa_level": 1-3,
     "complexity_factors": ["RMDO", ...], "female": false, "parenting_responsibilities": false,
     "impulsivity": false, "temper_control": false, "previous_enforcement": false,
     "ogrs": 0-100, "iom": false,
     "needs": {"accommodation": "NO_NEED|STANDARD|SEVERE", ...},   # severities, or
     "need_scores": {"accommodation": 7, ...},  # section scores, severity by the thresholds
     "san": false,                           # the scores are from a SAN assessment
     "arp": {"score": 60}, "csrp": {"score": 3.5, "band": "HIGH"}, "dc_srp": {...},
     "arp_static": false, "csrp_static": false, "mappa_category": 1-4,
     "lifer_released_on": "YYYY-MM-DD", "registrations": ["DOMESTIC_ABUSE", ...],
     "sexual_offence_history": false, "as_of": "YYYY-MM-DD"}
"""

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from openom.assessment.rules.needs import NEED_WEIGHTS, Severity, need_severity
from openom.core.calc import (
    CalcInputError,
    parse_bool,
    parse_choice,
    parse_date_in_range,
    parse_int,
)
from openom.tiering.rules import (
    REGISTRATION_TIERS,
    Score,
    SingleInputs,
    TwoAxisInputs,
    single_tier,
    two_axis_tier,
)

SUMMARY = "HMPPS tiers: two-axis (e.g. B2) and single A-G, with points and working"
ROSH_LEVELS = ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"]
# Input limit, not a rule: a section has at most 8 questions scoring 2 (hmpps-tier NeedSection).
MAX_SECTION_SCORE = 16
# Input limit, not a rule: nDelius registration codes are short.
MAX_CODE_LENGTH = 10


def _number(payload: Mapping[str, Any], field: str, *, maximum: float = 100) -> float | None:
    value = payload.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalcInputError(field, "must be a number")
    if not math.isfinite(value) or not 0 <= value <= maximum:
        raise CalcInputError(field, f"must be a number from 0 to {maximum:g}")
    return float(value)


def _score(payload: Mapping[str, Any], field: str) -> Score | None:
    """A predictor as {"score": 3.4, "band": "HIGH"} (or just the number), a percentage."""
    value = payload.get(field)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        number = _number(payload, field)
        assert number is not None
        return Score(number)
    unknown = sorted(set(value) - {"score", "band"})
    if unknown:
        raise CalcInputError(f"{field}.{unknown[0]}", "is not score or band")
    score = _number(value, "score")
    if score is None:
        raise CalcInputError(f"{field}.score", "is required (a percentage from 0 to 100)")
    band = value.get("band")
    if band is not None and band not in ROSH_LEVELS:
        raise CalcInputError(f"{field}.band", f"must be one of {', '.join(ROSH_LEVELS)}")
    return Score(score, band or "")


def _codes(payload: Mapping[str, Any], field: str, allowed: Any = None) -> tuple[str, ...]:
    value = payload.get(field)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(code, str) and 0 < len(code) <= MAX_CODE_LENGTH for code in value
    ):
        raise CalcInputError(field, "must be a list of registration codes")
    if allowed is not None and not set(value) <= set(allowed):
        raise CalcInputError(field, f"must be a list of {', '.join(allowed)}")
    return tuple(value)


def _needs(payload: Mapping[str, Any]) -> dict[str, Severity]:
    """Severities given directly (`needs`) or worked out from section scores (`need_scores`)."""
    san = parse_bool(payload, "san")
    needs: dict[str, Severity] = {}
    given = payload.get("needs")
    if given is not None:
        if not isinstance(given, Mapping):
            raise CalcInputError("needs", "must be an object of need: severity")
        for need, severity in given.items():
            if need not in NEED_WEIGHTS:
                raise CalcInputError(
                    f"needs.{need}", f"unknown need; one of {', '.join(NEED_WEIGHTS)}"
                )
            if not isinstance(severity, str) or severity not in Severity.__members__:
                raise CalcInputError(f"needs.{need}", "must be NO_NEED, STANDARD or SEVERE")
            needs[need] = Severity(severity)
    scores = payload.get("need_scores")
    if scores is not None:
        if not isinstance(scores, Mapping):
            raise CalcInputError("need_scores", "must be an object of need: section score")
        for need in scores:
            if need not in NEED_WEIGHTS:
                raise CalcInputError(
                    f"need_scores.{need}", f"unknown need; one of {', '.join(NEED_WEIGHTS)}"
                )
            if need in needs:
                raise CalcInputError(f"need_scores.{need}", "is also given in needs")
            try:
                score = parse_int(scores, need, minimum=0, maximum=MAX_SECTION_SCORE)
            except CalcInputError as error:
                raise CalcInputError(f"need_scores.{need}", error.message) from None
            assert score is not None
            severity = need_severity(need, score, san=san)
            if severity is not None:
                needs[need] = severity
    return needs


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    rosh = parse_choice(payload, "rosh", ROSH_LEVELS, required=False)
    as_of = parse_date_in_range(payload, "as_of", required=False) or dt.date.today()
    lifer_released_on = parse_date_in_range(payload, "lifer_released_on", required=False)
    if lifer_released_on is not None and lifer_released_on > as_of:
        raise CalcInputError("lifer_released_on", f"{lifer_released_on} is after as_of ({as_of})")
    inputs = TwoAxisInputs(
        has_assessment=parse_bool(payload, "has_assessment", required=True),
        mandate_for_change=parse_bool(payload, "mandate_for_change", required=True),
        rsr=_number(payload, "rsr"),
        rosh=rosh,
        mappa_level=parse_int(payload, "mappa_level", required=False, minimum=1, maximum=3),
        complexity_factors=_codes(payload, "complexity_factors"),
        female=parse_bool(payload, "female"),
        parenting_responsibilities=parse_bool(payload, "parenting_responsibilities"),
        impulsivity=parse_bool(payload, "impulsivity"),
        temper_control=parse_bool(payload, "temper_control"),
        previous_enforcement=parse_bool(payload, "previous_enforcement"),
        ogrs=parse_int(payload, "ogrs", required=False, minimum=0, maximum=100),
        iom=parse_bool(payload, "iom"),
        needs=_needs(payload),
        unsupervised=parse_bool(payload, "unsupervised"),
    )
    two = two_axis_tier(inputs)
    single = single_tier(
        SingleInputs(
            arp=_score(payload, "arp"),
            csrp=_score(payload, "csrp"),
            dc_srp=_score(payload, "dc_srp"),
            arp_static=parse_bool(payload, "arp_static"),
            csrp_static=parse_bool(payload, "csrp_static"),
            rosh=rosh,
            mappa_category=parse_int(
                payload, "mappa_category", required=False, minimum=1, maximum=4
            ),
            lifer_released_on=lifer_released_on,
            registrations=_codes(payload, "registrations", REGISTRATION_TIERS),
            sexual_offence_history=parse_bool(payload, "sexual_offence_history"),
            as_of=as_of,
        )
    )
    return {
        "two_axis": {
            "tier": two.tier,
            "protect": two.protect,
            "change": two.change,
            "unsupervised": two.unsupervised,
            "protect_points": two.protect_points,
            "change_points": two.change_points,
            "needs": {need: severity.value for need, severity in inputs.needs.items()},
            "working": two.working,
        },
        "single": None
        if single is None
        else {"tier": single.tier, "provisional": single.provisional, "working": single.working},
    }
