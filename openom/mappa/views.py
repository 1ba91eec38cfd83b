"""MAPPA pages: the coordinator's register, referrals, meetings, actions and annual report."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from openom.access.constants import CasePart
from openom.access.decorators import case_view, mappa_coordinator_view
from openom.access.policy import has_mappa_role, may_manage_mappa, may_read_minutes
from openom.access.services import access_log_page
from openom.accounts.constants import Role
from openom.core.exceptions import ServiceValidationError
from openom.core.pagination import paginate, pagination_context
from openom.core.views import form_page
from openom.mappa import charts, forms, lifecycle_rules, report, rules, selectors, services
from openom.mappa.constants import Category, Level
from openom.mappa.models import AgendaItem


def _today() -> dt.date:
    return timezone.localdate()


def _registration(request, pk: int):
    """A registration on the user's register (404 otherwise), logged as shown on this page."""
    registration = selectors.registration_for(request.user, pk)
    access_log_page(request, [registration.person_id], part=CasePart.MAPPA)
    return registration


@mappa_coordinator_view
def register(request):
    category = request.GET.get("category") or None
    level = request.GET.get("level") or None
    page = paginate(
        request,
        selectors.register_for(
            request.user,
            category=int(category) if category in {"1", "2", "3"} else None,
            level=int(level) if level in {"1", "2", "3"} else None,
        ),
    )
    access_log_page(request, [r.person_id for r in page.object_list], part=CasePart.MAPPA)
    return render(
        request,
        "mappa/register.html",
        {
            "page": page,
            **pagination_context(request, page),
            "categories": Category.choices,
            "levels": Level.choices,
            "category": category,
            "level": level,
            "referrals": selectors.referrals_waiting_for(request.user).count(),
            "today": _today(),
        },
    )


@case_view(CasePart.SUMMARY)
@require_http_methods(["GET", "POST"])
def referral_create(request, case):
    form = forms.ReferralForm(request.POST or None)

    def save(data):
        return services.mappa_referral_create(
            person=case.person, actor=request.user, today=_today(), **data
        )

    return form_page(
        request,
        form=form,
        save=save,
        success=f"Referred {case.person.full_name} to MAPPA",
        next_url=reverse("people:case-summary", args=[case.person.crn]),
        heading="Refer to MAPPA",
        check_answers="Send the referral",
        back_url=reverse("people:case-summary", args=[case.person.crn]),
        person=case.person,
        intro="The MAPPA coordinator decides the category from the person's record and the level.",
    )


@mappa_coordinator_view
def referrals(request):
    waiting = list(selectors.referrals_waiting_for(request.user))
    access_log_page(request, [r.person_id for r in waiting], part=CasePart.MAPPA)
    return render(request, "mappa/referrals.html", {"referrals": waiting})


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def referral_decide(request, pk: int):
    referral = get_object_or_404(selectors.referrals_waiting_for(request.user), pk=pk)
    form = forms.ReferralDecisionForm(request.POST or None, police_force=request.user.agency)
    category = selectors.category_of(referral.person, as_of=_today(), referral=referral)
    access_log_page(request, [referral.person_id], part=CasePart.MAPPA)

    def save(data):
        services.mappa_referral_decide(
            referral=referral, actor=request.user, today=_today(), **data
        )

    return form_page(
        request,
        form=form,
        save=save,
        success=f"Referral for {referral.person.full_name} decided",
        next_url=reverse("mappa:register"),
        heading="Decide the referral",
        back_url=reverse("mappa:referrals"),
        person=referral.person,
        template="mappa/referral_decide.html",
        context={"referral": referral, "category": category},
    )


@mappa_coordinator_view
def registration_detail(request, pk: int):
    registration = _registration(request, pk)
    person = registration.person
    last_notification = person.notifications_made.order_by("-notified_on").first()
    return render(
        request,
        "mappa/registration.html",
        {
            "registration": registration,
            "last_notification": last_notification,
            "renotification_due": (
                rules.renotification_due(
                    last_notification.notified_on, no_fixed_abode=last_notification.no_fixed_abode
                )
                if last_notification
                else None
            ),
            "orders": person.civil_orders.prefetch_related("breaches"),
            "sfos": registration.serious_further_offences.all(),
            **selectors.registration_lifecycle(registration),
            "review_dates": _review_dates(registration),
            "level_form": forms.LevelForm(
                initial={"version": registration.version, "level": registration.level}
            ),
            "in_time": services.confirmed_in_time(registration),
        },
    )


