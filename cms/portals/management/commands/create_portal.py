import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.portals.provision import PortalSpec, Provisioner


class Command(BaseCommand):
    help = (
        "Create a complete, empty portal (site, homes per language, sections, collection, editorial groups, "
        "approval workflow). Idempotent: a second run creates only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='The unit\'s name, e.g. "Xã Vân Hồ".')
        parser.add_argument("--hostname", required=True, help="e.g. vanho.sonla.gov.vn or vanho.localhost")
        parser.add_argument("--port", type=int, default=80, help="Only when one host name serves several ports.")
        parser.add_argument("--languages", default="", help="Comma-separated, default language first (vi,en).")
        parser.add_argument("--parent", default="", help="Host name of the portal above (the province's).")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be created; change nothing.")

    def handle(self, *args, **options):
        spec = PortalSpec(
            name=options["name"].strip(),
            hostname=options["hostname"].strip().lower(),
            port=options["port"],
            languages=tuple(code.strip() for code in options["languages"].split(",") if code.strip()),
            parent_hostname=options["parent"].strip().lower(),
        )
        started = time.perf_counter()
        try:
            provisioner = Provisioner(spec)
            provisioner.run(dry_run=options["dry_run"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        seconds = time.perf_counter() - started
        verb = "Would create" if options["dry_run"] else "Created"
        for change in provisioner.changes:
            self.stdout.write(f"  + {change}")
        if not provisioner.changes:
            self.stdout.write(self.style.SUCCESS(f"Nothing to change: {spec.name} ({spec.hostname}) is complete."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{verb} {len(provisioner.changes)} items for {spec.name} in {seconds:.1f} s.")
            )
