import datetime as dt

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
    RECALL_REMAND = "RECALL_REMAND", "Recall remand (custody before a recall sentence)"
    RECALL_TAGGED_BAIL = "RECALL_TAGGED_BAIL", "Recall tagged bail"
    SPECIAL_REMISSION = "SPECIAL_REMISSION", "Special remission"
    TIME_SPENT_IN_CUSTODY_ABROAD = (
        "TIME_SPENT_IN_CUSTODY_ABROAD",
        "Time spent in custody abroad",
    )


# Adjustments entered as a period (from and to dates); the days default to the whole period,
# counting both the first and the last day (CJA 2003 s240ZA: each day remanded in custody counts).
PERIOD_ADJUSTMENTS = frozenset(
    {
        AdjustmentKind.REMAND,
        AdjustmentKind.RECALL_REMAND,
        AdjustmentKind.UNLAWFULLY_AT_LARGE,
    }
)
# Time credited against a particular sentence (CJA 2003 s240ZA remand, s240A tagged bail, s243
# custody abroad): the adjustment is recorded against the sentence it counts towards.
SENTENCE_ADJUSTMENTS = frozenset(
    {
        AdjustmentKind.REMAND,
        AdjustmentKind.TAGGED_BAIL,
        AdjustmentKind.RECALL_REMAND,
        AdjustmentKind.RECALL_TAGGED_BAIL,
        AdjustmentKind.SPECIAL_REMISSION,
        AdjustmentKind.TIME_SPENT_IN_CUSTODY_ABROAD,
    }
)
# Adjustments that take effect on a date of their own: unlawfully at large from its first day,
# additional days from the adjudication that awarded them (Prison Rules 1999 r.55), and their
# restoration from the date of the governor's decision (r.61).
DATED_ADJUSTMENTS = frozenset(
    {
        AdjustmentKind.UNLAWFULLY_AT_LARGE,
        AdjustmentKind.ADDITIONAL_DAYS_AWARDED,
        AdjustmentKind.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED,
    }
)
# Remand and tagged bail count only towards a sentence imposed after them (CJA 2003 s240ZA(1)).
BEFORE_SENTENCE_ADJUSTMENTS = frozenset({AdjustmentKind.REMAND, AdjustmentKind.TAGGED_BAIL})
# No adjustment starts before this date: a sensible window for what users type (a custody period
# beginning in 1900 or year 1 is a typing mistake, not a record).
EARLIEST_ADJUSTMENT_DATE = dt.date(1950, 1, 1)

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
