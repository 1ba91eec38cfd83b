from django.core.management.base import BaseCommand

from openom.accounts.models import User
from openom.demo.area import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo area's sign-in details, one login per role."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/")

    def handle(self, *args, **options):
        users = {
            u.username: u
            for u in User.objects.filter(username__in=[d[0] for d in DEMO_LOGINS]).select_related(
                "agency", "team"
            )
        }
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"OpenOM is starting at {options['url']}"))
        self.stdout.write(f"Demo logins (password for all but the administrator: {DEMO_PASSWORD}):")
        for username, *_rest, roles in DEMO_LOGINS:
            user = users.get(username)
            if user is None:
                continue
            where = user.team.name if user.team else user.agency.name
            role_names = ", ".join(role.label for role in roles)
            note = "  (password printed once when the demo was built)" if user.is_superuser else ""
            self.stdout.write(f"  {username:<12} {role_names:<36} {where}{note}")
        self.stdout.write("")
