"""PostgreSQL: match on a stored, position-less tsvector instead of the to_tsvector() expression index.

Measured at 100,000 pages: for a common word ("moc chau" matches half the portal) the planner walks the
(locale, date) index newest first and tests each row until it has enough; with the expression index each
test re-parses the row's detoasted body (about 0.4 ms a row, 640 ms a search). A stored ``strip()``-ed
tsvector (about 1 KB, positions are never used: queries are plain AND) kept in the row with STORAGE MAIN
makes each test a cheap lookup; the titles ranking reads stay in the row too. With the candidate
limit of search.query, searches at 100,000 pages now take 4-50 ms instead of 250-640 ms (26 s for a
directive number, whose OR with the text match defeated both indexes). The UPDATE below rewrites every
row: on a large existing index run VACUUM FULL portal_search_searchentry afterwards to compact the table. A trigger computes it,
so bulk inserts and any future writer get it without Python code. SQLite keeps the column NULL and uses LIKE.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

from search.postgres import postgresql_only

DOCUMENT = "strip(to_tsvector('simple'::regconfig, NEW.title_folded || ' ' || NEW.body_folded))"

FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION portal_search_document() RETURNS trigger AS $$
    BEGIN
        NEW.document := {DOCUMENT};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER portal_search_document BEFORE INSERT OR UPDATE ON portal_search_searchentry "
    "FOR EACH ROW EXECUTE FUNCTION portal_search_document()",
    # Also under session_replication_role = replica (bench_search's bulk COPY, logical replication).
    "ALTER TABLE portal_search_searchentry ENABLE ALWAYS TRIGGER portal_search_document",
    # In the row (compressed), with the short columns that ranking reads: with the table's toast_tuple_target
    # of 256 (0002) every other column would be moved out of line, titles included, costing a detoast each.
    *(
        f"ALTER TABLE portal_search_searchentry ALTER COLUMN {column} SET STORAGE MAIN"
        for column in ("document", "title", "title_folded", "title_exact", "number_key")
    ),
    "UPDATE portal_search_searchentry SET document = NULL",  # rewrites every row; the trigger fills it in
    "CREATE INDEX portal_search_document ON portal_search_searchentry USING GIN (document)",
    "DROP INDEX IF EXISTS portal_search_fts",
]
BACKWARD = [
    *(
        f"ALTER TABLE portal_search_searchentry ALTER COLUMN {column} SET STORAGE EXTENDED"
        for column in ("title", "title_folded", "title_exact", "number_key")
    ),
    "CREATE INDEX IF NOT EXISTS portal_search_fts ON portal_search_searchentry "
    "USING GIN (to_tsvector('simple'::regconfig, title_folded || ' ' || body_folded))",
    "DROP INDEX IF EXISTS portal_search_document",
    "DROP TRIGGER IF EXISTS portal_search_document ON portal_search_searchentry",
    "DROP FUNCTION IF EXISTS portal_search_document()",
]



class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_postgresql_indexes")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="document",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(postgresql_only(FORWARD), postgresql_only(BACKWARD)),
    ]
