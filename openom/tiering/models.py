"""Each tier calculation for a case, kept as history with the reason it changed."""

from django.conf import settings
from django.db import models

from openom.people.models import Person


class TierCalculation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tier_calculations")
    calculated_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=200)
    two_axis_tier = models.CharField(max_length=3, db_index=True)
    protect = models.CharField(max_length=1)
    change = models.PositiveSmallIntegerField()
    protect_points = models.PositiveIntegerField()
    change_points = models.PositiveIntegerField()
    single_tier = models.CharField(max_length=1, blank=True)
    single_provisional = models.BooleanField(default=False)
    working = models.JSONField(default=list)
    inputs = models.JSONField(default=dict)
    calculated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-calculated_at", "-pk"]
        indexes = [models.Index(fields=["person", "-calculated_at"])]

    def __str__(self) -> str:
        return f"Tier {self.two_axis_tier}"
