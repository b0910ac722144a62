from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from cms.visits.counter import VisitCounter, portal_id


def _stats(request) -> dict:
    try:
        return VisitCounter().stats(site_id=portal_id(request)).as_dict()
    except Exception:  # noqa: BLE001 - a storage failure hides the box instead of breaking the page
        return {}


def visit_stats(request):
    """``visit_stats`` of the request's portal for the "Thống kê truy cập" box (read only by templates that show
    it), and the beacon URL."""
    context = {"visit_stats": SimpleLazyObject(lambda: _stats(request))}
    if getattr(settings, "VISITS_MODE", "middleware") == "beacon":
        context["visits_beacon_url"] = reverse("wagtailapi:visits:beacon")
    return context
