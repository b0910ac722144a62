"""Scale-out deployment: read replica routing, JSON logs, environment-only configuration."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.test import RequestFactory

from cms import db_router
from cms.db_router import ReplicaMiddleware, ReplicaRouter, is_replica_request
from cms.logging import JsonFormatter
from home.models import HomePage


@pytest.fixture
def replica(monkeypatch):
    """A configured replica, as far as the router can tell (no second database is needed to test routing)."""
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)
    monkeypatch.setattr(db_router, "in_transaction", lambda: False)


def route_during(request, action):
    """Run ``action(router)`` inside the middleware for ``request``; return what it returned."""
    seen = {}

    def view(request):
        seen["result"] = action(ReplicaRouter())
        return None

    ReplicaMiddleware(view)(request)
    return seen["result"]


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("GET", "/vi/", {}, True),
        ("HEAD", "/api/v2/pages/", {}, True),
        ("POST", "/vi/", {}, False),
        ("GET", "/admin/pages/", {}, False),
        ("GET", "/vi/", {"sessionid": "x"}, False),
    ],
)
def test_only_anonymous_public_reads_may_use_the_replica(method, path, cookies, expected):
    request = getattr(RequestFactory(), method.lower())(path)
    request.COOKIES.update(cookies)
    assert is_replica_request(request) is expected


def test_anonymous_page_view_reads_from_the_replica(replica):
    request = RequestFactory().get("/vi/")
    assert route_during(request, lambda router: router.db_for_read(HomePage)) == "replica"


def test_reads_after_a_write_stay_on_the_primary(replica):
    def write_then_read(router):
        assert router.db_for_write(HomePage) == "default"
        return router.db_for_read(HomePage)

    assert route_during(RequestFactory().get("/vi/"), write_then_read) == "default"


def test_admin_and_logged_in_reads_use_the_primary(replica):
    admin = RequestFactory().get("/admin/")
    assert route_during(admin, lambda router: router.db_for_read(HomePage)) == "default"
    editor = RequestFactory().get("/vi/")
    editor.COOKIES["sessionid"] = "x"
    assert route_during(editor, lambda router: router.db_for_read(HomePage)) == "default"


def test_reads_inside_a_transaction_use_the_primary(monkeypatch, db):
    # The ``db`` fixture runs the test inside a transaction, as a view under ATOMIC_REQUESTS would.
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)
    assert route_during(RequestFactory().get("/vi/"), lambda router: router.db_for_read(HomePage)) == "default"


def test_without_a_replica_everything_uses_the_primary():
    assert route_during(RequestFactory().get("/vi/"), lambda router: router.db_for_read(HomePage)) == "default"
    assert not db_router._reads_on_replica.get()


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "news")
    assert not router.allow_migrate("replica", "news")


def test_json_logs_are_one_object_per_line_with_extra_fields():
    record = logging.LogRecord("cms", logging.WARNING, __file__, 1, "Trang %s", ("chủ",), None)
    record.status_code = 503
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "Trang chủ" and entry["level"] == "WARNING" and entry["status_code"] == 503
    assert "\n" not in line


def settings_under(env: dict) -> dict:
    """Import settings.production in a fresh interpreter with ``env``; return a few values."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'databases': sorted(settings.DATABASES), 'middleware': settings.MIDDLEWARE, "
        "'storage': settings.STORAGES['default']['BACKEND'], 'caches': sorted(settings.CACHES), "
        "'frontend': sorted(getattr(settings, 'WAGTAILFRONTENDCACHE', {})), "
        "'formatter': settings.LOGGING['handlers']['console']['formatter']}))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "REDIS", "AWS", "S3", "FRONTEND"))}
    full = {**base, "DJANGO_SETTINGS_MODULE": "settings.production", "SECRET_KEY": "x" * 50, **env}
    out = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_defaults_need_no_extra_services():
    values = settings_under({})
    assert values["databases"] == ["default"]
    assert "cms.db_router.ReplicaMiddleware" not in values["middleware"]
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
    assert values["frontend"] == [] and values["formatter"] == "text"


def test_scale_out_is_configured_by_environment_variables():
    values = settings_under(
        {
            "DATABASE_REPLICA_URL": "postgres://reader@replica:5432/portal",
            "REDIS_URL": "redis://127.0.0.1:6379/9",
            "S3_BUCKET": "portal-media",
            "FRONTEND_CACHE_URL": "http://varnish:6081",
            "LOG_FORMAT": "json",
        }
    )
    assert values["databases"] == ["default", "replica"]
    assert "cms.db_router.ReplicaMiddleware" in values["middleware"]
    assert values["storage"] == "storages.backends.s3.S3Storage"
    # The throttle alias keeps rate-limit counts in the shared store (Redis here, a database table without it).
    assert values["caches"] == ["default", "renditions", "throttle"]
    assert values["frontend"] == ["http"] and values["formatter"] == "json"
