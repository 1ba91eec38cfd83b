from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from openom.access.constants import AccessChannel, CasePart
from openom.access.decorators import case_view
from openom.access.policy import may_add_people, people_visible_to
from openom.access.services import access_log_record_many
from openom.core.csv import csv_response
from openom.core.exceptions import ServiceValidationError
from openom.core.history import changes_of
from openom.core.pagination import paginate, pagination_context
from openom.core.views import form_page
from openom.people import selectors
from openom.people.forms import PersonEditForm, PersonForm, PersonSearchForm
from openom.people.services import (
    PERSON_EDITABLE_FIELDS,
    likely_duplicates,
    person_create,
    person_update,
)
from openom.sentencing.templatetags.sentencing import sentence_type_label


@login_required
def my_cases(request):
    sort = request.GET.get("sort", "name")
    people = selectors.caseload_for(
        actor=request.user, sort=sort, descending=request.GET.get("order") == "desc"
    )
    page = paginate(request, people)
    access_log_record_many(
        user=request.user,
        people=page.object_list,
        part=CasePart.CASELOAD,
        channel=AccessChannel.PAGE,
    )
    return render(
        request,
        "people/my_cases.html",
        {**pagination_context(request, page), "default_sort": "name"},
    )


@login_required
def my_cases_export(request):
    """The caseload as CSV: case record fields only, never a compartment."""
    people = list(selectors.caseload_for(actor=request.user))
    access_log_record_many(
        user=request.user, people=people, part=CasePart.CASELOAD, channel=AccessChannel.EXPORT
    )
    return csv_response(
        "my-cases.csv",
        ["CRN", "Surname", "First name", "Date of birth", "Sentence", "Ends", "Allocated"],
        (
            [
                person.crn,
                person.surname,
                person.forename,
                person.date_of_birth.isoformat(),
                sentence_type_label(person.current_sentence_type),
                person.current_sentence_end.isoformat() if person.current_sentence_end else "",
                person.allocated_on.isoformat() if person.allocated_on else "",
            ]
            for person in people
        ),
    )


@login_required
def search(request):
    form = PersonSearchForm(request.GET or None)
    context: dict = {"form": form}
    if form.is_bound and form.is_valid():
        people = selectors.person_search(
            actor=request.user,
            query=form.cleaned_data["q"] or "",
            date_of_birth=form.cleaned_data["date_of_birth"],
        )
        page = paginate(request, people)
        access_log_record_many(
            user=request.user,
            people=page.object_list,
            part=CasePart.SEARCH_RESULT,
            channel=AccessChannel.PAGE,
        )
        context.update(pagination_context(request, page), searched=True)
    return render(request, "people/search.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    if not may_add_people(request.user):
        raise Http404("Not found")
    form = PersonForm(request.POST or None)
    duplicates: list = []
    hidden_duplicates = 0
    if request.method == "POST" and form.is_valid():
        address = form.address_data()
        address["start_date"] = timezone.localdate()
        try:
            person = person_create(
                actor=request.user,
                data=form.person_data(),
                address=address,
                not_a_duplicate=form.cleaned_data["not_a_duplicate"],
            )
        except ServiceValidationError as error:
            form.add_service_errors(error)
            if "not_a_duplicate" in error.field_errors:
                # Link only to the cases this officer may open; say how many others exist.
                matches = likely_duplicates(
                    forename=form.cleaned_data["forename"],
                    surname=form.cleaned_data["surname"],
                    date_of_birth=form.cleaned_data["date_of_birth"],
                )
                duplicates = list(matches.filter(pk__in=people_visible_to(request.user))[:10])
                hidden_duplicates = matches.count() - len(duplicates)
        else:
            messages.success(request, f"{person.full_name} added with CRN {person.crn}")
            return redirect("people:case-summary", crn=person.crn)
    return render(
        request,
        "people/person_form.html",
        {"form": form, "duplicates": duplicates, "hidden_duplicates": hidden_duplicates},
    )


def _case_context(case, tab: str) -> dict:
    return {
        "case": case,
        "person": case.person,
        "access": case.access,
        "tab": tab,
        "allocation": selectors.current_allocation(case.person),
    }


@case_view(CasePart.SUMMARY)
def case_summary(request, case):
    context = _case_context(case, "summary")
    if case.access.allows(CasePart.EVENTS):  # every part shown belongs to a shared part
        context["sentences"] = selectors.current_sentences(case.person)
    context["iom_scheme"] = selectors.iom_scheme_of(case.person)
    if case.access.allows(CasePart.CONTACT_DETAILS):
        context["address"] = selectors.current_address(case.person)
    return render(request, "people/case/summary.html", context)


@case_view(CasePart.PERSONAL_DETAILS)
def case_personal_details(request, case):
    context = _case_context(case, "personal")
    context.update(
        aliases=list(case.person.aliases.all()),
        circumstances=list(case.person.circumstances.all()),
        changes=changes_of(case.person),
    )
    return render(request, "people/case/personal_details.html", context)


@case_view(CasePart.PERSONAL_DETAILS, edit=True)
@require_http_methods(["GET", "POST"])
def person_edit(request, case):
    person = case.person
    initial = {field: getattr(person, field) for field in PERSON_EDITABLE_FIELDS}
    form = PersonEditForm(request.POST or None, initial={**initial, "version": person.version})
    back = reverse("people:case-personal-details", args=[person.crn])
    return form_page(
        request,
        form=form,
        person=person,
        heading="Change personal details",
        save=lambda data: person_update(
            person=person,
            data=form.person_data(),
            version=data["version"],
            reason=data["reason"],
            actor=request.user,
        ),
        success="Personal details changed",
        next_url=back,
        back_url=back,
    )


@case_view(CasePart.CONTACT_DETAILS)
def case_contact_details(request, case):
    context = _case_context(case, "contact")
    context["addresses"] = list(case.person.addresses.all())
    return render(request, "people/case/contact_details.html", context)


@case_view(CasePart.EVENTS)
def case_events(request, case):
    context = _case_context(case, "events")
    context["events"] = list(selectors.events_for(case.person))
    return render(request, "people/case/events.html", context)
