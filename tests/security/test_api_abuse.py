"""API abuse: anonymous rate limit, bounded page size, bounded query strings."""

import json

import pytest
from django.core.cache import cache, caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def throttled(settings):
    cache.clear()
    caches["throttle"].clear()
    settings.API_THROTTLE_ANON = "3/min"
    settings.API_CACHE_SECONDS = 0  # every request reaches the view (cache hits are not counted)
    yield
    cache.clear()
    caches["throttle"].clear()


def test_anonymous_client_over_the_rate_gets_429_with_a_message(throttled, anonymous_client, restricted):
    statuses = [anonymous_client.get("/api/v2/pages/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = anonymous_client.get("/api/v2/pages/")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["message"]
    assert int(response["Retry-After"]) > 0


def test_spoofed_forwarded_for_does_not_reset_the_rate(throttled, anonymous_client, db):
    statuses = [
        anonymous_client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(5)
    ]
    assert statuses[-1] == 429


def test_signed_in_users_are_not_throttled(throttled, editor_client):
    assert {editor_client.get("/api/v2/pages/").status_code for _ in range(5)} == {200}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "statistics"])
def test_page_size_over_the_maximum_is_refused(anonymous_client, endpoint, db):
    assert anonymous_client.get(f"/api/v2/{endpoint}/?limit=100").status_code == 200
    response = anonymous_client.get(f"/api/v2/{endpoint}/?limit=101")
    assert response.status_code == 400
    assert "limit" in json.loads(response.content)["message"]


@pytest.mark.parametrize(
    "query",
    [
        "search=" + "a" * 3000,
        "&".join(f"p{n}=1" for n in range(31)),
        "&".join(f"p{n}=1" for n in range(2000)),
        "fields=" + ",".join(["title"] * 600),
    ],
)
@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/search/", "/api/v2/schema/", "/api/v2/nowhere/"])
def test_oversized_query_strings_are_refused_with_400(anonymous_client, path, query, db):
    response = anonymous_client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert "message" in json.loads(response.content)


def test_ordinary_query_strings_still_work(anonymous_client, db):
    query = "type=news.DirectivePage&fields=title&issued_from=2024-01-01&order=-id&offset=0&limit=5"
    assert anonymous_client.get(f"/api/v2/pages/?{query}").status_code == 200


@pytest.mark.parametrize("url", ["/api/v2/nowhere/", "/api/v2/documents/null,null/", "/api/v2/preview/abc/"])
def test_unknown_api_urls_answer_json_404(anonymous_client, url, db):
    response = anonymous_client.get(url)
    assert response.status_code == 404
    assert json.loads(response.content)["message"]


def test_unknown_format_parameter_is_ignored_not_a_404(anonymous_client, db):
    assert anonymous_client.get("/api/v2/search/suggest/?q=tin&format=6293").status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/search/?q=moc", "/api/v2/search/suggest/?q=moc", "/api/v2/statistics/"]
)
def test_a_nul_byte_in_any_api_parameter_is_a_400_with_a_message(client, url):
    """PostgreSQL refuses NUL in text: without this, the search API answered 500 on ?locale=%00vi."""
    response = client.get(url + ("&" if "?" in url else "?") + "locale=%00vi")
    assert response.status_code == 400
    assert "locale" in response.json()["message"]


def test_api_ignores_http_basic_passwords(editor, home):
    import base64

    from django.test import Client

    from tests.security.conftest import PASSWORD

    credentials = base64.b64encode(f"{editor.username}:{PASSWORD}".encode()).decode()
    client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Basic {credentials}")
    response = client.get("/api/v2/preview/token/", {"page": home.pk})
    assert response.status_code in (401, 403)
    assert "Basic" not in response.get("WWW-Authenticate", "")


def test_every_response_sends_a_permissions_policy(anonymous_client, home):
    for url in ("/vi/", "/api/v2/pages/", "/healthz"):
        response = anonymous_client.get(url, follow=True)
        assert "geolocation=()" in response["Permissions-Policy"], url


def test_an_unexpected_api_error_is_json_not_html(anonymous_client, monkeypatch, home, settings):
    from cms.api.views import PagesViewSet

    settings.API_CACHE_SECONDS = 0  # reach the view, not a cached answer

    def broken(self, request):
        raise RuntimeError("a bug")

    monkeypatch.setattr(PagesViewSet, "listing_view", broken)
    anonymous_client.raise_request_exception = False
    response = anonymous_client.get("/api/v2/pages/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "Lỗi máy chủ, vui lòng thử lại sau."}
    assert anonymous_client.get("/api/v2/no-such-endpoint/").json() == {"message": "Không tìm thấy."}
