"""From the record to the enforcement rules: a sentence's failures to comply, decided.

The counting and the clocks are pure and live in `openom.enforcement.rules`; `decide` only reads
the dates off the sentence's contacts and earlier breaches and maps the answer back onto them.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from openom.contacts.models import Contact
from openom.enforcement import rules
from openom.enforcement.constants import ActionKind
from openom.sentencing.constants import SentenceType
from openom.sentencing.models import Sentence
from openom.working_days.rules import WorkingDayCalendar

ACTION_KINDS = {
    rules.Action.WARNING: ActionKind.WARNING,
    rules.Action.BREACH: ActionKind.BREACH,
    rules.Action.RECALL: ActionKind.RECALL,
}


@dataclass(frozen=True)
class Decision:
    kind: ActionKind
    triggering_contact: Contact
    failure_date: dt.date
    deadline: dt.date
    resolution_due: dt.date | None
    counted_contacts: list[Contact]
    working: list[str]


def order_type(sentence: Sentence) -> rules.OrderType:
    """How the sentence is enforced: a licence by recall, the orders by breach at court."""
    if sentence.is_custodial:
        return rules.OrderType.LICENCE
    if sentence.sentence_type == SentenceType.SUSPENDED_SENTENCE_ORDER:
        return rules.OrderType.SUSPENDED_SENTENCE_ORDER
    return rules.OrderType.COMMUNITY_ORDER


def decide(
    *,
    sentence: Sentence,
    failures: list[Contact],
    last_breach_date: dt.date | None,
    calendar: WorkingDayCalendar,
    warnings: dict[int, dt.date | None] | None = None,
) -> Decision | None:
    """The action the sentence's unacceptable failures call for, or None when there is none.

    `failures` are the enforceable contacts recorded as failures to comply; the first on each
    date stands for that date. `warnings` maps the pk of each failure that was warned to the
    date the warning was given (None if not yet recorded: taken as the failure's date); a
    failure on or before the last breach that is not in it was not warned.
    """
    warnings = warnings or {}
    by_date: dict[dt.date, Contact] = {}
    for contact in sorted(failures, key=lambda contact: contact.starts_at):
        by_date.setdefault(timezone.localdate(contact.starts_at), contact)

    def failure(day: dt.date, contact: Contact) -> rules.Failure:
        warned = contact.pk in warnings
        before_breach = last_breach_date is not None and day <= last_breach_date
        return rules.Failure(
            date=day,
            acceptable=False,
            warned_on=warnings.get(contact.pk),
            warning_given=True if warned else (False if before_breach else None),
        )

    result = rules.next_action(
        order_type=order_type(sentence),
        sentence_date=sentence.sentence_date,
        last_breach_date=last_breach_date,
        failures=[failure(day, contact) for day, contact in by_date.items()],
        calendar=calendar,
        start_within_working_days=settings.OPENOM_BREACH_START_WORKING_DAYS,
    )
    if result.next_action == rules.Action.NONE:
        return None
    assert result.triggering_failure is not None and result.deadline is not None
    return Decision(
        kind=ACTION_KINDS[result.next_action],
        triggering_contact=by_date[result.triggering_failure],
        failure_date=result.triggering_failure,
        deadline=result.deadline,
        resolution_due=result.resolution_due,
        counted_contacts=[by_date[day] for day in result.counted_failures],
        working=list(result.working),
    )
