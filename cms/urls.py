from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api.urls import get_urlpatterns as api_urlpatterns
from cms.feeds import NewsFeed
from cms.portals import admin_urls as portal_admin_urls
from cms.sitemaps import PortalSitemap
from search import views as search_views

handler400 = "cms.views.bad_request"
handler403 = "cms.views.permission_denied"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

urlpatterns = [
    # Admin views kept to the user's portals, at the paths of Wagtail's they replace: matched first.
    path(settings.ADMIN_URL_PATH, include(portal_admin_urls)),
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    *api_urlpatterns(),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    import re

    from django.urls import re_path
    from django.views.static import serve

    # `make serve` has no web server in front: images and renditions from Django. Never documents/: those go
    # through Wagtail's /documents/ view, which checks collection privacy.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>(?!documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

if getattr(settings, "BENCH_BASELINES", False):
    from cms import bench

    urlpatterns += bench.urlpatterns

# Public pages carry their language: /vi/..., /en/...; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("rss/", NewsFeed(), name="news_feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
