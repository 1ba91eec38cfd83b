"""Reads of people and their cases, always starting from what the actor may see."""

import datetime as dt

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from openom.access.policy import people_visible_to
from openom.allocation.models import CaseAllocation
from openom.people.constants import AddressType
from openom.people.models import Address, Person
from openom.people.search import search_people
from openom.sentencing.models import Event, EventOffence, Sentence

CASELOAD_SORTS = {
    "name": ("surname", "forename"),
    "crn": ("crn",),
    "dob": ("date_of_birth",),
    "sentence": ("current_sentence_type", "surname"),
    "end": ("current_sentence_end", "surname"),
    "allocated": ("allocated_on", "surname"),
}
CURRENT_ADDRESS_TYPES = (
    AddressType.MAIN,
    AddressType.NO_FIXED_ABODE,
    AddressType.APPROVED_PREMISES,
)


def _with_current_sentence(queryset: QuerySet[Person]) -> QuerySet[Person]:
    current = Sentence.objects.filter(
        person=OuterRef("pk"), termination_date__isnull=True
    ).order_by("-sentence_date", "-id")
    return queryset.annotate(
        current_sentence_type=Subquery(current.values("sentence_type")[:1]),
        current_sentence_end=Subquery(current.values("expected_end_date")[:1]),
    )


def caseload_for(*, actor, sort: str = "name", descending: bool = False) -> QuerySet[Person]:
    """The cases allocated to `actor` as offender manager now."""
    order = CASELOAD_SORTS.get(sort, CASELOAD_SORTS["name"])
    if descending:
        order = tuple(f"-{field}" for field in order)
    current_allocation = CaseAllocation.objects.filter(person=OuterRef("pk"), end_date__isnull=True)
    people = people_visible_to(actor).filter(
        allocations__offender_manager=actor, allocations__end_date__isnull=True
    )
    return (
        _with_current_sentence(people)
        .annotate(allocated_on=Subquery(current_allocation.values("start_date")[:1]))
        .order_by(*order, "pk")
    )


def person_search(*, actor, query: str, date_of_birth: dt.date | None = None) -> QuerySet[Person]:
    people = people_visible_to(actor)
    if date_of_birth is not None:
        people = people.filter(date_of_birth=date_of_birth)
    if query.strip():
        people = search_people(people, query)
    elif date_of_birth is None:
        return Person.objects.none()
    return _with_current_sentence(people).order_by(
        *people.query.order_by or ("surname", "forename"), "pk"
    )


def current_allocation(person: Person) -> CaseAllocation | None:
    return (
        CaseAllocation.objects.select_related("team", "team__delivery_unit", "offender_manager")
        .filter(person=person, end_date__isnull=True)
        .first()
    )


def current_address(person: Person) -> Address | None:
    return (
        person.addresses.filter(end_date__isnull=True, address_type__in=CURRENT_ADDRESS_TYPES)
        .order_by("-start_date")
        .first()
    )


def events_for(person: Person) -> QuerySet[Event]:
    """Events with offences, sentences, requirements and licence conditions, in five queries."""
    return (
        Event.objects.filter(person=person)
        .select_related("court")
        .prefetch_related(
            Prefetch(
                "event_offences",
                queryset=EventOffence.objects.select_related("offence"),
            ),
            Prefetch(
                "sentences",
                queryset=Sentence.objects.prefetch_related("requirements", "licence_conditions"),
            ),
        )
        .order_by("-number")
    )


def current_sentences(person: Person) -> list[Sentence]:
    return list(
        Sentence.objects.filter(person=person, termination_date__isnull=True)
        .select_related("event")
        .prefetch_related("requirements")
        .order_by("-sentence_date")
    )


def iom_scheme_of(person):
    """The IOM scheme of the person's probation area, if it runs one (for the referral link)."""
    from openom.iom.models import Scheme

    return Scheme.objects.filter(area_id=person.probation_area_id).only("pk", "name").first()
