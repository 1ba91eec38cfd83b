from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.accounts.constants import Role
from openom.core.exceptions import ServiceValidationError
from openom.enforcement.constants import ActionKind, ActionStatus
from openom.enforcement.forms import (
    BreachStartForm,
    RecallAuthoriseForm,
    RecallRequestForm,
    ResolveForm,
    WarningCloseForm,
    WarningGiveForm,
)
from openom.enforcement.models import EnforcementAction
from openom.enforcement.services import (
    breach_start,
    enforcement_resolve,
    recall_authorise,
    recall_request,
    warning_close,
    warning_give,
)
from openom.people.selectors import current_allocation


def _step(action: EnforcementAction, user):
    """The form for the action's next step, and the service that takes it."""
    if action.kind == ActionKind.WARNING and action.warned_on is None:
        return WarningGiveForm, lambda d: warning_give(
            action=action, warned_on=d["warned_on"], version=d["version"], actor=user
        )
    if action.kind == ActionKind.WARNING:
        return WarningCloseForm, lambda d: warning_close(
            action=action, actor=user, closed_on=d["closed_on"]
        )
    if action.status == ActionStatus.OPEN and action.kind == ActionKind.BREACH:
        return BreachStartForm, lambda d: breach_start(
            action=action,
            started_on=d["started_on"],
            reasons=d["reasons"],
            version=d["version"],
            actor=user,
        )
    if action.status == ActionStatus.OPEN and not action.recall_type:
        return RecallRequestForm, lambda d: recall_request(
            action=action,
            recall_type=d["recall_type"],
            reasons=d["reasons"],
            requested_on=d["requested_on"],
            version=d["version"],
            actor=user,
        )
    if action.status == ActionStatus.OPEN:
        return RecallAuthoriseForm, lambda d: recall_authorise(
            action=action, authorised_on=d["authorised_on"], version=d["version"], actor=user
        )
    return ResolveForm, lambda d: enforcement_resolve(
        action=action,
        resolved_on=d["resolved_on"],
        outcome=d["outcome"],
        version=d["version"],
        actor=user,
    )


@case_view(CasePart.CONTACTS, edit=True)
@require_http_methods(["GET", "POST"])
def action_detail(request, case, pk: int):
    action = (
        EnforcementAction.objects.filter(person=case.person, pk=pk)
        .prefetch_related("failures")
        .first()
    )
    if action is None:
        raise Http404("No such action")
    form = None
    if action.status in (ActionStatus.OPEN, ActionStatus.STARTED):
        form_class, take_step = _step(action, request.user)
        if (
            form_class is RecallAuthoriseForm
            and Role.SENIOR_PROBATION_OFFICER not in request.user.role_codes
        ):
            form_class = None
        if form_class is not None:
            form = form_class(
                request.POST or None,
                initial={
                    "version": action.version,
                    "started_on": timezone.localdate(),
                    "requested_on": timezone.localdate(),
                    "authorised_on": timezone.localdate(),
                    "resolved_on": timezone.localdate(),
                    "closed_on": timezone.localdate(),
                    "warned_on": timezone.localdate(),
                },
            )
            if request.method == "POST" and form.is_valid():
                try:
                    take_step(form.cleaned_data)
                except ServiceValidationError as error:
                    form.add_service_errors(error)
                else:
                    messages.success(request, "Enforcement updated")
                    return redirect("contacts:list", crn=case.person.crn)
    return render(
        request,
        "enforcement/action.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "contacts",
            "allocation": current_allocation(case.person),
            "action": action,
            "form": form,
        },
    )
