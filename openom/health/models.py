"""Health information about a person: a compartment health partners hold."""

from django.conf import settings
from django.db import models

from openom.core.models import TimeStampedModel
from openom.people.models import Person


class HealthCategory(models.TextChoices):
    MENTAL_HEALTH = "MENTAL_HEALTH", "Mental health"
    SUBSTANCE_MISUSE = "SUBSTANCE_MISUSE", "Substance misuse treatment"
    PHYSICAL_HEALTH = "PHYSICAL_HEALTH", "Physical health"


class HealthRecord(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="health_records")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField()
    category = models.CharField(max_length=30, choices=HealthCategory.choices)
    summary = models.TextField()

    class Meta:
        ordering = ["-recorded_on"]

    def __str__(self) -> str:
        return f"Health record {self.pk}"
