"""The surge: 20× the normal rate on the home page and the newest article, the database stopped in the middle.

Open-loop load (requests are sent on schedule whether or not earlier ones have answered, as readers do) for
``BENCH_SURGE_SECONDS``, with the database unreachable for ``BENCH_SURGE_OUTAGE`` seconds in the middle:

- SQLite: the database file (and its -wal/-shm) is moved away and a directory put in its place, so every new
  connection fails ("unable to open database file"); the server runs with ``CONN_MAX_AGE=0`` for this, because
  a connection opened before the move would keep reading the moved file.
- PostgreSQL: no second cluster can be stopped here, so the database is closed to connections
  (``ALTER DATABASE ... ALLOW_CONNECTIONS false``) and its open connections terminated; a new connection is
  refused as with a stopped server ("database ... is not currently accepting connections").

Reported: requests, failures (anything but 200), failures during the outage, stale answers served, the longest
time without a successful answer, and after the database returns, the seconds until an article published
then is on the home page (20 answers in a row, spread over the workers).
"""

import itertools
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

THREADS = 24

POSTGRES_ACCESS = """
import sys, dj_database_url, psycopg
cfg = dj_database_url.parse(sys.argv[1])
allow = sys.argv[2] == "on"
conn = psycopg.connect(host=cfg["HOST"] or None, port=cfg["PORT"] or None, user=cfg["USER"] or None,
                       password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True)
conn.execute(f'ALTER DATABASE "{cfg["NAME"]}" ALLOW_CONNECTIONS {"true" if allow else "false"}')
if not allow:
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [cfg["NAME"]])
"""

PUBLISH = """
from django.utils import timezone
from news.models import NewsIndexPage, NewsPage
index = NewsIndexPage.objects.filter(locale__language_code="vi").first()
lead = "Bản tin đăng ngay sau khi cơ sở dữ liệu hoạt động lại."
page = NewsPage(title="{title}", slug="ban-tin-sau-su-co-{stamp}", lead=lead)
index.add_child(instance=page)
page.save_revision().publish()
"""


class Outage:
    def __init__(self, config):
        self.config = config
        self.sqlite = Path(urlparse(config.database_url).path) if config.vendor == "SQLite" else None

    def _postgres(self, allow: bool):
        subprocess.run(
            [self.config.python, "-c", POSTGRES_ACCESS, self.config.database_url, "on" if allow else "off"],
            check=True,
        )

    def start(self):
        if self.sqlite is None:
            return self._postgres(False)
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{self.sqlite}{suffix}")
            if path.exists():
                path.rename(f"{path}.away")
        self.sqlite.mkdir()

    def stop(self):
        if self.sqlite is None:
            return self._postgres(True)
        self.sqlite.rmdir()
        for suffix in ("", "-wal", "-shm"):
            away = Path(f"{self.sqlite}{suffix}.away")
            if away.exists():
                away.rename(f"{self.sqlite}{suffix}")


