"""A senior officer corrects a remand period; the dates, their working and the notice follow."""

import datetime as dt
import re

import pytest

from openom.offences.models import Offence
from openom.sentencing.constants import SentenceType
from openom.sentencing.services import OffenceEntry, event_create, sentence_create
from tests.browser.test_journey import sign_in
from tests.factories import CourtFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def custody_case(olivia, daniel):
    from django.core.management import call_command

    if not Offence.objects.exists():
        call_command("load_offences", stdout=open("/dev/null", "w"))  # noqa: SIM115
    offence = Offence.objects.filter(schedule_15_violent=False, schedule_15_sexual=False).first()
    event = event_create(
        person=daniel,
        court=CourtFactory(),
        conviction_date=dt.date(2026, 3, 2),
        plea="GUILTY",
        offences=[OffenceEntry(code=offence.code, offence_date=dt.date(2026, 1, 5), is_main=True)],
        actor=olivia,
    )
    sentence_create(
        event=event,
        actor=olivia,
        data={
            "sentence_type": SentenceType.DETERMINATE_CUSTODY,
            "sentence_date": dt.date(2026, 3, 2),
            "length_months": 24,
        },
    )
    return daniel


def fill_date(page, legend: str, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_changing_remand_changes_the_dates_shows_the_working_and_tells_the_offender_manager(
    page, live_server, sam, olivia, custody_case
):
    sign_in(page, live_server, "sam")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"{live_server.url}/cases/{custody_case.crn}/release/")
    crd_before = page.locator('[data-code="CRD"]').inner_text()

    page.get_by_role("link", name="Add an adjustment").click()
    page.get_by_label("Remand (time spent in custody before sentence)").check()
    # The only custodial sentence is already chosen as the one the remand counts towards.
    assert "2 March 2026" in page.get_by_label("Sentence it counts towards").inner_text()
    # A typing slip (year 1) is refused with a GOV.UK error, and nothing is saved.
    fill_date(page, "From (optional)", "6", "1", "0001")
    fill_date(page, "To (optional)", "1", "3", "2026")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_role(
        "link", name=re.compile("From must be the same as or after 1 1 1900")
    ).is_visible()

    fill_date(page, "From (optional)", "6", "1", "2026")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"/release/$"))
    assert page.get_by_text("Adjustment added and release dates recalculated").is_visible()
    crd_after = page.locator('[data-code="CRD"]').inner_text()
    assert crd_after != crd_before
    page.get_by_text("How these dates were worked out").click()
    working = page.get_by_test_id("release-working")
    # 6 January to 1 March 2026, both days counted (CJA 2003 s240ZA): fifty-five days.
    assert working.get_by_text("55 days taken off: time on remand (CJA 2003 s240ZA).").is_visible()
    assert working.get_by_text(
        "Release point: after 293 days, 40% of the custodial term (SDS40, SI 2024/844)",
        exact=False,
    ).is_visible()
    assert "after 55 days taken off" in working.locator('[data-explains="CRD"]').inner_text()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "olivia")
    page.get_by_role("link", name=re.compile("Notifications")).click()
    assert page.get_by_text(
        f"Release dates changed for Daniel Smith ({custody_case.crn})"
    ).is_visible()
