"""The demo area's IOM scheme: a cohort of about 70 in Peterborough and a smaller one in the
south (seed 002 §2.1.4), on a sliding scale, with link workers and a case meeting agenda.

People are referred, screened, scored and selected through the same services staff use; only
the start dates and earlier intensities are back-dated, so the cohort has a history (including
long stayers) to review.
"""

import datetime as dt
import random

from django.db import transaction

from openom.accounts.models import User
from openom.allocation.models import CaseAllocation
from openom.iom.constants import Pathway, ReviewDecision, StatutoryStatus, Strategy
from openom.iom.models import IntensityChange, LinkWorker, Membership
from openom.iom.rules import next_review_due
from openom.iom.services import (
    action_plan_add,
    case_meeting_build,
    cohort_select,
    iom_referral_create,
    iom_referral_screen,
    scheme_create_default,
)
from openom.offences.constants import OffenceCategory
from openom.organisations.models import Agency
from openom.sentencing.models import EventOffence

COHORT_SIZES = {"PET": 70, "HUN": 15}
ACQUISITIVE = [
    OffenceCategory.BURGLARY,
    OffenceCategory.THEFT,
    OffenceCategory.ROBBERY,
    OffenceCategory.VEHICLE,
]
LINK_WORKERS = [
    (Pathway.ACCOMMODATION, "Jo Whitfield", "CCCHOU"),
    (Pathway.DRUGS_ALCOHOL, "Marcus Lee", "CGL"),
    (Pathway.ETE, "Priti Desai", "STGILES"),
    (Pathway.HEALTH, "Dr Anna Kowalski", "CPFT"),
]


def demo_iom_build(*, seed: int, today: dt.date, progress) -> dict[str, int]:
    rng = random.Random(seed + 59)
    area, police = Agency.objects.get(code="CPP"), Agency.objects.get(code="CAMPOL")
    coordinator = User.objects.get(username="iom")
    referrer = User.objects.get(username="om")
    with transaction.atomic():
        scheme = scheme_create_default(area=area, police_force=police, name="Cambridgeshire IOM")
        scheme.capacity = sum(COHORT_SIZES.values()) + 5
        scheme.save()
        for pathway, name, code in LINK_WORKERS:
            LinkWorker.objects.create(
                scheme=scheme, pathway=pathway, name=name, agency=Agency.objects.get(code=code)
            )
        counts = {}
        for ldu, size in COHORT_SIZES.items():
            in_ldu = CaseAllocation.objects.filter(
                end_date__isnull=True, team__delivery_unit__code=ldu
            ).values("person_id")
            acquisitive = list(
                EventOffence.objects.filter(
                    event__person_id__in=in_ldu, offence__category__in=ACQUISITIVE
                )
                .order_by("event__person_id")
                .values_list("event__person_id", flat=True)
                .distinct()
            )
            chosen = rng.sample(acquisitive, min(size, len(acquisitive)))
            for person_id in chosen:
                referral = iom_referral_create(
                    scheme=scheme,
                    person=CaseAllocation.objects.get(
                        person_id=person_id, end_date__isnull=True
                    ).person,
                    reason="Repeat acquisitive offending linked to drug use",
                    evidence="Police and probation records; recent arrests",
                    statutory_status=rng.choice(
                        [
                            StatutoryStatus.LICENCE,
                            StatutoryStatus.COMMUNITY_ORDER,
                            StatutoryStatus.NON_STATUTORY,
                        ]
                    ),
                    arrests_12m=rng.randint(0, 6),
                    community_harm=rng.randint(0, 3),
                    actor=referrer,
                    today=today,
                )
                iom_referral_screen(
                    referral=referral,
                    accept=True,
                    notes="Prolific; meets the local criteria",
                    actor=coordinator,
                    today=today,
                )
            counts[ldu] = len(chosen)
        members = cohort_select(
            scheme=scheme,
            strategy=Strategy.COUNTY,
            cohort_label="Fixed",
            actor=coordinator,
            today=today,
        )
        intensities = [i["key"] for i in scheme.intensities]
        housing, drugs = Agency.objects.get(code="CCCHOU"), Agency.objects.get(code="CGL")
        for membership in members:
            months_on = rng.choice([1, 3, 5, 8, 12, 18, 26, 30])
            started = today - dt.timedelta(days=30 * months_on)
            level = min(len(intensities) - 1, months_on // 10)
            Membership.objects.filter(pk=membership.pk).update(
                start_date=started,
                intensity=intensities[level],
                cohort_label=rng.choice(["Fixed", "Fixed", "Flex"]),
                next_review_due=next_review_due(today - dt.timedelta(days=rng.randint(0, 200))),
            )
            IntensityChange.objects.filter(membership=membership).update(changed_on=started)
            if level:
                IntensityChange.objects.create(
                    membership=membership,
                    intensity=intensities[level],
                    changed_on=started + dt.timedelta(days=180),
                    reason=ReviewDecision.STEP_DOWN.label + ": complying and reducing",
                    changed_by=coordinator,
                )
            membership.refresh_from_db()
            if rng.random() < 0.5:
                action_plan_add(
                    membership=membership,
                    pathway=Pathway.ACCOMMODATION,
                    action="Secure a tenancy",
                    owner_agency=housing,
                    due_date=today + dt.timedelta(days=rng.randint(-10, 40)),
                    actor=coordinator,
                )
            if rng.random() < 0.6:
                action_plan_add(
                    membership=membership,
                    pathway=Pathway.DRUGS_ALCOHOL,
                    action="Engage with treatment and testing",
                    owner_agency=drugs,
                    due_date=today + dt.timedelta(days=rng.randint(-10, 40)),
                    actor=coordinator,
                )
        case_meeting_build(
            scheme=scheme, date=today + dt.timedelta(days=7), actor=coordinator, today=today
        )
    progress(
        f"IOM cohort: {counts.get('PET', 0)} in Peterborough, {counts.get('HUN', 0)} in Huntingdon"
    )
    return {"members": len(members)}
