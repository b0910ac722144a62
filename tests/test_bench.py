"""Benchmark plumbing: the query counter and the bare baseline view (active only under settings.bench)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from cms.bench import QUERY_HEADER, QueryCountMiddleware, bare

pytestmark = pytest.mark.django_db


def test_query_counter_reports_the_queries_a_view_ran():
    def view(request):
        list(Page.objects.all())
        list(Page.objects.filter(depth=1))
        return bare(request)

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response[QUERY_HEADER] == "2"
    assert response.content == b"ok"


def test_bench_urls_are_absent_outside_the_bench_settings(client):
    assert client.get("/bench/bare/", follow=True).status_code == 404


def test_the_django_floor_answers_through_djangos_default_middleware_only():
    from django.http import HttpResponse

    from cms.bench import DJANGO_DEFAULT_PATH, DjangoDefaultFloorMiddleware, django_default_middleware

    floor = DjangoDefaultFloorMiddleware(lambda request: HttpResponse("portal"))
    response = floor(RequestFactory().get(DJANGO_DEFAULT_PATH))
    assert response.content == b"ok" and response["X-Frame-Options"] == "DENY"
    assert floor(RequestFactory().get("/vi/")).content == b"portal"
    assert django_default_middleware()[0] == "django.middleware.security.SecurityMiddleware"
    assert "cms.pagecache.middleware.PageCacheMiddleware" not in django_default_middleware()
