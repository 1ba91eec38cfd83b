from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.access.services import access_log_page
from openom.accounts.constants import Role
from openom.assessment import selectors
from openom.assessment.forms import (
    NeedSectionForm,
    PredictorScoreForm,
    RiskForm,
    StartAssessmentForm,
)
from openom.assessment.models import Assessment
from openom.assessment.questions import SECTIONS, SECTIONS_BY_KEY
from openom.assessment.services import (
    DRAFT_FIELDS,
    assessment_complete,
    assessment_countersign,
    assessment_save,
    assessment_start,
    predictor_score_record,
)
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.forms import VersionForm
from openom.core.views import form_page
from openom.people.selectors import current_allocation

RISK_SECTION = "risk"


def _context(case, **extra) -> dict:
    return {
        "case": case,
        "person": case.person,
        "access": case.access,
        "tab": "assessment",
        "allocation": current_allocation(case.person),
        **extra,
    }


@case_view(CasePart.RISK_SUMMARY)
def assessment_overview(request, case):
    from openom.tiering.selectors import current_tier

    return render(
        request,
        "assessment/overview.html",
        _context(
            case,
            latest=selectors.latest_assessment(case.person),
            draft=selectors.draft_assessment(case.person),
            changes=selectors.need_changes(case.person),
            predictors=selectors.predictors_for(case.person),
            tier=current_tier(case.person),
            tier_in_force=settings.OPENOM_TIER_IN_FORCE,
            sections={s.key: s.title for s in SECTIONS},
            start_form=StartAssessmentForm(),
        ),
    )


@case_view(CasePart.RISK_SUMMARY, edit=True)
@require_POST
def assessment_begin(request, case):
    form = StartAssessmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose why you are assessing now")
        return redirect("assessment:overview", crn=case.person.crn)
    assessment = assessment_start(
        person=case.person, purpose=form.cleaned_data["purpose"], actor=request.user
    )
    return redirect("assessment:edit", crn=case.person.crn, pk=assessment.pk, section=RISK_SECTION)


def _draft(case, pk: int) -> Assessment:
    assessment = Assessment.objects.filter(person=case.person, pk=pk).first()
    if assessment is None:
        raise Http404("No such assessment")
    return assessment


def _section_form(assessment: Assessment, section: str, data=None):
    initial = {"version": assessment.version}
    if section == RISK_SECTION:
        initial |= {f: getattr(assessment, f) for f in DRAFT_FIELDS}
        return RiskForm(data, initial=initial)
    links = assessment.links.get(section, {})
    initial |= assessment.answers.get(section, {}) | {
        "linked_to_harm": links.get("harm", False),
        "linked_to_reoffending": links.get("reoffending", False),
    }
    return NeedSectionForm(data, initial=initial, section=SECTIONS_BY_KEY[section])


@case_view(CasePart.RISK_SUMMARY, edit=True)
@require_http_methods(["GET", "POST"])
def assessment_edit(request, case, pk: int, section: str):
    """One section of a draft; saved on every change (htmx) and on 'Save and continue'."""
    assessment = _draft(case, pk)
    if section != RISK_SECTION and section not in SECTIONS_BY_KEY:
        raise Http404("No such section")
    form = _section_form(assessment, section, request.POST or None)
    order = [RISK_SECTION, *(s.key for s in SECTIONS)]
    following = order[order.index(section) + 1] if section != order[-1] else None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        status, message = 200, "Saved"
        try:
            assessment = assessment_save(
                assessment=assessment,
                version=data["version"],
                actor=request.user,
                data={k: v for k, v in data.items() if k in DRAFT_FIELDS}
                if section == RISK_SECTION
                else {},
                answers=None if section == RISK_SECTION else form.answers(),
                links=None if section == RISK_SECTION else form.links(),
            )
        except EditConflict as conflict:
            status, message = 409, conflict.message
        except ServiceValidationError as error:
            status, message = 400, error.message
        if request.headers.get("HX-Request"):
            return render(
                request,
                "assessment/_save_status.html",
                {"assessment": assessment, "message": message, "conflict": status != 200},
                status=status,
            )
        if status == 200:
            if following:
                return redirect(
                    "assessment:edit", crn=case.person.crn, pk=assessment.pk, section=following
                )
            return redirect(
                "assessment:edit", crn=case.person.crn, pk=assessment.pk, section=section
            )
        messages.error(request, message)
    answered = {s.key: len(assessment.answers.get(s.key, {})) == len(s.questions) for s in SECTIONS}
    return render(
        request,
        "assessment/edit.html",
        _context(
            case,
            assessment=assessment,
            form=form,
            section=section,
            sections=SECTIONS,
            answered=answered,
            title="Risk of serious harm"
            if section == RISK_SECTION
            else SECTIONS_BY_KEY[section].title,
            risk_done=assessment.full_analysis_needed is not None and bool(assessment.overall_rosh),
        ),
    )


@case_view(CasePart.RISK_SUMMARY, edit=True)
@require_POST
def assessment_finish(request, case, pk: int):
    assessment = _draft(case, pk)
    try:
        assessment = assessment_complete(
            assessment=assessment, version=VersionForm.posted(request.POST), actor=request.user
        )
    except ServiceValidationError as error:
        for message in (error.field_errors or {"assessment": error.message}).values():
            messages.error(request, message)
        return redirect(
            "assessment:edit", crn=case.person.crn, pk=assessment.pk, section=RISK_SECTION
        )
    if assessment.status == "AWAITING_COUNTERSIGNATURE":
        messages.success(request, "Assessment completed and sent to your manager to countersign")
    else:
        messages.success(request, "Assessment completed")
    return redirect("assessment:overview", crn=case.person.crn)


@case_view(CasePart.RISK_SUMMARY, edit=True)
@require_POST
def assessment_sign(request, case, pk: int):
    assessment = _draft(case, pk)
    try:
        assessment_countersign(assessment=assessment, actor=request.user)
    except ServiceValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Countersigned the assessment for {case.person.full_name}")
    return redirect("assessments:countersign-queue")


@case_view(CasePart.RISK_SUMMARY, edit=True)
@require_http_methods(["GET", "POST"])
def predictor_create(request, case):
    back = reverse("assessment:overview", args=[case.person.crn])
    return form_page(
        request,
        form=PredictorScoreForm(request.POST or None),
        person=case.person,
        heading="Record a predictor score",
        intro="Scores from an external assessment tool (RSR, OSP, ARP, CSRP, DC-SRP...), with their band.",
        save=lambda data: predictor_score_record(person=case.person, data=data, actor=request.user),
        success="Predictor recorded and tier recalculated",
        next_url=back,
        back_url=back,
    )


@login_required
def countersign_queue(request):
    if Role.SENIOR_PROBATION_OFFICER not in request.user.role_codes:
        raise Http404("Not found")
    assessments = list(selectors.countersigning_queue(request.user))
    access_log_page(request, [a.person_id for a in assessments], part=CasePart.WORK_LIST)
    return render(request, "assessment/queue.html", {"assessments": assessments})
