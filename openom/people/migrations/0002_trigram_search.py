"""Trigram (pg_trgm) GIN indexes for forgiving name search, on PostgreSQL only.

SQLite has no pg_trgm: there the phonetic keys alone serve (see openom/people/search.py).
"""

from django.db import migrations

INDEXES = [
    ("people_person_surname_trgm", "people_person", "surname"),
    ("people_person_forename_trgm", "people_person", "forename"),
    ("people_alias_surname_trgm", "people_alias", "surname"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
