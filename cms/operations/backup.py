"""Backup and restore of the whole portal: database rows and uploaded files in one archive.

The archive is a gzipped tar holding ``manifest.json`` (versions, the migrations applied, row counts and
a checksum per model, file checksums), ``data.json`` (every row in ``dumpdata`` format, primary keys kept,
content types and permissions first, so ``loaddata`` can read it too), ``media/`` (uploaded images and
documents) and ``private/`` (citizens' attachments, kept outside the media folder).

Rows are read and written with the models *of the migration state the database is in* (Django's
historical models), not the current code's, so an archive made by an older release loads into a database
migrated to that release's schema, which is then migrated forward (docs/operations.md, "Restore").
"""

import datetime
import decimal
import hashlib
import io
import json
import tarfile
import tempfile
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import base as serializer_base
from django.core.serializers.python import Deserializer
from django.db import connection, transaction
from django.db.migrations.exceptions import InvalidMigrationPlan, IrreversibleError
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from cms.core.cache import invalidate, invalidate_sites
from cms.operations.progress import Progress

FORMAT_VERSION = 2
# Format 1 archives (no migration list, no per-model checksums) were written by the release that
# introduced backups; they are loaded into the current schema.
READABLE_FORMATS = {1, 2}
# Sessions and login-attempt logs are not worth restoring (everyone logs in again). The search indexes
# are rebuilt rather than copied: Wagtail's by update_index, the portal's rows and vocabulary by
# rebuild_search_index. Search synonyms are editors' data and are kept.
# The operations records describe the machine that made them (its scheduler runs and backups), not the content.
EXCLUDED_APPS = {"sessions", "wagtailsearch", "axes", "operations"}
EXCLUDED_MODELS = {"portal_search.searchentry", "portal_search.searchword"}
# Loaded first, so that rows pointing at a content type or permission always find it (also for loaddata).
FIRST_MODELS = ("contenttypes.contenttype", "auth.permission")
# Folders of uploaded files: their name in the archive and the manifest, and the setting that locates them.
# "private" holds citizens' attachments (cms.participation.attachments), outside MEDIA_ROOT; archives made
# before it was added have no "private" entry and restore none.
FILE_FOLDERS = {"media": "MEDIA_ROOT", "private": "PARTICIPATION_PRIVATE_ROOT"}
BATCH = 500


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Migration states ---------------------------------------------------------------------------


def applied_migrations(executor: MigrationExecutor) -> set[tuple[str, str]]:
    """Migrations applied to the database, as the code's graph names them (squashed ones folded in)."""
    applied = executor.loader.applied_migrations or {}
    return {key for key in applied if key in executor.loader.graph.nodes}


def _code_migrations(executor: MigrationExecutor) -> set[tuple[str, str]]:
    return set(executor.loader.graph.nodes)


def _leaves(executor: MigrationExecutor, migrations: set[tuple[str, str]]) -> list[tuple[str, str]]:
    graph = executor.loader.graph
    return sorted(
        key for key in migrations if not any(child.key in migrations for child in graph.node_map[key].children)
    )


def _state_apps(executor: MigrationExecutor, migrations: set[tuple[str, str]]):
    """The historical models of the schema that exactly ``migrations`` give.

    Historical models even when the schema is the code's: they have no custom ``__init__`` or ``save``
    (Wagtail's ``Task()`` looks its content type up, and would create one in a table being restored).
    """
    return executor.loader.project_state(_leaves(executor, migrations), at_end=True).apps


