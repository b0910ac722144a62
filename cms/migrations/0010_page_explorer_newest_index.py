"""An index on Wagtail's page table for the explorer's default order: a section's children, newest edit first.

The explorer lists a page's children 50 at a time ordered by ``-latest_revision_created_at`` (Wagtail's
``Page.admin_default_ordering``; NULLs last). Without an index in that order the database read and sorted every
child of the section for each screen: a sequential scan and a top-N sort of the 16,003 children of the province's
news section (25 ms on PostgreSQL), growing with the section (80,000 children at 100,000 pages). With
``(depth, latest_revision_created_at)`` the children's depth is one range of the index, already in order: the
database stops after the 50 rows it shows, whatever the size of the section (1 ms at 16,003 and at 36,003
children; 82–135 ms without it at 36,003). PostgreSQL sorts NULLs after every date, so its index says
``DESC NULLS LAST`` (scanned backwards it also serves the oldest-first order, ``NULLS FIRST``); SQLite sorts them
first, so its plain index read backwards is that order already.
"""

from django.db import migrations

NAME = "portal_page_children_newest"


def create(apps, schema_editor):
    newest = "latest_revision_created_at"
    if schema_editor.connection.vendor == "postgresql":
        newest += " DESC NULLS LAST"
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page (depth, {newest})")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_portal_settings_emblem_footer_cors"),
    ]

    operations = [migrations.RunPython(create, drop)]
