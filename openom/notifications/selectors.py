from django.db.models import Count, Q, QuerySet

from openom.access.policy import people_visible_to
from openom.notifications.models import Notification


def notifications_for(user) -> QuerySet[Notification]:
    """The user's notifications, less those about a case they can no longer see.

    A notification with no case (e.g. to a MAPPA coordinator, who works from the register
    rather than the case record) is always shown.
    """
    visible = people_visible_to(user).values("pk")
    return Notification.objects.filter(recipient=user).filter(
        Q(person__isnull=True) | Q(person__in=visible)
    )


def unread_count_for(user) -> int:
    """How many of `user`'s unread notifications `notifications_for` shows, in two small queries.

    The header shows this on every page, so the access policy is asked only about the people the
    unread notifications name, not evaluated across everyone the user might see.
    """
    per_person = (
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .values("person_id")
        .annotate(unread=Count("pk"))
        .order_by()
    )
    counts = {row["person_id"]: row["unread"] for row in per_person}
    total = counts.pop(None, 0)
    if counts:
        visible = people_visible_to(user).filter(pk__in=list(counts)).values_list("pk", flat=True)
        total += sum(counts[pk] for pk in visible)
    return total
