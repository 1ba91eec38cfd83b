"""Work waiting on someone else, so every demo login's home page has something to do (issue #15).

- Court: some people on supervision are convicted again and the court adjourns for a
  pre-sentence report (or defers sentence): the court officer's list.
- Senior probation officer: recalls the offender managers of the demo team have requested and
  high risk of harm assessments waiting for a countersignature, each with its notification.
"""

import datetime as dt
import random

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from openom.access.policy import approved_premises_residents
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.assessment.constants import AssessmentPurpose, AssessmentStatus, RoshLevel
from openom.assessment.models import Assessment
from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.core.calendar import calendar_for
from openom.enforcement.constants import ActionKind, ActionStatus, RecallType
from openom.enforcement.models import EnforcementAction
from openom.enforcement.rules import ACTION_START_WORKING_DAYS
from openom.notifications.models import Notification
from openom.people.constants import AddressType, CircumstanceCategory, CircumstanceStatus
from openom.people.models import Address, Circumstance
from openom.sentencing.constants import CUSTODIAL_SENTENCES, EventOutcome, Plea
from openom.sentencing.models import Court, Event, EventOffence, Sentence

# About one case in a hundred is back at court awaiting sentence at any time.
AWAITING_SENTENCE_SHARE = 0.01
MIN_AWAITING_SENTENCE = 6
# Approvals waiting in the demo team's senior probation officer's queue.
DEMO_RECALLS_WAITING = 2
DEMO_COUNTERSIGNATURES_WAITING = 2
# Approved premises residents the demo area has at least (released on licence to the premises).
MIN_APPROVED_PREMISES_RESIDENTS = 8
APPROVED_PREMISES_ADDRESS = "Approved Premises, 12 Park Road"


def _court_work(rng: random.Random, today: dt.date, area_code: str) -> int:
    people = list(
        CaseAllocation.objects.filter(end_date__isnull=True, person__probation_area__code=area_code)
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )
    if not people:
        return 0
    wanted = min(
        len(people), max(MIN_AWAITING_SENTENCE, int(len(people) * AWAITING_SENTENCE_SHARE))
    )
    chosen = rng.sample(people, wanted)
    numbers = dict(
        Event.objects.filter(person_id__in=chosen)
        .values("person_id")
        .annotate(last=Max("number"))
        .values_list("person_id", "last")
    )
    courts = list(Court.objects.filter(kind="MAGISTRATES").order_by("code")) or list(
        Court.objects.order_by("code")
    )
    previous = {}
    for main in (
        EventOffence.objects.select_related("event")
        .filter(event__person_id__in=chosen, is_main=True)
        .order_by("event__number")
    ):
        previous[main.event.person_id] = main.offence_id
    for i, person_id in enumerate(chosen):
        convicted = today - dt.timedelta(days=rng.randint(1, 20))
        event = Event.objects.create(
            person_id=person_id,
            number=numbers.get(person_id, 0) + 1,
            court=rng.choice(courts),
            conviction_date=convicted,
            plea=Plea.GUILTY,
            outcome=EventOutcome.DEFERRED if i % 5 == 4 else EventOutcome.ADJOURNED_FOR_REPORT,
        )
        if person_id in previous:
            EventOffence.objects.create(
                event=event,
                offence_id=previous[person_id],
                is_main=True,
                offence_date=convicted - dt.timedelta(days=rng.randint(20, 90)),
            )
    return wanted


def _approved_premises(rng: random.Random, today: dt.date, area_code: str) -> int:
    """Top the premises up with people released on licence in the last twelve weeks."""
    residents = approved_premises_residents(today).filter(probation_area__code=area_code)
    missing = MIN_APPROVED_PREMISES_RESIDENTS - residents.count()
    if missing <= 0:
        return 0
    released = list(
        Sentence.objects.filter(
            person__probation_area__code=area_code,
            termination_date__isnull=True,
            sentence_type__in=CUSTODIAL_SENTENCES,
            release_date__gt=today - dt.timedelta(weeks=12),
            release_date__lte=today,
        )
        .exclude(person__in=residents)
        .order_by("person_id")
        .values_list("person_id", "release_date")
        .distinct()
    )
    moved = 0
    for person_id, release_date in rng.sample(released, min(missing, len(released))):
        current = Address.objects.filter(
            person_id=person_id, end_date__isnull=True, address_type=AddressType.MAIN
        )
        previous = current.first()
        current.update(end_date=release_date - dt.timedelta(days=1))
        Address.objects.create(
            person_id=person_id,
            address_type=AddressType.APPROVED_PREMISES,
            line_1=APPROVED_PREMISES_ADDRESS,
            town=previous.town if previous else "Peterborough",
            postcode=previous.postcode if previous else "",
            start_date=release_date,
        )
        Circumstance.objects.filter(
            person_id=person_id,
            category=CircumstanceCategory.ACCOMMODATION,
            end_date__isnull=True,
        ).update(end_date=release_date - dt.timedelta(days=1))
        Circumstance.objects.create(
            person_id=person_id,
            category=CircumstanceCategory.ACCOMMODATION,
            status=CircumstanceStatus.APPROVED_PREMISES,
            start_date=release_date,
        )
        moved += 1
    return moved


