"""Template helpers for GOV.UK Design System markup."""

import re

from django import template
from django.forms import BoundField

register = template.Library()

WIDGET_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "number": "govuk-input govuk-input--width-5",
    "password": "govuk-input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
}


@register.filter
def govuk_error_class(field: BoundField) -> str:
    """Render a field's widget with the GOV.UK classes, error state and described-by links."""
    attrs: dict[str, str] = {}
    base = WIDGET_CLASSES.get(field.widget_type)
    existing = field.field.widget.attrs.get("class", "")
    if base:
        classes = [existing or base]
        if field.errors:
            classes.append(ERROR_CLASSES[base.split()[0]])
        attrs["class"] = " ".join(classes)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    if described and field.widget_type != "govukdate":
        attrs["aria-describedby"] = " ".join(described)
    if field.widget_type == "govukdate" and field.errors:
        for sub in field.field.widget.widgets:
            css = sub.attrs.get("class", "")
            if "govuk-input--error" not in css:
                sub.attrs["class"] = f"{css} govuk-input--error"
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def sort_link(context, key: str, label: str) -> str:
    """aria-sort value and href for a sortable column header."""
    request = context["request"]
    current = request.GET.get("sort", context.get("default_sort", "name"))
    descending = request.GET.get("order") == "desc"
    params = request.GET.copy()
    params["sort"] = key
    params["order"] = "asc" if (current == key and descending) or current != key else "desc"
    params.pop("page", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def aria_sort(context, key: str) -> str:
    request = context["request"]
    current = request.GET.get("sort", context.get("default_sort", "name"))
    if current != key:
        return "none"
    return "descending" if request.GET.get("order") == "desc" else "ascending"


@register.filter
def get_item(mapping, key):
    """Look up `key` in a dict from a template."""
    return mapping.get(key) if mapping else None


ISO_PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@register.filter
def period_words(value) -> str:
    """An ISO 8601 period in words, as people read it: "P8Y6M" -> "8 years and 6 months"."""
    match = ISO_PERIOD.match(str(value or "").strip())
    if not match or not any(match.groups()):
        return str(value or "")
    parts = [
        f"{int(number)} {unit}{'' if int(number) == 1 else 's'}"
        for number, unit in zip(match.groups(), ("year", "month", "week", "day"), strict=True)
        if number is not None and (int(number) or unit == "day")
    ]
    if not parts:
        return "0 days"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
