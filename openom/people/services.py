"""Creating and changing a person's record. Each service is atomic and audited."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from openom.access.services import audit_record
from openom.core.dates import age_on
from openom.core.exceptions import ServiceValidationError
from openom.core.services import edit_check, sequence_next
from openom.people.constants import (
    STATUSES_BY_CATEGORY,
    AddressType,
    CircumstanceCategory,
)
from openom.people.models import Address, Alias, Circumstance, Person
from openom.people.pnc import normalise_pnc
from openom.people.search import phonetic_key

# Children and Young Persons Act 1933 s50: no child under 10 can be guilty of an offence.
AGE_OF_CRIMINAL_RESPONSIBILITY = 10
CRN_SEQUENCE = "crn"
CRN_PREFIX = "X"
PERSON_EDITABLE_FIELDS = (
    "forename",
    "middle_names",
    "surname",
    "preferred_name",
    "date_of_birth",
    "gender",
    "ethnicity",
    "disability_status",
    "disability_details",
    "learning_needs",
    "first_language",
    "interpreter_required",
    "pnc_number",
    "prison_number",
)


def crn_next() -> str:
    return f"{CRN_PREFIX}{sequence_next(name=CRN_SEQUENCE):06d}"


def _clean_identity(
    data: dict[str, Any], *, today: dt.date, exclude_pk: int | None = None
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    cleaned = dict(data)
    dob = cleaned.get("date_of_birth")
    if dob is not None:
        if dob > today:
            errors["date_of_birth"] = "Date of birth must be in the past"
        elif age_on(dob, today) < AGE_OF_CRIMINAL_RESPONSIBILITY:
            errors["date_of_birth"] = (
                f"The person must be at least {AGE_OF_CRIMINAL_RESPONSIBILITY} years old: "
                "check the date of birth"
            )
    pnc = (cleaned.get("pnc_number") or "").strip()
    if pnc:
        try:
            cleaned["pnc_number"] = normalise_pnc(pnc)
        except ValueError as error:
            errors["pnc_number"] = str(error)
        else:
            taken = Person.objects.filter(pnc_number=cleaned["pnc_number"])
            if exclude_pk is not None:
                taken = taken.exclude(pk=exclude_pk)
            if taken.exists():
                errors["pnc_number"] = (
                    "Another person already has this PNC number: search for them instead"
                )
    else:
        cleaned["pnc_number"] = None
    if cleaned.get("prison_number"):
        cleaned["prison_number"] = cleaned["prison_number"].strip().upper()
    if errors:
        raise ServiceValidationError("The person's details need correcting", field_errors=errors)
    return cleaned


def _apply_search_keys(person: Person) -> None:
    person.forename_key = phonetic_key(person.forename)
    person.surname_key = phonetic_key(person.surname)


DUPLICATE_MESSAGE = (
    "A person with this name and date of birth already has a case: check they are not the "
    "same person, or tick the box to confirm this is someone else"
)


def likely_duplicates(*, forename: str, surname: str, date_of_birth: dt.date | None):
    """People (or their other names) with the same date of birth and a name that sounds the same."""
    from django.db.models import Q

    if not (forename and surname and date_of_birth):
        return Person.objects.none()
    forename_key, surname_key = phonetic_key(forename), phonetic_key(surname)
    return Person.objects.filter(
        Q(date_of_birth=date_of_birth, forename_key=forename_key, surname_key=surname_key)
        | Q(
            pk__in=Alias.objects.filter(
                date_of_birth=date_of_birth, forename_key=forename_key, surname_key=surname_key
            ).values("person_id")
        )
    ).order_by("crn")


def person_create(
    *,
    actor,
    data: dict[str, Any],
    address: dict[str, Any] | None = None,
    not_a_duplicate: bool = False,
    today: dt.date | None = None,
) -> Person:
    """Create a person held by the actor's probation area and team (unallocated to an officer).

    A likely duplicate (same date of birth, a name that sounds the same) is refused unless the
    officer has confirmed it is someone else.
    """
    from openom.allocation.services import case_allocate

    today = today or timezone.localdate()
    if actor.agency is None or not actor.agency.is_probation or actor.team is None:
        raise ServiceValidationError("Only probation staff in a team can add a person")
    cleaned = _clean_identity(data, today=today)
    if (
        not not_a_duplicate
        and likely_duplicates(
            forename=cleaned.get("forename", ""),
            surname=cleaned.get("surname", ""),
            date_of_birth=cleaned.get("date_of_birth"),
        ).exists()
    ):
        raise ServiceValidationError(
            DUPLICATE_MESSAGE, field_errors={"not_a_duplicate": DUPLICATE_MESSAGE}
        )
    with transaction.atomic():
        person = Person(crn=crn_next(), probation_area=actor.agency, **cleaned)
        _apply_search_keys(person)
        person.full_clean()
        try:
            person.save()
        except IntegrityError:
            raise ServiceValidationError(
                "Another person already has this PNC number",
                field_errors={"pnc_number": "Another person already has this PNC number"},
            ) from None
        if address:
            address_add(person=person, data=address, actor=actor, audit=False)
        audit_record(actor=actor, person=person, action="person_create", detail=person.crn)
        case_allocate(
            person=person,
            team=actor.team,
            offender_manager=None,
            start_date=today,
            reason="New case",
            actor=actor,
        )
    return person


def person_update(
    *,
    person: Person,
    data: dict[str, Any],
    version: int,
    actor,
    reason: str = "",
    today: dt.date | None = None,
) -> Person:
    """Change identity details; refuses if someone else saved the record since `version` was read.

    The change, with its reason, is kept in the person's history.
    """
    today = today or timezone.localdate()
    cleaned = _clean_identity(data, today=today, exclude_pk=person.pk)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        edit_check(
            locked,
            version=version,
            actor=actor,
            noun="person's details",
            fields=[f for f in PERSON_EDITABLE_FIELDS if f in cleaned],
        )
        changed = [
            f for f in PERSON_EDITABLE_FIELDS if f in cleaned and getattr(locked, f) != cleaned[f]
        ]
        for field in changed:
            setattr(locked, field, cleaned[field])
        _apply_search_keys(locked)
        locked.mark_saved(actor)
        locked.full_clean()
        locked._change_reason = reason.strip()
        locked.save()
        audit_record(actor=actor, person=locked, action="person_update", detail=", ".join(changed))
    return locked


def alias_add(
    *, person: Person, forename: str, surname: str, date_of_birth: dt.date | None, actor
) -> Alias:
    with transaction.atomic():
        alias = Alias.objects.create(
            person=person,
            forename=forename,
            surname=surname,
            date_of_birth=date_of_birth,
            forename_key=phonetic_key(forename),
            surname_key=phonetic_key(surname),
        )
        audit_record(actor=actor, person=person, action="alias_add", detail=str(alias))
    return alias


def address_add(*, person: Person, data: dict[str, Any], actor, audit: bool = True) -> Address:
    """Add an address; a new main address ends the previous main one the day before it starts."""
    errors: dict[str, str] = {}
    address_type = data.get("address_type")
    if address_type != AddressType.NO_FIXED_ABODE:
        if not (data.get("line_1") or "").strip():
            errors["line_1"] = "Enter the first line of the address"
        if not (data.get("postcode") or "").strip():
            errors["postcode"] = "Enter the postcode"
    end_date = data.get("end_date")
    if end_date and end_date < data["start_date"]:
        errors["end_date"] = "The end date must be on or after the start date"
    if errors:
        raise ServiceValidationError("The address needs correcting", field_errors=errors)
    with transaction.atomic():
        if address_type in {
            AddressType.MAIN,
            AddressType.NO_FIXED_ABODE,
            AddressType.APPROVED_PREMISES,
        }:
            for previous in Address.objects.select_for_update().filter(
                person=person,
                end_date__isnull=True,
                address_type__in=[
                    AddressType.MAIN,
                    AddressType.NO_FIXED_ABODE,
                    AddressType.APPROVED_PREMISES,
                ],
            ):
                previous.end_date = max(
                    previous.start_date, data["start_date"] - dt.timedelta(days=1)
                )
                previous.save(update_fields=["end_date", "updated_at"])
        address = Address.objects.create(person=person, **data)
        if audit:
            audit_record(
                actor=actor, person=person, action="address_add", detail=address.address_type
            )
    return address


def circumstance_record(
    *, person: Person, category: str, status: str, start_date: dt.date, actor, notes: str = ""
) -> Circumstance:
    """Record a new accommodation or employment status, ending the previous one of that kind."""
    if status not in STATUSES_BY_CATEGORY[CircumstanceCategory(category)]:
        raise ServiceValidationError(
            "That status does not fit the category",
            field_errors={
                "status": f"Choose a status for {CircumstanceCategory(category).label.lower()}"
            },
        )
    with transaction.atomic():
        for previous in Circumstance.objects.select_for_update().filter(
            person=person, category=category, end_date__isnull=True
        ):
            previous.end_date = max(previous.start_date, start_date - dt.timedelta(days=1))
            previous.save(update_fields=["end_date", "updated_at"])
        circumstance = Circumstance.objects.create(
            person=person, category=category, status=status, start_date=start_date, notes=notes
        )
        audit_record(
            actor=actor, person=person, action="circumstance_record", detail=str(circumstance)
        )
    return circumstance
