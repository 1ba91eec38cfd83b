"""The unallocated queue costs the same number of queries however many cases wait."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CaseAllocationFactory, PersonFactory, SentenceFactory


def _waiting(count, team, area):
    for _ in range(count):
        person = PersonFactory(probation_area=area)
        CaseAllocationFactory(person=person, team=team, offender_manager=None)
        SentenceFactory(event__person=person)


def _queries_for_queue(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("allocation:unallocated")).status_code == 200
    return len(captured.captured_queries)


def test_the_queue_reads_every_waiting_case_load_in_one_query(
    client, sam, peterborough_team, cambridgeshire
):
    client.force_login(sam)
    _waiting(2, peterborough_team, cambridgeshire)
    few = _queries_for_queue(client)
    _waiting(25, peterborough_team, cambridgeshire)
    many = _queries_for_queue(client)
    assert many == few
    page = client.get(reverse("allocation:unallocated")).content.decode()
    assert page.count("/allocation/") >= 27
