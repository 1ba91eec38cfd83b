"""The seam for database-specific features: PostgreSQL in production, SQLite embedded."""

from django.db import connection


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"
