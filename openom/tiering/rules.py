"""Both HMPPS tiering rule sets (DOMAIN.md §5.1, §5.2; ministryofjustice/hmpps-tier).

Values in, values out: `two_axis_tier` (protect A-D x change 0-3, e.g. B2) and `single_tier`
(A-G, with its provisional flag). Each returns its points and a `working` list in plain words.
"""

import datetime as dt
from dataclasses import dataclass, field

from openom.assessment.rules.needs import NEED_WEIGHTS, SEVERITY_POINTS, Severity

# --- Two-axis tier, protect level (DOMAIN.md §5.1) ---
RSR_HIGH_THRESHOLD = 7.00  # RSR >= 7.00% scores 20
# hmpps-tier RsrThresholds.TIER_B_RSR_UPPER: an RSR above 99.99% is not a score and earns nothing.
RSR_UPPER = 99.99
RSR_MEDIUM_THRESHOLD = 3.00  # RSR 3.00-6.99% scores 10
RSR_POINTS_HIGH = 20
RSR_POINTS_MEDIUM = 10
ROSH_POINTS = {"VERY_HIGH": 150, "HIGH": 20, "MEDIUM": 10, "LOW": 0}
MAPPA_LEVEL_2_OR_3_POINTS = 150
MAPPA_LEVEL_1_POINTS = 5
# nDelius registration codes that each add 2 protect points, counted once each.
COMPLEXITY_FACTORS = frozenset(
    {"RMDO", "ALSH", "RVLN", "RCCO", "RCPR", "RCHD", "RPIR", "RVAD", "STRG", "RTAO"}
)
COMPLEXITY_FACTOR_POINTS = 2
# Additional factors for women: each 2 points (impulsivity and temper control count once).
WOMENS_FACTOR_POINTS = 2
PROTECT_A_POINTS = 150
PROTECT_B_POINTS = 20
PROTECT_C_POINTS = 10
# --- Two-axis tier, change level ---
OGRS_DIVISOR = 10  # OGRS whole percent, integer-divided by 10
IOM_CHANGE_POINTS = 2
CHANGE_3_POINTS = 20
CHANGE_2_POINTS = 10
NO_ASSESSMENT_CHANGE_LEVEL = 2
NO_MANDATE_CHANGE_LEVEL = 0
# hmpps-tier ChangeLevelCalculator TIER_NO_MANDATE / TIER_NO_ASSESSMENT: the fixed level with 0 points.
NOT_ASSESSED_CHANGE_POINTS = 0
# hmpps-tier TierDto.getSuffix: "S" after the two-axis tier of an unsupervised case (the nDelius
# "PRC" registration, DeliusApiService.isUnsupervised; RegistrationEdgeCasesTest "B2S").
UNSUPERVISED_SUFFIX = "S"


@dataclass(frozen=True)
class TwoAxisInputs:
    has_assessment: bool
    mandate_for_change: bool
    rsr: float | None = None
    rosh: str | None = None
    mappa_level: int | None = None
    complexity_factors: tuple[str, ...] = ()
    female: bool = False
    parenting_responsibilities: bool = False
    impulsivity: bool = False
    temper_control: bool = False
    previous_enforcement: bool = False
    ogrs: int | None = None
    iom: bool = False
    needs: dict[str, Severity] = field(default_factory=dict)
    # Not under supervision as the Tier service defines it (its "PRC" registration): adds "S".
    unsupervised: bool = False


@dataclass(frozen=True)
class TwoAxisTier:
    protect: str
    change: int
    protect_points: int
    change_points: int
    working: list[str]
    unsupervised: bool = False

    @property
    def tier(self) -> str:
        suffix = UNSUPERVISED_SUFFIX if self.unsupervised else ""
        return f"{self.protect}{self.change}{suffix}"


def rsr_points(rsr: float | None) -> int:
    if rsr is None or rsr > RSR_UPPER:
        return 0
    if rsr >= RSR_HIGH_THRESHOLD:
        return RSR_POINTS_HIGH
    if rsr >= RSR_MEDIUM_THRESHOLD:
        return RSR_POINTS_MEDIUM
    return 0


def protect_level(points: int) -> str:
    if points >= PROTECT_A_POINTS:
        return "A"
    if points >= PROTECT_B_POINTS:
        return "B"
    if points >= PROTECT_C_POINTS:
        return "C"
    return "D"


def change_level(points: int) -> int:
    if points >= CHANGE_3_POINTS:
        return 3
    if points >= CHANGE_2_POINTS:
        return 2
    return 1