def _review_dates(registration) -> dict | None:
    """The earliest application dates of s91B for a category 1 case, from the first notification
    recorded after release (or the first recorded at all), for the coordinator to check."""
    if registration.category != Category.REGISTERED_SEXUAL_OFFENDER:
        return None
    first = registration.person.notifications_made.order_by("notified_on").first()
    if first is None:
        return None
    return {
        "from": first.notified_on,
        "adult": lifecycle_rules.qualifying_date(
            first.notified_on, under_18_on_relevant_date=False
        ),
        "youth": lifecycle_rules.qualifying_date(first.notified_on, under_18_on_relevant_date=True),
    }


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def level_change(request, pk: int):
    registration = _registration(request, pk)
    form = forms.LevelForm(request.POST or None, initial={"version": registration.version})

    def save(data):
        services.mappa_level_set(
            registration=registration, actor=request.user, today=_today(), **data
        )

    return form_page(
        request,
        form=form,
        save=save,
        success="Level changed",
        next_url=reverse("mappa:registration", args=[pk]),
        heading="Change the MAPPA level",
        back_url=reverse("mappa:registration", args=[pk]),
        person=registration.person,
    )


@mappa_coordinator_view
@require_POST
def confirm_to_prison(request, pk: int):
    registration = _registration(request, pk)
    try:
        in_time = services.mappa_level_confirm_to_prison(
            registration=registration, actor=request.user
        )
    except ServiceValidationError as error:
        messages.error(request, error.message)
    else:
        if in_time:
            messages.success(request, "Level confirmed to the prison")
        else:
            messages.warning(
                request, "Level confirmed to the prison less than 48 hours before release"
            )
    return redirect("mappa:registration", pk=pk)


