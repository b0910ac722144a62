from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from cms.visits.counter import VisitCounter


def _stats() -> dict:
    try:
        return VisitCounter().stats().as_dict()
    except Exception:  # noqa: BLE001 - a storage failure hides the box instead of breaking the page
        return {}


def visit_stats(request):
    """``visit_stats`` for the "Thống kê truy cập" box (read only by templates that show it), and the beacon URL."""
    context = {"visit_stats": SimpleLazyObject(_stats)}
    if getattr(settings, "VISITS_MODE", "middleware") == "beacon":
        context["visits_beacon_url"] = reverse("wagtailapi:visits:beacon")
    return context