def two_axis_tier(inputs: TwoAxisInputs) -> TwoAxisTier:
    working: list[str] = []
    by_rsr = rsr_points(inputs.rsr)
    by_rosh = ROSH_POINTS.get(inputs.rosh or "LOW", 0)
    protect_points = max(by_rsr, by_rosh)
    rsr_text = f"RSR {inputs.rsr:.2f}%" if inputs.rsr is not None else "RSR unknown"
    working.append(
        f"{rsr_text}: {by_rsr} points; RoSH {inputs.rosh or 'unknown'}: {by_rosh} points; only the higher counts ({protect_points})"
    )
    if inputs.mappa_level in (2, 3):
        protect_points += MAPPA_LEVEL_2_OR_3_POINTS
        working.append(f"MAPPA level {inputs.mappa_level}: {MAPPA_LEVEL_2_OR_3_POINTS} points")
    elif inputs.mappa_level == 1:
        protect_points += MAPPA_LEVEL_1_POINTS
        working.append(f"MAPPA level 1: {MAPPA_LEVEL_1_POINTS} points")
    factors = sorted(set(inputs.complexity_factors) & COMPLEXITY_FACTORS)
    if factors:
        protect_points += COMPLEXITY_FACTOR_POINTS * len(factors)
        working.append(
            f"Complexity factors {', '.join(factors)}: {COMPLEXITY_FACTOR_POINTS * len(factors)} points"
        )
    if inputs.female:
        womens = [
            ("parenting responsibilities", inputs.parenting_responsibilities),
            ("impulsivity or temper control", inputs.impulsivity or inputs.temper_control),
            ("breach or recall in the last year", inputs.previous_enforcement),
        ]
        for label, present in womens:
            if present:
                protect_points += WOMENS_FACTOR_POINTS
                working.append(f"Women's factor, {label}: {WOMENS_FACTOR_POINTS} points")
    protect = protect_level(protect_points)
    working.append(
        f"Protect {protect} from {protect_points} points (A 150+, B 20-149, C 10-19, D under 10)"
    )

    need_points = sum(
        NEED_WEIGHTS.get(need, 0) * SEVERITY_POINTS[severity]
        for need, severity in inputs.needs.items()
    )
    ogrs_points = (inputs.ogrs or 0) // OGRS_DIVISOR
    iom_points = IOM_CHANGE_POINTS if inputs.iom else 0
    change_points = need_points + ogrs_points + iom_points
    if not inputs.mandate_for_change:
        change, change_points = NO_MANDATE_CHANGE_LEVEL, NOT_ASSESSED_CHANGE_POINTS
        working.append(
            "No mandate for change (no custody and no requirement other than unpaid work): "
            "change 0, with 0 points"
        )
    elif not inputs.has_assessment:
        change, change_points = NO_ASSESSMENT_CHANGE_LEVEL, NOT_ASSESSED_CHANGE_POINTS
        working.append("No valid assessment: change 2, with 0 points")
    else:
        change = change_level(change_points)
        working.append(
            f"Needs {need_points} + OGRS {inputs.ogrs or 0}% / 10 = {ogrs_points}"
            + (f" + IOM {iom_points}" if iom_points else "")
            + f" = {change_points} points: change {change} (3 at 20+, 2 at 10-19, else 1)"
        )
    if inputs.unsupervised:
        working.append(f"Not under supervision: suffix {UNSUPERVISED_SUFFIX}")
    return TwoAxisTier(
        protect, change, protect_points, change_points, working, unsupervised=inputs.unsupervised
    )


# --- Single tier A-G (DOMAIN.md §5.2, HMPPS Tier "v3", 2026) ---
TIERS = "ABCDEFG"
CSRP_ROW_LOWER_BOUNDS = (6.9, 3.0, 1.0, 0.5, 0.0)
ARP_COLUMN_LOWER_BOUNDS = (90, 75, 50, 25, 15, 0)
ARP_CSRP_TABLE = (
    "AABBBB",  # CSRP 6.9+
    "ABCCCC",  # CSRP 3.0+
    "BCDEEE",  # CSRP 1.0+
    "CDEEFF",  # CSRP 0.5+
    "DDEFFG",  # CSRP 0.0+
)
# DC-SRP: very high A, high B; medium by score; low E (DOMAIN.md §5.2).
DC_SRP_BAND_TIERS = {"VERY_HIGH": "A", "HIGH": "B", "LOW": "E"}
DC_SRP_MEDIUM_STEPS = ((3.36, "C"), (2.11, "D"), (1.12, "C"), (0.60, "D"))
DC_SRP_MEDIUM_BELOW_STEPS = "E"
MAPPA_ROSH_TIERS = {"VERY_HIGH": "A", "HIGH": "C", "MEDIUM": "D", "LOW": "E", None: "E"}
NO_MAPPA_ROSH_TIERS = {"VERY_HIGH": "C", "HIGH": "D"}
# hmpps-tier TierCalculator.liferAndImprisonmentForPublicProtection: released on or after today
# minus 1 year -> B; on or after today minus 5 years -> D; otherwise E (calendar years).
LIFE_RECENT_RELEASE_YEARS = 1
LIFE_RELEASE_YEARS = 5
LIFE_RELEASED_WITHIN_1_YEAR = "B"
LIFE_RELEASED_WITHIN_5_YEARS = "D"
LIFE_OTHERWISE = "E"
REGISTRATION_TIERS = {"DOMESTIC_ABUSE": "E", "STALKING": "F", "CHILD_PROTECTION": "F"}
SEXUAL_OFFENCE_HISTORY_TIER = "E"


@dataclass(frozen=True)
class Score:
    score: float
    band: str = ""


