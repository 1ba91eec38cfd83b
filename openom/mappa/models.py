"""The MAPPA register, MAPP meetings and the civil orders of registered sexual offenders."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from openom.core.models import TimeStampedModel, VersionedModel
from openom.mappa.constants import (
    BreachOutcome,
    Category,
    CivilOrderKind,
    CivilOrderStatus,
    Level,
    LifetimeReviewOutcome,
    MeetingStatus,
    NotificationKind,
    ReferralStatus,
    RegistrationEndReason,
    Whereabouts,
)
from openom.people.models import Person

USER = settings.AUTH_USER_MODEL


class MappaReferral(TimeStampedModel):
    """A referral to MAPPA (for category 3, or for level 2/3 management), from any agency."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mappa_referrals")
    referred_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    referring_agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="+"
    )
    police_force = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.PROTECT,
        related_name="mappa_referrals",
        help_text="The MAPPA area's police force, whose coordinator decides the referral",
    )
    referred_on = models.DateField()
    level_requested = models.PositiveSmallIntegerField(choices=Level.choices)
    reason = models.TextField(help_text="Why multi-agency management is needed")
    risk_of_serious_harm = models.BooleanField(default=False)
    risk_linked_to_offending = models.BooleanField(default=False)
    expected_release_date = models.DateField(
        null=True, blank=True, help_text="For a referral from custody, before release"
    )
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PENDING
    )
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["police_force", "status"])]
        constraints = [
            # One referral waiting for a decision per person: a second (a double submit, or a
            # colleague referring at the same moment) is refused, never a duplicate to decide.
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status="PENDING"),
                name="one_open_mappa_referral_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"MAPPA referral for {self.person.crn} on {self.referred_on}"


class MappaRegistration(VersionedModel):
    """One period of MAPPA management: the category, the current level and who manages it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mappa_registrations")
    category = models.PositiveSmallIntegerField(choices=Category.choices, db_index=True)
    category_reasons = models.JSONField(default=list, help_text="The rules' reasons")
    level = models.PositiveSmallIntegerField(choices=Level.choices, db_index=True)
    police_force = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="mappa_registrations"
    )
    police_unit = models.ForeignKey(
        "organisations.LocalDeliveryUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The police basic command unit (division) that manages the person",
    )
    probation_area = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    referral = models.ForeignKey(
        MappaReferral, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=RegistrationEndReason.choices, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    release_date = models.DateField(
        null=True, blank=True, help_text="Expected release from custody, if in custody"
    )
    level_confirmed_to_prison_at = models.DateTimeField(null=True, blank=True)
    level_confirmed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    transferred_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transferred_to",
        help_text="The registration in the sending MAPPA area, ended by the transfer",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["police_force", "end_date", "level"]),
            models.Index(fields=["person", "end_date"]),
            models.Index(fields=["next_review_due"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="one_open_mappa_registration_per_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(
                    category=Category.OTHER_DANGEROUS_OFFENDER, level=Level.ORDINARY
                ),
                name="category_3_is_managed_at_level_2_or_3",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="mappa_registration_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"MAPPA category {self.category}, level {self.level} ({self.person.crn})"


class LevelDecision(models.Model):
    """The level history: each decision with its rationale and who made it."""

    registration = models.ForeignKey(
        MappaRegistration, on_delete=models.CASCADE, related_name="level_decisions"
    )
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    decided_on = models.DateField()
    rationale = models.TextField()
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        "MappMeeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["registration", "decided_on"])]

    def __str__(self) -> str:
        return f"Level {self.level} from {self.decided_on}"


class MappMeeting(TimeStampedModel):
    """A level 2 meeting (per police division) or level 3 meeting (county-wide)."""

    level = models.PositiveSmallIntegerField(
        choices=[(Level.MULTI_AGENCY, "Level 2"), (Level.SENIOR, "Level 3")]
    )
    police_force = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="mapp_meetings"
    )
    police_unit = models.ForeignKey(
        "organisations.LocalDeliveryUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Level 2: the police division; level 3 meetings are county-wide",
    )
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=200)
    chair = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    agencies = models.ManyToManyField(
        "organisations.Agency", through="MeetingAgency", related_name="+"
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["police_force", "starts_at"])]

    def __str__(self) -> str:
        return f"Level {self.level} MAPP meeting, {timezone.localtime(self.starts_at):%d %b %Y}"


class MeetingAgency(models.Model):
    """An agency invited to a meeting, and whether it came."""

    meeting = models.ForeignKey(MappMeeting, on_delete=models.CASCADE, related_name="invitations")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    responsible_authority = models.BooleanField(
        default=False, help_text="Police, probation or prisons (CJA 2003 s325)"
    )
    attended = models.BooleanField(null=True, blank=True)
    attendee_names = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "agency"], name="agency_invited_once")
        ]

    def __str__(self) -> str:
        return f"{self.agency} at {self.meeting}"


class AgendaItem(VersionedModel):
    """A case on a meeting's agenda: its minutes, risk management plan and decisions.

    Versioned and with its history kept: two people minuting the same case cannot overwrite each
    other, and an overwrite can be seen and undone from the history.
    """

    meeting = models.ForeignKey(MappMeeting, on_delete=models.CASCADE, related_name="agenda")
    registration = models.ForeignKey(
        MappaRegistration, on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField()
    minutes = models.TextField(blank=True)
    risk_management_plan = models.TextField(blank=True)
    level_decided = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    disclosure_decision = models.TextField(
        blank=True, help_text="Whether to disclose, to whom and why (or why not)"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration"], name="case_on_an_agenda_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.person.crn} at {self.meeting}"


class MeetingAction(VersionedModel):
    """An action from a meeting, with its owner, chased until done (versioned, history kept)."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner_agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.PROTECT, related_name="+"
    )
    owner = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_date = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True)
    completion_note = models.TextField(blank=True)
    last_chased_on = models.DateField(null=True, blank=True)
    times_chased = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["completed_on", "due_date"])]

    def __str__(self) -> str:
        return f"{self.description[:40]} (due {self.due_date})"


