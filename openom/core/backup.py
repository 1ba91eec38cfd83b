"""Backup and restore of the whole database, each verified table by table (issue #14).

PostgreSQL: `pg_dump` in its custom format, taken from an exported snapshot so that the
verification manifest counts exactly what the dump holds; restored with `pg_restore` in one
transaction. SQLite: the online backup API (a consistent copy while the app runs).

Every backup has a manifest beside it (`FILE.manifest.json`): each table's row count and a
SHA-256 checksum of its rows in a fixed order. A restore is verified against it, table by table.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

MANIFEST_SUFFIX = ".manifest.json"
BATCH = 2000


class BackupError(RuntimeError):
    pass


@dataclass(frozen=True)
class TableMismatch:
    table: str
    expected_rows: int | None
    found_rows: int | None
    checksums_match: bool


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def _rows(cursor, table: str) -> Iterator[tuple]:
    quoted = connection.ops.quote_name(table)
    cursor.execute(f"SELECT * FROM {quoted} WHERE 1 = 0")
    width = len(cursor.description)
    order = ", ".join(str(position) for position in range(1, width + 1))
    cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def table_summary(cursor, tables: list[str]) -> dict[str, dict[str, object]]:
    """Each table's row count and the SHA-256 of its rows (every column, in a fixed order)."""
    summary: dict[str, dict[str, object]] = {}
    for table in sorted(tables):
        digest = hashlib.sha256()
        count = 0
        for row in _rows(cursor, table):
            digest.update(repr(tuple(row)).encode())
            digest.update(b"\n")
            count += 1
        summary[table] = {"rows": count, "sha256": digest.hexdigest()}
    return summary


SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_TABLES)
            return [name for (name,) in cursor.fetchall()]
        return connection.introspection.table_names(cursor)


def database_summary() -> dict[str, dict[str, object]]:
    tables = _tables()
    with connection.cursor() as cursor:
        return table_summary(cursor, tables)


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", str(settings["USER"])]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings["PASSWORD"])
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        completed = subprocess.run(
            command, env=environment, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed on this machine") from None
    if completed.returncode != 0:
        raise BackupError(f"{command[0]} failed: {completed.stderr.strip()}")


def backup(destination: Path) -> dict[str, dict[str, object]]:
    """Write a backup of the database to `destination` with its manifest; answers the manifest."""
    destination = Path(destination)
    if destination.exists():
        raise BackupError(f"{destination} exists already: choose a new file name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        summary = _backup_postgresql(destination)
    elif connection.vendor == "sqlite":
        summary = _backup_sqlite(destination)
    else:
        raise BackupError(f"backup does not support {connection.vendor}")
    manifest = {"engine": connection.vendor, "tables": summary}
    manifest_path(destination).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return summary


def _backup_sqlite(destination: Path) -> dict[str, dict[str, object]]:
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    # The manifest is read from the copy itself, so it describes exactly what was saved.
    # Read with the column-type converters Django's own connection uses (registered globally
    # by its SQLite backend), so the checksums compare with the restored database's.
    copy = sqlite3.connect(
        destination, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
    )
    try:
        tables = [name for (name,) in copy.execute(SQLITE_TABLES)]
        return table_summary(copy.cursor(), tables)
    finally:
        copy.close()


def _backup_postgresql(destination: Path) -> dict[str, dict[str, object]]:
    arguments, environment = _pg_environment()
    tables = _tables()
    with connection.cursor() as cursor:
        # One snapshot for the dump and the manifest: they describe the same moment.
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            summary = table_summary(cursor, tables)
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--no-owner",
                    "--file",
                    str(destination),
                    *arguments,
                ],
                environment,
            )
        finally:
            cursor.execute("COMMIT")
    return summary


def restore(source: Path) -> list[TableMismatch]:
    """Replace the database's contents with the backup at `source`, then verify every table.

    Answers the tables that do not match the manifest (an empty list: every row as it was).
    """
    source = Path(source)
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    manifest_file = manifest_path(source)
    if not manifest_file.exists():
        raise BackupError(f"{manifest_file} is missing: a backup cannot be verified without it")
    manifest = json.loads(manifest_file.read_text())
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            f"this is a {manifest.get('engine')} backup; the database is {connection.vendor}"
        )
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        arguments, environment = _pg_environment()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *arguments,
                str(source),
            ],
            environment,
        )
    else:
        backup_db = sqlite3.connect(source)
        try:
            backup_db.backup(connection.connection)
        finally:
            backup_db.close()
    return verify(manifest["tables"])


def verify(expected: dict[str, dict[str, object]]) -> list[TableMismatch]:
    found = database_summary()
    mismatches = []
    for table in sorted(set(expected) | set(found)):
        want, have = expected.get(table), found.get(table)
        if want != have:
            mismatches.append(
                TableMismatch(
                    table=table,
                    expected_rows=want["rows"] if want else None,  # type: ignore[index]
                    found_rows=have["rows"] if have else None,  # type: ignore[index]
                    checksums_match=bool(want and have and want["sha256"] == have["sha256"]),
                )
            )
    return mismatches
