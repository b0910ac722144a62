"""The page cache under real gunicorn workers: a change in the editor's process empties every worker's entries.

The setup of tests/test_visibility_processes.py (three workers, the scheduler, the writer process; the
local-memory cache on SQLite, Redis on PostgreSQL), with every answer's ``X-Cache`` read: before each change
every channel is answered *from the page cache* by every worker, and right after it no worker serves a
cached answer that shows any of the hidden objects.
"""

from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

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
