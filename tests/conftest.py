"""Named personas, one per agency and area, shared by the whole suite.

Cambridgeshire and Peterborough Probation (CPP):
- Olivia, an offender manager (PO) in Peterborough, holds Daniel's case.
- Sam, the senior probation officer of Olivia's team.
Norfolk and Suffolk Probation (NSP):
- Nina, an offender manager in Norwich: outside CPP, she must not see CPP's cases.
- Sandra, approved premises staff in Peterborough: reads the cases of the premises' residents.
Cambridgeshire Constabulary:
- Pete, a police offender manager: no case access until sharing is recorded.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from openom.accounts.constants import Grade, Role
from openom.organisations.constants import AgencyKind
from tests.factories import (
    AgencyFactory,
    CaseAllocationFactory,
    DeliveryUnitFactory,
    PersonFactory,
    TeamFactory,
    UserFactory,
)

# Property tests run a fixed, repeatable set of examples (CI must not find a new one by chance),
# and a loaded machine must not fail them for being slow: the examples are what is tested.
hypothesis_settings.register_profile(
    "openom",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.load_profile("openom")

pytest_plugins = ["tests.public_protection_personas"]


@pytest.fixture
def cambridgeshire(db):
    return AgencyFactory(code="CPP", name="Cambridgeshire and Peterborough Probation")


@pytest.fixture
def norfolk(db):
    return AgencyFactory(code="NSP", name="Norfolk and Suffolk Probation")


@pytest.fixture
def peterborough_team(cambridgeshire):
    ldu = DeliveryUnitFactory(agency=cambridgeshire, code="PET", name="Peterborough")
    return TeamFactory(delivery_unit=ldu, code="PET01", name="Peterborough Offender Management 1")


@pytest.fixture
def olivia(peterborough_team):
    return UserFactory(
        username="olivia",
        first_name="Olivia",
        last_name="Grant",
        team=peterborough_team,
        grade=Grade.PO,
        roles=[Role.OFFENDER_MANAGER],
    )


@pytest.fixture
def sam(peterborough_team):
    return UserFactory(
        username="sam",
        first_name="Sam",
        last_name="Hughes",
        team=peterborough_team,
        grade=Grade.SPO,
        roles=[Role.SENIOR_PROBATION_OFFICER],
    )


@pytest.fixture
def nina(norfolk):
    ldu = DeliveryUnitFactory(agency=norfolk, code="NOR", name="Norwich")
    team = TeamFactory(delivery_unit=ldu, code="NOR01", name="Norwich Offender Management")
    return UserFactory(
        username="nina",
        first_name="Nina",
        last_name="Cole",
        team=team,
        roles=[Role.OFFENDER_MANAGER],
    )


@pytest.fixture
def pete(db):
    police = AgencyFactory(
        code="CAMPOL", name="Cambridgeshire Constabulary", kind=AgencyKind.POLICE
    )
    return UserFactory(
        username="pete",
        first_name="Pete",
        last_name="Lowe",
        team=None,
        agency=police,
        grade=Grade.POLICE_OFFICER,
        roles=[Role.POLICE_OFFENDER_MANAGER],
    )


@pytest.fixture
def daniel(cambridgeshire, olivia, peterborough_team):
    """Daniel Smith, on a community order, held by Olivia."""
    person = PersonFactory(
        crn="X100001",
        forename="Daniel",
        surname="Smith",
        date_of_birth=dt.date(1990, 5, 17),
        probation_area=cambridgeshire,
        pnc_number="2008/0056560Z",
    )
    CaseAllocationFactory(person=person, team=peterborough_team, offender_manager=olivia)
    return person


@pytest.fixture
def sandra(cambridgeshire):
    """Sandra, approved premises staff in Peterborough (not Daniel's holding team)."""
    unit = DeliveryUnitFactory(agency=cambridgeshire, code="PAP", name="Approved premises")
    team = TeamFactory(delivery_unit=unit, code="PAP01", name="Peterborough Approved Premises")
    return UserFactory(
        username="sandra",
        first_name="Sandra",
        last_name="Okafor",
        team=team,
        grade=Grade.PSO,
        roles=[Role.APPROVED_PREMISES_STAFF],
    )
