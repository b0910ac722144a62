"""The page cache under real gunicorn workers: a change in the editor's process empties every worker's entries.

The setup of tests/test_visibility_processes.py (three workers, the scheduler, the writer process; the
local-memory cache on SQLite, Redis on PostgreSQL), with every answer's ``X-Cache`` read: before each change
every channel is answered *from the page cache* by every worker, and right after it no worker serves a
cached answer that shows any of the hidden objects.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from django.db import connection

from tests import factories
from tests import test_visibility_processes as processes
from tests.test_visibility_processes import VARIANTS, content, servers  # noqa: F401 - fixtures used by name

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("rewarm_content_types"),
]

REPETITIONS = 3


def _get_with_cache_state(path: str):
    """(status, worker pid, body, X-Cache) of one request on a new connection."""
    request = Request(processes.ORIGIN + path, headers={"Connection": "close", "Accept-Language": "vi"})  # noqa: S310
    try:
        with urlopen(request, timeout=30) as response:  # noqa: S310 - the local test server
            return (
                response.status,
                response.headers.get("X-Worker"),
                response.read().decode(),
                response.headers.get("X-Cache"),
            )
    except HTTPError as error:
        return error.code, error.headers.get("X-Worker"), error.read().decode(), error.headers.get("X-Cache")


@pytest.mark.parametrize("servers", VARIANTS, indirect=True)
def test_a_change_in_one_process_empties_every_workers_page_cache(servers, content, monkeypatch):  # noqa: F811
    monkeypatch.setattr(processes, "_get", _get_with_cache_state)
    writer, channels = servers, processes._channels(content)
    everything = {"unpublish", "restrict", "expire", "image"}
    processes._on_every_worker(channels)  # the first answers create the portal settings: a new generation
    stale = []
    for repetition in range(REPETITIONS):
        processes._on_every_worker(channels)
        answers = processes._on_every_worker(channels)
        not_cached = sorted({(path, answer[1]) for path, answer in answers if answer[3] != "HIT"})
        assert not_cached == [], f"repetition {repetition}: answered without the page cache"
        shown = set().union(*(channels[path](answer) for path, answer in answers))
        assert shown == everything, f"repetition {repetition}: before the change only {shown} were shown"

        processes._tell(writer, "hide")
        for path, answer in processes._on_every_worker(channels):
            if shown := channels[path](answer):
                stale.append((repetition, path, answer[1], answer[3], sorted(shown)))
        processes._tell(writer, "show")
    assert stale == []


# --- Workers replaced while the database is unreachable (the embedded default: no Redis) ----------------------
# The SQLite database file is moved away and a folder put in its place, as bench/surge.py does: every new
# connection fails. gunicorn is then told to replace all its workers (HUP, what max_requests does to one at a
# time). The new workers never saw a request: the last good copies they serve are the shared folder's.


WORKERS = 2


@contextmanager
def _sqlite_unreachable():
    connection.close()
    database = Path(connection.settings_dict["NAME"])
    moved = [path for path in (Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm")) if path.exists()]
    for path in moved:
        path.rename(f"{path}.away")
    database.mkdir()
    try:
        yield
    finally:
        database.rmdir()
        for path in moved:
            Path(f"{path}.away").rename(path)


def _replace_every_worker(master: subprocess.Popen, before: set[str]) -> None:
    master.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        alive = []
        for pid in before:
            try:
                os.kill(int(pid), 0)
                alive.append(pid)
            except ProcessLookupError:
                pass
        if not alive:
            return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn kept the workers {alive}")


@pytest.fixture
def gunicorn(tmp_path):
    # CONN_MAX_AGE=0: each request opens its own connection (one opened before the move reads the moved file).
    env = {**processes._environment(tmp_path, None), "WEB_CONCURRENCY": str(WORKERS), "CONN_MAX_AGE": "0"}
    processes._collect_static(env)
    log = (tmp_path / "gunicorn.log").open("w")
    master = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tests.multiprocess.wsgi:application"],
        cwd=processes.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        processes.wait_until_up(tmp_path / "gunicorn.log")
        yield master
    finally:
        master.send_signal(signal.SIGTERM)
        try:
            master.wait(timeout=30)
        except subprocess.TimeoutExpired:
            master.kill()
        log.close()


@pytest.mark.skipif(not processes.ON_SQLITE, reason="the database file is moved away: SQLite")
def test_workers_replaced_while_the_database_is_down_serve_the_last_good_copies(
    gunicorn, news_index, monkeypatch, settings, tmp_path
):
    monkeypatch.setattr(processes, "_get", _get_with_cache_state)
    monkeypatch.setattr(processes, "WORKERS", WORKERS)
    # This process changes content as an editor's would: under the generation file the workers read.
    settings.CONTENT_GENERATION_FILE = str(tmp_path / "content-generation")
    kept = factories.NewsPageFactory(parent=news_index, title="Cảnh báo lũ quét", lead="Nội dung riêng còn lại.")
    gone = factories.NewsPageFactory(parent=news_index, title="Thông báo đã gỡ", lead="Nội dung riêng đã gỡ.")
    paths = ["/vi/", kept.url, f"/api/v2/pages/{kept.pk}/", "/api/v2/pages/?type=news.NewsPage"]
    assert _get_with_cache_state(gone.url)[0] == 200
    gone.unpublish()  # before the outage: its copies belong to an earlier generation
    served = {}
    for path in paths:
        status, _worker, body, _state = _get_with_cache_state(path)
        assert status == 200, path
        served[path] = body
    assert "Nội dung riêng đã gỡ" not in "".join(served.values())
    workers = {answer[1] for _path, answer in processes._on_every_worker(paths)}

    with _sqlite_unreachable():
        _replace_every_worker(gunicorn, workers)
        answers = processes._on_every_worker([*paths, gone.url])
    assert not {answer[1] for _path, answer in answers} & workers, "answered by a worker from before"
    for path, (status, worker, body, state) in answers:
        if path == gone.url:
            assert status == 503 and "Nội dung riêng đã gỡ" not in body, (worker, state)
        else:
            assert (path, status, state, body) == (path, 200, "STALE", served[path]), worker
