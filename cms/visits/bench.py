"""Measures the counter: cost of one page view per store, and exact totals after a concurrent run.

Run with ``make bench-visits`` or ``python manage.py bench_visits``; the tests reuse ``run_concurrently``.
"""

import datetime
import multiprocessing
import tempfile
import time
import uuid
from pathlib import Path

import dj_database_url
from django.db.utils import ConnectionHandler
from django.http import HttpResponse
from django.test import RequestFactory

from cms.visits.middleware import VisitCounterMiddleware
from cms.visits.models import DailyVisits, OnlineVisitor
from cms.visits.stores import DatabaseVisitStore, RedisVisitStore

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


def sqlite_connection(path: Path):
    """A connection of its own to a SQLite file with the project's options (WAL, busy timeout)."""
    options = {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    return ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}}
    )["default"]


def url_connection(url: str):
    """A connection of its own to the database at ``url`` (any dj-database-url URL)."""
    return ConnectionHandler({"default": dj_database_url.parse(url)})["default"]


def create_sqlite_store(path: Path) -> DatabaseVisitStore:
    """A database store on a fresh SQLite file holding only the counter's tables."""
    connection = sqlite_connection(path)
    with connection.schema_editor() as editor:
        editor.create_model(DailyVisits)
        editor.create_model(OnlineVisitor)
    connection.close()
    return DatabaseVisitStore(sqlite_connection(path))


def run_concurrently(make_store, processes: int, views: int, now: datetime.datetime, visitors_per_process: int = 5):
    """Fork ``processes`` workers that each record ``views`` views at once; raises if any worker fails."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes)

    def worker(number):
        store = make_store()  # each process opens its own connection
        barrier.wait()
        for i in range(views):
            store.record_view(f"visitor-{number}-{i % visitors_per_process}", now)

    workers = [context.Process(target=worker, args=(n,)) for n in range(processes)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
    failed = [process.exitcode for process in workers if process.exitcode != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} worker(s) failed: exit codes {failed}")


def time_per_view(record, repeat: int) -> float:
    """Mean wall time of ``record(i)`` in microseconds."""
    start = time.perf_counter()
    for i in range(repeat):
        record(i)
    return (time.perf_counter() - start) / repeat * 1e6


def middleware_cost(store, repeat: int) -> float:
    """The middleware's whole cost per counted view (checks, hash, store) around a trivial view."""
    factory = RequestFactory()
    response = HttpResponse("<p>trang</p>", content_type="text/html; charset=utf-8")
    middleware = VisitCounterMiddleware(lambda request: response, store=store)
    return time_per_view(
        lambda i: middleware(factory.get("/vi/tin-tuc/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"10.0.{i % 250}.1")),
        repeat,
    )


def baseline_cost(repeat: int) -> float:
    factory = RequestFactory()
    response = HttpResponse("<p>trang</p>", content_type="text/html; charset=utf-8")
    return time_per_view(lambda i: (factory.get("/vi/tin-tuc/", HTTP_USER_AGENT=BROWSER), response), repeat)


def bench_scratch_database(url: str, repeat: int, processes: int, views: int, now, write) -> dict:
    """Measure on an empty scratch database (e.g. PostgreSQL): creates the two tables, drops them after."""
    connection = url_connection(url)
    tables = {DailyVisits._meta.db_table, OnlineVisitor._meta.db_table}
    if tables & set(connection.introspection.table_names()):
        raise RuntimeError(f"{url} already has the counter's tables: give an empty scratch database")
    with connection.schema_editor() as editor:
        editor.create_model(DailyVisits)
        editor.create_model(OnlineVisitor)
    results = {}
    try:
        vendor = connection.vendor
        results[vendor] = middleware_cost(DatabaseVisitStore(connection), repeat) - baseline_cost(repeat)
        write(f"{vendor} store: {results[vendor]:.0f} µs per counted view (middleware included)")
        store = DatabaseVisitStore(connection)
        write(f"{vendor} store: {time_per_view(lambda i: store.stats(now), repeat):.0f} µs to read the figures")
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608 - model tables
        connection.close()
        run_concurrently(lambda: DatabaseVisitStore(url_connection(url)), processes, views, now)
        results[f"{vendor}_concurrent"] = DatabaseVisitStore(connection).stats(now).as_dict()
        write(f"{vendor} {processes}×{views} concurrent views: {results[f'{vendor}_concurrent']}")
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(OnlineVisitor)
            editor.delete_model(DailyVisits)
        connection.close()
    return results


def run(
    redis_url: str | None, repeat: int, processes: int, views: int, database_url: str | None = None, write=print
) -> dict:
    now = datetime.datetime.now(datetime.UTC)
    results = {}
    baseline = baseline_cost(repeat)
    write(f"request construction alone: {baseline:.0f} µs")
    with tempfile.TemporaryDirectory() as folder:
        store = create_sqlite_store(Path(folder) / "visits.sqlite3")
        results["sqlite"] = middleware_cost(store, repeat) - baseline
        write(f"SQLite (WAL) store: {results['sqlite']:.0f} µs per counted view (middleware included)")
        write(f"SQLite (WAL) store: {time_per_view(lambda i: store.stats(now), repeat):.0f} µs to read the figures")
        store.connection.close()
        path = Path(folder) / "concurrent.sqlite3"
        create_sqlite_store(path).connection.close()
        run_concurrently(lambda: DatabaseVisitStore(sqlite_connection(path)), processes, views, now)
        results["sqlite_concurrent"] = DatabaseVisitStore(sqlite_connection(path)).stats(now).as_dict()
        write(f"SQLite {processes}×{views} concurrent views: {results['sqlite_concurrent']}")
    if database_url:
        results.update(bench_scratch_database(database_url, repeat, processes, views, now, write))
    if redis_url:
        prefix = f"bench:visits:{uuid.uuid4().hex}"
        store = RedisVisitStore(redis_url, prefix)
        try:
            results["redis"] = middleware_cost(store, repeat) - baseline
            write(f"Redis store: {results['redis']:.0f} µs per counted view (middleware included)")
            write(f"Redis store: {time_per_view(lambda i: store.stats(now), repeat):.0f} µs to read the figures")
            store.clear()
            run_concurrently(lambda: RedisVisitStore(redis_url, prefix), processes, views, now)
            results["redis_concurrent"] = store.stats(now).as_dict()
            write(f"Redis {processes}×{views} concurrent views: {results['redis_concurrent']}")
        finally:
            store.clear()
    return results
