"""The full-page cache: anonymous GET/HEAD answers kept whole and served before the rest of the stack runs.

First in ``MIDDLEWARE`` after the visitor counter (which must count cached views too), so a hit costs
a read of the content generation (a file, or one small Redis value: cms/core/cache.py) and one lookup of the
entry (with Redis, usually in this process's own copy: cms/pagecache/store.py): no session, auth, CSP,
locale, CORS or axes work, no SQL. Entries are keyed by the content generation, so the publication rule's
signals (publish, unpublish, restriction, expiry, snippet or settings change) make every entry of every
process unreachable at once; nothing in here decides what the public may see.

Only answers that are the same for every anonymous visitor are kept: no session or messages cookie, no
``Authorization`` or preview token on the request; status 200, no cookie set (a CSRF token sets one),
no ``Cache-Control: private/no-store/no-cache``, no CSP nonce on the response.

An entry is *fresh* for ``PAGE_CACHE_SECONDS`` (the API: ``API_CACHE_SECONDS``) and then kept until
``PAGE_CACHE_STALE_SECONDS`` as the last good copy of its generation. Answers say ``X-Cache: HIT`` (or
``STALE``) when they come from the cache, nothing when they were built (as the API did before). When the
database cannot be reached while a request is answered, that copy is served (``X-Cache: STALE``), and
requests with no copy get ``database_unavailable`` (503) instead of an error page.

The entries live in the store every worker shares (cms/pagecache/store.py: Redis, or files on the embedded
default), so a worker recycled or started while the database is down serves the copies the others stored.
"""

import hashlib
import logging
import math
import threading
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.core.cache import current_generation, live_generation_and_expiry
from cms.core.http import admin_prefix
from cms.pagecache import store

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
STALE_SERVED_KEY = "pagecache:stale-served"
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
# In every key: entries written by an older release (another layout) are never read.
ENTRY_FORMAT = 3
# Response headers never replayed: per-response facts the cache writes itself.
UNSTORED_HEADERS = {"set-cookie", "x-cache", "age", "date", "warning"}

_local = threading.local()
_settings_epoch = 0
# The circuit breaker: until this moment (time.monotonic()), this process takes the database for unreachable.
_database_down_until = 0.0


def forget_entries(**kwargs) -> None:
    """A setting changed in this process (``override_settings``): answers built under the old ones are not reused."""
    global _settings_epoch
    _settings_epoch += 1
    store.forget_local()


def note_database_failure(sender, request=None, **kwargs) -> None:
    """Receiver of ``got_request_exception``: remember that this request failed because the database is unreachable."""
    import sys

    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        request.page_cache_database_error = error


def excluded_prefixes() -> tuple[str, ...]:
    return (
        admin_prefix(),
        "/django-admin/",
        "/healthz",
        "/api/v2/preview/",
        "/documents/",
        "/bench/",
        settings.STATIC_URL,
        settings.MEDIA_URL,
        *settings.PAGE_CACHE_EXCLUDED_PREFIXES,
    )


def is_cacheable_request(request) -> bool:
    """A request whose answer may be the same for every anonymous visitor."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    # META rather than request.headers, which would parse every header of the request on each hit.
    if "HTTP_AUTHORIZATION" in request.META or "HTTP_X_PREVIEW_TOKEN" in request.META:
        return False
    personal_cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages"))
    return not any(name in request.COOKIES for name in personal_cookies)


def fresh_seconds(request) -> int:
    return settings.API_CACHE_SECONDS if request.path.startswith("/api/") else settings.PAGE_CACHE_SECONDS


def cache_key(request, generation: float) -> str | None:
    """Host, scheme, path and query, language, and for the API the negotiated format and CORS origin."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the stack answers 400
    language = translation.get_language_from_request(request, check_path=True)
    variant = [request.scheme, host, request.get_full_path(), language, request.META.get("HTTP_ORIGIN", "")]
    if request.path.startswith("/api/"):
        variant.append(request.META.get("HTTP_ACCEPT", ""))
    digest = hashlib.sha256("\n".join(variant).encode()).hexdigest()
    return f"pagecache:{ENTRY_FORMAT}:{generation}:{_settings_epoch}:{digest}"


