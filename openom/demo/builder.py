"""Build the demo area: deterministic for a seed, bulk-inserted, with progress reported."""

import datetime as dt
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from faker import Faker

from openom.accounts.constants import Grade, Role
from openom.accounts.models import RoleAssignment, User
from openom.allocation.models import CaseAllocation
from openom.core.models import Sequence
from openom.demo import area
from openom.offences.models import Offence
from openom.organisations.constants import AgencyKind
from openom.organisations.models import Agency, LocalDeliveryUnit, Office, Team
from openom.people.constants import (
    AddressType,
    CircumstanceCategory,
    CircumstanceStatus,
    DisabilityStatus,
    Ethnicity,
    Gender,
)
from openom.people.models import Address, Alias, Circumstance, Person
from openom.people.pnc import pnc_check_character
from openom.people.search import phonetic_key
from openom.people.services import CRN_PREFIX, CRN_SEQUENCE
from openom.sentencing.constants import (
    REQUIREMENT_UNITS,
    EventOutcome,
    LicenceConditionCategory,
    LicenceConditionType,
    Plea,
    RequirementType,
    SentenceType,
    TerminationReason,
)
from openom.sentencing.models import (
    Court,
    Event,
    EventOffence,
    LicenceCondition,
    Requirement,
    Sentence,
)
from openom.sentencing.services import sentence_expected_end

Progress = Callable[[str], None]

COMMUNITY_OFFENCE_WEIGHTS = {
    "theft": 20,
    "violence": 22,
    "drugs": 12,
    "motoring": 12,
    "burglary": 6,
    "criminal_damage": 6,
    "public_order": 8,
    "fraud": 5,
    "other": 5,
    "vehicle": 3,
    "sexual": 1,
}
CUSTODY_OFFENCE_WEIGHTS = {
    "violence": 28,
    "burglary": 12,
    "robbery": 8,
    "drugs": 16,
    "sexual": 8,
    "theft": 10,
    "fraud": 4,
    "public_order": 4,
    "other": 5,
    "vehicle": 3,
    "motoring": 2,
}
ETHNICITY_WEIGHTS = {
    Ethnicity.WHITE_BRITISH: 80,
    Ethnicity.WHITE_OTHER: 6,
    Ethnicity.WHITE_GYPSY_IRISH_TRAVELLER: 1,
    Ethnicity.WHITE_ROMA: 0.5,
    Ethnicity.BLACK_CARIBBEAN: 1.5,
    Ethnicity.BLACK_AFRICAN: 1.5,
    Ethnicity.ASIAN_PAKISTANI: 2,
    Ethnicity.ASIAN_INDIAN: 1,
    Ethnicity.ASIAN_BANGLADESHI: 1,
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN: 2,
    Ethnicity.OTHER_ANY: 1,
    Ethnicity.NOT_STATED: 2.5,
}
LANGUAGES = [
    ("Polish", 0.35),
    ("Lithuanian", 0.2),
    ("Romanian", 0.2),
    ("Portuguese", 0.15),
    ("Urdu", 0.1),
]
BATCH = 2000


@dataclass
class DemoResult:
    people: int
    staff: int
    logins: list[tuple[str, str]] = field(default_factory=list)
    # The system administrator's password: random, printed once by the demo command.
    superuser_password: str = ""


def _weighted(rng: random.Random, weights: dict) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


