"""MAPPA for the demo area: the register in seed 001's proportions, and meetings with minutes.

Categories are never invented: each person is put on the register through the same service
staff use, which reads the category from their convictions. Seed 001 (Cambridgeshire, 2010):
category 1 is about 73% of the register and category 2 about 27%; most are at level 1 (about
7% of category 1 and 13% of category 2 at level 2, a very few at level 3); a handful of
category 3 cases at levels 2 and 3.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.demo.builder import contacts_without_clashes
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


# Seed 001 (Cambridgeshire, year ending 31 March 2010), for a register of 630 eligible people:
SEED_ELIGIBLE = 630  # 453 + 170 + 7
SEED_RETURNED_ON_LICENCE = 29  # "Returned to custody for breach of licence": 28 + 1
SEED_NOTIFICATION_BREACHES = 5  # "cautioned or convicted for breach of notification" 5
SEED_FULL_ORDERS = 45  # SOPOs "Full Order issued" 45
SEED_ORDERS_APPLIED_ONLY = 1  # SOPOs "Applied for" 1
SEED_NOTIFICATION_ORDERS = 1  # Notification Orders: applied 1, full 1
SEED_ORDER_CUSTODY = 1  # "Sent to custody for breach of SOPO" 1
# Demo choices where seed 001 gives no figure (kept small, as in the MoJ's national tables).
DEMO_SFOS_A_YEAR = 2
DEMO_SROS_A_YEAR = 3
DEMO_MISSING_A_YEAR = 4
DEMO_LIFETIME_REVIEWS_A_YEAR = 2
FIRST_HISTORY_YEAR_END = dt.date(2009, 3, 31)
# Earlier spells start from here, so the year ending 31 March 2010 has a full register.
EARLIEST_SPELL = dt.date(2003, 1, 1)
# SOA 2003 s91A-s91F were inserted on 30 July 2012 (SI 2012/1883).
REVIEWS_FROM = dt.date(2012, 9, 1)


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
    last = _last_year_end(today)
    # The demo area is smaller than Cambridgeshire: its population is scaled to its register
    # (the people the demo puts on it at seed 001's proportions), so the rate per 100,000 is in
    # the scale of seed 001's 66.32.
    area_size = max(len(chosen) + CATEGORY_3_CASES, 1)
    for year in range(FIRST_HISTORY_YEAR_END.year, last.year + 1):
        AreaPopulation.objects.get_or_create(
            police_force=police,
            year_end=dt.date(year, 3, 31),
            defaults={
                # about 0.7% a year of growth to 2026 (ONS estimates for the county rose so)
                "population_aged_10_and_over": round(
                    POPULATION_AGED_10_AND_OVER
                    * (area_size / SEED_ELIGIBLE)
                    * 1.007 ** (year - last.year)
                ),
                "source": f"Demo figure in the scale of the ONS mid-{year - 1} population estimate",
            },
        )

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


@dataclass
class _Spell:
    registration_id: int
    person_id: int
    category: int
    level: int
    start: dt.date
    end: dt.date | None

    def open_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)


def _years(today: dt.date):
    """Each reporting year (start, last day) from 2008/09 to the part of this year so far."""
    year_end = FIRST_HISTORY_YEAR_END
    while year_end.replace(year=year_end.year - 1) < today:
        start = year_end.replace(year=year_end.year - 1) + dt.timedelta(days=1)
        yield start, min(year_end, today - dt.timedelta(days=1))
        year_end = year_end.replace(year=year_end.year + 1)


def _day_in(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _pick(rng: random.Random, spells: list[_Spell], day: dt.date, used: set | None = None):
    """A spell open on `day` (rejection sampling: the lists are long and mostly open).

    A small demo area may have no spells of a kind at all (no registered sex offenders): none.
    """
    if not spells:
        return None
    for _ in range(60):
        spell = rng.choice(spells)
        if spell.open_on(day) and (used is None or spell.person_id not in used):
            return spell
    return None


def _history(rng: random.Random, police, coordinator, today: dt.date) -> None:
    """Years of register history, so any year from 2009/10 to today reports like seed 001.

    Each registration made today through `mappa_register` is back-dated to a start since
    2008; most people also had an earlier spell on the register (ended before the current
    one began), so the register holds about as many people at every 31 March as today, a
    little fewer in earlier years. Each year then gets seed 001's events, scaled to the size
    of the register: recalls of level 2 and 3 people returned to custody, breaches of
    notification, civil orders of the law in force that day (`lifecycle_rules`), breaches of
    orders, serious further offences, people wanted or missing, and reviews of indefinite
    notification. Written in bulk: thousands of rows in a few inserts.
    """
    from openom.contacts.constants import ContactOutcome, ContactType
    from openom.contacts.models import Contact
    from openom.enforcement.constants import ActionKind, ActionStatus, BreachOutcome
    from openom.enforcement.models import EnforcementAction
    from openom.mappa import lifecycle_rules
    from openom.mappa.constants import BreachOutcome as NotificationOutcome
    from openom.mappa.constants import (
        CivilOrderKind,
        LifetimeReviewOutcome,
        NotificationKind,
        RegistrationEndReason,
        Whereabouts,
    )
    from openom.mappa.models import (
        CivilOrder,
        CivilOrderBreach,
        LevelDecision,
        LifetimeNotificationReview,
        MappaRegistration,
        NotificationBreach,
        SeriousFurtherOffence,
        SexOffenderNotification,
        WhereaboutsEpisode,
    )
    from openom.sentencing.constants import CUSTODIAL_SENTENCES
    from openom.sentencing.models import Sentence

    current = list(
        MappaRegistration.objects.filter(police_force=police, end_date__isnull=True).order_by("pk")
    )
    if not current:
        return
    scale = len(current) / SEED_ELIGIBLE

    def per_year(seed_figure: float) -> int:
        return max(1, round(seed_figure * scale * rng.uniform(0.8, 1.2)))

    # Spells: today's registrations back-dated, and the earlier spells most people had.
    ends = {1: RegistrationEndReason.NOTIFICATION_ENDED, 2: RegistrationEndReason.SUPERVISION_ENDED}
    earlier: list[MappaRegistration] = []
    for registration in current:
        registration.start_date = _day_in(rng, dt.date(2008, 1, 1), today - dt.timedelta(days=30))
        # One in five people registered since mid-2008 is new to MAPPA: the register grows.
        if registration.start_date > dt.date(2008, 6, 1) and rng.random() < 0.8:
            gap = dt.timedelta(days=rng.randint(20, 300))
            end = registration.start_date - gap
            start = _day_in(rng, EARLIEST_SPELL, min(end, dt.date(2008, 3, 1)))
            if start < end:
                earlier.append(
                    MappaRegistration(
                        person_id=registration.person_id,
                        category=registration.category,
                        category_reasons=registration.category_reasons,
                        level=registration.level,
                        police_force_id=registration.police_force_id,
                        police_unit_id=registration.police_unit_id,
                        probation_area_id=registration.probation_area_id,
                        start_date=start,
                        end_date=end,
                        end_reason=ends.get(
                            registration.category, RegistrationEndReason.NO_LONGER_MEETS_CATEGORY_3
                        ),
                    )
                )
    MappaRegistration.objects.bulk_update(current, ["start_date"], batch_size=500)
    LevelDecision.objects.bulk_update(
        [
            LevelDecision(pk=pk, decided_on=started)
            for pk, started in LevelDecision.objects.filter(registration__in=current).values_list(
                "pk", "registration__start_date"
            )
        ],
        ["decided_on"],
        batch_size=500,
    )
    earlier = MappaRegistration.objects.bulk_create(earlier, batch_size=500)
    LevelDecision.objects.bulk_create(
        [
            LevelDecision(
                registration=r,
                level=r.level,
                decided_on=r.start_date,
                rationale="Demo: level set at registration",
                decided_by=coordinator,
            )
            for r in earlier
        ],
        batch_size=500,
    )
    spells = [
        _Spell(r.pk, r.person_id, r.category, r.level, r.start_date, r.end_date)
        for r in [*current, *earlier]
    ]
    rsos = [s for s in spells if s.category == 1]
    managed = [s for s in spells if s.level > 1]
    custodial = dict(
        Sentence.objects.filter(
            person_id__in={s.person_id for s in managed}, sentence_type__in=CUSTODIAL_SENTENCES
        )
        .order_by("person_id", "sentence_date")
        .values_list("person_id", "pk")
    )
    recallable = [s for s in managed if s.person_id in custodial] or managed[:0]

    contacts, actions, breaches, orders, sfos, episodes, reviews = [], [], [], [], [], [], []
    order_spells: list[_Spell] = []
    reviewed_people: set[int] = set()
    for start, last in _years(today):
        if recallable:
            for _ in range(per_year(SEED_RETURNED_ON_LICENCE)):
                returned = _day_in(rng, start, last)
                spell = _pick(rng, recallable, returned)
                if spell is None:
                    continue
                failure = returned - dt.timedelta(days=rng.randint(3, 14))
                contacts.append(
                    Contact(
                        person_id=spell.person_id,
                        sentence_id=custodial[spell.person_id],
                        contact_type=ContactType.OFFICE,
                        officer=coordinator,
                        starts_at=timezone.make_aware(dt.datetime.combine(failure, dt.time(10))),
                        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
                        enforceable=True,
                    )
                )
                actions.append(
                    EnforcementAction(
                        person_id=spell.person_id,
                        sentence_id=custodial[spell.person_id],
                        kind=ActionKind.RECALL,
                        failure_date=failure,
                        decided_on=failure,
                        deadline=returned,
                        decided_by=coordinator,
                        status=ActionStatus.RESOLVED,
                        resolved_on=returned,
                        outcome=BreachOutcome.RETURNED_TO_CUSTODY,
                        working=["Demo: recalled for failing to keep to the licence"],
                    )
                )
        for _ in range(per_year(SEED_NOTIFICATION_BREACHES)):
            outcome_date = _day_in(rng, start, last)
            spell = _pick(rng, rsos, outcome_date - dt.timedelta(days=40))
            if spell is not None and spell.open_on(outcome_date):
                breaches.append(
                    NotificationBreach(
                        person_id=spell.person_id,
                        breach_date=outcome_date - dt.timedelta(days=40),
                        outcome=rng.choice(
                            [NotificationOutcome.CAUTIONED, NotificationOutcome.CONVICTED]
                        ),
                        outcome_date=outcome_date,
                        recorded_by=coordinator,
                    )
                )
        wanted = [
            ("full", SEED_FULL_ORDERS, None),
            ("applied", SEED_ORDERS_APPLIED_ONLY, None),
            ("full", SEED_NOTIFICATION_ORDERS, CivilOrderKind.NOTIFICATION_ORDER),
        ]
        if last >= lifecycle_rules.SHPO_COMMENCEMENT:
            wanted.append(("interim", DEMO_SROS_A_YEAR, CivilOrderKind.SRO))
        for stage, seed_figure, fixed_kind in wanted:
            for _ in range(per_year(seed_figure)):
                day = _day_in(rng, start, last)
                spell = _pick(rng, rsos, day)
                if spell is None:
                    continue
                if stage == "applied":
                    applied = day
                else:
                    applied = day - dt.timedelta(days=rng.randint(20, 60))
                    # An order is made under the law in force when it was applied for.
                    if applied < lifecycle_rules.SHPO_COMMENCEMENT <= day:
                        applied = lifecycle_rules.SHPO_COMMENCEMENT
                law_2015 = applied >= lifecycle_rules.SHPO_COMMENCEMENT
                kind = fixed_kind or (CivilOrderKind.SHPO if law_2015 else CivilOrderKind.SOPO)
                if kind not in lifecycle_rules.order_kinds_on(applied):
                    continue
                orders.append(
                    CivilOrder(
                        person_id=spell.person_id,
                        kind=kind,
                        applied_on=applied,
                        interim_on=applied + dt.timedelta(days=7)
                        if stage == "interim" or (stage == "full" and rng.random() < 0.1)
                        else None,
                        full_on=day if stage == "full" else None,
                        conditions="No unsupervised contact with children under 16; register "
                        "any device able to access the internet",
                        recorded_by=coordinator,
                    )
                )
                order_spells.append(spell)
        for _ in range(per_year(DEMO_SFOS_A_YEAR)):
            charged = _day_in(rng, start, last)
            spell = _pick(rng, spells, charged - dt.timedelta(days=2))
            if spell is None or not spell.open_on(charged):
                continue
            sfos.append(
                SeriousFurtherOffence(
                    registration_id=spell.registration_id,
                    offence_date=charged - dt.timedelta(days=2),
                    charged_on=charged,
                    description=rng.choice(
                        ["Wounding with intent", "Rape", "Robbery with a weapon", "Arson"]
                    ),
                    level_at_the_time=spell.level,
                    review_due=charged + dt.timedelta(days=28),
                    reviewed_on=charged + dt.timedelta(days=25)
                    if charged + dt.timedelta(days=25) < today
                    else None,
                    review_findings="Demo: the review found the plan was followed",
                    recorded_by=coordinator,
                )
            )
        for _ in range(per_year(DEMO_MISSING_A_YEAR)):
            since = _day_in(rng, start, last)
            spell = _pick(rng, rsos, since)
            if spell is None:
                continue
            found = since + dt.timedelta(days=rng.randint(2, 120))
            if spell.end is not None and found >= spell.end:
                found = spell.end - dt.timedelta(days=1)
            if found <= since:
                continue
            episodes.append(
                WhereaboutsEpisode(
                    registration_id=spell.registration_id,
                    status=rng.choice([Whereabouts.WANTED, Whereabouts.MISSING]),
                    since=since,
                    found_on=found if found < today else None,
                    circumstances="Not at the notified address; circulated as wanted on the PNC",
                    found_note="Arrested" if found < today else "",
                    recorded_by=coordinator,
                )
            )
        if last >= REVIEWS_FROM:
            ended_rsos = [s for s in rsos if s.end is not None and start <= s.end <= last]
            for spell in ended_rsos[: per_year(DEMO_LIFETIME_REVIEWS_A_YEAR) // 2]:
                reviews.append(
                    LifetimeNotificationReview(
                        registration_id=spell.registration_id,
                        relevant_notification_on=spell.start.replace(day=1)
                        - dt.timedelta(days=5475),
                        under_18_on_relevant_date=False,
                        qualifying_date=spell.start,
                        applied_on=spell.end - dt.timedelta(days=70),
                        determined_on=spell.end,
                        outcome=LifetimeReviewOutcome.DISCHARGED,
                        reasons="Demo: no further offending; low risk of sexual harm",
                        recorded_by=coordinator,
                        determined_by=coordinator,
                    )
                )
            for _ in range(per_year(DEMO_LIFETIME_REVIEWS_A_YEAR)):
                applied = _day_in(rng, start, last)
                spell = _pick(rng, rsos, applied, used=reviewed_people)
                if spell is None or spell.end is not None:
                    continue
                reviewed_people.add(spell.person_id)
                determined = applied + dt.timedelta(days=rng.randint(30, 80))
                done = determined < today
                reviews.append(
                    LifetimeNotificationReview(
                        registration_id=spell.registration_id,
                        relevant_notification_on=applied - dt.timedelta(days=5600),
                        under_18_on_relevant_date=False,
                        qualifying_date=lifecycle_rules.qualifying_date(
                            applied - dt.timedelta(days=5600), under_18_on_relevant_date=False
                        ),
                        applied_on=applied,
                        determined_on=determined if done else None,
                        outcome=LifetimeReviewOutcome.CONTINUED if done else "",
                        reasons="Demo: the risk of sexual harm remains" if done else "",
                        further_qualifying_date=lifecycle_rules.further_qualifying_date(determined)
                        if done
                        else None,
                        recorded_by=coordinator,
                        determined_by=coordinator if done else None,
                    )
                )

    contacts = Contact.objects.bulk_create(contacts_without_clashes(contacts), batch_size=500)
    for action, contact in zip(actions, contacts, strict=True):
        action.triggered_by = contact
    EnforcementAction.objects.bulk_create(actions, batch_size=500)
    NotificationBreach.objects.bulk_create(breaches, batch_size=500)
    orders = CivilOrder.objects.bulk_create(orders, batch_size=500)
    # Breaches of orders sending level 2 and 3 people to custody (seed 001: 1 a year).
    order_breaches = []
    for order, spell in zip(orders, order_spells, strict=True):
        made = order.full_on or order.interim_on
        if made is None or spell.level < 2 or rng.random() > 0.08 * max(scale, 0.2):
            continue
        custody = made + dt.timedelta(days=rng.randint(30, 300))
        if custody < today and spell.open_on(custody):
            order_breaches.append(
                CivilOrderBreach(
                    order=order,
                    breach_date=custody - dt.timedelta(days=14),
                    sent_to_custody_on=custody,
                    recorded_by=coordinator,
                )
            )
    CivilOrderBreach.objects.bulk_create(order_breaches, batch_size=500)
    SeriousFurtherOffence.objects.bulk_create(sfos, batch_size=500)
    open_seen: set[int] = set()
    kept = []
    for episode in sorted(episodes, key=lambda e: e.since):
        if episode.found_on is None:
            if episode.registration_id in open_seen:
                continue
            open_seen.add(episode.registration_id)
        kept.append(episode)
    WhereaboutsEpisode.objects.bulk_create(kept, batch_size=500)
    undetermined: set[int] = set()
    unique_reviews = []
    for review in reviews:
        if review.determined_on is None:
            if review.registration_id in undetermined:
                continue
            undetermined.add(review.registration_id)
        unique_reviews.append(review)
    LifetimeNotificationReview.objects.bulk_create(unique_reviews, batch_size=500)
    SexOffenderNotification.objects.bulk_create(
        [
            SexOffenderNotification(
                person_id=spell.person_id,
                notified_on=today - dt.timedelta(days=rng.randint(1, 360)),
                kind=NotificationKind.PERIODIC,
                recorded_by=coordinator,
            )
            for spell in rsos
            if spell.end is None
        ],
        batch_size=500,
    )
