"""The diary: appointments and contacts with their outcomes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from openom.contacts.constants import ContactOutcome, ContactType
from openom.core.models import VersionedModel
from openom.people.models import Person
from openom.sentencing.models import Requirement, Sentence


class Contact(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    sentence = models.ForeignKey(
        Sentence, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts"
    )
    requirement = models.ForeignKey(
        Requirement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        help_text="The requirement this session delivers (unpaid work, programme, RAR)",
    )
    contact_type = models.CharField(max_length=20, choices=ContactType.choices)
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=200, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts"
    )
    enforceable = models.BooleanField(default=True, help_text="Missing it is a failure to comply")
    is_induction = models.BooleanField(default=False)
    counts_as_rar_day = models.BooleanField(default=False)
    outcome = models.CharField(max_length=30, choices=ContactOutcome.choices, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    evidence = models.TextField(blank=True, help_text="Why an absence was acceptable")
    hours_credited = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            # One appointment per person per start time: a double submit cannot arrange the
            # same appointment twice (a second one missed would count as a second failure).
            models.UniqueConstraint(
                fields=["person", "starts_at"], name="one_appointment_per_person_per_time"
            )
        ]
        indexes = [
            models.Index(fields=["person", "starts_at"]),
            models.Index(fields=["officer", "outcome", "starts_at"]),
            # The worklists' "outcome to record": only the few contacts still without one.
            models.Index(
                fields=["person", "starts_at"],
                condition=models.Q(outcome=""),
                name="contact_outcome_to_record",
            ),
        ]

    def __str__(self) -> str:
        # Stored in UTC; people read it in Europe/London (BST in summer).
        return (
            f"{self.get_contact_type_display()} {timezone.localtime(self.starts_at):%d %b %Y %H:%M}"
        )
