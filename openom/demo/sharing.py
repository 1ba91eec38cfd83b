"""The demo area's need-to-know records: victims, sharing, restrictions, compartments, inspection.

So each demo login shows the difference: the VLO sees victims, police see MAPPA-shared cases and
their intelligence, the prison sees its custody cases, housing and health partners see the
cases referred to them, the inspector sees a sample, and one case is restricted.
"""

import datetime as dt
import random

from django.db import transaction
from faker import Faker

from openom.access.constants import CasePart, RestrictionKind, SharingBasis
from openom.access.models import CaseRestriction, CaseShare
from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.health.models import HealthCategory, HealthRecord
from openom.inspection.models import Inspection
from openom.intelligence.models import IntelligenceItem, SourceEvaluation
from openom.organisations.models import Agency
from openom.people.constants import CircumstanceStatus
from openom.people.models import Person
from openom.sentencing.constants import CUSTODIAL_SENTENCES, RequirementType
from openom.sentencing.models import Sentence
from openom.victims.models import ContactPreference, Victim, VictimSummaryShare

# DVCVA 2004 s35: victim contact for sexual or violent offences with 12 months or more custody.
VICTIM_SCHEME_MIN_CUSTODY_MONTHS = 12
INSPECTION_SAMPLE_SIZE = 20

INTELLIGENCE_LINES = [
    "Seen associating with known drug suppliers near the bus station.",
    "Reported to be staying at an address not known to probation.",
    "Vehicle linked to the subject stopped late at night; no offences disclosed.",
    "Information suggests renewed contact with the previous victim's family.",
]
HEALTH_LINES = [
    (
        HealthCategory.MENTAL_HEALTH,
        "Attending community mental health team appointments fortnightly.",
    ),
    (
        HealthCategory.SUBSTANCE_MISUSE,
        "Engaged with opiate substitution treatment; last test negative.",
    ),
    (
        HealthCategory.MENTAL_HEALTH,
        "Missed two psychiatry appointments; care coordinator informed.",
    ),
]


