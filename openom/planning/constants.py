from django.db import models


class SentencingPurpose(models.TextChoices):
    """The purposes an objective serves (the 2005 offender management model: punish, help,
    change, control)."""

    PUNISH = "PUNISH", "Punish"
    HELP = "HELP", "Help"
    CHANGE = "CHANGE", "Change"
    CONTROL = "CONTROL", "Control"


class Need(models.TextChoices):
    """Criminogenic needs (DOMAIN.md §2.4) and risk of harm, which objectives address."""

    ACCOMMODATION = "ACCOMMODATION", "Accommodation"
    ETE = "ETE", "Education, training and employment"
    FINANCE = "FINANCE", "Finance"
    RELATIONSHIPS = "RELATIONSHIPS", "Relationships"
    LIFESTYLE = "LIFESTYLE", "Lifestyle and associates"
    DRUGS = "DRUGS", "Drug misuse"
    ALCOHOL = "ALCOHOL", "Alcohol misuse"
    EMOTIONAL_WELLBEING = "EMOTIONAL_WELLBEING", "Emotional wellbeing"
    THINKING_AND_BEHAVIOUR = "THINKING_AND_BEHAVIOUR", "Thinking and behaviour"
    ATTITUDES = "ATTITUDES", "Attitudes"
    RISK_OF_HARM = "RISK_OF_HARM", "Risk of serious harm"
    COMPLIANCE = "COMPLIANCE", "Compliance with the order"


class ObjectiveStatus(models.TextChoices):
    NOT_STARTED = "NOT_STARTED", "Not started"
    IN_PROGRESS = "IN_PROGRESS", "In progress"
    ACHIEVED = "ACHIEVED", "Achieved"
    NOT_ACHIEVED = "NOT_ACHIEVED", "Not achieved"
    NO_LONGER_NEEDED = "NO_LONGER_NEEDED", "No longer needed"


class Progress(models.TextChoices):
    GOOD = "GOOD", "Good progress"
    SOME = "SOME", "Some progress"
    NONE = "NONE", "No progress"
    WORSE = "WORSE", "Going backwards"


class ReviewReason(models.TextChoices):
    SCHEDULED = "SCHEDULED", "Scheduled review"
    SIGNIFICANT_CHANGE = "SIGNIFICANT_CHANGE", "Significant change"
    TERMINATION = "TERMINATION", "End of the order or licence"
