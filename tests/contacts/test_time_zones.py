"""Appointment times are typed and read in Europe/London; the database holds UTC.

The Summer Time Order 2002 (SI 2002/262), under the Summer Time Act 1972 s1: British Summer Time
runs from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last Sunday of October. In
2026 that is Sunday 29 March 2026 (clocks go forward from 01:00 to 02:00) and Sunday
25 October 2026 (clocks go back from 02:00 BST to 01:00 GMT). A 10:00 appointment is therefore
09:00 UTC in summer and 10:00 UTC in winter, and must read "10:00" on every page either way.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.contacts.services import contact_arrange, contact_outcome_record
from openom.core.timezones import NonexistentLocalTime, london_datetime
from openom.enforcement.models import EnforcementAction
from tests.factories import SentenceFactory

UTC = dt.UTC


@pytest.fixture
def order(daniel):
    return SentenceFactory(event__person=daniel, sentence_date=dt.date(2026, 1, 5))


def arrange_on_the_page(client, person, day: dt.date, time: str, **extra):
    return client.post(
        reverse("contacts:arrange", args=[person.crn]),
        {
            "contact_type": ContactType.OFFICE,
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "time": time,
            "enforceable": "on",
            "confirm_date": "on",
            **extra,
        },
    )


@pytest.mark.parametrize(
    ("day", "stored_utc"),
    [
        # Friday 27 March 2026, before the change: GMT, so 10:00 is 10:00 UTC.
        (dt.date(2026, 3, 27), dt.datetime(2026, 3, 27, 10, 0, tzinfo=UTC)),
        # Monday 30 March 2026, after the clocks went forward: BST (UTC+1), 09:00 UTC.
        (dt.date(2026, 3, 30), dt.datetime(2026, 3, 30, 9, 0, tzinfo=UTC)),
        # Friday 23 October 2026, still BST: 09:00 UTC.
        (dt.date(2026, 10, 23), dt.datetime(2026, 10, 23, 9, 0, tzinfo=UTC)),
        # Monday 26 October 2026, after the clocks went back: GMT, 10:00 UTC.
        (dt.date(2026, 10, 26), dt.datetime(2026, 10, 26, 10, 0, tzinfo=UTC)),
    ],
)
def test_a_ten_oclock_appointment_is_stored_in_utc_and_shown_at_ten_everywhere(
    client, olivia, daniel, order, day, stored_utc
):
    client.force_login(olivia)

    response = arrange_on_the_page(client, daniel, day, "10:00", sentence=order.pk)

    assert response.status_code == 302
    contact = Contact.objects.get(person=daniel)
    assert contact.starts_at == stored_utc
    written = f"{day:%d %b %Y} 10:00"
    # The diary and the outcome page.
    diary = client.get(reverse("contacts:list", args=[daniel.crn])).content.decode()
    assert f"{day:%a} {day.day} {day:%b %Y} 10:00" in diary
    outcome_page = client.get(reverse("contacts:outcome", args=[daniel.crn, contact.pk]))
    assert written in outcome_page.content.decode()
    # The worklist, where the outcome is waiting to be recorded.
    assert written in client.get(reverse("worklist:worklist")).content.decode()
    # The enforcement failure list, once the absence is recorded as unacceptable.
    contact_outcome_record(
        contact=contact,
        outcome=ContactOutcome.UNACCEPTABLE_ABSENCE,
        version=contact.version,
        actor=olivia,
    )
    warning = EnforcementAction.objects.get(person=daniel)
    assert warning.failure_date == day
    action_page = client.get(reverse("enforcement:action", args=[daniel.crn, warning.pk]))
    assert written in action_page.content.decode()


def test_the_diary_reads_the_moment_the_clocks_change_in_london_time(client, olivia, daniel):
    # 00:30 UTC on 29 March 2026 is 00:30 GMT; 01:30 UTC is 02:30 BST (after the change at 01:00).
    # 00:30 UTC on 25 October 2026 is 01:30 BST; 01:30 UTC is 01:30 GMT (after it, at 01:00 UTC).
    for moment in (
        dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
        dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ):
        contact_arrange(
            person=daniel,
            actor=olivia,
            data={"contact_type": ContactType.PHONE, "starts_at": moment, "officer": olivia},
        )
    client.force_login(olivia)

    diary = client.get(reverse("contacts:list", args=[daniel.crn])).content.decode()

    assert "Sun 29 Mar 2026 00:30" in diary
    assert "Sun 29 Mar 2026 02:30" in diary
    assert "Sun 25 Oct 2026 01:30" in diary  # twice: once in BST, once in GMT
    assert diary.count("Sun 25 Oct 2026 01:30") == 2
    assert "29 Mar 2026 01:30" not in diary  # the hour that does not exist in London
    assert "25 Oct 2026 00:30" not in diary  # UTC shown unconverted


def test_a_time_the_clocks_skip_in_march_is_refused_with_a_message(client, olivia, daniel):
    # 01:30 on 29 March 2026 never happens in London: 01:00 GMT becomes 02:00 BST.
    with pytest.raises(NonexistentLocalTime):
        london_datetime(dt.date(2026, 3, 29), dt.time(1, 30))
    client.force_login(olivia)

    response = arrange_on_the_page(
        client, daniel, dt.date(2026, 3, 29), "01:30", contact_type=ContactType.UNPAID_WORK
    )

    assert response.status_code == 200
    assert "There is no 01:30 on 29 March 2026: the clocks go forward" in response.content.decode()
    assert not Contact.objects.exists()


def test_the_repeated_hour_in_october_means_the_first_one_in_summer_time():
    # 01:30 on 25 October 2026 happens twice; the first (BST) is 00:30 UTC.
    assert london_datetime(dt.date(2026, 10, 25), dt.time(1, 30)) == dt.datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


def test_a_late_night_contact_in_summer_counts_on_its_london_day(settings, daniel, olivia, order):
    # Seed 004 (2018 onwards): monthly periods from the sentence date, 5 January 2026, so one
    # period ends on 4 July and the next starts on 5 July 2026. A contact at 00:30 BST on Sunday
    # 5 July is 23:30 UTC on 4 July: it belongs to the period that starts on 5 July.
    from openom.contacts.selectors import compliance_for

    settings.OPENOM_CONTACT_STANDARDS = "NS_2018"
    contact = contact_arrange(
        person=daniel,
        actor=olivia,
        data={
            "contact_type": ContactType.OFFICE,
            "starts_at": dt.datetime(2026, 7, 4, 23, 30, tzinfo=UTC),
            "officer": olivia,
            "sentence": order,
        },
    )
    contact_outcome_record(
        contact=contact,
        outcome=ContactOutcome.ATTENDED_COMPLIED,
        version=contact.version,
        actor=olivia,
        now=timezone.make_aware(dt.datetime(2026, 7, 5, 9)),
    )

    [compliance] = compliance_for(daniel, today=dt.date(2026, 7, 6))

    assert compliance.frequency.current.start == dt.date(2026, 7, 5)
    assert compliance.frequency.current_met is True
