"""Portal settings per site (issue 18): each portal (Wagtail Site) has its own name, contact details and footer.

The one existing row becomes the default site's; the installation's other sites get theirs when first read
or from create_portal.
"""

import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    PortalSettings = apps.get_model("cms", "PortalSettings")
    default = Site.objects.filter(is_default_site=True).first()
    rows = list(PortalSettings.objects.order_by("pk"))
    if default is None:
        PortalSettings.objects.all().delete()  # no site to belong to (an empty database): nothing to keep
        return
    for row in rows[1:]:
        row.delete()
    if rows:
        rows[0].site = default
        rows[0].save(update_fields=["site"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_root_page_title"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="portalsettings",
            name="site",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="portalsettings",
            name="site",
            field=models.OneToOneField(
                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="portal_name",
            field=models.CharField(
                blank=True,
                help_text="Để trống: tên của trang (site) trong Wagtail.",
                max_length=255,
                verbose_name="Tên cổng",
            ),
        ),
    ]
