"""Template helpers for the public site: language links and formatted dates."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format
from wagtail.models import Page, Site

from cms.core import renditions, visibility
from cms.core.cache import remember
from cms.core.http import admin_prefix

register = template.Library()


def _memo(request, name, compute):
    """Compute once per request: base.html asks for the language links and the home page twice."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_portal_tags_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def _homes(request) -> dict:
    """The site's live home pages by language code."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}

    def compute():
        homes = visibility.visible_pages(queryset=site.root_page.get_translations(inclusive=True))
        return {home.locale.language_code: home for home in homes.select_related("locale")}

    # On every page (the language links): remembered until the content next changes, as the menu is.
    return remember(f"homes:{site.pk}:{site.root_page_id}", compute)


def _translations(page) -> dict:
    def compute():
        translations = visibility.visible_pages(queryset=page.get_translations(inclusive=True))
        return {translated.locale.language_code: translated for translated in translations.select_related("locale")}

    # On every page but the homes (the language links): remembered until the content next changes (a page not
    # saved yet, in a preview, has no key).
    return remember(f"translations:{page.pk}", compute) if page.pk else compute()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per configured language: the same item in that language if published, else that home page.

    Each entry: code, name, url, is_current, is_translation (True when it is the same item).
    """
    request = context.get("request")
    current = translation.get_language()
    translations = {}
    homes = _memo(request, "homes", lambda: _homes(request))
    if isinstance(page, Page):
        if any(home.pk == page.pk for home in homes.values()):
            # The home page's translations are the homes: filter them here instead of a second query.
            translations = {code: home for code, home in homes.items() if visibility.is_visible_page(home)}
        else:
            translations = _memo(request, ("translations", page.pk), lambda: _translations(page))
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        url = target.get_url(request) if target else None
        if url is None and code in homes:
            url = homes[code].get_url(request)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": target is not None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def current_home(context):
    """The live home page in the active language (falls back to the site root)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    home = _memo(request, "homes", lambda: _homes(request)).get(translation.get_language())
    if home is None:
        return site.root_page
    page = context.get("page")
    # The page being served is often the home page itself, already specific.
    return page if isinstance(page, Page) and page.pk == home.pk else home


@register.simple_tag
def menu_pages(parent):
    """The visible children of ``parent`` shown in menus."""
    return visibility.menu_pages(parent) if isinstance(parent, Page) else []


@register.filter
def public(obj):
    """``obj`` if the public may see it (a page, image, document or snippet), else None."""
    return obj if obj is not None and visibility.is_visible(obj) else None


@register.simple_tag
def rendition(image, spec: str):
    """``{% rendition image "fill-320x200|format-webp" as thumb %}``: what ``{% image image fill-320x200 format-webp
    as thumb %}`` gives, read from the renditions the view prepared in one cache read (cms.core.renditions)."""
    return renditions.rendition(image, spec) if image else None


@register.simple_tag
def admin_url():
    return admin_prefix()


@register.filter
def portal_date(value):
    """The active language's DATE_FORMAT (cms/formats): '01/7/2024' in Vietnamese, '1 July 2024' in English."""
    if not value:
        return ""
    return date_format(value, "DATE_FORMAT")


@register.filter
def portal_number(value):
    """A number grouped the active language's way: '1.234.567' in Vietnamese, '1,234,567' in English."""
    if value in (None, ""):
        return ""
    return number_format(value, force_grouping=True)


MENU_LEVELS = 3  # top level plus two below: a ministry's "Giới thiệu › Cơ cấu tổ chức › Vụ, Cục" fits


def _menu_rows(request, home, levels: int) -> list[tuple]:
    """``(path, depth, title, url)`` of the pages in the menu below ``home``, in tree order: the same for every
    request to that portal, so remembered until the content next changes (a page, a restriction or a site)."""

    def compute():
        # No condition on depth in SQL: articles lie inside any depth range of a menu, so a depth condition led
        # SQLite to read every page through the (depth, path) index; without one, both databases read only the
        # few pages shown in menus through the partial index cms.0007 (a menu-deep one is left out below).
        pages = visibility.visible_pages(
            queryset=Page.objects.filter(path__startswith=home.path, show_in_menus=True).exclude(pk=home.pk)
        ).order_by("path")
        deepest = home.depth + levels
        return [(page.path, page.depth, page.title, page.get_url(request)) for page in pages if page.depth <= deepest]

    # A page's url is relative on its own site's host and absolute elsewhere: one list per site asking.
    site = Site.find_for_request(request) if request else None
    return remember(f"menu:{home.pk}:{levels}:{site.pk if site else ''}", compute)


