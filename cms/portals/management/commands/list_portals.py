from django.core.management.base import BaseCommand
from wagtail.models import Site

from cms.portals.models import Portal


class Command(BaseCommand):
    help = "List the installation's portals: host, name, level above, status."

    def handle(self, *args, **options):
        portals = {portal.site_id: portal for portal in Portal.objects.select_related("parent")}
        rows = []
        for site in Site.objects.order_by("-is_default_site", "hostname", "port"):
            portal = portals.pop(site.pk, None)
            status = portal.get_status_display() if portal else "—"
            parent = portal.parent.hostname if portal and portal.parent else ""
            default = " (default)" if site.is_default_site else ""
            rows.append((f"{site.hostname}:{site.port}{default}", site.site_name or str(site), parent, str(status)))
        for portal in portals.values():  # archived portals have no site any more
            rows.append((f"{portal.hostname}:{portal.port}", portal.name, "", str(portal.get_status_display())))
        widths = [max(len(row[n]) for row in [("Host", "Name", "Parent", "Status"), *rows]) for n in range(4)]
        for row in [("Host", "Name", "Parent", "Status"), *rows]:
            self.stdout.write("  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)))
