"""Statistics per portal (issue 18): each figure belongs to one portal (Wagtail Site); the existing ones to the
default site's (the province's). The uniqueness of a figure's label and date is per portal and language."""

import django.db.models.deletion
from django.db import migrations, models

import cms.core.sites


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Statistic = apps.get_model("cms", "Statistic")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        Statistic.objects.filter(site__isnull=True).update(site=default)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_page_menu_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="statistic",
            name="cms_statistic_unique_label_date_per_locale",
        ),
        migrations.AddField(
            model_name="statistic",
            name="site",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.site",
                verbose_name="Cổng thông tin",
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statistic",
            name="site",
            field=models.ForeignKey(
                blank=True,
                default=cms.core.sites.default_site_id,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.site",
                verbose_name="Cổng thông tin",
            ),
        ),
        migrations.AddConstraint(
            model_name="statistic",
            constraint=models.UniqueConstraint(
                fields=("site", "locale", "label", "reference_date"),
                name="cms_statistic_unique_label_date_per_portal_locale",
            ),
        ),
    ]
