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


def _under_midpoint(inputs: HdcedInputs, hdc: HdcParams) -> dt.date:
    days = max(hdc.below_midpoint_minimum_deduction_days, math.ceil(inputs.custodial_period / 2))
    return inputs.sentenced_at + dt.timedelta(days=days + inputs.added_days - inputs.deducted_days)


def _over_midpoint(inputs: HdcedInputs, deduction: int) -> dt.date:
    # The release point counts the sentence day itself, hence the extra day.
    days = inputs.days_to_release - (deduction + 1) + inputs.added_days - inputs.deducted_days
    return inputs.sentenced_at + dt.timedelta(days=days)


def _with_minimum(date: dt.date, inputs: HdcedInputs, hdc: HdcParams) -> dt.date:
    earliest = inputs.sentenced_at + dt.timedelta(days=hdc.minimum_days_on_hdc)
    if earliest >= date - dt.timedelta(days=inputs.added_days):
        return earliest + dt.timedelta(days=inputs.added_days)
    return date


def calculate_hdced(inputs: HdcedInputs, hdc: HdcParams) -> tuple[dt.date, str] | None:
    """HDCED and the rule that set it, or None when HDC is not available."""
    if inputs.adjusted_release < inputs.sentenced_at + dt.timedelta(days=hdc.minimum_days_on_hdc):
        return None
    if inputs.custodial_period < hdc.minimum_custodial_period_days:
        return None
    if inputs.custodial_period < hdc.midpoint_days_pre_hdc365:
        pre = _under_midpoint(inputs, hdc)
    else:
        pre = _over_midpoint(inputs, hdc.above_midpoint_deduction_days_pre_hdc365)
    pre = _with_minimum(pre, inputs, hdc)
    if inputs.custodial_period < hdc.midpoint_days_post_hdc365:
        post = _under_midpoint(inputs, hdc)
    else:
        post = _over_midpoint(inputs, hdc.above_midpoint_deduction_days_post_hdc365)
    post = _with_minimum(post, inputs, hdc)
    if pre < HDC_365_COMMENCEMENT_DATE:
        return pre, "HDCED_PRE_HDC365"
    if post < HDC_365_COMMENCEMENT_DATE:
        return HDC_365_COMMENCEMENT_DATE, "HDCED_ADJUSTED_TO_365_COMMENCEMENT"
    return post, "HDCED_POST_HDC365"
