"""Public protection personas (a pytest plugin of the root conftest): MAPPA and IOM coordinators,
partner agencies and people to manage."""

import datetime as dt

import pytest

from openom.accounts.constants import Grade, Role
from openom.offences.models import Offence
from openom.organisations.constants import AgencyKind
from openom.sentencing.constants import SentenceType
from tests.factories import (
    AgencyFactory,
    DeliveryUnitFactory,
    EventFactory,
    EventOffenceFactory,
    PersonFactory,
    SentenceFactory,
    UserFactory,
)


@pytest.fixture
def police(db):
    return AgencyFactory(code="CAMPOL", name="Cambridgeshire Constabulary", kind=AgencyKind.POLICE)


@pytest.fixture
def north_bcu(police):
    return DeliveryUnitFactory(agency=police, code="BCUN", name="BCU N")


@pytest.fixture
def south_bcu(police):
    return DeliveryUnitFactory(agency=police, code="BCUS", name="BCU S")


@pytest.fixture
def colin(police):
    return UserFactory(
        username="colin",
        first_name="Colin",
        last_name="Pryor",
        team=None,
        agency=police,
        grade=Grade.OTHER,
        roles=[Role.MAPPA_COORDINATOR],
    )


@pytest.fixture
def housing(db):
    return AgencyFactory(
        code="CCCHOU", name="Cambridge City Council Housing", kind=AgencyKind.HOUSING
    )


@pytest.fixture
def jo(housing):
    return UserFactory(
        username="jo",
        team=None,
        agency=housing,
        grade=Grade.PARTNER_STAFF,
        roles=[Role.PARTNER_WORKER],
    )


@pytest.fixture
def children_services(db):
    return AgencyFactory(
        code="CCCCS", name="Cambridgeshire Children's Services", kind=AgencyKind.CHILDRENS_SERVICES
    )


@pytest.fixture
def kim(children_services):
    return UserFactory(
        username="kim",
        team=None,
        agency=children_services,
        grade=Grade.PARTNER_STAFF,
        roles=[Role.PARTNER_WORKER],
    )


def offence(code: str) -> Offence:
    return Offence.objects.get(code=code)


def convicted_of(
    person,
    code: str,
    *,
    on: dt.date,
    sentence_type=SentenceType.DETERMINATE_CUSTODY,
    months=24,
    **extra,
):
    event = EventFactory(person=person, conviction_date=on)
    EventOffenceFactory(event=event, offence=offence(code))
    return SentenceFactory(
        event=event,
        sentence_type=sentence_type,
        length_months=months,
        expected_end_date=on + dt.timedelta(days=months * 31),
        **extra,
    )


@pytest.fixture
def sex_offender(cambridgeshire):
    person = PersonFactory(probation_area=cambridgeshire, date_of_birth=dt.date(1975, 1, 1))
    convicted_of(person, "01900", on=dt.date(2024, 6, 3), months=36)
    return person


@pytest.fixture
def violent_offender(cambridgeshire):
    person = PersonFactory(probation_area=cambridgeshire, date_of_birth=dt.date(1988, 4, 4))
    convicted_of(person, "03401", on=dt.date(2025, 9, 1), months=18)
    return person


@pytest.fixture
def burglar(cambridgeshire):
    person = PersonFactory(probation_area=cambridgeshire, date_of_birth=dt.date(1992, 2, 2))
    convicted_of(
        person,
        "02800",
        on=dt.date(2026, 2, 2),
        sentence_type=SentenceType.COMMUNITY_ORDER,
        months=12,
    )
    return person


@pytest.fixture
def ivy(police):
    """Ivy, the IOM coordinator in Cambridgeshire Constabulary."""
    return UserFactory(
        username="ivy",
        first_name="Ivy",
        last_name="Marsh",
        team=None,
        agency=police,
        grade=Grade.POLICE_OFFICER,
        roles=[Role.IOM_COORDINATOR],
    )


@pytest.fixture
def iom_scheme(cambridgeshire, police):
    from openom.iom.services import scheme_create_default

    scheme = scheme_create_default(
        area=cambridgeshire, police_force=police, name="Cambridgeshire IOM"
    )
    scheme.capacity = 2
    scheme.save()
    return scheme
