"""Home pages (issue #15, "Every role's working day"): each login lands on the work of its role.

The issue: "12 of the 16 logins land on 'No cases are allocated to you'". Each role's page is a
worklist of what that role must do next, filterable, paginated and exportable, through
openom.access, logging the cases it shows.
"""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import AccessChannel, CasePart
from openom.access.models import AccessLog
from openom.accounts.constants import Role
from openom.accounts.models import RoleAssignment
from openom.assessment.models import Assessment
from openom.contacts.constants import ContactOutcome, ContactType
from openom.contacts.models import Contact
from openom.tiering.models import TierCalculation
from tests.factories import CaseAllocationFactory, PersonFactory, SentenceFactory

# Who lands where: the role each persona of the access world works in (tests/access/conftest).
LANDS_ON = {
    "olivia": "My cases and work",  # offender manager
    "sam": "Team home",  # senior probation officer
    "vera": "Victim contact",  # victim liaison officer
    "pete": "Cases shared with the police",  # police offender manager
    "hattie": "Cases shared with your organisation",  # housing partner
    "hugo": "Cases shared with your organisation",  # health partner
    "anna": "Caseload by unit",  # performance analyst
    "ian": "Inspection sample",  # inspector
    "sid": "Users and reference data",  # system administrator
}


def heading(response) -> str:
    return response.context["home"].home_role.title


def listed_crns(response) -> list[str]:
    return [cell.text for row in response.context["rows"] for cell in row.cells[1:2]]


def queries_for(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("persona", "title"), sorted(LANDS_ON.items()))
def test_each_role_lands_on_its_own_home_page_after_sign_in(client, world, persona, title):
    client.force_login(world.users[persona])
    assert heading(client.get("/")) == title


def test_each_case_sharing_role_sees_the_case_it_may_open_and_no_other(client, world):
    for persona in ("olivia", "sam", "vera", "pete", "hattie", "hugo", "ian"):
        client.force_login(world.users[persona])
        crns = listed_crns(client.get("/"))
        expected = ["X100002", "X100001"] if persona in ("olivia", "sam") else ["X100001"]
        assert sorted(crns) == sorted(expected), persona


def test_an_excluded_officer_never_sees_the_case_on_a_home_page(client, world):
    """Eddie, in Olivia's team, is excluded from Daniel's case (X100001)."""
    eddie = world.users["eddie"]
    RoleAssignment.objects.create(user=eddie, role=Role.SENIOR_PROBATION_OFFICER)
    client.force_login(eddie)
    assert listed_crns(client.get("/")) == ["X100002"]


def test_the_analyst_sees_counts_by_unit_and_never_a_name(client, world):
    client.force_login(world.users["anna"])
    response = client.get("/")
    [row] = response.context["rows"]
    assert [c.text for c in row.cells] == [
        "Peterborough",
        "Peterborough Offender Management 1",
        "2",
        "0",
    ]
    body = response.content.decode()
    assert "Smith, Daniel" not in body and "X100001" not in body
    assert not AccessLog.objects.filter(user=world.users["anna"]).exists()


def test_a_user_with_several_roles_gets_the_main_one_and_links_to_the_others(client, world):
    olivia = world.users["olivia"]
    RoleAssignment.objects.create(user=olivia, role=Role.COURT_OFFICER)
    client.force_login(olivia)
    response = client.get("/")
    assert heading(response) == "My cases and work"
    court_page = reverse("home:role", args=["court"])
    assert court_page in response.content.decode()
    assert heading(client.get(court_page)) == "Court work"


def test_a_role_page_the_user_does_not_hold_is_not_found(client, world):
    client.force_login(world.users["olivia"])
    assert client.get(reverse("home:role", args=["victim-liaison"])).status_code == 404
    assert client.get(reverse("home:role-export", args=["victim-liaison"])).status_code == 404
    assert client.get(reverse("home:role", args=["nonsense"])).status_code == 404


def test_the_offender_managers_cases_show_tier_rosh_next_appointment_and_last_contact(
    client, world
):
    olivia, daniel = world.users["olivia"], world.daniel
    TierCalculation.objects.create(
        person=daniel,
        reason="Assessment completed",
        two_axis_tier="B2",
        protect="B",
        change=2,
        protect_points=12,
        change_points=10,
    )
    Assessment.objects.filter(person=daniel).update(
        status="COMPLETE", overall_rosh="HIGH", completed_on=dt.date.today()
    )
    tomorrow_ten = timezone.make_aware(
        dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10, 0))
    )
    Contact.objects.create(
        person=daniel, contact_type=ContactType.OFFICE, officer=olivia, starts_at=tomorrow_ten
    )
    client.force_login(olivia)
    response = client.get("/", {"q": "X100001"})
    [row] = response.context["rows"]
    last = Contact.objects.filter(person=daniel, outcome=ContactOutcome.UNACCEPTABLE_ABSENCE).get()
    assert [c.text for c in row.cells] == [
        "Smith, Daniel",
        "X100001",
        "B2",
        "High",
        f"{tomorrow_ten:%-d %b %Y} 10:00",
        f"{timezone.localtime(last.starts_at):%-d %b %Y %H:%M}",
    ]
    assert row.cells[0].href == reverse("people:case-summary", args=["X100001"])


