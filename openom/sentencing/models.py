"""Convictions (events), their offences and the sentences the court passed."""

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from openom.core.models import TimeStampedModel, VersionedModel
from openom.offences.models import Offence
from openom.people.models import Person
from openom.sentencing.constants import (
    CUSTODIAL_SENTENCES,
    INDETERMINATE_SENTENCES,
    CourtKind,
    EventOutcome,
    LengthUnit,
    LicenceConditionCategory,
    LicenceConditionType,
    Plea,
    RequirementType,
    Sds40Exclusion,
    SentenceGroup,
    SentenceType,
    TerminationReason,
)


class Court(models.Model):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=CourtKind.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Event(VersionedModel):
    """A conviction: one court appearance's offences and what the court did."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    number = models.PositiveIntegerField(help_text="Numbered from 1 for each person")
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="events")
    conviction_date = models.DateField()
    plea = models.CharField(max_length=20, choices=Plea.choices)
    outcome = models.CharField(
        max_length=30, choices=EventOutcome.choices, default=EventOutcome.SENTENCED
    )
    offences = models.ManyToManyField(Offence, through="EventOffence", related_name="events")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "number"], name="event_number_unique_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"Event {self.number} ({self.conviction_date:%d %b %Y})"

    @property
    def main_offence(self) -> "EventOffence | None":
        return next((o for o in self.event_offences.all() if o.is_main), None)


class EventOffence(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_offences")
    offence = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="+")
    is_main = models.BooleanField(default=False)
    offence_date = models.DateField()
    counts = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["-is_main", "offence_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(is_main=True),
                name="one_main_offence_per_event",
            ),
        ]

    def __str__(self) -> str:
        return str(self.offence)


class Sentence(VersionedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sentences")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sentences")
    sentence_type = models.CharField(max_length=30, choices=SentenceType.choices, db_index=True)
    sentence_date = models.DateField()
    length_years = models.PositiveSmallIntegerField(default=0)
    length_months = models.PositiveSmallIntegerField(default=0)
    length_days = models.PositiveSmallIntegerField(default=0)
    length_weeks = models.PositiveSmallIntegerField(default=0)
    operational_period_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Suspended sentence orders: how long the sentence is suspended",
    )
    extension_period_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Extended sentences: the extended licence period"
    )
    expected_end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Sentence end (custody: sentence expiry); blank if indeterminate",
    )
    consecutive_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Custody: the sentence this one runs after (blank if concurrent)",
    )
    release_date = models.DateField(
        null=True, blank=True, help_text="Custody: the date released on licence, once released"
    )
    supervision_ceased_on = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "Licence: the date active supervision ceased while the licence runs on (the nDelius "
            "'PRC' registration the HMPPS Tier service reads as unsupervised); blank while supervised"
        ),
    )
    # Release arrangements the release date calculation needs. Blank means "work it out from the
    # offences recorded"; a value is the sentencing record's own answer and is used as given.
    sds_plus = models.BooleanField(
        "SDS+ (released at two-thirds, CJA 2003 s244ZA)",
        null=True,
        blank=True,
        help_text="Custody: leave blank to work it out from the offences and the length",
    )
    sds40_exclusion = models.CharField(
        "Excluded from release at 40% (SI 2024/844)",
        max_length=30,
        choices=Sds40Exclusion.choices,
        blank=True,
        help_text="Custody: leave blank to work it out from the offences",
    )
    section_250 = models.BooleanField(
        "Detention under Sentencing Act 2020 s250 (a young offender)", default=False
    )
    termination_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(
        max_length=30, choices=TerminationReason.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sentence_date"]
        indexes = [
            models.Index(fields=["person", "termination_date"]),
            models.Index(fields=["sentence_type", "termination_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(termination_date__isnull=True)
                | models.Q(termination_date__gte=models.F("sentence_date")),
                name="sentence_terminates_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(expected_end_date__isnull=True)
                | models.Q(expected_end_date__gte=models.F("sentence_date")),
                name="sentence_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_sentence_type_display()} ({self.length_description})"

    @property
    def is_custodial(self) -> bool:
        return self.sentence_type in CUSTODIAL_SENTENCES

    @property
    def is_indeterminate(self) -> bool:
        return self.sentence_type in INDETERMINATE_SENTENCES

    @property
    def is_current(self) -> bool:
        return self.termination_date is None

    def group_on(self, day: dt.date) -> SentenceGroup:
        """Community, custody, or licence (custody after release) on a given day."""
        if not self.is_custodial:
            return SentenceGroup.COMMUNITY
        if self.release_date is not None and self.release_date <= day:
            return SentenceGroup.LICENCE
        return SentenceGroup.CUSTODY

    @property
    def length_description(self) -> str:
        parts = []
        for value, unit in (
            (self.length_years, "year"),
            (self.length_months, "month"),
            (self.length_weeks, "week"),
            (self.length_days, "day"),
        ):
            if value:
                parts.append(f"{value} {unit}{'' if value == 1 else 's'}")
        if self.sentence_type in {SentenceType.LIFE, SentenceType.IPP}:
            return f"minimum term {' '.join(parts)}" if parts else "indeterminate"
        return " ".join(parts) or "no fixed length"


class Requirement(TimeStampedModel):
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="requirements")
    requirement_type = models.CharField(max_length=30, choices=RequirementType.choices)
    detail = models.CharField(max_length=200, blank=True, help_text="e.g. the programme's name")
    length = models.PositiveSmallIntegerField(null=True, blank=True)
    length_unit = models.CharField(max_length=10, choices=LengthUnit.choices)
    start_date = models.DateField()
    termination_date = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(
        max_length=30, choices=TerminationReason.choices, blank=True
    )

    class Meta:
        ordering = ["requirement_type"]
        indexes = [
            # Open requirements of a kind (e.g. DRR and ATR beside the IOM cohort).
            models.Index(
                fields=["sentence", "requirement_type"],
                condition=models.Q(termination_date__isnull=True),
                name="requirement_open_by_type",
            ),
        ]

    def __str__(self) -> str:
        length = f" {self.length} {self.get_length_unit_display()}" if self.length else ""
        return f"{self.get_requirement_type_display()}{length}"


class LicenceCondition(TimeStampedModel):
    sentence = models.ForeignKey(
        Sentence, on_delete=models.CASCADE, related_name="licence_conditions"
    )
    condition_type = models.CharField(max_length=20, choices=LicenceConditionType.choices)
    category = models.CharField(max_length=30, choices=LicenceConditionCategory.choices)
    description = models.TextField()
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["condition_type", "category"]

    def __str__(self) -> str:
        return f"{self.get_condition_type_display()}: {self.get_category_display()}"