def _notify(recipients, person, subject: str, body: str, link: str) -> None:
    Notification.objects.bulk_create(
        Notification(recipient=u, person=person, subject=subject, body=body, link=link)
        for u in recipients
    )


def _approvals(rng: random.Random, today: dt.date) -> dict[str, int]:
    om = User.objects.filter(username="om").select_related("team").first()
    if om is None or om.team_id is None:
        return {}
    managers = list(
        User.objects.filter(team_id=om.team_id, roles__role=Role.SENIOR_PROBATION_OFFICER)
    )
    held = CaseAllocation.objects.filter(
        end_date__isnull=True, team_id=om.team_id, offender_manager__isnull=False
    ).select_related("person", "offender_manager")
    holders = {a.person_id: a for a in held}
    calendar = calendar_for(om.agency_id)
    licences = list(
        Sentence.objects.filter(
            person_id__in=list(holders),
            termination_date__isnull=True,
            sentence_type__in=CUSTODIAL_SENTENCES,
            release_date__lte=today,
        )
        .exclude(enforcement_actions__status__in=[ActionStatus.OPEN, ActionStatus.STARTED])
        .order_by("pk")
    )
    recalls = 0
    for sentence in rng.sample(licences, min(DEMO_RECALLS_WAITING, len(licences))):
        allocation = holders[sentence.person_id]
        officer, person = allocation.offender_manager, allocation.person
        failure = today - dt.timedelta(days=rng.randint(2, 5))
        missed = Contact.objects.create(
            person=person,
            sentence=sentence,
            contact_type=ContactType.OFFICE,
            starts_at=timezone.make_aware(dt.datetime.combine(failure, dt.time(10, 0))),
            officer=officer,
            enforceable=True,
            outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
            outcome_recorded_at=timezone.make_aware(dt.datetime.combine(failure, dt.time(16))),
            outcome_recorded_by=officer,
        )
        action = EnforcementAction.objects.create(
            person=person,
            sentence=sentence,
            kind=ActionKind.RECALL,
            status=ActionStatus.OPEN,
            triggered_by=missed,
            failure_date=failure,
            decided_on=failure,
            deadline=calendar.add_working_days(failure, ACTION_START_WORKING_DAYS),
            recall_type=RecallType.STANDARD,
            reasons="Failed to report; whereabouts unknown; risk to a known adult increasing.",
            started_on=today,
            decided_by=officer,
            working=["Demo: recall requested, waiting for the senior probation officer"],
        )
        action.failures.set([missed])
        _notify(
            managers,
            person,
            f"Recall to authorise: {person.full_name} ({person.crn})",
            f"{officer.get_full_name()} requested a standard recall on {today:%d %B %Y}.",
            reverse("enforcement:action", args=[person.crn, action.pk]),
        )
        recalls += 1

    latest = {}
    for assessment in Assessment.objects.filter(
        person_id__in=list(holders), status=AssessmentStatus.COMPLETE
    ).order_by("person_id", "-completed_on", "-pk"):
        latest.setdefault(assessment.person_id, assessment)
    high = sorted(
        (a for a in latest.values() if a.overall_rosh in (RoshLevel.HIGH, RoshLevel.VERY_HIGH)),
        key=lambda a: a.pk,
    )
    countersigns = 0
    for previous in rng.sample(high, min(DEMO_COUNTERSIGNATURES_WAITING, len(high))):
        allocation = holders[previous.person_id]
        review = Assessment.objects.get(pk=previous.pk)
        review.pk = review.id = None
        review._state.adding = True
        review.purpose = AssessmentPurpose.REVIEW
        review.status = AssessmentStatus.AWAITING_COUNTERSIGNATURE
        review.started_on = today - dt.timedelta(days=3)
        review.completed_on = today - dt.timedelta(days=1)
        review.assessor = allocation.offender_manager
        review.countersigned_by, review.countersigned_on = None, None
        review.save()
        _notify(
            managers,
            allocation.person,
            f"Assessment to countersign: {allocation.person.full_name} ({allocation.person.crn})",
            f"{allocation.offender_manager.get_full_name()} completed a review with "
            f"{review.get_overall_rosh_display().lower()} risk of serious harm.",
            reverse("assessments:countersign-queue"),
        )
        countersigns += 1
    return {"recalls to authorise": recalls, "assessments to countersign": countersigns}


def demo_handoffs_build(*, seed: int, today: dt.date, area_code: str = "CPP") -> dict[str, int]:
    rng = random.Random(seed + 41)
    with transaction.atomic():
        awaiting = _court_work(rng, today, area_code)
        residents = _approved_premises(rng, today, area_code)
        approvals = _approvals(rng, today)
    return {
        "convictions awaiting sentence": awaiting,
        "released to approved premises": residents,
        **approvals,
    }
