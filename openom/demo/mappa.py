"""MAPPA for the demo area: the register in seed 001's proportions, and meetings with minutes.

Categories are never invented: each person is put on the register through the same service
staff use, which reads the category from their convictions. Seed 001 (Cambridgeshire, 2010):
category 1 is about 73% of the register and category 2 about 27%; most are at level 1 (about
7% of category 1 and 13% of category 2 at level 2, a very few at level 3); a handful of
category 3 cases at levels 2 and 3.
"""

import datetime as dt
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.mappa.models import AreaPopulation
from openom.mappa.selectors import category_of, convictions_by_person
from openom.mappa.services import (
    agenda_item_minute,
    mapp_meeting_attendance_record,
    mapp_meeting_schedule,
    mappa_referral_create,
    mappa_referral_decide,
    mappa_register,
    meeting_action_add,
)
from openom.organisations.models import Agency, LocalDeliveryUnit
from openom.people.models import Person
from openom.sentencing.models import EventOffence

CATEGORY_2_SHARE_OF_1 = 27 / 73
LEVEL_2_SHARE = {1: 0.07, 2: 0.13}
LEVEL_3_SHARE = {1: 0.01, 2: 0.01}
CATEGORY_3_CASES = 6
# Police basic command units, and the probation delivery units each covers.
BCUS = {"BCUN": ("BCU N", {"PET", "WIS"}), "BCUC": ("BCU C", {"CAM"}), "BCUS": ("BCU S", {"HUN"})}
# Cambridgeshire's population aged 10 and over (seed 001's rate implies about 683,000).
POPULATION_AGED_10_AND_OVER = 683_000


def _last_year_end(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month > 3 else today.year - 1, 3, 31)


