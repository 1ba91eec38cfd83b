"""`{% case_header %}`: the one case header, on every page that extends people/case/base.html."""

from django import template

from openom.people.header import case_header as build_case_header

register = template.Library()


@register.inclusion_tag("people/case/_header.html", takes_context=True)
def case_header(context):
    person, access = context["person"], context["access"]
    request = context.get("request")
    header = context.get("case_header") or build_case_header(
        person=person, access=access, user=getattr(request, "user", None)
    )
    return {"person": person, "access": access, "header": header}