class SexOffenderNotification(models.Model):
    """A notification made to the police under SOA 2003 ss83-85."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notifications_made")
    notified_on = models.DateField()
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    no_fixed_abode = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-notified_on"]
        indexes = [models.Index(fields=["person", "notified_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.notified_on}"


class NotificationBreach(models.Model):
    """A breach of the notification requirements and what came of it (SOA 2003 s91)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    breach_date = models.DateField()
    outcome = models.CharField(max_length=10, choices=BreachOutcome.choices, blank=True)
    outcome_date = models.DateField(null=True, blank=True, db_index=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Notification breach on {self.breach_date}"


class CivilOrder(TimeStampedModel):
    """A SOPO/SHPO, Notification Order or Foreign Travel Order, from application to full order."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="civil_orders")
    kind = models.CharField(max_length=25, choices=CivilOrderKind.choices)
    applied_on = models.DateField(db_index=True)
    interim_on = models.DateField(null=True, blank=True, db_index=True)
    full_on = models.DateField(null=True, blank=True, db_index=True)
    refused_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    conditions = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-applied_on"]

    @property
    def status(self) -> CivilOrderStatus:
        if self.refused_on:
            return CivilOrderStatus.REFUSED
        if self.full_on:
            return CivilOrderStatus.FULL
        if self.interim_on:
            return CivilOrderStatus.INTERIM
        return CivilOrderStatus.APPLIED

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.status.label})"


class CivilOrderBreach(models.Model):
    order = models.ForeignKey(CivilOrder, on_delete=models.CASCADE, related_name="breaches")
    breach_date = models.DateField()
    sent_to_custody_on = models.DateField(null=True, blank=True, db_index=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Breach of {self.order} on {self.breach_date}"


class AreaPopulation(models.Model):
    """The population aged 10 and over of a MAPPA area, for the RSOs-per-100,000 figure."""

    police_force = models.ForeignKey(
        "organisations.Agency", on_delete=models.CASCADE, related_name="+"
    )
    year_end = models.DateField(help_text="The 31 March the figure is used for")
    population_aged_10_and_over = models.PositiveIntegerField()
    source = models.CharField(max_length=300, help_text="e.g. ONS mid-year estimate 2009")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["police_force", "year_end"], name="one_population_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.police_force}: {self.population_aged_10_and_over:,} ({self.year_end})"


class SeriousFurtherOffence(TimeStampedModel):
    """A serious further offence by someone under MAPPA, and its review (seed 001; 003 §4.1)."""

    registration = models.ForeignKey(
        MappaRegistration, on_delete=models.PROTECT, related_name="serious_further_offences"
    )
    offence_date = models.DateField()
    charged_on = models.DateField()
    description = models.TextField()
    level_at_the_time = models.PositiveSmallIntegerField(choices=Level.choices)
    review_due = models.DateField()
    reviewed_on = models.DateField(null=True, blank=True)
    review_findings = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-charged_on"]

    def __str__(self) -> str:
        return f"Serious further offence charged {self.charged_on}"


class WhereaboutsEpisode(models.Model):
    """A time a registered sexual offender was wanted or missing, until found."""

    registration = models.ForeignKey(
        MappaRegistration, on_delete=models.CASCADE, related_name="whereabouts_episodes"
    )
    status = models.CharField(max_length=10, choices=Whereabouts.choices)
    since = models.DateField()
    found_on = models.DateField(null=True, blank=True)
    circumstances = models.TextField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    found_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-since", "-pk"]
        indexes = [models.Index(fields=["since", "found_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=models.Q(found_on__isnull=True),
                name="one_open_whereabouts_episode",
            ),
            models.CheckConstraint(
                condition=models.Q(found_on__isnull=True)
                | models.Q(found_on__gte=models.F("since")),
                name="found_after_going_missing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} since {self.since}"


class LifetimeNotificationReview(models.Model):
    """An application to review indefinite notification requirements (SOA 2003 s91A-s91F)."""

    registration = models.ForeignKey(
        MappaRegistration, on_delete=models.PROTECT, related_name="lifetime_reviews"
    )
    relevant_notification_on = models.DateField(
        help_text="The relevant notification the review period runs from (s91B)"
    )
    under_18_on_relevant_date = models.BooleanField()
    qualifying_date = models.DateField()
    applied_on = models.DateField()
    determined_on = models.DateField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=12, choices=LifetimeReviewOutcome.choices, blank=True)
    reasons = models.TextField(blank=True)
    further_qualifying_date = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    determined_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-applied_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=models.Q(determined_on__isnull=True),
                name="one_undetermined_lifetime_review",
            )
        ]

    def __str__(self) -> str:
        return f"Review of indefinite notification applied for {self.applied_on}"


class ReportCommentary(VersionedModel):
    """The Strategic Management Board's commentary on one year's annual report for an area."""

    police_force = models.ForeignKey(
        "organisations.Agency", on_delete=models.CASCADE, related_name="+"
    )
    year_end = models.DateField()
    text = models.TextField()
    updated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["police_force", "year_end"], name="one_commentary_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"SMB commentary, {self.police_force}, year ending {self.year_end}"