def _get(url: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("X-Cache", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache", ""), b""
    except (urllib.error.URLError, OSError):
        return 0, "", b""


def _load(base_url: str, paths: list[str], rate: float, seconds: float, records: list) -> None:
    """Open-loop: each thread sends its share of ``rate`` on a fixed schedule for ``seconds``."""
    started = time.monotonic()
    interval = THREADS / rate

    def worker(offset: int):
        n = 0
        while True:
            due = started + offset * interval / THREADS + n * interval
            if due - started >= seconds:
                return
            time.sleep(max(0.0, due - time.monotonic()))
            sent = time.monotonic()
            status, state, _body = _get(base_url + paths[(offset + n) % len(paths)])
            records.append((sent - started, time.monotonic() - started, status, state))
            n += 1

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _longest_gap(records: list, seconds: float) -> float:
    done = sorted(end for _sent, end, status, _state in records if status == 200)
    if not done:
        return seconds
    return max(b - a for a, b in itertools.pairwise([0.0, *done, seconds]))


def _visible_after_publish(config, manage, log) -> float | None:
    stamp = int(time.time())
    title = f"Bản tin sau sự cố {stamp}"
    manage(config, "shell", "--no-imports", "-c", PUBLISH.format(title=title, stamp=stamp))
    published = time.monotonic()
    in_a_row = 0
    while time.monotonic() - published < 30:
        _status, _state, body = _get(config.base_url + "/vi/")
        in_a_row = in_a_row + 1 if title.encode() in body else 0
        if in_a_row == 1:
            first_seen = time.monotonic() - published
        if in_a_row >= 20:
            return round(first_seen, 2)
    log("  the article published after the outage was not on the home page within 30 s")
    return None


def _watch_workers(server, stop: threading.Event, seen: list) -> None:
    """Every worker process gunicorn runs during the surge (a new pid is a worker (re)booted: ``max_requests``
    in gunicorn.conf.py recycles each worker every ~2,000 requests, and a new one imports the portal)."""
    import psutil

    try:
        master = psutil.Process(server.process.pid)
    except (AttributeError, psutil.Error):
        return
    while not stop.is_set():
        try:
            for child in master.children():
                if child.pid not in {pid for pid, _at in seen}:
                    seen.append((child.pid, time.monotonic()))
        except psutil.Error:
            return
        stop.wait(0.5)


def surge(config, samples: dict, server_class, manage, log) -> dict:
    rate = config.surge_normal_rate * 20
    seconds, outage = config.surge_seconds, min(config.surge_outage, config.surge_seconds)
    paths = ["/vi/", samples["newest_url"]]
    log(f"surge: {rate:.0f} req/s for {seconds} s on {paths}, database stopped for {outage} s in the middle")
    records: list = []
    # Cached pages are fresh for 10 s only, so entries run out during the outage and stale copies must serve.
    workers: list = []
    stop_watching = threading.Event()
    with server_class(config, 60, PAGE_CACHE_SECONDS=10, CONN_MAX_AGE=0) as server:
        for path in paths:
            _get(config.base_url + path)
        watcher = threading.Thread(target=_watch_workers, args=(server, stop_watching, workers), daemon=True)
        watcher.start()
        surge_started = time.monotonic()
        load = threading.Thread(target=_load, args=(config.base_url, paths, rate, seconds, records))
        load.start()
        down_at = (seconds - outage) / 2
        time.sleep(down_at)
        cut = Outage(config)
        cut.start()
        log(f"  database stopped ({config.vendor})")
        time.sleep(outage)
        cut.stop()
        log("  database back")
        load.join()
        stop_watching.set()
        visible = _visible_after_publish(config, manage, log)
    # Workers that started during the surge (those running at its start are seen within its first half second).
    reboots = sorted(round(at - surge_started, 1) for _pid, at in workers if at - surge_started > 1)
    # Every request (seconds from the surge's start when sent and answered, status, X-Cache), to read the timeline.
    with (config.out / "surge-requests.csv").open("w") as table:
        table.write("sent_s,answered_s,status,x_cache\n")
        table.writelines(f"{sent:.3f},{end:.3f},{status},{state}\n" for sent, end, status, state in sorted(records))
    failed = [r for r in records if r[2] != 200]
    during = [r for r in failed if down_at <= r[0] <= down_at + outage]
    latencies = sorted(end - sent for sent, end, _status, _state in records)
    result = {
        "rate": rate,
        "seconds": seconds,
        "outage_seconds": outage,
        "requests": len(records),
        "achieved_rate": round(len(records) / seconds, 1),
        "failed": len(failed),
        "failed_during_outage": len(during),
        "failed_statuses": sorted({r[2] for r in failed}),
        "stale": sum(1 for r in records if r[3] == "STALE"),
        "longest_gap_s": round(_longest_gap(records, seconds), 2),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 1) if latencies else None,
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 1) if latencies else None,
        "published_visible_s": visible,
        "worker_boots_at_s": reboots,
        "load_average": round(os.getloadavg()[0], 1),
    }
    log(f"  surge: {result}")
    return result
