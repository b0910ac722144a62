"""What the public may see: the one place that reads ``live``, ``expire_at`` and view restrictions.

Every public channel asks this module: page templates, blocks, menus and banner links, feeds, the
sitemap, the search index, the API, the caches and the CDN purge.

- A page is visible when it is live (and not flagged ``expired``), its ``expire_at`` has not passed
  (Wagtail unpublishes an expired page only when ``publish_scheduled`` runs; until then it is still
  ``live``), neither it nor an ancestor
  has a view restriction (password, login or group: hidden from everyone, since public answers are
  shared through caches), it is not the tree's root, and it is not an alias of a page that is hidden.
- A snippet with a draft state is visible when live and not expired; other snippets always are.
- An image or a document is visible when its collection (or an ancestor collection) has no view restriction.
- A link is shown only when its target is visible.

The restriction lists are computed once per content generation (``cms.core.cache``): any restriction,
collection or page change starts a new one in every process.
"""

import contextlib
from contextvars import ContextVar

from django.db.models import DateTimeField, Q, Value
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Page, PageViewRestriction

from cms.core.cache import remember
from cms.core.store import active_store

# Inside ``fresh()``: the lists read from the database in this block, by name (None outside one).
_fresh: ContextVar[dict | None] = ContextVar("visibility_fresh", default=None)


@contextlib.contextmanager
def fresh():
    """Read the restriction lists from the database, not the cache: for writers such as the search index,
    which run inside the very signal that is about to start a new generation. Each list is read once per
    block (the index opens one per batch of pages), so keep a block short."""
    token = _fresh.set({})
    try:
        yield
    finally:
        _fresh.reset(token)


def _per_generation(name, compute):
    """A restriction list, computed once per content generation (and kept for the request's object store)."""
    block = _fresh.get()
    if block is not None:
        if name not in block:
            block[name] = compute()
        return block[name]
    store = active_store()
    if store is not None and name in store.memo:
        return store.memo[name]
    value = remember(name, compute)
    if store is not None:
        store.memo[name] = value
    return value


# --- Expiry ---------------------------------------------------------------------------------------


def unexpired_condition(prefix: str = "") -> Q:
    """Rows whose ``expire_at`` (through ``prefix``, e.g. ``"alias_of__"``) is unset or still ahead."""
    return Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": timezone.now()})


def unexpired(queryset):
    """Drop rows past their expiry time (pages, snippets, search index rows: anything with ``expire_at``)."""
    return queryset.filter(unexpired_condition())


def is_expired(obj) -> bool:
    expire_at = getattr(obj, "expire_at", None)
    return expire_at is not None and expire_at <= timezone.now()


def next_expiry(models) -> float | None:
    """The first future ``expire_at`` of any live row of ``models``, as a timestamp (None: nothing expires)."""
    from django.db.models import Min

    now = timezone.now()
    times = [
        model._default_manager.filter(live=True, expire_at__gt=now).aggregate(first=Min("expire_at"))["first"]
        for model in models
    ]
    times = [value.timestamp() for value in times if value is not None]
    return min(times) if times else None


def next_public_expiry() -> float | None:
    """When anything the public sees next expires (the content cache ends its generation then)."""
    return next_expiry(expiring_models())


def expiring_models() -> list:
    """Every model whose rows can expire: pages and snippets with a draft state."""
    from wagtail.snippets.models import get_snippet_models

    return [Page, *(model for model in get_snippet_models() if issubclass(model, DraftStateMixin))]


# --- Pages ----------------------------------------------------------------------------------------


def _page_rules() -> tuple[tuple[str, ...], frozenset[int], tuple[str, ...]]:
    """Restricted page paths, hidden aliases and every alias's own path, read together in one query per generation.

    An alias is hidden when its original is (unpublished, expired or restricted): Wagtail copies content
    to aliases on publish, but a restriction on the original does not follow it to the alias's place in
    the tree, and an alias may outlive its original's expiry.
    """

    def compute():
        restrictions = PageViewRestriction.objects.order_by().values_list(
            Value("restriction"),
            "page_id",
            Value(True),
            Value(None, output_field=DateTimeField()),
            "page__path",
            "page__path",
        )
        aliases = (
            Page.objects.filter(alias_of__isnull=False)
            .order_by()
            .values_list(Value("alias"), "pk", "alias_of__live", "alias_of__expire_at", "alias_of__path", "path")
        )
        rows = list(restrictions.union(aliases, all=True))
        paths = tuple(path for kind, _pk, _live, _expire_at, path, _own in rows if kind == "restriction")
        now = timezone.now()
        hidden = frozenset(
            pk
            for kind, pk, live, expire_at, path, _own in rows
            if kind == "alias" and (not live or (expire_at is not None and expire_at <= now) or path.startswith(paths))
        )
        alias_paths = tuple(own for kind, _pk, _live, _expire_at, _path, own in rows if kind == "alias")
        return paths, hidden, alias_paths

    # Named for its shape (three lists): a process still running the two-list version reads another key.
    return _per_generation("page_rules:alias_paths", compute)


def restricted_page_paths() -> tuple[str, ...]:
    """Tree paths of pages with a view restriction: they and everything below them are hidden."""
    return _page_rules()[0]


