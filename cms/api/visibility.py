"""What may leave the API: live, unexpired, unrestricted pages; files outside restricted collections.

View restrictions (password, login or group) hide a page and its descendants from every caller,
anonymous or logged in: the API is public and its responses are shared through caches.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Page, PageViewRestriction


def _per_request(name, compute):
    """Restriction lists, computed once per content generation (any restriction change starts a new one)."""
    from cms.api.cache import remember
    from cms.api.prefetch import active_store

    store = active_store()
    if store is not None and name in store.memo:
        return store.memo[name]
    value = remember(name, compute)
    if store is not None:
        store.memo[name] = value
    return value


def restricted_page_paths() -> list[str]:
    return _per_request(
        "restricted_page_paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def visible_pages(model=Page, *, for_search=False):
    """Live, unexpired pages with no view restriction on themselves or an ancestor (never the tree's root).

    Expired pages stay live until the publish_scheduled command runs; they are hidden meanwhile.
    ``for_search``: Wagtail's search backends filter only on indexed fields, so the expiry condition goes
    through ``id`` there. Elsewhere it is a plain condition on the row: as ``id NOT IN (subquery)``
    PostgreSQL misjudged how many rows pass and sorted every article of a 10,000-page portal to list 20.
    """
    now = timezone.now()
    queryset = model._default_manager.live()
    if model is Page:
        # The root (depth 1) is Wagtail's tree anchor, not content: it has no URL and no parent. (A specific
        # page type is never the root; there the condition only led SQLite to drive the query from depth.)
        queryset = queryset.filter(depth__gt=1)
    if for_search:
        queryset = queryset.exclude(id__in=Page.objects.filter(live=True, expire_at__lte=now).values("id"))
    else:
        queryset = queryset.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    paths = restricted_page_paths()
    if paths:
        restricted = Q()
        for path in paths:
            restricted |= Q(path__startswith=path)
        queryset = queryset.exclude(restricted)
    return queryset


def restricted_collection_ids() -> set[int]:
    """Collections with a view restriction, and their descendants."""
    return _per_request("restricted_collection_ids", _restricted_collection_ids)


def _restricted_collection_ids() -> set[int]:
    restricted = list(Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True))
    if not restricted:
        return set()
    condition = Q()
    for path in restricted:
        condition |= Q(path__startswith=path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))


def visible_media(model):
    """Images or documents outside restricted collections."""
    queryset = model._default_manager.all()
    hidden = restricted_collection_ids()
    if hidden:
        queryset = queryset.exclude(collection_id__in=hidden)
    return queryset


def visible_objects(model):
    """The queryset of ``model`` the API may expose, with what its representation needs."""
    from cms.api.prefetch import RENDITIONS

    if issubclass(model, Page):
        return visible_pages(Page).select_related("locale")
    if issubclass(model, get_image_model()):
        return visible_media(model).prefetch_renditions(*RENDITIONS.values())
    if issubclass(model, get_document_model()):
        return visible_media(model)
    if issubclass(model, DraftStateMixin):
        return model._default_manager.filter(live=True)
    return model._default_manager.all()
