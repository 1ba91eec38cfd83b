from django.db.models import Q, QuerySet

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
