from openom.people.models import Person
from openom.tiering.models import TierCalculation


def current_tier(person: Person) -> TierCalculation | None:
    return TierCalculation.objects.filter(person=person).first()


def tier_history(person: Person) -> list[TierCalculation]:
    return list(TierCalculation.objects.filter(person=person)[:20])
