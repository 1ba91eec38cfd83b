"""Notifications link to their subject (issue 15): a notification about a person opens the case
when the sender names no more precise page."""

from openom.notifications.models import Notification
from openom.notifications.services import notifications_send


def test_a_notification_about_a_person_without_a_link_links_to_their_case(
    olivia, daniel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notifications_send(recipients=[olivia], person=daniel, subject="Check this", body="")

    assert Notification.objects.get().link == f"/cases/{daniel.crn}/"


def test_a_precise_link_is_kept(olivia, daniel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notifications_send(
            recipients=[olivia], person=daniel, subject="Check", body="", link="/worklist/"
        )

    assert Notification.objects.get().link == "/worklist/"
