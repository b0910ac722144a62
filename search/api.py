"""JSON search endpoints: /api/v2/search/ (ranked results) and /api/v2/search/suggest/ (title suggestions)."""

import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from cms.api import router
from cms.api.errors import error_body
from cms.api.http_cache import CachedResponseMixin
from cms.core import public_urls, sites
from cms.core.text import is_number
from search import documents
from search import query as search_query
from search.results import present

DEFAULT_LIMIT = 10
MAX_LIMIT = 50


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _error(exc: BadParameter) -> Response:
    return Response(error_body(f"{exc.parameter}: {exc.message}", exc.parameter), status=400)


def _locale(request) -> Locale:
    code = request.query_params.get("locale", "").strip() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadParameter("locale", _("Ngôn ngữ không được hỗ trợ: %(code)s") % {"code": code[:20]})
    return locale


def _query(request) -> str:
    query = request.query_params.get("q", "").strip()
    if len(query) > search_query.MAX_QUERY_LENGTH:
        raise BadParameter("q", _("Từ khóa quá dài (tối đa %(max)d ký tự).") % {"max": search_query.MAX_QUERY_LENGTH})
    return query


def _site(request):
    """The portal searched by default: ``?site=<hostname>`` (one API host serving aggregators), else the one this
    host serves (None: the installation has one portal, nothing to limit)."""
    if not request.query_params.get(sites.SITE_PARAMETER, "").strip():
        return search_query.current_portal(request)
    try:
        return sites.site_for_request(request, allow_parameter=True)
    except sites.Site.DoesNotExist as exc:
        raise BadParameter(sites.SITE_PARAMETER, _("không có cổng nào với tên miền này.")) from exc


def _non_negative_int(request, name: str, default: int, maximum: int | None = None) -> int:
    value = request.query_params.get(name, "")
    if value == "":
        return default
    if not is_number(value) or (maximum is not None and int(value) > maximum):
        limit = f" (0–{maximum})" if maximum is not None else ""
        raise BadParameter(name, _("Tham số phải là số nguyên không âm") + limit)
    return int(value)


def serialize(result) -> dict:
    entry = result.entry
    return {
        "id": result.page_id,
        "type": entry.page_type,
        "type_label": result.type_label,
        "field": entry.field or None,
        "title": unicodedata.normalize("NFC", entry.title),  # the text ``title_matches`` counts in
        "url": public_urls.absolute(result.url),
        "date": entry.date.isoformat(),
        "number": entry.number or None,
        "document_type": entry.document_type or None,
        "issuing_agency": entry.issuing_agency or None,
        "title_highlighted": str(result.title_html),
        "snippet": str(result.snippet_html),
        "title_matches": _matches(result.title_matches),
        "snippet_text": result.snippet_text,
        "snippet_matches": _matches(result.snippet_matches),
    }


def _matches(spans) -> list[dict]:
    return [{"start": start, "end": end} for start, end in spans]


def _facets(outcome) -> dict:
    return {
        facet: [{"value": value, "label": label, "count": count} for value, label, count in values]
        for facet, values in outcome.facets().items()
    }


