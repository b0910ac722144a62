from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.statistics_api import StatisticsAPIViewSet
from cms.visits.api import VisitsAPIViewSet
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    # Issue 6 endpoints; to be registered on the main WagtailAPIRouter as "statistics" and "visits".
    path("api/v2/statistics/", include((StatisticsAPIViewSet.get_urlpatterns(), "statistics"), "statistics_api")),
    path("api/v2/visits/", include((VisitsAPIViewSet.get_urlpatterns(), "visits"), "visits_api")),
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
