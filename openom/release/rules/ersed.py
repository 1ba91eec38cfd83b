"""Early removal scheme eligibility date (ERSED) of one calculable sentence.

CJA 2003 s.260: a prisoner liable to removal from the UK may be removed before release once the
requisite period is served. Before 23 September 2025 (ERS50) removal may come up to 544 days
before release and after half the custodial period; from then (ERS30, SI 2025 amending s.260(2A))
up to 4 years before release and after 30 per cent. Re-expressed from calculate-release-dates-api
`ErsedCalculator` (service/ErsedCalculator.kt); the numbers come from the params profile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from openom.release.rules.dates import ERS30_COMMENCEMENT_DATE
from openom.release.rules.durations import add_months
from openom.release.rules.params import ErsParams, Params
from openom.release.rules.sentences import ceil_days

# Identification tracks with an ERSED (SentenceIdentificationTrack.calculateErsed): SDS, SDS+,
# EDS and SOPC; not DTOs, BOTUS or fines in default, nor sentences on recall.
ERSED_TRACKS = frozenset(
    {
        "SDS",
        "SDS_PLUS",
        "EDS_AUTOMATIC_RELEASE",
        "EDS_DISCRETIONARY",
        "SOPC_PED_AT_TWO_THIRDS",
        "SOPC_PED_AT_HALFWAY",
    }
)


@dataclass(frozen=True)
class ErsedInputs:
    sentenced_at: dt.date
    is_consecutive: bool
    part_dates: tuple[dt.date, ...]
    # The release the removal is measured back from: the PED of an EDS/SOPC, else the CRD/ARD.
    effective_release: dt.date
    unadjusted_effective_release: dt.date
    for_initial_release: int
    ual_during_custody: int
    awarded_during_custody: int
    unused_ada: int
    served_ada: int


@dataclass(frozen=True)
class Ersed:
    date: dt.date
    rule: str
    # The date ignoring awarded days, which decides between ERS50 and ERS30.
    excluding_awarded: dt.date


def _minus_period(date: dt.date, scheme: ErsParams) -> dt.date:
    if scheme.max_period_unit == "YEARS":
        return add_months(date, -12 * scheme.max_period_amount)
    if scheme.max_period_unit == "MONTHS":
        return add_months(date, -scheme.max_period_amount)
    if scheme.max_period_unit == "WEEKS":
        return date - dt.timedelta(weeks=scheme.max_period_amount)
    return date - dt.timedelta(days=scheme.max_period_amount)


def _scheme(inputs: ErsedInputs, scheme: ErsParams) -> Ersed:
    maximum = _minus_period(inputs.effective_release, scheme)
    days_until_release = (inputs.unadjusted_effective_release - inputs.sentenced_at).days + 1
    unadjusted_minimum = inputs.sentenced_at + dt.timedelta(
        days=ceil_days(Fraction(days_until_release) * scheme.release_point)
    )
    minimum = min(
        unadjusted_minimum + dt.timedelta(days=inputs.for_initial_release),
        inputs.effective_release,
    )
    ersed, rule = (
        (minimum, "ERSED_MIN_EFFECTIVE_DATE")
        if minimum > maximum
        else (maximum, "ERSED_MAX_PERIOD")
    )
    added = inputs.ual_during_custody + inputs.awarded_during_custody
    adjusted = ersed - dt.timedelta(days=added)
    if adjusted < inputs.sentenced_at:
        return Ersed(
            inputs.sentenced_at + dt.timedelta(days=added),
            "ERSED_BEFORE_SENTENCE_DATE",
            inputs.sentenced_at + dt.timedelta(days=inputs.ual_during_custody),
        )
    return Ersed(ersed, rule, adjusted + dt.timedelta(days=inputs.ual_during_custody))


def calculate_ersed(inputs: ErsedInputs, params: Params) -> Ersed:
    """ERS50 for sentences before the ERS30 commencement while its date falls before it; ERS30 for
    later sentences (or chains spanning the commencement); otherwise the commencement date."""
    spans = inputs.is_consecutive and (
        min(inputs.part_dates) < ERS30_COMMENCEMENT_DATE <= max(inputs.part_dates)
    )
    post_ers30 = inputs.sentenced_at >= ERS30_COMMENCEMENT_DATE or spans
    ers50 = None if post_ers30 else _scheme(inputs, params.ers50)
    ers30 = _scheme(inputs, params.ers30)
    if ers50 is not None and ers50.excluding_awarded < ERS30_COMMENCEMENT_DATE:
        return ers50
    if post_ers30 or ers30.excluding_awarded >= ERS30_COMMENCEMENT_DATE:
        return ers30
    added = inputs.awarded_during_custody - inputs.unused_ada - inputs.served_ada
    return Ersed(
        ERS30_COMMENCEMENT_DATE + dt.timedelta(days=added),
        "ERSED_ADJUSTED_TO_ERS30_COMMENCEMENT",
        ERS30_COMMENCEMENT_DATE,
    )
