"""``/api/v2/statistics/``: published statistics, optionally in one language (``?locale=vi``).

A Wagtail API endpoint; registered on the API router at the end of this module.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from cms.api import openapi, router
from cms.api.errors import OneErrorShapeMixin, ParameterError, unknown_portal
from cms.api.http_cache import CachedResponseMixin
from cms.api.renderers import CompactJSONMixin, JSONRenderer
from cms.core import sites
from cms.core.i18n import in_locale
from cms.statistics.models import Statistic
from cms.statistics.serializers import StatisticSerializer

STATISTICS_PARAMETERS = [
    openapi.parameter("locale", "Language code (vi, en); unknown codes answer 400"),
    openapi.parameter(
        "site", "Host name of the portal to read (aggregators); default: the portal of the request's host"
    ),
    openapi.parameter("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
    openapi.parameter("offset", "Items to skip", {"type": "integer", "minimum": 0}),
]


class StatisticsAPIViewSet(CompactJSONMixin, CachedResponseMixin, OneErrorShapeMixin, BaseAPIViewSet):
    """Statistics share the pages' validators and server cache (invalidated on any snippet publish)."""

    schema = openapi.WagtailEndpointSchema("Statistic", lambda: STATISTICS_PARAMETERS)
    model = Statistic
    name = "statistics"
    # JSON only: the browsable renderer needs rest_framework's templates, which the public API does not use.
    renderer_classes = [JSONRenderer]
    known_query_parameters = frozenset(["limit", "offset", "locale", "format", sites.SITE_PARAMETER])

    def get_queryset(self):
        try:
            site = sites.site_for_request(self.request, allow_parameter=True)
        except sites.Site.DoesNotExist as exc:
            raise unknown_portal(sites.SITE_PARAMETER) from exc
        # Each portal's own figures: this host's portal, or ?site=<hostname>.
        queryset = Statistic.objects.live().filter(site_id=site.pk) if site else Statistic.objects.none()
        queryset = queryset.select_related("locale").order_by("-reference_date", "label", "pk")
        code = self.request.GET.get("locale")
        if code is not None:
            # Checked against the configured languages before any query: PostgreSQL rejects NUL in text.
            configured = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
            locale = Locale.objects.filter(language_code=code).first() if code in configured else None
            if locale is None:
                raise ParameterError("locale", _("không có ngôn ngữ với mã này."))
            queryset = in_locale(queryset, locale)
        return queryset

    def get_serializer_class(self):
        return StatisticSerializer

    def get_serializer_context(self):
        return {"request": self.request, "view": self}

    @classmethod
    def get_urlpatterns(cls):
        # No "find/" view: statistics have no path or slug to find them by.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "find"]


router.register_endpoint("statistics", StatisticsAPIViewSet)
