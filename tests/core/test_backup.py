"""`openom backup` and `openom restore`: every row comes back as it was (issue #14).

The test backs up, then changes a row, deletes a case and adds one, restores, and finds every
table's row count and checksum as the backup's manifest recorded them, and the rows themselves
as they were. It runs on SQLite (the online backup API) and on PostgreSQL (pg_dump custom
format and pg_restore) as CI runs the suite on both.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from openom.core.backup import database_summary, manifest_path
from openom.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_restore_brings_back_every_row_as_it_was(tmp_path, daniel):
    robert = PersonFactory(crn="X100002", forename="Robert", surname="Jones")
    before = database_summary()
    backup = tmp_path / "openom.backup"
    out = io.StringIO()
    call_command("backup", str(backup), stdout=out)
    assert backup.exists() and "Backed up" in out.getvalue()
    manifest = json.loads(manifest_path(backup).read_text())
    assert manifest["tables"]["people_person"]["rows"] == 2
    assert manifest["tables"] == before

    Person.objects.filter(pk=daniel.pk).update(surname="Smyth")
    Person.objects.filter(pk=robert.pk).delete()
    PersonFactory(crn="X100003", forename="Extra", surname="Case")
    assert database_summary() != before

    out = io.StringIO()
    call_command("restore", str(backup), "--yes", stdout=out)
    assert "Restored and verified" in out.getvalue()
    assert database_summary() == before
    assert Person.objects.get(pk=daniel.pk).surname == "Smith"
    assert Person.objects.get(pk=robert.pk).forename == "Robert"
    assert not Person.objects.filter(crn="X100003").exists()


def test_a_restore_needs_confirming_and_its_manifest(tmp_path, daniel):
    backup = tmp_path / "openom.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(backup), stdout=io.StringIO())
    manifest_path(backup).unlink()
    with pytest.raises(CommandError, match="manifest"):
        call_command("restore", str(backup), "--yes", stdout=io.StringIO())


def test_a_restore_that_does_not_match_its_manifest_says_which_tables(tmp_path, daniel):
    backup = tmp_path / "openom.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    manifest = json.loads(manifest_path(backup).read_text())
    manifest["tables"]["people_person"]["sha256"] = "0" * 64
    manifest_path(backup).write_text(json.dumps(manifest))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 tables do not match"):
        call_command("restore", str(backup), "--yes", stdout=io.StringIO(), stderr=err)
    assert "people_person" in err.getvalue()


def test_a_backup_never_overwrites_a_file(tmp_path, daniel):
    backup = tmp_path / "openom.backup"
    backup.write_text("an older backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(backup), stdout=io.StringIO())