def demo_sharing_build(*, seed: int, today: dt.date) -> dict[str, int]:
    rng = random.Random(seed + 7)
    fake = Faker("en_GB")
    fake.seed_instance(seed + 7)
    area = Agency.objects.get(code="CPP")
    agencies = {a.code: a for a in Agency.objects.all()}
    logins = {
        u.username: u
        for u in User.objects.filter(username__in=["om", "spo", "vlo", "court", "inspector"])
    }
    approver = logins["spo"]
    current = Sentence.objects.filter(termination_date__isnull=True, person__probation_area=area)
    counts: dict[str, int] = {}

    with transaction.atomic():
        specified = (
            current.filter(sentence_type__in=CUSTODIAL_SENTENCES)
            .filter(event__event_offences__offence__schedule_15_violent=True)
            .values_list("person_id", "length_years", "length_months")
            .distinct()
        )
        eligible = sorted(
            {
                pid
                for pid, years, months in specified
                if years * 12 + months >= VICTIM_SCHEME_MIN_CUSTODY_MONTHS
            }
        )
        victims = []
        for person_id in eligible:
            offered = today - dt.timedelta(days=rng.randint(10, 700))
            victims.append(
                Victim(
                    person_id=person_id,
                    forename=fake.first_name(),
                    surname=fake.last_name(),
                    relationship_to_offender=rng.choice(
                        ["Former partner", "Stranger", "Neighbour", "Acquaintance", "Family member"]
                    ),
                    address=f"{fake.street_address()}, {rng.choice(['Cambridge', 'Peterborough', 'Huntingdon', 'Wisbech'])}",
                    phone=f"07700 900{rng.randint(100, 999)}",
                    contact_preference=rng.choice(list(ContactPreference)),
                    contact_offered_on=offered,
                    opted_in=rng.choice([True, True, False, None]),
                    views=rng.choice(
                        [
                            "",
                            "Asks for an exclusion zone around their home.",
                            "Does not want contact of any kind.",
                        ]
                    ),
                    liaison_officer=logins["vlo"],
                )
            )
        Victim.objects.bulk_create(victims)
        counts["victims"] = len(victims)

        om_cases = list(
            CaseAllocation.objects.filter(
                offender_manager=logins["om"], end_date__isnull=True, person_id__in=eligible
            ).values_list("person_id", flat=True)[:3]
        )
        VictimSummaryShare.objects.bulk_create(
            VictimSummaryShare(
                person_id=pid,
                shared_with=logins["om"],
                shared_by=logins["vlo"],
                summary="The victim has asked that the person makes no contact, direct or indirect.",
            )
            for pid in om_cases
        )

        def share(person_ids, agency_code, basis, parts, legal_basis):
            rows = [
                CaseShare(
                    person_id=pid,
                    agency=agencies[agency_code],
                    basis=basis,
                    parts=sorted(parts),
                    start_date=today - dt.timedelta(days=rng.randint(5, 300)),
                    legal_basis=legal_basis,
                    approved_by=approver,
                )
                for pid in person_ids
            ]
            CaseShare.objects.bulk_create(rows)
            return len(rows)

        licence_public_protection = list(
            current.filter(
                release_date__isnull=False,
                person__allocations__end_date__isnull=True,
                person__allocations__team__code__endswith="03",
            )
            .values_list("person_id", flat=True)
            .distinct()
        )
        police_cases = sorted(set(licence_public_protection) | set(eligible[:40]))
        counts["police shares"] = share(
            police_cases,
            "CAMPOL",
            SharingBasis.MAPPA,
            {CasePart.SUMMARY, CasePart.RISK_SUMMARY, CasePart.CONTACT_DETAILS, CasePart.EVENTS},
            "Criminal Justice Act 2003 s325 (MAPPA)",
        )
        custody = list(
            current.filter(sentence_type__in=CUSTODIAL_SENTENCES, release_date__isnull=True)
            .values_list("person_id", flat=True)
            .distinct()
        )
        counts["prison shares"] = share(
            custody,
            "HMPPB",
            SharingBasis.INFORMATION_SHARING,
            {CasePart.SUMMARY, CasePart.EVENTS, CasePart.CONTACT_DETAILS, CasePart.RISK_SUMMARY},
            "Offender Management Act 2007 s14 (custody case management)",
        )
        housing = list(
            Person.objects.filter(
                probation_area=area,
                circumstances__end_date__isnull=True,
                circumstances__status__in=[
                    CircumstanceStatus.NO_FIXED_ABODE,
                    CircumstanceStatus.TEMPORARY,
                ],
            )
            .values_list("pk", flat=True)
            .distinct()[:30]
        )
        counts["housing shares"] = share(
            housing,
            "CCCHOU",
            SharingBasis.REFERRAL,
            {CasePart.SUMMARY, CasePart.CONTACT_DETAILS},
            "Homelessness Reduction Act 2017 s213B (duty to refer)",
        )
        health = list(
            current.filter(
                requirements__requirement_type__in=[
                    RequirementType.MENTAL_HEALTH_TREATMENT,
                    RequirementType.DRUG_REHABILITATION,
                ]
            )
            .values_list("person_id", flat=True)
            .distinct()[:30]
        )
        counts["health shares"] = share(
            health,
            "CPFT",
            SharingBasis.REFERRAL,
            {CasePart.SUMMARY, CasePart.HEALTH},
            "Sentencing Act 2020 Sch 9 (treatment requirement)",
        )
        police_officer = User.objects.filter(username="police").first()
        IntelligenceItem.objects.bulk_create(
            IntelligenceItem(
                person_id=pid,
                recorded_by=police_officer,
                recorded_on=today - dt.timedelta(days=rng.randint(1, 200)),
                source_evaluation=rng.choice(list(SourceEvaluation)),
                summary=rng.choice(INTELLIGENCE_LINES),
            )
            for pid in police_cases[::3]
        )
        health_worker = User.objects.get(username="health")
        for pid in health:
            category, line = rng.choice(HEALTH_LINES)
            HealthRecord.objects.create(
                person_id=pid,
                recorded_by=health_worker,
                recorded_on=today - dt.timedelta(days=rng.randint(1, 120)),
                category=category,
                summary=line,
            )

        restricted = (
            CaseAllocation.objects.filter(offender_manager=logins["om"], end_date__isnull=True)
            .order_by("person__crn")
            .values_list("person_id", flat=True)
            .first()
        )
        if restricted is not None:
            for user in (logins["om"], logins["spo"]):
                CaseRestriction.objects.create(
                    person_id=restricted,
                    kind=RestrictionKind.RESTRICT_TO,
                    user=user,
                    reason="The person is related to a member of staff in the area",
                    created_by=approver,
                )
        excluded = (
            CaseAllocation.objects.filter(offender_manager=logins["om"], end_date__isnull=True)
            .order_by("-person__crn")
            .values_list("person_id", flat=True)
            .first()
        )
        if excluded is not None:
            CaseRestriction.objects.create(
                person_id=excluded,
                kind=RestrictionKind.EXCLUDE,
                user=logins["court"],
                reason="Court officer knows the family",
                created_by=approver,
            )
        counts["restricted cases"] = 2

        inspection = Inspection.objects.create(
            name=f"Offender management inspection {today.year}",
            area=area,
            start_date=today - dt.timedelta(days=7),
            end_date=today + dt.timedelta(days=21),
        )
        inspection.inspectors.add(logins["inspector"])
        population = list(
            Person.objects.filter(probation_area=area).order_by("pk").values_list("pk", flat=True)
        )
        sample = rng.sample(population, min(INSPECTION_SAMPLE_SIZE, len(population)))
        inspection.sample.add(*sample)
        counts["inspection sample"] = len(sample)
    return counts
