"""Parameter profiles: release multipliers, HDC/ERS settings and tranche dates.

The YAML files in `params/` are copies of calculate-release-dates-api's Spring profiles (MIT, see
params/README.md). `calculation-params` is the base; another profile overlays it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARAMS_DIR = Path(__file__).resolve().parent / "params"
BASE_PROFILE = "calculation-params"
PROFILE_FILES: dict[str, str] = {
    "calculation-params": "application-calculation-params.yml",
    "sds-50": "application-sds-50.yml",
    "sds-progression-model-october": "application-sds-progression-model-october.yml",
}
PROFILES: tuple[str, ...] = tuple(PROFILE_FILES)

# Named release points of the service's ReleaseMultiplier enum (CJA 2003 s244: one half;
# CJA 2003 s244ZA: two thirds; SI 2024/844: forty per cent).
MULTIPLIERS: dict[str, Fraction] = {
    "FULL": Fraction(1),
    "TWO_THIRDS": Fraction(2, 3),
    "ONE_HALF": Fraction(1, 2),
    "ONE_THIRD": Fraction(1, 3),
    "FORTY_PERCENT": Fraction(2, 5),
    "FORTY_THREE_PERCENT": Fraction(43, 100),
    "FORTY_FIVE_PERCENT": Fraction(45, 100),
    "THIRTY_PERCENT": Fraction(3, 10),
}

_PLACEHOLDER = re.compile(r"^\$\{([^}]+)\}$")


@dataclass(frozen=True)
class Tranche:
    name: str
    date: dt.date
    kind: str  # SENTENCE_LENGTH_LESS_THAN, SENTENCE_LENGTH_LESS_THAN_OR_EQUAL_TO or FINAL
    duration: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class HdcParams:
    minimum_custodial_period_days: int
    midpoint_days_pre_hdc365: int
    below_midpoint_minimum_deduction_days: int
    above_midpoint_deduction_days_pre_hdc365: int
    minimum_days_on_hdc: int
    midpoint_days_post_hdc365: int
    above_midpoint_deduction_days_post_hdc365: int


@dataclass(frozen=True)
class ErsParams:
    """One early removal scheme: the longest time before release removal may come, and the
    least part of the custodial period to be served first (CJA 2003 s.260(2A))."""

    max_period_amount: int
    max_period_unit: str  # DAYS or YEARS
    release_point: Fraction


@dataclass(frozen=True)
class Params:
    name: str
    hdc: HdcParams
    early_release_point: Fraction
    sds40_tranches: tuple[Tranche, ...]
    sds40_tranche_three_date: dt.date
    ftr56_tranches: tuple[Tranche, ...]
    ers50: ErsParams
    ers30: ErsParams
    # The 2026 SDS progression model (sds-legislations.progression-model-legislation), when the
    # profile has it: release points by track and the tranches of its commencement.
    progression_tranches: tuple[Tranche, ...] = ()
    progression_multipliers: tuple[tuple[str, Fraction], ...] = ()

    @property
    def progression_commencement(self) -> dt.date | None:
        return min((t.date for t in self.progression_tranches), default=None)

    @property
    def sds40_commencement(self) -> dt.date:
        return self.sds40_tranches[0].date


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _lookup(tree: dict[str, Any], dotted: str) -> Any:
    node: Any = tree
    for key in dotted.split("."):
        node = node[key]
    return node


def _resolve(node: Any, tree: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        return {k: _resolve(v, tree) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, tree) for v in node]
    if isinstance(node, str):
        match = _PLACEHOLDER.match(node)
        if match:
            return _resolve(_lookup(tree, match.group(1)), tree)
    return node


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _tranches(items: list[dict[str, Any]]) -> tuple[Tranche, ...]:
    return tuple(
        Tranche(
            name=str(item["name"]),
            date=_as_date(item["date"]),
            kind=str(item["type"]),
            duration=item.get("duration"),
            unit=item.get("unit"),
        )
        for item in items
    )


def _read(profile: str) -> dict[str, Any]:
    with (PARAMS_DIR / PROFILE_FILES[profile]).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@cache
def load_params(profile: str = BASE_PROFILE) -> Params:
    if profile not in PROFILE_FILES:
        raise KeyError(profile)
    tree = _read(BASE_PROFILE)
    if profile != BASE_PROFILE:
        tree = _merge(tree, _read(profile))
    tree = _resolve(tree, tree)
    hdced = tree["hdced"]
    sds = tree["sds-legislations"]
    return Params(
        name=profile,
        hdc=HdcParams(
            minimum_custodial_period_days=int(hdced["minimum-custodial-period-days"]),
            midpoint_days_pre_hdc365=int(hdced["custodial-period-mid-point-days-pre-hdc-365"]),
            below_midpoint_minimum_deduction_days=int(
                hdced["custodial-period-below-midpoint-minimum-deduction-days"]
            ),
            above_midpoint_deduction_days_pre_hdc365=int(
                hdced["custodial-period-above-midpoint-deduction-days-pre-hdc-365"]
            ),
            minimum_days_on_hdc=int(hdced["minimum-days-on-hdc"]),
            midpoint_days_post_hdc365=int(hdced["custodial-period-mid-point-days-post-hdc-365"]),
            above_midpoint_deduction_days_post_hdc365=int(
                hdced["custodial-period-above-midpoint-deduction-days-post-hdc-365"]
            ),
        ),
        early_release_point=MULTIPLIERS[
            str(tree["release-point-multipliers"]["earlyReleasePoint"])
        ],
        sds40_tranches=_tranches(sds["sds40-legislation"]["tranches"]),
        sds40_tranche_three_date=_as_date(
            sds["sds40-additional-excluded-offences-legislation"]["commencement-date"]
        ),
        ftr56_tranches=_tranches(tree["ftr-legislations"]["ftr56-legislation"]["tranches"]),
        ers50=_ers(tree["ersed"], "ers-50"),
        ers30=_ers(tree["ersed"], "ers-30"),
        progression_tranches=_tranches(
            sds.get("progression-model-legislation", {}).get("tranches", [])
        ),
        progression_multipliers=tuple(
            (str(track), MULTIPLIERS[str(name)])
            for track, name in sds.get("progression-model-legislation", {})
            .get("release-multiplier", {})
            .items()
        ),
    )


def _ers(ersed: dict[str, Any], prefix: str) -> ErsParams:
    return ErsParams(
        max_period_amount=int(ersed[f"{prefix}-max-period-amount"]),
        max_period_unit=str(ersed[f"{prefix}-max-period-unit"]),
        release_point=MULTIPLIERS[str(ersed[f"{prefix}-release-point"])],
    )
