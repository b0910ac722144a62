"""Page URLs for a response that shows many pages: Wagtail's ``Page.get_url``, with its routing work done once.

``Page.get_url`` reverses ``wagtail_serve`` inside ``translation.override`` for every page: a 20-item API
listing with ``fields=*`` asked it about 90 times (each item, its translations and every page linked from its
body), a tenth of the request. Within one response the language prefix (``/vi/``) is the same for every page of
a language, so it is reversed once and the page's path within its site appended, quoted as ``reverse`` quotes
it. Anything this shortcut does not cover (a page in several sites, a path ``wagtail_serve`` would refuse, a
page type with its own routing) goes to Wagtail's method.
"""

import re
from urllib.parse import quote

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page, Site

from cms.core.store import active_store

# The paths ``wagtail_serve`` accepts (wagtail/urls.py), narrowed to those the shortcut handles.
_SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")
_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what ``reverse`` leaves unquoted (django/urls/resolvers.py)
_WAGTAIL_ROUTING = (Page.get_url_parts, Page.get_url)


def page_url(page, request=None) -> str | None:
    """``page.get_url(request=request)``, the same string, cheaper inside a response's object store."""
    store = active_store()
    routing = type(page)
    if store is None or (routing.get_url_parts, routing.get_url) != _WAGTAIL_ROUTING:
        return page.get_url(request=request)
    root_paths = page._get_site_root_paths(request)
    possible = [root for root in root_paths if page.url_path.startswith(root.root_path)]
    if not possible:
        return None
    if len({root.site_id for root in possible}) > 1 and isinstance(request, HttpRequest):
        return page.get_url(request=request)  # Wagtail picks the request's site among them
    site_id, root_path, root_url, language_code = possible[0]
    active = translation.get_language()
    try:
        if get_supported_content_language_variant(active) == language_code:
            language_code = active
    except LookupError:
        pass
    relative = page.url_path[len(root_path) :]
    if not _SERVED_PATH.fullmatch(relative):
        return page.get_url(request=request)
    prefixes = store.memo.setdefault("page-url-prefixes", {})
    prefix = prefixes.get(language_code)
    if prefix is None:
        try:
            with translation.override(language_code):
                prefix = prefixes[language_code] = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            return page.get_url(request=request)
    page_path = prefix + quote(relative, safe=_SAFE)
    if not WAGTAIL_APPEND_SLASH and page_path != "/":
        page_path = page_path.rstrip("/")
    current_site = Site.find_for_request(request) if request is not None else None
    if current_site is not None and site_id == current_site.id:
        return page_path
    sites = store.memo.get(("site-count", id(root_paths)))
    if sites is None:
        sites = store.memo[("site-count", id(root_paths))] = len({root[0] for root in root_paths})
    if sites == 1:
        return page_path
    return root_url + page_path
