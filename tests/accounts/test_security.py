"""The security baseline: lockout, two-factor codes, idle timeout, CSP and Argon2 (issue 3 §7)."""

import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.settings import base as base_settings
from openom.accounts import middleware
from openom.accounts.security import client_ip_address

PASSWORD = "correct horse battery staple"
SIGN_IN = "/accounts/sign-in/"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": username, "password": password}, **extra)


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:06d}"


@pytest.fixture
def lockout_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def two_factor_on(settings):
    settings.OPENOM_REQUIRE_2FA = True


def test_passwords_are_stored_with_argon2_outside_the_test_suite():
    # The suite itself hashes with MD5 for speed; every real deployment uses the base list.
    assert base_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hasher = Argon2PasswordHasher()
    assert hasher.verify("secret", hasher.encode("secret", hasher.salt()))


@pytest.mark.usefixtures("lockout_on")
def test_repeated_failed_sign_ins_lock_the_account_even_with_the_right_password(client, olivia):
    for _ in range(2):
        assert sign_in(client, "olivia", "wrong password").status_code == 200
    assert sign_in(client, "olivia", "wrong password").status_code == 429
    locked = sign_in(client, "olivia")
    assert locked.status_code == 429
    assert b"locked" in locked.content.lower()
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("lockout_on")
def test_a_successful_sign_in_clears_earlier_failures(client, olivia):
    for _ in range(2):
        sign_in(client, "olivia", "wrong password")
    assert sign_in(client, "olivia").status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, "olivia", "wrong password")
    assert sign_in(client, "olivia").status_code == 302


@pytest.mark.usefixtures("lockout_on")
def test_lockout_of_one_user_does_not_lock_out_another(client, olivia, sam):
    for _ in range(3):
        sign_in(client, "olivia", "wrong password")
    assert sign_in(client, "sam").status_code == 302


def test_the_client_address_comes_from_the_trusted_proxy_only(rf, settings):
    settings.OPENOM_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.7", REMOTE_ADDR="10.0.0.1")
    assert client_ip_address(request) == "10.0.0.7"
    settings.OPENOM_TRUSTED_PROXY_COUNT = 0
    assert client_ip_address(request) == "10.0.0.1"


