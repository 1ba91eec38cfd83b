"""Small security helpers shared by the sign-in views, the middleware and django-axes."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def two_factor_required() -> bool:
    """Whether staff must confirm a TOTP code after their password (OPENOM_REQUIRE_2FA)."""
    return bool(getattr(settings, "OPENOM_REQUIRE_2FA", True))


def is_verified(user) -> bool:
    """Whether this signed-in user has confirmed a TOTP code in this session."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def client_ip_address(request: HttpRequest) -> str | None:
    """The address a request came from, for django-axes' lockout.

    Behind OPENOM_TRUSTED_PROXY_COUNT reverse proxies, each appending the address it saw to
    X-Forwarded-For, the client is the entry that many places from the right; anything further
    left was written by the client and is not trusted. With no proxies, REMOTE_ADDR.
    """
    proxies = getattr(settings, "OPENOM_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
