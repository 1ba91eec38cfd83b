"""The victim contact scheme's records: a compartment only victim liaison officers see."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.core.models import TimeStampedModel, VersionedModel
from openom.people.models import Person


class ContactPreference(models.TextChoices):
    LETTER = "LETTER", "Letter"
    PHONE = "PHONE", "Phone"
    EMAIL = "EMAIL", "Email"
    IN_PERSON = "IN_PERSON", "In person"


class Victim(VersionedModel):
    """A victim in the contact scheme: versioned and with its history kept (issue #14)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="victims")
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    relationship_to_offender = models.CharField(max_length=100, blank=True)
    address = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    contact_preference = models.CharField(
        max_length=20, choices=ContactPreference.choices, default=ContactPreference.LETTER
    )
    contact_offered_on = models.DateField(null=True, blank=True)
    opted_in = models.BooleanField(null=True, help_text="Blank until the victim has answered")
    views = models.TextField(blank=True, help_text="The victim's views, e.g. on licence conditions")
    liaison_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="victims_liaised"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["surname", "forename"]

    def __str__(self) -> str:
        return f"Victim record {self.pk}"


class VictimSummaryShare(TimeStampedModel):
    """A summary the VLO chooses to share with a named colleague (never the victim's details)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="victim_summaries")
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="victim_summaries"
    )
    summary = models.TextField()
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["shared_with", "person"])]

    def __str__(self) -> str:
        return f"Victim summary for user {self.shared_with_id}"
