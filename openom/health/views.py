from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.views import form_page
from openom.health.forms import HealthRecordForm
from openom.health.services import health_record_add
from openom.organisations.constants import AgencyKind
from openom.people.selectors import current_allocation


@case_view(CasePart.HEALTH)
def health_list(request, case):
    records = list(case.person.health_records.select_related("recorded_by"))
    return render(
        request,
        "health/list.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "health",
            "allocation": current_allocation(case.person),
            "records": records,
            "can_add": request.user.agency.kind == AgencyKind.HEALTH,
        },
    )


@case_view(CasePart.HEALTH)
@require_http_methods(["GET", "POST"])
def health_create(request, case):
    if request.user.agency.kind != AgencyKind.HEALTH:
        return redirect("health:list", crn=case.person.crn)
    back = reverse("health:list", args=[case.person.crn])
    return form_page(
        request,
        form=HealthRecordForm(request.POST or None),
        person=case.person,
        heading="Record health information",
        save=lambda data: health_record_add(person=case.person, actor=request.user, **data),
        success="Health information recorded",
        next_url=back,
        back_url=back,
    )
