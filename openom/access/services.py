"""Writing the access log and the audit trail; recording sharing, restrictions and reasons."""

import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone

from openom.access.constants import (
    OUT_OF_TEAM_ACCESS_HOURS,
    SHAREABLE_PARTS,
    AccessChannel,
    CasePart,
)
from openom.access.models import AccessLog, AuditEvent, CaseRestriction, CaseShare, OutOfTeamAccess
from openom.core.exceptions import ServiceValidationError
from openom.organisations.constants import AgencyKind

logger = logging.getLogger(__name__)


def audit_record(*, actor, person, action: str, detail: str = "") -> AuditEvent:
    """Record a change; call inside the transaction that makes it."""
    return AuditEvent.objects.create(actor=actor, person=person, action=action, detail=detail)


def access_log_record(
    *, user, person, part: CasePart, channel: AccessChannel, reason: str = "", page: str = ""
) -> AccessLog:
    """Log a case read. A read never fails for its log row, and the row is never lost.

    If the database cannot take the row (SQLite locked by a long write past its busy timeout),
    the row is appended to a spool file synced to disk and written to the table, with its
    original time, by the next access-log write that succeeds.
    """
    row = AccessLog(
        user=user, person=person, part=part, channel=channel, reason=reason, page=page[:80]
    )
    try:
        with transaction.atomic():
            row.save()
    except OperationalError:
        logger.warning("access log write deferred: the database is busy; spooled to disk")
        access_log_spool(row)
        return row
    if os.path.exists(settings.OPENOM_ACCESS_LOG_SPOOL):
        access_log_spool_flush()
    return row


def access_log_spool(row: AccessLog) -> None:
    """Append one unsaved row to the spool file and sync it to disk."""
    record = {
        "user": row.user_id,
        "person": row.person_id,
        "part": row.part,
        "channel": row.channel,
        "reason": row.reason,
        "page": row.page,
        "accessed_at": timezone.now().isoformat(),
    }
    path = settings.OPENOM_ACCESS_LOG_SPOOL
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "a", encoding="utf-8") as spool:
        spool.write(json.dumps(record) + "\n")
        spool.flush()
        os.fsync(spool.fileno())


def access_log_spool_flush() -> int:
    """Write the spooled rows to the table with their original times; answers how many.

    The spool is first renamed (atomically) so that two processes never write a row twice; if
    the database is still busy the rows go back to the spool.
    """
    path = settings.OPENOM_ACCESS_LOG_SPOOL
    taken = f"{path}.{os.getpid()}.{uuid.uuid4().hex}"
    try:
        os.replace(path, taken)
    except FileNotFoundError:
        return 0
    with open(taken, encoding="utf-8") as spool:
        records = [json.loads(line) for line in spool if line.strip()]
    try:
        with transaction.atomic():
            rows = AccessLog.objects.bulk_create(
                [
                    AccessLog(
                        user_id=r["user"],
                        person_id=r["person"],
                        part=r["part"],
                        channel=r["channel"],
                        reason=r["reason"],
                        page=r.get("page", ""),
                    )
                    for r in records
                ]
            )
            for row, record in zip(rows, records, strict=True):
                AccessLog.objects.filter(pk=row.pk).update(
                    accessed_at=dt.datetime.fromisoformat(record["accessed_at"])
                )
    except OperationalError:
        with open(path, "a", encoding="utf-8") as spool:
            for record in records:
                spool.write(json.dumps(record) + "\n")
            spool.flush()
            os.fsync(spool.fileno())
        os.remove(taken)
        return 0
    os.remove(taken)
    return len(records)


def access_log_record_many(
    *, user, people: Iterable, part: CasePart, channel: AccessChannel, page: str = ""
) -> None:
    """One row per person shown in a list (search results, caseload), in one insert."""
    unique = {getattr(p, "pk", p): p for p in people}
    AccessLog.objects.bulk_create(
        [
            AccessLog(user=user, person_id=pk, part=part, channel=channel, page=page[:80])
            for pk in unique
        ]
    )


def page_name(request) -> str:
    """The URL name of the page being answered, e.g. "mappa:meeting" (for the access log)."""
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else request.path[:80]


def access_log_page(request, people: Iterable, *, part: CasePart) -> None:
    """Log each case (a Person or a person's pk) shown on the page answering `request`."""
    access_log_record_many(
        user=request.user,
        people=people,
        part=part,
        channel=AccessChannel.PAGE,
        page=page_name(request),
    )


