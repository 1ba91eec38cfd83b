"""Release dates for the demo area's custody and licence cases, with realistic remand."""

import datetime as dt
import random

from openom.accounts.models import User
from openom.release.constants import AdjustmentKind
from openom.release.models import CustodyAdjustment
from openom.release.services import BOOKING_SENTENCE_TYPES, release_dates_recalculate
from openom.sentencing.models import Sentence

# Share of custody cases remanded before sentence, and the remand length range in days.
REMANDED_SHARE = 0.4
REMAND_DAYS = (7, 180)


def demo_release_build(*, seed: int, today: dt.date, progress) -> int:
    rng = random.Random(seed + 11)
    recorder = User.objects.get(username="prison")
    sentences = list(
        Sentence.objects.filter(
            termination_date__isnull=True,
            sentence_type__in=list(BOOKING_SENTENCE_TYPES),
            person__probation_area__code="CPP",
        )
        .select_related("person")
        .order_by("person_id")
    )
    adjustments = []
    for sentence in sentences:
        if rng.random() < REMANDED_SHARE:
            days = rng.randint(*REMAND_DAYS)
            adjustments.append(
                CustodyAdjustment(
                    person=sentence.person,
                    kind=AdjustmentKind.REMAND,
                    days=days,
                    from_date=sentence.sentence_date - dt.timedelta(days=days + 1),
                    to_date=sentence.sentence_date - dt.timedelta(days=1),
                    recorded_by=recorder,
                )
            )
    CustodyAdjustment.objects.bulk_create(adjustments)
    people = {s.person_id: s.person for s in sentences}
    for done, person in enumerate(people.values(), start=1):
        release_dates_recalculate(
            person=person, actor=recorder, reason="Sentence entered", today=today
        )
        if done % 250 == 0:
            progress(f"Release dates: {done:,} of {len(people):,}")
    return len(people)
