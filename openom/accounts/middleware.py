"""Holds a signed-in user at the two-factor pages until they have entered a code."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from openom.accounts.security import is_verified, two_factor_required

# The pages an unverified user may reach: the two-factor pages themselves and signing out.
ALLOWED_URL_NAMES = ("accounts:two-factor", "accounts:two-factor-set-up", "accounts:sign-out")


class RequireTwoFactorMiddleware:
    """With OPENOM_REQUIRE_2FA on, sends a signed-in but unverified user to the code page.

    Must come after django_otp's OTPMiddleware, which tells whether the session is verified.
    API calls are answered 403 rather than redirected to a page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Two-factor authentication required: sign in on the website."},
                    status=403,
                )
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:two-factor')}?{query}")
        return self.get_response(request)

    def _must_verify(self, request: HttpRequest) -> bool:
        if not two_factor_required():
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or is_verified(user):
            return False
        path = request.path
        if settings.STATIC_URL and path.startswith(settings.STATIC_URL):
            return False
        return path not in {reverse(name) for name in ALLOWED_URL_NAMES}


LAST_SEEN_KEY = "openom_last_seen"


def start_idle_clock(sender, request, user, **kwargs) -> None:
    """On sign-in, start the idle clock in the session being written anyway."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = time.time()


class IdleTimeoutMiddleware:
    """Signs out a user idle for longer than SESSION_COOKIE_AGE, without a session write a request.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) renews the idle clock but
    costs a database write on every page. Instead the time of the last request is kept in the
    session and written at most once every OPENOM_SESSION_RENEW_SECONDS; the check against it is
    exact, so the session still ends after the idle timeout (the stored session itself lasts at
    most one renewal interval longer, and is refused by this check in that window).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_KEY)
            if isinstance(last_seen, int | float) and now - last_seen > settings.SESSION_COOKIE_AGE:
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": "Your session has ended."}, status=401)
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('accounts:sign-in')}?{query}")
            if not isinstance(last_seen, int | float) or (
                now - last_seen >= settings.OPENOM_SESSION_RENEW_SECONDS
            ):
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
