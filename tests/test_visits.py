"""The "Thống kê truy cập" counter: what counts as a page view, day and week in Vietnam time, online visitors."""

import datetime
import os
import re
import uuid

import pytest
from django.test import RequestFactory, override_settings

from cms.visits.counter import VisitCounter, is_countable_request, visitor_id
from cms.visits.models import DailyVisits, OnlineVisitor
from cms.visits.stores import DatabaseVisitStore, RedisVisitStore
from tests import factories

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("VISITS_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
UTC = datetime.UTC


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def redis_store() -> RedisVisitStore:
    store = RedisVisitStore(REDIS_URL, prefix=f"test:visits:{uuid.uuid4().hex}")
    try:
        store.redis.ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    return store


@pytest.fixture(params=["database", "redis"])
def store(request):
    if request.param == "database":
        yield DatabaseVisitStore()
        return
    store = redis_store()
    yield store
    store.clear()


def totals():
    return VisitCounter(DatabaseVisitStore()).stats().as_dict()


def browse(client, url, **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    return client.get(url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi", **headers)


def test_reader_viewing_a_page_is_counted(client, news_index):
    page = factories.NewsPageFactory(parent=news_index)
    assert browse(client, "/vi/").status_code == 200
    assert browse(client, page.url).status_code == 200
    assert totals() == {"online": 1, "today": 2, "week": 2, "total": 2}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/visits/",
        "/api/v2/statistics/",
        "/admin/login/",
        "/healthz",
        "/static/cms/css/site.css",
        "/vi/khong-co/",
    ],
)
def test_api_admin_files_and_errors_are_not_counted(client, home, url):
    browse(client, url)
    assert totals()["total"] == 0


def test_documents_and_media_are_not_counted(client, home):
    document = factories.DocumentFactory()
    browse(client, document.url)
    browse(client, "/media/original_images/x.jpg")
    assert totals()["total"] == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32.3",
    ],
)
def test_bots_and_crawlers_are_not_counted(client, home, user_agent):
    browse(client, "/vi/", HTTP_USER_AGENT=user_agent)
    assert totals()["total"] == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/128.0 "
        "Chrome/122.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 "
        "Zalo android/12345 ZaloTheme/light",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    ],
)
def test_people_in_common_browsers_are_counted(client, home, user_agent):
    browse(client, "/vi/", HTTP_USER_AGENT=user_agent)
    assert totals()["total"] == 1


def test_posts_prefetches_and_previews_are_not_counted(client, home):
    client.post("/vi/", HTTP_USER_AGENT=BROWSER)
    browse(client, "/vi/", HTTP_SEC_PURPOSE="prefetch")
    assert totals()["total"] == 0
    request = RequestFactory().get("/vi/", HTTP_USER_AGENT=BROWSER)
    assert is_countable_request(request)
    request.is_preview = True
    assert not is_countable_request(request)


def test_today_and_week_follow_vietnam_time(store):
    # Thursday 26 Nov 2026 23:59 and Friday 27 Nov 00:01 in Hà Nội (UTC+7).
    store.record_view("a", at(2026, 11, 26, 16, 59))
    store.record_view("a", at(2026, 11, 26, 17, 1))
    friday = store.stats(at(2026, 11, 26, 17, 2)).as_dict()
    assert friday["today"] == 1 and friday["week"] == 2 and friday["total"] == 2


def test_week_runs_monday_to_sunday_in_vietnam_time(store):
    store.record_view("a", at(2026, 11, 23, 0, 0))  # Monday 07:00
    store.record_view("a", at(2026, 11, 29, 16, 59, 59))  # Sunday 23:59:59
    store.record_view("a", at(2026, 11, 29, 17, 0))  # next Monday 00:00
    assert store.stats(at(2026, 11, 29, 16, 59, 59)).as_dict() | {"online": 0} == {
        "online": 0,
        "today": 1,
        "week": 2,
        "total": 3,
    }
    monday = store.stats(at(2026, 11, 29, 17, 0, 30))
    assert (monday.today, monday.week, monday.total) == (1, 1, 3)


