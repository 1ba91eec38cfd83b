from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from openom.accounts.constants import Role
from openom.worklist.selectors import worklist_for


@login_required
def worklist(request):
    team = (
        request.GET.get("view") == "team"
        and Role.SENIOR_PROBATION_OFFICER in request.user.role_codes
    )
    items = worklist_for(actor=request.user, team=team)
    return render(
        request,
        "worklist/worklist.html",
        {
            "items": items,
            "team": team,
            "is_manager": Role.SENIOR_PROBATION_OFFICER in request.user.role_codes,
            "overdue": sum(1 for i in items if i.overdue),
        },
    )
