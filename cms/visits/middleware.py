from django.conf import settings

from cms.visits.counter import VisitCounter, is_countable_request, is_countable_response


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
            VisitCounter(self.store).record_view(request)
        return response
