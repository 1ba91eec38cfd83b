"""The one shape of a form page: parse, call one service, show its errors on the fields or go on."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openom.core.exceptions import AlreadySubmitted, ServiceValidationError
from openom.core.services import create_once

SIMPLE_FORM_TEMPLATE = "includes/simple_form_page.html"
CHECK_ANSWERS_TEMPLATE = "includes/check_answers.html"
CONFIRM_FIELD = "_confirmed"
CHANGE_FIELD = "_change"


def _shown(field, value) -> str:
    """An answer as the person typed or chose it."""
    if value in (None, "", [], ()):
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    choices = dict(getattr(field, "choices", ()) or ())
    if choices:
        labels = dict((str(k), v) for k, v in choices.items())
        if isinstance(value, (list, tuple)):
            return ", ".join(str(labels.get(str(v), v)) for v in value)
        return str(labels.get(str(value), value))
    return str(value)


def answer_rows(form: Form) -> list[tuple[str, str]]:
    """The label and answer of each visible field, for a "Check your answers" page."""
    return [
        (str(bound.label), _shown(bound.field, form.cleaned_data.get(name)))
        for name, bound in ((name, form[name]) for name in form.fields)
        if not bound.is_hidden
    ]


def form_page(
    request: HttpRequest,
    *,
    form: Form,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    next_url: str,
    heading: str,
    back_url: str,
    person: Any = None,
    intro: str = "",
    template: str = SIMPLE_FORM_TEMPLATE,
    context: dict[str, Any] | None = None,
    check_answers: str = "",
) -> HttpResponse:
    """On a valid POST call `save(cleaned_data)`; a ServiceValidationError lands on the form.

    With `check_answers` (the confirm button's words, e.g. "Send the referral"), a valid form is
    first shown back as a GOV.UK "Check your answers" page; only its confirm button saves, and
    its "Change" button returns to the filled-in form.

    A form with a `form_token` (CreateOnceForm) saves once: a resubmit creates nothing new.
    """
    changing = request.method == "POST" and request.POST.get(CHANGE_FIELD) == "yes"
    confirmed = request.POST.get(CONFIRM_FIELD) == "yes"
    if request.method == "POST" and not changing and form.is_valid():
        if check_answers and not confirmed:
            return render(
                request,
                CHECK_ANSWERS_TEMPLATE,
                {
                    "rows": answer_rows(form),
                    "hidden": [
                        (key, value)
                        for key, values in request.POST.lists()
                        if key not in ("csrfmiddlewaretoken", CONFIRM_FIELD, CHANGE_FIELD)
                        for value in values
                    ],
                    "person": person,
                    "heading": heading,
                    "confirm_label": check_answers,
                    "back_url": back_url,
                },
            )
        data = dict(form.cleaned_data)
        token = data.pop("form_token", None)
        try:
            create_once(token=token, actor=request.user, create=lambda: save(data))
        except AlreadySubmitted as done:
            already = f": {done.description}" if done.description else ""
            messages.info(request, f"This was already saved{already}. Nothing new was created.")
            return redirect(next_url)
        except ServiceValidationError as error:
            form.add_service_errors(error)  # type: ignore[attr-defined]
        else:
            messages.success(request, success)
            return redirect(next_url)
    return render(
        request,
        template,
        {
            "form": form,
            "person": person,
            "heading": heading,
            "intro": intro,
            "back_url": back_url,
            **(context or {}),
        },
    )
