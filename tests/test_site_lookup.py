"""The request's site is decided once per request, without a query, exactly as Wagtail decides it.

``cms.core.sites.SiteMiddleware`` sets ``request._wagtail_site`` from the remembered sites; Wagtail would
otherwise ask the database for every request object it meets (the page, and the API's DRF request).
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from cms.core.sites import SiteMiddleware
from home.models import HomePage

pytestmark = pytest.mark.django_db


def site_queries(client, url: str, host: str) -> list[str]:
    client.get(url, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="vi")  # warm: the sites are remembered once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200, url
    return [query["sql"] for query in queries if "wagtailcore_site" in query["sql"]]


@pytest.fixture
def commune(home):
    root = Page.get_first_root_node()
    commune_home = root.add_child(instance=HomePage(title="Xã Vân Hồ", slug="xa-van-ho", locale=Locale.get_default()))
    return Site.objects.create(hostname="vanho.localhost", port=80, root_page=commune_home, site_name="Xã Vân Hồ")


def test_pages_and_the_api_ask_the_database_for_no_site(client, settings, news_index, commune):
    settings.PAGE_CACHE_ENABLED = False
    for host in ("localhost", "vanho.localhost"):
        assert site_queries(client, "/vi/", host) == []
        assert site_queries(client, "/api/v2/pages/?type=news.NewsPage", host) == []


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:8000", "vanho.localhost", "vanho.localhost:8123", "unknown.localhost", "127.0.0.1:80"],
)
def test_the_site_is_the_one_wagtail_would_find(home, commune, host):
    Site.objects.create(hostname="vanho.localhost", port=8123, root_page=commune.root_page, site_name="Vân Hồ 8123")
    found = {}

    def view(request):
        found["site"] = request._wagtail_site
        return None

    request = RequestFactory().get("/vi/", HTTP_HOST=host)
    SiteMiddleware(view)(request)
    expected = Site._find_for_request(RequestFactory().get("/vi/", HTTP_HOST=host))
    assert found["site"] is not None and found["site"].pk == expected.pk
    assert found["site"].root_page.pk == expected.root_page.pk


def test_a_changed_site_is_seen_at_once_and_one_requests_copy_never_reaches_the_next(client, home, commune):
    request = RequestFactory().get("/vi/", HTTP_HOST="xa-moi.localhost")
    seen = []
    middleware = SiteMiddleware(lambda request: seen.append(request._wagtail_site))
    middleware(request)
    assert seen[-1].is_default_site  # no such host yet: the default site
    seen[-1].root_page.title = "Changed by one request"
    commune.hostname = "xa-moi.localhost"
    commune.save()  # renews the sites stamp, in every process
    middleware(RequestFactory().get("/vi/", HTTP_HOST="xa-moi.localhost"))
    assert seen[-1].pk == commune.pk
    middleware(RequestFactory().get("/vi/", HTTP_HOST="localhost"))
    assert seen[-1].root_page.title == home.title


def test_a_page_reads_the_content_and_sites_stamps_once(client, settings, news_index, monkeypatch):
    """Every remembered value and restriction list asks for the content generation: once per request, not per
    question (cms.core.cache.StampsPerRequestMiddleware); a change made by the request is seen at once."""
    from cms.core import cache as content_cache

    settings.PAGE_CACHE_ENABLED = False
    client.get("/vi/", HTTP_ACCEPT_LANGUAGE="vi")
    reads = []
    original = content_cache._read_file
    monkeypatch.setattr(content_cache, "_read_file", lambda path: reads.append(path) or original(path))
    assert client.get("/vi/", HTTP_ACCEPT_LANGUAGE="vi").status_code == 200
    assert sorted(reads) == sorted({*reads}) and len(reads) <= 2, reads  # the content stamp and the sites stamp

    token = content_cache._request_stamps.set({})
    try:
        before = content_cache.current_generation()
        content_cache.invalidate()
        assert content_cache.current_generation() > before
    finally:
        content_cache._request_stamps.reset(token)
