from django.db import models


class RoshLevel(models.TextChoices):
    LOW = "LOW", "Low"
    MEDIUM = "MEDIUM", "Medium"
    HIGH = "HIGH", "High"
    VERY_HIGH = "VERY_HIGH", "Very high"


ROSH_ORDER = {RoshLevel.LOW: 0, RoshLevel.MEDIUM: 1, RoshLevel.HIGH: 2, RoshLevel.VERY_HIGH: 3}
# Seed 003 §1.2 and DOMAIN.md §2.4: high and very high RoSH work is countersigned by a manager.
COUNTERSIGNED_LEVELS = frozenset({RoshLevel.HIGH, RoshLevel.VERY_HIGH})


class AssessmentStatus(models.TextChoices):
    DRAFT = "DRAFT", "In progress"
    AWAITING_COUNTERSIGNATURE = "AWAITING_COUNTERSIGNATURE", "Awaiting countersignature"
    COMPLETE = "COMPLETE", "Complete"


class AssessmentPurpose(models.TextChoices):
    START = "START", "Start of sentence or licence"
    REVIEW = "REVIEW", "Review"
    SIGNIFICANT_CHANGE = "SIGNIFICANT_CHANGE", "Significant change"
    TERMINATION = "TERMINATION", "End of sentence"


class AnswerScale(models.TextChoices):
    """How a need question is answered and scored (DOMAIN.md §5.1)."""

    YES_NO = "YES_NO", "Yes or no (yes scores 2)"
    PROBLEMS = "PROBLEMS", "None, some or significant problems (0, 1, 2)"
    HISTORY = "HISTORY", "Never, previously or currently (0, 1, 2)"


class Predictor(models.TextChoices):
    """Predictors recorded from an external assessment tool (OGRS3 is computed here)."""

    RSR = "RSR", "Risk of serious recidivism"
    OSP_C = "OSP_C", "OSP/C (contact sexual)"
    OSP_I = "OSP_I", "OSP/I (indecent images)"
    OGP = "OGP", "OGP (general, dynamic)"
    OVP = "OVP", "OVP (violent, dynamic)"
    ARP = "ARP", "All reoffending predictor"
    CSRP = "CSRP", "Combined serious reoffending predictor"
    DC_SRP = "DC_SRP", "Direct contact sexual reoffending predictor"
