"""The content generation: one stamp every process reads, renewed by any publishing event in any process.

Whatever is derived from published content and kept in a cache (API responses, restriction lists,
remembered counts) is keyed by the generation, so a new stamp makes all of it unreachable at once.
Where the stamp lives decides which processes see it:

- with a shared cache (``REDIS_URL``), in that cache: every process on every machine;
- otherwise (the embedded default: a local-memory cache per process) in a small file,
  ``CONTENT_GENERATION_FILE``, that every process on the machine reads (one ``open``+``read``, no SQL).

The stamp is renewed twice: at once, and again when the writing transaction commits, so a reader that
built a response from the not-yet-committed state under the first new stamp is never served again. The
writing transaction itself keeps what it reads to itself until it commits (``_uncommitted_memo``): after a
rollback nothing renews the stamp, and values computed from its rows would be believed everywhere.

What only the portals decide (their hosts, their homes' tree paths) has a stamp of its own, the sites stamp,
kept the same way (a second file, ``CONTENT_GENERATION_FILE`` + ``.sites``, or a second cache key) and renewed
only when a Site, a portal's home or portal settings change: publishing an article leaves it alone.
"""

import hashlib
import logging
import os
import time
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "cms-content:generation"
EXPIRY_KEY = "cms-content:next-expiry"
SITES_KEY = "cms-sites:generation"
# The sites stamp's file sits beside the content generation's (same folder, same processes).
SITES_FILE_SUFFIX = ".sites"


def _stamp_file(suffix: str = "") -> Path | None:
    path = getattr(settings, "CONTENT_GENERATION_FILE", None)
    return Path(f"{path}{suffix}") if path else None


def _read_file(path: Path | str) -> float | None:
    # Read on every page-cache hit: a plain open() rather than pathlib's (half the Python calls).
    try:
        with open(path, encoding="ascii") as stamp:
            return float(stamp.read() or 0) or None
    except (FileNotFoundError, ValueError):
        return None


def _write_file(path: Path, value: float) -> None:
    """Replace the file atomically: a reader sees the old stamp or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(repr(value))
    os.replace(temporary, path)


# The stamps as a request first read them, for the rest of that request (``StampsPerRequestMiddleware``): a page
# asks for the generation dozens of times (every remembered value, every restriction list), each a Redis round
# trip or a file read. A change made by this request updates its copy; a change made elsewhere meanwhile is
# seen from the next request, as a request that had read everything at its start would (what it stores is keyed
# by the stamp it read, which nobody asks for once a newer one exists).
_request_stamps: ContextVar[dict | None] = ContextVar("cms_request_stamps", default=None)


class _RequestValues:
    """The values ``remember()`` read or computed during one request, by cache key (which holds the generation):
    the publication rule's lists are asked for by every menu, link and listing of a page, each a cache read."""

    __slots__ = ("names", "prefetched", "values")

    def __init__(self):
        self.values: dict[str, object] = {}
        self.names: dict[str, None] = {}  # the names asked for, in order
        self.prefetched = False


_request_values: ContextVar[_RequestValues | None] = ContextVar("cms_request_values", default=None)
# The names the previous request of this process remembered. Pages ask for much the same ones (the publication
# rule's lists, the menu, the footer, the locales): the next request reads all their values in one round trip at
# its first ``remember()``, and only a name the previous one did not ask for costs a read of its own.
_previous_names: tuple[str, ...] = ()


