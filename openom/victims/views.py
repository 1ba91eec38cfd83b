from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.accounts.models import User
from openom.core.history import changes_of
from openom.core.views import form_page
from openom.people.selectors import current_allocation
from openom.victims.forms import VictimEditForm, VictimForm, VictimSummaryForm
from openom.victims.services import (
    VICTIM_EDITABLE_FIELDS,
    victim_add,
    victim_summary_share,
    victim_update,
)


def _context(case, tab: str, **extra) -> dict:
    return {
        "case": case,
        "person": case.person,
        "access": case.access,
        "tab": tab,
        "allocation": current_allocation(case.person),
        **extra,
    }


@case_view(CasePart.VICTIMS)
def victim_list(request, case):
    victims = list(case.person.victims.select_related("liaison_officer"))
    summaries = list(case.person.victim_summaries.select_related("shared_with"))
    return render(
        request,
        "victims/victim_list.html",
        _context(case, "victims", victims=victims, summaries=summaries),
    )


@case_view(CasePart.VICTIMS)
@require_http_methods(["GET", "POST"])
def victim_create(request, case):
    back = reverse("victims:list", args=[case.person.crn])
    return form_page(
        request,
        form=VictimForm(request.POST or None),
        person=case.person,
        heading="Add a victim",
        save=lambda data: victim_add(person=case.person, data=data, actor=request.user),
        success="Victim record added",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.VICTIMS)
@require_http_methods(["GET", "POST"])
def victim_edit(request, case, pk: int):
    victim = case.person.victims.filter(pk=pk).first()
    if victim is None:
        raise Http404("No such victim")
    initial = {name: getattr(victim, name) for name in VICTIM_EDITABLE_FIELDS}
    initial["opted_in"] = "" if victim.opted_in is None else str(victim.opted_in)
    form = VictimEditForm(request.POST or None, initial={**initial, "version": victim.version})
    back = reverse("victims:list", args=[case.person.crn])
    return form_page(
        request,
        form=form,
        person=case.person,
        heading=f"Change the details of {victim.forename} {victim.surname}",
        save=lambda data: victim_update(
            victim=victim,
            data=form.victim_data(),
            version=data["version"],
            reason=data["reason"],
            actor=request.user,
        ),
        success="Victim's details changed",
        next_url=back,
        back_url=back,
        template="victims/victim_edit.html",
        context={"changes": changes_of(victim)},
    )


def _share_summary(case, actor, data):
    # An unknown username gets the same answer as a colleague off the case: no enumeration.
    colleague = User.objects.filter(username=data["username"], is_active=True).first()
    return victim_summary_share(
        person=case.person, shared_with=colleague, summary=data["summary"], actor=actor
    )


@case_view(CasePart.VICTIMS)
@require_http_methods(["GET", "POST"])
def victim_summary_create(request, case):
    back = reverse("victims:list", args=[case.person.crn])
    return form_page(
        request,
        form=VictimSummaryForm(request.POST or None),
        person=case.person,
        heading="Share a victim summary",
        intro="The colleague sees only this summary, never the victim's name or contact details.",
        save=lambda data: _share_summary(case, request.user, data),
        success="Summary shared",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.VICTIM_SUMMARY)
def victim_summary(request, case):
    summaries = list(
        case.person.victim_summaries.filter(shared_with=request.user).select_related("shared_by")
    )
    return render(
        request,
        "victims/victim_summary.html",
        _context(case, "victim-summary", summaries=summaries),
    )