@login_required
def meeting_list(request):
    meetings = selectors.meetings_for(request.user)
    if not meetings.exists() and Role.MAPPA_COORDINATOR not in request.user.role_codes:
        raise Http404("No such page")
    page = paginate(request, meetings)
    return render(
        request,
        "mappa/meetings.html",
        {
            "page": page,
            **pagination_context(request, page),
            "coordinator": may_manage_mappa(request.user, request.user.agency_id),
        },
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def meeting_schedule(request):
    # Query and posted values are read by a form: ?level=abc is ignored, never a 500.
    level = forms.MeetingQuery.read(request.POST or request.GET)["level"] or Level.MULTI_AGENCY
    due_by = _today() + dt.timedelta(weeks=8)
    candidates = selectors.register_for(request.user, level=level if level in (2, 3) else 2)
    form = forms.MeetingForm(
        request.POST or None,
        initial={"level": level, "registrations": candidates.filter(next_review_due__lte=due_by)},
        police_force=request.user.agency,
        registrations=candidates,
    )

    made = {}

    def save(data):
        meeting = services.mapp_meeting_schedule(
            police_force=request.user.agency,
            level=data["level"],
            police_unit=data["police_unit"],
            starts_at=form.starts_at(),
            location=data["location"],
            chair=data["chair"],
            agencies=list(data["agencies"]),
            registrations=list(data["registrations"]),
            actor=request.user,
        )
        made["meeting"] = meeting

    response = form_page(
        request,
        form=form,
        save=save,
        success="Meeting scheduled",
        next_url=reverse("mappa:meetings"),
        heading="Schedule a MAPP meeting",
        back_url=reverse("mappa:meetings"),
        template="mappa/meeting_form.html",
        context={"level": level},
    )
    if "meeting" in made:
        return redirect("mappa:meeting", pk=made["meeting"].pk)
    return response


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_for(request.user, pk)
    coordinator = may_manage_mappa(request.user, meeting.police_force_id)
    access_log_page(
        request, [item.registration.person_id for item in meeting.agenda.all()], part=CasePart.MAPPA
    )
    invitations = list(meeting.invitations.all())
    return render(
        request,
        "mappa/meeting.html",
        {
            "meeting": meeting,
            "coordinator": coordinator,
            "minutes_visible": may_read_minutes(request.user, meeting),
            "invitations": invitations,
            "attendance_form": forms.AttendanceForm(invitations=invitations)
            if coordinator
            else None,
        },
    )


@mappa_coordinator_view
@require_POST
def meeting_attendance(request, pk: int):
    meeting = selectors.meeting_for(request.user, pk)
    form = forms.AttendanceForm(request.POST, invitations=list(meeting.invitations.all()))
    if form.is_valid():
        services.mapp_meeting_attendance_record(
            meeting=meeting, attended=form.attended(), actor=request.user, today=_today()
        )
        messages.success(request, "Attendance recorded")
    return redirect("mappa:meeting", pk=pk)


def _item(request, meeting_pk: int, item_pk: int) -> AgendaItem:
    meeting = selectors.meeting_for(request.user, meeting_pk)
    item = selectors.agenda_item_for(request.user, meeting, item_pk)
    access_log_page(request, [item.registration.person_id], part=CasePart.MAPPA)
    return item


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def minutes_record(request, pk: int, item: int):
    agenda_item = _item(request, pk, item)
    form = forms.MinutesForm(
        request.POST or None,
        initial={
            "minutes": agenda_item.minutes,
            "risk_management_plan": agenda_item.risk_management_plan,
            "disclosure_decision": agenda_item.disclosure_decision,
            "version": agenda_item.version,
            "registration_version": agenda_item.registration.version,
        },
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.agenda_item_minute(
            item=agenda_item,
            data=data,
            actor=request.user,
            today=_today(),
            version=data["version"],
            registration_version=data["registration_version"],
        ),
        success="Minutes saved",
        next_url=reverse("mappa:meeting", args=[pk]),
        heading="Minutes",
        back_url=reverse("mappa:meeting", args=[pk]),
        person=agenda_item.registration.person,
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def action_add(request, pk: int, item: int):
    agenda_item = _item(request, pk, item)
    form = forms.ActionForm(
        request.POST or None, agencies=agenda_item.meeting.agencies.order_by("name")
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.meeting_action_add(item=agenda_item, actor=request.user, **data),
        success="Action added",
        next_url=reverse("mappa:meeting", args=[pk]),
        heading="Add an action",
        back_url=reverse("mappa:meeting", args=[pk]),
        person=agenda_item.registration.person,
    )


@login_required
def actions(request):
    actions_ = selectors.open_actions_for(request.user)
    if not has_mappa_role(request.user):
        raise Http404("No such page")
    page = paginate(request, actions_)
    access_log_page(
        request,
        [a.agenda_item.registration.person_id for a in page.object_list],
        part=CasePart.MAPPA,
    )
    return render(
        request,
        "mappa/actions.html",
        {"page": page, **pagination_context(request, page), "today": _today()},
    )


@login_required
@require_POST
def action_complete(request, pk: int):
    action = get_object_or_404(selectors.open_actions_for(request.user), pk=pk)
    access_log_page(request, [action.agenda_item.registration.person_id], part=CasePart.MAPPA)
    try:
        services.meeting_action_complete(
            action=action, note=request.POST.get("note", ""), actor=request.user, today=_today()
        )
    except ServiceValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Action marked as done")
    return redirect("mappa:actions")


def _report_year_end(request) -> dt.date:
    today = _today()
    return dt.date(today.year if today.month > 3 else today.year - 1, 3, 31)


REPORT_DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "csv-tidy": ("text/csv; charset=utf-8", "csv"),
    "zip": ("application/zip", "zip"),
}


@mappa_coordinator_view
def annual_report(request):
    form = forms.ReportForm(request.GET or {"year_end": _report_year_end(request).isoformat()})
    if not form.is_valid():
        return render(request, "mappa/report.html", {"form": form}, status=400)
    try:
        built = report.mappa_annual_report(
            police_force=request.user.agency, year_end=form.cleaned_data["year_end"]
        )
    except report.NotAYearEnd as error:
        form.add_error("year_end", str(error))
        return render(request, "mappa/report.html", {"form": form}, status=400)
    name = f"mappa-annual-{built.year_end:%Y}"
    output = request.GET.get("format")
    if output in REPORT_DOWNLOADS:
        content_type, extension = REPORT_DOWNLOADS[output]
        content = {
            "csv": report.report_csv,
            "csv-tidy": report.report_csv_tidy,
            "zip": report.report_zip,
        }[output](built)
        suffix = "-tidy" if output == "csv-tidy" else ""
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}{suffix}.{extension}"'
        return response
    context = _report_context(built)
    if output == "pdf":
        html = render_to_string("mappa/report_pdf.html", context)
        response = HttpResponse(report.report_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    commentary = built.commentary
    context["commentary_form"] = forms.CommentaryForm(
        initial={
            "text": commentary.text if commentary else "",
            "version": commentary.version if commentary else None,
        }
    )
    return render(request, "mappa/report.html", {"form": form, **context})


def _report_context(built: report.MappaAnnualReport) -> dict:
    """The tables with their charts, the five-year trend and the notes: the page and the PDF."""
    trend = report.mappa_trend(police_force=built.police_force, year_end=built.year_end)
    return {
        "report": built,
        "tables": [(table, charts.table_chart(table)) for table in built.tables()],
        "trend": charts.trend_charts(trend),
    }


@mappa_coordinator_view
@require_POST
def report_commentary(request):
    form = forms.ReportForm(request.GET)
    commentary_form = forms.CommentaryForm(request.POST)
    if not form.is_valid():
        raise Http404("No such year")
    year_end = form.cleaned_data["year_end"]
    try:
        report.check_year_end(year_end)
    except report.NotAYearEnd:
        raise Http404("No such year") from None
    target = f"{reverse('mappa:report')}?year_end={year_end:%Y-%m-%d}"
    if commentary_form.is_valid():
        try:
            services.report_commentary_save(
                police_force=request.user.agency,
                year_end=year_end,
                text=commentary_form.cleaned_data["text"],
                version=commentary_form.cleaned_data["version"],
                actor=request.user,
            )
        except ServiceValidationError as error:
            commentary_form.add_service_errors(error)
        else:
            messages.success(request, "Commentary saved")
            return redirect(f"{target}#commentary")
    built = report.mappa_annual_report(police_force=request.user.agency, year_end=year_end)
    return render(
        request,
        "mappa/report.html",
        {
            "form": forms.ReportForm(initial={"year_end": year_end}),
            "commentary_form": commentary_form,
            **_report_context(built),
        },
        status=400,
    )


def _registration_form(request, pk: int, form_class, save, *, heading: str, success: str):
    registration = _registration(request, pk)
    form = form_class(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: save(registration, data),
        success=success,
        next_url=reverse("mappa:registration", args=[pk]),
        heading=heading,
        back_url=reverse("mappa:registration", args=[pk]),
        person=registration.person,
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def notification_add(request, pk: int):
    return _registration_form(
        request,
        pk,
        forms.NotificationForm,
        lambda registration, data: services.sex_offender_notification_record(
            registration=registration, actor=request.user, **data
        ),
        heading="Record a notification",
        success="Notification recorded",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def notification_breach_add(request, pk: int):
    return _registration_form(
        request,
        pk,
        forms.NotificationBreachForm,
        lambda registration, data: services.notification_breach_record(
            registration=registration, actor=request.user, **data
        ),
        heading="Record a breach of the notification requirements",
        success="Breach recorded",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def civil_order_add(request, pk: int):
    return _registration_form(
        request,
        pk,
        forms.CivilOrderForm,
        lambda registration, data: services.civil_order_record(
            registration=registration, data=data, actor=request.user
        ),
        heading="Record a civil order",
        success="Order recorded",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def civil_order_breach_add(request, pk: int):
    registration = _registration(request, pk)
    form = forms.CivilOrderBreachForm(
        request.POST or None, orders=registration.person.civil_orders.all()
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.civil_order_breach_record(
            registration=registration, actor=request.user, **data
        ),
        success="Breach recorded",
        next_url=reverse("mappa:registration", args=[pk]),
        heading="Record a breach of a civil order",
        back_url=reverse("mappa:registration", args=[pk]),
        person=registration.person,
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def sfo_add(request, pk: int):
    return _registration_form(
        request,
        pk,
        forms.SeriousFurtherOffenceForm,
        lambda registration, data: services.serious_further_offence_record(
            registration=registration, actor=request.user, **data
        ),
        heading="Record a serious further offence",
        success="Serious further offence recorded",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def sfo_review(request, pk: int, sfo: int):
    registration = _registration(request, pk)
    offence = get_object_or_404(registration.serious_further_offences.all(), pk=sfo)
    form = forms.SeriousFurtherOffenceReviewForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.serious_further_offence_review(
            sfo=offence, findings=data["findings"], actor=request.user, today=_today()
        ),
        success="Review recorded",
        next_url=reverse("mappa:registration", args=[pk]),
        heading="Review of a serious further offence",
        back_url=reverse("mappa:registration", args=[pk]),
        person=registration.person,
    )


def _lifecycle_page(request, registration, form, save, *, heading: str, success: str, intro=""):
    return form_page(
        request,
        form=form,
        save=save,
        success=success,
        next_url=reverse("mappa:registration", args=[registration.pk]),
        heading=heading,
        back_url=reverse("mappa:registration", args=[registration.pk]),
        person=registration.person,
        intro=intro,
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def registration_end(request, pk: int):
    registration = _registration(request, pk)
    form = forms.EndForm(
        request.POST or None, initial={"version": registration.version, "ended_on": _today()}
    )
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.mappa_registration_end(
            registration=registration,
            reason=data["reason"],
            ended_on=data["ended_on"],
            notes=data["notes"],
            version=data["version"],
            actor=request.user,
            today=_today(),
        ),
        heading="End MAPPA management",
        success=f"MAPPA management of {registration.person.full_name} ended",
        intro="The case leaves the register and MAPPA sharing with other agencies ends. "
        "The history stays on the record.",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def registration_transfer(request, pk: int):
    registration = _registration(request, pk)
    form = forms.TransferForm(
        request.POST or None,
        initial={"version": registration.version},
        police_force=registration.police_force,
    )
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.mappa_registration_transfer(
            registration=registration,
            to_police_force=data["to_police_force"],
            reason=data["reason"],
            version=data["version"],
            actor=request.user,
            today=_today(),
        ),
        heading="Transfer to another MAPPA area",
        success=f"{registration.person.full_name} transferred",
        intro="The receiving area's coordinators are told. The case keeps its category and "
        "level until they review it.",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def whereabouts_add(request, pk: int):
    registration = _registration(request, pk)
    form = forms.WhereaboutsForm(request.POST or None)
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.whereabouts_record(
            registration=registration, actor=request.user, today=_today(), **data
        ),
        heading="Record as wanted or missing",
        success="Recorded as wanted or missing",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def whereabouts_found(request, pk: int):
    registration = _registration(request, pk)
    form = forms.FoundForm(request.POST or None, initial={"found_on": _today()})
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.whereabouts_found(
            registration=registration, actor=request.user, today=_today(), **data
        ),
        heading="Record as found",
        success="Recorded as found",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def lifetime_review_apply(request, pk: int):
    registration = _registration(request, pk)
    form = forms.LifetimeReviewApplicationForm(request.POST or None)
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.lifetime_review_apply(
            registration=registration, actor=request.user, today=_today(), **data
        ),
        heading="Application to review indefinite notification requirements",
        success="Application recorded",
        intro="An application may be made 15 years after the relevant notification, or 8 years "
        "if the person was under 18 on the date of conviction (Sexual Offences Act 2003 s91B).",
    )


@mappa_coordinator_view
@require_http_methods(["GET", "POST"])
def lifetime_review_decide(request, pk: int, review: int):
    registration = _registration(request, pk)
    application = get_object_or_404(
        registration.lifetime_reviews.filter(determined_on__isnull=True), pk=review
    )
    form = forms.LifetimeReviewDecisionForm(request.POST or None)
    return _lifecycle_page(
        request,
        registration,
        form,
        lambda data: services.lifetime_review_determine(
            review=application, actor=request.user, today=_today(), **data
        ),
        heading="Determine the review",
        success="Determination recorded",
        intro=f"Application received {application.applied_on:%-d %B %Y}. If the requirements "
        "are discharged, the person leaves the register.",
    )


@mappa_coordinator_view
def wanted_or_missing(request):
    page = paginate(request, selectors.wanted_or_missing_for(request.user))
    access_log_page(
        request, [e.registration.person_id for e in page.object_list], part=CasePart.MAPPA
    )
    return render(
        request,
        "mappa/wanted_or_missing.html",
        {"page": page, **pagination_context(request, page), "today": _today()},
    )
