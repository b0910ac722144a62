"""Backup and restore of the whole portal: database rows and media files in one archive.

The archive is a gzipped tar holding ``manifest.json`` (versions, row counts, file checksums),
``data.json`` (``dumpdata`` of every app with primary keys kept, content types included, so it
loads into any migrated database, SQLite or PostgreSQL) and ``media/`` (uploaded images and documents).
"""

import datetime
import hashlib
import io
import json
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

FORMAT_VERSION = 1
# Rebuilt rather than copied: the search index by update_index; sessions and login-attempt
# logs are not worth restoring (everyone logs in again).
EXCLUDED_MODELS = [
    "sessions",
    "wagtailsearch",
    "axes",
]


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _row_counts() -> dict[str, int]:
    excluded = set(EXCLUDED_MODELS)
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.proxy or label in excluded or model._meta.app_label in excluded:
            continue
        counts[label] = model._base_manager.count()
    return counts


def create_backup(output: Path) -> dict:
    """Write the archive to ``output`` and return its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
    with tempfile.TemporaryDirectory() as workdir:
        data_path = Path(workdir) / "data.json"
        # One transaction, so rows and counts describe the same moment.
        with transaction.atomic():
            call_command(
                "dumpdata",
                exclude=EXCLUDED_MODELS,
                output=str(data_path),
                verbosity=0,
            )
            counts = _row_counts()
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": connection.vendor,
            "rows": counts,
            "data_sha256": _sha256(data_path),
            "media": {str(p.relative_to(media_root)): _sha256(p) for p in media_files},
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            payload = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
            archive.add(data_path, arcname="data.json")
            for path in media_files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root)}")
    return manifest


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        member = archive.extractfile("manifest.json")
        if member is None:
            raise BackupError("manifest.json is missing")
        return json.load(member)


def _set_constraints(mode: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


def restore_backup(archive_path: Path) -> dict:
    """Replace the database contents and media files with the archive's; checksums are verified first."""
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        with tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links outside and device files.
            archive.extractall(workdir, filter="data")
        manifest = json.loads((workdir / "manifest.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        if _sha256(workdir / "data.json") != manifest["data_sha256"]:
            raise BackupError("data.json does not match its checksum")
        for name, checksum in manifest["media"].items():
            path = workdir / "media" / name
            if not path.is_file() or _sha256(path) != checksum:
                raise BackupError(f"media file {name} is missing or damaged")

        with transaction.atomic():
            # PostgreSQL refuses TRUNCATE while deferred foreign-key checks are pending, as they are
            # when restore runs inside an outer transaction: run them now, defer again for loaddata.
            _set_constraints("IMMEDIATE")
            # Empty every table, content types included, so the archive's primary keys load as they were.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            _set_constraints("DEFERRED")
            call_command("loaddata", str(workdir / "data.json"), verbosity=0)
        ContentType.objects.clear_cache()

        media_root = Path(settings.MEDIA_ROOT)
        for name in manifest["media"]:
            target = media_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((workdir / "media" / name).read_bytes())
    call_command("update_index", verbosity=0)
    return manifest
