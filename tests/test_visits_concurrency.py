"""Exact totals when several worker processes count at once, on SQLite, PostgreSQL and Redis."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.db.utils import ConnectionHandler

from cms.visits.bench import create_sqlite_store, run_concurrently, sqlite_connection
from cms.visits.models import DailyVisits, OnlineVisitor
from cms.visits.stores import DatabaseVisitStore, RedisVisitStore
from tests.test_visits import REDIS_URL, redis_store

PROCESSES, VIEWS, VISITORS_PER_PROCESS = 4, 50, 5
NOW = datetime.datetime(2026, 11, 27, 3, 0, tzinfo=datetime.UTC)
EXPECTED = {
    "online": PROCESSES * VISITORS_PER_PROCESS,
    "today": PROCESSES * VIEWS,
    "week": PROCESSES * VIEWS,
    "total": PROCESSES * VIEWS,
}


def run(make_store):
    run_concurrently(make_store, PROCESSES, VIEWS, NOW, VISITORS_PER_PROCESS)
    return make_store().stats(NOW).as_dict()


@pytest.mark.django_db  # lifts pytest-django's block on connections; the workers use a file of their own
def test_no_view_is_lost_or_doubled_on_sqlite(tmp_path):
    path = tmp_path / "visits.sqlite3"
    create_sqlite_store(path).connection.close()
    assert run(lambda: DatabaseVisitStore(sqlite_connection(path))) == EXPECTED


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="runs when DATABASE_URL points to PostgreSQL",
)
@pytest.mark.django_db
def test_no_view_is_lost_or_doubled_on_postgresql():
    # The workers commit on connections of their own to the test database, so this test's transaction
    # cannot roll their rows back: the counter's tables are emptied afterwards on another connection.
    settings_dict = dict(connections["default"].settings_dict)

    def make_store():
        return DatabaseVisitStore(ConnectionHandler({"default": settings_dict})["default"])

    try:
        assert run(make_store) == EXPECTED
    finally:
        cleaner = make_store().connection
        with cleaner.cursor() as cursor:
            for model in (DailyVisits, OnlineVisitor):
                cursor.execute(f"DELETE FROM {cleaner.ops.quote_name(model._meta.db_table)}")  # noqa: S608
        cleaner.close()


def test_no_view_is_lost_or_doubled_on_redis():
    store = redis_store()
    try:
        assert run(lambda: RedisVisitStore(REDIS_URL, store.prefix)) == EXPECTED
    finally:
        store.clear()


@pytest.mark.django_db
def test_bench_command_reports_cost_and_exact_totals():
    out = io.StringIO()
    call_command("bench_visits", redis_url="", repeat=3, processes=2, views=5, stdout=out)
    assert "µs per counted view" in out.getvalue()
    assert "2×5 concurrent views: {'online': 10, 'today': 10, 'week': 10, 'total': 10}" in out.getvalue()
