"""The header's unread count: the same notifications the list shows, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openom.access.constants import RestrictionKind
from openom.access.models import CaseRestriction
from openom.notifications.models import Notification
from openom.notifications.selectors import notifications_for, unread_count_for
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def notify(user, person=None, *, read=False):
    from django.utils import timezone

    return Notification.objects.create(
        recipient=user,
        person=person,
        subject="Something to do",
        body="...",
        read_at=timezone.now() if read else None,
    )


def test_the_count_is_the_unread_notifications_the_list_shows(olivia, sam, daniel, norfolk):
    stranger = PersonFactory(probation_area=norfolk)  # another area's case
    notify(olivia, daniel)
    notify(olivia, daniel)
    notify(olivia, daniel, read=True)
    notify(olivia)  # about no case: always shown
    notify(olivia, stranger)  # a case Olivia cannot see: never shown or counted
    notify(sam, daniel)  # someone else's

    assert unread_count_for(olivia) == 3
    assert unread_count_for(olivia) == notifications_for(olivia).filter(read_at=None).count()


def test_an_exclusion_removes_the_case_from_the_count(olivia, sam, daniel):
    notify(olivia, daniel)
    assert unread_count_for(olivia) == 1
    CaseRestriction.objects.create(
        person=daniel, kind=RestrictionKind.EXCLUDE, user=olivia, reason="Conflict", created_by=sam
    )
    assert unread_count_for(olivia) == 0


def test_the_count_takes_two_queries_however_many_notifications_and_cases(
    olivia, daniel, cambridgeshire
):
    notify(olivia, daniel)
    unread_count_for(olivia)  # the user's roles and agency are read once, then kept
    with CaptureQueriesContext(connection) as few:
        unread_count_for(olivia)
    for _ in range(30):
        notify(olivia, PersonFactory(probation_area=cambridgeshire))
        notify(olivia)
    with CaptureQueriesContext(connection) as many:
        unread_count_for(olivia)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) == 2
