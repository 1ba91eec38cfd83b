"""Production: every secret from the environment, hardened cookies and transport."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import CONTENT_SECURITY_POLICY, env

# Production: the demo refuses to build here, and a demo database or login stops start-up
# (openom.demo.checks).
OPENOM_PRODUCTION = True

SECRET_KEY = env.str("SECRET_KEY")  # no default: refuse to start without one
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Two-factor authentication cannot be switched off here.
OPENOM_REQUIRE_2FA = env.bool("OPENOM_REQUIRE_2FA", default=True)
if not OPENOM_REQUIRE_2FA:
    raise ImproperlyConfigured(
        "OPENOM_REQUIRE_2FA is false, but production requires two-factor authentication: "
        "remove the setting (only the embedded demo may switch it off)."
    )

# Cookies: HTTPS only, bound to this host (the __Host- prefix), never read by scripts.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"

# Transport: HTTPS everywhere, remembered by browsers for a year (HSTS).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The base Content Security Policy, and any plain-HTTP subresource upgraded to HTTPS.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}
