"""The anonymous API rate limit holds across gunicorn workers without Redis (counted in the database)."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import parallel

# serialized_rollback: the flush after these tests must not re-create content types with new ids (post_migrate),
# or later serialized-rollback tests (multi-process visibility, browser journeys) collide with them on reload.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("rewarm_content_types"),
]

ROOT = Path(__file__).parents[2]
PORT = parallel.port("RATE_LIMIT_TEST_PORT", 9531)


def _database_url(settings) -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=90) as response:  # noqa: S310 - our own http:// server (a respawned worker boots slowly on a loaded machine)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _gunicorn(settings, tmp_path, *extra):
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.dev",
        DATABASE_URL=_database_url(settings),
        MEDIA_ROOT=str(tmp_path),
        API_THROTTLE_ANON="5/hour",  # an hour: a loaded machine may take over a minute for 15 respawns
        API_CACHE_SECONDS="0",  # every request reaches the throttle
        HOST="127.0.0.1",
        PORT=str(PORT),
        WEB_CONCURRENCY="3",
    )
    log = tmp_path / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "gunicorn.conf.py",
        "--access-logformat",
        "pid=%(p)s %(s)s %(U)s",
        *extra,
    ]
    with log.open("w") as out:
        server = subprocess.Popen([*command, "cms.wsgi:application"], cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                if _status(f"http://127.0.0.1:{PORT}/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.5)
        yield log
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # gunicorn waits up to its graceful timeout (30 s) for workers; with a new worker per request on a
            # loaded machine that can run over: the test has its answer, stop the server for good.
            server.kill()
            server.wait()


@pytest.fixture
def three_workers(settings, tmp_path):
    yield from _gunicorn(settings, tmp_path)


@pytest.fixture
def one_request_per_process(settings, tmp_path):
    """Three workers, each replaced by a new process after one request: no two requests share a process.

    Sequential requests to sync workers mostly land on the same worker (the kernel wakes the last one to
    accept), so spreading them is not left to chance: every request is served by a process of its own.
    """
    yield from _gunicorn(settings, tmp_path, "--max-requests", "1", "--max-requests-jitter", "0")


def test_gunicorn_announces_no_server_and_sends_permissions_policy(three_workers):
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=20) as response:
        assert "gunicorn" not in (response.headers.get("Server") or "").lower()
        assert "camera=()" in response.headers["Permissions-Policy"]


def test_rate_limit_holds_across_three_workers_without_redis(one_request_per_process):
    statuses = [_status(f"http://127.0.0.1:{PORT}/api/v2/pages/") for _ in range(15)]
    assert statuses.count(200) == 5, statuses
    assert statuses.count(429) == 10, statuses
    # Each request was served by another process, so a per-process count would have let all 15 through.
    # A worker writes its access-log line after the client has its answer: wait for the last lines.
    for _ in range(100):
        log = one_request_per_process.read_text()
        served_by = re.findall(r"pid=<?(\d+)>? (?:200|429) /api/v2/pages/", log)
        if len(served_by) == 15:
            break
        time.sleep(0.1)
    assert len(served_by) == 15 and len(set(served_by)) == 15, log[-2000:]
