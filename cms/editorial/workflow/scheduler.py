"""Scheduled publishing and expiry under a lock, so two runners never publish one revision twice."""

import contextlib
import fcntl
import hashlib
import io
import logging
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

from cms.operations import records

logger = logging.getLogger(__name__)

# Arbitrary constant key for pg_try_advisory_xact_lock; any other job must not reuse it.
ADVISORY_LOCK_KEY = 5_020_001


@contextlib.contextmanager
def _postgres_lock():
    with transaction.atomic(), connection.cursor() as cursor:
        # Transaction-scoped: released on commit or rollback, even if the runner crashes mid-way.
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        yield cursor.fetchone()[0]


@contextlib.contextmanager
def _file_lock():
    # SQLite has no advisory locks; an exclusive flock on a file named after the database
    # serialises runners on one machine, which is the only place a SQLite portal runs.
    name = hashlib.sha256(str(connection.settings_dict["NAME"]).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"portal-scheduler-{name}.lock"
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            with transaction.atomic():
                yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def scheduler_lock():
    """Yield True when this runner holds the lock; False when another runner is busy."""
    return _postgres_lock() if connection.vendor == "postgresql" else _file_lock()


def publish_scheduled_once() -> bool:
    """Run Wagtail's ``publish_scheduled`` once if no other runner is; return whether it ran.

    Each run is recorded (outside the lock's transaction, so a failed run is recorded too) for the
    health page's scheduler line.
    """
    try:
        with scheduler_lock() as acquired:
            if not acquired:
                logger.info("Another scheduler run holds the lock; skipping.")
                return False
            call_command("publish_scheduled", stdout=io.StringIO())
    except Exception as error:
        records.record(records.SCHEDULER, ok=False, error=f"{error.__class__.__name__}: {error}"[:300])
        raise
    records.record(records.SCHEDULER, ok=True)
    return True