HIGHLIGHT = (
    "HTML: the text escaped, each matched word wrapped in `<mark>…</mark>` (matched with or without tone "
    "marks, so `moc` marks `Mộc`); no other tags. Insert as HTML, or strip the two tags for plain text."
)
NULLABLE_STRING = {"type": ["string", "null"]}
MATCHES = {
    "type": "array",
    "items": {"$ref": "#/components/schemas/SearchMatch"},
    "description": "Where the matched words are, as `[start, end)` offsets in Unicode code points (not UTF-16 "
    "units: a character outside the BMP counts once), in order and not overlapping",
}
# Component schemas of the two responses, added to the OpenAPI document by cms.api.openapi.
OPENAPI_COMPONENTS = {
    "SearchResult": {
        "type": "object",
        "required": [
            "id",
            "type",
            "type_label",
            "field",
            "title",
            "url",
            "date",
            "number",
            "document_type",
            "issuing_agency",
            "title_highlighted",
            "snippet",
            "title_matches",
            "snippet_text",
            "snippet_matches",
        ],
        "properties": {
            "id": {"type": "integer", "description": "Page id (GET /api/v2/pages/{id}/)"},
            "type": {"type": "string", "description": "Content type, e.g. news, directive"},
            "type_label": {"type": "string"},
            "field": {**NULLABLE_STRING, "description": "Field (lĩnh vực) slug"},
            "title": {"type": "string", "description": "Plain text (NFC)"},
            "url": {"type": "string", "format": "uri"},
            "date": {"type": "string", "format": "date"},
            "number": {**NULLABLE_STRING, "description": "Directives: the document number"},
            "document_type": NULLABLE_STRING,
            "issuing_agency": NULLABLE_STRING,
            "title_highlighted": {"type": "string", "description": "The title. " + HIGHLIGHT},
            "snippet": {
                "type": "string",
                "description": "An excerpt around the first match ('… ' when cut). " + HIGHLIGHT,
            },
            "title_matches": {**MATCHES, "description": "In `title`. " + MATCHES["description"]},
            "snippet_text": {"type": "string", "description": "`snippet` as plain text (the marks removed)"},
            "snippet_matches": {**MATCHES, "description": "In `snippet_text`. " + MATCHES["description"]},
        },
    },
    "SearchMatch": {
        "type": "object",
        "required": ["start", "end"],
        "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}},
    },
    "SearchFacetValue": {
        "type": "object",
        "required": ["value", "label", "count"],
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}},
    },
    "SearchResults": {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count", "total_count_capped", "offset", "limit", "suggestion", "facets"],
                "properties": {
                    "total_count": {"type": "integer"},
                    "total_count_capped": {"type": "boolean", "description": "true: there are more than total_count"},
                    "offset": {"type": "integer"},
                    "limit": {"type": "integer"},
                    "suggestion": {**NULLABLE_STRING, "description": "A corrected query when a word is found nowhere"},
                    "facets": {
                        "type": "object",
                        "description": "Counts over the matches by type, field, agency and year (empty with no match)",
                        "properties": {
                            facet: {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}}
                            for facet in ("type", "field", "agency", "year")
                        },
                    },
                },
            },
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/SearchResult"}},
        },
    },
    "SearchSuggestion": {
        "type": "object",
        "required": ["id", "type", "title", "url", "title_highlighted", "title_matches"],
        "properties": {
            "id": {"type": "integer"},
            "type": {"type": "string"},
            "title": {"type": "string", "description": "Plain text (NFC)"},
            "url": {"type": "string", "format": "uri"},
            "title_highlighted": {"type": "string", "description": HIGHLIGHT},
            "title_matches": {**MATCHES, "description": "In `title`. " + MATCHES["description"]},
        },
    },
    "SearchSuggestions": {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/SearchSuggestion"}}},
    },
}

LOCALE_PARAMETER = OpenApiParameter("locale", OpenApiTypes.STR, description="Language code; default: vi.")
QUERY_PARAMETER = OpenApiParameter("q", OpenApiTypes.STR, description="Search words, at most 200 characters.")
PORTAL_PARAMETERS = [
    OpenApiParameter(
        "portal", OpenApiTypes.STR, description="A site id, or all; default: the portal searched (see site)."
    ),
    OpenApiParameter(
        "site",
        OpenApiTypes.STR,
        description="Host name of the portal to search (aggregators); default: the portal of the request's host.",
    ),
]


class SearchSchema(AutoSchema):
    """OpenAPI description taken from the view's ``openapi`` dict.

    A schema subclass rather than @extend_schema, which needs DEFAULT_SCHEMA_CLASS set to drf-spectacular.
    """

    def get_override_parameters(self):
        parameters = self.view.openapi["parameters"]
        return parameters() if callable(parameters) else parameters

    def get_operation_id(self):
        return self.view.openapi["operation_id"]

    def get_summary(self):
        return self.view.openapi["summary"]

    def get_response_serializers(self):
        return {200: {"$ref": "#/components/schemas/" + self.view.openapi["response"]}, 400: OpenApiTypes.OBJECT}

    def get_tags(self):
        return ["search"]


class PublicAPIView(CachedResponseMixin, APIView):
    """Anonymous, JSON only, no session: search results are the same for everyone."""

    # (The docstring is the endpoints' OpenAPI description.) Cached and invalidated like the rest of the API.

    renderer_classes = [JSONRenderer]
    openapi_components = OPENAPI_COMPONENTS
    authentication_classes = []
    permission_classes = [AllowAny]
    # Explicit so the endpoints describe themselves whatever DEFAULT_SCHEMA_CLASS the project sets.
    schema = SearchSchema()


