"""Enforcement: the rules decide what a failure to comply leads to; officers act on it in time."""

import datetime as dt

from django.db import transaction

from openom.access.services import audit_record
from openom.accounts.constants import Role
from openom.contacts.constants import FAILURES_TO_COMPLY
from openom.contacts.models import Contact
from openom.core.calendar import calendar_for
from openom.core.exceptions import ServiceValidationError
from openom.enforcement import decisions
from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.rules import WARNING_RESPONSE_DAYS
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


def _locked(action: EnforcementAction, version: int) -> EnforcementAction:
    locked = EnforcementAction.objects.select_for_update().get(pk=action.pk)
    if locked.version != version:
        raise ServiceValidationError(
            "Someone else updated this enforcement action: reload the page and check it"
        )
    return locked


def breach_start(
    *, action: EnforcementAction, started_on: dt.date, reasons: str, version: int, actor
) -> EnforcementAction:
    """Breach proceedings laid at court (the 10 working day clock stops here)."""
    if action.kind != ActionKind.BREACH:
        raise ServiceValidationError("Only a breach is laid at court")
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
) -> EnforcementAction:
    """A recall request with its reasons; it goes ahead only once a manager authorises it."""
    if action.kind != ActionKind.RECALL:
        raise ServiceValidationError("Only a licence is recalled")
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
    return locked


def recall_authorise(
    *, action: EnforcementAction, authorised_on: dt.date, version: int, actor
) -> EnforcementAction:
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
    return locked


def enforcement_resolve(
    *, action: EnforcementAction, resolved_on: dt.date, outcome: BreachOutcome, version: int, actor
) -> EnforcementAction:
    """Record how it ended; a revoked order or a recall ends the sentence or licence period."""
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
    *, action: EnforcementAction, warned_on: dt.date, version: int, actor
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
    if warned_on > dt.date.today():
        raise ServiceValidationError(
            "Check the date", field_errors={"warned_on": "The date cannot be in the future"}
        )
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


def warning_close(*, action: EnforcementAction, actor, closed_on: dt.date) -> EnforcementAction:
    """The person responded to the warning: it stays on record and counts towards breach."""
    with transaction.atomic():
        locked = EnforcementAction.objects.select_for_update().get(pk=action.pk)
        locked.status, locked.resolved_on = ActionStatus.RESOLVED, closed_on
        locked.version += 1
        locked.save()
        audit_record(actor=actor, person=locked.person, action="warning_close", detail=str(locked))
    return locked
