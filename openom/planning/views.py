from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.forms import VersionForm
from openom.core.views import form_page
from openom.people.selectors import current_allocation
from openom.planning import selectors
from openom.planning.constants import ObjectiveStatus
from openom.planning.forms import ObjectiveForm, PlanDraftForm, ReviewForm
from openom.planning.models import SentencePlan
from openom.planning.services import (
    objective_add,
    plan_review_record,
    sentence_plan_complete,
    sentence_plan_save_draft,
    sentence_plan_start,
)


def _plan(case, pk: int) -> SentencePlan:
    plan = SentencePlan.objects.filter(person=case.person, pk=pk).first()
    if plan is None:
        raise Http404("No such plan")
    return plan


@case_view(CasePart.SENTENCE_PLAN)
def plan_list(request, case):
    statuses = selectors.plans_for(case.person)
    drafts = {
        s.plan.pk: PlanDraftForm(
            initial={f: getattr(s.plan, f) for f in PlanDraftForm.base_fields}
            | {"version": s.plan.version},
            prefix=f"plan{s.plan.pk}",
        )
        for s in statuses
        if s.plan is not None
    }
    if not case.access.can_edit:
        for form in drafts.values():
            for field in form.fields.values():
                field.disabled = True
    return render(
        request,
        "planning/plans.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "plans",
            "allocation": current_allocation(case.person),
            "statuses": statuses,
            "drafts": drafts,
        },
    )


@case_view(CasePart.SENTENCE_PLAN, edit=True)
@require_POST
def plan_start(request, case, sentence_pk: int):
    sentence = case.person.sentences.filter(pk=sentence_pk, termination_date__isnull=True).first()
    if sentence is None:
        raise Http404("No such sentence")
    sentence_plan_start(sentence=sentence, actor=request.user)
    return redirect("planning:plans", crn=case.person.crn)


@case_view(CasePart.SENTENCE_PLAN, edit=True)
@require_POST
def plan_save_draft(request, case, pk: int):
    """Autosave (htmx, as the officer types) and the plain 'Save draft' button share this."""
    plan = _plan(case, pk)
    form = PlanDraftForm(request.POST, prefix=f"plan{plan.pk}")
    status, message = 200, ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            plan = sentence_plan_save_draft(
                plan=plan, data=data, version=data["version"], actor=request.user
            )
            message = "Draft saved"
        except EditConflict as conflict:
            status, message = 409, conflict.message
    else:
        status, message = 400, "The draft could not be saved: check the form"
    if request.headers.get("HX-Request"):
        return render(
            request,
            "planning/_draft_status.html",
            {"plan": plan, "message": message, "conflict": status == 409},
            status=status,
        )
    if status == 200:
        messages.success(request, message)
    else:
        messages.error(request, message)
    return redirect("planning:plans", crn=case.person.crn)


@case_view(CasePart.SENTENCE_PLAN, edit=True)
@require_http_methods(["GET", "POST"])
def objective_create(request, case, pk: int):
    plan = _plan(case, pk)
    back = reverse("planning:plans", args=[case.person.crn])
    return form_page(
        request,
        form=ObjectiveForm(request.POST or None),
        person=case.person,
        heading="Add an objective",
        intro="Link it to an assessed need or to the risk of harm, and say which sentencing purposes it serves.",
        save=lambda data: objective_add(plan=plan, data=data, actor=request.user),
        success="Objective added",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.SENTENCE_PLAN, edit=True)
@require_POST
def plan_complete(request, case, pk: int):
    plan = _plan(case, pk)
    try:
        sentence_plan_complete(
            plan=plan, version=VersionForm.posted(request.POST), actor=request.user
        )
    except ServiceValidationError as error:
        for message in (error.field_errors or {"plan": error.message}).values():
            messages.error(request, message)
    else:
        messages.success(request, "Sentence plan completed")
    return redirect("planning:plans", crn=case.person.crn)


@case_view(CasePart.SENTENCE_PLAN, edit=True)
@require_http_methods(["GET", "POST"])
def review_create(request, case, pk: int):
    plan = _plan(case, pk)
    objectives = plan.objectives.filter(
        status__in=[ObjectiveStatus.NOT_STARTED, ObjectiveStatus.IN_PROGRESS]
    )
    form = ReviewForm(request.POST or None, objectives=objectives)
    back = reverse("planning:plans", args=[case.person.crn])
    return form_page(
        request,
        form=form,
        person=case.person,
        heading="Review the sentence plan",
        intro="Record progress against every objective.",
        save=lambda data: plan_review_record(
            plan=plan,
            reviewed_on=data["reviewed_on"],
            reason=data["reason"],
            summary=data["summary"],
            progress=form.progress(),
            statuses=form.statuses(),
            actor=request.user,
        ),
        success="Review recorded",
        next_url=back,
        back_url=back,
    )
