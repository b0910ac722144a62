"""The Statistic snippet in the admin (loaded from cms/wagtail_hooks.py: this package belongs to the cms app)."""

from wagtail.snippets.models import register_snippet

from cms.statistics.viewsets import StatisticViewSet

register_snippet(StatisticViewSet)
