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


def dynamic_predictors_for(
    person: Person, answers: dict[str, dict[str, int]], *, ogrs3: dict[str, Any] | None
) -> dict[str, Any]:
    """OGP and OVP from the assessment's answers and the record (each fact asked once).

    OGP needs OGRS3; OVP needs an adult with a recorded sex. Sanctions are the person's
    convictions (events); the violent ones are those with an offence in the violence or
    robbery categories.
    """
    from openom.assessment.rules.ogp import ogp
    from openom.assessment.rules.ovp import ovp
    from openom.offences.constants import OffenceCategory

    def answer(section: str, key: str) -> int:
        return int(answers.get(section, {}).get(key, 0))

    result: dict[str, Any] = {}
    if ogrs3 is not None:
        general = ogp(
            ogrs3_two_year=ogrs3["two_year"],
            no_fixed_abode=answer("accommodation", "no_fixed_abode") > 0,
            unemployed=answer("ete", "unemployed") > 0,
            regular_activities_offending=answer("lifestyle", "regular_activities_offending"),
            current_drug_misuse=answer("drugs", "current_drug_misuse"),
            motivation_drugs=answer("drugs", "motivation_drugs"),
            problem_solving=answer("thinking_and_behaviour", "problem_solving"),
            consequences=answer("thinking_and_behaviour", "consequences"),
            others_views=answer("thinking_and_behaviour", "others_views"),
            pro_criminal_attitudes=answer("attitudes", "pro_criminal_attitudes"),
        )
        result["OGP"] = _predictor_json(general)
    events = list(Event.objects.filter(person=person).prefetch_related("event_offences__offence"))
    violent_categories = {OffenceCategory.VIOLENCE, OffenceCategory.ROBBERY}
    violent = sum(
        any(o.offence.category in violent_categories for o in e.event_offences.all())
        for e in events
    )
    follow_up = ogrs3["working"].get("age_at_follow_up_start") if ogrs3 else None
    if (
        events
        and follow_up is not None
        and follow_up >= 18
        and person.gender
        in (
            Gender.MALE,
            Gender.FEMALE,
        )
    ):
        violence = ovp(
            total_sanctions=len(events),
            violent_sanctions=violent,
            age_at_follow_up=follow_up,
            male=person.gender == Gender.MALE,
            impact_on_others=answer("attitudes", "impact_on_others") > 0,
            no_fixed_abode=answer("accommodation", "no_fixed_abode") > 0,
            unemployed=answer("ete", "unemployed") > 0,
            current_alcohol_problem=answer("alcohol", "current_alcohol_problem"),
            binge_drinking=answer("alcohol", "binge_drinking"),
            psychiatric_treatment=answer("emotional_wellbeing", "psychiatric_treatment") == 2,
            temper_control=answer("thinking_and_behaviour", "temper_control"),
            pro_criminal_attitudes=answer("attitudes", "pro_criminal_attitudes"),
        )
        result["OVP"] = _predictor_json(violence) | {
            "sanctions": {"total": len(events), "violent": violent}
        }
    return result


def _predictor_json(result) -> dict[str, Any]:
    return {
        "points": result.points,
        "one_year": result.one_year,
        "two_year": result.two_year,
        "band": result.band.value,
        "working": result.working,
    }
