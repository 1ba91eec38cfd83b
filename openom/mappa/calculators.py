"""`openom calc mappa-category`: MAPPA category, notification period and the due dates.

Input (only `as_of` is always required):

    {"as_of": "YYYY-MM-DD",                 # the date the category is decided for
     "date_of_birth": "YYYY-MM-DD",         # or give each conviction's "age"
     "convictions": [{
         "date": "YYYY-MM-DD",              # conviction, finding or caution (the relevant date)
         "disposal": "CUSTODY" | "DTO" | "SUSPENDED" | "LIFE" | "HOSPITAL_ORDER" |
                     "GUARDIANSHIP" | "COMMUNITY" | "FINE" | "CONDITIONAL_DISCHARGE" | "CAUTION" |
                     "OTHER",
         "length": {"years": 0, "months": 18, "weeks": 0, "days": 0},  # CUSTODY, SUSPENDED,
                                            # CONDITIONAL_DISCHARGE; DTO: its full term in months
         "age": 17,                         # on the conviction date
         "murder": false, "schedule_15_violent": false, "schedule_15_sexual": false,
         "s327_4a_offence": false,          # an offence CJA 2003 s327(4A) names
         "schedule_3_notifiable": false,    # SOA 2003 Sch 3, its conditions met
         "restriction_order": false,        # HOSPITAL_ORDER only
         "finding": "CONVICTED" | "NOT_GUILTY_INSANITY" | "UNFIT_DID_THE_ACT",
         "release_date": "YYYY-MM-DD",      # release from custody or hospital, if any
         "supervision_ends": "YYYY-MM-DD"}],   # end of sentence/licence/order (category 2)
     "subject_to_notification": null,       # null: work it out; true/false: as stated
     "disqualified_from_working_with_children": false,  # category 2 before 26 May 2015 only
     "category_3_referral": {"risk_of_serious_harm": true, "linked_to_offending": true,
                             "needs_multi_agency_management": true},
     "level": 2, "last_review_date": "YYYY-MM-DD",          # -> next_review_due
     "last_notification_date": "YYYY-MM-DD", "no_fixed_abode": false,  # -> renotification_due
     "relevant_notification_date": "YYYY-MM-DD"}   # first notification after release (s91B)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from openom.core.calc import CalcInputError, parse_bool, parse_choice, parse_int
from openom.core.calc import parse_date_in_range as parse_date
from openom.core.dates import age_on
from openom.mappa.rules import (
    CATEGORY_3_LEVELS,
    DTO_AGE_LIMIT,
    DTO_MAX_MONTHS,
    DTO_MIN_MONTHS,
    TERM_DISPOSALS,
    Category3Referral,
    Conviction,
    Disposal,
    Finding,
    Notification,
    Term,
    initial_notification_due,
    mappa_category,
    next_review_due,
    renotification_due,
)

SUMMARY = "MAPPA category 1/2/3 with reasons, SOA 2003 notification period and due dates"

T = TypeVar("T")

# Children under 10 cannot be convicted (Children and Young Persons Act 1933 s50).
MINIMUM_AGE = 10
# Input limit, not a rule: an age above this is a typing mistake.
MAXIMUM_AGE = 120
# Input limits, not rules: no length runs past a hundred years in any unit.
MAXIMUM_LENGTH_PARTS = {"years": 100, "months": 1_200, "weeks": 5_218, "days": 36_525}
MAPPA_LEVELS = (1, 2, 3)


def _within(prefix: str, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a parser on a nested object, naming the field in full (`convictions[0].date`)."""
    try:
        return parse(*args, **kwargs)
    except CalcInputError as error:
        raise CalcInputError(f"{prefix}.{error.field}", error.message) from None


def _object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CalcInputError(field, "must be an object")
    return value


def _length(item: dict[str, Any], prefix: str, disposal: Disposal) -> Term | None:
    raw = item.get("length")
    if disposal not in TERM_DISPOSALS:
        if raw is not None:
            raise CalcInputError(f"{prefix}.length", f"does not apply to {disposal}")
        return None
    if raw is None:
        raise CalcInputError(f"{prefix}.length", f"is required for {disposal}")
    length = _object(raw, f"{prefix}.length")
    unknown = sorted(set(length) - {"years", "months", "weeks", "days"})
    if unknown:
        raise CalcInputError(f"{prefix}.length.{unknown[0]}", "is not years, months, weeks or days")
    parts = {
        unit: _within(
            f"{prefix}.length",
            parse_int,
            length,
            unit,
            required=False,
            minimum=0,
            maximum=MAXIMUM_LENGTH_PARTS[unit],
        )
        or 0
        for unit in ("years", "months", "weeks", "days")
    }
    term = Term(**parts)
    if term.is_zero():
        raise CalcInputError(f"{prefix}.length", "must be longer than nothing")
    if disposal == Disposal.DTO and (
        term.weeks
        or term.days
        or not DTO_MIN_MONTHS <= term.years * 12 + term.months <= DTO_MAX_MONTHS
    ):
        raise CalcInputError(
            f"{prefix}.length",
            f"a detention and training order is {DTO_MIN_MONTHS} to {DTO_MAX_MONTHS} whole months",
        )
    return term