def out_of_team_access_grant(*, user, person, reason: str) -> OutOfTeamAccess:
    """Record why `user` is opening a case outside their team; valid for a few hours."""
    reason = reason.strip()
    if len(reason) < 10:
        raise ServiceValidationError(
            "Say why you need to open this case",
            field_errors={
                "reason": "Give a reason of at least 10 characters, for example 'Duty cover: reporting instructions'"
            },
        )
    with transaction.atomic():
        grant = OutOfTeamAccess.objects.create(
            user=user,
            person=person,
            reason=reason,
            expires_at=timezone.now() + dt.timedelta(hours=OUT_OF_TEAM_ACCESS_HOURS),
        )
        audit_record(actor=user, person=person, action="out_of_team_access", detail=reason)
    return grant


def case_share_create(
    *,
    person,
    agency,
    basis: str,
    parts: list[str],
    start_date,
    end_date,
    legal_basis: str,
    reason: str = "",
    actor,
) -> CaseShare:
    """Record that `agency` may see `parts` of the case, for a period, on a legal basis."""
    from openom.access.policy import case_access  # the policy reads through these services

    errors: dict[str, str] = {}
    if agency.kind == AgencyKind.PROBATION:
        # As cohort_share_ensure: a probation area's staff reach its cases through the holding
        # team or a logged reason; a share with the whole area would open this case, and its
        # compartments, to every analyst and administrator there (issue #11 finding 3).
        errors["agency"] = (
            "A case cannot be shared with a probation area as a whole: its staff open it "
            "through the holding team, or by giving a reason"
        )
    readable = case_access(actor, person).parts
    if not parts:
        errors["parts"] = "Choose at least one part of the case to share"
    elif not set(parts) <= {p.value for p in SHAREABLE_PARTS}:
        errors["parts"] = (
            f"{CasePart.VICTIMS.label} cannot be shared: only the victim liaison officer "
            "can share a summary"
        )
    elif not set(parts) <= {p.value for p in readable}:
        unreadable = sorted(CasePart(p).label for p in set(parts) - {r.value for r in readable})
        errors["parts"] = (
            "You can share only the parts of the case you can read yourself: not "
            + ", ".join(unreadable)
        )
    if end_date is not None and end_date < start_date:
        errors["end_date"] = "The end date must be on or after the start date"
    if not legal_basis.strip():
        errors["legal_basis"] = (
            "Enter the legal basis for sharing, for example 'Crime and Disorder Act 1998 s115'"
        )
    if errors:
        raise ServiceValidationError("The sharing record needs correcting", field_errors=errors)
    with transaction.atomic():
        share = CaseShare.objects.create(
            person=person,
            agency=agency,
            basis=basis,
            parts=sorted(parts),
            start_date=start_date,
            end_date=end_date,
            legal_basis=legal_basis.strip(),
            reason=reason,
            approved_by=actor,
        )
        audit_record(actor=actor, person=person, action="case_share_create", detail=str(share))
    return share


def case_restriction_add(*, person, kind: str, user, reason: str, actor) -> CaseRestriction:
    if not reason.strip():
        raise ServiceValidationError(
            "Give the reason", field_errors={"reason": "Say why this person's access is limited"}
        )
    with transaction.atomic():
        restriction, _ = CaseRestriction.objects.get_or_create(
            person=person,
            kind=kind,
            user=user,
            defaults={"reason": reason.strip(), "created_by": actor},
        )
        audit_record(
            actor=actor,
            person=person,
            action="case_restriction_add",
            detail=f"{kind} user {user.pk}",
        )
    return restriction


def cohort_share_ensure(
    *, person, agency, basis: str, parts: list[str], legal_basis: str, reason: str, actor, today
) -> CaseShare | None:
    """Share a case with an agency because of a cohort (MAPPA level 2/3, IOM), once.

    Never with a probation agency: probation staff reach their own cases through the holding
    team (or a logged reason), and an agency-wide share would open them to analysts and
    administrators too.
    """
    if agency.kind == AgencyKind.PROBATION:
        return None
    current = CaseShare.objects.filter(
        person=person, agency=agency, basis=basis, end_date__isnull=True
    ).first()
    if current is not None:
        return current
    return CaseShare.objects.create(
        person=person,
        agency=agency,
        basis=basis,
        parts=sorted(parts),
        start_date=today,
        legal_basis=legal_basis,
        reason=reason,
        approved_by=actor,
    )


def cohort_shares_end(*, person, basis: str, today) -> int:
    """End the shares a cohort made when the person leaves it."""
    return CaseShare.objects.filter(person=person, basis=basis, end_date__isnull=True).update(
        end_date=today
    )
