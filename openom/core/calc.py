"""`openom calc NAME`: run one of OpenOM's rule calculators on JSON.

Reads one JSON object, or a list of them, on stdin; writes the result (or a list of results in
the same order) as JSON on stdout. Bad input answers `{"error": {"field": ..., "message": ...}}`
(with `"index"` for a list item) and exit status 2, so a script can tell which field to fix.

Each calculator is a module named in CALCULATORS with:
- `SUMMARY`: one line for `openom calc --list`;
- `calculate(payload, **options) -> dict`: values in, values out, raising CalcInputError;
- optionally `add_arguments(parser)` for command-line options of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import math
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import IO, Any

CALCULATORS: dict[str, str] = {
    "release-dates": "openom.release.calculators",
    "working-days": "openom.working_days.calculators",
    "enforcement-deadline": "openom.enforcement.calculators",
    "mappa-category": "openom.mappa.calculators",
    "ogrs3": "openom.assessment.calculators",
    "tier": "openom.tiering.calculators",
    "ppo-score": "openom.iom.calculators",
}

EXIT_OK = 0
EXIT_BAD_INPUT = 2

# Input limits, not rules: far more than any real case needs, small enough that a mistaken or
# hostile input is refused with a message rather than exhausting the stack or the memory.
MAX_INPUT_CHARACTERS = 5_000_000
MAX_JSON_DEPTH = 32
# Whole numbers beyond a million are a typing mistake for every OpenOM count, day or month.
MAX_WHOLE_NUMBER = 1_000_000
# Dates OpenOM's rules are asked about: 1900-2100 unless a rule needs more (pass earliest/latest).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


class CalcInputError(ValueError):
    """Input a calculator cannot use; `field` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "message": self.message}


def load_calculator(name: str) -> ModuleType:
    return importlib.import_module(CALCULATORS[name])


def require(payload: Mapping[str, Any], field: str) -> Any:
    if field not in payload or payload[field] is None:
        raise CalcInputError(field, "is required")
    return payload[field]