class StampsPerRequestMiddleware:
    """Each request reads the content generation and the sites stamp once, at first use, and the remembered
    values once, most of them together."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _previous_names
        token = _request_stamps.set({})
        context = _RequestValues()
        values = _request_values.set(context)
        try:
            return self.get_response(request)
        finally:
            _request_values.reset(values)
            _request_stamps.reset(token)
            if context.names:
                _previous_names = tuple(context.names)


# Both stamps, read together from the shared cache at a request's first use of either: one round trip.
_STAMP_KEYS = (GENERATION_KEY, SITES_KEY)


def _current(key: str, suffix: str) -> float:
    stamps = _request_stamps.get()
    if stamps is not None and key in stamps:
        return stamps[key]
    path = settings.CONTENT_GENERATION_FILE
    if path:
        generation = _read_file(f"{path}{suffix}")
        if generation is None:
            generation = _new_stamp(0, key, suffix)
    else:
        if stamps is not None and not stamps and key in _STAMP_KEYS:
            stamps.update(cache.get_many(_STAMP_KEYS))
            generation = stamps.get(key)
        else:
            generation = cache.get(key)
        if generation is None:
            cache.add(key, time.time(), None)
            generation = cache.get(key) or time.time()
    if stamps is not None:
        stamps[key] = generation
    return generation


def current_generation() -> float:
    return _current(GENERATION_KEY, "")


def _new_stamp(previous: float, key: str = GENERATION_KEY, suffix: str = "") -> float:
    """Store and return a stamp later than ``previous`` (and than any stamp on the clock so far)."""
    generation = max(time.time(), previous + 0.001)
    path = _stamp_file(suffix)
    if path is None:
        cache.set(key, generation, None)
    else:
        try:
            _write_file(path, generation)
        except OSError:
            # Other processes would keep serving old content: fail the change loudly rather than serve it stale.
            logger.exception("Cannot write the content generation file %s", path)
            raise
    stamps = _request_stamps.get()
    if stamps is not None:
        stamps[key] = generation  # this request sees its own change at once
    return generation


def _renew(key: str = GENERATION_KEY, suffix: str = "") -> float:
    path = _stamp_file(suffix)
    previous = _read_file(path) if path is not None else cache.get(key)
    return _new_stamp(previous or 0, key, suffix)


# This process's copy of (generation, next expiry timestamp), the value stored under EXPIRY_KEY.
_known_expiry: tuple[float | None, float | None] = (None, None)


def seconds_until_expiry(generation: float) -> float | None:
    """Seconds until published content next expires, looked up once per generation (None: never).

    Nothing else would tell the caches that a page expired (Wagtail unpublishes it only when
    ``publish_scheduled`` runs): cached responses and ``max-age`` are cut to end when the next one does,
    and once that moment has passed a new generation starts.
    """
    global _known_expiry
    uncommitted = _uncommitted_memo()
    if uncommitted is not None:
        expiry = _memoised(uncommitted, f"cms-content:{generation}:next-expiry", _next_expiry)
        return None if expiry is None else expiry - time.time()
    stored = _known_expiry
    if stored[0] != generation:
        # Fixed for the life of a generation: once this process knows it, no cache read per request.
        stored = cache.get(EXPIRY_KEY)
        if stored is None or stored[0] != generation:
            stored = (generation, _next_expiry())
            cache.set(EXPIRY_KEY, stored, None)
        _known_expiry = stored
    if stored[1] is None:
        return None
    return stored[1] - time.time()


def live_generation_and_expiry() -> tuple[float, float | None]:
    """The current generation and the seconds until content next expires; a new generation if it has."""
    generation = current_generation()
    remaining = seconds_until_expiry(generation)
    if remaining is not None and remaining <= 0:
        invalidate()
        generation = current_generation()
        remaining = seconds_until_expiry(generation)
    return generation, remaining


def live_generation() -> float:
    """The current generation, or a new one if published content has expired since it began."""
    return live_generation_and_expiry()[0]


def remember(name: str, compute, timeout: int = 24 * 3600, *, prefetch: bool = True):
    """A value derived from published content (a count, a list of facets), kept until the content changes.

    For figures whose cost grows with the portal while the rows shown do not. ``prefetch=False``: a value only
    the same request asks for again (a search's ranked matches, one per query), left out of what the next request
    of this process reads in advance.
    """
    generation = live_generation()
    key = _content_key(generation, name)
    uncommitted = _uncommitted_memo()
    if uncommitted is not None:
        return _memoised(uncommitted, key, compute)
    context = _request_values.get()
    if context is not None:
        if prefetch:
            context.names[name] = None
        if not context.prefetched:
            context.prefetched = True
            _prefetch(context, generation)
        if key in context.values:
            return context.values[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    if context is not None:
        context.values[key] = value  # the same object for the rest of the request: callers only read it
    return value


def recall(names) -> tuple[float, dict]:
    """The live generation, and the values already remembered under ``names`` for it, by name (those not found
    are absent): ``remember`` for many values at once, computing none. Found in the request's values or else in
    one ``get_many``. Store the others with ``keep`` under the generation returned here, read before anything
    was computed (as ``remember`` does).

    The names are not added to the request's (``_previous_names``): those are read ahead by the next request
    of the process, whatever it is, and a listing's bodies are large and of use to that listing only."""
    generation = live_generation()
    keys = {name: _content_key(generation, name) for name in names}
    uncommitted = _uncommitted_memo()
    if uncommitted is not None:
        return generation, {name: uncommitted[key] for name, key in keys.items() if key in uncommitted}
    context = _request_values.get()
    found, missing = {}, {}
    if context is not None and not context.prefetched:
        context.prefetched = True
        _prefetch(context, generation)
    for name, key in keys.items():
        if context is not None and key in context.values:
            found[name] = context.values[key]
            continue
        missing[key] = name
    if missing:
        for key, value in cache.get_many(list(missing)).items():
            if value is not None:
                found[missing[key]] = value
                if context is not None:
                    context.values[key] = value
    return generation, found


def keep(generation: float, values: dict, timeout: int = 24 * 3600) -> None:
    """Store ``values`` (name -> value), computed after ``recall`` returned ``generation``, as ``remember`` would
    have after computing each (one ``set_many``)."""
    keys = {_content_key(generation, name): value for name, value in values.items()}
    uncommitted = _uncommitted_memo()
    if uncommitted is not None:
        uncommitted.update(keys)
        return
    cache.set_many(keys, timeout)
    context = _request_values.get()
    if context is not None:
        context.values.update(keys)


def _uncommitted_memo() -> dict | None:
    """Where to keep values while this process's open transaction holds a change it has not committed: a
    memo of that transaction's own, else None (the shared places may be used).

    Such a change renewed a stamp at once (``invalidate``, ``invalidate_sites``), so a value computed now is
    keyed by a stamp every process reads, yet may show rows that never commit: stored in the shared cache (or
    this process's ``_sites_memo``) it would be believed everywhere after a rollback, until the next change. A
    rolled-back restriction, expiry or site would then be served. Django has no rollback hook, but a rollback
    of the transaction or of a savepoint replaces the connection's list of commit callbacks, and so does a
    commit: the memo belongs to that list object and is dropped with it.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    callbacks = connection.run_on_commit
    known = getattr(connection, "_cms_uncommitted_memo", None)
    if known is not None and known[0] is callbacks:
        return known[1]
    if not any(func in _RENEWALS for _sids, func, _robust in reversed(callbacks)):
        return None
    memo = {}
    connection._cms_uncommitted_memo = (callbacks, memo)
    return memo


def _memoised(memo: dict, key: str, compute):
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _content_key(generation: float, name: str) -> str:
    return f"cms-content:{generation}:{hashlib.sha256(name.encode()).hexdigest()}"


def _prefetch(context: _RequestValues, generation: float) -> None:
    """Read the values of the names the previous request remembered, under this request's generation, at once."""
    keys = [_content_key(generation, name) for name in _previous_names]
    if keys:
        context.values.update(cache.get_many(keys))


def _on_commit_once_per_savepoint(func) -> None:
    """Run ``func`` when the transaction commits, once per set of open savepoints however often it is asked.

    Only the callbacks registered since the innermost open savepoint began can have the same savepoints, and
    they are the end of Django's list: the look-up reads that end only. Reading the whole list made a bulk
    import run inside a transaction (one savepoint per row, each leaving its callbacks) slow down row by row.
    """
    connection = transaction.get_connection()
    savepoints = set(connection.savepoint_ids)
    innermost = next((sid for sid in reversed(connection.savepoint_ids) if sid is not None), None)
    for sids, waiting, _robust in reversed(connection.run_on_commit):
        if innermost is not None and innermost not in sids:
            break  # registered before the innermost savepoint began
        if waiting is func and sids == savepoints:
            return
    transaction.on_commit(func)


# --- The sites stamp ---------------------------------------------------------------------------------
# Which portals exist, their hosts and their trees' homes change far more rarely than content: publishing an
# article must not make every process look them up again. They have a stamp of their own, stored as the
# content generation is (the file beside it, or the shared cache), renewed only by a change to a Site, to a
# page at the top of the tree (a portal's home in any language, or the tree's root) or to portal settings.

# This process's copies of values remembered for the sites: name -> (stamp, value).
_sites_memo: dict[str, tuple[float, object]] = {}


def sites_stamp() -> float:
    return _current(SITES_KEY, SITES_FILE_SUFFIX)


def remember_for_sites(name: str, compute, timeout: int = 24 * 3600):
    """A value derived from the sites and their homes only (host table, portal trees), kept until they change.

    Read from this process's memory while the stamp holds (one file read, or one cache read, per call), else
    from the shared cache, else computed."""
    stamp = sites_stamp()
    uncommitted = _uncommitted_memo()
    if uncommitted is not None:
        return _memoised(uncommitted, f"cms-sites:{stamp}:{name}", compute)
    known = _sites_memo.get(name)
    if known is not None and known[0] == stamp:
        return known[1]
    key = f"cms-sites:{stamp}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    _sites_memo[name] = (stamp, value)
    return value


def _renew_sites() -> float:
    return _renew(SITES_KEY, SITES_FILE_SUFFIX)


def invalidate_sites(**kwargs) -> None:
    """Make everything remembered for the sites stale in every process: at once, and again at commit (a
    process that read the old rows under the first new stamp is not believed afterwards)."""
    _renew_sites()
    if transaction.get_connection().in_atomic_block:
        _on_commit_once_per_savepoint(_renew_sites)


def _is_sites_change(sender, instance) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page, Site

    if issubclass(sender, Page):
        return (instance.depth or 0) <= 2  # the root and the homes; a move is told by post_page_move
    return issubclass(sender, (Site, BaseGenericSetting, BaseSiteSetting))


def _on_sites_change(sender, instance, created=False, **kwargs):
    if created and _is_settings_model(sender):
        return  # defaults written on first read: nothing the sites' values showed has changed
    if _is_sites_change(sender, instance):
        invalidate_sites()


def _on_page_move(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    # A home moved, or a page moved to or from the top: treebeard may renumber the homes' paths.
    if any(parent is not None and parent.depth <= 1 for parent in (parent_page_before, parent_page_after)):
        invalidate_sites()


def _after_commit() -> None:
    _renew()
    from cms.core import cdn

    cdn.purge_content()


def invalidate(**kwargs) -> None:
    """Make everything derived from published content stale, in every process (receiver for any publishing signal)."""
    _renew()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _after_commit()
    else:
        # One purge per transaction (a publish sends many signals); per savepoint, since a rolled-back
        # savepoint takes its callbacks with it.
        _on_commit_once_per_savepoint(_after_commit)


def renew(**kwargs) -> None:
    """A new content generation, at once and at commit, without purging the CDN: for changes to what only this
    portal's own caches derive from (the search index's rows, whose pages' publication purges the CDN itself)."""
    _renew()
    if transaction.get_connection().in_atomic_block:
        _on_commit_once_per_savepoint(_renew)


# The commit callbacks that renew a stamp: while one waits, the transaction holds an uncommitted change.
_RENEWALS = (_after_commit, _renew_sites, _renew)


def _is_content_model(sender) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import BaseViewRestriction, Collection, DraftStateMixin, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models
    from wagtailmedia.models import AbstractMedia

    if issubclass(sender, AbstractRendition):
        return False  # renditions are made while serving; they change no content
    content = (Page, AbstractImage, AbstractDocument, AbstractMedia, BaseViewRestriction, Collection, Locale, Site)
    content += (DraftStateMixin,)
    # Portal settings (name, address, footer) are on every cached page.
    content += (BaseGenericSetting, BaseSiteSetting)
    return issubclass(sender, content) or sender in get_snippet_models()


def _is_settings_model(sender) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(sender, (BaseGenericSetting, BaseSiteSetting))


def _on_model_change(sender, created=False, **kwargs):
    # Wagtail creates a settings row with its defaults the first time a site's settings are read (also by a
    # public request): the pages already showed those defaults, so nothing changed and nothing is dropped.
    if created and _is_settings_model(sender):
        return
    if _is_content_model(sender):
        invalidate()


def _no_expiry() -> None:
    return None


# When published content next expires (a timestamp), as the publication rule reads it; set by connect_signals.
_next_expiry = _no_expiry


def connect_signals(next_expiry) -> None:
    """Start a new generation on every publishing signal; ``next_expiry`` says when content next expires."""
    global _next_expiry
    _next_expiry = next_expiry
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
        workflow_approved,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished, workflow_approved):
        signal.connect(invalidate, dispatch_uid=f"cms-content-invalidate-{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="cms-content-invalidate-save")
    post_delete.connect(_on_model_change, dispatch_uid="cms-content-invalidate-delete")
    post_save.connect(_on_sites_change, dispatch_uid="cms-sites-invalidate-save")
    post_delete.connect(_on_sites_change, dispatch_uid="cms-sites-invalidate-delete")
    post_page_move.connect(_on_page_move, dispatch_uid="cms-sites-invalidate-move")
