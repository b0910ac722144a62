"""HTTP caching for the API: ETag/Last-Modified, 304s, Cache-Control, and a server-side response cache.

Every API view with these caches also builds its URLs on the public base URL (``cms.core.public_urls``).

The server-side cache keys every response by the content generation (cms/core/cache.py): any publishing
event makes every cached response unreachable at once.
"""

import contextlib
import hashlib
import math

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from cms.core import public_urls
from cms.core.cache import live_generation_and_expiry


class CachedResponseMixin:
    """Adds validators, Cache-Control and the server-side cache to a DRF view's GET responses."""

    def dispatch(self, request, *args, **kwargs):
        # Every URL in the payload is absolute on the request's public base URL (cms/core/public_urls.py).
        with public_urls.absolute_urls(request):
            return self._cached_dispatch(request, *args, **kwargs)

    def _cached_dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        public = not request.user.is_authenticated and not getattr(self, "private_response", False)
        generation, remaining = live_generation_and_expiry()
        seconds = settings.API_CACHE_SECONDS if public else 0
        max_age = settings.API_CACHE_MAX_AGE
        if remaining is not None:
            # Whole seconds, rounded down: nothing cached here or downstream outlives an expiry.
            seconds = min(seconds, max(0, math.floor(remaining)))
            max_age = min(max_age, max(0, math.floor(remaining)))
        key = self._cache_key(request, generation)
        if getattr(request, "page_cache_keeps", False):
            seconds = 0  # the page cache (cms/pagecache) keeps anonymous answers whole: one layer, not two
        cached = cache.get(key) if seconds else None
        if cached is not None:
            content, status, content_type, etag = cached
            response = HttpResponse(content, status=status, content_type=content_type)
            response["X-Cache"] = "HIT"
            # Hashing a 150 KB listing costs more than the cache lookup: the ETag is stored with it.
            response["ETag"] = etag
        else:
            with _language_of(request):
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
        # Absolute URLs in the payload depend on the scheme and host (cms/core/public_urls.py), and each portal's
        # host answers with its own pages (cms/core/sites.py); keying on them rather than on the base URL itself
        # keeps a cache hit free of queries.
        origin = f"{request.scheme}://{request._get_raw_host()}"
        parts = [origin, request.get_full_path(), request.headers.get("Accept", ""), translation.get_language() or ""]
        variant = "|".join(parts)
        # "r2": entries now carry their ETag; entries of the old shape are never read.
        return f"cms-api:r2:{generation}:{hashlib.sha256(variant.encode()).hexdigest()}"

    def _finish(self, request, response, generation, public, max_age):
        # A payload's language comes from the URL (?locale=) and the objects themselves, never from
        # Accept-Language, which only picks the language of an error message.
        vary = ["Accept", "Cookie", "Authorization"] + (["Accept-Language"] if response.status_code >= 400 else [])
        patch_vary_headers(response, vary)
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


def _requested_language(request) -> str | None:
    """``?locale=`` when it names a configured language."""
    code = request.GET.get("locale")
    return code if code in dict(settings.LANGUAGES) else None


def _language_of(request):
    """The API answers in ``?locale=``'s language; without one, errors follow Accept-Language (Vietnamese
    by default) and payloads are in their objects' own languages."""
    code = _requested_language(request)
    return translation.override(code) if code else contextlib.nullcontext()