@pytest.mark.usefixtures("two_factor_on")
def test_a_password_alone_does_not_open_case_pages_when_two_factor_is_required(client, olivia):
    response = sign_in(client, "olivia")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))
    blocked = client.get(reverse("people:my-cases"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("accounts:two-factor"))
    api = client.get("/api/search?q=smith")
    assert api.status_code == 403


@pytest.mark.usefixtures("two_factor_on")
def test_a_first_sign_in_sets_up_an_authenticator_app_confirmed_by_its_code(client, olivia):
    sign_in(client, "olivia")
    response = client.get(reverse("accounts:two-factor"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-set-up"))
    page = client.get(response["Location"])
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=olivia, confirmed=False)

    wrong = client.post(reverse("accounts:two-factor-set-up"), {"code": "12345"})
    assert "Enter the security code as 6 numbers" in wrong.content.decode()
    confirmed = client.post(reverse("accounts:two-factor-set-up"), {"code": current_code(device)})

    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("people:my-cases")).status_code == 200


@pytest.mark.usefixtures("two_factor_on")
def test_a_wrong_code_keeps_the_user_out_and_says_how_to_fix_it(client, olivia):
    device = TOTPDevice.objects.create(user=olivia, name="Phone", confirmed=True)
    sign_in(client, "olivia")
    wrong = client.post(reverse("accounts:two-factor"), {"code": "000000"})
    if current_code(device) == "000000":  # one chance in a million
        return
    assert "not correct or has expired" in wrong.content.decode()
    assert client.get(reverse("people:my-cases")).status_code == 302


@pytest.mark.usefixtures("two_factor_on")
def test_the_right_code_opens_the_page_first_asked_for(client, olivia):
    device = TOTPDevice.objects.create(user=olivia, name="Phone", confirmed=True)
    sign_in(client, "olivia")
    worklist = reverse("worklist:worklist")
    response = client.post(
        reverse("accounts:two-factor"), {"code": current_code(device), "next": worklist}
    )
    assert response.status_code == 302
    assert response["Location"] == worklist


@pytest.mark.usefixtures("two_factor_on")
def test_a_password_alone_cannot_add_a_second_authenticator_app(client, olivia):
    TOTPDevice.objects.create(user=olivia, name="Phone", confirmed=True)
    sign_in(client, "olivia")
    response = client.get(reverse("accounts:two-factor-set-up"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))
    assert TOTPDevice.objects.filter(user=olivia).count() == 1


@pytest.mark.usefixtures("two_factor_on")
def test_an_offsite_next_address_is_ignored_after_the_code(client, olivia):
    device = TOTPDevice.objects.create(user=olivia, name="Phone", confirmed=True)
    sign_in(client, "olivia")
    response = client.post(
        reverse("accounts:two-factor"),
        {"code": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("home:home")


def test_sessions_end_after_thirty_idle_minutes():
    assert django_settings.OPENOM_IDLE_TIMEOUT_MINUTES == 30
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60


def _session_writes(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if "django_session" in query["sql"]
        and not query["sql"].lstrip().upper().startswith("SELECT")
    ]


def test_a_page_inside_the_renewal_interval_does_not_write_the_session(client, olivia):
    client.force_login(olivia)
    client.get(reverse("people:my-cases"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("people:my-cases")).status_code == 200
    assert _session_writes(queries.captured_queries) == []


def test_a_page_after_the_renewal_interval_renews_the_idle_clock(client, olivia, monkeypatch):
    client.force_login(olivia)
    client.get(reverse("people:my-cases"))
    later = time.time() + django_settings.OPENOM_SESSION_RENEW_SECONDS + 1
    monkeypatch.setattr(middleware.time, "time", lambda: later)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("people:my-cases")).status_code == 200
    assert _session_writes(queries.captured_queries) != []
    assert client.session[middleware.LAST_SEEN_KEY] == later


def test_thirty_one_idle_minutes_sign_out_even_while_the_stored_session_lasts(
    client, olivia, monkeypatch
):
    client.force_login(olivia)
    client.get(reverse("people:my-cases"))
    later = time.time() + 31 * 60
    monkeypatch.setattr(middleware.time, "time", lambda: later)
    response = client.get(reverse("people:my-cases"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
    monkeypatch.undo()
    assert client.get(reverse("people:my-cases")).status_code == 302


def test_an_idle_session_is_signed_out(client, olivia, settings):
    settings.SESSION_COOKIE_AGE = 1
    client.force_login(olivia)
    assert client.get(reverse("people:my-cases")).status_code == 200
    time.sleep(1.1)
    response = client.get(reverse("people:my-cases"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_every_page_carries_a_content_security_policy_without_inline_script(client, olivia):
    client.force_login(olivia)
    response = client.get(reverse("people:my-cases"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert b"<script>" not in response.content


def production_settings(**env):
    """Load config.settings.production in a fresh interpreter with `env`; its output or error."""
    import os
    import subprocess
    import sys

    environment = (
        {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
        | {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "openom.example"}
        | env
    )
    script = (
        "import config.settings.production as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.OPENOM_REQUIRE_2FA)"
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=False
    )


def test_production_settings_harden_transport_and_cookies_and_require_two_factor():
    loaded = production_settings()
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["31536000", "True", "True", "True"]


def test_production_refuses_to_start_with_two_factor_switched_off():
    refused = production_settings(OPENOM_REQUIRE_2FA="false")
    assert refused.returncode != 0
    assert "requires two-factor authentication" in refused.stderr


def test_signing_in_starts_the_idle_clock_so_the_first_page_writes_no_session(client, olivia):
    client.force_login(olivia)
    assert middleware.LAST_SEEN_KEY in client.session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("people:my-cases")).status_code == 200
    assert _session_writes(queries.captured_queries) == []
