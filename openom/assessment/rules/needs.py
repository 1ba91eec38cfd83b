"""Criminogenic need scores and severities (DOMAIN.md §5.1, from ministryofjustice/hmpps-tier)."""

from collections.abc import Mapping
from enum import StrEnum


class Severity(StrEnum):
    NO_NEED = "NO_NEED"
    STANDARD = "STANDARD"
    SEVERE = "SEVERE"


# Answer values (DOMAIN.md §5.1): yes 2; none/some/significant 0/1/2; never/previous/currently 0/1/2.
MAX_ANSWER = 2
# (standard, severe) section score thresholds: DOMAIN.md §5.1; ministryofjustice/hmpps-tier
# client/arns/NeedSection.kt, each section's `threshold = Threshold(standard, severe)`.
SEVERITY_THRESHOLDS: dict[str, tuple[int, int]] = {
    "accommodation": (2, 7),  # NeedSection.Accommodation Threshold(2, 7)
    "ete": (3, 7),  # NeedSection.EducationTrainingEmployability Threshold(3, 7)
    "relationships": (2, 5),  # NeedSection.Relationships Threshold(2, 5)
    "lifestyle": (2, 5),  # NeedSection.LifestyleAndAssociates Threshold(2, 5)
    "drugs": (2, 8),  # NeedSection.DrugMisuse Threshold(2, 8)
    "alcohol": (4, 7),  # NeedSection.AlcoholMisuse Threshold(4, 7)
    "thinking_and_behaviour": (4, 7),  # NeedSection.ThinkingAndBehaviour Threshold(4, 7)
    "attitudes": (2, 7),  # NeedSection.Attitudes Threshold(2, 7)
}
# (standard, severe) used instead for a Strengths and Needs (SAN) assessment: hmpps-tier
# NeedSection.kt `sanThresholdOverride` (null for ETE, relationships and lifestyle, which keep
# their usual thresholds); NeedSection.getSeverity(sanIndicator).
SAN_SEVERITY_THRESHOLDS: dict[str, tuple[int, int]] = {
    "accommodation": (3, 5),  # NeedSection.Accommodation sanThresholdOverride Threshold(3, 5)
    "drugs": (2, 6),  # NeedSection.DrugMisuse sanThresholdOverride Threshold(2, 6)
    "alcohol": (2, 4),  # NeedSection.AlcoholMisuse sanThresholdOverride Threshold(2, 4)
    "thinking_and_behaviour": (3, 5),  # NeedSection.ThinkingAndBehaviour Threshold(3, 5)
    "attitudes": (1, 5),  # NeedSection.Attitudes sanThresholdOverride Threshold(1, 5)
}
# Tier change-axis weights per need (DOMAIN.md §5.1): finance and emotional wellbeing count 0.
NEED_WEIGHTS: dict[str, int] = {
    "accommodation": 1,
    "ete": 1,
    "relationships": 1,
    "lifestyle": 1,
    "drugs": 1,
    "alcohol": 1,
    "thinking_and_behaviour": 2,
    "attitudes": 2,
    "finance": 0,
    "emotional_wellbeing": 0,
}
# Severity points for the change axis: NO_NEED 0, STANDARD 1, SEVERE 2 (DOMAIN.md §5.1).
SEVERITY_POINTS = {Severity.NO_NEED: 0, Severity.STANDARD: 1, Severity.SEVERE: 2}


def section_score(answers: Mapping[str, int]) -> int:
    """The section's score: the sum of its answers, each 0 to 2."""
    for key, value in answers.items():
        if not 0 <= value <= MAX_ANSWER:
            raise ValueError(f"answer {key} must be 0, 1 or 2, not {value}")
    return sum(answers.values())


def need_severity(section: str, score: int, *, san: bool = False) -> Severity | None:
    """NO_NEED, STANDARD or SEVERE from the thresholds; None for a section without thresholds.

    `san`: the assessment is a Strengths and Needs assessment, whose overrides apply where the
    section has one (hmpps-tier NeedSection.getSeverity).
    """
    thresholds = SEVERITY_THRESHOLDS.get(section)
    if thresholds is None:
        return None
    if san:
        thresholds = SAN_SEVERITY_THRESHOLDS.get(section, thresholds)
    standard, severe = thresholds
    if score >= severe:
        return Severity.SEVERE
    if score >= standard:
        return Severity.STANDARD
    return Severity.NO_NEED
