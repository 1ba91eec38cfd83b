from django.db import models


class ActionKind(models.TextChoices):
    WARNING = "WARNING", "Warning"
    BREACH = "BREACH", "Breach proceedings"
    RECALL = "RECALL", "Recall"


class ActionStatus(models.TextChoices):
    OPEN = "OPEN", "Decided: action to take"
    STARTED = "STARTED", "Proceedings started"
    RESOLVED = "RESOLVED", "Resolved"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"


class RecallType(models.TextChoices):
    STANDARD = "STANDARD", "Standard recall"
    FIXED_TERM = "FIXED_TERM", "Fixed-term recall"


class BreachOutcome(models.TextChoices):
    CONTINUED = "CONTINUED", "Order continued"
    AMENDED = "AMENDED", "Order amended (more onerous requirements or a fine)"
    REVOKED_RESENTENCED = "REVOKED_RESENTENCED", "Order revoked and resentenced"
    WITHDRAWN = "WITHDRAWN", "Breach withdrawn"
    RETURNED_TO_CUSTODY = "RETURNED_TO_CUSTODY", "Recalled: returned to custody"
    RECALL_CANCELLED = "RECALL_CANCELLED", "Recall not made"
