from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.operations import records
from cms.operations.backup import BackupError, create_backup, verify_archive
from cms.operations.progress import add_quiet_argument, is_quiet


class Command(BaseCommand):
    help = (
        "Back up the database, media and private files into one .tar.gz archive with a manifest, then check the "
        "archive's checksums; --verify ARCHIVE checks an existing archive without touching anything. Results are "
        "recorded for the admin's health page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Archive path (default: backups/portal-<time>.tar.gz)")
        parser.add_argument(
            "--verify", type=Path, metavar="ARCHIVE", help="Check every checksum of an archive; writes nothing"
        )
        add_quiet_argument(parser)

    def handle(self, *args, output=None, verify=None, **options):
        quiet = is_quiet(options)
        if verify is not None:
            self.verify(verify, quiet)
            return
        output = output or Path("backups") / f"portal-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            manifest = create_backup(output, stdout=None if quiet else self.stdout)
        except Exception as error:
            failure = f"{error.__class__.__name__}: {error}"[:300]
            records.record(records.BACKUP, ok=False, path=str(output), error=failure)
            raise
        rows = sum(entry["count"] for entry in manifest["rows"].values())
        records.record(
            records.BACKUP,
            path=str(output.resolve()),
            size=output.stat().st_size,
            rows=rows,
            media=len(manifest["media"]),
            private=len(manifest["private"]),
        )
        # The archive as written on disk, read back with the same check as --verify and restore.
        try:
            verify_archive(output)
        except BackupError as error:
            records.record(records.BACKUP_VERIFY, ok=False, path=str(output.resolve()), error=str(error)[:300])
            raise CommandError(f"The archive {output} failed its check: {error}") from error
        records.record(records.BACKUP_VERIFY, path=str(output.resolve()))
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backup written to {output} and checked: {rows} rows, {len(manifest['media'])} media files, "
                    f"{len(manifest['private'])} private files."
                )
            )

    def verify(self, path: Path, quiet: bool) -> None:
        if not path.is_file():
            raise CommandError(f"No such archive: {path}")
        try:
            manifest = verify_archive(path)
        except BackupError as error:
            records.record(records.BACKUP_VERIFY, ok=False, path=str(path.resolve()), error=str(error)[:300])
            raise CommandError(f"Archive refused: {error}") from error
        records.record(records.BACKUP_VERIFY, path=str(path.resolve()))
        if quiet:
            return
        rows = manifest["rows"]
        count = sum(entry["count"] if isinstance(entry, dict) else entry for entry in rows.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{path} is intact: backup of {manifest['created_at']} (format {manifest['format']}, "
                f"Wagtail {manifest['wagtail']}, {manifest['database']}), {count} rows of {len(rows)} models, "
                f"{len(manifest['media'])} media files; every checksum matches."
            )
        )
