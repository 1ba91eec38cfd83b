"""Reads of staff: who manages a team (the approver of its recalls, countersignatures, allocations)."""

from django.db.models import QuerySet

from openom.accounts.constants import Role
from openom.accounts.models import User


def team_managers(team_id: int | None) -> QuerySet[User]:
    """The active senior probation officers of a team: they approve its hand-offs."""
    if team_id is None:
        return User.objects.none()
    return User.objects.filter(
        team_id=team_id, is_active=True, roles__role=Role.SENIOR_PROBATION_OFFICER
    ).distinct()
