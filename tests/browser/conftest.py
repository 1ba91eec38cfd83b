"""Playwright against Debian's Chromium: `playwright install` cannot download browsers here."""

import os
import shutil

import pytest

CHROMIUM_CANDIDATES = [
    os.environ.get("CHROMIUM_PATH", ""),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


def browser_required() -> bool:
    """CI sets OPENOM_REQUIRE_BROWSER=1 (.ci/run): a missing Chromium then fails, never skips."""
    return os.environ.get("OPENOM_REQUIRE_BROWSER", "") not in {"", "0"}


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if browser_required():
            pytest.fail(
                "No Chromium found and OPENOM_REQUIRE_BROWSER is set: the browser tests must run "
                "(install Debian's chromium package)",
                pytrace=False,
            )
        pytest.skip("No Chromium found (install Debian's chromium package): browser tests skipped")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def offence_catalogue(transactional_db):
    """The offence catalogue, which a transactional test's flush empties along with the rest.

    Browser journeys run against a live server, so each is a transactional test; the catalogue
    loaded by the migrations does not survive the flush after an earlier one.
    """
    import io

    from django.core.management import call_command

    from openom.offences.models import Offence

    if not Offence.objects.exists():
        call_command("load_offences", stdout=io.StringIO())
