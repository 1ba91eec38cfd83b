"""IOM pages: the cohort, the matrix, referrals, candidates and selection, reviews, meetings."""

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view, iom_coordinator_view
from openom.access.services import access_log_page
from openom.core.dates import add_months
from openom.core.views import form_page
from openom.iom import forms, rules, selectors, services
from openom.iom.models import Membership, Scheme


def _today() -> dt.date:
    return timezone.localdate()


def _member(request, scheme: Scheme, pk: int, *, current: bool = False) -> Membership:
    """A member the coordinator may see (404 if hidden from them), logged as shown here."""
    membership = selectors.membership_for(request.user, scheme, pk, current=current)
    access_log_page(request, [membership.person_id], part=CasePart.IOM)
    return membership


@iom_coordinator_view
def cohort(request, scheme: Scheme):
    today = _today()
    members = list(selectors.cohort(scheme, request.user))
    access_log_page(request, [m.person_id for m in members], part=CasePart.IOM)
    alongside = selectors.statuses_alongside(members)
    long_stay_from = add_months(today, -rules.LONG_STAY_MONTHS)
    rows = [
        {
            "member": m,
            "intensity": scheme.intensity_label(m.intensity),
            "long_stayer": m.start_date <= long_stay_from,
            "overdue": m.next_review_due < today,
            "alongside": alongside.get(m.person_id, {}),
        }
        for m in members
    ]
    counts = {
        i["label"]: sum(1 for m in members if m.intensity == i["key"]) for i in scheme.intensities
    }
    return render(
        request,
        "iom/cohort.html",
        {
            "scheme": scheme,
            "rows": rows,
            "counts": counts,
            "referrals": selectors.referrals_waiting(scheme, request.user).count(),
        },
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def matrix(request, scheme: Scheme):
    """The scheme's matrix, or (with ?district=) one district's own priority multipliers."""
    districts = scheme.area.delivery_units.order_by("name")
    district_id = forms.MatrixQuery.read(request.GET)["district"]
    district = districts.filter(pk=district_id).first() if district_id else None
    form = forms.MatrixForm(
        request.POST or None,
        scheme=scheme,
        district=district,
        initial={"version": scheme.version, "capacity": scheme.capacity},
    )

    def save(data):
        services.scheme_matrix_save(
            scheme=scheme,
            weights=form.weights(),
            priority_weights=form.priority_weights(),
            capacity=data["capacity"],
            version=data["version"],
            district=district,
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success="Matrix saved: score the candidates again to use it",
        next_url=reverse("iom:candidates"),
        heading="Selection matrix",
        back_url=reverse("iom:cohort"),
        template="iom/matrix.html",
        context={"scheme": scheme, "districts": districts, "district": district},
    )


@case_view(CasePart.SUMMARY)
@require_http_methods(["GET", "POST"])
def referral_create(request, case):
    scheme = Scheme.objects.filter(area=case.person.probation_area).first()
    if scheme is None:
        raise Http404("No IOM scheme in this area")
    form = forms.ReferralForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.iom_referral_create(
            scheme=scheme, person=case.person, actor=request.user, today=_today(), **data
        ),
        success=f"Referred {case.person.full_name} to {scheme.name}",
        next_url=reverse("people:case-summary", args=[case.person.crn]),
        heading="Refer to IOM",
        check_answers="Send the referral",
        back_url=reverse("people:case-summary", args=[case.person.crn]),
        person=case.person,
        intro="Any agency can refer, for people on licence, on an order or not under supervision.",
    )


@iom_coordinator_view
def referrals(request, scheme: Scheme):
    waiting = list(selectors.referrals_waiting(scheme, request.user))
    access_log_page(request, [r.person_id for r in waiting], part=CasePart.IOM)
    return render(request, "iom/referrals.html", {"scheme": scheme, "referrals": waiting})


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def referral_screen(request, scheme: Scheme, pk: int):
    referral = get_object_or_404(selectors.referrals_waiting(scheme, request.user), pk=pk)
    access_log_page(request, [referral.person_id], part=CasePart.IOM)
    form = forms.ScreeningForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.iom_referral_screen(
            referral=referral, actor=request.user, today=_today(), **data
        ),
        success=f"Referral for {referral.person.full_name} screened",
        next_url=reverse("iom:candidates"),
        heading="Screen the referral",
        back_url=reverse("iom:referrals"),
        person=referral.person,
        template="iom/referral_screen.html",
        context={"referral": referral},
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def candidate_list(request, scheme: Scheme):
    form = forms.SelectionForm(request.POST or None, scheme=scheme)
    if request.method == "POST" and request.POST.get("rescore"):
        services.candidates_rescore(scheme=scheme, actor=request.user, today=_today())
        return redirect("iom:candidates")

    def save(data):
        services.cohort_select(scheme=scheme, actor=request.user, today=_today(), **data)

    options = selectors.selection_options(scheme)
    visible = selectors.candidates(scheme, request.user)
    names = {p.pk: p for p, _ in visible}
    access_log_page(request, list(names), part=CasePart.IOM)
    return form_page(
        request,
        form=form,
        save=save,
        success="Selected into the cohort",
        next_url=reverse("iom:cohort"),
        heading="Candidates",
        back_url=reverse("iom:cohort"),
        template="iom/candidates.html",
        context={
            "scheme": scheme,
            "candidates": visible,
            "options": [
                # A candidate hidden from the coordinator is counted but never named.
                (key, option, [names[c.key] for c in option.chosen if c.key in names])
                for key, option in options.items()
            ],
        },
    )


