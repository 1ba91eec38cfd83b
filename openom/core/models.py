"""Abstract bases shared by the domain apps."""

from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record two people may edit at once.

    Forms carry the `version` they were read at; a service saving an edit compares it with the
    locked row and refuses (EditConflict) instead of overwriting someone else's change.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def is_current_for(self, version: int, actor) -> bool:
        """Whether a save read at `version` overwrites no one else's change."""
        return version == self.version

    def mark_saved(self, actor) -> None:
        """Move the version on for a save (call on the locked row before save())."""
        self.version += 1
        # django-simple-history records who saved this version, in a request or not.
        self._history_user = actor


class AutosavedModel(VersionedModel):
    """A draft saved as its author types (htmx) as well as by its buttons.

    The page's own autosaves move the version on between the form being drawn and its buttons
    being pressed, so a save is refused only when someone *else* has saved since the author
    read it: `last_saved_by` and `run_started_at_version` mark the author's unbroken run.
    """

    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    run_started_at_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def is_current_for(self, version: int, actor) -> bool:
        """Whether a save read at `version` by `actor` overwrites no one else's change."""
        if version == self.version:
            return True
        own_run = self.last_saved_by_id is not None and self.last_saved_by_id == actor.pk
        return own_run and self.run_started_at_version - 1 <= version < self.version

    def mark_saved(self, actor) -> None:
        """Move the version on for a save by `actor` (call on the locked row before save())."""
        self.version += 1
        self._history_user = actor
        if self.last_saved_by_id != actor.pk:
            self.last_saved_by = actor
            self.run_started_at_version = self.version


class Sequence(models.Model):
    """A named counter handed out under a row lock (case reference numbers, event numbers)."""

    name = models.CharField(max_length=50, unique=True)
    last_value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.last_value}"


class FormSubmission(models.Model):
    """A create form's one-time token, consumed by its first successful save.

    Each create page carries a fresh token; saving it inserts this row (the token is unique) in
    the same transaction as the record it creates. A resubmitted form, or the same form posted
    twice at once, finds the token taken and creates nothing new: it is shown the record the
    first submission created.
    """

    token = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return f"Form {self.token} ({self.description or 'no record'})"
