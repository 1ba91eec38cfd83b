import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openom.contacts.constants import ContactType
from openom.contacts.models import Contact
from openom.worklist.selectors import worklist_for
from tests.factories import CaseAllocationFactory, PersonFactory, SentenceFactory


def add_case(officer, team, area):
    person = PersonFactory(probation_area=area)
    CaseAllocationFactory(person=person, team=team, offender_manager=officer)
    sentence = SentenceFactory(
        event__person=person, sentence_date=dt.date.today() - dt.timedelta(days=40)
    )
    Contact.objects.create(
        person=person,
        sentence=sentence,
        contact_type=ContactType.OFFICE,
        officer=officer,
        starts_at=timezone.now() - dt.timedelta(days=1),
    )
    return person


def test_the_worklist_shows_outcomes_to_record_and_overdue_plans_most_urgent_first(
    olivia, peterborough_team, cambridgeshire
):
    person = add_case(olivia, peterborough_team, cambridgeshire)
    items = worklist_for(actor=olivia)
    kinds = [(i.crn, i.kind) for i in items]
    assert (person.crn, "Outcome to record") in kinds
    assert (person.crn, "Sentence plan") in kinds
    assert items == sorted(items, key=lambda i: (i.due, i.name))
    assert any(i.overdue for i in items)


def test_a_manager_sees_the_whole_teams_worklist(olivia, sam, peterborough_team, cambridgeshire):
    add_case(olivia, peterborough_team, cambridgeshire)
    assert worklist_for(actor=sam) == []
    assert {i.officer for i in worklist_for(actor=sam, team=True)} == {olivia.get_full_name()}


def test_the_worklists_queries_do_not_grow_with_the_caseload(
    olivia, peterborough_team, cambridgeshire
):
    add_case(olivia, peterborough_team, cambridgeshire)
    worklist_for(actor=olivia)  # warm the area calendar cache
    with CaptureQueriesContext(connection) as few:
        worklist_for(actor=olivia)
    for _ in range(8):
        add_case(olivia, peterborough_team, cambridgeshire)
    with CaptureQueriesContext(connection) as many:
        worklist_for(actor=olivia)
    assert len(many) == len(few)
