"""Template helpers for the public site: language links and formatted dates."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format
from wagtail.models import Page, Site

from cms.api.visibility import restricted_page_paths
from cms.visibility import is_expired, unexpired, unrestricted

register = template.Library()


def _language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


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
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def _is_public(page) -> bool:
    return not is_expired(page) and not any(page.path.startswith(path) for path in restricted_page_paths())


def _translations(page) -> dict:
    translations = unexpired(unrestricted(page.get_translations(inclusive=True).live())).select_related("locale")
    return {translated.locale.language_code: translated for translated in translations}


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
            translations = {code: home for code, home in homes.items() if _is_public(home)}
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
