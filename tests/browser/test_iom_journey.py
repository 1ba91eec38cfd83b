"""An IOM coordinator configures the matrix, scores and selects candidates, reviews a member,
steps them down and prints a case meeting agenda with agency windows: all in the browser."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from openom.iom.constants import StatutoryStatus
from openom.iom.models import Membership
from openom.iom.services import iom_referral_create
from openom.offences.models import Offence
from openom.sentencing.constants import SentenceType
from tests.browser.test_journey import sign_in
from tests.factories import CaseAllocationFactory, PersonFactory
from tests.public_protection_personas import convicted_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def referred(iom_scheme, cambridgeshire, peterborough_team, olivia):
    if not Offence.objects.exists():
        call_command("load_offences", stdout=io.StringIO())
    today = timezone.localdate()
    people = []
    for surname, burglaries in (("Ashby", 3), ("Brook", 1)):
        person = PersonFactory(probation_area=cambridgeshire, surname=surname)
        CaseAllocationFactory(person=person, team=peterborough_team, offender_manager=olivia)
        for n in range(burglaries):
            convicted_of(
                person,
                "02800",
                on=today - dt.timedelta(days=20 + 30 * n),
                sentence_type=SentenceType.COMMUNITY_ORDER,
                months=12,
            )
        iom_referral_create(
            scheme=iom_scheme,
            person=person,
            reason="Prolific burglary",
            evidence="",
            statutory_status=StatutoryStatus.COMMUNITY_ORDER,
            arrests_12m=1,
            community_harm=1,
            actor=olivia,
            today=today,
        )
        people.append(person)
    return people


def test_coordinator_selects_reviews_steps_down_and_prints_an_agenda(
    page, live_server, ivy, referred, iom_scheme
):
    ashby, brook = referred
    sign_in(page, live_server, "ivy")
    page.get_by_role("link", name="IOM", exact=True).click()

    page.get_by_role("link", name="Selection matrix").click()
    page.get_by_label("Priority multiplier: Burglary").fill("3")
    page.get_by_label("Cohort capacity").fill("1")
    page.get_by_role("button", name="Save the matrix").click()

    for person in (ashby, brook):
        page.goto(f"{live_server.url}/iom/referrals/")
        page.get_by_role("link", name=person.full_name).click()
        page.get_by_label("Accept as a candidate").check()
        page.get_by_label("Why").fill("Meets the local criteria")
        page.get_by_role("button", name="Save the decision").click()

    page.goto(f"{live_server.url}/iom/candidates/")
    # 3 burglaries x 3 (priority) x 3 + 1 arrest + 1 harm x 2 = 30 (under 25 adds 2 if young).
    ashby_score = page.get_by_test_id(f"score-{ashby.crn}").inner_text()
    assert float(ashby_score) > float(page.get_by_test_id(f"score-{brook.crn}").inner_text())
    page.get_by_text(f"How {ashby_score} was worked out").click()
    assert page.get_by_text(re.compile(r"3 burglary x 3 \(priority\)")).is_visible()
    page.get_by_label("The most prolific county-wide").check()
    page.get_by_role("button", name="Select into the cohort").click()
    assert page.get_by_text("1 of 1 places filled").is_visible()

    page.get_by_role("link", name=ashby.full_name).click()
    page.get_by_role("link", name="Review", exact=True).click()
    page.get_by_label("Step down").check()
    page.get_by_label("Reasons").fill("Complying; no new offending since selection")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", name=re.compile("Medium intensity")).is_visible()
    assert Membership.objects.get(person=ashby).intensity == "MEDIUM"

    page.get_by_role("link", name="Cohort").click()
    page.get_by_role("link", name="Case meeting").click()
    day = timezone.localdate() + dt.timedelta(days=200)
    group = page.get_by_role("group", name="Meeting date")
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
    page.get_by_role("button", name="Build the agenda").click()
    assert page.get_by_role("heading", name="When each agency attends").is_visible()
    assert page.get_by_test_id("hours-saved").inner_text().startswith("Ordering the agenda saves")
    assert page.get_by_role("link", name="Print this agenda").is_visible()
