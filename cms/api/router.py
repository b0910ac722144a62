"""The one API router. Other apps register their endpoints here (see ``docs`` in the closing note):

    from cms.api.router import api_router
    api_router.register_endpoint("statistics", StatisticsViewSet)  # a wagtail BaseAPIViewSet subclass

or append plain DRF views to ``extra_urlpatterns``; both appear under /api/v2/ and in the OpenAPI document.
"""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter

from cms.api import openapi, preview, views
from cms.api.cache import CachedResponseMixin
from cms.api.openapi import STATISTICS_PARAMETERS, VisitsSchema, WagtailEndpointSchema
from cms.statistics_api import StatisticsAPIViewSet
from cms.visits.api import VisitsAPIViewSet
from search import api as search_api


class CachedStatisticsAPIViewSet(CachedResponseMixin, StatisticsAPIViewSet):
    """Statistics share the pages' validators and server cache (invalidated on any snippet publish)."""

    schema = WagtailEndpointSchema("Statistic", lambda: STATISTICS_PARAMETERS)


class DocumentedVisitsAPIViewSet(VisitsAPIViewSet):
    schema = VisitsSchema()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.PagesViewSet)
api_router.register_endpoint("images", views.ImagesViewSet)
api_router.register_endpoint("documents", views.DocumentsViewSet)
api_router.register_endpoint("statistics", CachedStatisticsAPIViewSet)
# Counters change on every page view: never served from the API cache.
api_router.register_endpoint("visits", DocumentedVisitsAPIViewSet)

# Plain Django/DRF views mounted under /api/v2/ (e.g. path("visits/", VisitView.as_view(), name="visits")).
extra_urlpatterns: list = [
    path("search/", search_api.SearchAPIView.as_view(), name="api-search"),
    path("search/suggest/", search_api.SuggestAPIView.as_view(), name="api-search-suggest"),
]


def get_urlpatterns(prefix: str = "api/v2/") -> list:
    """URL patterns to splice into the root URLconf (before the language-prefixed ones)."""
    own = [
        path("schema/", openapi.SchemaView.as_view(), name="api-schema"),
        path("docs/", openapi.DocsView.as_view(url_name="api-schema"), name="api-docs"),
        path("preview/token/", preview.PreviewTokenView.as_view(), name="api-preview-token"),
        path("preview/<int:page_id>/", preview.PreviewView.as_view(), name="api-preview"),
        *extra_urlpatterns,
    ]
    return [path(prefix, include(own)), path(prefix, api_router.urls)]
