"""API v2 endpoints: Wagtail's view sets with visibility rules, flat query cost and strict filters."""

from django.http import Http404, HttpResponseRedirect
from rest_framework.response import Response
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.api import find, options, streams
from cms.api.errors import OneErrorShapeMixin, ParameterError, unknown_portal
from cms.api.fields import serializer_overrides
from cms.api.filters import (
    DeclaredFilter,
    PlainWordsSearchFilter,
    SearchMovedFilter,
    StrictLocaleFilter,
    ValidatedFieldsFilter,
    declared_parameters,
)
from cms.api.http_cache import CachedResponseMixin
from cms.api.openapi import MEDIA_PARAMETERS, WagtailEndpointSchema, page_parameters
from cms.api.options import RepresentationOptionsMixin
from cms.api.pagination import RememberedCountPagination
from cms.api.prefetch import ObjectStore, prefetch_for
from cms.api.renderers import CompactJSONMixin
from cms.api.serializers import PortalDocumentSerializer, PortalImageSerializer, PortalPageSerializer
from cms.core import page_types, public_urls, sites, visibility
from cms.core.pages import PortalPage
from cms.core.representations import api_rendition_specs
from cms.core.store import active_store, use_store
from cms.portals import media


def _replace(backends, replacements):
    return [replacements.get(backend, backend) for backend in backends]


class StoreMixin:
    """Serialise inside an object store filled once for everything on the response."""

    # Pages: the listing remembers its StreamFields' representations per content generation (cms.api.streams).
    remember_streams = False

    def listing_view(self, request):
        with use_store(ObjectStore(remembered_locales=True)) as store:
            remembered = None
            if self.remember_streams:
                remembered = store.memo[streams.MEMO_KEY] = streams.RememberedStreams(request)
            response = super().listing_view(request)
            if remembered is not None:
                remembered.flush()
            return response

    def detail_view(self, request, pk):
        with use_store(ObjectStore(remembered_locales=True)):
            instance = self.get_object()
            self.prefetch([instance])
            return Response(self.get_serializer(instance).data)

    def paginate_queryset(self, queryset):
        objects = list(super().paginate_queryset(queryset))
        self.prefetch(objects)
        return objects

    def prefetch(self, objects):
        prefetch_for(objects, active_store())


class PagesViewSet(
    CompactJSONMixin, CachedResponseMixin, RepresentationOptionsMixin, OneErrorShapeMixin, StoreMixin, PagesAPIViewSet
):
    """Pages: what each type declares on ``cms.core.pages.PortalPage`` (listing fields, order, prefetches)."""

    pagination_class = RememberedCountPagination
    remember_streams = True

    base_serializer_class = PortalPageSerializer
    rich_text_option = True
    schema = WagtailEndpointSchema(
        "Page",
        page_parameters,
        listing_schema="PageSummary",
        options=lambda: [*options.image_parameters(), options.rich_text_parameter()],
    )
    filter_backends = [
        *_replace(
            PagesAPIViewSet.filter_backends[:-1],
            {wagtail_filters.LocaleFilter: StrictLocaleFilter, wagtail_filters.FieldsFilter: ValidatedFieldsFilter},
        ),
        DeclaredFilter,
        SearchMovedFilter,
    ]
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]

    @property
    def known_query_parameters(self):
        return PagesAPIViewSet.known_query_parameters.union(
            declared_parameters(), {sites.SITE_PARAMETER}, self.option_parameter_names()
        )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # ``?type=`` in the one vocabulary of page types (cms/core/page_types.py): old short names become labels
        # before Wagtail reads the parameter.
        name = request.GET.get("type")
        if not name:
            return
        try:
            canonical = page_types.canonical(name)
        except page_types.UnknownPageType as exc:
            raise ParameterError("type", exc.message) from exc
        if canonical != name:
            query = request.GET.copy()
            query["type"] = canonical
            request._request.GET = query

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), **serializer_overrides(model)}

    @classmethod
    def get_listing_default_fields(cls, model):
        declared = model.api_listing_fields if issubclass(model, PortalPage) else []
        return [*super().get_listing_default_fields(model), *declared]

    def get_base_queryset(self):
        return self._in_portal(visibility.visible_pages(Page))

    def _in_portal(self, queryset):
        """The pages of the portal this host serves, or of ``?site=<hostname>`` (aggregators)."""
        try:
            paths = sites.request_portal_paths(self.request, allow_parameter=True)
        except sites.Site.DoesNotExist as exc:
            raise unknown_portal(sites.SITE_PARAMETER) from exc
        return sites.in_portal(queryset, paths)

    def get_queryset(self):
        # Asked twice per listing (Wagtail's serializer choice reads its model): built once. Callers filter
        # and slice copies of it; the locales come from the remembered list (``cms.core.i18n.attach_locales``),
        # not from a join, which led SQLite's planner to sort the whole language's pages.
        if getattr(self, "_queryset", None) is None:
            self._queryset = self._build_queryset()
        return self._queryset

    def _build_queryset(self):
        models = self._requested_models()
        if len(models) == 1 and models[0] is not Page:
            # Wagtail narrows to one page type as ``pk IN (visible page ids)``, which SQLite evaluates by
            # listing every visible page first (600 ms for a 20-item listing at 100,000 pages); the same
            # rules on the typed model's own query let both databases walk the newest-first index.
            queryset = self._in_portal(visibility.visible_pages(models[0]))
        else:
            queryset = super().get_queryset()
        model = queryset.model
        if not issubclass(model, PortalPage):
            return queryset
        if model.api_prefetch_related:
            queryset = queryset.prefetch_related(*model.api_prefetch_related)
        if "order" not in self.request.GET and model.api_default_order:
            queryset = queryset.order_by(*model.api_default_order)
        return queryset

    def _requested_models(self) -> list:
        """The page models of ``?type=``, as Wagtail reads them (``PagesAPIViewSet.get_queryset``)."""
        name = self.request.GET.get("type")
        try:
            return (name and page_models_from_string(name)) or []
        except (LookupError, ValueError) as exc:
            raise BadRequestError("type doesn't exist") from exc

    def get_object(self):
        try:
            return super().get_object()
        except Page.DoesNotExist as exc:
            raise Http404("not found") from exc

    def find_view(self, request):
        """``find/?html_path=`` or ``?id=``, plus ``?locale=`` and ``?redirect=false`` (see ``cms.api.find``)."""
        redirect = find.redirect_wanted(request.GET)
        page = find.find_page(self.get_queryset(), request)
        if page is None:
            raise Http404("not found")
        if not redirect:
            with use_store(ObjectStore(remembered_locales=True)):
                self._cached_object = page  # what Wagtail's get_object (and so the serializer choice) reads
                page = self.get_object()
                self.prefetch([page])
                return Response(self.get_serializer(page).data)
        query = request.GET.copy()
        for name in find.FIND_PARAMETERS:
            query.pop(name, None)
        url = self.request.wagtailapi_router.get_object_detail_urlpath(Page, page.pk)
        suffix = f"?{query.urlencode()}" if query else ""
        return HttpResponseRedirect(public_urls.absolute(url, request) + suffix)


