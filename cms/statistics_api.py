"""``/api/v2/statistics/``: published statistics, optionally in one language (``?locale=vi``).

A Wagtail API endpoint, ready for ``api_router.register_endpoint("statistics", StatisticsAPIViewSet)``.
"""

from django.conf import settings
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from cms.i18n import in_locale
from cms.models import Statistic
from cms.serializers import StatisticSerializer


class StatisticsAPIViewSet(BaseAPIViewSet):
    model = Statistic
    name = "statistics"
    # JSON only: the browsable renderer needs rest_framework's templates, which the public API does not use.
    renderer_classes = [JSONRenderer]
    known_query_parameters = frozenset(["limit", "offset", "locale", "format"])

    def get_queryset(self):
        queryset = Statistic.objects.live().select_related("locale").order_by("-reference_date", "label", "pk")
        code = self.request.GET.get("locale")
        if code is not None:
            # Checked against the configured languages before any query: PostgreSQL rejects NUL in text.
            configured = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
            locale = Locale.objects.filter(language_code=code).first() if code in configured else None
            if locale is None:
                raise BadRequestError(f"locale: unknown language code {code!r}")
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
