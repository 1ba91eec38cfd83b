"""Enforcement: the rules decide what a failure to comply leads to; officers act on it in time."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from openom.access.services import audit_record
from openom.accounts.constants import Role
from openom.accounts.selectors import team_managers
from openom.allocation.models import CaseAllocation
from openom.contacts.constants import FAILURES_TO_COMPLY
from openom.contacts.models import Contact
from openom.core.calendar import calendar_for
from openom.core.exceptions import ServiceValidationError
from openom.enforcement import decisions
from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.rules import WARNING_RESPONSE_DAYS
from openom.notifications.services import notifications_send
from openom.sentencing.constants import TerminationReason
from openom.sentencing.models import Sentence


def enforcement_review(*, sentence: Sentence, actor, today: dt.date) -> EnforcementAction | None:
    """Apply the enforcement rules to the sentence's failures; open the action they call for."""
    with transaction.atomic():
        Sentence.objects.select_for_update().get(pk=sentence.pk)
        failures = list(
            Contact.objects.filter(
                sentence=sentence, enforceable=True, outcome__in=FAILURES_TO_COMPLY
            ).order_by("starts_at")
        )
        last_breach = (
            EnforcementAction.objects.filter(
                sentence=sentence, kind__in=[ActionKind.BREACH, ActionKind.RECALL]
            )
            .exclude(status=ActionStatus.WITHDRAWN)
            .order_by("-failure_date")
            .values_list("failure_date", flat=True)
            .first()
        )
        # The warnings given, by the failure each was for (Sentencing Act 2020 Sch 10 para 6:
        # the 12 months run from the date a warning was given; a breach does not cancel it).
        # Until the date it was given is recorded, a warning is taken as given on its failure.
        warnings = dict(
            EnforcementAction.objects.filter(sentence=sentence, kind=ActionKind.WARNING)
            .exclude(status=ActionStatus.WITHDRAWN)
            .values_list("triggered_by_id", "warned_on")
        )
        decision = decisions.decide(
            sentence=sentence,
            failures=failures,
            last_breach_date=last_breach,
            calendar=calendar_for(sentence.person.probation_area_id),
            warnings=warnings,
        )
        if decision is None:
            return None
        already = EnforcementAction.objects.filter(
            sentence=sentence, kind=decision.kind, triggered_by=decision.triggering_contact
        ).exists()
        if already:
            return None
        action = EnforcementAction.objects.create(
            person_id=sentence.person_id,
            sentence=sentence,
            kind=decision.kind,
            triggered_by=decision.triggering_contact,
            failure_date=decision.failure_date,
            decided_on=today,
            deadline=decision.deadline,
            resolution_due=decision.resolution_due,
            decided_by=actor,
            working=decision.working,
        )
        action.failures.set(decision.counted_contacts)
        audit_record(
            actor=actor, person=sentence.person, action="enforcement_decide", detail=str(action)
        )
    return action


def _not_in_future(field: str, day: dt.date, what: str, today: dt.date | None) -> None:
    """Enforcement records what has happened: none of its dates can be in the future."""
    today = today or timezone.localdate()
    if day > today:
        raise ServiceValidationError(
            "Check the date", field_errors={field: f"{what} must be today or in the past"}
        )


def _locked(action: EnforcementAction, version: int) -> EnforcementAction:
    locked = EnforcementAction.objects.select_for_update().get(pk=action.pk)
    if locked.version != version:
        raise ServiceValidationError(
            "Someone else updated this enforcement action: reload the page and check it"
        )
    return locked


def _holding_allocation(person_id: int) -> CaseAllocation | None:
    return (
        CaseAllocation.objects.filter(person_id=person_id, end_date__isnull=True)
        .select_related("offender_manager")
        .first()
    )


