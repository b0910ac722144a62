"""Where the page cache keeps its answers: one store for every worker, chosen by ``PAGE_CACHE_ALIAS``.

With Redis (``REDIS_URL``) it is the default cache. On the embedded default it is ``CACHES["pages"]``: Django's
file-based cache in a folder every process on the machine shares (``PAGE_CACHE_DIR``, default
``<project>/var/page-cache``). A worker that gunicorn recycles, or one started while the database is down,
finds every answer another worker stored, so the last good copies outlive any worker and are served without
the database. Entries are keyed by the content generation (cms/core/cache.py): a new generation makes every
file of the old one unreachable in every process at once; the files themselves go when their timeout ends or
when the folder is culled, oldest first.
"""

import logging
import os
import pickle
import zlib

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

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
