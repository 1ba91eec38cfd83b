"""The embedded default: SQLite under var/, jobs in-process, for `make run` and development."""

from config.settings.base import *  # noqa: F403
from config.settings.base import VAR_DIR, env

VAR_DIR.mkdir(exist_ok=True)

# The demo signs in with a password alone unless asked otherwise (OPENOM_REQUIRE_2FA=true).
OPENOM_REQUIRE_2FA = env.bool("OPENOM_REQUIRE_2FA", default=False)
