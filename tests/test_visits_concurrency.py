"""Exact totals when several worker processes count at once, on SQLite, PostgreSQL and Redis."""

import datetime

import pytest
from django.db import connections
from django.db.utils import ConnectionHandler

from cms.visits.bench import create_sqlite_store, run_concurrently, sqlite_connection
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


@pytest.mark.django_db(transaction=True)
def test_no_view_is_lost_or_doubled_on_postgresql():
    if connections["default"].vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL points to PostgreSQL")
    settings_dict = dict(connections["default"].settings_dict)  # the test database
    connections.close_all()  # forked workers must not share the parent's socket
    assert run(lambda: DatabaseVisitStore(ConnectionHandler({"default": settings_dict})["default"])) == EXPECTED


def test_no_view_is_lost_or_doubled_on_redis():
    store = redis_store()
    try:
        assert run(lambda: RedisVisitStore(REDIS_URL, store.prefix)) == EXPECTED
    finally:
        store.clear()
