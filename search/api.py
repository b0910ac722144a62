"""JSON search endpoints: /api/v2/search/ (ranked results) and /api/v2/search/suggest/ (title suggestions)."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from cms.api.cache import CachedResponseMixin
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
    return Response({"message": exc.message, "parameter": exc.parameter}, status=400)


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


def _non_negative_int(request, name: str, default: int, maximum: int | None = None) -> int:
    value = request.query_params.get(name, "")
    if value == "":
        return default
    if not value.isdigit() or (maximum is not None and int(value) > maximum):
        limit = f" (0–{maximum})" if maximum is not None else ""
        raise BadParameter(name, _("Tham số phải là số nguyên không âm") + limit)
    return int(value)


def serialize(result) -> dict:
    entry = result.entry
    return {
        "id": entry.page_id,
        "type": entry.page_type,
        "title": entry.title,
        "url": result.url,
        "date": entry.date.isoformat(),
        "number": entry.number or None,
        "document_type": entry.document_type or None,
        "issuing_agency": entry.issuing_agency or None,
        "title_highlighted": str(result.title_html),
        "snippet": str(result.snippet_html),
    }


LOCALE_PARAMETER = OpenApiParameter("locale", OpenApiTypes.STR, description="Language code; default: vi.")
QUERY_PARAMETER = OpenApiParameter("q", OpenApiTypes.STR, description="Search words, at most 200 characters.")


class SearchSchema(AutoSchema):
    """OpenAPI description taken from the view's ``openapi`` dict.

    A schema subclass rather than @extend_schema, which needs DEFAULT_SCHEMA_CLASS set to drf-spectacular.
    """

    def get_override_parameters(self):
        return self.view.openapi["parameters"]

    def get_operation_id(self):
        return self.view.openapi["operation_id"]

    def get_summary(self):
        return self.view.openapi["summary"]

    def get_response_serializers(self):
        return {200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT}

    def get_tags(self):
        return ["search"]


class PublicAPIView(CachedResponseMixin, APIView):
    """Anonymous, JSON only, no session: search results are the same for everyone."""

    # (The docstring is the endpoints' OpenAPI description.) Cached and invalidated like the rest of the API.

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    # Explicit so the endpoints describe themselves whatever DEFAULT_SCHEMA_CLASS the project sets.
    schema = SearchSchema()


class SearchAPIView(PublicAPIView):
    openapi = {
        "operation_id": "search",
        "summary": "Search news and directives (Vietnamese, with or without tone marks)",
        "parameters": [
            QUERY_PARAMETER,
            LOCALE_PARAMETER,
            OpenApiParameter("type", OpenApiTypes.STR, enum=["news", "directive"]),
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
        except BadParameter as exc:
            return _error(exc)
        filters = search_query.Filters.parse(request.query_params)
        if filters.errors:
            name, message = next(iter(filters.errors.items()))
            return _error(BadParameter(name, message))
        rows, total = search_query.fetch(search_query.search(query, locale, filters), offset, limit)
        results = present(rows, query, request)
        # total_count stops at search.query.MAX_RANKED; total_count_capped says there are more.
        meta = {"total_count": total.count, "total_count_capped": total.capped, "offset": offset, "limit": limit}
        return Response({"meta": meta, "items": [serialize(result) for result in results]})


class SuggestAPIView(PublicAPIView):
    openapi = {
        "operation_id": "search_suggest",
        "summary": "As-you-type title suggestions",
        "parameters": [QUERY_PARAMETER, LOCALE_PARAMETER],
    }

    def get(self, request):
        try:
            query = _query(request)
            locale = _locale(request)
        except BadParameter as exc:
            return _error(exc)
        results = present(search_query.suggest(query, locale), query, request)
        return Response(
            {
                "items": [
                    {
                        "id": r.entry.page_id,
                        "type": r.entry.page_type,
                        "title": r.entry.title,
                        "url": r.url,
                        "title_highlighted": str(r.title_html),
                    }
                    for r in results
                ]
            }
        )
