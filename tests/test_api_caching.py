"""HTTP caching (validators, 304, Cache-Control), server-side cache invalidation, and CORS."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=news.NewsPage"


@pytest.fixture
def article(news_index, settings):
    settings.API_CACHE_SECONDS = 300
    settings.API_CACHE_MAX_AGE = 120
    return factories.NewsPageFactory(parent=news_index, title="Tin đầu tiên")


def titles(client):
    return [item["title"] for item in client.get(LISTING).json()["items"]]


def test_anonymous_responses_are_publicly_cacheable_with_validators(client, article):
    response = client.get(LISTING)
    assert response["Cache-Control"] == "public, max-age=120"
    assert response["ETag"] and response["Last-Modified"]
    # The payload's language comes from ?locale= and the pages, so caches need not split on Accept-Language.
    assert "Accept-Language" not in response["Vary"]
    english = client.get(LISTING, HTTP_ACCEPT_LANGUAGE="en")
    assert english.content == response.content and english["ETag"] == response["ETag"]


def test_error_messages_vary_with_accept_language(client, article):
    vietnamese = client.get(LISTING, {"order": "nope"})
    english = client.get(LISTING, {"order": "nope"}, HTTP_ACCEPT_LANGUAGE="en")
    assert vietnamese.status_code == english.status_code == 400
    assert "Accept-Language" in vietnamese["Vary"]


def test_conditional_requests_answer_304(client, article):
    first = client.get(LISTING)
    by_etag = client.get(LISTING, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(LISTING, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    assert client.get(LISTING, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_detail_and_media_endpoints_have_validators(client, article):
    for url in (f"/api/v2/pages/{article.pk}/", "/api/v2/images/", "/api/v2/documents/"):
        response = client.get(url)
        assert response.status_code == 200 and response["ETag"], url


def test_second_anonymous_request_is_served_from_the_server_cache(client, article, django_assert_num_queries):
    client.get(LISTING)
    with django_assert_num_queries(0):
        response = client.get(LISTING)
    assert response["X-Cache"] == "HIT"


def test_publishing_invalidates_the_cache(client, article, news_index):
    assert titles(client) == ["Tin đầu tiên"]
    etag = client.get(LISTING)["ETag"]
    newer = factories.NewsPageFactory(parent=news_index, title="Tin mới", live=False)
    newer.date = article.date
    newer.save_revision().publish()
    assert "Tin mới" in titles(client)
    assert client.get(LISTING, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_unpublishing_invalidates_the_cache(client, article):
    assert titles(client) == ["Tin đầu tiên"]
    article.unpublish()
    assert titles(client) == []


def test_editing_an_image_invalidates_the_cache(client, article):
    image = factories.ImageFactory(title="Cũ")
    assert client.get("/api/v2/images/").json()["items"][0]["title"] == "Cũ"
    image.title = "Mới"
    image.save()
    assert client.get("/api/v2/images/").json()["items"][0]["title"] == "Mới"


def test_logged_in_responses_are_private_and_not_shared(client, article, django_user_model):
    client.get(LISTING)
    client.force_login(django_user_model.objects.create_user("reader", password="pw-Strong-123"))
    response = client.get(LISTING)
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response


def test_server_cache_can_be_turned_off(client, article, settings):
    settings.API_CACHE_SECONDS = 0
    client.get(LISTING)
    assert "X-Cache" not in client.get(LISTING)


def test_configured_origins_may_read_the_api(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://xa.example.vn"]
    response = client.get(LISTING, HTTP_ORIGIN="https://xa.example.vn")
    assert response["Access-Control-Allow-Origin"] == "https://xa.example.vn"
    other = client.get(LISTING, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_cors_preflight_allows_only_read_methods(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://xa.example.vn"]
    response = client.options(LISTING, HTTP_ORIGIN="https://xa.example.vn", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    allowed = response["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed


def test_cors_headers_stay_off_the_site(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://xa.example.vn"]
    response = client.get("/healthz", HTTP_ORIGIN="https://xa.example.vn")
    assert "Access-Control-Allow-Origin" not in response


def test_api_refuses_writes(client, article):
    assert client.post(LISTING, {}).status_code == 405


def test_privacy_change_and_deletion_invalidate_the_cache(client, article, news_index):
    from wagtail.models import PageViewRestriction

    other = factories.NewsPageFactory(parent=news_index, title="Tin thứ hai")
    assert set(titles(client)) == {"Tin đầu tiên", "Tin thứ hai"}
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert titles(client) == ["Tin thứ hai"]
    other.delete()
    assert titles(client) == []


def test_moving_a_page_invalidates_the_cache(client, article, home):
    other_index = factories.NewsIndexPageFactory(parent=home, title="Chuyên mục khác")
    before = client.get(f"/api/v2/pages/{article.pk}/").json()["meta"]["html_url"]
    article.move(other_index, pos="last-child")
    after = client.get(f"/api/v2/pages/{article.pk}/").json()["meta"]["html_url"]
    assert before != after and other_index.slug in after


def test_workflow_approval_invalidates_the_cache(article):
    from wagtail.signals import workflow_approved

    from cms.core.cache import current_generation

    before = current_generation()
    workflow_approved.send(sender=type(article), instance=None, user=None)
    assert current_generation() > before


def test_cached_responses_end_when_published_content_expires(client, article, news_index):
    """Wagtail unpublishes an expired page only when ``publish_scheduled`` runs; the cache must not wait."""
    import datetime

    import time_machine
    from django.utils import timezone

    # The clock stands still from before the page is published: on a loaded machine a second can pass otherwise.
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        expiring = factories.NewsPageFactory(parent=news_index, title="Tin hết hạn")
        expiring.expire_at = timezone.now() + datetime.timedelta(seconds=90)
        expiring.save_revision().publish()
        first = client.get(LISTING)
        assert "Tin hết hạn" in [item["title"] for item in first.json()["items"]]
        # max-age (CDN, browsers) and the server cache are cut to the 90 s left, not the configured 120/300.
        assert first["Cache-Control"] == "public, max-age=90"
        assert client.get(LISTING)["X-Cache"] == "HIT"

        traveller.shift(datetime.timedelta(seconds=91))  # no signal fires: the scheduler has not run
        after = client.get(LISTING)
        assert "X-Cache" not in after
        assert [item["title"] for item in after.json()["items"]] == ["Tin đầu tiên"]
        assert after["Cache-Control"] == "public, max-age=120"
        assert client.get(LISTING)["X-Cache"] == "HIT"


def test_search_api_is_cached_and_invalidated_like_the_rest(client, article, news_index):
    url = "/api/v2/search/?q=tin"
    assert [item["title"] for item in client.get(url).json()["items"]] == ["Tin đầu tiên"]
    assert client.get(url)["X-Cache"] == "HIT"
    newer = factories.NewsPageFactory(parent=news_index, title="Tin thứ hai", live=False)
    newer.save_revision().publish()
    assert {item["title"] for item in client.get(url).json()["items"]} == {"Tin đầu tiên", "Tin thứ hai"}
