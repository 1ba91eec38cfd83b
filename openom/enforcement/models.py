"""Enforcement decisions: warnings, breach proceedings and recalls, with their clocks."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.contacts.models import Contact
from openom.core.models import VersionedModel
from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome, RecallType
from openom.people.models import Person
from openom.sentencing.models import Sentence


class EnforcementAction(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enforcement_actions")
    sentence = models.ForeignKey(
        Sentence, on_delete=models.CASCADE, related_name="enforcement_actions"
    )
    kind = models.CharField(max_length=10, choices=ActionKind.choices)
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    triggered_by = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="+")
    failures = models.ManyToManyField(Contact, related_name="enforcement_actions")
    failure_date = models.DateField(help_text="The failure that started the clock")
    decided_on = models.DateField()
    deadline = models.DateField(
        db_index=True, help_text="Warning: response due; breach/recall: start by"
    )
    resolution_due = models.DateField(null=True, blank=True)
    warned_on = models.DateField(
        null=True,
        blank=True,
        help_text="Warning: the date it was given; its 12 months and the 7 days to respond run from it",
    )
    started_on = models.DateField(
        null=True, blank=True, help_text="Breach laid at court or recall requested"
    )
    recall_type = models.CharField(max_length=12, choices=RecallType.choices, blank=True)
    reasons = models.TextField(blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    authorised_on = models.DateField(null=True, blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=30, choices=BreachOutcome.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    working = models.JSONField(default=list, help_text="How the rules reached this decision")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [
            models.Index(fields=["person", "status"]),
            models.Index(fields=["status", "deadline"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"
