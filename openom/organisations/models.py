"""Who delivers the work: agencies, their local delivery units, teams and offices."""

from django.db import models

from openom.organisations.constants import AgencyKind


class Agency(models.Model):
    """An organisation whose staff use OpenOM. A probation agency is a probation area."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=AgencyKind.choices, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_probation(self) -> bool:
        return self.kind == AgencyKind.PROBATION


class LocalDeliveryUnit(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="delivery_units")
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = "local delivery unit"

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    delivery_unit = models.ForeignKey(
        LocalDeliveryUnit, on_delete=models.PROTECT, related_name="teams", null=True, blank=True
    )
    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Office(models.Model):
    delivery_unit = models.ForeignKey(
        LocalDeliveryUnit, on_delete=models.PROTECT, related_name="offices"
    )
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300)
    postcode = models.CharField(max_length=10)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClosureDay(models.Model):
    """A day an area's offices are closed beyond the bank holidays; deadlines skip it."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="closure_days")
    date = models.DateField()
    description = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "date"], name="one_closure_per_area_day"),
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.date} ({self.description})"
