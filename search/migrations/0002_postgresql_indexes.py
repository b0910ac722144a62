"""PostgreSQL only: a stored tsvector over the pre-folded columns with a GIN index, and trigram indexes.

The columns are already folded in Python (search.text.fold), so the 'simple' configuration is enough and
no unaccent wrapper is needed. The tsvector is a generated column unknown to the Django model, so Django
never writes it and PostgreSQL keeps it current; a stored column (rather than an expression index) means
matching rows are never re-parsed. SQLite uses LIKE over the same folded columns (see README).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Push the long text columns out of line so scans and ranking read only the narrow part of each row.
    "ALTER TABLE portal_search_searchentry SET (toast_tuple_target = 256)",
    "ALTER TABLE portal_search_searchentry ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_folded || ' ' || body_folded)) STORED",
    "CREATE INDEX IF NOT EXISTS portal_search_fts ON portal_search_searchentry USING GIN (search_vector)",
    "CREATE INDEX IF NOT EXISTS portal_search_number_trgm ON portal_search_searchentry "
    "USING GIN (number_key gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS portal_search_title_trgm ON portal_search_searchentry "
    "USING GIN (title_folded gin_trgm_ops)",
]
BACKWARD = [
    "ALTER TABLE portal_search_searchentry RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS portal_search_fts",
    "ALTER TABLE portal_search_searchentry DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS portal_search_number_trgm",
    "DROP INDEX IF EXISTS portal_search_title_trgm",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
