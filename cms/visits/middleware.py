from django.conf import settings

from cms.visits.counter import VisitCounter, is_countable_request, is_countable_response
from cms.visits.stores import DatabaseVisitStore


class VisitCounterMiddleware:
    """Counts page views of public HTML pages; does nothing when ``VISITS_MODE`` is "beacon"."""

    def __init__(self, get_response, store=None):
        self.get_response = get_response
        self.store = store  # None: the store of the current settings, chosen per request

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(settings, "VISITS_MODE", "middleware") == "middleware"
            and is_countable_response(response)
            and is_countable_request(request)
        ):
            counter = VisitCounter(self.store)
            # The page cache answered because the database is unreachable (cms/pagecache): a view stored there
            # would only wait for the same failure and log it, once per request of a surge.
            if not (getattr(request, "database_unreachable", False) and isinstance(counter.store, DatabaseVisitStore)):
                counter.record_view(request)
        return response
