"""The access log (every read of case data) and the audit trail (every change)."""

from django.conf import settings
from django.db import models

from openom.access.constants import AccessChannel, CasePart, RestrictionKind, SharingBasis
from openom.people.models import Person


class AccessLog(models.Model):
    """Append-only: no view, form or admin page can change or delete a row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="access_log")
    part = models.CharField(max_length=30, choices=CasePart.choices)
    channel = models.CharField(max_length=10, choices=AccessChannel.choices)
    reason = models.CharField(max_length=500, blank=True)
    page = models.CharField(
        max_length=80, blank=True, help_text="The page (URL name) that showed the case"
    )
    accessed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-accessed_at"]
        indexes = [
            models.Index(fields=["person", "-accessed_at"]),
            models.Index(fields=["user", "-accessed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.part} of {self.person_id} at {self.accessed_at}"


class AuditEvent(models.Model):
    """A change to case data, written in the same transaction as the change."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    action = models.CharField(max_length=60)
    detail = models.TextField(blank=True)
    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["person", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id} at {self.occurred_at}"


class CaseShare(models.Model):
    """A recorded reason a case is visible to another agency, and which parts it sees.

    MAPPA level 2/3 and IOM cohorts and referrals create these for the agencies involved;
    an information-sharing record is made by hand and names its legal basis and approver.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="shares")
    agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="case_shares"
    )
    basis = models.CharField(max_length=30, choices=SharingBasis.choices)
    parts = models.JSONField(help_text="The case parts shared, as CasePart codes")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    legal_basis = models.CharField(max_length=300)
    reason = models.TextField(blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["agency", "person", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="share_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} with {self.agency} from {self.start_date}"

    def part_labels(self) -> list[str]:
        return [CasePart(part).label for part in self.parts]


class CaseRestriction(models.Model):
    """Exclusion (named staff must not see) and restriction (only named staff may see) lists."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="restrictions")
    kind = models.CharField(max_length=20, choices=RestrictionKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "user"], name="one_restriction_row"),
        ]
        indexes = [models.Index(fields=["user", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: user {self.user_id}"


class OutOfTeamAccess(models.Model):
    """A reason given to open a case outside one's own team, valid for a few hours."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="out_of_team_accesses"
    )
    reason = models.CharField(max_length=500)
    granted_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "person", "expires_at"])]

    def __str__(self) -> str:
        return f"user {self.user_id} on {self.person_id} until {self.expires_at}"
