"""The `openom` command.

`openom calc NAME` runs a calculator (JSON on stdin, JSON on stdout) without starting Django, so
that it is quick and needs no database; every other subcommand is a Django management command
(`openom demo`, `openom migrate`, `openom runserver`, `openom report ...`).
"""

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "calc":
        from openom.core.calc import run

        return run(args[1:], stdin=sys.stdin, stdout=sys.stdout)
    if args and args[0] == "django":
        args = args[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.embedded")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["openom", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
