from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.operations.backup import BackupError, read_manifest, restore_backup
from cms.operations.progress import add_quiet_argument, is_quiet


class Command(BaseCommand):
    help = (
        "Replace the database and media files with those of a backup archive (made by `backup`). "
        "An empty database is migrated to the archive's schema first; an older archive is migrated forward."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="Do not ask to confirm.")
        add_quiet_argument(parser)

    def handle(self, *args, path, interactive=True, **options):
        if not path.is_file():
            raise CommandError(f"No such archive: {path}")
        try:
            manifest = read_manifest(path)
        except Exception as error:  # anything unreadable is "not a backup"
            raise CommandError(f"Not a portal backup: {error}") from error
        if interactive:
            answer = input(f"Replace ALL data with the backup of {manifest.get('created_at')}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(path, stdout=None if is_quiet(options) else self.stdout)
        except BackupError as error:
            raise CommandError(f"Backup refused: {error}") from error
        if not is_quiet(options):
            self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created_at']}."))
