"""Case data over the API: the same access policy and access log as the pages."""

import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Router, Schema

from openom.access.constants import AccessChannel, CasePart
from openom.access.policy import person_for
from openom.access.services import access_log_record_many
from openom.people import selectors

router = Router(tags=["cases"])


class PersonSummaryOut(Schema):
    crn: str
    forename: str
    surname: str
    date_of_birth: dt.date
    pnc_number: str | None
    gender: str


class SearchPageOut(Schema):
    items: list[PersonSummaryOut]
    count: int
    page: int
    pages: int


class SentenceOut(Schema):
    sentence_type: str
    sentence_date: dt.date
    expected_end_date: dt.date | None
    termination_date: dt.date | None
    termination_reason: str


class OffenceOut(Schema):
    code: str
    description: str
    is_main: bool
    offence_date: dt.date


class EventOut(Schema):
    number: int
    conviction_date: dt.date
    court: str
    offences: list[OffenceOut]
    sentences: list[SentenceOut]


@router.get("/cases/{crn}", response=PersonSummaryOut, summary="A case's summary")
def case_summary(request: HttpRequest, crn: str):
    return person_for(request.user, crn, part=CasePart.SUMMARY, channel=AccessChannel.API)


@router.get("/cases/{crn}/events", response=list[EventOut], summary="A case's events and sentences")
def case_events(request: HttpRequest, crn: str):
    person = person_for(request.user, crn, part=CasePart.EVENTS, channel=AccessChannel.API)
    return [
        EventOut(
            number=event.number,
            conviction_date=event.conviction_date,
            court=event.court.name,
            offences=[
                OffenceOut(
                    code=o.offence.code,
                    description=o.offence.description,
                    is_main=o.is_main,
                    offence_date=o.offence_date,
                )
                for o in event.event_offences.all()
            ],
            sentences=[SentenceOut.from_orm(s) for s in event.sentences.all()],
        )
        for event in selectors.events_for(person)
    ]


@router.get("/search", response=SearchPageOut, summary="Search the cases you may see")
def search(request: HttpRequest, q: str = "", date_of_birth: dt.date | None = None, page: int = 1):
    people = selectors.person_search(actor=request.user, query=q, date_of_birth=date_of_birth)
    paginator = Paginator(people, settings.OPENOM_PAGE_SIZE)
    current = paginator.get_page(page)
    items = list(current.object_list)
    access_log_record_many(
        user=request.user, people=items, part=CasePart.SEARCH_RESULT, channel=AccessChannel.API
    )
    return {
        "items": items,
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
    }
