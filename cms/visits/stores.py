"""Where the visitor counter keeps its numbers: Redis when ``VISITS_REDIS_URL`` is set, else the database.

Each portal (Wagtail Site) has its own figures: every call names the portal by its site id.

Both stores only use atomic operations (Redis INCR/ZADD, SQL ``INSERT ... ON CONFLICT DO UPDATE``), so
concurrent workers never lose or double a page view.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connections

ONLINE_WINDOW_SECONDS = 5 * 60


@dataclass(frozen=True)
class VisitStats:
    online: int
    today: int
    week: int
    total: int

    def as_dict(self) -> dict[str, int]:
        return {"online": self.online, "today": self.today, "week": self.week, "total": self.total}


def local_day(now: datetime.datetime) -> datetime.date:
    """The calendar day in the portal's time zone (Asia/Ho_Chi_Minh), whatever language is active."""
    return now.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def week_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the ISO week containing ``day``."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


@contextmanager
def single_commit(connection):
    """Run the statements in one transaction (one disk flush), or in the caller's transaction if there is one.

    ``transaction.atomic`` takes an alias of ``django.db.connections``; the store also works on connections
    of its own (benchmarks, multi-process tests), so it manages the transaction on the connection directly.
    """
    if connection.in_atomic_block or not connection.get_autocommit():
        yield
        return
    connection.set_autocommit(False)
    try:
        yield
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.set_autocommit(True)


class DatabaseVisitStore:
    """Counters in ``visits_dailyvisits`` and ``visits_onlinevisitor``; ``connection`` defaults to "default"."""

    def __init__(self, connection=None):
        self._connection = connection

    @property
    def connection(self):
        return self._connection or connections["default"]

    def _sql(self) -> dict[str, str]:
        from cms.visits.models import DailyVisits, OnlineVisitor

        quote = self.connection.ops.quote_name
        daily, online = quote(DailyVisits._meta.db_table), quote(OnlineVisitor._meta.db_table)
        # Only quoted model table names are interpolated; every value is a query parameter.
        return {
            # One statement each, so two workers never read the same old value (no lost update).
            "count_view": f"INSERT INTO {daily} (site, day, views) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (site, day) DO UPDATE SET views = {daily}.views + 1",
            "seen": f"INSERT INTO {online} (site, visitor, last_seen) VALUES (%s, %s, %s) "  # noqa: S608
            "ON CONFLICT (site, visitor) DO UPDATE SET last_seen = excluded.last_seen",
            "forget": f"DELETE FROM {online} WHERE last_seen < %s",  # noqa: S608
            # One round trip for the four figures (the home page reads them on every view).
            "stats": f"SELECT (SELECT COUNT(*) FROM {online} WHERE site = %s AND last_seen >= %s), "  # noqa: S608
            "COALESCE(SUM(CASE WHEN day = %s THEN views ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN day BETWEEN %s AND %s THEN views ELSE 0 END), 0), "
            f"COALESCE(SUM(views), 0) FROM {daily} WHERE site = %s",
        }

    def record_view(self, visitor: str, now: datetime.datetime, site_id: int = 0) -> None:
        sql = self._sql()
        day = self.connection.ops.adapt_datefield_value(local_day(now))
        with single_commit(self.connection), self.connection.cursor() as cursor:
            cursor.execute(sql["count_view"], [site_id, day])
            cursor.execute(sql["seen"], [site_id, visitor, int(now.timestamp())])
            # Old visitors are forgotten on writes, so reading the figures stays a single SELECT.
            cursor.execute(sql["forget"], [int(now.timestamp()) - ONLINE_WINDOW_SECONDS])

    def stats(self, now: datetime.datetime, site_id: int = 0) -> VisitStats:
        sql = self._sql()
        adapt = self.connection.ops.adapt_datefield_value
        today = local_day(now)
        monday, sunday = week_bounds(today)
        since = int(now.timestamp()) - ONLINE_WINDOW_SECONDS
        with self.connection.cursor() as cursor:
            cursor.execute(sql["stats"], [site_id, since, adapt(today), adapt(monday), adapt(sunday), site_id])
            online_count, today_count, week_count, total_count = cursor.fetchone()
        return VisitStats(int(online_count), int(today_count), int(week_count), int(total_count))


class RedisVisitStore:
    """Counters as Redis keys under ``prefix``: a total, one key per local day and per ISO week, a sorted set."""

    def __init__(self, url: str, prefix: str = "portal:visits"):
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix

    def _keys(self, day: datetime.date, site_id: int) -> dict[str, str]:
        year, week, _ = day.isocalendar()
        prefix = f"{self.prefix}:{site_id}"
        return {
            "total": f"{prefix}:total",
            "today": f"{prefix}:day:{day.isoformat()}",
            "week": f"{prefix}:week:{year}-W{week:02d}",
            "online": f"{prefix}:online",
        }

    def record_view(self, visitor: str, now: datetime.datetime, site_id: int = 0) -> None:
        keys = self._keys(local_day(now), site_id)
        pipe = self.redis.pipeline(transaction=False)
        pipe.incr(keys["total"])
        pipe.incr(keys["today"])
        pipe.expire(keys["today"], 3 * 24 * 3600)
        pipe.incr(keys["week"])
        pipe.expire(keys["week"], 15 * 24 * 3600)
        pipe.zadd(keys["online"], {visitor: now.timestamp()})
        pipe.expire(keys["online"], 2 * ONLINE_WINDOW_SECONDS)
        pipe.execute()

    def stats(self, now: datetime.datetime, site_id: int = 0) -> VisitStats:
        keys = self._keys(local_day(now), site_id)
        since = now.timestamp() - ONLINE_WINDOW_SECONDS
        pipe = self.redis.pipeline(transaction=False)
        pipe.zremrangebyscore(keys["online"], "-inf", f"({since}")
        pipe.zcount(keys["online"], since, "+inf")
        pipe.mget(keys["today"], keys["week"], keys["total"])
        _, online, (today, week, total) = pipe.execute()
        return VisitStats(int(online), int(today or 0), int(week or 0), int(total or 0))

    def clear(self) -> None:
        """Delete this store's keys (tests and benchmarks use their own prefix)."""
        keys = list(self.redis.scan_iter(f"{self.prefix}:*"))
        if keys:
            self.redis.delete(*keys)


@cache
def _redis_store(url: str, prefix: str) -> RedisVisitStore:
    return RedisVisitStore(url, prefix)


def get_store():
    """The store for the current settings (read at call time, so ``override_settings`` works)."""
    url = getattr(settings, "VISITS_REDIS_URL", None)
    if url:
        return _redis_store(url, getattr(settings, "VISITS_REDIS_PREFIX", "portal:visits"))
    return DatabaseVisitStore()
