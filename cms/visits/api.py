"""``/api/v2/visits/``: the four figures of "Thống kê truy cập", and the optional beacon that counts a view.

Ready for ``api_router.register_endpoint("visits", VisitsAPIViewSet)``.
"""

from django.conf import settings
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from rest_framework import status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.visits.counter import VisitCounter, is_bot
from cms.visits.models import DailyVisits


@method_decorator(never_cache, name="dispatch")
class VisitsAPIViewSet(viewsets.ViewSet):
    # WagtailAPIRouter looks endpoints up by model; nothing links to DailyVisits, so this only satisfies it.
    model = DailyVisits
    name = "visits"
    renderer_classes = [JSONRenderer]
    authentication_classes = []  # anonymous and cookie-less: no session, so no CSRF token for the beacon
    permission_classes = [AllowAny]

    def stats_view(self, request):
        return Response(VisitCounter().stats().as_dict())

    def beacon_view(self, request):
        """Count the page that sent the beacon, for HTML cached by a CDN (``VISITS_MODE=beacon``)."""
        # 403, not 404: LocaleMiddleware would turn a 404 outside i18n_patterns into a redirect to /vi/...
        if getattr(settings, "VISITS_MODE", "middleware") != "beacon":
            return Response(
                {"message": "beacon counting is off: VISITS_MODE is not 'beacon'"}, status=status.HTTP_403_FORBIDDEN
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
