"""The person on probation: identity, aliases, addresses and circumstances."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from openom.core.models import TimeStampedModel, VersionedModel
from openom.organisations.models import Agency
from openom.people.constants import (
    AddressType,
    CircumstanceCategory,
    CircumstanceStatus,
    DisabilityStatus,
    Ethnicity,
    Gender,
)

CRN_PATTERN = r"^[A-Z][0-9]{6}$"
PRISON_NUMBER_PATTERN = r"^[A-Z][0-9]{4}[A-Z]{2}$"


class Person(VersionedModel):
    crn = models.CharField(
        "case reference number (CRN)",
        max_length=7,
        unique=True,
        validators=[RegexValidator(CRN_PATTERN, "A CRN is a letter and six digits, like X123456")],
    )
    pnc_number = models.CharField("PNC number", max_length=13, null=True, blank=True)
    prison_number = models.CharField(
        max_length=7,
        blank=True,
        db_index=True,
        validators=[RegexValidator(PRISON_NUMBER_PATTERN, "A prison number looks like A1234BC")],
    )
    forename = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(db_index=True)
    gender = models.CharField(max_length=20, choices=Gender.choices)
    ethnicity = models.CharField(
        max_length=2, choices=Ethnicity.choices, default=Ethnicity.NOT_STATED
    )
    disability_status = models.CharField(
        max_length=20, choices=DisabilityStatus.choices, default=DisabilityStatus.NOT_ASKED
    )
    disability_details = models.TextField(blank=True)
    learning_needs = models.TextField(
        blank=True, help_text="Learning difficulties, literacy and numeracy, reading support"
    )
    first_language = models.CharField(max_length=60, default="English")
    interpreter_required = models.BooleanField(default=False)
    probation_area = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    # Phonetic keys (Soundex) for name search that forgives misspelling on every database.
    forename_key = models.CharField(max_length=8, editable=False, db_index=True)
    surname_key = models.CharField(max_length=8, editable=False, db_index=True)
    history = HistoricalRecords(excluded_fields=["forename_key", "surname_key"])

    class Meta:
        ordering = ["surname", "forename"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["pnc_number"],
                condition=models.Q(pnc_number__isnull=False),
                name="pnc_number_unique_when_known",
            ),
        ]
        indexes = [
            models.Index(fields=["probation_area", "surname", "forename"]),
            models.Index(fields=["surname", "forename"]),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.crn})"

    @property
    def full_name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def age(self) -> int:
        from openom.core.dates import age_on

        return age_on(self.date_of_birth, timezone.localdate())


class Alias(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    forename_key = models.CharField(max_length=8, editable=False, db_index=True)
    surname_key = models.CharField(max_length=8, editable=False, db_index=True)

    class Meta:
        ordering = ["surname", "forename"]
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return f"{self.forename} {self.surname}"


class Address(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    address_type = models.CharField(max_length=30, choices=AddressType.choices)
    line_1 = models.CharField("address line 1", max_length=200, blank=True)
    line_2 = models.CharField("address line 2", max_length=200, blank=True)
    town = models.CharField("town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        verbose_name_plural = "addresses"
        indexes = [models.Index(fields=["person", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="address_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        if self.address_type == AddressType.NO_FIXED_ABODE:
            return "No fixed abode"
        return ", ".join(
            part for part in (self.line_1, self.line_2, self.town, self.postcode) if part
        )

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()


class Circumstance(TimeStampedModel):
    """Accommodation and employment status over time; the end-of-order outcomes read these."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="circumstances")
    category = models.CharField(max_length=20, choices=CircumstanceCategory.choices)
    status = models.CharField(max_length=30, choices=CircumstanceStatus.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["category", "-start_date"]
        indexes = [models.Index(fields=["person", "category", "end_date"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.get_status_display()}"
