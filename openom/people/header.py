"""The case header shown on every case page: who the person is and what protects the public.

The facts come from several apps above this one (tier, RoSH, MAPPA, IOM, the diary, access).
Each registers a `HeaderContributor` when it starts (its AppConfig.ready), so this module never
imports a higher layer. A contributor names the case part a user needs to see its facts and the
subqueries that fetch them: the whole header is one query on the person, however many apps add
to it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from openom.people.models import Person


@dataclass(frozen=True)
class HeaderItem:
    """One fact in the header: a label, its value, an optional tag colour and link."""

    key: str
    label: str
    value: str
    tag: str = ""  # a govuk-tag colour ("red", "orange"...), or "" for plain text
    url: str = ""
    flag: bool = False  # flags (registrations, restrictions) are shown as tags in one row


@dataclass(frozen=True)
class HeaderAction:
    key: str
    label: str
    url: str


@dataclass(frozen=True)
class HeaderContext:
    person: Person
    access: Any  # openom.access.policy.CaseAccess (a higher layer: duck-typed here)
    user: Any
    now: dt.datetime


@dataclass(frozen=True)
class HeaderContributor:
    key: str
    order: int
    # The case part the user must be allowed to see (a CasePart value); "" for anyone who may
    # open the case at all.
    part: str
    annotations: Callable[[HeaderContext], dict[str, Any]]
    items: Callable[[dict[str, Any], HeaderContext], list[HeaderItem]]
    actions: Callable[[dict[str, Any], HeaderContext], list[HeaderAction]] | None = None


@dataclass
class CaseHeader:
    items: list[HeaderItem] = field(default_factory=list)
    flags: list[HeaderItem] = field(default_factory=list)
    actions: list[HeaderAction] = field(default_factory=list)

    def item(self, key: str) -> HeaderItem | None:
        return next((i for i in [*self.items, *self.flags] if i.key == key), None)


_CONTRIBUTORS: dict[str, HeaderContributor] = {}


def header_contributor_register(contributor: HeaderContributor) -> None:
    """Add (or replace, by key) a contributor; called from an app's `ready()`."""
    _CONTRIBUTORS[contributor.key] = contributor


def case_header(*, person: Person, access, user, now: dt.datetime | None = None) -> CaseHeader:
    """The header for `person` as `user` may see it: one query, whatever the contributors."""
    context = HeaderContext(person=person, access=access, user=user, now=now or timezone.now())
    visible = [
        c
        for c in sorted(_CONTRIBUTORS.values(), key=lambda c: c.order)
        if not c.part or access.allows(c.part)
    ]
    annotations: dict[str, Any] = {}
    for contributor in visible:
        annotations.update(contributor.annotations(context))
    row: dict[str, Any] = {}
    if annotations:
        row = (
            Person.objects.filter(pk=person.pk).annotate(**annotations).values(*annotations).first()
            or {}
        )
    header = CaseHeader()
    for contributor in visible:
        for item in contributor.items(row, context):
            (header.flags if item.flag else header.items).append(item)
        if contributor.actions is not None:
            header.actions.extend(contributor.actions(row, context))
    return header