def _conviction(raw: Any, prefix: str, date_of_birth: dt.date | None, as_of: dt.date) -> Conviction:
    item = _object(raw, prefix)
    date = _within(prefix, parse_date, item, "date")
    assert date is not None
    if date > as_of:
        raise CalcInputError(f"{prefix}.date", f"{date} is after as_of ({as_of})")
    disposal = Disposal(
        str(_within(prefix, parse_choice, item, "disposal", [d.value for d in Disposal]))
    )
    finding = Finding(
        str(
            _within(
                prefix,
                parse_choice,
                item,
                "finding",
                [f.value for f in Finding],
                required=False,
            )
            or Finding.CONVICTED
        )
    )
    flags = {
        name: _within(prefix, parse_bool, item, name)
        for name in (
            "murder",
            "schedule_15_violent",
            "schedule_15_sexual",
            "schedule_3_notifiable",
            "restriction_order",
            "s327_4a_offence",
        )
    }
    if flags["restriction_order"] and disposal != Disposal.HOSPITAL_ORDER:
        raise CalcInputError(f"{prefix}.restriction_order", "applies only to a HOSPITAL_ORDER")
    age = _within(
        prefix,
        parse_int,
        item,
        "age",
        required=False,
        minimum=MINIMUM_AGE,
        maximum=MAXIMUM_AGE,
    )
    if age is None and date_of_birth is not None:
        if date_of_birth >= date:
            raise CalcInputError("date_of_birth", f"{date_of_birth} is not before {date}")
        age = age_on(date_of_birth, date)
    if disposal == Disposal.DTO and age is not None and age >= DTO_AGE_LIMIT:
        raise CalcInputError(
            f"{prefix}.disposal", f"a detention and training order is for under-{DTO_AGE_LIMIT}s"
        )
    if age is None and flags["schedule_3_notifiable"]:
        raise CalcInputError(
            f"{prefix}.age", "is required for a notifiable conviction (or give date_of_birth)"
        )
    release_date = _within(prefix, parse_date, item, "release_date", required=False)
    if release_date is not None and release_date < date:
        raise CalcInputError(f"{prefix}.release_date", f"{release_date} is before {date}")
    supervision_ends = _within(prefix, parse_date, item, "supervision_ends", required=False)
    return Conviction(
        date=date,
        disposal=disposal,
        term=_length(item, prefix, disposal),
        age=age,
        finding=finding,
        release_date=release_date,
        supervision_ends=supervision_ends,
        **flags,
    )


def _referral(payload: Mapping[str, Any]) -> Category3Referral | None:
    raw = payload.get("category_3_referral")
    if raw is None:
        return None
    item = _object(raw, "category_3_referral")
    answers = {
        name: _within(
            "category_3_referral",
            parse_bool,
            item,
            name,
            required=True,
        )
        for name in ("risk_of_serious_harm", "linked_to_offending", "needs_multi_agency_management")
    }
    return Category3Referral(**answers)


def _notification(
    notification: Notification,
    conviction: Conviction,
    as_of: dt.date,
    relevant_notification: dt.date | None,
) -> dict[str, Any]:
    review_years = notification.review_after_years
    return {
        "conviction": notification.conviction,
        "period": notification.label,
        "start": notification.start,
        "end": notification.end,
        "indefinite": notification.indefinite,
        "halved": notification.halved,
        "in_force": notification.in_force_on(as_of),
        "basis": notification.basis,
        "reviewable_after": f"{review_years} years" if review_years else None,
        "review_qualifying_date": (
            notification.review_qualifying_date(relevant_notification)
            if relevant_notification is not None
            else None
        ),
        "initial_notification_due": initial_notification_due(
            conviction.date, conviction.release_date
        ),
    }


def calculate(payload: Mapping[str, Any], **_: Any) -> dict[str, Any]:
    as_of = parse_date(payload, "as_of")
    assert as_of is not None
    date_of_birth = parse_date(payload, "date_of_birth", required=False)
    raw_convictions = payload.get("convictions") or []
    if not isinstance(raw_convictions, list):
        raise CalcInputError("convictions", "must be a list of conviction objects")
    convictions = [
        _conviction(raw, f"convictions[{i}]", date_of_birth, as_of)
        for i, raw in enumerate(raw_convictions)
    ]
    stated = payload.get("subject_to_notification")
    if stated is not None and not isinstance(stated, bool):
        raise CalcInputError("subject_to_notification", "must be true, false or null")
    disqualified = parse_bool(payload, "disqualified_from_working_with_children")
    referral = _referral(payload)
    level = parse_int(payload, "level", required=False, minimum=1, maximum=3)
    last_review = parse_date(payload, "last_review_date", required=False)
    last_notified = parse_date(payload, "last_notification_date", required=False)
    no_fixed_abode = parse_bool(payload, "no_fixed_abode")
    relevant_notification = parse_date(payload, "relevant_notification_date", required=False)

    result = mappa_category(
        convictions=convictions,
        as_of=as_of,
        subject_to_notification=stated,
        disqualified_from_working_with_children=disqualified,
        referral=referral,
    )
    reasons = list(result.reasons)
    if level is not None:
        if result.category is None:
            raise CalcInputError("level", "applies only to a MAPPA-eligible person")
        if result.category == 3 and level not in CATEGORY_3_LEVELS:
            raise CalcInputError("level", "category 3 is managed at level 2 or 3 only")
    review_due = (
        next_review_due(level, last_review)
        if level is not None and last_review is not None
        else None
    )
    if review_due is not None:
        reasons.append(
            f"Level {level}: next MAPP meeting review due by {review_due.day} {review_due:%b %Y}"
        )
    notification = result.notification
    renotify = (
        renotification_due(last_notified, no_fixed_abode=no_fixed_abode)
        if last_notified is not None and result.category == 1
        else None
    )
    return {
        "category": result.category,
        "eligible": result.eligible,
        "also_meets": list(result.also_meets),
        "reasons": reasons,
        "notification": (
            _notification(
                notification,
                convictions[notification.conviction],
                as_of,
                relevant_notification,
            )
            if notification is not None
            else None
        ),
        "renotification_due": renotify,
        "level": level,
        "next_review_due": review_due,
    }
