from django.utils.functional import SimpleLazyObject

from cms.visits.counter import VisitCounter


def _stats() -> dict:
    try:
        return VisitCounter().stats().as_dict()
    except Exception:  # noqa: BLE001 - a storage failure hides the box instead of breaking the page
        return {}


def visit_stats(request):
    """``visit_stats`` for the "Thống kê truy cập" box; read only by templates that show it."""
    return {"visit_stats": SimpleLazyObject(_stats)}
