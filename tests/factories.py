"""factory_boy factories for the core records, with en_GB fake data."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from openom.accounts.constants import Grade, Role
from openom.accounts.models import RoleAssignment, User
from openom.allocation.models import CaseAllocation
from openom.organisations.constants import AgencyKind
from openom.organisations.models import Agency, LocalDeliveryUnit, Team
from openom.people.constants import Gender
from openom.people.models import Person
from openom.people.search import phonetic_key
from openom.sentencing.constants import CourtKind, LengthUnit, Plea, RequirementType, SentenceType
from openom.sentencing.models import Court, Event, EventOffence, Requirement, Sentence

factory.Faker._DEFAULT_LOCALE = "en_GB"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"AG{n:03d}")
    name = factory.LazyAttribute(lambda o: f"{o.code} Probation")
    kind = AgencyKind.PROBATION


class DeliveryUnitFactory(DjangoModelFactory):
    class Meta:
        model = LocalDeliveryUnit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"LDU{n:03d}")
    name = factory.Faker("city")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    delivery_unit = factory.SubFactory(DeliveryUnitFactory)
    agency = factory.SelfAttribute("delivery_unit.agency")
    code = factory.Sequence(lambda n: f"TM{n:04d}")
    name = factory.Sequence(lambda n: f"Offender Management {n}")


# The people in the tests' cases (tests/conftest.py): no member of staff is given their names, so
# a page that shows one of these names is showing the case, never a coincidental colleague.
CASE_NAMES = frozenset({"Daniel", "Smith", "Robert", "Lane"})


def _staff_name(kind: str) -> str:
    fake = factory.Faker._get_faker(locale="en_GB")
    while (name := getattr(fake, kind)()) in CASE_NAMES:
        pass
    return name


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.LazyFunction(lambda: _staff_name("first_name"))
    last_name = factory.LazyFunction(lambda: _staff_name("last_name"))
    team = factory.SubFactory(TeamFactory)
    agency = factory.SelfAttribute("team.agency")
    grade = Grade.PO
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            RoleAssignment.objects.bulk_create(
                RoleAssignment(user=self, role=role)
                for role in (extracted or [Role.OFFENDER_MANAGER])
            )
            self.save()


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    crn = factory.Sequence(lambda n: f"T{n:06d}")
    forename = factory.Faker("first_name_male")
    surname = factory.Faker("last_name")
    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=70)
    gender = Gender.MALE
    probation_area = factory.SubFactory(AgencyFactory)
    forename_key = factory.LazyAttribute(lambda o: phonetic_key(o.forename))
    surname_key = factory.LazyAttribute(lambda o: phonetic_key(o.surname))


class CaseAllocationFactory(DjangoModelFactory):
    class Meta:
        model = CaseAllocation

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    offender_manager = None
    start_date = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))


class CourtFactory(DjangoModelFactory):
    class Meta:
        model = Court
        django_get_or_create = ("code",)

    code = "CAMMC"
    name = "Cambridge Magistrates' Court"
    kind = CourtKind.MAGISTRATES


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    person = factory.SubFactory(PersonFactory)
    number = factory.Sequence(lambda n: n + 1)
    court = factory.SubFactory(CourtFactory)
    conviction_date = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=60))
    plea = Plea.GUILTY


class EventOffenceFactory(DjangoModelFactory):
    class Meta:
        model = EventOffence

    event = factory.SubFactory(EventFactory)
    is_main = True
    offence_date = factory.LazyAttribute(lambda o: o.event.conviction_date - dt.timedelta(days=30))


class SentenceFactory(DjangoModelFactory):
    class Meta:
        model = Sentence

    event = factory.SubFactory(EventFactory)
    person = factory.SelfAttribute("event.person")
    sentence_type = SentenceType.COMMUNITY_ORDER
    sentence_date = factory.SelfAttribute("event.conviction_date")
    length_months = 12
    expected_end_date = factory.LazyAttribute(lambda o: o.sentence_date + dt.timedelta(days=364))


class RequirementFactory(DjangoModelFactory):
    class Meta:
        model = Requirement

    sentence = factory.SubFactory(SentenceFactory)
    requirement_type = RequirementType.UNPAID_WORK
    length = 100
    length_unit = LengthUnit.HOURS
    start_date = factory.SelfAttribute("sentence.sentence_date")