def _targets(executor: MigrationExecutor, migrations: set[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """``migrate`` targets reaching exactly ``migrations``: each app's last one, or ``None`` to unapply an app."""
    targets = []
    for app_label in sorted({app for app, _ in _code_migrations(executor)}):
        leaves = _leaves(executor, {key for key in migrations if key[0] == app_label})
        if len(leaves) > 1:
            raise BackupError(f"the archive's migrations of {app_label} have several heads: {sorted(leaves)}")
        targets.append(leaves[0] if leaves else (app_label, None))
    return targets


# --- Rows ---------------------------------------------------------------------------------------


def dumped_models(registry) -> list:
    """Models whose rows go into the archive, content types and permissions first."""
    models = [
        model
        for model in registry.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
    ]
    first = [m for label in FIRST_MODELS for m in models if m._meta.label_lower == label]
    return first + [m for m in models if m not in first]


def _plain(value):
    """A JSON-native value, identical whichever database the row was read from."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _serialise(model) -> list[dict]:
    """Every row of ``model`` as dumpdata objects, many-to-many lists sorted."""
    rows = serializers.serialize("python", model._base_manager.order_by("pk").iterator(chunk_size=2000))
    m2m = [field.name for field in model._meta.many_to_many]
    for row in rows:
        row["model"] = model._meta.label_lower
        for name in m2m:
            if name in row["fields"]:
                row["fields"][name] = sorted(row["fields"][name], key=str)
    return _plain(rows)


def _canonical(value):
    # PostgreSQL's jsonb reorders keys and StreamField serialises to a JSON string: compare parsed JSON.
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def checksum(rows: Iterable[dict]) -> str:
    """Order-independent SHA-256 of rows (dumpdata objects), the same for SQLite and PostgreSQL."""
    lines = sorted(
        json.dumps(
            {"pk": row["pk"], "fields": {k: _canonical(v) for k, v in row["fields"].items()}},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for row in rows
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def database_rows(registry) -> dict[str, dict]:
    """Row count and checksum of every archived model in the database as it is now."""
    return {
        model._meta.label_lower: {"count": len(rows), "sha256": checksum(rows)}
        for model in dumped_models(registry)
        for rows in [_serialise(model)]
    }


# --- Backup -------------------------------------------------------------------------------------


def _folder_files(folder: str) -> tuple[Path, list[Path]]:
    root = Path(getattr(settings, FILE_FOLDERS[folder]))
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
    return root, files


def create_backup(output: Path, stdout=None) -> dict:
    """Write the archive to ``output`` and return its manifest; progress goes to ``stdout`` when given."""
    quiet = stdout is None
    folders = {folder: _folder_files(folder) for folder in FILE_FOLDERS}
    executor = MigrationExecutor(connection)
    with tempfile.TemporaryDirectory() as workdir:
        data_path = Path(workdir) / "data.json"
        rows = {}
        # One transaction, so rows, counts and the migration list describe the same moment.
        with transaction.atomic(), data_path.open("w", encoding="utf-8") as data:
            migrations = applied_migrations(executor)
            data.write("[")
            first = True
            models = dumped_models(_state_apps(executor, migrations))
            progress = Progress(stdout, len(models), "Database tables", "tables", quiet)
            for model in models:
                progress.update()
                objects = _serialise(model)
                rows[model._meta.label_lower] = {"count": len(objects), "sha256": checksum(objects)}
                for obj in objects:
                    data.write("\n" if first else ",\n")
                    json.dump(obj, data, ensure_ascii=False)
                    first = False
            data.write("\n]\n")
            progress.close()
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": connection.vendor,
            "migrations": sorted([app, name] for app, name in migrations),
            "rows": rows,
            "data_sha256": _sha256(data_path),
            **{folder: _file_checksums(folder, *folders[folder], stdout) for folder in FILE_FOLDERS},
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            payload = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
            archive.add(data_path, arcname="data.json")
            for folder, (root, files) in folders.items():
                with Progress(stdout, len(files), f"Archiving {folder}", "files", quiet) as progress:
                    for path in files:
                        archive.add(path, arcname=f"{folder}/{path.relative_to(root)}")
                        progress.update()
    return manifest


def _file_checksums(folder: str, root: Path, files: list[Path], stdout) -> dict[str, str]:
    checksums = {}
    with Progress(stdout, len(files), f"{folder.capitalize()} checksums", "files", stdout is None) as progress:
        for path in files:
            checksums[str(path.relative_to(root))] = _sha256(path)
            progress.update()
    return checksums


# --- Reading and verifying an archive -----------------------------------------------------------


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        member = archive.extractfile("manifest.json")
        if member is None:
            raise BackupError("manifest.json is missing")
        return json.load(member)


@dataclass
class Archive:
    """An extracted archive whose every checksum has been verified."""

    manifest: dict
    root: Path
    objects: list[dict]

    @property
    def migrations(self) -> set[tuple[str, str]] | None:
        listed = self.manifest.get("migrations")
        return None if listed is None else {tuple(item) for item in listed}


def _rows_by_model(objects: list[dict]) -> dict[str, list[dict]]:
    by_model: dict[str, list[dict]] = {}
    for obj in objects:
        by_model.setdefault(obj["model"], []).append(obj)
    return by_model


def open_archive(archive_path: Path, workdir: Path) -> Archive:
    """Extract into ``workdir`` and check the format, every file's checksum and every model's rows."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links outside and device files.
            archive.extractall(workdir, filter="data")
        manifest = json.loads((workdir / "manifest.json").read_text())
    except (tarfile.TarError, OSError, ValueError, EOFError, zlib.error) as error:
        # zlib.error and EOFError: a damaged or cut gzip stream, which tarfile does not wrap.
        raise BackupError(f"not a portal backup: {error}") from error
    if manifest.get("format") not in READABLE_FORMATS:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    data_path = workdir / "data.json"
    if not data_path.is_file() or _sha256(data_path) != manifest.get("data_sha256"):
        raise BackupError("data.json does not match its checksum")
    for folder in FILE_FOLDERS:
        for name, expected in manifest.get(folder, {}).items():
            path = workdir / folder / name
            if not path.is_file() or _sha256(path) != expected:
                raise BackupError(f"{folder} file {name} is missing or damaged")
    objects = json.loads(data_path.read_text(encoding="utf-8"))
    if manifest["format"] >= 2:
        by_model = _rows_by_model(objects)
        for label, expected in manifest["rows"].items():
            found = by_model.pop(label, [])
            if len(found) != expected["count"] or checksum(found) != expected["sha256"]:
                raise BackupError(f"the rows of {label} in data.json do not match the manifest")
        if by_model:
            raise BackupError(f"data.json holds rows the manifest does not list: {sorted(by_model)}")
    return Archive(manifest=manifest, root=workdir, objects=objects)


def verify_archive(archive_path: Path) -> dict:
    """Check an archive completely without touching the database or the media folder."""
    with tempfile.TemporaryDirectory() as workdir:
        return open_archive(archive_path, Path(workdir)).manifest


# --- Restore ------------------------------------------------------------------------------------


class _StateDeserializer(Deserializer):
    """Django's deserializer reading models from a migration state rather than the current code."""

    def __init__(self, objects, registry, **options):
        super().__init__(objects, **options)
        self.registry = registry

    def _get_model_from_node(self, model_identifier):
        try:
            return self.registry.get_model(model_identifier)
        except (LookupError, TypeError) as error:
            raise serializer_base.DeserializationError(f"Invalid model identifier: {model_identifier}") from error


def _flush(registry) -> None:
    """Empty every table of the state's models (content types included), so archived keys load as they were."""
    existing = set(connection.introspection.table_names())
    tables = set()
    for model in registry.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in existing:
            tables.add(model._meta.db_table)
    if connection.vendor == "postgresql":
        # TRUNCATE is refused while deferred foreign-key checks are pending (restore inside an outer
        # transaction, as in tests): run them now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), sorted(tables), reset_sequences=True))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _insert(objects: list[dict], registry) -> None:
    """Insert rows as they are (no save(), no signals), each table's own columns only, in batches."""
    pending: dict = {}
    links: dict = {}
    for item in _StateDeserializer(objects, registry):
        model = type(item.object)
        pending.setdefault(model, []).append(item.object)
        for name, values in item.m2m_data.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            if through._meta.auto_created:
                for value in values:
                    links.setdefault(through, []).append(
                        through(
                            **{
                                f"{field.m2m_field_name()}_id": item.object.pk,
                                f"{field.m2m_reverse_field_name()}_id": value,
                            }
                        )
                    )
    for model, instances in [*pending.items(), *links.items()]:
        fields = [f for f in model._meta.local_concrete_fields if not (f.primary_key and model in links)]
        size = connection.ops.bulk_batch_size(fields, instances) or BATCH
        for start in range(0, len(instances), min(size, BATCH)):
            model._base_manager._insert(
                instances[start : start + min(size, BATCH)], fields=fields, raw=True, using=connection.alias
            )
    models = list(pending) + list(links)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    connection.check_constraints(table_names=[model._meta.db_table for model in models])


def _database_tables() -> list[str]:
    return [
        name for name in connection.introspection.table_names() if name != MigrationRecorder.Migration._meta.db_table
    ]


@dataclass
class RestorePlan:
    """What restore does to this database: migrate first to the archive's schema, and forward afterwards."""

    archive: set[tuple[str, str]]
    database: set[tuple[str, str]]
    code: set[tuple[str, str]]

    @property
    def migrate_before(self) -> bool:
        return self.archive != self.database

    @property
    def migrate_after(self) -> bool:
        return self.archive != self.code


def plan_restore(archive: Archive, executor: MigrationExecutor) -> RestorePlan:
    code = _code_migrations(executor)
    database = applied_migrations(executor)
    if not database and _database_tables():
        raise BackupError(
            "the database holds tables but no migration history: restore into an empty database "
            "(create one and point DATABASE_URL at it) or into a migrated portal database"
        )
    wanted = archive.migrations
    if wanted is None:
        # Format 1: the schema of the release that wrote it, which is this code's.
        wanted = code
    unknown = wanted - code
    if unknown:
        raise BackupError(
            f"the archive was made by a newer release (migrations this code lacks: {sorted(unknown)[:5]}…); "
            "install that release or a newer one, then restore"
        )
    return RestorePlan(archive=wanted, database=database, code=code)


def restore_backup(archive_path: Path, stdout=None) -> dict:
    """Replace the database contents and uploaded files with the archive's; every checksum is verified first.

    An empty database is first migrated to the archive's schema; a database at another schema is
    migrated (forwards or backwards) to it. Rows are replaced in one transaction and compared with the
    manifest before it commits. Then the database is migrated forward to this code's schema. Progress goes
    to ``stdout`` when given.
    """
    quiet = stdout is None
    with tempfile.TemporaryDirectory() as workdir:
        archive = open_archive(archive_path, Path(workdir))
        executor = MigrationExecutor(connection)
        plan = plan_restore(archive, executor)
        if plan.migrate_before:
            try:
                executor.migrate(_targets(executor, plan.archive))
            except (InvalidMigrationPlan, IrreversibleError) as error:
                raise BackupError(
                    f"this database cannot be migrated to the archive's schema ({error}); restore into an "
                    "empty database instead: create it, point DATABASE_URL at it and run restore again"
                ) from error
            executor = MigrationExecutor(connection)
        registry = _state_apps(executor, plan.archive)
        with transaction.atomic(), Progress(stdout, len(archive.objects), "Loading rows", "rows", quiet) as progress:
            _flush(registry)
            _insert(archive.objects, registry)
            progress.set(len(archive.objects))
            if archive.manifest["format"] >= 2:
                found = database_rows(registry)
                for label, expected in archive.manifest["rows"].items():
                    if found.get(label) != expected:
                        raise BackupError(
                            f"{label}: restored rows differ from the archive ({found.get(label)} != {expected})"
                        )
        ContentType.objects.clear_cache()

        for folder, setting in FILE_FOLDERS.items():
            root, names = Path(getattr(settings, setting)), archive.manifest.get(folder, {})
            with Progress(stdout, len(names), f"Restoring {folder}", "files", quiet) as progress:
                for name in names:
                    target = root / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes((archive.root / folder / name).read_bytes())
                    progress.update()
    if plan.migrate_after:
        # post_migrate adds content types and permissions of models newer than the archive.
        call_command("migrate", interactive=False, verbosity=0)
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    # Rows were written without signals: running servers drop every cached API response and site lookup.
    invalidate()
    invalidate_sites()
    return archive.manifest