def test_online_counts_distinct_visitors_of_the_last_five_minutes(store):
    start = at(2026, 11, 27, 3, 0)
    store.record_view("a", start)
    store.record_view("a", start + datetime.timedelta(seconds=10))
    store.record_view("b", start + datetime.timedelta(seconds=20))
    assert store.stats(start + datetime.timedelta(seconds=30)).online == 2
    assert store.stats(start + datetime.timedelta(seconds=309)).online == 2
    assert store.stats(start + datetime.timedelta(seconds=315)).online == 1  # "a" last seen at +10 s
    assert store.stats(start + datetime.timedelta(seconds=321)).online == 0


def test_visitors_are_told_apart_by_a_daily_rotating_hash_never_their_address(client, home):
    address = "203.0.113.77"
    request = RequestFactory().get("/vi/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address)
    monday, tuesday = at(2026, 11, 23, 3), at(2026, 11, 24, 3)
    assert visitor_id(request, monday) == visitor_id(request, monday + datetime.timedelta(hours=5))
    assert visitor_id(request, monday) != visitor_id(request, tuesday)
    other_browser = RequestFactory().get("/vi/", HTTP_USER_AGENT=BROWSER + " Edg/130", REMOTE_ADDR=address)
    assert visitor_id(request, monday) != visitor_id(other_browser, monday)

    browse(client, "/vi/", REMOTE_ADDR=address)
    stored = [str(row) for row in DailyVisits.objects.values_list()]
    stored += [str(row) for row in OnlineVisitor.objects.values_list()]
    assert stored and not any(address in row or BROWSER in row for row in stored)
    assert not client.cookies


def test_redis_store_keeps_no_address():
    store = redis_store()
    try:
        request = RequestFactory().get("/vi/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.23")
        VisitCounter(store).record_view(request)
        keys = list(store.redis.scan_iter(f"{store.prefix}:*"))
        # One set of keys per portal (site id) under the prefix.
        members = [m for key in keys if key.endswith(b":online") for m in store.redis.zrange(key, 0, -1)]
        assert keys and members
        assert not any(b"198.51.100.23" in value for value in keys + members)
    finally:
        store.clear()


def test_middleware_counts_into_redis_when_configured(client, home):
    store = redis_store()
    try:
        with override_settings(VISITS_REDIS_URL=REDIS_URL, VISITS_REDIS_PREFIX=store.prefix):
            browse(client, "/vi/")
            assert client.get("/api/v2/visits/").json()["total"] == 1
        assert DailyVisits.objects.count() == 0
    finally:
        store.clear()


def test_visits_api_returns_the_four_figures(client, home):
    browse(client, "/vi/")
    response = client.get("/api/v2/visits/")
    assert response.status_code == 200
    assert response.json() == {"online": 1, "today": 1, "week": 1, "total": 1}
    assert "no-cache" in response["Cache-Control"]


def test_home_page_sidebar_shows_visitor_statistics(client, home, settings):
    # The box as the page is built; a page cache hit shows it up to PAGE_CACHE_SECONDS old (docs/operations.md),
    # while counting stays exact (tests/test_page_cache.py).
    settings.PAGE_CACHE_ENABLED = False
    browse(client, "/vi/")
    html = browse(client, "/vi/").content.decode()
    assert "Thống kê truy cập" in html
    assert 'Tất cả: <strong data-visits="total">1</strong>' in html
    assert 'Đang online: <strong data-visits="online">1</strong>' in html


def test_a_failing_counter_never_breaks_the_page(client, home):
    with override_settings(VISITS_REDIS_URL="redis://127.0.0.1:9/0"):
        response = browse(client, "/vi/")
    assert response.status_code == 200
    assert "Thống kê truy cập" not in response.content.decode()


def test_beacon_counts_instead_of_the_middleware_when_html_is_cached(client, home):
    with override_settings(VISITS_MODE="beacon"):
        html = browse(client, "/vi/").content.decode()
        # An external script (the CSP allows no inline one) told where to send the beacon.
        assert re.search(r'<script src="[^"]*visits-beacon[^"]*\.js" data-url="/api/v2/visits/beacon/" defer>', html)
        assert totals()["total"] == 0
        assert client.post("/api/v2/visits/beacon/", HTTP_USER_AGENT=BROWSER).status_code == 204
        client.post("/api/v2/visits/beacon/", HTTP_USER_AGENT="Googlebot/2.1")
        assert totals()["total"] == 1


def test_beacon_is_refused_with_a_message_when_the_middleware_counts(client, home):
    response = client.post("/api/v2/visits/beacon/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 403
    assert "VISITS_MODE" in response.json()["message"]
    assert totals()["total"] == 0
