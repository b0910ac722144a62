"""Wagtail's migrations name the root page and the root collection "Root"; editors meet both in the admin (the
page chooser, the history, the collection filters). They are data, so no catalogue translates them: give them
the glossary's names (docs/glossary-vi.md).
"""

from django.db import migrations

ROOT_PAGE = "Trang gốc"
ROOT_COLLECTION = "Thư mục gốc"


def rename_roots(apps, schema_editor):
    pages = apps.get_model("wagtailcore", "Page").objects.filter(depth=1)
    pages.filter(title="Root").update(title=ROOT_PAGE)
    pages.filter(draft_title="Root").update(draft_title=ROOT_PAGE)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION)


def restore_roots(apps, schema_editor):
    pages = apps.get_model("wagtailcore", "Page").objects.filter(depth=1)
    pages.filter(title=ROOT_PAGE).update(title="Root")
    pages.filter(draft_title=ROOT_PAGE).update(draft_title="Root")
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=ROOT_COLLECTION).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_page_children_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_roots, restore_roots)]
