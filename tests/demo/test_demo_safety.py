"""The demo builds only into a database it made, never under production settings (issue #14)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from openom.accounts.models import User
from openom.demo import area
from openom.demo.checks import no_demo_in_production
from openom.demo.models import DemoDatabase
from openom.people.models import Person
from tests.factories import UserFactory


def build(**options):
    out = io.StringIO()
    call_command("demo", people=20, seed=5, stdout=out, **options)
    return out.getvalue()


def test_the_demo_refuses_production_settings(db, settings):
    settings.OPENOM_PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        build()
    assert not Person.objects.exists() and not DemoDatabase.objects.exists()


def test_the_demo_refuses_a_database_holding_data_it_did_not_make(olivia):
    with pytest.raises(CommandError, match="did not make"):
        build()
    with pytest.raises(CommandError, match="did not make"):
        build(if_empty=True)
    assert not Person.objects.exists()


def test_the_demo_marks_its_database_and_gives_the_superuser_a_random_password_once(db):
    output = build()
    assert DemoDatabase.objects.get().completed_at is not None
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert not admin.check_password(area.DEMO_PASSWORD)
    printed = output.split("shown only now: ")[1].split()[0]
    assert admin.check_password(printed)
    logins = io.StringIO()
    call_command("demo_logins", stdout=logins)
    assert printed not in logins.getvalue()
    assert "password printed once when the demo was built" in logins.getvalue()
    # make run again: the demo's own database is left as it is, nothing printed again.
    assert "shown only now" not in build(if_empty=True)


def test_production_refuses_to_start_on_a_demo_database(db, settings):
    build()
    settings.OPENOM_PRODUCTION = True
    ids = {error.id for error in no_demo_in_production()}
    assert ids == {"openom.E001", "openom.E002"}


def test_production_refuses_a_demo_login_with_the_published_password(db, settings):
    settings.OPENOM_PRODUCTION = True
    UserFactory(username="om", password=area.DEMO_PASSWORD)
    assert [e.id for e in no_demo_in_production()] == ["openom.E002"]
    User.objects.filter(username="om").update(password="!")
    assert no_demo_in_production() == []


def test_the_check_is_silent_outside_production(db):
    build()
    assert no_demo_in_production() == []
