"""Recording what jobs did, for the health page: ``record("backup", ok=True, path=...)``.

Kinds used today: ``scheduler`` (each run of run_scheduler), ``backup`` (each ``backup``), ``backup_verify``
(each check of an archive), ``mail_failure`` (a notification e-mail that could not be sent), ``alert_failure``
(an alert that could not be delivered). A new feature may record its own kind and register a health check
reading it (``cms.operations.health.register``).
"""

import datetime

from django.utils import timezone

from cms.operations.models import OperationRecord

SCHEDULER = "scheduler"
BACKUP = "backup"
BACKUP_VERIFY = "backup_verify"
MAIL_FAILURE = "mail_failure"
ALERT_FAILURE = "alert_failure"

KEEP = datetime.timedelta(days=30)


def record(kind: str, ok: bool = True, **detail) -> OperationRecord:
    """Store one event (``detail`` must be JSON-serialisable) and drop that kind's events older than 30 days."""
    entry = OperationRecord.objects.create(kind=kind, ok=ok, detail=detail)
    # The newest event of a kind is kept however old, so "last backup" never turns into "no backup".
    OperationRecord.objects.filter(kind=kind, at__lt=entry.at - KEEP).delete()
    return entry


def last(kind: str, ok: bool | None = None) -> OperationRecord | None:
    """The newest event of ``kind`` (only successful or failed ones when ``ok`` is given)."""
    events = OperationRecord.objects.filter(kind=kind)
    if ok is not None:
        events = events.filter(ok=ok)
    return events.order_by("-at", "-pk").first()


def count_since(kind: str, since: datetime.timedelta, ok: bool | None = None) -> int:
    events = OperationRecord.objects.filter(kind=kind, at__gte=timezone.now() - since)
    if ok is not None:
        events = events.filter(ok=ok)
    return events.count()
