"""Two coordinators minuting the same case: the second save is refused, never lost (issue #14).

Colin and Mia, both MAPPA coordinators in Cambridgeshire Constabulary, open the minutes of the
same agenda item. Colin saves first. Mia's save is refused with "Someone else saved this ... at
...", showing Colin's text and hers; the history keeps every saved version, so an overwrite can
be seen and undone.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from openom.accounts.constants import Grade, Role
from openom.core.exceptions import EditConflict
from openom.mappa.models import AgendaItem, LevelDecision
from openom.mappa.services import (
    agenda_item_minute,
    mapp_meeting_schedule,
    mappa_level_set,
    mappa_register,
)
from tests.factories import UserFactory

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def mia(police):
    """Mia, a second MAPPA coordinator in the same force as Colin."""
    return UserFactory(
        username="mia",
        first_name="Mia",
        last_name="Okafor",
        team=None,
        agency=police,
        grade=Grade.OTHER,
        roles=[Role.MAPPA_COORDINATOR],
    )


@pytest.fixture
def item(violent_offender, colin, north_bcu):
    registration = mappa_register(
        person=violent_offender,
        police_force=colin.agency,
        police_unit=north_bcu,
        level=2,
        rationale="Managed by agencies",
        actor=colin,
        today=TODAY,
    )
    meeting = mapp_meeting_schedule(
        police_force=colin.agency,
        level=2,
        police_unit=north_bcu,
        starts_at=timezone.now() + dt.timedelta(days=7),
        location="Parkside Police Station",
        chair="DI Harper",
        agencies=[],
        registrations=[registration],
        actor=colin,
    )
    return meeting.agenda.get()


def test_a_stale_minutes_save_is_refused_and_the_first_save_is_kept(item, colin, mia):
    read_at = item.version
    agenda_item_minute(
        item=item,
        data={"minutes": "Colin: weekly home visits", "risk_management_plan": "Curfew 7pm"},
        actor=colin,
        today=TODAY,
        version=read_at,
    )
    with pytest.raises(EditConflict) as refused:
        agenda_item_minute(
            item=item,
            data={"minutes": "Mia: exclusion zone", "risk_management_plan": "Tag"},
            actor=mia,
            today=TODAY,
            version=read_at,
        )
    assert refused.value.message.startswith("Someone else saved this case's minutes at ")
    assert "(Colin Pryor)" in refused.value.message
    assert refused.value.theirs["minutes"] == "Colin: weekly home visits"
    item.refresh_from_db()
    assert item.minutes == "Colin: weekly home visits"
    assert item.risk_management_plan == "Curfew 7pm"


def test_the_history_keeps_each_save_so_an_overwrite_can_be_undone(item, colin, mia):
    agenda_item_minute(
        item=item, data={"minutes": "First"}, actor=colin, today=TODAY, version=item.version
    )
    item.refresh_from_db()
    agenda_item_minute(
        item=item, data={"minutes": "Second"}, actor=mia, today=TODAY, version=item.version
    )
    saved = [h.minutes for h in item.history.order_by("history_date", "history_id")]
    assert saved[-2:] == ["First", "Second"]
    first = item.history.order_by("history_date", "history_id").get(minutes="First")
    assert first.history_user == colin
    first.instance.save()  # undo: put Colin's version back
    item.refresh_from_db()
    assert item.minutes == "First"


def test_a_level_decided_in_minutes_uses_the_registration_version_read_with_the_page(
    item, colin, mia
):
    # Issue #14: the minutes passed the registration's CURRENT version, so this never fired.
    registration = item.registration
    read_at = registration.version
    mappa_level_set(
        registration=registration,
        level=3,
        rationale="Escalated after a new offence",
        version=read_at,
        actor=mia,
        today=TODAY,
    )
    with pytest.raises(EditConflict):
        agenda_item_minute(
            item=item,
            data={"minutes": "Stay at level 2 is fine", "level_decided": 1},
            actor=colin,
            today=TODAY,
            version=item.version,
            registration_version=read_at,
        )
    registration.refresh_from_db()
    assert registration.level == 3
    assert not LevelDecision.objects.filter(registration=registration, level=1).exists()
    assert AgendaItem.objects.get(pk=item.pk).minutes == ""


def test_the_minutes_page_shows_both_texts_and_a_second_deliberate_save_goes_through(
    client, item, colin, mia
):
    url = reverse("mappa:minutes", args=[item.meeting_id, item.pk])
    client.force_login(mia)
    opened = client.get(url)
    assert f'name="version" value="{item.version}"'.encode() in opened.content

    agenda_item_minute(
        item=item, data={"minutes": "Colin's minutes"}, actor=colin, today=TODAY, version=1
    )

    form = {
        "version": item.version,
        "registration_version": item.registration.version,
        "minutes": "Mia's minutes",
        "risk_management_plan": "",
        "disclosure_decision": "",
        "level_decided": "",
    }
    refused = client.post(url, form)
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else saved this case&#x27;s minutes at" in page
    assert "Colin&#x27;s minutes" in page and "Mia&#x27;s minutes" in page
    assert AgendaItem.objects.get(pk=item.pk).minutes == "Colin's minutes"
    # The page now carries the saved version: Mia, having read Colin's, saves on purpose.
    assert 'name="version" value="2"' in page
    combined = client.post(url, {**form, "version": 2, "minutes": "Colin's and Mia's"})
    assert combined.status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).minutes == "Colin's and Mia's"
