"""Banner slides per portal (issue 18): each slide belongs to one portal (Wagtail Site); the existing ones to
the default site's (the province's)."""

import django.db.models.deletion
from django.db import migrations, models

import cms.core.sites


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    BannerSlide = apps.get_model("home", "BannerSlide")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        BannerSlide.objects.filter(site__isnull=True).update(site=default)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_raw_html_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="bannerslide",
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
            model_name="bannerslide",
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
    ]
