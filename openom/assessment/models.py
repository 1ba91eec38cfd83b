"""Assessments: risk of serious harm, criminogenic needs, predictors; versioned per person."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.assessment.constants import AssessmentPurpose, AssessmentStatus, Predictor, RoshLevel
from openom.core.models import AutosavedModel, TimeStampedModel
from openom.people.models import Person

ROSH_FIELD = {"max_length": 10, "choices": RoshLevel.choices, "blank": True}


class Assessment(AutosavedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    purpose = models.CharField(max_length=30, choices=AssessmentPurpose.choices)
    status = models.CharField(
        max_length=30,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
        db_index=True,
    )
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    countersigned_on = models.DateField(null=True, blank=True)
    # Risk of serious harm: screening, then full analysis where it says so (seed 003 §1.2(b)).
    full_analysis_needed = models.BooleanField(null=True)
    no_full_analysis_reason = models.TextField(blank=True)
    rosh_children = models.CharField("to children (community)", **ROSH_FIELD)
    rosh_public = models.CharField("to the public (community)", **ROSH_FIELD)
    rosh_known_adult = models.CharField("to a known adult (community)", **ROSH_FIELD)
    rosh_staff = models.CharField("to staff (community)", **ROSH_FIELD)
    custody_rosh_children = models.CharField("to children (custody)", **ROSH_FIELD)
    custody_rosh_public = models.CharField("to the public (custody)", **ROSH_FIELD)
    custody_rosh_known_adult = models.CharField("to a known adult (custody)", **ROSH_FIELD)
    custody_rosh_staff = models.CharField("to staff (custody)", **ROSH_FIELD)
    custody_rosh_prisoners = models.CharField("to prisoners (custody)", **ROSH_FIELD)
    overall_rosh = models.CharField(
        max_length=10, choices=RoshLevel.choices, blank=True, db_index=True
    )
    who_is_at_risk = models.TextField(blank=True)
    nature_of_risk = models.TextField(blank=True)
    imminence = models.TextField(blank=True)
    risk_increases = models.TextField("what increases the risk", blank=True)
    risk_reduces = models.TextField("what reduces the risk", blank=True)
    risk_to_self = models.TextField(blank=True)
    protective_factors = models.TextField(blank=True)
    diversity_needs = models.TextField(blank=True)
    learning_and_basic_skills = models.TextField(blank=True)
    answers = models.JSONField(default=dict, help_text="{section: {question: 0-2}}")
    links = models.JSONField(
        default=dict, help_text="{section: {'harm': bool, 'reoffending': bool}}"
    )
    ogrs3_one_year = models.PositiveSmallIntegerField(null=True, blank=True)
    ogrs3_two_year = models.PositiveSmallIntegerField(null=True, blank=True)
    ogrs3_band = models.CharField(max_length=10, blank=True)
    ogrs3_working = models.JSONField(default=dict, blank=True)
    dynamic_predictors = models.JSONField(
        default=dict,
        blank=True,
        help_text="OGP and OVP computed from this assessment's answers and the record",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["person", "status", "-completed_on"])]

    def __str__(self) -> str:
        return f"Assessment {self.pk} ({self.get_status_display()})"


class NeedScore(models.Model):
    """A completed assessment's need section: its score and severity, for change and reports."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="need_scores")
    section = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()
    severity = models.CharField(max_length=10, blank=True)
    linked_to_harm = models.BooleanField(default=False)
    linked_to_reoffending = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "section"], name="one_score_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.score}"


class PredictorScore(TimeStampedModel):
    """A predictor score from an external assessment tool, with its band and static/dynamic flag."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="predictor_scores")
    predictor = models.CharField(max_length=10, choices=Predictor.choices)
    score = models.DecimalField(max_digits=6, decimal_places=2)
    band = models.CharField(max_length=12)
    is_static = models.BooleanField(default=False)
    assessed_on = models.DateField()
    source = models.CharField(max_length=100, default="External assessment tool")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["person", "predictor", "-assessed_on"])]

    def __str__(self) -> str:
        return f"{self.get_predictor_display()}: {self.score} ({self.band})"
