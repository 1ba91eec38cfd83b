"""`openom calc ppo-score`: score one person with an area's IOM/PPO selection matrix.

Input: `{"inputs": {...}, "matrix": {...}}`. `inputs` gives each factor's value: a number, or for
the by-offence-type factors an object of offence category -> count (categories as the offence
catalogue names them: burglary, robbery, theft, vehicle, violence, drugs...). `matrix` is
optional (the default matrix otherwise): `{"factors": [{"key", "label", "weight",
"by_offence_type"}], "priority_weights": {"burglary": 2}}`.
Output: `{"score": 24.0, "working": [...], "matrix": "default" | "given"}`.
"""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from openom.core.calc import CalcInputError
from openom.iom.rules import DEFAULT_FACTORS, DEFAULT_PRIORITY_WEIGHTS, Factor, Matrix, score

SUMMARY = "IOM/PPO selection matrix score with its working (default or given matrix)"


def _decimal(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CalcInputError(field, "must be a number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise CalcInputError(field, "must be a number") from None


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
    for index, item in enumerate(raw["factors"]):
        field = f"matrix.factors[{index}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("key"), str):
            raise CalcInputError(f"{field}.key", "is required (a name such as convictions_12m)")
        factors.append(
            Factor(
                key=item["key"],
                label=str(item.get("label") or item["key"]),
                weight=_decimal(item.get("weight", 1), f"{field}.weight"),
                by_offence_type=bool(item.get("by_offence_type", False)),
            )
        )
    weights = raw.get("priority_weights") or {}
    if not isinstance(weights, Mapping):
        raise CalcInputError("matrix.priority_weights", "must be an object of category: multiplier")
    return Matrix(
        tuple(factors),
        {k: _decimal(v, f"matrix.priority_weights.{k}") for k, v in weights.items()},
    )


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
    try:
        result = score(matrix, inputs)
    except ValueError as error:
        key = str(error).split(":")[0].split(" ")[0]
        raise CalcInputError(f"inputs.{key}", str(error)) from None
    return {
        "score": float(result.total),
        "working": list(result.working),
        "matrix": "default" if payload.get("matrix") is None else "given",
    }
