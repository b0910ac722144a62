"""API v2 endpoints: Wagtail's view sets with visibility rules, flat query cost and strict filters."""

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.api import visibility
from cms.api.cache import CachedResponseMixin
from cms.api.filters import DIRECTIVE_PARAMETERS, DirectiveFilter, StrictLocaleFilter, ValidatedFieldsFilter
from cms.api.openapi import MEDIA_PARAMETERS, WagtailEndpointSchema, page_parameters
from cms.api.pagination import RememberedCountPagination
from cms.api.prefetch import RENDITIONS, ObjectStore, prefetch_for, use_store
from cms.api.serializers import PortalDocumentSerializer, PortalImageSerializer, PortalPageSerializer

# Wagtail's messages that do not name their parameter.
PARAMETER_OF_MESSAGE = {
    "parent page doesn't exist": "child_of",
    "descendant page doesn't exist": "ancestor_of",
    "ancestor page doesn't exist": "descendant_of",
    "translation_of page doesn't exist": "translation_of",
    "type doesn't exist": "type",
    "cannot order by": "order",
    "random ordering": "order",
    "unknown fields": "fields",
    "fields error": "fields",
    "search is disabled": "search",
}


def _name_parameter(message: str) -> str:
    for start, parameter in PARAMETER_OF_MESSAGE.items():
        if message.startswith(start):
            return f"{parameter}: {message}"
    return message


def _replace(backends, replacements):
    return [replacements.get(backend, backend) for backend in backends]


class StoreMixin:
    """Serialise inside an object store filled once for everything on the response."""

    def listing_view(self, request):
        with use_store(ObjectStore()):
            return super().listing_view(request)

    def detail_view(self, request, pk):
        with use_store(ObjectStore()):
            instance = self.get_object()
            self.prefetch([instance])
            return Response(self.get_serializer(instance).data)

    def paginate_queryset(self, queryset):
        objects = list(super().paginate_queryset(queryset))
        self.prefetch(objects)
        return objects

    def prefetch(self, objects):
        from cms.api.prefetch import active_store

        prefetch_for(objects, active_store())

    def handle_exception(self, exc):
        # Malformed ids, offsets or lookups must answer 400, never 500.
        if isinstance(exc, (ValueError, TypeError, OverflowError)):
            exc = BadRequestError(f"invalid parameter: {exc}")
        if isinstance(exc, BadRequestError):
            exc = BadRequestError(_name_parameter(str(exc)))
        return super().handle_exception(exc)


class PagesViewSet(CachedResponseMixin, StoreMixin, PagesAPIViewSet):
    """Pages: summary fields in listings (``api_listing_fields``), all ``api_fields`` in detail."""

    pagination_class = RememberedCountPagination

    base_serializer_class = PortalPageSerializer
    schema = WagtailEndpointSchema("Page", page_parameters)
    filter_backends = [
        *_replace(
            PagesAPIViewSet.filter_backends[:-1],
            {wagtail_filters.LocaleFilter: StrictLocaleFilter, wagtail_filters.FieldsFilter: ValidatedFieldsFilter},
        ),
        DirectiveFilter,
        PagesAPIViewSet.filter_backends[-1],  # search stays last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(DIRECTIVE_PARAMETERS)
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*super().get_listing_default_fields(model), *getattr(model, "api_listing_fields", [])]

    def get_base_queryset(self):
        return visibility.visible_pages(Page, for_search="search" in self.request.GET)

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is not Page:
            # Wagtail narrows to one page type as ``pk IN (visible page ids)``, which SQLite evaluates by
            # listing every visible page first (600 ms for a 20-item listing at 100,000 pages); the same
            # rules on the typed model's own query let both databases walk the newest-first index.
            queryset = visibility.visible_pages(queryset.model, for_search="search" in self.request.GET)
        queryset = queryset.select_related("locale")
        model = queryset.model
        related = getattr(model, "api_prefetch_related", ())
        if related:
            queryset = queryset.prefetch_related(*related)
        if "order" not in self.request.GET and getattr(model, "api_default_order", None):
            queryset = queryset.order_by(*model.api_default_order)
        return queryset

    def get_object(self):
        try:
            return super().get_object()
        except Page.DoesNotExist as exc:
            raise Http404("not found") from exc


class ImagesViewSet(CachedResponseMixin, StoreMixin, ImagesAPIViewSet):
    pagination_class = RememberedCountPagination
    base_serializer_class = PortalImageSerializer
    schema = WagtailEndpointSchema("ImageItem", lambda: MEDIA_PARAMETERS)
    body_fields = [*ImagesAPIViewSet.body_fields, "alt", "renditions"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt", "renditions"]

    def get_queryset(self):
        return visibility.visible_media(self.model).prefetch_renditions(*RENDITIONS.values()).order_by("id")


class DocumentsViewSet(CachedResponseMixin, StoreMixin, DocumentsAPIViewSet):
    pagination_class = RememberedCountPagination
    base_serializer_class = PortalDocumentSerializer
    schema = WagtailEndpointSchema("DocumentItem", lambda: MEDIA_PARAMETERS)
    body_fields = [*DocumentsAPIViewSet.body_fields, "url", "size", "file_type"]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "url", "size", "file_type"]

    def get_queryset(self):
        return visibility.visible_media(self.model).order_by("id")
