from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.views import form_page
from openom.intelligence.forms import IntelligenceForm
from openom.intelligence.services import intelligence_add
from openom.organisations.constants import AgencyKind
from openom.people.selectors import current_allocation


@case_view(CasePart.POLICE_INTELLIGENCE)
def intelligence_list(request, case):
    items = list(case.person.intelligence.select_related("recorded_by"))
    return render(
        request,
        "intelligence/list.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "intelligence",
            "allocation": current_allocation(case.person),
            "items": items,
            "can_add": request.user.agency.kind == AgencyKind.POLICE,
        },
    )


@case_view(CasePart.POLICE_INTELLIGENCE)
@require_http_methods(["GET", "POST"])
def intelligence_create(request, case):
    if request.user.agency.kind != AgencyKind.POLICE:
        return redirect("intelligence:list", crn=case.person.crn)
    back = reverse("intelligence:list", args=[case.person.crn])
    return form_page(
        request,
        form=IntelligenceForm(request.POST or None),
        person=case.person,
        heading="Record police intelligence",
        save=lambda data: intelligence_add(person=case.person, actor=request.user, **data),
        success="Intelligence recorded",
        next_url=back,
        back_url=back,
    )
