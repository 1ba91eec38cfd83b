"""The mark a demo database carries: the demo builds only into a database it made itself."""

from django.db import models


class DemoDatabase(models.Model):
    """Written (first, and committed) when `openom demo` starts building into an empty database.

    The demo refuses any database that holds data without this mark, so it can never add demo
    people and published logins to a real one; production refuses to start while it is present.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Demo database made {self.created_at:%Y-%m-%d %H:%M}"
