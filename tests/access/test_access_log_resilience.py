"""A case read never fails for its access-log row, and the row is never lost (issue #14).

On SQLite a write lock held longer than the busy timeout made every case read fail, because each
read writes an access-log row. Now the embedded database waits 30 seconds for a lock (WAL mode,
so reads do not wait for writers), and a row the database still cannot take is spooled to disk
and written, with its original time, by the next access-log write that succeeds.
"""

import json

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.urls import reverse

from openom.access.models import AccessLog


@pytest.fixture
def spool(settings, tmp_path):
    settings.OPENOM_ACCESS_LOG_SPOOL = str(tmp_path / "access-log-spool.jsonl")
    return tmp_path / "access-log-spool.jsonl"


def test_a_read_succeeds_while_the_database_refuses_the_log_row_and_the_row_is_kept(
    client, olivia, daniel, spool, monkeypatch
):
    client.force_login(olivia)
    url = reverse("people:case-summary", args=[daniel.crn])
    real_save = AccessLog.save

    def locked(self, *args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(AccessLog, "save", locked)
    assert client.get(url).status_code == 200
    spooled = [json.loads(line) for line in spool.read_text().splitlines()]
    assert [(r["user"], r["person"], r["part"]) for r in spooled] == [
        (olivia.pk, daniel.pk, "SUMMARY")
    ]
    assert not AccessLog.objects.filter(person=daniel).exists()

    monkeypatch.setattr(AccessLog, "save", real_save)
    assert client.get(url).status_code == 200
    rows = list(AccessLog.objects.filter(person=daniel, user=olivia).order_by("accessed_at"))
    assert len(rows) == 2
    assert rows[0].accessed_at.isoformat() == spooled[0]["accessed_at"]
    assert not spool.exists()


def test_spooled_rows_go_back_to_the_spool_if_the_database_is_still_busy(
    olivia, daniel, spool, monkeypatch
):
    from openom.access import services

    spool.write_text(
        json.dumps(
            {
                "user": olivia.pk,
                "person": daniel.pk,
                "part": "SUMMARY",
                "channel": "PAGE",
                "reason": "",
                "accessed_at": "2026-11-30T09:00:00+00:00",
            }
        )
        + "\n"
    )

    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(AccessLog.objects, "bulk_create", busy)
    assert services.access_log_spool_flush() == 0
    assert len(spool.read_text().splitlines()) == 1
    monkeypatch.undo()
    assert services.access_log_spool_flush() == 1
    assert AccessLog.objects.get(person=daniel).accessed_at.isoformat() == (
        "2026-11-30T09:00:00+00:00"
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded database's settings")
def test_the_embedded_database_uses_wal_and_waits_30_seconds_for_a_lock(db):
    assert settings.DATABASES["default"]["OPTIONS"]["timeout"] == 30
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 30_000
