from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database and media files into one .tar.gz archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Archive path (default: backups/portal-<time>.tar.gz)")

    def handle(self, *args, output=None, **options):
        output = output or Path("backups") / f"portal-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = create_backup(output)
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {output}: {rows} rows, {len(manifest['media'])} media files.")
        )