class SearchAPIView(PublicAPIView):
    openapi = {
        "operation_id": "search",
        "response": "SearchResults",
        "summary": "Search every public content type (Vietnamese, with or without tone marks, typos, abbreviations)",
        # Built when the schema is: the page types are read from the installed models.
        "parameters": lambda: [
            QUERY_PARAMETER,
            LOCALE_PARAMETER,
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                enum=sorted(documents.type_labels()),
                description="Page type, named as in /api/v2/pages/?type= and in meta.type (e.g. news.NewsPage). "
                "Old short names (news, directive, procedure, disclosure, draft, page) are still read; an unknown "
                "name answers 400.",
            ),
            OpenApiParameter("field", OpenApiTypes.STR, description="Field (lĩnh vực) slug."),
            OpenApiParameter("year", OpenApiTypes.INT),
            *PORTAL_PARAMETERS,
            OpenApiParameter("date_from", OpenApiTypes.DATE),
            OpenApiParameter("date_to", OpenApiTypes.DATE),
            OpenApiParameter("document_type", OpenApiTypes.STR),
            OpenApiParameter("issuing_agency", OpenApiTypes.STR),
            OpenApiParameter("offset", OpenApiTypes.INT),
            OpenApiParameter("limit", OpenApiTypes.INT, description=f"1–{MAX_LIMIT}, default {DEFAULT_LIMIT}."),
        ],
    }

    def get(self, request):
        try:
            query = _query(request)
            locale = _locale(request)
            offset = _non_negative_int(request, "offset", 0)
            limit = _non_negative_int(request, "limit", DEFAULT_LIMIT, MAX_LIMIT) or DEFAULT_LIMIT
            site = _site(request)
        except BadParameter as exc:
            return _error(exc)
        filters = search_query.Filters.parse(request.query_params)
        if filters.errors:
            name, message = next(iter(filters.errors.items()))
            return _error(BadParameter(name, message))
        # Type and field labels in the language searched, so the answer does not vary with Accept-Language.
        with translation.override(locale.language_code):
            return self.respond(request, query, locale, filters, offset, limit, site)

    def respond(self, request, query, locale, filters, offset, limit, site):
        outcome = search_query.run(query, locale, filters, site)
        total = outcome.total
        results = present(outcome.entries(offset, limit), query, request, outcome.parsed.highlight_words, site)
        # total_count stops at search.query.MAX_RANKED; total_count_capped says there are more.
        meta = {
            "total_count": total.count,
            "total_count_capped": total.capped,
            "offset": offset,
            "limit": limit,
            # "Có phải bạn muốn tìm": the corrected query when a typed word is found nowhere.
            "suggestion": outcome.suggestion or None,
            "facets": _facets(outcome) if total.count else {},
        }
        return Response({"meta": meta, "items": [serialize(result) for result in results]})


class SuggestAPIView(PublicAPIView):
    openapi = {
        "operation_id": "search_suggest",
        "response": "SearchSuggestions",
        "summary": "As-you-type title suggestions, from the portal searched (as /api/v2/search/)",
        "parameters": [QUERY_PARAMETER, LOCALE_PARAMETER, *PORTAL_PARAMETERS],
    }

    def get(self, request):
        try:
            query = _query(request)
            locale = _locale(request)
            site = _site(request)
            portal, error = search_query.parse_portal(request.query_params)
            if error:
                raise BadParameter("portal", error)
        except BadParameter as exc:
            return _error(exc)
        with translation.override(locale.language_code):
            suggestions = search_query.suggest(query, locale, portal=portal, site=site)
            results = present(suggestions, query, request, site=site)
        return Response(
            {
                "items": [
                    {
                        "id": r.page_id,
                        "type": r.entry.page_type,
                        "title": unicodedata.normalize("NFC", r.entry.title),
                        "url": public_urls.absolute(r.url),
                        "title_highlighted": str(r.title_html),
                        "title_matches": _matches(r.title_matches),
                    }
                    for r in results
                ]
            }
        )


router.register_view("search/", SearchAPIView.as_view(), name="api-search")
router.register_view("search/suggest/", SuggestAPIView.as_view(), name="api-search-suggest")