def parse_date(
    payload: Mapping[str, Any],
    field: str,
    *,
    required: bool = True,
    earliest: dt.date = EARLIEST_DATE,
    latest: dt.date = LATEST_DATE,
) -> dt.date | None:
    value = payload.get(field)
    if value is None:
        if required:
            raise CalcInputError(field, "is required (a date as YYYY-MM-DD)")
        return None
    if not isinstance(value, str):
        raise CalcInputError(field, "must be a date as a string YYYY-MM-DD")
    # Only the ten-character calendar date: fromisoformat also takes week dates and basic forms.
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise CalcInputError(field, f"{_shown(value)} is not a date as YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise CalcInputError(field, f"{_shown(value)} is not a date as YYYY-MM-DD") from None
    if not earliest <= date <= latest:
        raise CalcInputError(
            field, f"{value} is outside {earliest.isoformat()} to {latest.isoformat()}"
        )
    return date


def _shown(value: Any, limit: int = 60) -> str:
    """A value as JSON for an error message, cut short if long."""
    text = json.dumps(value, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# Input limit, not a rule: a date outside these years is a typing mistake in any calculator.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def parse_date_in_range(
    payload: Mapping[str, Any], field: str, *, required: bool = True
) -> dt.date | None:
    """`parse_date`, refusing dates outside the years 1900 to 2100."""
    value = parse_date(payload, field, required=required)
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise CalcInputError(field, f"must be a date from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return value


def parse_int(
    payload: Mapping[str, Any],
    field: str,
    *,
    required: bool = True,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    value = payload.get(field)
    if value is None:
        if required:
            raise CalcInputError(field, "is required (a whole number)")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalcInputError(field, f"must be a whole number, not {_shown(value)}")
    if minimum is not None and value < minimum:
        raise CalcInputError(field, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise CalcInputError(field, f"must be at most {maximum}")
    if abs(value) > MAX_WHOLE_NUMBER:
        raise CalcInputError(field, f"must be at most {MAX_WHOLE_NUMBER:,} either side of 0")
    return value


def parse_bool(payload: Mapping[str, Any], field: str, *, required: bool = False) -> bool:
    value = payload.get(field)
    if value is None:
        if required:
            raise CalcInputError(field, "is required (true or false)")
        return False
    if not isinstance(value, bool):
        raise CalcInputError(field, f"must be true or false, not {_shown(value)}")
    return value


def parse_choice(
    payload: Mapping[str, Any], field: str, choices: Sequence[str], *, required: bool = True
) -> str | None:
    value = payload.get(field)
    if value is None:
        if required:
            raise CalcInputError(field, f"is required (one of {', '.join(choices)})")
        return None
    if not isinstance(value, str) or value not in choices:
        raise CalcInputError(field, f"{_shown(value)} is not one of {', '.join(choices)}")
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write(stdout: IO[str], document: Any) -> None:
    # allow_nan=False: NaN and Infinity are not JSON; _calculate_one has already refused them.
    json.dump(document, stdout, indent=2, default=_json_default, allow_nan=False)
    stdout.write("\n")


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(f"{text} is too large a number")
    return value


def _too_deep(document: Any) -> bool:
    """Whether the document nests deeper than MAX_JSON_DEPTH (walked without recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_JSON_DEPTH:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


def parse_input(text: str) -> Any:
    """The JSON document on stdin, or CalcInputError("input", ...) saying why not."""
    if len(text) > MAX_INPUT_CHARACTERS:
        raise CalcInputError("input", f"is longer than {MAX_INPUT_CHARACTERS:,} characters")
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NotFinite as error:
        raise CalcInputError("input", str(error)) from None
    except RecursionError:
        raise CalcInputError("input", f"nests deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as error:  # JSONDecodeError, and integers over Python's digit limit
        raise CalcInputError("input", f"not valid JSON: {error}") from None
    if _too_deep(document):
        raise CalcInputError("input", f"nests deeper than {MAX_JSON_DEPTH} levels")
    return document


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openom calc",
        description="Run an OpenOM calculator: JSON object or list on stdin, JSON on stdout.",
    )
    parser.add_argument("--list", action="store_true", help="list the calculators and stop")
    return parser


def run(argv: Sequence[str], *, stdin: IO[str], stdout: IO[str]) -> int:
    args = list(argv)
    if not args or args[0] in {"--list", "-h", "--help"}:
        if args and args[0] in {"-h", "--help"}:
            _parser().print_help(stdout)
            stdout.write("\n")
        for name in sorted(CALCULATORS):
            stdout.write(f"{name:24} {load_calculator(name).SUMMARY}\n")
        return EXIT_OK if args else EXIT_BAD_INPUT

    name, rest = args[0], args[1:]
    if name not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        _write(
            stdout,
            {"error": {"field": "calculator", "message": f"unknown '{name}'; one of {known}"}},
        )
        return EXIT_BAD_INPUT
    module = load_calculator(name)
    parser = argparse.ArgumentParser(prog=f"openom calc {name}", description=module.SUMMARY)
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)
    try:
        options = vars(parser.parse_args(rest))
    except SystemExit as exit_:
        return int(exit_.code or 0)

    try:
        document = parse_input(stdin.read(MAX_INPUT_CHARACTERS + 1))
    except CalcInputError as error:
        _write(stdout, {"error": error.as_json()})
        return EXIT_BAD_INPUT

    if isinstance(document, list):
        results: list[Any] = []
        failed = False
        for index, item in enumerate(document):
            result = _calculate_one(module, item, options)
            if "error" in result and len(result) == 1:
                result["error"]["index"] = index
                failed = True
            results.append(result)
        _write(stdout, results)
        return EXIT_BAD_INPUT if failed else EXIT_OK

    result = _calculate_one(module, document, options)
    _write(stdout, result)
    return EXIT_BAD_INPUT if ("error" in result and len(result) == 1) else EXIT_OK


def _calculate_one(module: ModuleType, item: Any, options: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {"error": {"field": "input", "message": "each input must be a JSON object"}}
    try:
        result = module.calculate(item, **options)
    except CalcInputError as error:
        return {"error": error.as_json()}
    except (OverflowError, ArithmeticError, ValueError, RecursionError) as error:
        # Date arithmetic run past what a date can hold (9999-12-31 plus a day), or a number no
        # calculation can use: the input's fault, answered as such, never a traceback.
        return {"error": {"field": "input", "message": f"cannot be calculated: {error}"}}
    try:
        json.dumps(result, default=_json_default, allow_nan=False)
    except ValueError:
        return {"error": {"field": "input", "message": "gives a result that is not a number"}}
    return result
