"""A partial index on Wagtail's page table for the menu: the few pages shown in menus, by path.

The menu (``portal_tags._menu_tree``) asks for ``show_in_menus`` pages under the home page down to three
levels: ``path LIKE home% AND depth <= home+3 AND show_in_menus``. Articles sit at depth 4, inside that range,
so neither the path nor the (depth, path) index (0004) narrows it: every uncached page scanned the whole page
table (133 ms at 120,000 pages on PostgreSQL under load; the home page's growth from 24 to 121 ms at 100,000
pages on SQLite). Only a few dozen pages are in menus: an index of just those makes the query read them alone.
PostgreSQL and SQLite support partial indexes; elsewhere nothing is created.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS portal_page_in_menus ON wagtailcore_page (path) WHERE show_in_menus"
DROP = "DROP INDEX IF EXISTS portal_page_in_menus"


def create(apps, schema_editor):
    if schema_editor.connection.features.supports_partial_indexes:
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.features.supports_partial_indexes:
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_portal_settings_per_site"),
    ]

    operations = [migrations.RunPython(create, drop)]