class PortalMediaMixin:
    """The listing shows the media of the portal this host serves, or of ``?site=<hostname>``; a detail URL
    answers for any public file (a page may show another portal's image, and its ``detail_url`` must work)."""

    def portal_media(self, queryset):
        try:
            site = sites.site_for_request(self.request, allow_parameter=True)
        except sites.Site.DoesNotExist as exc:
            raise unknown_portal(sites.SITE_PARAMETER) from exc
        if self.action != "listing_view":
            return queryset
        return media.portal_media(queryset, site.pk if site else None)


class ImagesViewSet(
    PortalMediaMixin,
    CompactJSONMixin,
    CachedResponseMixin,
    RepresentationOptionsMixin,
    OneErrorShapeMixin,
    StoreMixin,
    ImagesAPIViewSet,
):
    pagination_class = RememberedCountPagination
    filter_backends = _replace(
        ImagesAPIViewSet.filter_backends, {wagtail_filters.SearchFilter: PlainWordsSearchFilter}
    )
    base_serializer_class = PortalImageSerializer
    schema = WagtailEndpointSchema("ImageItem", lambda: MEDIA_PARAMETERS, options=options.image_parameters)
    known_query_parameters = (
        ImagesAPIViewSet.known_query_parameters | options.IMAGE_PARAMETERS | {sites.SITE_PARAMETER}
    )
    details = ["alt", "focal_point", "renditions", "srcset", "variants", "variants_srcset"]
    body_fields = [*ImagesAPIViewSet.body_fields, *details]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, *details]

    def get_queryset(self):
        queryset = visibility.visible_media(self.model).prefetch_renditions(*api_rendition_specs())
        return self.portal_media(queryset).order_by("id")


class DocumentsViewSet(
    PortalMediaMixin, CompactJSONMixin, CachedResponseMixin, OneErrorShapeMixin, StoreMixin, DocumentsAPIViewSet
):
    pagination_class = RememberedCountPagination
    filter_backends = _replace(
        DocumentsAPIViewSet.filter_backends, {wagtail_filters.SearchFilter: PlainWordsSearchFilter}
    )
    base_serializer_class = PortalDocumentSerializer
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters | {sites.SITE_PARAMETER}
    schema = WagtailEndpointSchema("DocumentItem", lambda: MEDIA_PARAMETERS)
    body_fields = [*DocumentsAPIViewSet.body_fields, "url", "size", "file_type"]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "url", "size", "file_type"]

    def get_queryset(self):
        return self.portal_media(visibility.visible_media(self.model)).order_by("id")
