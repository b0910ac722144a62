"""Where the page cache keeps its answers: one store for every worker, chosen by ``PAGE_CACHE_ALIAS``.

With Redis (``REDIS_URL``) it is the default cache. On the embedded default it is ``CACHES["pages"]``: Django's
file-based cache in a folder every process on the machine shares (``PAGE_CACHE_DIR``, default
``<project>/var/page-cache``). A worker that gunicorn recycles, or one started while the database is down,
finds every answer another worker stored, so the last good copies outlive any worker and are served without
the database. Entries are keyed by the content generation (cms/core/cache.py): a new generation makes every
file of the old one unreachable in every process at once; the files themselves go when their timeout ends or
when the folder is culled, oldest first.

In front of a shared cache, each process's own copies.

An entry is plain data: the body as bytes, the status, the headers as pairs, when it was stored, until when
its content is valid and until when it may be kept at all. No pickled ``HttpResponse``: reading an entry
back is a copy of its bytes, and every hit builds a new response from it.

With a shared cache (Redis, ``REDIS_URL``) a hit used to fetch and unpickle the whole entry over the network
on every request (183 KB for a 20-item API listing with ``fields=*``): several times the cost of the bare
Django view. Each process therefore keeps the entries it has served in a bounded front (least recently used
first out), looked up by the very key the shared cache uses. The key holds the content generation, which
the middleware reads from the shared cache on every request (one small value), so a new generation made
by any process (an unpublish, a restriction, an expiry, a snippet or settings change) makes every front
copy unreachable at once, exactly as it makes the shared entries unreachable. The front never decides
freshness on its own: a copy carries the shared entry's ``stored_at``, ``valid_until`` and
``expires_at``, the middleware applies the same rules to it, and a copy past its freshness is looked up in
the shared cache again (another worker may have stored a newer one) before anything is rebuilt.

Bounded by ``PAGE_CACHE_LOCAL_BYTES`` per process (bodies and headers counted; 0 turns the front off); an
entry larger than an eighth of it is served from the shared cache only. With the local-memory or the file cache (no
Redis) there is no front: those are already this process's memory, or its machine's disk.
"""

import logging
import os
import pickle
import threading
import zlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)
# A file that cannot be read or unpickled (a full or failing disk, a file cut short): a miss, not a 500.
UNREADABLE = (OSError, EOFError, ValueError, zlib.error, pickle.UnpicklingError, AttributeError, ImportError)


def page_store():
    """The cache that holds the page cache's entries (shared by every worker)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def _written_at(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:  # removed by another process meanwhile
        return 0.0


class PageFileCache(FileBasedCache):
    """Django's file-based cache, culled oldest first rather than at random, and a failing disk is a miss.

    When the folder holds ``MAX_ENTRIES`` files, Django's cache deletes a random third of them, which may be
    the current generation's last good copies while unreachable files of earlier generations stay. The oldest
    files go first here: entries of earlier generations were all written before the current one began.

    A file that cannot be read, or a folder that cannot be written (full disk, wrong owner), is logged and
    the page is built as without a cache: the portal answers as it did with a local-memory cache. ``/healthz``
    reports the folder (cms/views.py).
    """

    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:
            logger.error("Page cache: cannot create the folder %s (%s)", self._dir, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREADABLE as error:
            logger.error("Page cache: cannot read an entry in %s (%r)", self._dir, error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except OSError as error:
            logger.error("Page cache: cannot write an entry in %s (%s)", self._dir, error)

    def _cull(self):
        files = self._list_cache_files()
        if len(files) < self._max_entries:
            return
        if self._cull_frequency == 0:
            self.clear()
            return
        files.sort(key=_written_at)
        for path in files[: len(files) // self._cull_frequency]:
            self._delete(path)


# Per entry, besides its body and headers: the dict, the tuples, the key.
ENTRY_OVERHEAD_BYTES = 512


def entry_size(key: str, entry: dict) -> int:
    headers = sum(len(name) + len(value) for name, value in entry["headers"])
    return len(entry["body"]) + headers + len(key) + ENTRY_OVERHEAD_BYTES


class LocalFront:
    """This process's copies of shared entries, at most ``limit`` bytes, the least recently used dropped first."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0
        self._entries: OrderedDict[str, tuple[dict, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, now: float) -> dict | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if now >= found[0]["expires_at"]:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: str, entry: dict) -> None:
        size = entry_size(key, entry)
        if size > self.limit // 8:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (entry, size)
            self.used += size
            while self.used > self.limit:
                self._drop(next(iter(self._entries)))

    def discard(self, key: str) -> None:
        with self._lock:
            if key in self._entries:
                self._drop(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.used = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: str) -> None:
        _entry, size = self._entries.pop(key)
        self.used -= size


_front: LocalFront | None = None
_front_for: tuple | None = None


def front() -> LocalFront | None:
    """This process's front, or None (the store is local memory or a folder, or ``PAGE_CACHE_LOCAL_BYTES`` is 0)."""
    global _front, _front_for
    wanted = (settings.PAGE_CACHE_LOCAL_BYTES, type(page_store()))
    if _front_for != wanted:
        # First use, or the settings changed (override_settings in tests): a new front, nothing carried over.
        limit, backend = wanted
        _front = LocalFront(limit) if limit > 0 and not issubclass(backend, (LocMemCache, FileBasedCache)) else None
        _front_for = wanted
    return _front


def get(key: str, now: float, fresh_seconds: int | None) -> dict | None:
    """The entry under ``key``: this process's copy while it is fresh, else the shared cache's (copied in front).

    ``fresh_seconds`` None: any copy of this generation will do (the database is down: the last good one).
    """
    local = front()
    if local is None:
        return page_store().get(key)
    entry = local.get(key, now)
    if entry is not None and (fresh_seconds is None or now - entry["stored_at"] < fresh_seconds):
        return entry
    shared = page_store().get(key)
    if shared is None:
        # Gone from the shared cache (evicted, or emptied): a copy past its freshness is still the last good
        # one of this generation, for a database outage; a fresh one cannot exist here.
        return entry
    local.put(key, shared)
    return shared


def put(key: str, entry: dict, timeout: int) -> None:
    page_store().set(key, entry, timeout)
    local = front()
    if local is not None:
        local.put(key, entry)


def forget_local() -> None:
    """Drop this process's copies (a setting changed: answers built under the old ones are not reused)."""
    if _front is not None:
        _front.clear()
