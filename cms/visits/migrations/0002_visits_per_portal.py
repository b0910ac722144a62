"""A visitor counter per portal (issue 18): each row names its portal's site id; the figures counted so far
are the default site's (the province's)."""

from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    default = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
    if default is not None:
        apps.get_model("visits", "DailyVisits").objects.update(site=default)
        apps.get_model("visits", "OnlineVisitor").objects.update(site=default)


class Migration(migrations.Migration):

    dependencies = [
        ('visits', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='dailyvisits',
            name='site',
            field=models.PositiveIntegerField(default=0, verbose_name='Cổng'),
        ),
        migrations.AddField(
            model_name='onlinevisitor',
            name='site',
            field=models.PositiveIntegerField(default=0, verbose_name='Cổng'),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='dailyvisits',
            name='day',
            field=models.DateField(verbose_name='Ngày'),
        ),
        migrations.AlterField(
            model_name='onlinevisitor',
            name='visitor',
            field=models.CharField(max_length=64),
        ),
        migrations.AddConstraint(
            model_name='dailyvisits',
            constraint=models.UniqueConstraint(fields=('site', 'day'), name='visits_one_row_per_portal_day'),
        ),
        migrations.AddConstraint(
            model_name='onlinevisitor',
            constraint=models.UniqueConstraint(fields=('site', 'visitor'), name='visits_one_row_per_portal_visitor'),
        ),
    ]
