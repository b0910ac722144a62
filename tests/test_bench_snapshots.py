"""The benchmark harness's snapshots (bench/snapshots.py, ``BENCH_SNAPSHOTS``): seed once, measure many times."""

import importlib.util
import sqlite3
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest

# bench/ is a folder of scripts, not a package: the module is loaded from its file.
_spec = importlib.util.spec_from_file_location(
    "bench_snapshots", Path(__file__).parent.parent / "bench" / "snapshots.py"
)
snapshots_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshots_module)
Snapshots = snapshots_module.Snapshots


def test_a_snapshot_brings_back_the_seeded_database_and_media(tmp_path):
    """bench/snapshots.py (BENCH_SNAPSHOTS): what a later run measures is the state saved, whatever came between."""
    out = tmp_path / "out"
    (out / "media").mkdir(parents=True)
    (out / "media" / "seeded.txt").write_text("seeded")
    database = out / "bench.sqlite3"
    config = SimpleNamespace(vendor="SQLite", portals=76, out=out, sqlite_path=database, snapshots=tmp_path / "kept")

    def pages() -> list:
        with closing(sqlite3.connect(database)) as connection, connection:
            return [row[0] for row in connection.execute("SELECT title FROM page ORDER BY title")]

    def add(title: str):
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("CREATE TABLE IF NOT EXISTS page (title TEXT)")
            connection.execute("INSERT INTO page VALUES (?)", [title])

    add("seeded")
    snapshots = Snapshots(config)
    assert snapshots.find(1000) is None
    snapshots.save(1000, {"seeded_from": 0, "seed_seconds": 12.5, "index_seconds": 3.0, "commit": "abc"})
    add("published by the surge")
    (out / "media" / "seeded.txt").unlink()
    (out / "page-cache").mkdir()

    manifest = snapshots.find(1000)
    assert manifest["seed_seconds"] == 12.5 and manifest["portals"] == 76
    snapshots.restore(1000, manifest)
    assert pages() == ["seeded"]
    assert (out / "media" / "seeded.txt").read_text() == "seeded"
    assert not (out / "page-cache").exists()  # no answer cached from another state

    (tmp_path / "kept" / "s1000.sqlite3").write_bytes(b"")  # a save cut short leaves no manifest: not found
    (tmp_path / "kept" / "s1000.json").unlink()
    assert snapshots.find(1000) is None
    snapshots.save(10, {"commit": "abc"})
    with pytest.raises(SystemExit, match="not"):  # seeded with another number of portals: never measured as one
        Snapshots(SimpleNamespace(**{**vars(config), "portals": 1})).find(10)