def test_the_offender_manager_sees_todays_appointments_and_overdue_actions(client, world):
    olivia, robert = world.users["olivia"], world.robert
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    if timezone.localtime(an_hour_ago).date() != timezone.localdate():
        pytest.skip("Just after midnight: no earlier appointment today")
    appointment = Contact.objects.create(
        person=robert, contact_type=ContactType.OFFICE, officer=olivia, starts_at=an_hour_ago
    )
    client.force_login(olivia)
    today, overdue = client.get("/").context["home"].panels
    [row] = today.rows
    assert row.cells[1].text == "Lane, Robert"
    assert row.cells[3].href == reverse("contacts:outcome", args=["X100002", appointment.pk])
    # The world's sentences started long ago with no completed plan: both initial plans are
    # overdue (the warnings' responses are due in five days, so they are not).
    assert overdue.total == 2
    assert sorted(r.cells[1].text for r in overdue.rows) == [
        "Daniel Smith (X100001)",
        "Robert Lane (X100002)",
    ]
    assert all(r.cells[0].tag == "Overdue" for r in overdue.rows)
    assert {r.cells[2].text.split(":")[0] for r in overdue.rows} == {"Sentence plan"}


def test_filters_narrow_the_list_and_say_so(client, world):
    client.force_login(world.users["sam"])
    assert listed_crns(client.get("/", {"q": "lane"})) == ["X100002"]
    assert listed_crns(client.get("/", {"officer": "none"})) == []
    response = client.get("/", {"rosh": "VERY_HIGH"})
    assert "Nothing matches these filters" in response.content.decode()


def test_the_cases_a_page_shows_are_logged_as_a_caseload_read(client, world):
    pete = world.users["pete"]
    client.force_login(pete)
    client.get("/")
    assert list(
        AccessLog.objects.filter(user=pete).values_list("person__crn", "part", "channel")
    ) == [("X100001", CasePart.CASELOAD, AccessChannel.PAGE)]


def test_the_victim_list_is_logged_as_a_read_of_victim_details(client, world):
    vera = world.users["vera"]
    client.force_login(vera)
    response = client.get("/")
    assert "Quill, Zephyrine" in response.content.decode()
    assert AccessLog.objects.filter(user=vera, part=CasePart.VICTIMS).count() == 1


def test_the_export_is_the_whole_filtered_list_logged_as_an_export_and_safe_in_a_spreadsheet(
    client, world
):
    sam = world.users["sam"]
    world.robert.surname = "=HYPERLINK(evil)"
    world.robert.save()
    client.force_login(sam)
    response = client.get(reverse("home:role-export", args=["senior-probation-officer"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "CRN", "Offender manager", "Tier", "RoSH", "Next appointment"]
    assert sorted(r[1] for r in rows[1:]) == ["X100001", "X100002"]
    assert "'=HYPERLINK(evil), Robert" in [r[0] for r in rows[1:]]
    assert AccessLog.objects.filter(user=sam, channel=AccessChannel.EXPORT).count() == 2
    filtered = client.get(
        reverse("home:role-export", args=["senior-probation-officer"]), {"q": "X100001"}
    )
    assert len(filtered.content.decode().strip().splitlines()) == 2


def test_a_long_list_is_paginated(client, world, settings):
    settings.OPENOM_PAGE_SIZE = 1
    client.force_login(world.users["olivia"])
    response = client.get("/", {"page": 2})
    assert response.context["page"].paginator.num_pages == 2
    assert len(response.context["rows"]) == 1


# --- Query counts: the same with few and with many rows ------------------------------------------


def _more_cases(world, n, **allocation):
    for _ in range(n):
        person = PersonFactory(probation_area=world.daniel.probation_area)
        CaseAllocationFactory(person=person, **allocation)
        SentenceFactory(event__person=person)


def _settled_queries(client, user, url="/", params=None) -> int:
    """Queries for the page once the session's first-request work (and caches) are done."""
    client.force_login(user)
    client.get(url, params or {})
    return queries_for(client, url, params)


def test_the_offender_managers_and_managers_pages_cost_the_same_for_many_cases(client, world):
    olivia, sam = world.users["olivia"], world.users["sam"]
    few_om = _settled_queries(client, olivia)
    few_spo = _settled_queries(client, sam)
    _more_cases(world, 8, team=olivia.team, offender_manager=olivia)
    _more_cases(world, 4, team=olivia.team, offender_manager=None)
    assert _settled_queries(client, olivia) == few_om
    assert _settled_queries(client, sam) == few_spo
