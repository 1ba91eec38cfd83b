from celery import shared_task
from django.utils import timezone

from openom.mappa.services import meeting_actions_chase


@shared_task(name="mappa.chase_actions")
def chase_actions() -> int:
    """Daily: remind owners of MAPPA actions due today or overdue (scheduled by celery beat)."""
    return meeting_actions_chase(today=timezone.localdate())
