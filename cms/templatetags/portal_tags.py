"""Template helpers for the public site: language links and formatted dates."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format
from wagtail.models import Locale, Page, Site

from cms.visibility import unexpired

register = template.Library()


def _language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per configured language: the same item in that language if published, else that home page.

    Each entry: code, name, url, is_current, is_translation (True when it is the same item).
    """
    request = context.get("request")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for translated in unexpired(page.get_translations(inclusive=True).live().public()).select_related("locale"):
            translations[translated.locale.language_code] = translated
    site = Site.find_for_request(request) if request else None
    homes = {}
    if site is not None:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
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
    try:
        locale = Locale.get_active()
        return site.root_page.get_translation(locale).specific
    except (Page.DoesNotExist, Locale.DoesNotExist):
        return site.root_page.specific


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
