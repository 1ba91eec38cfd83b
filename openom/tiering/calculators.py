"""`openom calc tier`: both HMPPS tiers (two-axis and A-G) with their points and working."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openom.assessment.rules.needs import NEED_WEIGHTS, Severity
from openom.core.calc import CalcInputError, parse_bool, parse_choice, parse_date, parse_int
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


def _number(payload: Mapping[str, Any], field: str) -> float | None:
    value = payload.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalcInputError(field, "must be a number")
    return float(value)


def _score(payload: Mapping[str, Any], field: str) -> Score | None:
    """A predictor as {"score": 3.4, "band": "HIGH"} (or just the number)."""
    value = payload.get(field)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Score(float(value))
    if not isinstance(value, Mapping) or not isinstance(value.get("score"), int | float):
        raise CalcInputError(
            field, 'must be {"score": number, "band": "LOW|MEDIUM|HIGH|VERY_HIGH"}'
        )
    return Score(float(value["score"]), str(value.get("band") or ""))


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    needs_in = payload.get("needs") or {}
    if not isinstance(needs_in, Mapping):
        raise CalcInputError("needs", "must be an object of need: severity")
    needs: dict[str, Severity] = {}
    for need, severity in needs_in.items():
        if need not in NEED_WEIGHTS:
            raise CalcInputError(f"needs.{need}", f"unknown need; one of {', '.join(NEED_WEIGHTS)}")
        if severity not in Severity.__members__:
            raise CalcInputError(f"needs.{need}", "must be NO_NEED, STANDARD or SEVERE")
        needs[need] = Severity(severity)
    factors = payload.get("complexity_factors") or []
    registrations = payload.get("registrations") or []
    if not isinstance(factors, list):
        raise CalcInputError("complexity_factors", "must be a list of registration codes")
    if not isinstance(registrations, list) or not set(registrations) <= set(REGISTRATION_TIERS):
        raise CalcInputError("registrations", f"must be a list of {', '.join(REGISTRATION_TIERS)}")
    rsr = _number(payload, "rsr")
    if rsr is not None and not 0 <= rsr <= 100:
        raise CalcInputError("rsr", "must be a percentage from 0 to 100")
    two = two_axis_tier(
        TwoAxisInputs(
            has_assessment=parse_bool(payload, "has_assessment", required=True),
            mandate_for_change=parse_bool(payload, "mandate_for_change", required=True),
            rsr=rsr,
            rosh=parse_choice(payload, "rosh", ROSH_LEVELS, required=False),
            mappa_level=parse_int(payload, "mappa_level", required=False, minimum=1, maximum=3),
            complexity_factors=tuple(str(f) for f in factors),
            female=parse_bool(payload, "female"),
            parenting_responsibilities=parse_bool(payload, "parenting_responsibilities"),
            impulsivity=parse_bool(payload, "impulsivity"),
            temper_control=parse_bool(payload, "temper_control"),
            previous_enforcement=parse_bool(payload, "previous_enforcement"),
            ogrs=parse_int(payload, "ogrs", required=False, minimum=0, maximum=100),
            iom=parse_bool(payload, "iom"),
            needs=needs,
        )
    )
    single = single_tier(
        SingleInputs(
            arp=_score(payload, "arp"),
            csrp=_score(payload, "csrp"),
            dc_srp=_score(payload, "dc_srp"),
            arp_static=parse_bool(payload, "arp_static"),
            csrp_static=parse_bool(payload, "csrp_static"),
            rosh=parse_choice(payload, "rosh", ROSH_LEVELS, required=False),
            mappa_category=parse_int(
                payload, "mappa_category", required=False, minimum=1, maximum=4
            ),
            lifer_released_on=parse_date(payload, "lifer_released_on", required=False),
            registrations=tuple(registrations),
            sexual_offence_history=parse_bool(payload, "sexual_offence_history"),
            as_of=parse_date(payload, "as_of", required=False) or dt.date.today(),
        )
    )
    return {
        "two_axis": {
            "tier": two.tier,
            "protect": two.protect,
            "change": two.change,
            "protect_points": two.protect_points,
            "change_points": two.change_points,
            "working": two.working,
        },
        "single": None
        if single is None
        else {"tier": single.tier, "provisional": single.provisional, "working": single.working},
    }
