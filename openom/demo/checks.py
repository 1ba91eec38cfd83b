"""Production refuses to start with a demo database or a demo login in it (issue #14)."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


@checks.register(checks.Tags.security)
def no_demo_in_production(app_configs=None, **kwargs):
    if not getattr(settings, "OPENOM_PRODUCTION", False):
        return []
    from openom.accounts.models import User
    from openom.demo.area import DEMO_LOGINS, DEMO_PASSWORD
    from openom.demo.models import DemoDatabase

    try:
        marked = DemoDatabase.objects.exists()
        demo_users = [
            user.username
            for user in User.objects.filter(username__in=[login[0] for login in DEMO_LOGINS])
            if user.check_password(DEMO_PASSWORD)
        ]
    except DatabaseError:  # not migrated yet: nothing of the demo can be in it
        return []
    errors = []
    if marked:
        errors.append(
            checks.Error(
                "This database was built by `openom demo`: production will not run on it.",
                hint="Use a database of your own; the demo's holds invented people.",
                id="openom.E001",
            )
        )
    if demo_users:
        errors.append(
            checks.Error(
                f"Demo logins with the published password are present: {', '.join(demo_users)}.",
                hint="Remove these users or set them new passwords before starting.",
                id="openom.E002",
            )
        )
    return errors