@iom_coordinator_view
def member_detail(request, scheme: Scheme, pk: int):
    membership = _member(request, scheme, pk)
    today = _today()
    _, current = selectors.score_now(scheme, membership.person, today)
    proposal = selectors.proposal_for(membership, current.total, today)
    return render(
        request,
        "iom/member.html",
        {
            "scheme": scheme,
            "membership": membership,
            "intensity": scheme.intensity_label(membership.intensity),
            "score": current,
            "proposal": proposal,
            "review_form": forms.ReviewForm(
                initial={"version": membership.version, "decision": proposal.action}
            ),
            "history": membership.intensity_history.select_related("changed_by"),
            "reviews": membership.reviews.select_related("reviewed_by", "score"),
            "actions": membership.actions.select_related("owner_agency"),
            "link_workers": scheme.link_workers.select_related("agency"),
        },
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def member_review(request, scheme: Scheme, pk: int):
    membership = _member(request, scheme, pk, current=True)
    form = forms.ReviewForm(request.POST or None, initial={"version": membership.version})
    return form_page(
        request,
        form=form,
        save=lambda data: services.member_review(
            membership=membership, actor=request.user, today=_today(), **data
        ),
        success="Review recorded",
        next_url=reverse("iom:member", args=[pk]),
        heading="Review",
        back_url=reverse("iom:member", args=[pk]),
        person=membership.person,
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def action_add(request, scheme: Scheme, pk: int):
    membership = _member(request, scheme, pk, current=True)
    form = forms.ActionForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.action_plan_add(
            membership=membership, actor=request.user, **data
        ),
        success="Action added to the plan",
        next_url=reverse("iom:member", args=[pk]),
        heading="Add to the action plan",
        back_url=reverse("iom:member", args=[pk]),
        person=membership.person,
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def meeting_build(request, scheme: Scheme):
    form = forms.MeetingForm(request.POST or None)
    made = {}

    def save(data):
        made["meeting"] = services.case_meeting_build(
            scheme=scheme, date=data["date"], actor=request.user
        )

    response = form_page(
        request,
        form=form,
        save=save,
        success="Agenda built",
        next_url=reverse("iom:cohort"),
        heading="Build a case management meeting agenda",
        back_url=reverse("iom:cohort"),
        template="iom/meeting_form.html",
    )
    if "meeting" in made:
        return redirect("iom:meeting", pk=made["meeting"].pk)
    return response


@iom_coordinator_view
def meeting_detail(request, scheme: Scheme, pk: int):
    meeting = selectors.case_meeting_for(request.user, scheme, pk)
    items = list(selectors.case_meeting_items_for(request.user, meeting))
    access_log_page(request, [i.membership.person_id for i in items], part=CasePart.IOM)
    cases = [
        rules.AgendaCase(i.membership_id, frozenset(i.agencies), meeting.minutes_per_case)
        for i in items
    ]
    windows = rules.windows_for(cases)
    start = dt.datetime.combine(meeting.date, dt.time(10, 0))

    def clock(minute: int) -> str:
        return (start + dt.timedelta(minutes=minute)).strftime("%H:%M")

    return render(
        request,
        "iom/meeting.html",
        {
            "scheme": scheme,
            "meeting": meeting,
            "items": [(i, clock(i.starts_minute)) for i in items],
            "windows": [(w, clock(w.start_minute), clock(w.end_minute)) for w in windows],
            "link_workers": scheme.link_workers.select_related("agency"),
        },
    )


@iom_coordinator_view
def outcomes(request, scheme: Scheme):
    return render(
        request, "iom/outcomes.html", {"scheme": scheme, **selectors.outcomes(scheme, _today())}
    )


@iom_coordinator_view
@require_http_methods(["GET", "POST"])
def meeting_minutes(request, scheme: Scheme, pk: int, item: int):
    meeting = selectors.case_meeting_for(request.user, scheme, pk)
    agenda_item = get_object_or_404(
        selectors.case_meeting_items_for(request.user, meeting), pk=item
    )
    access_log_page(request, [agenda_item.membership.person_id], part=CasePart.IOM)
    form = forms.MinutesForm(
        request.POST or None,
        initial={"minutes": agenda_item.minutes, "version": agenda_item.version},
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.case_meeting_minute(
            item=agenda_item,
            minutes=data["minutes"],
            action=form.agreed_action(),
            actor=request.user,
            today=_today(),
            version=data["version"],
        ),
        success="Minutes saved",
        next_url=reverse("iom:meeting", args=[pk]),
        heading="Minutes",
        back_url=reverse("iom:meeting", args=[pk]),
        person=agenda_item.membership.person,
    )
