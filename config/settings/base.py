"""Settings shared by every environment.

Values come from the environment (django-environ); a value that cannot be parsed stops start-up
with a message naming it, rather than running with a guess.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="embedded-demo-only-not-a-secret")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'openom.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep connections between requests (a new one per request was about a third of a page's cost),
# checking each before reuse so a restarted database is noticed.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a background job writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # Wait up to 30 s for another writer's lock (busy timeout) rather than failing at once.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where an access-log row waits if the database cannot take it (a write lock held past the busy
# timeout): appended and synced to disk, then written to the table by the next successful write.
OPENOM_ACCESS_LOG_SPOOL = env.path(
    "OPENOM_ACCESS_LOG_SPOOL", default=str(VAR_DIR / "access-log-spool.jsonl")
)
AUTH_USER_MODEL = "accounts.User"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "django_celery_beat",
    "govuk_frontend_django",
    "ninja",  # the API docs page served from our own static files (the CSP allows no CDN)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "openom.core",
    "openom.organisations",
    "openom.accounts",
    "openom.offences",
    "openom.people",
    "openom.sentencing",
    "openom.allocation",
    "openom.access",
    "openom.victims",
    "openom.intelligence",
    "openom.health",
    "openom.inspection",
    "openom.notifications",
    "openom.release",
    "openom.planning",
    "openom.contacts",
    "openom.enforcement",
    "openom.worklist",
    "openom.assessment",
    "openom.tiering",
    "openom.mappa",
    "openom.iom",
    "openom.home",
    "openom.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files keep their cache headers): nothing else is ever stored.
    "openom.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "openom.accounts.middleware.IdleTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "openom.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a flagged failed sign-in into the locked-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "openom" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openom.core.context_processors.service",
            ],
        },
    },
]

# Widgets render from our templates too (the GOV.UK date input).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Two-factor authentication: a TOTP code from an authenticator app after the password. Required
# unless switched off, which only the embedded demo and the tests do (production refuses).
OPENOM_REQUIRE_2FA = env.bool("OPENOM_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "OpenOM"

# Lockout (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one username from one
# address, that pair is refused for AXES_COOLOFF_TIME; a success clears the count.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "openom.accounts.security.client_ip_address"
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
OPENOM_TRUSTED_PROXY_COUNT = env.int("OPENOM_TRUSTED_PROXY_COUNT", default=0)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "openom" / "static",
    ("govuk-frontend", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("moj-frontend", NODE_MODULES / "@ministryofjustice" / "frontend" / "moj"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The precompiled GOV.UK stylesheet asks for its fonts and images at /assets/.
WHITENOISE_ROOT = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
# Serve straight from the finders: the embedded app needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = env.bool("WHITENOISE_AUTOREFRESH", default=True)

SESSION_COOKIE_HTTPONLY = True
# Idle timeout: every request renews the session, which ends after this long without one (and
# when the browser closes).
OPENOM_IDLE_TIMEOUT_MINUTES = env.int("OPENOM_IDLE_TIMEOUT_MINUTES", default=30)
SESSION_COOKIE_AGE = OPENOM_IDLE_TIMEOUT_MINUTES * 60
# The idle clock is renewed by IdleTimeoutMiddleware, which writes the session at most this often.
SESSION_SAVE_EVERY_REQUEST = False
OPENOM_SESSION_RENEW_SECONDS = env.int("OPENOM_SESSION_RENEW_SECONDS", default=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy (django-csp), enforced everywhere: our own scripts and stylesheets
# only, no inline script or style attribute, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Jobs: a broker URL makes Celery send tasks to workers; without one they run in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Copied into django-celery-beat's tables when beat starts; edit times there afterwards.
CELERY_BEAT_SCHEDULE = {
    "mappa-chase-actions": {
        "task": "mappa.chase_actions",
        "schedule": crontab(hour=7, minute=0),
    },
}
CELERY_TIMEZONE = TIME_ZONE

OPENOM_SERVICE_NAME = "OpenOM"
OPENOM_PAGE_SIZE = env.int("OPENOM_PAGE_SIZE", default=25)
# The edition of National Standards for contact frequency in force (DOMAIN.md §5.7).
OPENOM_CONTACT_STANDARDS = env.str("OPENOM_CONTACT_STANDARDS", default="NS_2018")
# The HMPPS tiering rule set in force (DOMAIN.md §5.1): TWO_AXIS (e.g. B2) or SINGLE (A-G).
# Both are always calculated and shown; the one in force is marked and leads.
OPENOM_TIER_IN_FORCE = env.str("OPENOM_TIER_IN_FORCE", default="TWO_AXIS")
# Working days to start breach or recall action after the failure (DOMAIN.md §5.4: 10).
OPENOM_BREACH_START_WORKING_DAYS = env.int("OPENOM_BREACH_START_WORKING_DAYS", default=10)

# Every handler masks personal data (CRNs, PNC and prison numbers, dates, emails, postcodes...)
# before writing. Django's own "django" logger hands its records to the root handler rather than
# its unfiltered default ones; the development server's request lines are filtered too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_personal_data": {"()": "openom.core.logging.RedactPersonalDataFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_personal_data"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}
