from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.services import access_log_page
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.allocation import selectors
from openom.allocation.forms import AllocateForm
from openom.allocation.services import case_allocate_to_practitioner
from openom.core.views import form_page


def _manager(request):
    if Role.SENIOR_PROBATION_OFFICER not in request.user.role_codes or not request.user.team_id:
        raise Http404("Not found")


@login_required
def unallocated(request):
    _manager(request)
    waiting = list(selectors.unallocated_cases(request.user))
    loads = selectors.case_loads([a.person_id for a in waiting])
    rows = [(a, loads.get(a.person_id)) for a in waiting]
    access_log_page(request, [a.person_id for a in waiting], part=CasePart.WORK_LIST)
    return render(request, "allocation/unallocated.html", {"rows": rows})


@login_required
def workload(request):
    _manager(request)
    return render(
        request,
        "allocation/workload.html",
        {"practitioners": selectors.team_workload(request.user.team_id)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def allocate(request, crn: str):
    _manager(request)
    allocation = selectors.unallocated_cases(request.user).filter(person__crn=crn.upper()).first()
    if allocation is None:
        raise Http404("No such case waiting")
    access_log_page(request, [allocation.person_id], part=CasePart.WORK_LIST)
    practitioners, recommended, new_case = selectors.allocation_options(
        request.user.team_id, allocation.person_id
    )
    form = AllocateForm(
        request.POST or None,
        practitioners=practitioners,
        initial={"officer": str(recommended.user.pk) if recommended else None},
    )

    def save(data):
        officer = User.objects.get(pk=int(data["officer"]), team_id=request.user.team_id)
        return case_allocate_to_practitioner(
            person=allocation.person,
            officer=officer,
            recommended=recommended.user if recommended else None,
            justification=data["justification"],
            override_rationale=data["override_rationale"],
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        person=allocation.person,
        heading="Allocate the case",
        check_answers="Allocate the case",
        save=save,
        success=f"{allocation.person.full_name} allocated",
        next_url=reverse("allocation:unallocated"),
        back_url=reverse("allocation:unallocated"),
        template="allocation/allocate.html",
        context={"practitioners": practitioners, "recommended": recommended, "new_case": new_case},
    )
