"""Read replica routing (``DATABASE_REPLICA_URL``): anonymous GET/HEAD reads go to the replica.

Everything else uses the primary: writes, transactions, the admin, logged-in users (a session cookie),
and every read of a request after its first write (read-your-writes).
"""

import contextvars

from django.conf import settings
from django.db import connections

from cms.core.http import is_admin_path

REPLICA = "replica"
_reads_on_replica = contextvars.ContextVar("reads_on_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def in_transaction() -> bool:
    return connections["default"].in_atomic_block


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reads_on_replica.get() and replica_configured() and not in_transaction():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        _reads_on_replica.set(False)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: same rows, same ids

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def is_replica_request(request) -> bool:
    """Anonymous public reads: safe methods, outside the admin, without a session cookie."""
    return (
        request.method in ("GET", "HEAD")
        and not is_admin_path(request.path)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaMiddleware:
    """Lets ``ReplicaRouter`` send this request's reads to the replica when ``is_replica_request``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_on_replica.set(is_replica_request(request))
        try:
            return self.get_response(request)
        finally:
            _reads_on_replica.reset(token)
