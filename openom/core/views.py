"""The one shape of a form page: parse, call one service, show its errors on the fields or go on."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openom.core.exceptions import AlreadySubmitted, ServiceValidationError
from openom.core.services import create_once

SIMPLE_FORM_TEMPLATE = "includes/simple_form_page.html"


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
) -> HttpResponse:
    """On a valid POST call `save(cleaned_data)`; a ServiceValidationError lands on the form."""
    if request.method == "POST" and form.is_valid():
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
