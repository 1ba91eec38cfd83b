"""An officer records that a licence's supervision ceased and the tier shows the unsupervised S."""

import datetime as dt
import re

import pytest

from openom.sentencing.constants import SentenceType
from openom.tiering.models import TierCalculation
from tests.browser.test_journey import sign_in
from tests.factories import EventFactory, SentenceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def on_licence(daniel):
    today = dt.date.today()
    event = EventFactory(person=daniel, conviction_date=today - dt.timedelta(days=700))
    SentenceFactory(
        event=event,
        sentence_type=SentenceType.DETERMINATE_CUSTODY,
        length_months=36,
        release_date=today - dt.timedelta(days=200),
        expected_end_date=today + dt.timedelta(days=300),
    )
    return daniel


def test_recording_that_supervision_ceased_gives_the_tier_its_s(
    page, live_server, olivia, on_licence
):
    crn = on_licence.crn
    sign_in(page, live_server, "olivia")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"{live_server.url}/cases/{crn}/events/")
    page.get_by_role("link", name=re.compile(r"Record that supervision ceased")).click()
    assert page.get_by_role("heading", name="Record that licence supervision ceased").is_visible()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/cases/{crn}/events/$"))
    assert page.get_by_text(f"active supervision ceased {dt.date.today():%-d %b %Y}").is_visible()
    # DOMAIN.md §5.1: '"S" suffix for unsupervised cases'.
    assert TierCalculation.objects.get(person=on_licence).two_axis_tier.endswith("S")
