"""`openom calc ppo-score`: score one person with an area's IOM/PPO selection matrix.

Input: `{"inputs": {...}, "matrix": {...}}`. `inputs` gives each factor's value: a number, or for
the by-offence-type factors an object of offence category -> count (categories as the offence
catalogue names them: burglary, robbery, theft, vehicle, violence, drugs...). `matrix` is
optional (the default matrix otherwise): `{"factors": [{"key", "label", "weight",
"by_offence_type"}], "priority_weights": {"burglary": 2}}`.
Output: `{"score": 24.0, "working": [...], "matrix": "default" | "given"}`.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from openom.core.calc import CalcInputError
from openom.iom.rules import DEFAULT_FACTORS, DEFAULT_PRIORITY_WEIGHTS, Factor, Matrix, score

SUMMARY = "IOM/PPO selection matrix score with its working (default or given matrix)"

# Input limits, not rules: no count, flag or weight on a selection matrix comes near these.
MAX_COUNT = 1_000
MAX_WEIGHT = 100


def _number(value: Any, field: str, *, maximum: int, whole: bool = False) -> Decimal:
    """A JSON number from 0 to `maximum`: never a string, a boolean or a negative."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CalcInputError(field, "must be a number, not text, true/false or a list")
    if isinstance(value, float) and not math.isfinite(value):
        raise CalcInputError(field, "must be a finite number")
    if whole and not float(value).is_integer():
        raise CalcInputError(field, "must be a whole number (a count)")
    if value < 0:
        raise CalcInputError(field, "cannot be negative")
    if value > maximum:
        raise CalcInputError(field, f"must be at most {maximum}")
    return Decimal(int(value)) if whole else Decimal(str(value))


def _matrix(raw: Any) -> Matrix:
    if raw is None:
        return Matrix(DEFAULT_FACTORS, DEFAULT_PRIORITY_WEIGHTS)
    if (
        not isinstance(raw, Mapping)
        or not isinstance(raw.get("factors"), list)
        or not raw["factors"]
    ):
        raise CalcInputError("matrix.factors", "must be a non-empty list of factors")
    factors = []
    seen: set[str] = set()
    for index, item in enumerate(raw["factors"]):
        field = f"matrix.factors[{index}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("key"), str) or not item["key"]:
            raise CalcInputError(f"{field}.key", "is required (a name such as convictions_12m)")
        if item["key"] in seen:
            raise CalcInputError(f"{field}.key", f"'{item['key']}' is in the matrix twice")
        seen.add(item["key"])
        label = item.get("label", item["key"])
        if not isinstance(label, str):
            raise CalcInputError(f"{field}.label", "must be text")
        by_offence_type = item.get("by_offence_type", False)
        if not isinstance(by_offence_type, bool):
            raise CalcInputError(f"{field}.by_offence_type", "must be true or false")
        factors.append(
            Factor(
                key=item["key"],
                label=label or item["key"],
                weight=_number(item.get("weight", 1), f"{field}.weight", maximum=MAX_WEIGHT),
                by_offence_type=by_offence_type,
            )
        )
    weights = raw.get("priority_weights", {})
    if not isinstance(weights, Mapping):
        raise CalcInputError("matrix.priority_weights", "must be an object of category: multiplier")
    return Matrix(
        tuple(factors),
        {
            k: _number(v, f"matrix.priority_weights.{k}", maximum=MAX_WEIGHT)
            for k, v in weights.items()
        },
    )


def _inputs(raw: Mapping[str, Any], matrix: Matrix) -> dict[str, Any]:
    """Each factor's value checked: a count from 0 (a by-offence-type factor: one per category)."""
    checked: dict[str, Any] = {}
    for factor in matrix.factors:
        value = raw.get(factor.key)
        field = f"inputs.{factor.key}"
        if value is None:
            continue
        if factor.by_offence_type:
            if not isinstance(value, Mapping):
                raise CalcInputError(field, "must be an object of offence category: count")
            checked[factor.key] = {
                category: _number(count, f"{field}.{category}", maximum=MAX_COUNT, whole=True)
                for category, count in value.items()
            }
        else:
            checked[factor.key] = _number(value, field, maximum=MAX_COUNT)
    return checked


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    inputs = payload.get("inputs")
    if not isinstance(inputs, Mapping):
        raise CalcInputError("inputs", "is required: an object of factor values")
    matrix = _matrix(payload.get("matrix"))
    known = {f.key for f in matrix.factors}
    unknown = sorted(set(inputs) - known)
    if unknown:
        raise CalcInputError(
            f"inputs.{unknown[0]}", f"is not in the matrix ({', '.join(sorted(known))})"
        )
    checked = _inputs(inputs, matrix)
    try:
        result = score(matrix, checked)
    except ValueError as error:
        key = str(error).split(":")[0].split(" ")[0]
        raise CalcInputError(f"inputs.{key}", str(error)) from None
    return {
        "score": float(result.total),
        "working": list(result.working),
        "matrix": "default" if payload.get("matrix") is None else "given",
    }
