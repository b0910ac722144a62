"""Benchmark-only pieces, active only under ``settings.bench`` (``make bench``), never in production.

- ``QueryCountMiddleware`` adds ``X-Bench-Queries`` (SQL statements run for the request) to every response.
- ``DjangoDefaultFloorMiddleware`` answers ``/bench/django-default/`` with the bare view through Django's
  default middleware (the list ``startproject`` writes) instead of the portal's: the floor of any Django site.
- ``urlpatterns``: the floor (a bare view on the full middleware stack) and Wagtail's stock
  ``PagesAPIViewSet``, the baselines the report compares each scenario with.
"""

import ast
from functools import cache
from pathlib import Path

import django
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


DJANGO_DEFAULT_PATH = "/bench/django-default/"


@cache
def django_default_middleware() -> list[str]:
    """``MIDDLEWARE`` of a new project, read from Django's own project template (not copied here)."""
    template = Path(django.__file__).parent / "conf" / "project_template" / "project_name" / "settings.py-tpl"
    for node in ast.parse(template.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MIDDLEWARE":
            return ast.literal_eval(node.value)
    raise LookupError("MIDDLEWARE not found in Django's project template")


class DjangoDefaultFloorMiddleware:
    """Before the portal's stack (settings.bench): ``/bench/django-default/`` through Django's default stack only."""

    def __init__(self, get_response):
        from django.utils.module_loading import import_string

        self.get_response = get_response
        handler = bare
        for dotted in reversed(django_default_middleware()):
            handler = import_string(dotted)(handler)
        self.floor = handler

    def __call__(self, request):
        if request.path == DJANGO_DEFAULT_PATH:
            return self.floor(request)
        return self.get_response(request)


def bare(request):
    """The floor: no database, no template, the same middleware as every other view."""
    return HttpResponse("ok", content_type="text/plain")


stock_api = WagtailAPIRouter("bench_stock_api")
stock_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/stock-api/v2/", stock_api.urls),
]
