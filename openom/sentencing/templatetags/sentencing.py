from django import template

from openom.sentencing.constants import SentenceType

register = template.Library()


@register.filter
def sentence_type_label(value: str | None) -> str:
    """The label of a sentence type code (for annotated values, which have no get_..._display)."""
    if not value:
        return "No current sentence"
    try:
        return SentenceType(value).label
    except ValueError:
        return value
