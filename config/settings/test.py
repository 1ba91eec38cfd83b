"""Settings for the test suite: fast hashing, no outside calls, the database from DATABASE_URL."""

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, VAR_DIR

VAR_DIR.mkdir(exist_ok=True)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
WHITENOISE_AUTOREFRESH = True
CELERY_TASK_ALWAYS_EAGER = True
# Two-factor and lockout are off by default; their tests switch them on with `settings`.
OPENOM_REQUIRE_2FA = False
AXES_ENABLED = False
# The idle clock is renewed at most every ten minutes here (still inside the 30-minute timeout),
# so a slow test set-up never turns a page's first request into a session write.
OPENOM_SESSION_RENEW_SECONDS = 600
