"""Seeded states kept for later runs (``BENCH_SNAPSHOTS``): seeding 100,000 pages takes hours, measuring minutes.

The snapshot of size N is the database right after seeding N pages and rebuilding the search index, with the
media folder (``<folder>/s<N>-media``) and a manifest (``<folder>/s<N>.json``: when and on which commit it was
made, how long seeding and indexing took, at what load). The manifest is written last and removed first, so a
snapshot without one is unfinished and is made again.

- SQLite: ``<folder>/s<N>.sqlite3``, copied with SQLite's backup API (consistent even with a WAL beside it).
- PostgreSQL: the database ``<name>_s<N>``, created with the run's database as its template; restoring
  re-creates the run's database (whatever its name) from it the same way. The manifest names it.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

POSTGRES = """
import sys, dj_database_url, psycopg
cfg = dj_database_url.parse(sys.argv[1])
conn = psycopg.connect(host=cfg["HOST"] or None, port=cfg["PORT"] or None, user=cfg["USER"] or None,
                       password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True)
"""

COPY_POSTGRES = (
    POSTGRES  # noqa: S608 - a script for psycopg, the names from DATABASE_URL and this module
    + """
source, target = sys.argv[2], sys.argv[3]
# A template may have no other session: the run's own commands have exited, anything left over is ended.
conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [source])
conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
# FILE_COPY (PostgreSQL 15+) copies the files instead of writing gigabytes through the WAL.
strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"{strategy}')
"""
)


def copy_sqlite(source: Path, target: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


def copy_folder(source: Path, target: Path):
    shutil.rmtree(target, ignore_errors=True)
    if source.exists():
        shutil.copytree(source, target)


class Snapshots:
    """One snapshot per size in ``config.snapshots`` (None: none are kept or used)."""

    def __init__(self, config):
        self.config = config
        self.folder = config.snapshots

    def _manifest(self, size: int) -> Path:
        return self.folder / f"s{size}.json"

    def _copy_postgres(self, source: str, target: str):
        config = self.config
        subprocess.run([config.python, "-c", COPY_POSTGRES, config.database_url, source, target], check=True)

    def find(self, size: int) -> dict | None:
        """The manifest of this size's finished snapshot, if there is one."""
        if self.folder is None or not self._manifest(size).exists():
            return None
        manifest = json.loads(self._manifest(size).read_text(encoding="utf-8"))
        expected = {"database": self.config.vendor, "portals": self.config.portals}
        if {key: manifest.get(key) for key in expected} != expected:
            raise SystemExit(f"{self._manifest(size)} was made with {manifest}, not {expected}: another folder?")
        return manifest

    def save(self, size: int, facts: dict) -> dict:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._manifest(size).unlink(missing_ok=True)
        if self.config.vendor == "SQLite":
            copy_sqlite(self.config.sqlite_path, self.folder / f"s{size}.sqlite3")
        else:
            facts["postgres_database"] = f"{self.config.database_name}_s{size}"
            self._copy_postgres(self.config.database_name, facts["postgres_database"])
        copy_folder(self.config.out / "media", self.folder / f"s{size}-media")
        manifest = {
            "size": size,
            "database": self.config.vendor,
            "portals": self.config.portals,
            "made": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            **facts,
            "load_average": [round(value, 1) for value in os.getloadavg()],
        }
        self._manifest(size).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        return manifest

    def restore(self, size: int, manifest: dict):
        """The run's database and media as the snapshot holds them; caches of an earlier state are dropped."""
        if self.config.vendor == "SQLite":
            copy_sqlite(self.folder / f"s{size}.sqlite3", self.config.sqlite_path)
        else:
            # Snapshots made before the manifest named their database are named after the run's database.
            kept = manifest.get("postgres_database", f"{self.config.database_name}_s{size}")
            self._copy_postgres(kept, self.config.database_to_drop())
        copy_folder(self.folder / f"s{size}-media", self.config.out / "media")
        shutil.rmtree(self.config.out / "page-cache", ignore_errors=True)
        (self.config.out / "content-generation").unlink(missing_ok=True)