@dataclass(frozen=True)
class SingleInputs:
    arp: Score | None = None
    csrp: Score | None = None
    dc_srp: Score | None = None
    arp_static: bool = False
    csrp_static: bool = False
    rosh: str | None = None
    mappa_category: int | None = None
    lifer_released_on: dt.date | None = None
    registrations: tuple[str, ...] = ()
    sexual_offence_history: bool = False
    as_of: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class SingleTier:
    tier: str
    provisional: bool
    working: list[str]


def highest(*tiers: str | None) -> str | None:
    given = [t for t in tiers if t]
    return min(given, key=TIERS.index) if given else None


def _row(csrp: float) -> int:
    return next(i for i, lower in enumerate(CSRP_ROW_LOWER_BOUNDS) if csrp >= lower)


def _column(arp: float) -> int:
    return next(i for i, lower in enumerate(ARP_COLUMN_LOWER_BOUNDS) if arp >= lower)


def dc_srp_tier(score: Score | None) -> str | None:
    if score is None or score.score <= 0:
        return None
    band = score.band.upper()
    if band == "MEDIUM":
        return next(
            (tier for lower, tier in DC_SRP_MEDIUM_STEPS if score.score >= lower),
            DC_SRP_MEDIUM_BELOW_STEPS,
        )
    return DC_SRP_BAND_TIERS.get(band)


def years_before(day: dt.date, years: int) -> dt.date:
    """`day` minus whole calendar years; 29 February falls back to 28 February (as Java's
    LocalDate.minusYears, which the Tier service uses)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def life_release_tier(released_on: dt.date, today: dt.date) -> str:
    """B if released on or after today minus 1 year, D if on or after today minus 5, else E."""
    if released_on >= years_before(today, LIFE_RECENT_RELEASE_YEARS):
        return LIFE_RELEASED_WITHIN_1_YEAR
    if released_on >= years_before(today, LIFE_RELEASE_YEARS):
        return LIFE_RELEASED_WITHIN_5_YEARS
    return LIFE_OTHERWISE


def single_tier(inputs: SingleInputs) -> SingleTier | None:
    """The single A-G tier; None when the ARP or CSRP predictor is missing."""
    if inputs.arp is None or inputs.csrp is None:
        return None
    working: list[str] = []
    row, column = _row(inputs.csrp.score), _column(inputs.arp.score)
    table = ARP_CSRP_TABLE[row][column]
    working.append(f"ARP {inputs.arp.score} x CSRP {inputs.csrp.score}: {table}")
    dc = dc_srp_tier(inputs.dc_srp)
    if dc:
        working.append(f"DC-SRP {inputs.dc_srp.score} ({inputs.dc_srp.band}): {dc}")  # type: ignore[union-attr]
    if inputs.mappa_category is not None:
        rosh_tier = MAPPA_ROSH_TIERS.get(inputs.rosh, "E")
        working.append(
            f"MAPPA category {inputs.mappa_category} with RoSH {inputs.rosh or 'missing'}: {rosh_tier}"
        )
    else:
        rosh_tier = NO_MAPPA_ROSH_TIERS.get(inputs.rosh or "")
        if rosh_tier:
            working.append(f"RoSH {inputs.rosh} without MAPPA: {rosh_tier}")
    life = None
    if inputs.lifer_released_on is not None:
        life = life_release_tier(inputs.lifer_released_on, inputs.as_of)
        working.append(f"Life or IPP, released {inputs.lifer_released_on:%d %b %Y}: {life}")
    registration = highest(*(REGISTRATION_TIERS.get(r) for r in inputs.registrations))
    if registration:
        working.append(f"Registrations {', '.join(inputs.registrations)}: {registration}")
    sexual = SEXUAL_OFFENCE_HISTORY_TIER if inputs.sexual_offence_history else None
    if sexual:
        working.append(f"Sexual offence history: {sexual}")

    others = highest(dc, rosh_tier, life, registration, sexual)
    tier = highest(table, others) or "G"
    provisional = False
    if inputs.arp_static and inputs.csrp_static:
        provisional = (others or "G") != "A"
        if provisional:
            working.append("ARP and CSRP are both static and no other step gives A: provisional")
    elif inputs.arp_static or inputs.csrp_static:
        best = ARP_CSRP_TABLE[row][0] if inputs.arp_static else ARP_CSRP_TABLE[0][column]
        if others is None or TIERS.index(others) > TIERS.index(best):
            provisional = True
            working.append(
                f"{'ARP' if inputs.arp_static else 'CSRP'} is static and could give up to {best}: provisional"
            )
    if inputs.rosh is None and not provisional:
        dynamic = highest(None if (inputs.arp_static or inputs.csrp_static) else table, dc)
        if inputs.mappa_category is not None:
            provisional = dynamic != "A"
        else:
            provisional = not (
                (dynamic and TIERS.index(dynamic) <= TIERS.index("C")) or life == "B"
            )
        if provisional:
            working.append("RoSH is missing: provisional")
    working.append(f"Tier {tier}: the highest of the steps")
    return SingleTier(tier, provisional, working)
