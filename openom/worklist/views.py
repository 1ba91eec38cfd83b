from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from openom.access.constants import CasePart
from openom.access.policy import people_hidden_from
from openom.access.services import access_log_page
from openom.accounts.constants import Role
from openom.people.models import Person
from openom.worklist.selectors import worklist_for


@login_required
def worklist(request):
    team = (
        request.GET.get("view") == "team"
        and Role.SENIOR_PROBATION_OFFICER in request.user.role_codes
    )
    items = worklist_for(actor=request.user, team=team)
    crns = {i.crn for i in items}
    # Exclusions and restrictions override the team's list (issue #11).
    hidden = set(
        people_hidden_from(request.user).filter(crn__in=crns).values_list("crn", flat=True)
    )
    items = [i for i in items if i.crn not in hidden]
    # Filters (issue #15: "team worklist with filters"): by officer (team view) and kind of work.
    officers = sorted({i.officer for i in items})
    kinds = sorted({i.kind for i in items})
    officer, kind = request.GET.get("officer", ""), request.GET.get("kind", "")
    if team and officer:
        items = [i for i in items if i.officer == officer]
    if kind:
        items = [i for i in items if i.kind == kind]
    if request.GET.get("due") == "overdue":
        items = [i for i in items if i.overdue]
    crns = {i.crn for i in items}
    access_log_page(
        request,
        Person.objects.filter(crn__in=crns - hidden).values_list("pk", flat=True),
        part=CasePart.WORK_LIST,
    )
    return render(
        request,
        "worklist/worklist.html",
        {
            "items": items,
            "team": team,
            "is_manager": Role.SENIOR_PROBATION_OFFICER in request.user.role_codes,
            "overdue": sum(1 for i in items if i.overdue),
            "officers": officers,
            "kinds": kinds,
            "filtered": bool(officer or kind or request.GET.get("due")),
        },
    )
