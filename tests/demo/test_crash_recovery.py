"""A job that crashes half way loses nothing and, run again, ends as a clean run would (#14).

The demo build and the offence catalogue import are killed in the middle (an exception raised
inside a later stage via monkeypatch), then run again.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from openom.accounts.models import User
from openom.demo.models import DemoDatabase
from openom.offences.models import CatalogueLoad, Offence
from openom.people.models import Person

SEED = 5
PEOPLE = 20


class Killed(RuntimeError):
    pass


def fingerprint():
    return (
        sorted(Person.objects.values_list("crn", "forename", "surname", "date_of_birth")),
        sorted(User.objects.values_list("username", "first_name", "last_name")),
    )


def build():
    call_command(
        "demo", people=PEOPLE, seed=SEED, today=dt.date(2026, 11, 25), stdout=io.StringIO()
    )


def test_a_demo_build_killed_half_way_leaves_nothing_and_runs_again_to_the_same_area(
    db, monkeypatch
):
    start = transaction.savepoint()
    build()
    clean = fingerprint()
    transaction.savepoint_rollback(start)
    assert not Person.objects.exists()

    import openom.demo.mappa

    def killed(**kwargs):
        raise Killed("the machine went down during the MAPPA stage")

    monkeypatch.setattr(openom.demo.mappa, "demo_mappa_build", killed)
    with pytest.raises(Killed):
        build()
    # Nothing half-built stays: only the mark that this is the demo's database.
    assert not Person.objects.exists() and not User.objects.exists()
    assert DemoDatabase.objects.get().completed_at is None

    monkeypatch.undo()
    build()  # make run again
    assert fingerprint() == clean
    assert DemoDatabase.objects.get().completed_at is not None


def test_an_offence_import_killed_half_way_changes_nothing_and_runs_again(db, monkeypatch):
    before = sorted(Offence.objects.values_list("code", "description", "active"))
    loads = CatalogueLoad.objects.count()
    Offence.objects.filter(code=before[0][0]).update(description="Changed by hand", active=False)

    def killed(*args, **kwargs):
        raise Killed("killed between the creates and the updates")

    monkeypatch.setattr(Offence.objects, "bulk_update", killed)
    with pytest.raises(Killed):
        call_command("load_offences", stdout=io.StringIO())
    assert Offence.objects.get(code=before[0][0]).description == "Changed by hand"
    assert CatalogueLoad.objects.count() == loads

    monkeypatch.undo()
    call_command("load_offences", stdout=io.StringIO())
    assert sorted(Offence.objects.values_list("code", "description", "active")) == before
    assert CatalogueLoad.objects.count() == loads + 1