class DemoBuilder:
    def __init__(self, *, people: int, seed: int, today: dt.date, progress: Progress) -> None:
        self.total_people = people
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        # Staff draw from their own stream, so the people are the same whether or not staff exist.
        self.staff_fake = Faker("en_GB")
        self.staff_fake.seed_instance(seed + 1)
        self.today = today
        self.progress = progress
        self.superuser_password = secrets.token_urlsafe(12)
        self.used_pncs: set[tuple[int, int]] = set()
        self.crn_counter = (
            Sequence.objects.filter(name=CRN_SEQUENCE).values_list("last_value", flat=True).first()
            or 0
        )

    # Organisations, staff and logins ---------------------------------------------------------
    def build_organisations(self) -> None:
        self.area, _ = Agency.objects.get_or_create(
            code=area.AREA["code"],
            defaults={"name": area.AREA["name"], "kind": AgencyKind.PROBATION},
        )
        self.neighbour, _ = Agency.objects.get_or_create(
            code=area.NEIGHBOUR_AREA["code"],
            defaults={"name": area.NEIGHBOUR_AREA["name"], "kind": AgencyKind.PROBATION},
        )
        self.agencies = {self.area.code: self.area, self.neighbour.code: self.neighbour}
        for code, name, kind in area.PARTNER_AGENCIES:
            self.agencies[code], _ = Agency.objects.get_or_create(
                code=code, defaults={"name": name, "kind": kind}
            )
        self.ldus: dict[str, LocalDeliveryUnit] = {}
        self.teams: dict[str, list[Team]] = {}
        self.towns: dict[str, list[tuple[str, str]]] = {}
        for code, name, office, address, postcode, towns in area.DELIVERY_UNITS:
            ldu, _ = LocalDeliveryUnit.objects.get_or_create(
                code=code, defaults={"agency": self.area, "name": name}
            )
            Office.objects.get_or_create(
                delivery_unit=ldu, name=office, defaults={"address": address, "postcode": postcode}
            )
            self.ldus[code] = ldu
            self.towns[code] = towns
            self.teams[code] = [
                Team.objects.get_or_create(
                    code=f"{code}{index + 1:02d}",
                    defaults={
                        "agency": self.area,
                        "delivery_unit": ldu,
                        "name": f"{name} {team_name}",
                    },
                )[0]
                for index, team_name in enumerate(area.TEAMS_PER_LDU)
            ]
        norwich, _ = LocalDeliveryUnit.objects.get_or_create(
            code="NOR", defaults={"agency": self.neighbour, "name": "Norwich"}
        )
        self.ldus["NOR"] = norwich
        self.towns["NOR"] = [("Norwich", "NR1"), ("Norwich", "NR2"), ("Norwich", "NR3")]
        self.teams["NOR"] = [
            Team.objects.get_or_create(
                code="NOR01",
                defaults={
                    "agency": self.neighbour,
                    "delivery_unit": norwich,
                    "name": "Norwich Offender Management",
                },
            )[0]
        ]
        self.courts = [
            Court.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})[0]
            for code, name, kind in area.COURTS
        ]

    def build_staff(self) -> int:
        self.logins: dict[str, User] = {}
        for (
            username,
            first,
            last,
            agency_code,
            ldu_code,
            team_index,
            grade,
            roles,
        ) in area.DEMO_LOGINS:
            team = self.teams[ldu_code][team_index] if ldu_code is not None else None
            user = User.objects.filter(username=username).first()
            if user is None:
                superuser = Role.SYSTEM_ADMINISTRATOR in roles
                user = User.objects.create_user(
                    username=username,
                    # The superuser's password is never the published one (issue #14).
                    password=self.superuser_password if superuser else area.DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    agency=self.agencies[agency_code],
                    team=team,
                    grade=grade,
                    is_staff=Role.SYSTEM_ADMINISTRATOR in roles,
                    is_superuser=Role.SYSTEM_ADMINISTRATOR in roles,
                )
                RoleAssignment.objects.bulk_create(
                    RoleAssignment(user=user, role=role) for role in roles
                )
            self.logins[username] = user
        password = User.objects.get(username="om").password  # hash once, reuse for generated staff
        self.officers: dict[int, list[User]] = {}
        created = 0
        for teams in self.teams.values():
            for team in teams:
                staff = list(
                    User.objects.filter(
                        team=team,
                        grade__in=[Grade.PO, Grade.PQIP, Grade.PSO],
                        username__startswith="staff.",
                    )
                )
                if not User.objects.filter(team=team, username__startswith="staff.").exists():
                    new_users = []
                    for grade, count in area.TEAM_STAFF:
                        for _ in range(count):
                            first, last = self.staff_fake.first_name(), self.staff_fake.last_name()
                            new_users.append(
                                User(
                                    username=f"staff.{team.code.lower()}.{len(new_users) + 1}",
                                    password=password,
                                    first_name=first,
                                    last_name=last,
                                    agency=team.agency,
                                    team=team,
                                    grade=grade,
                                    email=f"{first}.{last}@example.org".lower(),
                                )
                            )
                    User.objects.bulk_create(new_users)
                    created += len(new_users)
                    staff = list(
                        User.objects.filter(
                            team=team,
                            grade__in=[Grade.PO, Grade.PQIP, Grade.PSO],
                            username__startswith="staff.",
                        )
                    )
                    RoleAssignment.objects.bulk_create(
                        RoleAssignment(
                            user=u,
                            role=Role.SENIOR_PROBATION_OFFICER
                            if u.grade == Grade.SPO
                            else Role.OFFENDER_MANAGER,
                        )
                        for u in User.objects.filter(team=team, username__startswith="staff.")
                    )
                self.officers[team.id] = staff
        return created

    # People ----------------------------------------------------------------------------------
    def _next_crn(self) -> str:
        self.crn_counter += 1
        return f"{CRN_PREFIX}{self.crn_counter:06d}"

    def _pnc(self, year: int) -> str:
        serial = self.rng.randint(1, 999999)
        while (year, serial) in self.used_pncs:
            serial = self.rng.randint(1, 999999)
        self.used_pncs.add((year, serial))
        return f"{year}/{serial:07d}{pnc_check_character(year, serial)}"

    def _date_of_birth(self) -> dt.date:
        age = min(78, max(18, int(self.rng.gammavariate(3.2, 7.5)) + 17))
        return self.today - dt.timedelta(days=age * 365 + self.rng.randint(0, 364))

    def _postcode(self, district: str) -> str:
        return f"{district} {self.rng.randint(1, 9)}{self.rng.choice('ABDEFGHJLNPQRSTUWXY')}{self.rng.choice('ABDEFGHJLNPQRSTUWXY')}"

    def _offence(self, weights: dict) -> Offence:
        category = _weighted(
            self.rng, {k: v for k, v in weights.items() if self.offences_by_category.get(k)}
        )
        return self.rng.choice(self.offences_by_category[category])

    def build_people(self) -> int:
        self.offences_by_category: dict[str, list[Offence]] = {}
        common = Offence.objects.filter(active=True, code__in=area.DEMO_OFFENCE_CODES)
        for offence in common if common.exists() else Offence.objects.filter(active=True):
            self.offences_by_category.setdefault(offence.category, []).append(offence)
        if not self.offences_by_category:
            raise RuntimeError("The offence catalogue is empty: run `openom migrate` first")

        total = self.total_people
        caseload = area.CASELOAD_COMMUNITY + area.CASELOAD_LICENCE + area.CASELOAD_CUSTODY
        groups = ["LICENCE"] * round(total * area.CASELOAD_LICENCE / caseload) + [
            "CUSTODY"
        ] * round(total * area.CASELOAD_CUSTODY / caseload)
        groups += ["COMMUNITY"] * (total - len(groups))
        self.rng.shuffle(groups)
        ldu_codes = list(area.LDU_WEIGHTS)
        plans = [(group, _weighted(self.rng, area.LDU_WEIGHTS)) for group in groups]
        plans += [("COMMUNITY", "NOR")] * max(
            3, total // 100
        )  # a few cases in the neighbouring area
        del ldu_codes

        demo_om = self.logins["om"]
        demo_team = demo_om.team
        demo_om_cases = 0
        done = 0
        for start in range(0, len(plans), BATCH):
            batch = plans[start : start + BATCH]
            with transaction.atomic():
                demo_om_cases = self._build_batch(batch, demo_om, demo_team, demo_om_cases)
            done += len(batch)
            self.progress(f"People: {done:,} of {len(plans):,}")
        Sequence.objects.update_or_create(
            name=CRN_SEQUENCE, defaults={"last_value": self.crn_counter}
        )
        return len(plans)

    def _build_batch(self, batch, demo_om: User, demo_team: Team, demo_om_cases: int) -> int:
        rng, fake, today = self.rng, self.fake, self.today
        people, addresses, aliases, circumstances, allocations = [], [], [], [], []
        events_spec = []  # (person, [event specs])
        for group, ldu_code in batch:
            male = rng.random() < area.MALE_SHARE
            forename = fake.first_name_male() if male else fake.first_name_female()
            surname = fake.last_name()
            dob = self._date_of_birth()
            ethnicity = _weighted(self.rng, ETHNICITY_WEIGHTS)
            interpreter = ethnicity == Ethnicity.WHITE_OTHER and rng.random() < 0.4
            language = (
                rng.choices([lang for lang, _ in LANGUAGES], weights=[w for _, w in LANGUAGES])[0]
                if interpreter
                else "English"
            )
            first_conviction_year = max(dob.year + 14, today.year - rng.randint(0, 20))
            person = Person(
                crn=self._next_crn(),
                pnc_number=self._pnc(min(first_conviction_year, today.year)),
                prison_number=(
                    f"{rng.choice('AG')}{rng.randint(1000, 9999)}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
                    if group != "COMMUNITY"
                    else ""
                ),
                forename=forename,
                middle_names=fake.first_name_male() if male and rng.random() < 0.5 else "",
                surname=surname,
                date_of_birth=dob,
                gender=Gender.MALE if male else Gender.FEMALE,
                ethnicity=ethnicity,
                disability_status=rng.choices(
                    [DisabilityStatus.NO, DisabilityStatus.YES, DisabilityStatus.NOT_DECLARED],
                    weights=[70, 22, 8],
                )[0],
                learning_needs="Needs help with reading letters" if rng.random() < 0.12 else "",
                first_language=language,
                interpreter_required=interpreter,
                probation_area=self.neighbour if ldu_code == "NOR" else self.area,
                forename_key=phonetic_key(forename),
                surname_key=phonetic_key(surname),
            )
            people.append(person)
            events_spec.append((person, group, ldu_code))
        Person.objects.bulk_create(people)

        for person, group, ldu_code in events_spec:
            town, district = rng.choice(self.towns[ldu_code])
            roll = rng.random()
            address_type = AddressType.MAIN
            if group == "CUSTODY":
                address_type = AddressType.MAIN
            elif roll < 0.03:
                address_type = AddressType.NO_FIXED_ABODE
            elif roll < 0.05 and group == "LICENCE":
                address_type = AddressType.APPROVED_PREMISES
            moved_in = today - dt.timedelta(days=rng.randint(30, 2500))
            if address_type != AddressType.MAIN and rng.random() < 0.7:
                addresses.append(
                    Address(
                        person=person,
                        address_type=AddressType.MAIN,
                        line_1=fake.street_address(),
                        town=town,
                        postcode=self._postcode(district),
                        start_date=moved_in - dt.timedelta(days=rng.randint(200, 2000)),
                        end_date=moved_in - dt.timedelta(days=1),
                    )
                )
            addresses.append(
                Address(
                    person=person,
                    address_type=address_type,
                    line_1=""
                    if address_type == AddressType.NO_FIXED_ABODE
                    else (
                        "Approved Premises, 12 Park Road"
                        if address_type == AddressType.APPROVED_PREMISES
                        else fake.street_address()
                    ),
                    town="" if address_type == AddressType.NO_FIXED_ABODE else town,
                    postcode=""
                    if address_type == AddressType.NO_FIXED_ABODE
                    else self._postcode(district),
                    start_date=moved_in,
                )
            )
            if rng.random() < 0.1:
                aliases.append(
                    Alias(
                        person=person,
                        forename=person.forename,
                        surname=(alias_surname := fake.last_name()),
                        forename_key=person.forename_key,
                        surname_key=phonetic_key(alias_surname),
                    )
                )
            accommodation = (
                CircumstanceStatus.IN_CUSTODY
                if group == "CUSTODY"
                else CircumstanceStatus.NO_FIXED_ABODE
                if address_type == AddressType.NO_FIXED_ABODE
                else CircumstanceStatus.APPROVED_PREMISES
                if address_type == AddressType.APPROVED_PREMISES
                else rng.choices(
                    [CircumstanceStatus.SETTLED_AND_SUITABLE, CircumstanceStatus.TEMPORARY],
                    weights=[80, 20],
                )[0]
            )
            circumstances.append(
                Circumstance(
                    person=person,
                    category=CircumstanceCategory.ACCOMMODATION,
                    status=accommodation,
                    start_date=moved_in,
                )
            )
            if group != "CUSTODY":
                circumstances.append(
                    Circumstance(
                        person=person,
                        category=CircumstanceCategory.EMPLOYMENT,
                        status=rng.choices(
                            [
                                CircumstanceStatus.EMPLOYED_FULL_TIME,
                                CircumstanceStatus.EMPLOYED_PART_TIME,
                                CircumstanceStatus.SELF_EMPLOYED,
                                CircumstanceStatus.UNEMPLOYED,
                                CircumstanceStatus.UNABLE_TO_WORK,
                                CircumstanceStatus.EDUCATION_OR_TRAINING,
                            ],
                            weights=[28, 10, 5, 40, 12, 5],
                        )[0],
                        start_date=today - dt.timedelta(days=rng.randint(20, 900)),
                    )
                )

        Address.objects.bulk_create(addresses)
        Alias.objects.bulk_create(aliases)
        Circumstance.objects.bulk_create(circumstances)
        demo_om_cases = self._build_events(
            events_spec, allocations, demo_om, demo_team, demo_om_cases
        )
        CaseAllocation.objects.bulk_create(allocations)
        return demo_om_cases

    def _current_sentence(self, group: str) -> tuple[dict, list[dict]]:
        rng, today = self.rng, self.today
        requirements: list[dict] = []
        if group == "COMMUNITY":
            kind = (
                SentenceType.COMMUNITY_ORDER
                if rng.random() < 0.7
                else SentenceType.SUSPENDED_SENTENCE_ORDER
            )
            if kind == SentenceType.COMMUNITY_ORDER:
                months = rng.choice([6, 12, 12, 12, 18, 18, 24, 24, 36])
                spec = {"length_months": months}
                span = months * 30
            else:
                spec = {
                    "length_months": rng.choice([2, 3, 4, 6, 8, 12, 16, 18, 24]),
                    "operational_period_months": rng.choice([12, 18, 24, 24]),
                }
                span = spec["operational_period_months"] * 30
            sentence_date = today - dt.timedelta(days=rng.randint(1, int(span * 0.9)))
            if rng.random() < 0.55:
                requirements.append(
                    {
                        "requirement_type": RequirementType.UNPAID_WORK,
                        "length": rng.choice([40, 60, 80, 100, 120, 150, 180, 200, 240, 300]),
                    }
                )
            if rng.random() < 0.6:
                requirements.append(
                    {
                        "requirement_type": RequirementType.REHABILITATION_ACTIVITY,
                        "length": rng.choice([10, 15, 20, 25, 30, 40]),
                    }
                )
            for kind_, chance in (
                (RequirementType.ACCREDITED_PROGRAMME, 0.1),
                (RequirementType.DRUG_REHABILITATION, 0.08),
                (RequirementType.ALCOHOL_TREATMENT, 0.06),
                (RequirementType.CURFEW, 0.12),
                (RequirementType.MENTAL_HEALTH_TREATMENT, 0.02),
                (RequirementType.EXCLUSION, 0.03),
            ):
                if rng.random() < chance:
                    requirements.append(
                        {
                            "requirement_type": kind_,
                            "length": rng.choice([3, 6, 6, 12])
                            if REQUIREMENT_UNITS[kind_] == "MONTHS"
                            else rng.choice([15, 20, 26]),
                        }
                    )
            return {"sentence_type": kind, "sentence_date": sentence_date, **spec}, requirements

        roll = rng.random()
        if roll < 0.05:
            kind, spec = (
                SentenceType.EXTENDED_DETERMINATE,
                {
                    "length_months": rng.choice([48, 60, 72, 96]),
                    "extension_period_months": rng.choice([36, 48, 60, 96]),
                },
            )
        elif roll < 0.065:
            kind, spec = (
                SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
                {"length_months": rng.choice([48, 72]), "extension_period_months": 12},
            )
        elif roll < 0.09:
            kind, spec = (
                rng.choice([SentenceType.LIFE, SentenceType.IPP]),
                {"length_years": rng.choice([2, 4, 8, 15, 20])},
            )
        else:
            kind, spec = (
                SentenceType.DETERMINATE_CUSTODY,
                {
                    "length_months": rng.choice(
                        [3, 4, 6, 8, 10, 12, 16, 18, 24, 30, 36, 48, 60, 72, 96]
                    )
                },
            )
        custodial_days = (spec.get("length_years", 0) * 12 + spec.get("length_months", 0)) * 30
        release_after = (
            custodial_days // 2
            if kind == SentenceType.DETERMINATE_CUSTODY
            else custodial_days * 2 // 3
        )
        if kind in {SentenceType.LIFE, SentenceType.IPP}:
            release_after = custodial_days
        if group == "CUSTODY":
            sentence_date = today - dt.timedelta(days=rng.randint(1, max(2, release_after - 1)))
            return {"sentence_type": kind, "sentence_date": sentence_date, **spec}, []
        licence_days = (
            max(30, custodial_days - release_after)
            if kind not in {SentenceType.LIFE, SentenceType.IPP}
            else 3650
        )
        since_release = rng.randint(1, max(2, min(licence_days - 1, 700)))
        release_date = today - dt.timedelta(days=since_release)
        sentence_date = release_date - dt.timedelta(days=max(1, release_after))
        return {
            "sentence_type": kind,
            "sentence_date": sentence_date,
            "release_date": release_date,
            **spec,
        }, []

    def _build_events(self, events_spec, allocations, demo_om, demo_team, demo_om_cases) -> int:
        rng, today = self.rng, self.today
        events, event_offences, sentences, requirements, conditions = [], [], [], [], []
        for person, group, ldu_code in events_spec:
            current, current_requirements = self._current_sentence(group)
            previous = rng.choices([0, 1, 2, 3], weights=[45, 30, 15, 10])[0]
            history_start = max(
                person.date_of_birth + dt.timedelta(days=18 * 365),
                current["sentence_date"] - dt.timedelta(days=365 * 12),
            )
            span = (current["sentence_date"] - history_start).days
            past_dates = sorted(
                history_start + dt.timedelta(days=rng.randint(0, max(1, span - 400)))
                for _ in range(previous)
            )
            weights = COMMUNITY_OFFENCE_WEIGHTS if group == "COMMUNITY" else CUSTODY_OFFENCE_WEIGHTS
            for number, sentence_date in enumerate(
                [*past_dates, current["sentence_date"]], start=1
            ):
                is_current = number == previous + 1
                conviction_date = sentence_date - dt.timedelta(
                    days=rng.choice([0, 0, 0, 21, 28, 35])
                )
                event = Event(
                    person=person,
                    number=number,
                    court=rng.choice(self.courts),
                    conviction_date=conviction_date,
                    plea=rng.choices([Plea.GUILTY, Plea.NOT_GUILTY], weights=[85, 15])[0],
                    outcome=EventOutcome.SENTENCED,
                )
                events.append(event)
                main = self._offence(weights)
                offence_date = conviction_date - dt.timedelta(days=rng.randint(14, 200))
                event_offences.append(
                    EventOffence(event=event, offence=main, is_main=True, offence_date=offence_date)
                )
                if rng.random() < 0.3:
                    other = self._offence(weights)
                    if other.pk != main.pk:
                        event_offences.append(
                            EventOffence(event=event, offence=other, offence_date=offence_date)
                        )
                if is_current:
                    spec, reqs = current, current_requirements
                else:
                    spec = {
                        "sentence_type": SentenceType.COMMUNITY_ORDER,
                        "sentence_date": sentence_date,
                        "length_months": rng.choice([6, 12, 12, 18]),
                    }
                    reqs = (
                        [
                            {
                                "requirement_type": RequirementType.UNPAID_WORK,
                                "length": rng.choice([60, 100, 150]),
                            }
                        ]
                        if rng.random() < 0.5
                        else []
                    )
                expected_end = sentence_expected_end(
                    **{k: spec[k] for k in ("sentence_type", "sentence_date")},
                    **{
                        k: spec.get(k, 0) or 0
                        for k in ("length_years", "length_months", "length_days")
                    },
                    operational_period_months=spec.get("operational_period_months"),
                    extension_period_months=spec.get("extension_period_months"),
                )
                termination = {}
                if not is_current:
                    ended = min(expected_end or today, today - dt.timedelta(days=1))
                    reason = rng.choices(
                        [
                            TerminationReason.COMPLETED,
                            TerminationReason.REVOKED_BREACH,
                            TerminationReason.REVOKED_FURTHER_OFFENCE,
                        ],
                        weights=[72, 18, 10],
                    )[0]
                    termination = {
                        "termination_date": max(sentence_date, ended),
                        "termination_reason": reason,
                    }
                sentence = Sentence(
                    event=event,
                    person=person,
                    expected_end_date=expected_end,
                    **spec,
                    **termination,
                )
                sentences.append(sentence)
                for requirement in reqs:
                    requirements.append(
                        Requirement(
                            sentence=sentence,
                            start_date=spec["sentence_date"],
                            length_unit=REQUIREMENT_UNITS[requirement["requirement_type"]],
                            termination_date=termination.get("termination_date"),
                            termination_reason=termination.get("termination_reason", ""),
                            **requirement,
                        )
                    )
                if is_current and group == "LICENCE":
                    conditions.append(
                        LicenceCondition(
                            sentence=sentence,
                            condition_type=LicenceConditionType.STANDARD,
                            category=LicenceConditionCategory.GOOD_BEHAVIOUR,
                            description="Be of good behaviour and not behave in a way which undermines the purpose of the licence period",
                            start_date=spec["release_date"],
                        )
                    )
                    if rng.random() < 0.5:
                        conditions.append(
                            LicenceCondition(
                                sentence=sentence,
                                condition_type=LicenceConditionType.ADDITIONAL,
                                category=rng.choice(
                                    [
                                        LicenceConditionCategory.RESIDENCE,
                                        LicenceConditionCategory.NON_CONTACT,
                                        LicenceConditionCategory.EXCLUSION_ZONE,
                                        LicenceConditionCategory.DRUG_TESTING,
                                    ]
                                ),
                                description="As set out on the licence",
                                start_date=spec["release_date"],
                            )
                        )

            allocation_start = max(
                current["sentence_date"], today - dt.timedelta(days=rng.randint(1, 900))
            )
            teams = self.teams[ldu_code]
            public_protection = current["sentence_type"] in {
                SentenceType.EXTENDED_DETERMINATE,
                SentenceType.LIFE,
                SentenceType.IPP,
                SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
            }
            team = (
                teams[-1]
                if public_protection and len(teams) > 2
                else rng.choice(teams[:2] if len(teams) > 2 else teams)
            )
            officer = None
            if team.id == demo_team.id and demo_om_cases < area.DEMO_OM_CASELOAD:
                officer = demo_om
                demo_om_cases += 1
            elif rng.random() > 0.03:
                candidates = [
                    u
                    for u in self.officers[team.id]
                    if group == "COMMUNITY" or u.grade != Grade.PSO
                ] or self.officers[team.id]
                officer = rng.choice(candidates)
            allocations.append(
                CaseAllocation(
                    person=person,
                    team=team,
                    offender_manager=officer,
                    start_date=allocation_start,
                    reason="Allocated at sentence"
                    if allocation_start == current["sentence_date"]
                    else "Transferred in",
                )
            )
        Event.objects.bulk_create(events)
        EventOffence.objects.bulk_create(event_offences)
        Sentence.objects.bulk_create(sentences)
        Requirement.objects.bulk_create(requirements)
        LicenceCondition.objects.bulk_create(conditions)
        return demo_om_cases


