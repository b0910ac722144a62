"""Optional CDN purge of the API through ``wagtail.contrib.frontend_cache`` (when WAGTAILFRONTENDCACHE is set)."""

from django.conf import settings


def purge_api() -> None:
    """Purge the API prefix, listings as well as details; a no-op without configured backends."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    purge_urls_from_cache([f"{base}/api/v2/{endpoint}/" for endpoint in ("pages", "images", "documents")])
