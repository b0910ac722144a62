"""Every environment variable the project reads, read in one place.

The README lists them with their defaults. A default exists only where it is safe.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def get_bool(name: str, default: bool = False) -> bool:
    value = get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def get_int(name: str, default: int) -> int:
    value = get(name)
    return default if value is None else int(value)


def get_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (get(name, default) or "").split(",") if item.strip()]


def database_config(conn_max_age: int = 0) -> dict:
    """``DATABASE_URL`` or a SQLite file in the project folder."""
    url = get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=conn_max_age > 0)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers proceed while a writer commits; the busy timeout waits for a lock, and IMMEDIATE
        # transactions take the write lock when they begin, so a read-then-write transaction never fails on
        # a lock upgrade (where SQLite does not wait): "database is locked" under concurrent workers.
        config.setdefault("OPTIONS", {}).update(
            {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
        )
    return config


def databases(conn_max_age: int = 0) -> dict:
    """``default`` from DATABASE_URL, plus ``replica`` from DATABASE_REPLICA_URL when set (cms/db_router.py)."""
    databases = {"default": database_config(conn_max_age)}
    replica_url = get("DATABASE_REPLICA_URL")
    if replica_url:
        replica = dj_database_url.parse(replica_url, conn_max_age=conn_max_age, conn_health_checks=conn_max_age > 0)
        # Tests never create a second database: the replica is the primary there.
        replica["TEST"] = {"MIRROR": "default"}
        databases["replica"] = replica
    return databases
