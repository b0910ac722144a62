"""``/api/v2/pages/find/``: a page from the public path the site serves, in any configured language.

``html_path`` is a path as the site serves it (``/vi/tin-tuc/…/``, ``/en/news/…/``) or a full URL; the language
prefix picks the tree it is read in. Without a prefix the path is read in ``?locale=``, else in the site's
default language. With both a prefix and ``?locale=``, the page found is swapped for its translation in that
locale (a language switcher's question: "this page, in English"). ``?id=`` with ``?locale=`` works the same way.
``?redirect=false`` answers with the page itself instead of a 302 to its detail URL.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from cms.api.errors import ParameterError
from cms.api.filters import MAX_TEXT_LENGTH

# Parameters that only say what to find; they are not carried over to the detail URL.
FIND_PARAMETERS = ("id", "html_path", "locale", "redirect")
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def redirect_wanted(params) -> bool:
    value = params.get("redirect", "true").lower()
    if value not in BOOLEANS:
        raise ParameterError("redirect", _("chỉ nhận true hoặc false."))
    return BOOLEANS[value]


def requested_locale(params) -> Locale | None:
    code = params.get("locale")
    if code is None:
        return None
    locale = Locale.objects.filter(language_code=code[:MAX_TEXT_LENGTH]).first()
    if locale is None:
        raise ParameterError("locale", _("không có ngôn ngữ với mã này."))
    return locale


def split_language(path: str) -> tuple[str | None, list[str]]:
    """``/en/news/x/`` -> ("en", ["news", "x"]); a path without a configured language prefix -> (None, [...])."""
    components = [component for component in urlsplit(path).path.split("/") if component]
    codes = {code.lower() for code, _name in settings.LANGUAGES}
    if components and components[0].lower() in codes:
        return components[0].lower(), components[1:]
    return None, components


def _locale_of(code: str) -> Locale | None:
    return Locale.objects.filter(language_code__iexact=code).first()


def _route(request, path: str, locale: Locale | None) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    code, components = split_language(path[:MAX_TEXT_LENGTH])
    if code is not None:
        locale = _locale_of(code)
    locale = locale or Locale.get_default()
    if locale is None:
        return None
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return None
    try:
        page, _args, _kwargs = root.specific.route(request, components)
    except Http404:
        return None
    return page


def find_page(queryset, request) -> Page | None:
    """The visible page named by ``html_path`` or ``id`` (in ``?locale=`` when given), or None."""
    params = request.GET
    locale = requested_locale(params)
    if "html_path" in params:
        page = _route(request, params["html_path"], locale)
    elif "id" in params:
        try:
            page = Page.objects.filter(pk=int(params["id"])).first()
        except ValueError as exc:
            raise ParameterError("id", _("phải là số nguyên.")) from exc
    else:
        raise ParameterError("html_path", _("cần html_path hoặc id."))
    if page is None:
        return None
    if locale is not None and page.locale_id != locale.pk:
        page = page.get_translation_or_none(locale)
        if page is None:
            return None
    return queryset.filter(pk=page.pk).first()
