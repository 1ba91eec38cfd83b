"""Signing in and out, and the two-factor step that follows the password.

With OPENOM_REQUIRE_2FA on, a correct password leads to the code page: a user with a confirmed
authenticator app enters its current 6-digit code; a user without one is first shown how to add
OpenOM to an app (a QR code, or the secret key typed in) and confirms with a code. Only then does
the session count as verified (django_otp) and reach the page asked for.
"""

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django_otp.plugins.otp_totp.models import TOTPDevice

from openom.accounts.forms import SignInForm, TwoFactorCodeForm
from openom.accounts.security import is_verified, two_factor_required
from openom.accounts.twofactor import qr_code_svg, readable_secret


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if two_factor_required() and not is_verified(self.request.user):
            return _with_next(reverse("accounts:two-factor"), url)
        return url


class SignOutView(auth_views.LogoutView):
    pass


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _next_url(request: HttpRequest) -> str:
    """The page asked for before the code, if it is one of ours; otherwise My cases."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _verified(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    """Marks the session verified by this device, under a new session key."""
    django_otp.login(request, device)
    request.session.cycle_key()
    return redirect(_next_url(request))


class TwoFactorView(LoginRequiredMixin, View):
    """Asks for the current code from the user's confirmed authenticator app."""

    template_name = "accounts/two_factor.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            if is_verified(request.user):
                return redirect(_next_url(request))
            self.device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
            if self.device is None:
                return redirect(
                    _with_next(reverse("accounts:two-factor-set-up"), _next_url(request))
                )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(TwoFactorCodeForm(device=self.device))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TwoFactorCodeForm(request.POST, device=self.device)
        if form.is_valid():
            return _verified(request, self.device)
        return self.render(form)

    def render(self, form: TwoFactorCodeForm) -> HttpResponse:
        context = {"form": form, "next": _next_url(self.request)}
        return render(self.request, self.template_name, context)


class TwoFactorSetUpView(LoginRequiredMixin, View):
    """Adds an authenticator app for a user who has none, confirmed by its first code.

    A user who already has a confirmed app is sent to the code page instead: a password alone
    must never be enough to add another app to an account.
    """

    template_name = "accounts/two_factor_set_up.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            devices = TOTPDevice.objects.devices_for_user(request.user)
            if devices.filter(confirmed=True).exists():
                return redirect(_with_next(reverse("accounts:two-factor"), _next_url(request)))
            self.device = devices.filter(confirmed=False).order_by("pk").first()
            if self.device is None:
                self.device = TOTPDevice.objects.create(
                    user=request.user, name="Authenticator app", confirmed=False
                )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(TwoFactorCodeForm(device=self.device))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TwoFactorCodeForm(request.POST, device=self.device)
        if form.is_valid():
            self.device.confirmed = True
            self.device.save(update_fields=["confirmed"])
            TOTPDevice.objects.devices_for_user(request.user, confirmed=False).delete()
            messages.success(request, "Your authenticator app is set up")
            return _verified(request, self.device)
        return self.render(form)

    def render(self, form: TwoFactorCodeForm) -> HttpResponse:
        context = {
            "form": form,
            "next": _next_url(self.request),
            "qr_code": qr_code_svg(self.device.config_url),
            "secret": readable_secret(self.device),
        }
        return render(self.request, self.template_name, context)
