"""Moving a case between teams and offender managers, keeping the history."""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from openom.access.services import audit_record
from openom.accounts.models import User
from openom.accounts.selectors import team_managers
from openom.allocation.models import CaseAllocation
from openom.core.exceptions import ServiceValidationError
from openom.notifications.services import notifications_send
from openom.organisations.models import Team
from openom.people.models import Person


def case_allocate(
    *,
    person: Person,
    team: Team,
    offender_manager: User | None,
    start_date: dt.date,
    reason: str = "",
    actor: User | None,
) -> CaseAllocation:
    """End the current allocation (if any) the day before `start_date` and start a new one."""
    if offender_manager is not None and offender_manager.team_id != team.id:
        raise ServiceValidationError(
            f"{offender_manager} is not in {team}",
            field_errors={"offender_manager": "Choose an offender manager in the chosen team"},
        )
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        current = (
            CaseAllocation.objects.select_for_update()
            .filter(person=person, end_date__isnull=True)
            .first()
        )
        if current is not None:
            if start_date < current.start_date:
                raise ServiceValidationError(
                    "A new allocation cannot start before the current one",
                    field_errors={
                        "start_date": f"Enter a date on or after {current.start_date:%d %m %Y}"
                    },
                )
            current.end_date = max(current.start_date, start_date - dt.timedelta(days=1))
            current.save(update_fields=["end_date", "updated_at"])
        allocation = CaseAllocation.objects.create(
            person=person,
            team=team,
            offender_manager=offender_manager,
            start_date=start_date,
            reason=reason,
            allocated_by=actor,
        )
        audit_record(actor=actor, person=person, action="case_allocate", detail=str(allocation))
        if offender_manager is None:
            notifications_send(
                recipients=[u for u in team_managers(team.id) if actor is None or u.pk != actor.pk],
                person=person,
                subject=f"Case to allocate: {person.full_name} ({person.crn})",
                body=f"The case joined {team} on {start_date:%d %B %Y} and needs an offender manager.",
                link=reverse("allocation:allocate", args=[person.crn]),
            )
        elif actor is None or offender_manager.pk != actor.pk:
            notifications_send(
                recipients=[offender_manager],
                person=person,
                subject=f"Case allocated to you: {person.full_name} ({person.crn})",
                body=f"Allocated to you from {start_date:%d %B %Y}. {reason}".strip(),
                link=reverse("people:case-summary", args=[person.crn]),
            )
    return allocation


def case_allocate_to_practitioner(
    *,
    person: Person,
    officer: User,
    recommended: User | None,
    justification: str,
    override_rationale: str,
    actor,
    today: dt.date | None = None,
) -> CaseAllocation:
    """A manager allocates a case; choosing someone other than the recommendation needs a rationale."""
    errors: dict[str, str] = {}
    if not justification.strip():
        errors["justification"] = "Say why this practitioner is right for the case"
    if recommended is not None and officer.pk != recommended.pk and not override_rationale.strip():
        errors["override_rationale"] = (
            f"You chose someone other than the recommended practitioner ({recommended.get_full_name()}): record why"
        )
    if errors:
        raise ServiceValidationError("The allocation needs correcting", field_errors=errors)
    allocation = case_allocate(
        person=person,
        team=officer.team,
        offender_manager=officer,
        start_date=today or timezone.localdate(),
        reason=justification.strip(),
        actor=actor,
    )
    if override_rationale.strip():
        allocation.override_rationale = override_rationale.strip()
        allocation.save(update_fields=["override_rationale", "updated_at"])
    return allocation
