"""The administrators' page for roles (issue #11 finding 4): grant, request and approve, remove.

Only system administrators reach it (anyone else: 404), for the staff of their own agency; every
change goes through `access.roles`, which audits it and tells the agency's security leads.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openom.access.roles import (
    is_administrator,
    needs_second_approval,
    role_grant,
    role_grant_decide,
    role_revoke,
)
from openom.accounts.constants import GrantStatus, Role
from openom.accounts.models import RoleGrantRequest, User
from openom.core.exceptions import ServiceValidationError
from openom.core.forms import ServiceForm
from openom.core.pagination import paginate, pagination_context
from openom.core.views import form_page


class RoleGrantForm(ServiceForm):
    role = forms.ChoiceField(label="Role", choices=[("", "Choose a role"), *Role.choices])
    reason = forms.CharField(
        label="Why do they need it?",
        max_length=300,
        help_text="Recorded in the audit trail and sent to your agency's security lead.",
    )


def _administrator(request) -> None:
    if not is_administrator(request.user):
        raise Http404("No such page")


def _staff(request):
    """The staff an administrator manages: their own agency's."""
    return User.objects.filter(agency_id=request.user.agency_id)


@login_required
def roles(request):
    _administrator(request)
    staff = (
        _staff(request)
        .select_related("team")
        .prefetch_related("roles")
        .order_by("last_name", "first_name", "pk")
    )
    page = paginate(request, staff)
    pending = list(
        RoleGrantRequest.objects.filter(
            status=GrantStatus.PENDING, user__agency_id=request.user.agency_id
        ).select_related("user", "requested_by")
    )
    return render(
        request,
        "access/roles.html",
        {**pagination_context(request, page), "pending": pending},
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_grant_page(request, pk: int):
    _administrator(request)
    member = get_object_or_404(_staff(request).exclude(pk=request.user.pk), pk=pk)
    back = reverse("access:roles")
    form = RoleGrantForm(request.POST or None)

    def save(data):
        role_grant(user=member, role=data["role"], reason=data["reason"], actor=request.user)

    second = [label for code, label in Role.choices if needs_second_approval(member, code)]
    return form_page(
        request,
        form=form,
        save=save,
        success="Role granted, or sent to a second administrator for approval",
        next_url=back,
        heading=f"Give {member.get_full_name() or member.username} a role",
        back_url=back,
        template="access/role_grant.html",
        context={"member": member, "second_approval": second},
    )


@login_required
@require_POST
def role_revoke_page(request, pk: int):
    _administrator(request)
    member = get_object_or_404(_staff(request), pk=pk)
    try:
        role_revoke(user=member, role=request.POST.get("role", ""), actor=request.user)
    except ServiceValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Role removed")
    return redirect("access:roles")


@login_required
@require_POST
def role_request_decide(request, pk: int):
    _administrator(request)
    grant = get_object_or_404(
        RoleGrantRequest.objects.filter(user__agency_id=request.user.agency_id), pk=pk
    )
    try:
        role_grant_decide(
            request=grant, approve=request.POST.get("approve") == "yes", actor=request.user
        )
    except ServiceValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Decision recorded")
    return redirect("access:roles")
