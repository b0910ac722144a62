"""Leakage through the API and the machine-readable channels: /api/v2/, RSS and the sitemap.

Every channel is read as anonymous, editor, reviewer and approver: the API serves public content
only, so a session cookie must never unlock a draft or a restricted page there.
"""

import datetime
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cms.pagecache.store import page_store
from tests import factories
from tests.security.leaks import assert_no_leak

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/pages/?fields=*",
    "/api/v2/pages/?type=news.NewsPage&fields=*",
    "/api/v2/pages/?type=news.DirectivePage&fields=*",
    "/api/v2/pages/?type=news.NewsIndexPage",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/statistics/",
]
FEEDS = ["/vi/rss/", "/en/rss/", "/sitemap.xml"]


@pytest.fixture
def statistics_markers(db):
    """A draft, an unpublished and an expired statistic next to a public one."""
    now = timezone.now()
    factories.StatisticFactory(label="Số liệu publicstatistic")
    factories.StatisticFactory(label="Số liệu secretdraftstatistic", live=False)
    factories.StatisticFactory(label="Số liệu secretunpublishedstatistic").unpublish()
    factories.StatisticFactory(label="Số liệu secretexpiredstatistic", expire_at=now - datetime.timedelta(hours=1))
    return ["secretdraftstatistic", "secretunpublishedstatistic", "secretexpiredstatistic"]


@pytest.fixture
def markers(restricted, statistics_markers):
    return [*restricted.markers, *statistics_markers]


def _ids(restricted):
    """Restricted items by endpoint; the live version of a page with a pending draft is public."""
    return {
        "pages": [page.pk for marker, page in restricted.pages.items() if marker != "secretpendingdraft"],
        "images": [image.pk for image in restricted.images.values()],
        "documents": [document.pk for document in restricted.documents.values()],
    }


def test_api_listings_feeds_and_sitemap_show_no_restricted_item(role_client, restricted, markers):
    for url in LISTINGS + FEEDS:
        response = role_client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert_no_leak(response, markers, f"GET {url}")
    # The channels do work: the public items are there.
    assert "publicnews" in role_client.get("/api/v2/pages/?type=news.NewsPage").content.decode()
    assert "publicstatistic" in role_client.get("/api/v2/statistics/").content.decode()
    assert "publicnews" in role_client.get("/vi/rss/").content.decode()


def test_api_detail_of_restricted_items_is_not_found(role_client, restricted):
    for endpoint, ids in _ids(restricted).items():
        for pk in ids:
            response = role_client.get(f"/api/v2/{endpoint}/{pk}/")
            assert response.status_code == 404, (endpoint, pk, response.status_code)
            assert_no_leak(response, restricted.markers)


def test_api_find_does_not_resolve_restricted_pages(role_client, restricted):
    for marker, page in restricted.pages.items():
        path = "/" + page.url_path.strip("/").split("/", 1)[-1] + "/"
        for query in (f"html_path={path}", f"id={page.pk}"):
            response = role_client.get(f"/api/v2/pages/find/?{query}", follow=True)
            expected = 200 if marker == "secretpendingdraft" else 404
            assert response.status_code == expected, (marker, query, response.status_code)
            assert_no_leak(response, restricted.markers, f"find {query}")


def test_api_search_endpoints_find_no_restricted_item(role_client, restricted):
    for marker in restricted.markers:
        for url in (
            f"/api/v2/search/?q={marker}",
            f"/api/v2/search/suggest/?q={marker}",
            f"/api/v2/search/?q=Tin {marker}",
        ):
            response = role_client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert_no_leak(response, restricted.markers, f"GET {url}")
    assert "publicnews" in role_client.get("/api/v2/search/?q=publicnews").content.decode()


def test_api_preview_needs_a_valid_token_for_that_page(role_client, restricted, editor):
    from cms.api.models import PreviewToken
    from cms.api.preview import issue

    draft = restricted.pages["secretdraft"]
    draft.save_revision()
    other = restricted.public_pages[0]
    other_token = issue(editor, other.save_revision(), kind=PreviewToken.Kind.HEADER)
    ticket = issue(editor, draft.latest_revision)  # a ticket is not a header token
    for page in restricted.pages.values():
        for token in ("", "abc", other_token, ticket):
            response = role_client.get(f"/api/v2/preview/{page.pk}/", HTTP_X_PREVIEW_TOKEN=token)
            assert response.status_code in (403, 404), (page.pk, token, response.status_code)
            assert_no_leak(response, restricted.markers)
        for query in ("?token=", "?token=abc", f"?token={other_token}"):
            response = role_client.get(f"/api/v2/preview/{page.pk}/{query}")
            assert response.status_code in (403, 404), (page.pk, query, response.status_code)
            assert_no_leak(response, restricted.markers)


def test_restricted_and_authenticated_api_responses_are_never_cached_publicly(
    restricted, editor_client, anonymous_client
):
    cache.clear()
    page_store().clear()
    for url in [*LISTINGS, f"/api/v2/pages/{restricted.public_pages[0].pk}/"]:
        signed_in = editor_client.get(url)
        assert signed_in.status_code == 200
        assert "public" not in signed_in["Cache-Control"], url
        assert "no-store" in signed_in["Cache-Control"], url
        assert signed_in.get("X-Cache") != "HIT", url
        # The editor's response was not stored: the first anonymous request is a miss.
        first = anonymous_client.get(url)
        assert first.get("X-Cache") != "HIT", url
        assert anonymous_client.get(url).get("X-Cache") == "HIT", url
    for endpoint, ids in _ids(restricted).items():
        for pk in ids:
            response = anonymous_client.get(f"/api/v2/{endpoint}/{pk}/")
            assert "public" not in response.get("Cache-Control", "") or response.status_code == 404
            assert response.get("X-Cache") != "HIT"


def test_preview_with_a_token_is_private_and_never_reaches_anonymous_clients(restricted, editor_client):
    draft = restricted.pages["secretdraft"]
    draft.save_revision()
    # An editor of the section may preview; the response is private and not stored.
    token_response = editor_client.get(reverse("api-preview-token"), {"page": draft.pk})
    assert token_response.status_code == 200, token_response.content
    token = json.loads(token_response.content)["token"]
    from django.test import Client

    stranger = Client(HTTP_HOST="localhost")
    exchanged = stranger.post(reverse("api-preview-exchange"), HTTP_X_PREVIEW_TOKEN=token)
    assert exchanged.status_code == 200, exchanged.content
    url = f"/api/v2/preview/{draft.pk}/"
    response = stranger.get(url, HTTP_X_PREVIEW_TOKEN=exchanged.json()["token"])
    assert response.status_code == 200
    assert "secretdraft" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.get("X-Cache") != "HIT"
    for url in (f"/api/v2/preview/{draft.pk}/", f"/api/v2/pages/{draft.pk}/"):
        assert_no_leak(stranger.get(url), ["secretdraft"], url)
