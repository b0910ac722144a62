"""What a CDN in front of the portal may keep, and how it is told to drop it (``WAGTAILFRONTENDCACHE``).

The server cache drops everything derived from content at once (a new generation, ``cms.core.cache``);
the CDN purge does the same. Every public response carries one cache tag, ``CDN_CACHE_TAG``, in the
headers CDNs read (``Cache-Tag``: Cloudflare, Akamai; ``Surrogate-Key``: Fastly; ``xkey``: Varnish's
vmod_xkey), and any content change purges that tag: every URL, every query-string variant.

- HTTP purge (``FRONTEND_CACHE_URL``: Varnish, nginx): ``PURGE /`` with ``xkey-purge: <tag>``, plus the
  API endpoints' own URLs for caches that purge by URL only (Wagtail purges a changed page's URLs).
- Cloudflare: purge by tag.
- CloudFront (no tags): an invalidation of ``/*``, which includes every query string.
A CDN that can neither purge by tag nor by wildcard keeps other query-string variants until their
``max-age`` runs out: ``API_CACHE_MAX_AGE`` (60 s) on the API; keep HTML at the edge no longer (docs/deploy.md).
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings

from cms.core.http import is_admin_path

logger = logging.getLogger(__name__)

TAG_HEADERS = ("Cache-Tag", "Surrogate-Key", "xkey")
API_ENDPOINTS = ("pages", "images", "documents", "statistics", "search")


def cache_tag() -> str:
    return settings.CDN_CACHE_TAG


class CacheTagMiddleware:
    """Tag every public GET/HEAD answer that a shared cache may keep (never the admin, never private ones)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and not is_admin_path(request.path_info):
            control = response.get("Cache-Control", "")
            if "private" not in control and "no-store" not in control:
                for header in TAG_HEADERS:
                    response[header] = cache_tag()
        return response


class _Purge(Request):
    def get_method(self):
        return "PURGE"


def _purge_http(backend) -> None:
    base = f"{backend.cache_scheme}://{backend.cache_netloc}"
    try:
        urlopen(_Purge(f"{base}/", headers={"xkey-purge": cache_tag()}), timeout=5)  # noqa: S310 - configured URL
    except (URLError, OSError) as error:
        logger.error("CDN tag purge at %s failed: %s", base, error)
    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    backend.purge_batch([f"{site}/api/v2/{endpoint}/" for endpoint in API_ENDPOINTS])


def _purge_cloudflare(backend) -> None:
    import requests

    headers = {"Content-Type": "application/json"}
    if backend.cloudflare_token:
        headers["Authorization"] = f"Bearer {backend.cloudflare_token}"
    else:
        headers["X-Auth-Email"] = backend.cloudflare_email
        headers["X-Auth-Key"] = backend.cloudflare_api_key
    try:
        response = requests.post(
            backend.cloudflare_purge_endpoint_url, json={"tags": [cache_tag()]}, headers=headers, timeout=30
        )
        response.raise_for_status()
    except requests.RequestException as error:
        logger.error("Cloudflare tag purge failed: %s", error)


def purge_content() -> None:
    """Drop everything a CDN holds that shows content; a no-op without configured backends."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.backends import CloudflareBackend, CloudfrontBackend, HTTPBackend
    from wagtail.contrib.frontend_cache.utils import get_backends

    for backend in get_backends().values():
        if isinstance(backend, HTTPBackend):
            _purge_http(backend)
        elif isinstance(backend, CloudflareBackend):
            _purge_cloudflare(backend)
        elif isinstance(backend, CloudfrontBackend):
            backend._create_invalidation(backend.cloudfront_distribution_id, ["/*"])
        else:
            backend.purge_batch([f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/*"])
