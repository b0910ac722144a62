"""The reviewed default abbreviations (search/synonyms_default.py); terms already present are left alone."""

from django.db import migrations


def forward(apps, schema_editor):
    from search.synonyms_default import load_defaults

    load_defaults(apps.get_model("portal_search", "SearchSynonym"))


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_words_synonyms_facets")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
