"""The public base URL of a site and absolute URLs made from it: the one place every channel asks.

The base is ``PORTAL_PUBLIC_BASE_URL`` when set (one public origin behind a proxy or CDN); else the site
record the request's host matches (its ``root_url``: hostname and port); else, when the host matches no
site record and Wagtail fell back to the default site, the request's own origin (Django has already
checked the host against ``ALLOWED_HOSTS``), so a portal served on 127.0.0.1:8000 never links to
``http://localhost``. API payloads, the ``find`` redirect, feeds and sitemaps all build absolute URLs
here, so one payload never mixes absolute and relative URLs. Several sites on one installation extend
``base_url`` (it gets the request and the site).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site


class _Base:
    """The base URL of the response being built, worked out on first use (a cached response needs none)."""

    def __init__(self, request, site):
        self.request, self.site, self.url = request, site, None

    def get(self) -> str:
        if self.url is None:
            self.url = base_url(self.request, self.site)
        return self.url


# Set by the API, feeds and sitemaps around a response; None in templates.
_active_base: ContextVar[_Base | None] = ContextVar("public_base_url", default=None)


def base_url(request=None, site: Site | None = None) -> str:
    """``scheme://host[:port]`` of the public site, without a trailing slash ("" when nothing is known)."""
    configured = getattr(settings, "PORTAL_PUBLIC_BASE_URL", "")
    if configured:
        return origin(configured)
    if site is None and request is not None:
        site = Site.find_for_request(request)
        if site is not None and not _host_matches(site, request):
            return origin(request.build_absolute_uri("/"))
    if site is not None:
        return origin(site.root_url)
    if request is not None:
        return origin(request.build_absolute_uri("/"))
    return ""


def absolute(url: str | None, request=None, site: Site | None = None) -> str | None:
    """``url`` on the public base URL; absolute URLs (and None) are returned as they are.

    Without a request or site, the base of the response being built (``absolute_urls``) is used; outside
    one, the URL stays as it is (templates link relatively).
    """
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    if request is not None or site is not None:
        active = _active_base.get()
        if active is not None and site is None and active.site is None and _same_request(active.request, request):
            base = active.get()  # the response's own request (DRF's wraps Django's): its base, worked out once
        else:
            base = base_url(request, site)
    elif (active := _active_base.get()) is not None:
        base = active.get()
    else:
        return url
    return base + (url if url.startswith("/") else f"/{url}")


def rebase(url: str | None, request=None, site: Site | None = None) -> str | None:
    """A URL Wagtail made absolute with the site record's ``root_url``, moved onto the public base URL."""
    if not url:
        return url
    parts = urlsplit(url)
    if not parts.scheme:
        return absolute(url, request, site)
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None or origin(url) != origin(site.root_url):
        return url  # another site's page: its own record decides
    path = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return base_url(request, site) + path


@contextmanager
def absolute_urls(request=None, site: Site | None = None):
    """Within the block, ``absolute(url)`` puts URLs on this request's public base URL."""
    token = _active_base.set(_Base(request, site))
    try:
        yield
    finally:
        _active_base.reset(token)


def _same_request(one, other) -> bool:
    return one is not None and getattr(one, "_request", one) is getattr(other, "_request", other)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _host_matches(site: Site, request) -> bool:
    # The host as Wagtail's Site.find_for_request reads it (already validated by Django's CommonMiddleware).
    hostname = split_domain_port(request._get_raw_host())[0]
    return site.hostname.lower() == hostname.lower()
