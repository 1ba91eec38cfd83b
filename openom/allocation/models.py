"""Who holds a case: the team and offender manager, since when, with the history kept."""

from django.conf import settings
from django.db import models

from openom.core.models import TimeStampedModel
from openom.organisations.models import Team
from openom.people.models import Person


class CaseAllocation(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    offender_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="allocations",
        null=True,
        blank=True,
        help_text="Blank while the case waits in the team's unallocated queue",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    override_rationale = models.TextField(
        blank=True,
        help_text="Why the manager chose someone other than the recommended practitioner",
    )
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["offender_manager", "end_date"]),
            models.Index(fields=["team", "end_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="one_current_allocation_per_person",
            ),
        ]

    def __str__(self) -> str:
        holder = self.offender_manager or "unallocated"
        return f"{self.person.crn}: {self.team} / {holder} from {self.start_date}"


class WorkloadReduction(models.Model):
    """Time taken off a practitioner's caseload (newly qualified, trainee, union duties...)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workload_reductions"
    )
    reason = models.CharField(max_length=100)
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return f"{self.reason}: {self.percent}%"
