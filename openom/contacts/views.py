from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.contacts import selectors
from openom.contacts.forms import ContactArrangeForm, ContactOutcomeForm
from openom.contacts.models import Contact
from openom.contacts.services import contact_arrange, contact_outcome_record
from openom.core.pagination import paginate, pagination_context
from openom.core.views import form_page
from openom.people.selectors import current_allocation


@case_view(CasePart.CONTACTS)
def contact_list(request, case):
    from openom.enforcement.selectors import enforcement_for

    page = paginate(request, selectors.contacts_for(case.person))
    return render(
        request,
        "contacts/list.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "contacts",
            "allocation": current_allocation(case.person),
            **pagination_context(request, page),
            "compliance": selectors.compliance_for(case.person),
            "enforcement": enforcement_for(case.person),
        },
    )


@case_view(CasePart.CONTACTS, edit=True)
@require_http_methods(["GET", "POST"])
def contact_create(request, case):
    form = ContactArrangeForm(request.POST or None, person=case.person)
    back = reverse("contacts:list", args=[case.person.crn])
    return form_page(
        request,
        form=form,
        person=case.person,
        heading="Arrange an appointment",
        save=lambda data: contact_arrange(
            person=case.person, data=form.contact_data(request.user), actor=request.user
        ),
        success="Appointment arranged",
        next_url=back,
        back_url=back,
    )


def _contact_of(case, pk: int) -> Contact:
    contact = (
        Contact.objects.filter(person=case.person, pk=pk)
        .select_related("officer", "outcome_recorded_by", "sentence__event", "requirement")
        .first()
    )
    if contact is None:
        raise Http404("No such contact")
    return contact


@case_view(CasePart.CONTACTS)
def contact_detail(request, case, pk: int):
    """Everything recorded about one contact, with each change: who, when, what and why."""
    contact = _contact_of(case, pk)
    return render(
        request,
        "contacts/detail.html",
        {
            "case": case,
            "person": case.person,
            "access": case.access,
            "tab": "contacts",
            "contact": contact,
            "changes": selectors.contact_changes(contact),
        },
    )


@case_view(CasePart.CONTACTS, edit=True)
@require_http_methods(["GET", "POST"])
def contact_outcome(request, case, pk: int):
    contact = _contact_of(case, pk)
    correcting = bool(contact.outcome)
    back = reverse("contacts:detail", args=[case.person.crn, contact.pk])
    return form_page(
        request,
        form=ContactOutcomeForm(
            request.POST or None,
            correcting=correcting,
            initial={
                "version": contact.version,
                "outcome": contact.outcome,
                "evidence": contact.evidence,
                "hours_credited": contact.hours_credited,
                "notes": contact.notes,
            },
        ),
        person=case.person,
        heading=f"{'Correct' if correcting else 'Record'} the outcome: {contact}",
        intro=(
            "Changing a failure to comply to an acceptable outcome withdraws the warning it caused."
            if correcting
            else "An unacceptable failure to comply on an enforceable appointment starts the "
            "enforcement clock."
        ),
        save=lambda data: contact_outcome_record(
            contact=contact,
            outcome=data["outcome"],
            version=data["version"],
            actor=request.user,
            evidence=data["evidence"],
            notes=data["notes"],
            hours_credited=data["hours_credited"],
            reason=data.get("reason", ""),
        ),
        success="Outcome corrected" if correcting else "Outcome recorded",
        next_url=back,
        back_url=back,
    )
