"""Filters beyond Wagtail's: strict locale, the filters page types declare. Every bad value is a 400 naming the
parameter, in the request's language."""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters

from cms.api.errors import ParameterError
from cms.core import page_types
from cms.core.i18n import locale_id_of
from cms.core.pages import PortalPage

MAX_TEXT_LENGTH = 255


class ValidatedFieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's ``?<field>=value`` filter, with values checked by the model field first (400, not 500)."""

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "concrete", False) and not field.is_relation:
                try:
                    field.to_python(value)
                except ValidationError as exc:
                    raise ParameterError(name, " ".join(exc.messages)) from exc
        return super().filter_queryset(request, queryset, view)


# These name a page, so the language follows from it: no default locale is applied beside them.
TREE_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")


class StrictLocaleFilter(BaseFilterBackend):
    """``?locale=vi``: an unknown language code is a 400, not an empty list or a 404.

    Without ``locale`` (and without a tree filter, whose page sets the language), a listing is in the site's
    default language (the first of ``PORTAL_LANGUAGES``), never a mix of languages.
    """

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            # A detail URL names its page, whatever its language.
            if getattr(view, "action", None) != "listing_view" or any(name in request.GET for name in TREE_PARAMETERS):
                return queryset
            # The default language always has its locale (sync_locales).
            locale_id = locale_id_of(settings.LANGUAGE_CODE)
        else:
            locale_id = locale_id_of(code[:MAX_TEXT_LENGTH])
            if locale_id is None:
                raise ParameterError("locale", _("không có ngôn ngữ với mã này."))
        # The remembered locale's id, not a join to the locales: SQLite's planner would drive from that table and
        # sort the whole language's pages (``cms.core.i18n.locale_id_of``).
        condition = {"locale_id": locale_id}
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(**condition)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


def declared_parameters() -> dict[str, list]:
    """Query parameter -> the page types whose ``api_filters`` read it (``cms.core.pages.PortalPage``)."""
    owners: dict[str, list] = {}
    for model in page_types.page_models():
        declared = getattr(model, "api_filters", None)
        for name in getattr(declared, "parameters", ()):
            owners.setdefault(name, []).append(model)
    return owners


def _is_field(model, name) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class DeclaredFilter(BaseFilterBackend):
    """The filters a page type declares as ``api_filters`` (the directive register's, ``news.filters``): the
    same parser as its public page; they need ``type=`` of that page type."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        declared = getattr(model, "api_filters", None) if issubclass(model, PortalPage) else None
        own = getattr(declared, "parameters", ())
        owners = declared_parameters()
        # Another type's filter name that is a field of this type is Wagtail's field filter (procedures' ``field``).
        used = [name for name in request.GET if name in own or (name in owners and not _is_field(model, name))]
        if not used:
            return queryset
        if used[0] not in own:
            types = ", ".join(page_types.label(owner) for owner in owners[used[0]])
            raise ParameterError(used[0], _("chỉ dùng được với type=%(types)s.") % {"types": types})
        filters = declared.parse(request.GET)
        if filters.errors:
            raise ParameterError(*next(iter(filters.errors.items())))
        return filters.apply(queryset)


class PlainWordsSearchFilter(wagtail_filters.SearchFilter):
    """Wagtail's ``?search=`` given words only.

    SQLite's FTS5 (Wagtail's database backend) reads quotes, ``*``, ``^``, ``:``, brackets and bare
    ``AND``/``OR``/``NOT``/``NEAR`` as query syntax, and a stray one is an error (a 500): punctuation
    becomes a space and the search looks for the words.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET.copy()
            query["search"] = plain_words(query["search"])
            # Wagtail's filter reads request.GET; the rest of the request keeps the original parameters.
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def plain_words(text: str) -> str:
    words = re.sub(r"[^\w]+|_+", " ", text[:MAX_TEXT_LENGTH]).split()
    return " ".join(word.lower() if word in FTS_OPERATORS else word for word in words)


FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


class SearchMovedFilter(BaseFilterBackend):
    """``pages/?search=`` answers 400 naming ``/api/v2/search/``: the portal has one search.

    The Vietnamese search (``search/``: tone-mark folding, typos, abbreviations, ranking, highlights, the
    type/field/date/document filters) lives at ``/api/v2/search/``; Wagtail's token search here found
    0 articles for "moc chau" where that one found 10.
    """

    def filter_queryset(self, request, queryset, view):
        for name in ("search", "search_operator"):
            if name in request.GET:
                raise ParameterError(name, _("trang được tìm ở /api/v2/search/?q= (tìm kiếm tiếng Việt)."))
        return queryset
