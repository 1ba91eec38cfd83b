"""Sentence plans: objectives against needs and risk, the person's own part, and reviews."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.core.models import AutosavedModel, TimeStampedModel, VersionedModel
from openom.people.models import Person
from openom.planning.constants import Need, ObjectiveStatus, Progress, ReviewReason
from openom.sentencing.models import Sentence


class SentencePlan(AutosavedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sentence_plans")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="plans")
    start_date = models.DateField(help_text="Sentence date, or release date for a licence")
    due_date = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True)
    person_participated = models.BooleanField(default=False, help_text="The person helped write it")
    person_agreed = models.BooleanField(default=False)
    person_comments = models.TextField(blank=True, help_text="In the person's own words")
    risk_management_plan = models.TextField(
        blank=True, help_text="Where the risk management plan is, or its summary"
    )
    next_review_due = models.DateField(null=True, blank=True, db_index=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["sentence"], name="one_plan_per_sentence"),
        ]

    def __str__(self) -> str:
        return f"Sentence plan {self.pk}"


class Objective(VersionedModel):
    """One objective of a sentence plan: versioned and with its history kept (issue #14)."""

    plan = models.ForeignKey(SentencePlan, on_delete=models.CASCADE, related_name="objectives")
    need = models.CharField(max_length=30, choices=Need.choices)
    purposes = models.JSONField(default=list, help_text="SentencingPurpose codes")
    description = models.TextField()
    interventions = models.TextField(blank=True)
    responsible = models.CharField(max_length=200, help_text="Who does what")
    target_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=ObjectiveStatus.choices, default=ObjectiveStatus.NOT_STARTED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["target_date", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


class PlanReview(TimeStampedModel):
    plan = models.ForeignKey(SentencePlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reason = models.CharField(max_length=30, choices=ReviewReason.choices)
    summary = models.TextField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"Review on {self.reviewed_on}"


class ObjectiveProgress(models.Model):
    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="progress")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="progress")
    progress = models.CharField(max_length=10, choices=Progress.choices)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "objective"], name="one_progress_per_objective_review"
            ),
        ]

    def __str__(self) -> str:
        return self.get_progress_display()