def is_storable(request, response) -> bool:
    """An answer that holds nothing personal and that another visitor may be given as it is."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if response.get("Vary", "").strip() == "*":
        return False
    # A nonce must differ per response: a replayed one would let injected script reuse it.
    return "nonce-" not in response.get("Content-Security-Policy", "")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_cacheable_request(request):
            return self._guard(request, self.get_response(request), None)
        if _database_down_until and time.monotonic() < _database_down_until:
            return self._while_database_down(request)
        try:
            generation, remaining = live_generation_and_expiry()
        except DATABASE_ERRORS as error:
            # The next expiry could not be read: only a copy whose content was known not to expire may serve.
            request.page_cache_database_error = error
            generation, remaining = current_generation(), None
        key = cache_key(request, generation)
        if key is None:
            return self.get_response(request)
        now = time.time()
        entry = store.get(key, now, fresh_seconds(request))
        if entry is not None and (entry["valid_until"] is not None and now >= entry["valid_until"]):
            entry = None
        if getattr(request, "page_cache_database_error", None) is not None:
            return self._guard(request, HttpResponse(status=503), entry)
        if entry is not None and now - entry["stored_at"] < fresh_seconds(request):
            return self._replay(request, entry, "HIT")
        request.page_cache_keeps = True  # read by the API's own cache (cms/api/http_cache.py), which then stands aside
        response = self.get_response(request)
        if getattr(request, "page_cache_database_error", None) is not None:
            return self._guard(request, response, entry)
        if is_storable(request, response):
            self._store(request, response, key, generation, remaining)
            return self._conditional(request, response)
        return response

    def _store(self, request, response, key, generation, remaining) -> None:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(int(generation))
        if not response.has_header("Cache-Control"):
            shared = settings.PAGE_CACHE_CDN_SECONDS
            if remaining is not None:
                shared = min(shared, max(0, math.floor(remaining)))
            response["Cache-Control"] = f"public, max-age=0, s-maxage={shared}"
        timeout = settings.PAGE_CACHE_STALE_SECONDS
        valid_until = None
        now = time.time()
        if remaining is not None:
            timeout = max(1, min(timeout, math.floor(remaining)))
            valid_until = now + remaining
        # Plain data (cms/pagecache/store.py): the body's bytes and the headers the stack set, already checked
        # by Django when the stack set them, so a replay copies them in without validating each again.
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS)
        entry = {
            "body": response.content,
            "status": response.status_code,
            "headers": headers,
            "stored_at": now,
            "valid_until": valid_until,
            "expires_at": now + timeout,
        }
        store.put(key, entry, timeout)

    def _replay(self, request, entry, state: str):
        response = replayed(entry)
        age = str(max(0, int(time.time() - entry["stored_at"])))
        response["Age"] = age
        response["X-Cache"] = state
        if state == "STALE":
            response["Warning"] = '111 - "Revalidation Failed"'
            response["Cache-Control"] = "public, max-age=0, s-maxage=0"
            return response
        answer = self._conditional(request, response)
        if answer is not response:
            answer["X-Cache"], answer["Age"] = state, age
        return answer

    @staticmethod
    def _conditional(request, response):
        """304 for a client that has this version (``If-None-Match`` or ``If-Modified-Since``)."""
        if not any(name in request.META for name in CONDITIONAL_HEADERS):
            return response
        modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(request, etag=response.get("ETag"), last_modified=modified, response=response)

    def _while_database_down(self, request):
        """The breaker is open: the last good copy or the 503 at once, without running a stack that would fail.

        Each request would otherwise wait for a connection to fail and log a traceback; under a surge that cost
        is what takes a server down. The first request after ``PAGE_CACHE_BREAKER_SECONDS`` tries again.
        """
        request.database_unreachable = True  # read by the visitor counter (cms/visits), which then stands aside
        generation = current_generation()
        key = cache_key(request, generation)
        entry = store.get(key, time.time(), None) if key is not None else None
        if entry is not None and entry["valid_until"] is not None and time.time() >= entry["valid_until"]:
            entry = None
        if entry is not None:
            return self._replay(request, entry, "STALE")
        return database_unavailable(request)

    def _guard(self, request, response, entry):
        """The stack failed for want of the database: the last good copy, else a clear 503."""
        error = getattr(request, "page_cache_database_error", None)
        if error is None or response.status_code < 500:
            return response
        request.database_unreachable = True
        open_breaker()
        if entry is not None and settings.PAGE_CACHE_ENABLED:
            logger.warning("Database unreachable (%s): serving the stale copy of %s", error, request.path)
            store.page_store().set(STALE_SERVED_KEY, time.time(), settings.PAGE_CACHE_STALE_SECONDS)
            return self._replay(request, entry, "STALE")
        logger.error("Database unreachable (%s): %s answered 503", error, request.path)
        return database_unavailable(request)


def replayed(entry: dict) -> HttpResponse:
    """A new response from a stored entry (each hit its own: the middleware sets ``Age`` and ``X-Cache`` on it)."""
    response = HttpResponse(entry["body"], status=entry["status"])
    # The stored pairs were validated when the stack first set them: they go into the headers' store as they are.
    response.headers._store.update((name.lower(), (name, value)) for name, value in entry["headers"])
    return response


def open_breaker() -> None:
    """For ``PAGE_CACHE_BREAKER_SECONDS``, anonymous requests are answered without trying the database."""
    global _database_down_until
    if settings.PAGE_CACHE_BREAKER_SECONDS > 0:
        _database_down_until = time.monotonic() + settings.PAGE_CACHE_BREAKER_SECONDS


def database_is_back(sender=None, **kwargs) -> None:
    """Receiver of ``connection_created``: the database answers again, so the breaker closes."""
    global _database_down_until
    _database_down_until = 0.0


UNAVAILABLE = gettext_noop("Hệ thống tạm thời không truy cập được cơ sở dữ liệu")
TRY_LATER = gettext_noop("Xin vui lòng thử lại sau ít phút.")


def database_unavailable(request):
    """503 in Vietnamese and English, built without the database (no context processors, no settings models)."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override("en"):
        english = [_(UNAVAILABLE), _(TRY_LATER)]
    with translation.override(language):
        message, advice = _(UNAVAILABLE), _(TRY_LATER)
        if request.path.startswith("/api/"):
            response = JsonResponse({"message": message}, status=503, json_dumps_params={"ensure_ascii": False})
        else:
            html = render_to_string(
                "pagecache/database_unavailable.html",
                {"message": message, "advice": advice, "language": language, "english": english},
            )
            response = HttpResponse(html, status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response
