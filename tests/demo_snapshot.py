"""The demo portal built once per test session (per xdist worker) and put back into each test's database in a moment.

``load_demo_content`` takes half a minute (it publishes, translates and indexes every page through Wagtail),
and about forty tests and every browser journey start from the demo portal. The session builds it once, with
the real command, inside a transaction it rolls back, and keeps the rows it changed; ``restore()`` writes those
rows back (delete, then insert: foreign keys are checked at commit, so the order does not matter) in the test's
own transaction, which the test's teardown rolls back (or flushes, for transactional tests) as before.

What the command leaves outside the database stays: the media files it wrote live in the session's
``MEDIA_ROOT``. The caches are emptied and the content generation renewed, as the command's own saves do.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import connections, transaction

from cms.core import cache as content_cache

DEMO_PASSWORD = "demo-Pass-2024"


def _tables(connection) -> list[str]:
    """Every table a model owns; SQLite's FTS5 virtual and shadow tables are kept up by triggers, not written."""
    tables = set(connection.introspection.django_table_names(only_existing=True, include_views=False))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA table_list")
            tables &= {row[1] for row in cursor.fetchall() if row[2] == "table"}
    return sorted(tables)


def _sqlite_value(value):
    return value.isoformat() if isinstance(value, datetime.time) else value


def _rows(cursor, connection, table: str) -> tuple[list[str], list[tuple]]:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
    columns = [column[0] for column in cursor.description]
    return columns, sorted(cursor.fetchall(), key=repr)


@dataclass
class Snapshot:
    alias: str
    tables: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)  # changed tables: their rows

    @classmethod
    def take(cls, alias: str, build) -> "Snapshot":
        """Run ``build()`` in a transaction that is rolled back; keep every table whose rows it changed."""
        connection = connections[alias]
        snapshot = cls(alias)
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            before = {table: _rows(cursor, connection, table) for table in _tables(connection)}
            build()
            for table in _tables(connection):
                after = _rows(cursor, connection, table)
                if before.get(table) != after:
                    snapshot.tables[table] = after
            transaction.set_rollback(True, using=alias)
        _forget_caches()
        return snapshot

    def restore(self) -> None:
        connection = connections[self.alias]
        quote = connection.ops.quote_name
        with transaction.atomic(using=self.alias), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            for table, (columns, rows) in self.tables.items():
                if rows:
                    names = ", ".join(quote(column) for column in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    if connection.vendor == "sqlite":
                        # Read back through Django's converters; sqlite3 has no adapter for time of day.
                        rows = [tuple(_sqlite_value(value) for value in row) for row in rows]
                    cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608
            if connection.vendor == "postgresql":
                self._advance_sequences(cursor, connection)
        _forget_caches()

    def _advance_sequences(self, cursor, connection) -> None:
        """Rows came back with their ids: the next id a test creates follows them (PostgreSQL keeps no max)."""
        quote = connection.ops.quote_name
        for sequence in connection.introspection.sequence_list():
            table, column = sequence["table"], sequence["column"]
            if table in self.tables:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({quote(column)}), 0) + 1, false) "  # noqa: S608
                    f"FROM {quote(table)}",
                    [quote(table), column],
                )


def session_snapshot(build):
    """A session-scoped fixture holding ``Snapshot.take("default", build)``: a test module's expensive setup
    (roles, workflows, ``create_portal``) run once per test process instead of once per test. The build starts
    from the migrated database and makes everything the test's fixture used to ask other fixtures for
    (``locales``, ``news_index``, ...): the restore replaces those tables' rows, so an object another fixture made
    in the test before the restore is gone or stale (on PostgreSQL its id is not the restored one's). The
    test's fixture calls ``restore()``, then reads back the objects it hands to the test."""

    @pytest.fixture(scope="session")
    def snapshot(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            return Snapshot.take("default", build)

    return snapshot


def _forget_caches() -> None:
    """What the command's saves do besides writing rows: caches hold nothing of the previous state."""
    cache.clear()
    content_cache.invalidate()
    content_cache.invalidate_sites()
