"""One IOM scheme per probation area: its matrix, referrals, candidates, the cohort and meetings."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.core.models import TimeStampedModel, VersionedModel
from openom.iom import rules
from openom.iom.constants import (
    DEFAULT_COHORT_LABELS,
    DEFAULT_INTENSITIES,
    Pathway,
    ReferralStatus,
    ReviewDecision,
    StatutoryStatus,
)
from openom.offences.constants import OffenceCategory
from openom.people.models import Person

USER = settings.AUTH_USER_MODEL


def _intensities():
    return [dict(item) for item in DEFAULT_INTENSITIES]


def _cohort_labels():
    return list(DEFAULT_COHORT_LABELS)


class Scheme(VersionedModel):
    area = models.OneToOneField(
        "organisations.Agency", on_delete=models.PROTECT, related_name="iom_scheme"
    )
    police_force = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=200)
    capacity = models.PositiveIntegerField(default=70)
    intensities = models.JSONField(default=_intensities)
    cohort_labels = models.JSONField(default=_cohort_labels)
    step_down_below = models.DecimalField(max_digits=6, decimal_places=1, default=Decimal(15))
    deselect_below = models.DecimalField(max_digits=6, decimal_places=1, default=Decimal(8))
    minutes_per_case = models.PositiveSmallIntegerField(default=rules.DEFAULT_MINUTES_PER_CASE)

    def __str__(self) -> str:
        return self.name

    def matrix(self, district_id: int | None = None) -> rules.Matrix:
        """The scheme's matrix; a district's own priority multipliers override the scheme's."""
        weights = {
            w.offence_category: w.multiplier
            for w in self.priority_weights.filter(district__isnull=True)
        }
        if district_id is not None:
            weights |= {
                w.offence_category: w.multiplier
                for w in self.priority_weights.filter(district_id=district_id)
            }
        return rules.Matrix(
            factors=tuple(
                rules.Factor(f.key, f.label, f.weight, f.by_offence_type)
                for f in self.factors.filter(active=True).order_by("position", "pk")
            ),
            priority_weights=weights,
        )

    def intensity_index(self, key: str) -> int:
        keys = [item["key"] for item in self.intensities]
        return keys.index(key) if key in keys else 0

    def intensity_label(self, key: str) -> str:
        return next((i["label"] for i in self.intensities if i["key"] == key), key)


class MatrixFactor(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="factors")
    key = models.SlugField(max_length=40)
    label = models.CharField(max_length=200)
    weight = models.DecimalField(max_digits=5, decimal_places=2)
    by_offence_type = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "key"], name="factor_once_per_scheme")
        ]

    def __str__(self) -> str:
        return f"{self.label} x {self.weight}"


class PriorityWeight(models.Model):
    """A local priority crime type's multiplier, for the whole scheme or one district (CSP)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="priority_weights")
    district = models.ForeignKey(
        "organisations.LocalDeliveryUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Blank: the whole scheme; otherwise this district's own priority",
    )
    offence_category = models.CharField(max_length=30, choices=OffenceCategory.choices)
    multiplier = models.DecimalField(max_digits=4, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "offence_category"],
                condition=models.Q(district__isnull=True),
                name="one_weight_per_type",
            ),
            models.UniqueConstraint(
                fields=["scheme", "district", "offence_category"],
                condition=models.Q(district__isnull=False),
                name="one_district_weight_per_type",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_offence_category_display()} x {self.multiplier}"


class IomReferral(TimeStampedModel):
    """The single referral point: any agency refers, with its evidence (rec 1-2)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="referrals")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="iom_referrals")
    referred_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    referring_agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="+"
    )
    referred_on = models.DateField()
    reason = models.TextField()
    evidence = models.TextField(blank=True)
    statutory_status = models.CharField(max_length=20, choices=StatutoryStatus.choices)
    arrests_12m = models.PositiveSmallIntegerField(
        default=0, help_text="Arrests in the last 12 months"
    )
    community_harm = models.PositiveSmallIntegerField(
        default=0, help_text="Harm to the community, 0 (none) to 3 (severe)"
    )
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PENDING
    )
    screened_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    screened_on = models.DateField(null=True, blank=True)
    screening_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["scheme", "status"])]

    def __str__(self) -> str:
        return f"IOM referral for {self.person.crn} on {self.referred_on}"


class CandidateScore(models.Model):
    """A matrix score of one person on one day, with its inputs and working."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="scores")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="iom_scores")
    scored_on = models.DateField()
    score = models.DecimalField(max_digits=7, decimal_places=1)
    inputs = models.JSONField()
    working = models.JSONField()

    class Meta:
        ordering = ["-scored_on", "-pk"]
        indexes = [models.Index(fields=["scheme", "person", "scored_on"])]

    def __str__(self) -> str:
        return f"{self.score} on {self.scored_on}"


class Membership(VersionedModel):
    """A place in the one cohort, at an intensity on the sliding scale."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="iom_memberships")
    district = models.ForeignKey(
        "organisations.LocalDeliveryUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cohort_label = models.CharField(max_length=40, blank=True)
    intensity = models.CharField(max_length=20)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    onward_support = models.TextField(
        blank=True, help_text="The glide path after deselection (rec 18)"
    )
    next_review_due = models.DateField(db_index=True)
    joining_score = models.DecimalField(max_digits=7, decimal_places=1)

    class Meta:
        ordering = ["next_review_due", "pk"]
        indexes = [models.Index(fields=["scheme", "end_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="one_open_iom_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person.crn} at {self.intensity}"


class IntensityChange(models.Model):
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="intensity_history"
    )
    intensity = models.CharField(max_length=20)
    changed_on = models.DateField()
    reason = models.TextField()
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-changed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.intensity} from {self.changed_on}"


class MemberReview(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    score = models.ForeignKey(CandidateScore, on_delete=models.PROTECT, related_name="+")
    proposal = models.CharField(max_length=10, choices=ReviewDecision.choices)
    proposal_reasons = models.JSONField(default=list)
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    notes = models.TextField()
    reviewed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"Review on {self.reviewed_on}: {self.get_decision_display()}"


class ActionPlanItem(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="actions")
    pathway = models.CharField(max_length=20, choices=Pathway.choices)
    action = models.TextField()
    owner_agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pathway", "due_date"]

    def __str__(self) -> str:
        return f"{self.get_pathway_display()}: {self.action[:40]}"


class LinkWorker(models.Model):
    """The named worker IOM holds responsible for liaison with a sector (rec 12)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="link_workers")
    pathway = models.CharField(max_length=20, choices=Pathway.choices)
    name = models.CharField(max_length=200)
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    contact = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "pathway"], name="one_link_worker_per_sector")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency}) for {self.get_pathway_display()}"


class CaseMeeting(TimeStampedModel):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    minutes_per_case = models.PositiveSmallIntegerField()
    agency_minutes = models.PositiveIntegerField()
    whole_meeting_agency_minutes = models.PositiveIntegerField()
    unordered_agency_minutes = models.PositiveIntegerField()
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-date"]

    @property
    def hours_saved(self) -> Decimal:
        return (Decimal(self.whole_meeting_agency_minutes - self.agency_minutes) / 60).quantize(
            Decimal("0.1")
        )


class CaseMeetingItem(VersionedModel):
    """One member's discussion at a case management meeting (versioned, history kept)."""

    meeting = models.ForeignKey(CaseMeeting, on_delete=models.CASCADE, related_name="items")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    starts_minute = models.PositiveIntegerField()
    agencies = models.JSONField()
    minutes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]

    def __str__(self) -> str:
        return f"{self.position}. {self.membership}"
