"""One public base URL per site for every absolute URL the portal hands out (API, find, feeds, sitemap)."""

import json
import re

import pytest
from wagtail.models import Site

from tests.api_content import make_news

pytestmark = pytest.mark.django_db

EXTERNAL = "https://www.youtube.com/"
URL_KEYS = {"url", "detail_url", "html_url", "download_url"}


def payload_urls(data):
    """Every URL-valued field in a JSON payload (rich text HTML excluded: its links are site paths)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in URL_KEYS and isinstance(value, str):
                yield value
            else:
                yield from payload_urls(value)
    elif isinstance(data, list):
        for value in data:
            yield from payload_urls(value)


@pytest.fixture
def news(news_index, directive_index, settings):
    settings.API_CACHE_SECONDS = 0
    return make_news(news_index, 2, target_page=directive_index)


def api_urls(client, news, **headers):
    urls = []
    for path, params in [
        ("/api/v2/pages/", {"fields": "*", "type": "news.NewsPage"}),
        (f"/api/v2/pages/{news[0].pk}/", {}),
        ("/api/v2/images/", {}),
        ("/api/v2/documents/", {}),
        ("/api/v2/search/", {"q": news[0].title}),
    ]:
        response = client.get(path, params, **headers)
        assert response.status_code == 200, path
        urls += list(payload_urls(response.json()))
    return urls


@pytest.mark.parametrize(
    ("host", "site_port", "setting", "base"),
    [
        ("localhost", 80, "", "http://localhost"),  # the site record's hostname
        ("localhost:8100", 8100, "", "http://localhost:8100"),  # ... and its port
        ("127.0.0.1:8101", 80, "", "http://127.0.0.1:8101"),  # no record for this host: the request's origin
        ("127.0.0.1:8101", 80, "https://mocchau.example.vn/", "https://mocchau.example.vn"),  # the setting
    ],
)
def test_every_payload_url_is_absolute_on_one_base(client, news, settings, host, site_port, setting, base):
    settings.PORTAL_PUBLIC_BASE_URL = setting
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=site_port)
    # The embed block's URL is the video's own (YouTube), not one of ours.
    urls = [url for url in api_urls(client, news, HTTP_HOST=host) if not url.startswith(EXTERNAL)]
    assert len(urls) > 20
    assert all(url.startswith(f"{base}/") for url in urls), [u for u in urls if not u.startswith(base)]
    for kind in ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/documents/", "/vi/"):
        assert any(url.startswith(base + kind) for url in urls), kind
    assert any(re.search(r"/images/.+\.(fill|max)-\d+x\d+", url) for url in urls)  # a rendition
    redirect = client.get("/api/v2/pages/find/", {"id": news[0].pk}, HTTP_HOST=host)
    assert redirect["Location"] == f"{base}/api/v2/pages/{news[0].pk}/"


def test_the_server_cache_keeps_hosts_apart(client, news, settings):
    settings.API_CACHE_SECONDS = 300
    first = client.get("/api/v2/pages/", HTTP_HOST="localhost").json()
    second = client.get("/api/v2/pages/", HTTP_HOST="127.0.0.1:8102").json()
    assert "http://localhost/" in json.dumps(first) and "http://localhost/" not in json.dumps(second)


def test_feed_and_sitemap_use_the_public_base_url(client, news, settings):
    settings.PORTAL_PUBLIC_BASE_URL = "https://mocchau.example.vn"
    feed = client.get("/vi/rss/", HTTP_HOST="localhost").content.decode()
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert links and all(link.startswith("https://mocchau.example.vn/vi/") for link in links)
    assert 'href="https://mocchau.example.vn/vi/rss/"' in feed
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(location.startswith("https://mocchau.example.vn/") for location in locations)
