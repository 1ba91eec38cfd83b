from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.exceptions import ServiceValidationError
from openom.core.views import form_page
from openom.offences.models import Offence
from openom.sentencing.forms import EventForm, SentenceForm, SentenceTerminateForm
from openom.sentencing.services import (
    OffenceEntry,
    event_create,
    sentence_create,
    sentence_terminate,
)


@case_view(CasePart.EVENTS, edit=True)
@require_http_methods(["GET", "POST"])
def event_add(request, case):
    person = case.person
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entries = [
            OffenceEntry(code=data["main_offence"], offence_date=data["offence_date"], is_main=True)
        ]
        entries += [
            OffenceEntry(code=code, offence_date=data["offence_date"])
            for code in form.other_offence_codes()
        ]
        try:
            event = event_create(
                person=person,
                court=data["court"],
                conviction_date=data["conviction_date"],
                plea=data["plea"],
                offences=entries,
                actor=request.user,
            )
        except ServiceValidationError as error:
            if "offences" in error.field_errors:
                error.field_errors["main_offence"] = error.field_errors.pop("offences")
            form.add_service_errors(error)
        else:
            messages.success(request, f"Event {event.number} added")
            return redirect("people:sentence-create", crn=person.crn, number=event.number)
    offences = Offence.objects.filter(active=True).only("code", "description")
    return render(
        request,
        "sentencing/event_form.html",
        {"form": form, "person": person, "offences": offences},
    )


@case_view(CasePart.EVENTS, edit=True)
@require_http_methods(["GET", "POST"])
def sentence_add(request, case, number: int):
    person = case.person
    event = person.events.filter(number=number).first()
    if event is None:
        raise Http404("No such event")
    form = SentenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sentence_create(
                event=event,
                data=form.sentence_data(),
                requirements=form.requirements(),
                actor=request.user,
            )
        except ServiceValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Sentence added to event {event.number}")
            return redirect("people:case-events", crn=person.crn)
    return render(
        request, "sentencing/sentence_form.html", {"form": form, "person": person, "event": event}
    )


@case_view(CasePart.EVENTS, edit=True)
@require_http_methods(["GET", "POST"])
def sentence_end(request, case, pk: int):
    """End an order or licence with its outcome (completed, revoked...), which performance counts."""
    sentence = case.person.sentences.filter(pk=pk, termination_date__isnull=True).first()
    if sentence is None:
        raise Http404("No such current sentence")
    back = reverse("people:case-events", args=[case.person.crn])
    return form_page(
        request,
        form=SentenceTerminateForm(request.POST or None),
        person=case.person,
        heading=f"End the {sentence.get_sentence_type_display().lower()}",
        intro="Record the date and how it ended: completions and revocations feed the performance measures.",
        save=lambda data: sentence_terminate(
            sentence=sentence,
            termination_date=data["termination_date"],
            reason=data["termination_reason"],
            actor=request.user,
        ),
        success=f"{sentence.get_sentence_type_display()} ended",
        next_url=back,
        back_url=back,
    )