def _menu_tree(request, home, current, levels: int) -> list[dict]:
    nodes, roots = {}, []
    current_path = current.path if isinstance(current, Page) else ""
    for path, depth, title, url in _menu_rows(request, home, levels):
        node = {
            "title": title,
            "url": url,
            "children": [],
            "current": path == current_path,
            "in_trail": current_path.startswith(path),
        }
        if depth == home.depth + 1:
            roots.append(node)
        else:
            parent = nodes.get(path[: -Page.steplen])
            if parent is None:
                continue  # its parent is not in the menu, so neither is it
            parent["children"].append(node)
        nodes[path] = node
    return roots


@register.simple_tag(takes_context=True)
def menu_tree(context, home, levels: int = MENU_LEVELS):
    """The menu below ``home``, ``levels`` deep, in one query: nodes with title, url, children, current, in_trail.

    A page appears when it and every ancestor below ``home`` are visible and marked "show in menus".
    """
    if not isinstance(home, Page):
        return []
    request = context.get("request")
    page = context.get("page")
    return _memo(request, ("menu", home.pk), lambda: _menu_tree(request, home, page, levels))


def _visible_ancestors(request, page, home) -> list:
    """The visible pages between ``home`` and ``page`` (both excluded), top down."""

    def compute():
        return list(visibility.visible_pages(queryset=page.get_ancestors().filter(depth__gt=home.depth)))

    # Remembered until the content next changes (a move or a publication starts a new generation).
    if not page.pk:  # a page not saved yet (a preview)
        return compute()
    return _memo(request, ("ancestors", page.pk), lambda: remember(f"ancestors:{page.pk}:{home.pk}", compute))


@register.simple_tag(takes_context=True)
def visible_parent(context, page):
    """``page``'s parent when the public may see it and it is not the home page (the "back to the list" link).

    Read from the breadcrumbs' ancestors, so the link costs no query of its own.
    """
    home = current_home(context)
    if not isinstance(page, Page) or home is None or page.depth <= home.depth + 1:
        return None
    ancestors = _visible_ancestors(context.get("request"), page, home)
    parent = ancestors[-1] if ancestors else None
    return parent if parent is not None and parent.depth == page.depth - 1 else None


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page=None, current_title: str = ""):
    """The trail from the home page to ``page`` (or to a view titled ``current_title``): title and url per step.

    The last step is the page itself, without a url. Empty on the home page. Hidden ancestors are skipped.
    """
    home = current_home(context)
    request = context.get("request")
    if home is None:
        return []
    trail = [{"title": translation.gettext("Trang chủ"), "url": home.get_url(request)}]
    if isinstance(page, Page):
        if page.pk == home.pk or page.depth <= home.depth:
            return []
        ancestors = _visible_ancestors(request, page, home)
        trail += [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]
        trail.append({"title": page.title, "url": None})
    elif current_title:
        trail.append({"title": current_title, "url": None})
    else:
        return []
    return trail


SHARE_TARGETS = (
    # Plain links to the networks' own share pages: no third-party script or iframe on our pages.
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    # Zalo documents only its script button (sp.zalo.me/plugins/sdk.js, ``zalo-share-button`` with an Official
    # Account id), which the CSP forbids. This plain share page, with the URL percent-encoded in ``url``, is the
    # form public code uses without the script or an account (checked 2026-12: not in Zalo's published docs).
    ("zalo", "Zalo", "https://sp.zalo.me/share_to_zalo?url={url}"),
)


@register.simple_tag
def share_links(url: str):
    """Share links for an absolute ``url``: name, label and href per network."""
    quoted = quote(url, safe="")
    return [{"name": name, "label": label, "href": href.format(url=quoted)} for name, label, href in SHARE_TARGETS]


@register.simple_tag(takes_context=True)
def absolute_url(context, page=None):
    """The address a printout or a share link names: the page's full URL, else the request's."""
    request = context.get("request")
    if isinstance(page, Page):
        url = page.get_full_url(request)
        if url:
            return url
    return request.build_absolute_uri() if request else ""
