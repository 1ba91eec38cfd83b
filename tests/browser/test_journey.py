"""An offender manager's first minute: sign in, find a person, open their case."""

import re

import pytest

from openom.access.models import AccessLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username, password="correct horse battery staple"):
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_officer_signs_in_searches_and_opens_a_case(page, live_server, olivia, daniel):
    sign_in(page, live_server, "olivia")
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", name="My cases and work").is_visible()
    assert page.get_by_role("link", name="Smith, Daniel").is_visible()

    page.get_by_role("link", name="Search").first.click()
    page.get_by_label("CRN, PNC number, prison number or name").fill("Smyth Danial")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Smith, Daniel").click()

    assert page.get_by_role("heading", name="Daniel Smith").is_visible()
    assert page.get_by_text("Case X100001").is_visible()
    page.get_by_role("link", name="Personal details").click()
    assert page.locator(".govuk-summary-list").get_by_text("2008/0056560Z").is_visible()
    assert AccessLog.objects.filter(person=daniel, user=olivia).count() >= 3


def test_officer_from_another_area_is_shown_page_not_found(page, live_server, nina, daniel):
    sign_in(page, live_server, "nina")
    page.wait_for_url(re.compile(r"/$"))

    response = page.goto(f"{live_server.url}/cases/{daniel.crn}/")

    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()


def test_a_wrong_password_is_explained(page, live_server, olivia):
    sign_in(page, live_server, "olivia", password="wrong")

    assert page.get_by_text("There is a problem").is_visible()
    assert page.get_by_text("Enter a correct username and password").first.is_visible()
