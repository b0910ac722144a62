"""HTTP caching for the API: ETag/Last-Modified, 304s, Cache-Control, and a server-side response cache.

The server-side cache keys every response by a *generation* stamp kept in the Django cache. Any
publishing event (page, snippet, image, document, restriction, workflow) sets a new stamp, so every
cached response becomes unreachable at once; the stamp is also the ``Last-Modified`` of all responses.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

GENERATION_KEY = "cms-api:generation"
EXPIRY_KEY = "cms-api:next-expiry"


def current_generation() -> float:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _earliest_expiry() -> float | None:
    """The first future ``expire_at`` of any live page or snippet, as a timestamp (None: nothing expires)."""
    from wagtail.models import DraftStateMixin, Page
    from wagtail.snippets.models import get_snippet_models

    now = timezone.now()
    models = [Page, *(model for model in get_snippet_models() if issubclass(model, DraftStateMixin))]
    times = [
        model._default_manager.filter(live=True, expire_at__gt=now).aggregate(first=Min("expire_at"))["first"]
        for model in models
    ]
    times = [value.timestamp() for value in times if value is not None]
    return min(times) if times else None


def seconds_until_expiry(generation: float) -> float | None:
    """Seconds until published content next expires, looked up once per generation (None: never).

    Wagtail unpublishes expired content only when ``publish_scheduled`` runs, so nothing would tell the
    cache that a page expired: cached responses and ``max-age`` are cut to end when the next one does.
    Once that moment has passed, a new generation starts and the next expiry is looked up.
    """
    stored = cache.get(EXPIRY_KEY)
    if stored is None or stored[0] != generation:
        stored = (generation, _earliest_expiry())
        cache.set(EXPIRY_KEY, stored, None)
    if stored[1] is None:
        return None
    return stored[1] - time.time()


def _live_generation() -> tuple[float, float | None]:
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
    return _live_generation()[0]


def remember(name: str, compute, timeout: int = 24 * 3600):
    """A value derived from published content (a count, a list of facets), kept until the content changes.

    For figures whose cost grows with the portal while the rows shown do not.
    """
    key = f"cms-content:{live_generation()}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def invalidate(**kwargs) -> None:
    """Make every cached API response stale (receiver for any publishing signal)."""
    previous = cache.get(GENERATION_KEY) or 0
    cache.set(GENERATION_KEY, max(time.time(), previous + 0.001), None)
    from cms.api.frontend_cache import purge_api

    purge_api()


class CachedResponseMixin:
    """Adds validators, Cache-Control and the server-side cache to a DRF view's GET responses."""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        public = not request.user.is_authenticated and not getattr(self, "private_response", False)
        generation, remaining = _live_generation()
        seconds = settings.API_CACHE_SECONDS if public else 0
        max_age = settings.API_CACHE_MAX_AGE
        if remaining is not None:
            # Whole seconds, rounded down: nothing cached here or downstream outlives an expiry.
            seconds = min(seconds, max(0, math.floor(remaining)))
            max_age = min(max_age, max(0, math.floor(remaining)))
        key = self._cache_key(request, generation)
        cached = cache.get(key) if seconds else None
        if cached is not None:
            content, status, content_type, etag = cached
            response = HttpResponse(content, status=status, content_type=content_type)
            response["X-Cache"] = "HIT"
            # Hashing a 150 KB listing costs more than the cache lookup: the ETag is stored with it.
            response["ETag"] = etag
        else:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            if seconds and response.status_code == 200:
                entry = (response.content, response.status_code, response["Content-Type"], self._etag(response))
                cache.set(key, entry, seconds)
        return self._finish(request, response, generation, public, max_age)

    @staticmethod
    def _etag(response) -> str:
        return f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'

    def _cache_key(self, request, generation) -> str:
        variant = "|".join([request.get_full_path(), request.headers.get("Accept", ""), get_language() or ""])
        # "r2": entries now carry their ETag; entries of the old shape are never read.
        return f"cms-api:r2:{generation}:{hashlib.sha256(variant.encode()).hexdigest()}"

    def _finish(self, request, response, generation, public, max_age):
        patch_vary_headers(response, ["Accept", "Accept-Language", "Cookie", "Authorization"])
        if public:
            response["Cache-Control"] = f"public, max-age={max_age}"
        else:
            response["Cache-Control"] = "private, no-store"
        if response.status_code != 200:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = self._etag(response)
        response["Last-Modified"] = http_date(int(generation))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=int(generation), response=response
        )


def _is_content_model(sender) -> bool:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import (
        BaseViewRestriction,
        Collection,
        DraftStateMixin,
        Locale,
        Page,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    if issubclass(sender, AbstractRendition):
        return False  # renditions are made while serving; they change no content
    content = (Page, AbstractImage, AbstractDocument, BaseViewRestriction, Collection, Locale, Site, DraftStateMixin)
    return issubclass(sender, content) or sender in get_snippet_models()


def _on_model_change(sender, **kwargs):
    if _is_content_model(sender):
        invalidate()


def connect_signals() -> None:
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
        workflow_approved,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished, workflow_approved):
        signal.connect(invalidate, dispatch_uid=f"cms-api-invalidate-{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="cms-api-invalidate-save")
    post_delete.connect(_on_model_change, dispatch_uid="cms-api-invalidate-delete")
