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


@case_view(CasePart.CONTACTS, edit=True)
@require_http_methods(["GET", "POST"])
def contact_outcome(request, case, pk: int):
    contact = Contact.objects.filter(person=case.person, pk=pk).first()
    if contact is None:
        raise Http404("No such contact")
    back = reverse("contacts:list", args=[case.person.crn])
    return form_page(
        request,
        form=ContactOutcomeForm(
            request.POST or None, initial={"version": contact.version, "outcome": contact.outcome}
        ),
        person=case.person,
        heading=f"Record the outcome: {contact}",
        intro="An unacceptable failure to comply on an enforceable appointment starts the enforcement clock.",
        save=lambda data: contact_outcome_record(
            contact=contact,
            outcome=data["outcome"],
            version=data["version"],
            actor=request.user,
            evidence=data["evidence"],
            notes=data["notes"],
            hours_credited=data["hours_credited"],
        ),
        success="Outcome recorded",
        next_url=back,
        back_url=back,
    )
