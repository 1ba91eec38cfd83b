from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.views import form_page
from openom.people.selectors import current_allocation
from openom.release import selectors
from openom.release.forms import CustodyAdjustmentForm
from openom.release.models import CustodyAdjustment
from openom.release.services import (
    adjustable_sentences,
    custody_adjustment_add,
    custody_adjustment_remove,
)


@case_view(CasePart.EVENTS)
def release_dates(request, case):
    calculation, rows = selectors.release_dates_for(case.person)
    return render(
        request,
        "release/dates.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "release",
            "allocation": current_allocation(case.person),
            "calculation": calculation,
            "rows": rows,
            "explanation": selectors.explanation_for(calculation),
            "adjustments": selectors.adjustments_for(case.person),
            "history": selectors.calculation_history(case.person),
        },
    )


@case_view(CasePart.EVENTS, edit=True)
@require_http_methods(["GET", "POST"])
def adjustment_create(request, case):
    back = reverse("release:dates", args=[case.person.crn])
    return form_page(
        request,
        form=CustodyAdjustmentForm(
            request.POST or None, sentences=adjustable_sentences(case.person)
        ),
        person=case.person,
        heading="Add a custody adjustment",
        intro="Release dates are recalculated as soon as you save, and the offender manager is told of any change.",
        save=lambda data: custody_adjustment_add(person=case.person, data=data, actor=request.user),
        success="Adjustment added and release dates recalculated",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.EVENTS, edit=True)
@require_POST
def adjustment_delete(request, case, pk: int):
    adjustment = CustodyAdjustment.objects.filter(person=case.person, pk=pk).first()
    if adjustment is None:
        raise Http404("No such adjustment")
    custody_adjustment_remove(adjustment=adjustment, actor=request.user)
    messages.success(request, "Adjustment removed and release dates recalculated")
    return redirect("release:dates", crn=case.person.crn)