def hidden_alias_ids() -> frozenset[int]:
    """Aliases whose original page is hidden."""
    return _page_rules()[1]


def _under(paths, field: str = "path") -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def visible_pages(model=Page, *, queryset=None, for_search=False):
    """Pages of ``model`` (or of ``queryset``) the public may see.

    ``for_search``: Wagtail's search backends filter only on indexed fields, so the expiry condition goes
    through ``id`` there. Elsewhere it is a plain condition on the row: as ``id NOT IN (subquery)``
    PostgreSQL misjudged how many rows pass and sorted every article of a 10,000-page portal to list 20.
    """
    if queryset is None:
        queryset = model._default_manager.all()
        if model is Page:
            # The root (depth 1) is Wagtail's tree anchor, not content: it has no URL and no parent. (A specific
            # page type is never the root; there the condition only led SQLite to drive the query from depth.)
            queryset = queryset.filter(depth__gt=1)
    # ``expired`` is Wagtail's own flag (set with ``live=False`` by ``publish_scheduled``): either hides a page.
    queryset = queryset.filter(live=True)
    if for_search:
        expired = Page.objects.filter(Q(live=True, expire_at__lte=timezone.now()) | Q(expired=True)).values("id")
        queryset = queryset.exclude(id__in=expired)
    else:
        queryset = queryset.filter(unexpired_condition(), expired=False)
    paths = restricted_page_paths()
    if paths:
        queryset = queryset.exclude(_under(paths))
    aliases = hidden_alias_ids()
    if aliases:
        queryset = queryset.exclude(pk__in=aliases)
    return queryset


def view_restrictions_may_apply(page) -> bool:
    """Whether a view restriction (password, login, groups) can apply to ``page``: one is on it or an ancestor, or
    it or an ancestor is an alias (Wagtail then reads the original's). False costs no query once the generation's
    lists are known."""
    _paths, _hidden, alias_paths = _page_rules()
    return page.path.startswith(restricted_page_paths()) or page.path.startswith(alias_paths)


def is_visible_page(page) -> bool:
    """The same rule for one page already in memory (no query once the generation's lists are known)."""
    if page is None or not page.live or page.expired or page.depth <= 1 or is_expired(page):
        return False
    if page.path.startswith(restricted_page_paths()):
        return False
    return page.pk not in hidden_alias_ids()


def is_servable_page(page) -> bool:
    """Whether Wagtail may serve ``page``: what view restrictions leave to Wagtail's own password/login check."""
    return page.live and not page.expired and not is_expired(page) and page.pk not in hidden_alias_ids()


def visible_link(page):
    """``page`` if a public link may point to it, else None (banner slides, page-link blocks, index links)."""
    return page if is_visible_page(page) else None


def searchable_pages(model):
    """Visible pages that are not aliases (an alias repeats its original's text): the search index's rows."""
    return visible_pages(model).filter(alias_of__isnull=True)


def menu_pages(parent):
    """Visible children of ``parent`` shown in menus."""
    return visible_pages(queryset=parent.get_children()).filter(show_in_menus=True)


# --- Snippets -------------------------------------------------------------------------------------


def visible_snippets(queryset):
    """Published, unexpired rows of a snippet queryset (snippets without a draft state are always public)."""
    if issubclass(queryset.model, DraftStateMixin):
        return unexpired(queryset.filter(live=True))
    return queryset


def is_visible_snippet(obj) -> bool:
    if obj is None:
        return False
    if isinstance(obj, DraftStateMixin):
        return bool(obj.live) and not is_expired(obj)
    return True


# --- Images and documents -------------------------------------------------------------------------


def restricted_collection_ids() -> frozenset[int]:
    """Collections with a view restriction, and their descendants."""

    def compute():
        paths = list(Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True))
        if not paths:
            return frozenset()
        return frozenset(Collection.objects.filter(_under(paths)).values_list("pk", flat=True))

    return _per_generation("restricted_collection_ids", compute)


def visible_media(model):
    """Images or documents outside restricted collections."""
    queryset = model._default_manager.all()
    hidden = restricted_collection_ids()
    if hidden:
        queryset = queryset.exclude(collection_id__in=hidden)
    return queryset


def is_visible_media(obj) -> bool:
    return obj is not None and obj.collection_id not in restricted_collection_ids()


def visible_media_or_none(obj):
    """``obj`` when the public may see this image or document, else None (templates then show nothing)."""
    return obj if is_visible_media(obj) else None


# --- Any object -----------------------------------------------------------------------------------


def visible_objects(model):
    """The queryset of ``model`` the public may see, whatever it is."""
    if issubclass(model, Page):
        return visible_pages(Page)
    if issubclass(model, (get_image_model(), get_document_model())):
        return visible_media(model)
    return visible_snippets(model._default_manager.all())


def is_visible(obj) -> bool:
    """The rule for one object of any kind (page, image, document, snippet)."""
    if isinstance(obj, Page):
        return is_visible_page(obj)
    if isinstance(obj, (get_image_model(), get_document_model())):
        return is_visible_media(obj)
    return is_visible_snippet(obj)
