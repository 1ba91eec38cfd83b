"""The offence catalogue: reference data loaded from a versioned file (openom/offences/data)."""

from django.db import models
from simple_history.models import HistoricalRecords

from openom.offences.constants import OffenceCategory, Ogrs3Category


class Offence(models.Model):
    code = models.CharField(max_length=10, unique=True, help_text="Home Office offence code")
    description = models.CharField(max_length=300)
    category = models.CharField(max_length=30, choices=OffenceCategory.choices, db_index=True)
    ogrs3_category = models.CharField(max_length=40, choices=Ogrs3Category.choices)
    schedule_15_violent = models.BooleanField(
        "specified violent offence (CJA 2003 Sch 15 Part 1)", default=False
    )
    schedule_15_sexual = models.BooleanField(
        "specified sexual offence (CJA 2003 Sch 15 Part 2)", default=False
    )
    schedule_3_notifiable = models.BooleanField(
        "may trigger sex-offender notification (SOA 2003 Sch 3)", default=False
    )
    murder = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
    catalogue_version = models.CharField(max_length=20)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.description} ({self.code})"

    @property
    def is_specified(self) -> bool:
        return self.schedule_15_violent or self.schedule_15_sexual


class CatalogueLoad(models.Model):
    """Each load of the reference file: which version, when, and what changed."""

    version = models.CharField(max_length=20)
    loaded_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    retired = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"Catalogue {self.version} loaded {self.loaded_at:%Y-%m-%d %H:%M}"
