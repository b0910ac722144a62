"""Query plans of listing statements, read the way a database in use would choose them."""

from django.db import connection


def listing_plan(sql: str) -> list[str]:
    """The plan of a listing query. PostgreSQL is told to avoid a scan or a sort wherever it can, as it
    does on a large table (a test database is too small for it to bother); SQLite's top-level steps are kept."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}")
            return [row[0] for row in cursor.fetchall()]
        cursor.execute("ANALYZE")  # with the table's statistics, as a database in use has them
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [detail for _id, parent, _unused, detail in cursor.fetchall() if parent == 0]
