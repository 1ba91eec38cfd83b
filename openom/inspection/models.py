"""Inspections (HMI Probation): an inspector reads only the sampled cases, only while it runs."""

from django.conf import settings
from django.db import models

from openom.organisations.models import Agency
from openom.people.models import Person


class Inspection(models.Model):
    name = models.CharField(max_length=200)
    area = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="inspections")
    start_date = models.DateField()
    end_date = models.DateField()
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="inspections")
    sample = models.ManyToManyField(Person, related_name="inspections", blank=True)

    class Meta:
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return self.name
