"""Index rows name their page type by its label (``news.NewsPage``), as the pages API does, instead of the
search's own slug (``news``): rewritten in place from each row's page content type, no re-index needed."""

from django.db import migrations, models

# The slugs before this migration, for going back.
OLD_SLUGS = {
    "news.NewsPage": "news",
    "news.DirectivePage": "directive",
    "procedures.ProcedurePage": "procedure",
    "disclosures.DisclosurePage": "disclosure",
    "participation.DraftPage": "draft",
}


def labels_from_content_types(apps, schema_editor):
    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    used = SearchEntry.objects.values_list("page__content_type", flat=True).distinct()
    for content_type in ContentType.objects.filter(pk__in=list(used)):
        try:
            model = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue  # an uninstalled type: its rows go at the next sync of their pages
        SearchEntry.objects.filter(page__content_type=content_type).update(page_type=model._meta.label)


def slugs_from_labels(apps, schema_editor):
    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    for label in SearchEntry.objects.values_list("page_type", flat=True).distinct():
        SearchEntry.objects.filter(page_type=label).update(page_type=OLD_SLUGS.get(label, "page"))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal_search", "0005_default_synonyms"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="page_type",
            field=models.CharField(max_length=100, verbose_name="Loại nội dung"),
        ),
        migrations.RunPython(labels_from_content_types, slugs_from_labels),
    ]