def breach_start(
    *,
    action: EnforcementAction,
    started_on: dt.date,
    reasons: str,
    version: int,
    actor,
    today: dt.date | None = None,
) -> EnforcementAction:
    """Breach proceedings laid at court (the 10 working day clock stops here)."""
    if action.kind != ActionKind.BREACH:
        raise ServiceValidationError("Only a breach is laid at court")
    _not_in_future("started_on", started_on, "The date the breach was laid at court", today)
    if started_on < action.failure_date:
        raise ServiceValidationError(
            "Check the date",
            field_errors={"started_on": "Proceedings cannot start before the failure"},
        )
    with transaction.atomic():
        locked = _locked(action, version)
        locked.status, locked.started_on, locked.reasons = ActionStatus.STARTED, started_on, reasons
        locked.version += 1
        locked.save()
        audit_record(actor=actor, person=locked.person, action="breach_start", detail=str(locked))
    return locked


def recall_request(
    *,
    action: EnforcementAction,
    recall_type: RecallType,
    reasons: str,
    requested_on: dt.date,
    version: int,
    actor,
    today: dt.date | None = None,
) -> EnforcementAction:
    """A recall request with its reasons; it goes ahead only once a manager authorises it."""
    if action.kind != ActionKind.RECALL:
        raise ServiceValidationError("Only a licence is recalled")
    _not_in_future("requested_on", requested_on, "The date requested", today)
    if not reasons.strip():
        raise ServiceValidationError(
            "Give the reasons", field_errors={"reasons": "Say why the person should be recalled"}
        )
    with transaction.atomic():
        locked = _locked(action, version)
        locked.recall_type, locked.reasons, locked.started_on = (
            recall_type,
            reasons.strip(),
            requested_on,
        )
        locked.version += 1
        locked.save()
        audit_record(actor=actor, person=locked.person, action="recall_request", detail=str(locked))
        allocation = _holding_allocation(locked.person_id)
        notifications_send(
            recipients=team_managers(allocation.team_id if allocation else None),
            person=locked.person,
            subject=f"Recall to authorise: {locked.person.full_name} ({locked.person.crn})",
            body=(
                f"{actor.get_full_name() or actor.username} requested a "
                f"{locked.get_recall_type_display().lower()} on {requested_on:%d %B %Y}. "
                f"Reasons: {locked.reasons}"
            ),
            link=reverse("enforcement:action", args=[locked.person.crn, locked.pk]),
        )
    return locked


def recall_authorise(
    *,
    action: EnforcementAction,
    authorised_on: dt.date,
    version: int,
    actor,
    today: dt.date | None = None,
) -> EnforcementAction:
    _not_in_future("authorised_on", authorised_on, "The date authorised", today)
    if Role.SENIOR_PROBATION_OFFICER not in actor.role_codes:
        raise ServiceValidationError("A recall is authorised by a senior probation officer")
    if not action.recall_type:
        raise ServiceValidationError("Request the recall, with its reasons, before authorising it")
    with transaction.atomic():
        locked = _locked(action, version)
        locked.authorised_by, locked.authorised_on, locked.status = (
            actor,
            authorised_on,
            ActionStatus.STARTED,
        )
        locked.version += 1
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="recall_authorise", detail=str(locked)
        )
        allocation = _holding_allocation(locked.person_id)
        notifications_send(
            recipients=[allocation.offender_manager if allocation else None],
            person=locked.person,
            subject=f"Recall authorised: {locked.person.full_name} ({locked.person.crn})",
            body=(
                f"{actor.get_full_name() or actor.username} authorised the "
                f"{locked.get_recall_type_display().lower()} on {authorised_on:%d %B %Y}."
            ),
            link=reverse("enforcement:action", args=[locked.person.crn, locked.pk]),
        )
    return locked


def enforcement_resolve(
    *,
    action: EnforcementAction,
    resolved_on: dt.date,
    outcome: BreachOutcome,
    version: int,
    actor,
    today: dt.date | None = None,
) -> EnforcementAction:
    """Record how it ended; a revoked order or a recall ends the sentence or licence period."""
    _not_in_future("resolved_on", resolved_on, "The date resolved", today)
    if action.status != ActionStatus.STARTED:
        raise ServiceValidationError(
            "Start the proceedings (or authorise the recall) before resolving them"
        )
    if resolved_on < (action.started_on or action.failure_date):
        raise ServiceValidationError(
            "Check the date",
            field_errors={"resolved_on": "It cannot be resolved before it started"},
        )
    with transaction.atomic():
        locked = _locked(action, version)
        locked.status, locked.resolved_on, locked.outcome = (
            ActionStatus.RESOLVED,
            resolved_on,
            outcome,
        )
        locked.version += 1
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="enforcement_resolve",
            detail=f"{locked}: {outcome}",
        )
        if outcome == BreachOutcome.REVOKED_RESENTENCED:
            from openom.sentencing.services import sentence_terminate

            sentence_terminate(
                sentence=locked.sentence,
                termination_date=resolved_on,
                reason=TerminationReason.REVOKED_BREACH,
                actor=actor,
            )
    return locked


