"""Benchmark-only pieces, active only under ``settings.bench`` (``make bench``), never in production.

- ``QueryCountMiddleware`` adds ``X-Bench-Queries`` (SQL statements run for the request) to every response.
- ``urlpatterns``: the floor (a bare view on the full middleware stack) and Wagtail's stock
  ``PagesAPIViewSet``, the baselines the report compares each scenario with.
"""

from django.db import connections
from django.http import HttpResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

QUERY_HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    """Counts SQL statements on every database connection while the request is handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connections[alias].execute_wrapper(counter) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response[QUERY_HEADER] = str(count)
        return response


def bare(request):
    """The floor: no database, no template, the same middleware as every other view."""
    return HttpResponse("ok", content_type="text/plain")


stock_api = WagtailAPIRouter("bench_stock_api")
stock_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/stock-api/v2/", stock_api.urls),
]
