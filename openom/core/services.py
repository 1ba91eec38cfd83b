from django.db import transaction

from openom.core.models import Sequence


def sequence_next(*, name: str, start_after: int = 0) -> int:
    """The next value of a named counter; safe under concurrency (the row is locked)."""
    with transaction.atomic():
        Sequence.objects.get_or_create(name=name, defaults={"last_value": start_after})
        counter = Sequence.objects.select_for_update().get(name=name)
        counter.last_value += 1
        counter.save(update_fields=["last_value"])
        return counter.last_value
