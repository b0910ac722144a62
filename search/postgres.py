"""Helpers for the PostgreSQL-only parts of the search schema (SQLite searches with LIKE and needs none)."""


def postgresql_only(statements):
    """A ``RunPython`` function executing ``statements`` in order on PostgreSQL and doing nothing elsewhere."""

    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation
