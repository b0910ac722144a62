"""An index on Wagtail's page table for "the live children of a page" (menus, section lists).

treebeard asks for children as ``depth = d AND path BETWEEN parent AND parent+'ZZZZ'``; every page of the
portal lies under the home page, so the path range selects the whole tree and only ``depth`` narrows it.
Without an index that starts with depth, the menu query of every public page scanned the whole page table
(5 ms at 10,000 pages on PostgreSQL, growing with the portal); with it the query reads only the children.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_portal_settings_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS portal_page_depth_path",
        ),
    ]
