from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from openom.access import selectors
from openom.access.constants import CasePart, Relationship
from openom.access.decorators import case_view
from openom.access.forms import CaseRestrictionForm, CaseShareForm, OutOfTeamReasonForm
from openom.access.policy import case_access, people_visible_to
from openom.access.services import case_restriction_add, case_share_create, out_of_team_access_grant
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.core.exceptions import ServiceValidationError
from openom.core.pagination import paginate, pagination_context
from openom.core.views import form_page
from openom.people.selectors import current_allocation


@login_required
@require_http_methods(["GET", "POST"])
def case_reason(request, crn: str):
    """Ask for, and record, the reason for opening a case held by another team."""
    person = people_visible_to(request.user).filter(crn=crn.upper()).first()
    if person is None or case_access(request.user, person).relationship != Relationship.OUT_OF_TEAM:
        raise Http404("No case found")
    next_url = request.GET.get("next") or request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("people:case-summary", args=[person.crn])
    form = OutOfTeamReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            out_of_team_access_grant(
                user=request.user, person=person, reason=form.cleaned_data["reason"]
            )
        except ServiceValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect(next_url)
    return render(
        request, "access/case_reason.html", {"form": form, "crn": person.crn, "next": next_url}
    )


def _manager_context(case, **extra) -> dict:
    person = case.person
    page_request = extra.pop("request")
    log = paginate(page_request, selectors.access_log_for(person), per_page=50)
    return {
        "case": case,
        "person": person,
        "access": case.access,
        "tab": "access",
        "allocation": current_allocation(person),
        "shares": list(selectors.shares_for(person)),
        "restrictions": list(selectors.restrictions_for(person)),
        "is_manager": Role.SENIOR_PROBATION_OFFICER in page_request.user.role_codes,
        **pagination_context(page_request, log),
        **extra,
    }


@case_view(CasePart.ACCESS_LOG)
def case_access_log(request, case):
    return render(request, "access/case_access.html", _manager_context(case, request=request))


@case_view(CasePart.ACCESS_LOG, edit=True)
@require_http_methods(["GET", "POST"])
def case_share_add(request, case):
    if Role.SENIOR_PROBATION_OFFICER not in request.user.role_codes:
        raise Http404("No case found")
    back = reverse("people:case-access", args=[case.person.crn])

    def save(data):
        return case_share_create(
            person=case.person,
            agency=data["agency"],
            basis=data["basis"],
            parts=sorted({*data["parts"], CasePart.SUMMARY}),
            start_date=data["start_date"],
            end_date=data["end_date"],
            legal_basis=data["legal_basis"],
            reason=data["reason"],
            actor=request.user,
        )

    return form_page(
        request,
        form=CaseShareForm(request.POST or None),
        person=case.person,
        heading="Share with an agency",
        intro="The agency's staff will see only the parts you choose, between the dates you give. Victim details are never shared this way.",
        save=save,
        success="Case shared",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.ACCESS_LOG, edit=True)
@require_http_methods(["GET", "POST"])
def case_restriction_create(request, case):
    if Role.SENIOR_PROBATION_OFFICER not in request.user.role_codes:
        raise Http404("No case found")
    back = reverse("people:case-access", args=[case.person.crn])

    def save(data):
        staff = User.objects.filter(username=data["username"]).first()
        if staff is None:
            raise ServiceValidationError(
                "Unknown staff",
                field_errors={"username": "No member of staff has that username: check it"},
            )
        return case_restriction_add(
            person=case.person,
            kind=data["kind"],
            user=staff,
            reason=data["reason"],
            actor=request.user,
        )

    return form_page(
        request,
        form=CaseRestrictionForm(request.POST or None),
        person=case.person,
        heading="Restrict access",
        intro="Exclude a member of staff who must not see this case (for example, a relative), or restrict it to named staff. Once restricted, only listed staff can find or open it.",
        save=save,
        success="Access restriction recorded",
        next_url=back,
        back_url=back,
    )
