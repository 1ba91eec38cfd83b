"""Staff users: each belongs to an agency and (usually) a team, with a grade and roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from openom.accounts.constants import Grade, Role
from openom.organisations.models import Agency, Team


class User(AbstractUser):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    grade = models.CharField(max_length=20, choices=Grade.choices, default=Grade.OTHER)
    contracted_hours = models.DecimalField(max_digits=4, decimal_places=1, default=37)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_role(self, role: Role) -> bool:
        return role in self.role_codes

    @property
    def role_codes(self) -> frozenset[str]:
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(self.roles.values_list("role", flat=True))
            self._role_codes = cached
        return cached


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=40, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"