def demo_mappa_build(*, seed: int, today: dt.date, progress) -> dict[str, int]:
    rng = random.Random(seed + 47)
    police = Agency.objects.get(code="CAMPOL")
    coordinator = User.objects.get(username="mappa")
    units = {}
    for code, (name, _) in BCUS.items():
        units[code], _ = LocalDeliveryUnit.objects.get_or_create(
            code=code, defaults={"agency": police, "name": name}
        )
    unit_of_ldu = {ldu: units[code] for code, (_, ldus) in BCUS.items() for ldu in ldus}
    ldu_of = dict(
        CaseAllocation.objects.filter(end_date__isnull=True).values_list(
            "person_id", "team__delivery_unit__code"
        )
    )
    AreaPopulation.objects.get_or_create(
        police_force=police,
        year_end=_last_year_end(today),
        defaults={
            "population_aged_10_and_over": POPULATION_AGED_10_AND_OVER,
            "source": "Demo figure in the scale of the ONS mid-year estimate",
        },
    )

    flagged = (
        EventOffence.objects.filter(event__person__probation_area__code="CPP")
        .filter(Q(offence__schedule_3_notifiable=True) | Q(offence__schedule_15_violent=True))
        .order_by()
        .values_list("event__person_id", flat=True)
        .distinct()
    )
    people = list(Person.objects.filter(pk__in=list(flagged)).order_by("pk"))
    by_category: dict[int, list[Person]] = {1: [], 2: []}
    convictions = convictions_by_person(people)
    for index, person in enumerate(people, start=1):
        category = category_of(person, as_of=today, convictions=convictions[person.pk])
        if category.category in by_category:
            by_category[category.category].append(person)
        if index % 200 == 0:
            progress(f"MAPPA eligibility: {index:,} of {len(people):,} checked")
    rng.shuffle(by_category[2])
    wanted_2 = round(len(by_category[1]) * CATEGORY_2_SHARE_OF_1)
    chosen = [(1, p) for p in by_category[1]] + [(2, p) for p in by_category[2][:wanted_2]]

    counts = {"category 1": 0, "category 2": 0, "category 3": 0, "meetings": 0}
    registrations = {2: [], 3: []}
    with transaction.atomic():
        for category, person in chosen:
            draw = rng.random()
            level = (
                3
                if draw < LEVEL_3_SHARE[category]
                else 2
                if draw < LEVEL_2_SHARE[category] + LEVEL_3_SHARE[category]
                else 1
            )
            registration = mappa_register(
                person=person,
                police_force=police,
                police_unit=unit_of_ldu.get(ldu_of.get(person.pk)),
                level=level,
                rationale="Demo: managed at this level since the last review",
                actor=coordinator,
                today=today,
            )
            counts[f"category {category}"] += 1
            if level > 1:
                registrations[level].append(registration)
        others = list(
            Person.objects.filter(probation_area__code="CPP", mappa_registrations__isnull=True)
            .exclude(pk__in=[p.pk for p in people])
            .filter(sentences__isnull=False)
            .distinct()
            .order_by("pk")[:200]
        )
        referrer = User.objects.filter(username="om").first() or coordinator
        for person in rng.sample(others, min(CATEGORY_3_CASES, len(others))):
            referral = mappa_referral_create(
                person=person,
                police_force=police,
                level_requested=2,
                reason="Escalating threats to a former partner; new relationship with a woman with children",
                risk_of_serious_harm=True,
                risk_linked_to_offending=True,
                expected_release_date=None,
                actor=referrer,
                today=today,
            )
            level = 3 if counts["category 3"] < 2 else 2
            registrations[level].append(
                mappa_referral_decide(
                    referral=referral,
                    accept=True,
                    level=level,
                    police_unit=unit_of_ldu.get(ldu_of.get(person.pk)),
                    rationale="Category 3: current risk of serious harm linked to the offending",
                    actor=coordinator,
                    today=today,
                )
            )
            counts["category 3"] += 1

        _history(rng, police, coordinator, today)
        level_2_north = [r for r in registrations[2] if r.police_unit_id == units["BCUN"].pk][:6]
        if level_2_north:
            partners = list(Agency.objects.filter(code__in=["CCCHOU", "CCCCS", "CPFT", "HMPPB"]))
            held = mapp_meeting_schedule(
                police_force=police,
                level=2,
                police_unit=units["BCUN"],
                starts_at=timezone.now() + dt.timedelta(minutes=5),
                location="Thorpe Wood Police Station, Peterborough",
                chair="DI Sarah Harper",
                agencies=partners,
                registrations=level_2_north,
                actor=coordinator,
            )
            held.starts_at = timezone.now() - dt.timedelta(days=21)
            held.save(update_fields=["starts_at"])
            attended = {a.pk: "Representative" for a in held.agencies.all() if a.code != "CCCCS"}
            mapp_meeting_attendance_record(
                meeting=held,
                attended=attended,
                actor=coordinator,
                today=today - dt.timedelta(days=21),
            )
            housing = Agency.objects.get(code="CCCHOU")
            probation = Agency.objects.get(code="CPP")
            for number, item in enumerate(held.agenda.all()):
                agenda_item_minute(
                    item=item,
                    data={
                        "minutes": "Reviewed the risk management plan. Compliance good; one late return to approved premises.",
                        "risk_management_plan": "Exclusion zone around the victim's address; weekly home visits; police visits monthly.",
                        "disclosure_decision": "No disclosure at present: risk managed by the conditions.",
                    },
                    actor=coordinator,
                    today=today - dt.timedelta(days=21),
                )
                meeting_action_add(
                    item=item,
                    description="Confirm the tenancy is suitable and no children live at the address",
                    owner_agency=housing if number % 2 else probation,
                    owner=None,
                    due_date=today - dt.timedelta(days=3)
                    if number == 0
                    else today + dt.timedelta(days=7 * number),
                    actor=coordinator,
                    today=today - dt.timedelta(days=21),  # agreed at the meeting held then
                )
            counts["meetings"] += 1
        upcoming = registrations[3][:4]
        if upcoming:
            mapp_meeting_schedule(
                police_force=police,
                level=3,
                police_unit=None,
                starts_at=timezone.now() + dt.timedelta(days=9),
                location="Cambridgeshire Constabulary Headquarters, Huntingdon",
                chair="Detective Superintendent Alan Moore",
                agencies=list(Agency.objects.filter(code__in=["HMPPB", "CPFT"])),
                registrations=upcoming,
                actor=coordinator,
            )
            counts["meetings"] += 1
    return counts


