from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from search import api as search_api
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    # Search API (issue 7); the lead registers these beside the main API router.
    path("api/v2/search/", search_api.SearchAPIView.as_view(), name="api-search"),
    path("api/v2/search/suggest/", search_api.SuggestAPIView.as_view(), name="api-search-suggest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages carry their language: /vi/..., /en/...; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
