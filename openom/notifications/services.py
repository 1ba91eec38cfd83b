from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from openom.notifications.models import Notification


def notifications_send(
    *, recipients: Iterable, person, subject: str, body: str, link: str = ""
) -> None:
    """Queue a notification to each recipient once the current transaction commits.

    Every notification links to its subject: without a more precise link, to the person's case.
    """
    if not link and person is not None:
        link = reverse("people:case-summary", args=[person.crn])
    rows = [
        Notification(recipient=user, person=person, subject=subject, body=body, link=link)
        for user in {u.pk: u for u in recipients if u is not None}.values()
    ]
    if rows:
        transaction.on_commit(lambda: Notification.objects.bulk_create(rows))


def notifications_mark_read(*, user, ids: list[int]) -> int:
    return Notification.objects.filter(recipient=user, pk__in=ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )
