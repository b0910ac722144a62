from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.portals.retire import archive, make_read_only


class Command(BaseCommand):
    help = (
        "Retire a portal without losing content: --read-only keeps it online but frozen for its editors; "
        "--archive also takes it offline (its site goes, its pages and records stay)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--port", type=int, default=80)
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--read-only", action="store_true")
        mode.add_argument("--archive", action="store_true")

    def handle(self, *args, **options):
        step = archive if options["archive"] else make_read_only
        try:
            portal, changes = step(options["hostname"].strip().lower(), options["port"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for change in changes:
            self.stdout.write(f"  - {change}")
        self.stdout.write(self.style.SUCCESS(f"{portal.name}: {portal.get_status_display()}."))
