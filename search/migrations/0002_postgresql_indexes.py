"""PostgreSQL only: a GIN full-text index over the pre-folded columns, and trigram indexes for partial input.

The columns are already folded in Python (search.text.fold), so the 'simple' configuration is enough and
no unaccent wrapper is needed. An expression index rather than a stored tsvector column: a stored column
is TOASTed, and the planner, not costing the detoasting, picks a sequential scan that is 10x slower at
100,000 rows; to_tsvector() is costed, so the planner uses the index. SQLite uses LIKE (see README).
"""

from django.db import migrations

from search.postgres import postgresql_only

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Push the long text columns out of line so scans and ranking read only the narrow part of each row.
    "ALTER TABLE portal_search_searchentry SET (toast_tuple_target = 256)",
    "CREATE INDEX IF NOT EXISTS portal_search_fts ON portal_search_searchentry "
    "USING GIN (to_tsvector('simple'::regconfig, title_folded || ' ' || body_folded))",
    "CREATE INDEX IF NOT EXISTS portal_search_number_trgm ON portal_search_searchentry "
    "USING GIN (number_key gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS portal_search_title_trgm ON portal_search_searchentry "
    "USING GIN (title_folded gin_trgm_ops)",
]
BACKWARD = [
    "ALTER TABLE portal_search_searchentry RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS portal_search_fts",
    "DROP INDEX IF EXISTS portal_search_number_trgm",
    "DROP INDEX IF EXISTS portal_search_title_trgm",
]



class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(postgresql_only(FORWARD), postgresql_only(BACKWARD))]
