"""Deferred indexing: a bulk import indexes each object it touched once at the end, not on every save.

Creating and publishing a page saves it three times, and each save normally updates Wagtail's search index,
its reference index and the portal's ``SearchEntry``. Inside ``deferred_indexing()`` those updates are held
back in the current thread and the objects are collected; on leaving the block each one is re-read from the
database and indexed once, in bulk, so the indexes end exactly as the per-save path would leave them::

    with transaction.atomic(), deferred_indexing():
        for row in rows:
            make_page(row)  # add_child, save_revision, publish: no index writes here

Deletes are not deferred (their handlers still run at once). Blocks nest: an inner block adds to the outer
one's collection. If the block raises inside a transaction (which will roll back), nothing is indexed; if it
raises outside one, what was committed is indexed before the exception goes on.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from search import index as portal_search

# (model, pk) pairs saved in the current block, or None outside one.
_collected: ContextVar[set | None] = ContextVar("search_deferred_collected", default=None)
_UID = "search_deferred_{}"


def is_deferred() -> bool:
    return _collected.get() is not None


def defer(instance) -> bool:
    """Note ``instance`` for indexing at the end of the current block; False when no block is open."""
    collected = _collected.get()
    if collected is None:
        return False
    if instance.pk is not None:
        collected.add((instance._meta.concrete_model, instance.pk))
    return True


def _search_saved(sender, instance, raw=False, **kwargs):
    # Stands in for modelsearch's handler while a block is open anywhere: other threads are passed through.
    if raw or defer(instance):
        return
    post_save_signal_handler(instance=instance, raw=raw, **kwargs)


def _reference_saved(sender, instance, raw=False, **kwargs):
    if not raw and ReferenceIndex.is_indexed(type(instance)):
        defer(instance)


_depth = 0


def _swap_search_handlers(deferring: bool):
    for model in get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        uid = _UID.format(model._meta.label_lower)
        if deferring:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(_search_saved, sender=model, dispatch_uid=uid)
        else:
            post_save.disconnect(sender=model, dispatch_uid=uid)
            post_save.connect(post_save_signal_handler, sender=model)
    if deferring:
        post_save.connect(_reference_saved, dispatch_uid=_UID.format("references"))
    else:
        post_save.disconnect(dispatch_uid=_UID.format("references"))


@contextmanager
def deferred_indexing():
    """Collect the objects saved in the block and index each once on leaving it (see the module docstring)."""
    global _depth
    if _collected.get() is not None:  # nested: the outer block indexes
        yield
        return
    collected: set = set()
    token = _collected.set(collected)
    if _depth == 0:
        _swap_search_handlers(deferring=True)
    _depth += 1
    succeeded = False
    try:
        with disable_reference_index_auto_update():
            yield
        succeeded = True
    finally:
        _depth -= 1
        if _depth == 0:
            _swap_search_handlers(deferring=False)
        _collected.reset(token)
        if succeeded or not connection.in_atomic_block:
            index_now(collected)


def index_now(objects) -> None:
    """Index the given ``(model, pk)`` pairs as their saves would have: search backends, references, SearchEntry."""
    if not objects:
        return
    by_model = defaultdict(set)
    for model, pk in objects:
        by_model[Page if issubclass(model, Page) else model].add(pk)
    instances = defaultdict(list)
    for model, pks in by_model.items():
        queryset = model.objects.filter(pk__in=pks)
        for obj in queryset.specific() if model is Page else queryset:
            instances[type(obj)].append(obj)
    with transaction.atomic():
        indexed = set(get_indexed_models())
        for backend in get_search_backends(with_auto_update=True):
            for model, objs in instances.items():
                if model in indexed and getattr(model, "search_auto_update", True):
                    backend.add_bulk(model, objs)
        for model, objs in instances.items():
            if ReferenceIndex.is_indexed(model):
                for obj in objs:
                    ReferenceIndex.create_or_update_for_object(obj)
        if Page in by_model:
            portal_search.sync_pages(sorted(by_model[Page]))
