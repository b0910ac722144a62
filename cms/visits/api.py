"""``/api/v2/visits/``: the four figures of "Thống kê truy cập", and the optional beacon that counts a view.

Registered on the API router at the end of this module; counters change on every page view, so these
answers are never served from the API cache.
"""

from django.conf import settings
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.openapi import AutoSchema
from rest_framework import status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cms.api import openapi, router
from cms.api.errors import error_body, unknown_portal
from cms.api.renderers import JSONRenderer
from cms.core import sites
from cms.visits.counter import VisitCounter, is_bot
from cms.visits.models import DailyVisits


class VisitsSchema(AutoSchema):
    """The visitor counter: figures (GET) and the optional beacon (POST)."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        if path.endswith("/beacon/"):
            return {
                "operationId": "visits_beacon",
                "tags": ["visits"],
                "description": "Counts one page view when VISITS_MODE=beacon (HTML cached by a CDN).",
                "responses": {
                    "204": {"description": "Counted"},
                    "403": {"description": "Beacon counting is off", "content": openapi.ERROR["content"]},
                },
            }
        return {
            "operationId": "visits_retrieve",
            "tags": ["visits"],
            "parameters": [
                openapi.parameter("site", "Host name of the portal to read (aggregators); default: this host's portal")
            ],
            "responses": {
                "200": openapi.json_content(openapi.ref("Visits")),
                "400": {"description": "Unknown portal", "content": openapi.ERROR["content"]},
            },
        }


@method_decorator(never_cache, name="dispatch")
class VisitsAPIViewSet(viewsets.ViewSet):
    # WagtailAPIRouter looks endpoints up by model; nothing links to DailyVisits, so this only satisfies it.
    model = DailyVisits
    name = "visits"
    schema = VisitsSchema()
    renderer_classes = [JSONRenderer]
    authentication_classes = []  # anonymous and cookie-less: no session, so no CSRF token for the beacon
    permission_classes = [AllowAny]

    def stats_view(self, request):
        """The figures of the portal this host serves, or of ``?site=<hostname>`` (aggregators)."""
        try:
            site = sites.site_for_request(request, allow_parameter=True)
        except sites.Site.DoesNotExist:
            return Response(
                error_body(unknown_portal(sites.SITE_PARAMETER).message, sites.SITE_PARAMETER),
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(VisitCounter().stats(site_id=site.pk if site is not None else None).as_dict())

    def beacon_view(self, request):
        """Count the page that sent the beacon, for HTML cached by a CDN (``VISITS_MODE=beacon``)."""
        # 403, not 404: LocaleMiddleware would turn a 404 outside i18n_patterns into a redirect to /vi/...
        if getattr(settings, "VISITS_MODE", "middleware") != "beacon":
            return Response(
                error_body(_("Đếm lượt xem bằng beacon đang tắt: VISITS_MODE không phải “beacon”.")),
                status=status.HTTP_403_FORBIDDEN,
            )
        if not is_bot(request.headers.get("User-Agent", "")):
            VisitCounter().record_view(request)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "stats_view"}), name="listing"),
            path("beacon/", cls.as_view({"post": "beacon_view"}), name="beacon"),
        ]


router.register_endpoint("visits", VisitsAPIViewSet)
