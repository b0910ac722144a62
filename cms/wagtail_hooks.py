from wagtail.snippets.models import register_snippet

from cms.viewsets import StatisticViewSet

register_snippet(StatisticViewSet)
