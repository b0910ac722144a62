"""PostgreSQL: a narrow, covering index for the title candidates of a search (search.query.search_parsed).

The title step keeps the newest ``MAX_RANKED + 1`` rows whose folded title holds every word. Index rows are
wide (the stored tsvector and the titles are kept in the row, 0003), so at 100,000 pages reading 20,000
title matches cost 27,000 heap pages ("moc chau", issue 23). This index holds everything that step reads
(with the type and portal filters), in the order it wants (language, newest first, then page id), so it is answered by an index-only scan
of a narrow index that stops at the thousandth match and never touches the table. SQLite has no INCLUDE
and uses LIKE on the table (see the README).

On an existing database the index is built in place (a few seconds at 100,000 rows, writes to the table
wait meanwhile); VACUUM keeps the table's visibility map current so the scan needs no table reads.
"""

from django.db import migrations

from search.postgres import postgresql_only

FORWARD = [
    "CREATE INDEX IF NOT EXISTS portal_search_title_candidates ON portal_search_searchentry "
    "(locale_id, date DESC, page_id DESC) INCLUDE (expire_at, page_type, path, title_folded)",
]
BACKWARD = ["DROP INDEX IF EXISTS portal_search_title_candidates"]


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_page_type_labels")]

    operations = [migrations.RunPython(postgresql_only(FORWARD), postgresql_only(BACKWARD))]
