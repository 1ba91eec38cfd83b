"""Police intelligence about a person: a compartment police staff hold."""

from django.conf import settings
from django.db import models

from openom.core.models import TimeStampedModel
from openom.people.models import Person


class SourceEvaluation(models.TextChoices):
    """The 3x5x2 intelligence model's source evaluation (College of Policing APP)."""

    RELIABLE = "1", "1: Reliable"
    UNTESTED = "2", "2: Untested"
    NOT_RELIABLE = "3", "3: Not reliable"


class IntelligenceItem(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intelligence")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField()
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices)
    summary = models.TextField()

    class Meta:
        ordering = ["-recorded_on"]

    def __str__(self) -> str:
        return f"Intelligence item {self.pk}"