def demo_area_build(*, people: int, seed: int, today: dt.date, progress: Progress) -> DemoResult:
    builder = DemoBuilder(people=people, seed=seed, today=today, progress=progress)
    with transaction.atomic():
        builder.build_organisations()
        staff = builder.build_staff()
    progress("Agencies, delivery units, teams and staff ready")
    count = builder.build_people()
    from openom.demo.sharing import demo_sharing_build

    shared = demo_sharing_build(seed=seed, today=today)
    progress("Need-to-know records: " + ", ".join(f"{n} {what}" for what, n in shared.items()))
    from openom.demo.release import demo_release_build

    with transaction.atomic():
        calculated = demo_release_build(seed=seed, today=today, progress=progress)
    progress(f"Release dates calculated for {calculated:,} custody and licence cases")
    from openom.demo.practice import demo_practice_build

    with transaction.atomic():
        demo_practice_build(seed=seed, today=today, progress=progress)
    from openom.demo.assessments import demo_assessments_build

    assessed = demo_assessments_build(seed=seed, today=today, progress=progress)
    progress(f"Assessed and tiered {assessed:,} cases")
    from openom.demo.mappa import demo_mappa_build

    managed = demo_mappa_build(seed=seed, today=today, progress=progress)
    progress("MAPPA register: " + ", ".join(f"{n} {what}" for what, n in managed.items()))
    from openom.demo.iom import demo_iom_build

    demo_iom_build(seed=seed, today=today, progress=progress)
    from openom.demo.handoffs import demo_handoffs_build

    waiting = demo_handoffs_build(seed=seed, today=today)
    progress("Waiting on someone: " + ", ".join(f"{n} {what}" for what, n in waiting.items()))
    return DemoResult(people=count, staff=staff, superuser_password=builder.superuser_password)


def contacts_without_clashes(contacts: list) -> list:
    """Move any made-up appointment that clashes with another of the same person's (one
    appointment per person per start time) on by an hour until it is free."""
    from openom.contacts.models import Contact

    people = {contact.person_id for contact in contacts}
    taken = set(Contact.objects.filter(person_id__in=people).values_list("person_id", "starts_at"))
    for contact in contacts:
        while (contact.person_id, contact.starts_at) in taken:
            contact.starts_at += dt.timedelta(hours=1)
            if contact.outcome_recorded_at is not None:
                contact.outcome_recorded_at += dt.timedelta(hours=1)
        taken.add((contact.person_id, contact.starts_at))
    return contacts
