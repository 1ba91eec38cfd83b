from django.db import models


class AdjustmentKind(models.TextChoices):
    """Custody adjustments, named as the release date calculation service names them."""

    REMAND = "REMAND", "Remand (time spent in custody before sentence)"
    TAGGED_BAIL = "TAGGED_BAIL", "Tagged bail"
    UNLAWFULLY_AT_LARGE = "UNLAWFULLY_AT_LARGE", "Unlawfully at large"
    ADDITIONAL_DAYS_AWARDED = "ADDITIONAL_DAYS_AWARDED", "Additional days awarded"
    RESTORATION_OF_ADDITIONAL_DAYS_AWARDED = (
        "RESTORATION_OF_ADDITIONAL_DAYS_AWARDED",
        "Restoration of additional days awarded",
    )


# Adjustments entered as a period (from and to dates) rather than a number of days.
PERIOD_ADJUSTMENTS = frozenset({AdjustmentKind.REMAND, AdjustmentKind.UNLAWFULLY_AT_LARGE})

DATE_LABELS = {
    "CRD": "Conditional release date",
    "ARD": "Automatic release date",
    "SED": "Sentence expiry date",
    "LED": "Licence expiry date",
    "SLED": "Sentence and licence expiry date",
    "PED": "Parole eligibility date",
    "HDCED": "Home detention curfew eligibility date",
    "HDCED4PLUS": "HDC eligibility (4 years or more)",
    "ERSED": "Early removal scheme eligibility date",
    "TUSED": "Top-up supervision expiry date",
    "NPD": "Non-parole date",
    "ETD": "Early transfer date",
    "MTD": "Mid transfer date",
    "LTD": "Late transfer date",
    "PRRD": "Post-recall release date",
    "ESED": "Effective sentence end date",
    "NCRD": "Notional conditional release date",
}
# The date the person is expected to leave custody, most certain first.
RELEASE_DATE_PRECEDENCE = ("PRRD", "CRD", "ARD", "MTD", "PED")
