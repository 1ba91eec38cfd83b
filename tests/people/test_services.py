import datetime as dt

import pytest

from openom.access.models import AuditEvent
from openom.allocation.models import CaseAllocation
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.people.constants import AddressType, CircumstanceCategory, CircumstanceStatus, Gender
from openom.people.models import Address, Person
from openom.people.services import (
    address_add,
    circumstance_record,
    person_create,
    person_update,
)

TODAY = dt.date(2026, 11, 24)


def person_data(**overrides):
    return {
        "forename": "Kieran",
        "surname": "Walsh",
        "date_of_birth": dt.date(1994, 2, 11),
        "gender": Gender.MALE,
        "pnc_number": "",
        **overrides,
    }


def test_new_person_gets_a_crn_joins_the_actors_team_unallocated_and_is_audited(olivia):
    person = person_create(actor=olivia, data=person_data(), today=TODAY)

    assert person.crn.startswith("X") and len(person.crn) == 7
    assert person.probation_area == olivia.agency
    allocation = CaseAllocation.objects.get(person=person)
    assert allocation.team == olivia.team
    assert allocation.offender_manager is None
    assert AuditEvent.objects.filter(person=person, action="person_create", actor=olivia).exists()


def test_each_new_person_gets_the_next_crn(olivia):
    first = person_create(actor=olivia, data=person_data(), today=TODAY)
    second = person_create(actor=olivia, data=person_data(forename="Liam"), today=TODAY)

    assert int(second.crn[1:]) == int(first.crn[1:]) + 1


def test_date_of_birth_in_the_future_is_refused_and_nothing_is_saved(olivia):
    with pytest.raises(ServiceValidationError) as refused:
        person_create(
            actor=olivia, data=person_data(date_of_birth=TODAY + dt.timedelta(days=1)), today=TODAY
        )

    assert refused.value.field_errors["date_of_birth"] == "Date of birth must be in the past"
    assert not Person.objects.exists()
    assert not CaseAllocation.objects.exists()


def test_a_person_younger_than_the_age_of_criminal_responsibility_is_refused(olivia):
    with pytest.raises(ServiceValidationError) as refused:
        person_create(
            actor=olivia, data=person_data(date_of_birth=dt.date(2018, 1, 1)), today=TODAY
        )

    assert "at least 10 years old" in refused.value.field_errors["date_of_birth"]


def test_pnc_number_with_a_wrong_check_character_is_refused_with_the_right_one_named(olivia):
    with pytest.raises(ServiceValidationError) as refused:
        person_create(actor=olivia, data=person_data(pnc_number="2008/0056560A"), today=TODAY)

    assert "Z" in refused.value.field_errors["pnc_number"]
    assert not Person.objects.exists()


def test_pnc_number_is_stored_in_its_canonical_form(olivia):
    person = person_create(actor=olivia, data=person_data(pnc_number="08/56560z"), today=TODAY)

    assert person.pnc_number == "2008/0056560Z"


def test_a_pnc_number_already_held_by_another_person_is_refused(olivia, daniel):
    with pytest.raises(ServiceValidationError) as refused:
        person_create(actor=olivia, data=person_data(pnc_number=daniel.pnc_number), today=TODAY)

    assert "already has this PNC number" in refused.value.field_errors["pnc_number"]


def test_staff_outside_a_probation_team_cannot_add_a_person(pete):
    with pytest.raises(ServiceValidationError):
        person_create(actor=pete, data=person_data(), today=TODAY)


def test_editing_a_record_someone_else_saved_meanwhile_is_refused_not_overwritten(
    olivia, sam, daniel
):
    opened_at = daniel.version
    person_update(person=daniel, data={"forename": "Dan"}, version=opened_at, actor=sam)

    with pytest.raises(EditConflict):
        person_update(person=daniel, data={"forename": "Danny"}, version=opened_at, actor=olivia)

    daniel.refresh_from_db()
    assert daniel.forename == "Dan"
    assert daniel.version == opened_at + 1


def test_renaming_a_person_updates_the_search_keys(olivia, daniel):
    person_update(person=daniel, data={"surname": "Jones"}, version=daniel.version, actor=olivia)

    daniel.refresh_from_db()
    assert daniel.surname_key == "J520"


def test_a_new_main_address_ends_the_previous_one_the_day_before(olivia, daniel):
    first = address_add(
        person=daniel,
        actor=olivia,
        data={
            "address_type": AddressType.MAIN,
            "line_1": "1 High Street",
            "town": "March",
            "postcode": "PE15 8AA",
            "start_date": dt.date(2025, 1, 1),
        },
    )
    address_add(
        person=daniel,
        actor=olivia,
        data={"address_type": AddressType.NO_FIXED_ABODE, "start_date": dt.date(2026, 3, 1)},
    )

    first.refresh_from_db()
    assert first.end_date == dt.date(2026, 2, 28)
    assert (
        Address.objects.filter(person=daniel, end_date__isnull=True).get().address_type
        == AddressType.NO_FIXED_ABODE
    )


def test_an_address_without_a_first_line_or_postcode_is_refused_unless_no_fixed_abode(
    olivia, daniel
):
    with pytest.raises(ServiceValidationError) as refused:
        address_add(
            person=daniel,
            actor=olivia,
            data={"address_type": AddressType.MAIN, "start_date": TODAY},
        )

    assert set(refused.value.field_errors) == {"line_1", "postcode"}


def test_an_employment_status_cannot_be_recorded_as_accommodation(olivia, daniel):
    with pytest.raises(ServiceValidationError):
        circumstance_record(
            person=daniel,
            category=CircumstanceCategory.ACCOMMODATION,
            status=CircumstanceStatus.UNEMPLOYED,
            start_date=TODAY,
            actor=olivia,
        )


def test_a_new_circumstance_ends_the_previous_one_of_its_kind(olivia, daniel):
    circumstance_record(
        person=daniel,
        category=CircumstanceCategory.EMPLOYMENT,
        status=CircumstanceStatus.UNEMPLOYED,
        start_date=dt.date(2026, 1, 1),
        actor=olivia,
    )
    circumstance_record(
        person=daniel,
        category=CircumstanceCategory.EMPLOYMENT,
        status=CircumstanceStatus.EMPLOYED_FULL_TIME,
        start_date=dt.date(2026, 6, 1),
        actor=olivia,
    )

    current = daniel.circumstances.filter(end_date__isnull=True).get()
    assert current.status == CircumstanceStatus.EMPLOYED_FULL_TIME


def test_a_stale_personal_details_save_shows_the_saved_values_and_who_saved(daniel, sam, olivia):
    opened_at = daniel.version
    person_update(person=daniel, data={"forename": "Dan"}, version=opened_at, actor=sam)
    with pytest.raises(EditConflict) as refused:
        person_update(person=daniel, data={"forename": "Danny"}, version=opened_at, actor=olivia)
    assert refused.value.message.startswith("Someone else saved this person's details at ")
    assert refused.value.theirs["forename"] == "Dan"
    assert daniel.history.order_by("-history_date").first().history_user == sam
