"""The home pages are tried against the access world: a persona per role, two cases."""

from tests.access.conftest import world  # noqa: F401
