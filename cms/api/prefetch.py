"""Cross-object prefetch: one query per referenced model for a whole listing.

Before serialising a list of pages, ``collect_references`` walks every page's raw StreamField data
(generically: any ``ChooserBlock`` and any link inside a ``RichTextBlock``) and the model's foreign
keys; ``ObjectStore`` fetches each referenced model once. While the store is active, Wagtail's
``ChooserBlock.bulk_to_python`` and rich-text link handlers read from it instead of querying per page,
so a new chooser-based block gets the same flat query cost without any change here.
Objects that must not leave the API (unpublished or restricted pages, files in restricted
collections) are simply absent from the store and come out as ``None``.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from django.db import models
from django.db.models import Q
from django.utils.html import format_html
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.rich_text import EntityHandler, extract_references_from_rich_text
from wagtail.rich_text.pages import PageLinkHandler

from cms.api import streams
from cms.core import visibility
from cms.core.i18n import attach_locales
from cms.core.page_urls import page_url
from cms.core.representations import api_rendition_specs
from cms.core.rich_text import PublicPageLinkHandler
from cms.core.store import active_store


def visible_for_api(model):
    """What the public may see of ``model`` (``cms.core.visibility``), with what its representation needs."""
    queryset = visibility.visible_objects(model)
    if issubclass(model, get_image_model()):
        return queryset.prefetch_renditions(*api_rendition_specs())
    return queryset


def _concrete(model):
    """References are keyed by the concrete base model (Page for any page type)."""
    if issubclass(model, Page):
        return Page
    return model


class ObjectStore:
    """Objects fetched once per request, keyed by model and primary key."""

    def __init__(self, remembered_locales: bool = False):
        # True: rows get their locales from the remembered list (``cms.core.i18n.attach_locales``) rather than a
        # join; the API's listings have read that list already (their language filter), other users need not.
        self.remembered_locales = remembered_locales
        self.objects: dict[type, dict] = defaultdict(dict)
        self.fetched: dict[type, set] = defaultdict(set)
        self.translations: dict = defaultdict(list)
        self.translation_keys: set = set()
        self.memo: dict = {}

    def share_site_root_paths(self, pages) -> None:
        """Give every page Wagtail's list of site roots, read once per response: a page reads it from the Django
        cache on its first URL otherwise (it keeps it on itself, ``Page._get_site_root_paths``), once per page."""
        paths = self.memo.get("site-root-paths")
        if paths is None:
            paths = self.memo["site-root-paths"] = Site.get_site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = paths

    def fetch(self, wanted: dict[type, set], translation_keys=(), listed=()) -> None:
        """Load what ``wanted`` names (model -> ids), and the visible pages of ``translation_keys`` (the
        translations of the pages listed) in the same query as the pages. ``listed``: the visible pages already
        loaded (the listing's own), which are among their own translations and are not read again."""
        keys = set(translation_keys) - self.translation_keys
        if keys:
            wanted = {**wanted, Page: wanted.get(Page, set())}
        for model, ids in wanted.items():
            if model is Embed:
                # Cached oEmbed results are keyed by URL, not by id.
                urls = {url for url in ids if isinstance(url, str)} - self.fetched[Embed]
                for embed in Embed.objects.filter(url__in=urls) if urls else []:
                    self.objects[Embed][embed.url] = embed
                self.fetched[Embed] |= urls
                continue
            ids = {int(pk) for pk in ids if str(pk).isdigit()} - self.fetched[model]
            if model is Page and keys:
                self._fetch_pages(ids, keys, [page for page in listed if page.translation_key in keys])
                continue
            if not ids:
                continue
            # A model may load more than the ids in the same query (e.g. a snippet and its translations).
            loader = getattr(model, "api_prefetch_queryset", None)
            # Kept by id: no ORDER BY (pages are ordered by tree path by default, a sort for nothing).
            queryset = loader(ids) if loader else visible_for_api(model).filter(pk__in=ids).order_by()
            if _is_translatable(model) and not self.remembered_locales:
                queryset = queryset.select_related("locale")
            for obj in queryset:
                self.objects[model][obj.pk] = obj
            self.fetched[model] |= ids | set(self.objects[model])
            if _is_translatable(model) and self.remembered_locales:
                attach_locales(self.objects[model].values())
            if model is Page:
                self.share_site_root_paths(self.objects[Page].values())

    def _fetch_pages(self, ids: set, keys: set, listed: list) -> None:
        """Linked pages and the listed pages' translations: one query (both are visible pages), in tree order
        (the order ``translations`` lists them in). The listed pages themselves are not read again (they are
        their own translations): they join their keys' lists in tree order."""
        condition = Q(translation_key__in=keys)
        if listed:
            condition &= ~Q(pk__in=[page.pk for page in listed])
        if ids:
            condition |= Q(pk__in=ids)
        translations = defaultdict(list)
        queryset = visible_for_api(Page).filter(condition)
        if not self.remembered_locales:
            queryset = queryset.select_related("locale")
        for page in queryset:
            if page.pk in ids:
                self.objects[Page][page.pk] = page
            if page.translation_key in keys:
                translations[page.translation_key].append(page)
        for page in listed:
            known = {other.pk for other in translations[page.translation_key]}
            if page.pk not in known:
                translations[page.translation_key].append(page)
                translations[page.translation_key].sort(key=_tree_order)
        self.fetched[Page] |= ids | set(self.objects[Page])
        loaded = [*self.objects[Page].values(), *(page for pages in translations.values() for page in pages)]
        if self.remembered_locales:
            attach_locales(loaded)
        self.share_site_root_paths(loaded)
        self.translations.update(translations)
        self.translation_keys |= keys

    def knows(self, model, ids) -> bool:
        model = _concrete(model)
        fetched = self.fetched.get(model, set())
        return all(pk is None or (str(pk).isdigit() and int(pk) in fetched) for pk in ids)

    def get(self, model, pk):
        if pk is None or not str(pk).isdigit():
            return None
        return self.objects.get(_concrete(model), {}).get(int(pk))


def _tree_order(page) -> str:
    return page.path


@functools.cache
def _is_translatable(model) -> bool:
    return issubclass(model, TranslatableMixin)


def _walk_block(block, raw, wanted, links: bool = True) -> None:
    """Collect (model, id) from a block's raw JSON value, for any block tree (``links``: also the targets of
    links inside rich text)."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _walk_block(block.child_blocks[item["type"]], item.get("value"), wanted, links)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _walk_block(block.child_block, value, wanted, links)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _walk_block(child, raw.get(name), wanted, links)
        elif hasattr(block, "child_blocks") and "image" in block.child_blocks:
            # Wagtail's ImageBlock also accepts a bare image id.
            _walk_block(block.child_blocks["image"], raw, wanted, links)
    elif isinstance(block, blocks.ChooserBlock):
        wanted[_concrete(block.model_class)].add(raw)
    elif isinstance(block, EmbedBlock) and isinstance(raw, str):
        wanted[Embed].add(raw)
    elif links and isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
        for model, pk, *_rest in extract_references_from_rich_text(raw):
            wanted[_concrete(model)].add(pk)


def references_in_stream(stream_block, raw) -> dict[type, set]:
    """Objects referenced by raw StreamField data, by concrete model."""
    wanted: dict[type, set] = defaultdict(set)
    _walk_block(stream_block, raw, wanted)
    return wanted


@functools.cache
def _media_keys(model) -> tuple:
    """(related model, attname) of ``model``'s foreign keys to images and documents (the models are fixed at start)."""
    media = (get_image_model(), get_document_model())
    return tuple(
        (field.related_model, field.attname)
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model in media
    )


@functools.cache
def _stream_fields(model) -> tuple:
    return tuple(field for field in model._meta.concrete_fields if isinstance(field, StreamField))


def _collect_media_keys(obj, wanted) -> None:
    for related_model, attname in _media_keys(type(obj)):
        wanted[related_model].add(getattr(obj, attname))


def collect_references(objects, *, blocks_only: bool = False, remembered=None) -> dict[type, set]:
    """Every object referenced by the StreamFields, image/document keys and prefetched children of ``objects``.

    ``blocks_only``: just what the StreamFields' blocks load when converted (what the search index reads to
    get their text), not links inside rich text, which converting never follows, nor media keys.
    ``remembered``: the response's remembered StreamField representations (``cms.api.streams``), which
    will not be converted, so what only they reference is not needed."""
    wanted: dict[type, set] = defaultdict(set)
    for obj in objects:
        if not blocks_only:
            _collect_media_keys(obj, wanted)
            for children in getattr(obj, "_prefetched_objects_cache", {}).values():
                for child in children:
                    _collect_media_keys(child, wanted)
        for field in _stream_fields(type(obj)):
            if remembered is not None and remembered.knows(obj, field.attname):
                continue
            # A lazy StreamValue: reading raw_data converts nothing and queries nothing.
            raw = getattr(getattr(obj, field.attname, None), "raw_data", None)
            _walk_block(field.stream_block, list(raw) if raw is not None else None, wanted, not blocks_only)
    for ids in wanted.values():
        ids.discard(None)
    return wanted


def prefetch_for(objects, store: ObjectStore | None = None) -> ObjectStore:
    """Fetch what ``objects`` reference, and their translations, into ``store`` (a new one by default)."""
    store = store or ObjectStore()
    objects = list(objects)
    pages = bool(objects) and isinstance(objects[0], Page)
    if pages:
        attach_locales(objects)
    remembered = streams.active(store) if pages else None
    if remembered is not None:
        remembered.recall(objects, lambda page: [field.attname for field in _stream_fields(type(page))])
    references = collect_references(objects, remembered=remembered)
    store.fetch(references, {page.translation_key for page in objects} if pages else (), objects if pages else ())
    if pages:
        store.share_site_root_paths(objects)
        translations_for(store, objects)  # already fetched with the linked pages
    return store


# --- Hooks into Wagtail: read from the active store when it already holds the answer. ---

_original_bulk_to_python = blocks.ChooserBlock.bulk_to_python
_original_to_python = blocks.ChooserBlock.to_python
_original_get_many = EntityHandler.get_many.__func__
_original_page_get_many = PageLinkHandler.get_many.__func__


def _bulk_to_python(self, values):
    store = active_store()
    values = list(values)
    if store is not None and store.knows(self.model_class, values):
        return [store.get(self.model_class, pk) for pk in values]
    return _original_bulk_to_python(self, values)


def _to_python(self, value):
    store = active_store()
    if store is not None and not isinstance(value, models.Model) and store.knows(self.model_class, [value]):
        return store.get(self.model_class, value)
    return _original_to_python(self, value)


def _entity_get_many(cls, attrs_list, original):
    store = active_store()
    ids = [attrs.get("id") for attrs in attrs_list]
    model = cls.get_model()
    if store is not None and store.knows(model, ids):
        return [store.get(model, pk) for pk in ids]
    return original(cls, attrs_list)


_original_page_expand_many = {
    handler: handler.expand_db_attributes_many.__func__ for handler in (PublicPageLinkHandler, PageLinkHandler)
}


def _page_expand_many(cls, attrs_list):
    # In the API a link points at the page the editor chose, in its own language: no
    # per-link ``page.localized`` lookup (one query each), and hidden pages lose their href.
    # (Most specific handler first: PublicPageLinkHandler is a PageLinkHandler.)
    if active_store() is None:
        original = next(func for handler, func in _original_page_expand_many.items() if issubclass(cls, handler))
        return original(cls, attrs_list)
    urls = [page_url(page) if page is not None else None for page in cls.get_many(attrs_list)]
    return [format_html('<a href="{}">', url) if url else "<a>" for url in urls]


def install() -> None:
    """Route Wagtail's chooser and rich-text lookups through the active store (idempotent)."""
    if getattr(blocks.ChooserBlock, "_cms_api_store", False):
        return
    blocks.ChooserBlock.bulk_to_python = _bulk_to_python
    blocks.ChooserBlock.to_python = _to_python
    EntityHandler.get_many = classmethod(lambda cls, attrs: _entity_get_many(cls, attrs, _original_get_many))
    PageLinkHandler.get_many = classmethod(lambda cls, attrs: _entity_get_many(cls, attrs, _original_page_get_many))
    PageLinkHandler.expand_db_attributes_many = classmethod(_page_expand_many)
    PublicPageLinkHandler.expand_db_attributes_many = classmethod(_page_expand_many)
    blocks.ChooserBlock._cms_api_store = True


def translations_for(store: ObjectStore | None, pages) -> dict:
    """Visible pages sharing a translation key with ``pages``, grouped by key (one query per listing)."""
    keys = {page.translation_key for page in pages}
    if store is not None and keys <= store.translation_keys:
        return store.translations
    result = defaultdict(list)
    for page in visibility.visible_pages(Page).filter(translation_key__in=keys):
        result[page.translation_key].append(page)
    attach_locales(page for pages in result.values() for page in pages)
    if store is None:
        return result
    store.share_site_root_paths(page for pages in result.values() for page in pages)
    store.translations.update(result)
    store.translation_keys |= keys
    return store.translations
