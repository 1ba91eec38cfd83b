"""Custody adjustments and each release date calculation made from them."""

from django.conf import settings
from django.db import models

from openom.core.models import TimeStampedModel
from openom.people.models import Person
from openom.release.constants import AdjustmentKind
from openom.sentencing.models import Sentence


class CustodyAdjustment(TimeStampedModel):
    """Days added to or taken off custody, with the period or date they come from and, for time
    credited (remand, tagged bail...), the sentence they count towards."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="custody_adjustments")
    kind = models.CharField(max_length=50, choices=AdjustmentKind.choices)
    days = models.PositiveIntegerField()
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)
    sentence = models.ForeignKey(
        Sentence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="custody_adjustments",
        help_text="Remand, tagged bail and other time credited: the sentence it counts towards",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["kind", "from_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_date__isnull=True)
                | models.Q(from_date__isnull=True)
                | models.Q(to_date__gte=models.F("from_date")),
                name="custody_adjustment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days} days"


class ReleaseCalculation(models.Model):
    """One calculation of a custody case's release dates; the newest is the current one."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="release_calculations"
    )
    calculated_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=200)
    dates = models.JSONField(default=dict)
    effective_sentence_length = models.CharField(max_length=30, blank=True)
    breakdown = models.JSONField(default=dict)
    error = models.TextField(blank=True, help_text="Why the dates could not be calculated")
    calculated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-calculated_at", "-id"]
        indexes = [models.Index(fields=["person", "-calculated_at"])]

    def __str__(self) -> str:
        return f"Release calculation {self.pk}"
