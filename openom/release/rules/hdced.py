"""Home detention curfew eligibility date (CJA 2003 s.246; HDC policy framework).

Eligible prisoners may be released on HDC once they have served the requisite period: half the
custodial period but at least 28 days when the custodial period is under the midpoint, otherwise
the CRD less 179 days (364 days after HDC-365, SI 2025 in force 3 June 2025), and never sooner
than 14 days after sentence. The parameter values come from the params profile.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from openom.release.rules.dates import HDC_365_COMMENCEMENT_DATE
from openom.release.rules.params import HdcParams


@dataclass(frozen=True)
class HdcedInputs:
    sentenced_at: dt.date
    custodial_period: Fraction  # exact days to the release point, before rounding
    days_to_release: int  # whole days to the unadjusted release point
    adjusted_release: dt.date
    added_days: int  # UAL and awarded days during custody, less unused and served ADA
    deducted_days: int  # remand and tagged bail
    ual_days: int = 0  # of added_days, the days unlawfully at large
    # A chain of consecutive sentences imposed both before and after HDC-365 commencement.
    spans_hdc365_commencement: bool = False

    @property
    def other_additions(self) -> int:
        return self.added_days - self.ual_days


def _under_midpoint(inputs: HdcedInputs, hdc: HdcParams) -> dt.date:
    """HDCED with only the UAL added (the awarded days are added by the caller)."""
    days = max(hdc.below_midpoint_minimum_deduction_days, math.ceil(inputs.custodial_period / 2))
    return inputs.sentenced_at + dt.timedelta(days=days + inputs.ual_days - inputs.deducted_days)


def _over_midpoint(inputs: HdcedInputs, deduction: int) -> dt.date:
    # The release point counts the sentence day itself, hence the extra day.
    days = inputs.days_to_release - (deduction + 1) + inputs.ual_days - inputs.deducted_days
    return inputs.sentenced_at + dt.timedelta(days=days)


def _with_minimum(date: dt.date, inputs: HdcedInputs, hdc: HdcParams) -> dt.date:
    """Never sooner than 14 days after sentence (plus the UAL)."""
    earliest = inputs.sentenced_at + dt.timedelta(days=hdc.minimum_days_on_hdc)
    if earliest >= date - dt.timedelta(days=inputs.ual_days):
        return earliest + dt.timedelta(days=inputs.ual_days)
    return date


def _scheme(inputs: HdcedInputs, hdc: HdcParams, midpoint: int, deduction: int) -> dt.date:
    if math.ceil(inputs.custodial_period) < midpoint:
        date = _under_midpoint(inputs, hdc)
    else:
        date = _over_midpoint(inputs, deduction)
    return _with_minimum(date, inputs, hdc)


def calculate_hdced(inputs: HdcedInputs, hdc: HdcParams) -> tuple[dt.date, str] | None:
    """HDCED and the rule that set it, or None when HDC is not available (HdcedCalculator):
    the HDC-180 date while it falls before HDC-365 commencement, else the HDC-365 date, no
    sooner than the commencement (plus any awarded days)."""
    if inputs.adjusted_release < inputs.sentenced_at + dt.timedelta(days=hdc.minimum_days_on_hdc):
        return None
    if math.ceil(inputs.custodial_period) < hdc.minimum_custodial_period_days:
        return None
    other = dt.timedelta(days=inputs.other_additions)
    pre = _scheme(
        inputs, hdc, hdc.midpoint_days_pre_hdc365, hdc.above_midpoint_deduction_days_pre_hdc365
    )
    post = _scheme(
        inputs, hdc, hdc.midpoint_days_post_hdc365, hdc.above_midpoint_deduction_days_post_hdc365
    )
    pre_compared = max(pre, HDC_365_COMMENCEMENT_DATE) if inputs.spans_hdc365_commencement else pre
    if pre_compared < HDC_365_COMMENCEMENT_DATE:
        return pre + other, "HDCED_PRE_HDC365"
    if post >= HDC_365_COMMENCEMENT_DATE:
        return post + other, "HDCED_POST_HDC365"
    return HDC_365_COMMENCEMENT_DATE + other, "HDCED_ADJUSTED_TO_365_COMMENCEMENT"
