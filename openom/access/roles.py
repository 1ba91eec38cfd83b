"""Granting and removing roles: only through these services, each audited, never to oneself.

Issue #11 finding 4: a system administrator could grant themselves any role in the Django admin
with no audit event. Now every change of role writes an AuditEvent in its transaction and tells
the security leads of the user's agency; a role that opens a compartment (COMPARTMENT_ROLES, or
any role for police and health staff) is only requested by one administrator and takes effect
when a second approves it.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from openom.access.services import audit_record
from openom.accounts.constants import (
    COMPARTMENT_AGENCY_KINDS,
    COMPARTMENT_ROLES,
    GrantStatus,
    Role,
)
from openom.accounts.models import RoleAssignment, RoleGrantRequest, User
from openom.core.exceptions import ServiceValidationError
from openom.notifications.services import notifications_send


def is_administrator(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and Role.SYSTEM_ADMINISTRATOR in user.role_codes
    )


def needs_second_approval(user: User, role: str) -> bool:
    """Whether granting `role` to `user` opens a compartment (or access itself)."""
    agency_kind = user.agency.kind if user.agency_id else None
    return role in COMPARTMENT_ROLES or agency_kind in COMPARTMENT_AGENCY_KINDS


def security_leads(user: User) -> list[User]:
    """The information security leads of `user`'s agency, who are told of every role change."""
    return list(
        User.objects.filter(
            agency_id=user.agency_id, is_active=True, roles__role=Role.SECURITY_LEAD
        ).distinct()
    )


def _check(*, user: User, role: str, actor) -> None:
    if not is_administrator(actor):
        raise ServiceValidationError("Only a system administrator can change roles")
    if user.pk == actor.pk:
        raise ServiceValidationError(
            "You cannot change your own roles: ask another administrator",
            field_errors={"user": "Choose someone other than yourself"},
        )
    if role not in Role.values:
        raise ServiceValidationError("Choose a role", field_errors={"role": "Choose a role"})


def _tell(user: User, subject: str, body: str, extra=()) -> None:
    notifications_send(
        recipients=[*security_leads(user), *extra],
        person=None,
        subject=subject,
        body=body,
        link=reverse("access:roles"),
    )


def _assign(*, user: User, role: str, actor, approved_by=None) -> RoleAssignment:
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role)
    detail = f"{Role(role).label} granted to {user.username} by {actor.username}"
    if approved_by is not None:
        detail += f", approved by {approved_by.username}"
    audit_record(actor=approved_by or actor, person=None, action="role_grant", detail=detail)
    _tell(user, f"Role granted: {Role(role).label} to {user.get_full_name() or user}", detail)
    return assignment


def role_grant(*, user: User, role: str, reason: str, actor) -> RoleAssignment | RoleGrantRequest:
    """Give `user` a role, or (for a compartment role) ask a second administrator to approve it."""
    _check(user=user, role=role, actor=actor)
    if not reason.strip():
        raise ServiceValidationError(
            "Give the reason", field_errors={"reason": "Say why this person needs the role"}
        )
    if role in user.role_codes:
        raise ServiceValidationError(
            "They already have this role", field_errors={"role": "They already have this role"}
        )
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        if not needs_second_approval(user, role):
            return _assign(user=user, role=role, actor=actor)
        try:
            with transaction.atomic():
                request = RoleGrantRequest.objects.create(
                    user=user, role=role, reason=reason.strip(), requested_by=actor
                )
        except IntegrityError:
            raise ServiceValidationError(
                "This role is already waiting for approval",
                field_errors={"role": "This role is already waiting for a second administrator"},
            ) from None
        detail = (
            f"{Role(role).label} for {user.username} requested by {actor.username}: "
            f"{reason.strip()}"
        )
        audit_record(actor=actor, person=None, action="role_grant_request", detail=detail)
        others = User.objects.filter(is_active=True, roles__role=Role.SYSTEM_ADMINISTRATOR).exclude(
            pk__in=[actor.pk, user.pk]
        )
        _tell(user, "Role waiting for a second administrator", detail, extra=others.distinct())
    return request


def role_grant_decide(*, request: RoleGrantRequest, approve: bool, actor) -> RoleGrantRequest:
    """A second administrator approves (or refuses) a compartment role someone else asked for."""
    _check(user=request.user, role=request.role, actor=actor)
    if actor.pk == request.requested_by_id:
        raise ServiceValidationError("A second administrator must approve this: you asked for it")
    with transaction.atomic():
        locked = RoleGrantRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != GrantStatus.PENDING:
            raise ServiceValidationError("This request has already been decided")
        locked.status = GrantStatus.APPROVED if approve else GrantStatus.REFUSED
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.save()
        if approve:
            _assign(
                user=locked.user, role=locked.role, actor=locked.requested_by, approved_by=actor
            )
        else:
            detail = (
                f"{locked.get_role_display()} for {locked.user.username} refused by "
                f"{actor.username}"
            )
            audit_record(actor=actor, person=None, action="role_grant_refuse", detail=detail)
            _tell(locked.user, "Role request refused", detail, extra=[locked.requested_by])
    return locked


def role_revoke(*, user: User, role: str, actor) -> None:
    """Take a role away (no second approval: removing access is always safe)."""
    _check(user=user, role=role, actor=actor)
    with transaction.atomic():
        removed, _ = RoleAssignment.objects.filter(user=user, role=role).delete()
        if not removed:
            raise ServiceValidationError("They do not have this role")
        detail = f"{Role(role).label} removed from {user.username} by {actor.username}"
        audit_record(actor=actor, person=None, action="role_revoke", detail=detail)
        _tell(user, f"Role removed: {Role(role).label}", detail)
