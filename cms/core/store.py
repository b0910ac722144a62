"""The object store of the current request, if one is active (the API's listings and previews open one).

Code that can reuse what a listing already fetched (blocks, the publication rule's per-request lists) asks
``active_store()`` here, so it need not import the API package that fills the store.
"""

import contextlib
from contextvars import ContextVar

_active_store: ContextVar = ContextVar("cms_api_object_store", default=None)


def active_store():
    return _active_store.get()


@contextlib.contextmanager
def use_store(store):
    token = _active_store.set(store)
    try:
        yield store
    finally:
        _active_store.reset(token)
