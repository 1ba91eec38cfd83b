"""From the record to the assessment rules: facts are asked once and read from where they live.

OGRS3's inputs come from the person (sex, date of birth) and their convictions (how many, when
the first was, the current offence's OGRS3 category, the follow-up start), never re-keyed.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openom.assessment.rules.needs import Severity
from openom.assessment.rules.needs import need_severity as _need_severity
from openom.assessment.rules.needs import section_score as _section_score
from openom.assessment.rules.ogrs3 import ogrs3
from openom.core.dates import age_on
from openom.people.constants import Gender
from openom.people.models import Person
from openom.sentencing.models import Event, Sentence


def section_score(answers: Mapping[str, int]) -> int:
    return _section_score(answers)


def need_severity(section: str, score: int) -> Severity | None:
    return _need_severity(section, score)


def ogrs3_for(person: Person, *, as_of: dt.date) -> dict[str, Any] | None:
    """OGRS3 from the record; None when the facts it needs are not there (no conviction, sex)."""
    if person.gender not in (Gender.MALE, Gender.FEMALE):
        return None
    events = list(
        Event.objects.filter(person=person)
        .prefetch_related("event_offences__offence")
        .order_by("conviction_date", "number")
    )
    if not events:
        return None
    current = events[-1]
    main = next((o for o in current.event_offences.all() if o.is_main), None)
    if main is None:
        return None
    sentence = Sentence.objects.filter(event=current).order_by("-sentence_date").first()
    follow_up = (
        (sentence.release_date or sentence.sentence_date) if sentence else current.conviction_date
    )
    if sentence is not None and sentence.is_custodial and sentence.release_date is None:
        follow_up = max(as_of, sentence.sentence_date)
    result = ogrs3(
        sex="male" if person.gender == Gender.MALE else "female",
        date_of_birth=person.date_of_birth,
        conviction_date=current.conviction_date,
        follow_up_start=follow_up,
        total_sanctions=len(events),
        age_at_first_sanction=age_on(person.date_of_birth, events[0].conviction_date),
        offence=main.offence.ogrs3_category,
    )
    working = {
        **result.working,
        "total_sanctions": len(events),
        "offence_category": main.offence.ogrs3_category,
        "follow_up_start": follow_up.isoformat(),
    }
    return {
        "one_year": result.one_year,
        "two_year": result.two_year,
        "band": result.band.value,
        "working": working,
    }
