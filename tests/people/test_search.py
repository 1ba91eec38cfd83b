import datetime as dt

import pytest

from openom.people.search import parse_query, phonetic_key
from openom.people.selectors import person_search
from tests.factories import PersonFactory


@pytest.fixture
def caseload(cambridgeshire, daniel):
    PersonFactory(
        forename="Jonathan",
        surname="Kowalski",
        date_of_birth=dt.date(1985, 3, 2),
        probation_area=cambridgeshire,
        prison_number="A1234BC",
    )
    PersonFactory(
        forename="Sarah",
        surname="Smyth",
        date_of_birth=dt.date(1979, 8, 30),
        probation_area=cambridgeshire,
    )
    PersonFactory(
        forename="Michael",
        surname="Brown",
        date_of_birth=dt.date(1990, 5, 17),
        probation_area=cambridgeshire,
    )
    return cambridgeshire


def names(results):
    return {f"{p.forename} {p.surname}" for p in results}


def test_search_by_crn_finds_exactly_that_case(olivia, caseload, daniel):
    assert list(person_search(actor=olivia, query="x100001")) == [daniel]


def test_search_by_pnc_number_accepts_the_short_form(olivia, caseload, daniel):
    assert list(person_search(actor=olivia, query="08/56560Z")) == [daniel]


def test_search_by_prison_number(olivia, caseload):
    assert names(person_search(actor=olivia, query="a1234bc")) == {"Jonathan Kowalski"}


def test_search_forgives_a_misspelt_surname(olivia, caseload):
    assert "Jonathan Kowalski" in names(person_search(actor=olivia, query="Jonathon Kowalsky"))


def test_search_finds_transposed_names(olivia, caseload):
    assert "Daniel Smith" in names(person_search(actor=olivia, query="Smith Daniel"))


def test_search_by_surname_alone_finds_sound_alike_spellings(olivia, caseload):
    found = names(person_search(actor=olivia, query="Smith"))
    assert {"Daniel Smith", "Sarah Smyth"} <= found


def test_exact_spelling_ranks_first(olivia, caseload):
    assert next(iter(person_search(actor=olivia, query="Smyth"))).surname == "Smyth"


def test_date_of_birth_narrows_a_name_search(olivia, caseload):
    assert names(person_search(actor=olivia, query="", date_of_birth=dt.date(1990, 5, 17))) == {
        "Daniel Smith",
        "Michael Brown",
    }


def test_search_finds_people_by_their_alias(olivia, caseload, daniel):
    from openom.people.services import alias_add

    alias_add(person=daniel, forename="Danny", surname="Mercer", date_of_birth=None, actor=olivia)
    assert "Daniel Smith" in names(person_search(actor=olivia, query="Danny Mercer"))


def test_another_areas_officer_finds_nothing_that_reveals_the_case(nina, caseload):
    assert list(person_search(actor=nina, query="Daniel Smith")) == []
    assert list(person_search(actor=nina, query="X100001")) == []


def test_an_empty_search_returns_nothing(olivia, caseload):
    assert list(person_search(actor=olivia, query="  ")) == []


def test_query_parsing_recognises_each_identifier():
    assert parse_query("X123456").crn == "X123456"
    assert parse_query("A1234BC").prison_number == "A1234BC"
    assert parse_query("2008/0056560Z").pnc_number == "2008/0056560Z"
    assert parse_query("O'Neil Mary-Jane").names == ("O'Neil", "Mary-Jane")


def test_phonetic_keys_match_common_misspellings():
    assert phonetic_key("Smith") == phonetic_key("Smyth")
    assert phonetic_key("Jonathan") == phonetic_key("Jonathon")