def warning_give(
    *, action: EnforcementAction, warned_on: dt.date, version: int, actor, today=None
) -> EnforcementAction:
    """The warning was given on `warned_on`: its 7 days to respond and 12 months run from it."""
    if action.kind != ActionKind.WARNING:
        raise ServiceValidationError("Only a warning is given")
    if warned_on < action.failure_date:
        raise ServiceValidationError(
            "Check the date",
            field_errors={
                "warned_on": "The warning cannot be given before the failure "
                f"({action.failure_date:%d %B %Y})"
            },
        )
    _not_in_future("warned_on", warned_on, "The date the warning was given", today)
    with transaction.atomic():
        locked = _locked(action, version)
        if locked.status != ActionStatus.OPEN:
            raise ServiceValidationError("This warning is no longer open")
        locked.warned_on = warned_on
        locked.deadline = warned_on + dt.timedelta(days=WARNING_RESPONSE_DAYS)
        locked.version += 1
        locked.save()
        audit_record(
            actor=actor,
            person=locked.person,
            action="warning_give",
            detail=f"{locked}: given {warned_on.isoformat()}",
        )
    return locked


def warning_close(
    *, action: EnforcementAction, actor, closed_on: dt.date, today: dt.date | None = None
) -> EnforcementAction:
    """The person responded to the warning: it stays on record and counts towards breach."""
    _not_in_future("closed_on", closed_on, "The date the person responded", today)
    with transaction.atomic():
        locked = EnforcementAction.objects.select_for_update().get(pk=action.pk)
        locked.status, locked.resolved_on = ActionStatus.RESOLVED, closed_on
        locked.version += 1
        locked.save()
        audit_record(actor=actor, person=locked.person, action="warning_close", detail=str(locked))
    return locked


def enforcement_withdraw_for_contact(
    *, contact: Contact, reason: str, actor, today: dt.date
) -> list[EnforcementAction]:
    """A failure corrected to acceptable: withdraw the warnings and undecided actions it caused.

    A warning (open or closed) that counted this failure no longer stands, nor does a breach or
    recall not yet started. Proceedings already laid at court, or a recall authorised, are for
    the court or the manager to end: they are left as they are. The rules then look again at
    the failures that remain (another warning may still be due).
    """
    withdrawn: list[EnforcementAction] = []
    with transaction.atomic():
        caused = EnforcementAction.objects.filter(failures=contact).filter(
            Q(kind=ActionKind.WARNING, status__in=[ActionStatus.OPEN, ActionStatus.RESOLVED])
            | Q(status=ActionStatus.OPEN)
        )
        # Locked by id (PostgreSQL refuses FOR UPDATE with the DISTINCT a join would need).
        actions = list(
            EnforcementAction.objects.select_for_update()
            .filter(pk__in=caused.values("pk"))
            .order_by("pk")
        )
        for action in actions:
            action.status = ActionStatus.WITHDRAWN
            action.resolved_on = today
            action.working = [
                *action.working,
                f"Withdrawn on {today:%d %b %Y}: the failure of {contact} was corrected to "
                f"{contact.get_outcome_display().lower()} ({reason})",
            ]
            action.version += 1
            action._change_reason = reason
            action.save()
            audit_record(
                actor=actor,
                person=action.person,
                action="enforcement_withdraw",
                detail=f"{action}: {reason}",
            )
            withdrawn.append(action)
        if withdrawn and contact.sentence_id:
            enforcement_review(sentence=contact.sentence, actor=actor, today=today)
    return withdrawn