def _history(rng: random.Random, police, coordinator, today: dt.date) -> None:
    """Back-date the register so last year's annual report has figures: each registration
    started up to four years ago, and the year's orders, breaches and recalls are recorded."""
    from openom.contacts.constants import ContactOutcome, ContactType
    from openom.contacts.models import Contact
    from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome
    from openom.enforcement.models import EnforcementAction
    from openom.mappa.constants import BreachOutcome as NotificationOutcome
    from openom.mappa.constants import CivilOrderKind, NotificationKind
    from openom.mappa.models import (
        CivilOrder,
        CivilOrderBreach,
        LevelDecision,
        MappaRegistration,
        NotificationBreach,
        SexOffenderNotification,
    )
    from openom.sentencing.constants import CUSTODIAL_SENTENCES
    from openom.sentencing.models import Sentence

    registrations = list(
        MappaRegistration.objects.filter(police_force=police, end_date__isnull=True)
    )
    for registration in registrations:
        started = today - dt.timedelta(days=rng.randint(30, 4 * 365))
        MappaRegistration.objects.filter(pk=registration.pk).update(start_date=started)
        LevelDecision.objects.filter(registration=registration).update(decided_on=started)
        if registration.category != 1:
            continue
        SexOffenderNotification.objects.create(
            person_id=registration.person_id,
            notified_on=today - dt.timedelta(days=rng.randint(1, 360)),
            kind=NotificationKind.PERIODIC,
            recorded_by=coordinator,
        )
        if rng.random() < 0.25:
            applied = today - dt.timedelta(days=rng.randint(20, 700))
            order = CivilOrder.objects.create(
                person_id=registration.person_id,
                kind=rng.choice(
                    [CivilOrderKind.SOPO] * 8
                    + [CivilOrderKind.NOTIFICATION_ORDER, CivilOrderKind.FOREIGN_TRAVEL_ORDER]
                ),
                applied_on=applied,
                interim_on=applied + dt.timedelta(days=7) if rng.random() < 0.2 else None,
                full_on=applied + dt.timedelta(days=rng.randint(20, 60))
                if rng.random() < 0.85
                else None,
                conditions="No unsupervised contact with children under 16; register any device able to access the internet",
                recorded_by=coordinator,
            )
            if order.kind == CivilOrderKind.SOPO and order.full_on and rng.random() < 0.1:
                breach = min(today, order.full_on + dt.timedelta(days=rng.randint(30, 200)))
                CivilOrderBreach.objects.create(
                    order=order,
                    breach_date=breach,
                    sent_to_custody_on=min(today, breach + dt.timedelta(days=21)),
                    recorded_by=coordinator,
                )
        if rng.random() < 0.03:
            breach = today - dt.timedelta(days=rng.randint(60, 500))
            NotificationBreach.objects.create(
                person_id=registration.person_id,
                breach_date=breach,
                outcome=rng.choice([NotificationOutcome.CAUTIONED, NotificationOutcome.CONVICTED]),
                outcome_date=breach + dt.timedelta(days=40),
                recorded_by=coordinator,
            )
    # Recalls of level 2 and 3 cases on licence, returned to custody (seed 001's enforcement table).
    managed = [r for r in registrations if r.level > 1]
    for registration in rng.sample(managed, min(len(managed) // 3, len(managed))):
        sentence = (
            Sentence.objects.filter(
                person_id=registration.person_id, sentence_type__in=CUSTODIAL_SENTENCES
            )
            .order_by("-sentence_date")
            .first()
        )
        if sentence is None:
            continue
        returned = today - dt.timedelta(days=rng.randint(10, 500))
        failure = returned - dt.timedelta(days=9)
        contact = Contact.objects.create(
            person_id=registration.person_id,
            sentence=sentence,
            contact_type=ContactType.OFFICE,
            officer=coordinator,
            starts_at=timezone.make_aware(dt.datetime.combine(failure, dt.time(10))),
            outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
            enforceable=True,
        )
        EnforcementAction.objects.create(
            person_id=registration.person_id,
            sentence=sentence,
            kind=ActionKind.RECALL,
            triggered_by=contact,
            failure_date=failure,
            decided_on=failure,
            deadline=returned,
            decided_by=coordinator,
            status=ActionStatus.RESOLVED,
            resolved_on=returned,
            outcome=BreachOutcome.RETURNED_TO_CUSTODY,
            working=["Demo: recalled for failing to keep to the licence"],
        )
