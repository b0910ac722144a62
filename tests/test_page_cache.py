"""The full-page cache (cms/pagecache): what it keeps, what it never keeps, and what a hit costs.

The hidden objects are the publication rule's own table (tests/test_visibility_channels.py), read through
the cache: every channel is asked twice, the second answer must come from the cache and still show none.
"""

import pickle
import zlib
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.core.models import PortalSettings
from cms.operations.health import AMBER
from cms.pagecache.health import page_cache_check
from cms.pagecache.store import page_store
from cms.visits.counter import VisitCounter
from cms.visits.stores import DatabaseVisitStore
from tests import factories
from tests.test_visibility_channels import _channels, _leaks, table  # noqa: F401 - the fixture is used by name

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.fixture(autouse=True)
def empty_cache():
    # The portal settings row is created on first use, which starts a new generation: create it up front.
    PortalSettings.load()
    cache.clear()
    page_store().clear()
    yield
    cache.clear()
    page_store().clear()


def get(client, path, **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "vi")
    return client.get(path, **headers)


def stored_entries() -> list[bytes]:
    """The body of every answer the page cache holds (the shared folder's files: Django's file-cache format)."""
    bodies = []
    for path in page_store()._list_cache_files():
        with open(path, "rb") as file:
            pickle.load(file)  # noqa: S301 - the expiry, then the value: our own cache's files
            value = pickle.loads(zlib.decompress(file.read()))  # noqa: S301
        if isinstance(value, dict) and "body" in value:
            bodies.append(value["body"])
    return bodies


def test_hidden_objects_are_never_stored_in_or_served_from_the_page_cache(client, table):  # noqa: F811
    hidden = table["hidden"]
    for channel, (path, visible) in _channels(table).items():
        first, second = get(client, path), get(client, path)
        assert first.status_code == 200 and visible in first.content.decode(), channel
        assert (first.get("X-Cache"), second.get("X-Cache")) == (None, "HIT"), channel
        assert second.content == first.content, channel
        assert _leaks(second.content.decode(), hidden) == [], channel
    for obj in hidden.values():
        if hasattr(obj, "url_path"):
            get(client, obj.url)
            get(client, f"/api/v2/pages/{obj.pk}/")
    entries = stored_entries()
    assert len(entries) >= len(_channels(table))
    assert [_leaks(body.decode(), hidden) for body in entries if _leaks(body.decode(), hidden)] == []


def test_an_unpublish_empties_every_entry_that_showed_the_page(client, news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Thông báo lịch tiếp công dân")
    paths = ["/vi/", news_index.url, page.url, "/vi/rss/", "/sitemap.xml", "/api/v2/pages/?type=news.NewsPage"]
    for path in paths:
        get(client, path)
        assert get(client, path)["X-Cache"] == "HIT", path
    page.unpublish()
    for path in paths:
        response = get(client, path)
        assert response.get("X-Cache") != "HIT", path
        assert "Thông báo lịch tiếp công dân" not in response.content.decode(), path
        assert page.url not in response.content.decode() or path == page.url, path


def test_a_restriction_or_a_settings_change_starts_new_entries(client, news_index):
    page = factories.NewsPageFactory(parent=news_index, lead="Nội dung chỉ dành cho cán bộ.")
    get(client, page.url)
    assert get(client, page.url)["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = get(client, page.url)
    assert response.status_code == 302 and "Nội dung chỉ dành cho cán bộ" not in response.content.decode()


def test_the_visitor_counter_counts_every_view_with_the_cache_on(client, home):
    answers = [get(client, "/vi/").get("X-Cache") for _ in range(5)]
    assert answers == [None, "HIT", "HIT", "HIT", "HIT"]
    assert VisitCounter(DatabaseVisitStore()).stats().as_dict() == {"online": 1, "today": 5, "week": 5, "total": 5}


def test_the_visitor_box_of_a_cached_page_takes_its_figures_from_the_uncached_api(client, home):
    import re

    for _ in range(3):
        page = get(client, "/vi/")
    html = page.content.decode()
    assert page["X-Cache"] == "HIT"
    # The box as built with the first view (no JavaScript: these figures stay), and where to read today's.
    box = re.search(r'<section class="box visitor-stats"[^>]*data-visits-url="([^"]+)"', html)
    assert box and box.group(1) == "/api/v2/visits/"
    assert re.search(r"<strong data-visits=\"today\">0</strong>", html)  # counted after it was built
    assert re.search(r'<script src="/static/cms/js/visits-figures[.\w]*\.js" defer></script>', html)
    # The API is never kept by the page cache: it says 3 while the cached page still says 0.
    figures = [get(client, box.group(1)) for _ in range(2)]
    assert [answer.get("X-Cache") for answer in figures] == [None, None]
    assert figures[1].json()["today"] == 3


def test_a_cache_hit_runs_no_sql(client, home, settings, django_assert_num_queries):
    settings.VISITS_MODE = "beacon"  # the page counts through the beacon: nothing else may need the database
    for path in ("/vi/", "/api/v2/pages/?fields=*"):
        get(client, path)
        with django_assert_num_queries(0):
            assert get(client, path)["X-Cache"] == "HIT"


def test_a_cache_hit_in_counter_mode_runs_only_the_counters_statements(client, home, django_assert_num_queries):
    get(client, "/vi/")
    # The visit (one upsert per day, one per online visitor, forgetting old visitors) and nothing else.
    with django_assert_num_queries(3):
        assert get(client, "/vi/")["X-Cache"] == "HIT"


def test_signed_in_users_never_get_or_fill_cached_pages(client, home):
    user = get_user_model().objects.create_user("canbo", password="x")
    client.force_login(user)
    for _ in range(2):
        response = get(client, "/vi/")
        assert response.status_code == 200 and "X-Cache" not in response
    assert stored_entries() == []
    client.logout()
    client.cookies.clear()
    assert "X-Cache" not in get(client, "/vi/")


def test_previews_tokens_and_personal_cookies_bypass_the_cache(client, home):
    get(client, "/vi/")
    assert get(client, "/vi/")["X-Cache"] == "HIT"
    assert "X-Cache" not in get(client, "/vi/", HTTP_AUTHORIZATION="Bearer abc")
    assert "X-Cache" not in get(client, "/api/v2/pages/", HTTP_X_PREVIEW_TOKEN="abc")
    client.cookies["messages"] = "x"
    assert "X-Cache" not in get(client, "/vi/")


def test_forms_with_a_csrf_token_are_never_stored(client, news_index):
    page = factories.NewsPageFactory(parent=news_index)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")
    for _ in range(2):
        response = get(client, page.url)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.get("X-Cache") is None
    assert stored_entries() == []


def test_the_key_includes_the_host_and_the_language(client, home, settings):
    settings.ALLOWED_HOSTS = ["a.example.vn", "b.example.vn", "testserver"]
    get(client, "/vi/", HTTP_HOST="a.example.vn")
    assert get(client, "/vi/", HTTP_HOST="a.example.vn")["X-Cache"] == "HIT"
    assert "X-Cache" not in get(client, "/vi/", HTTP_HOST="b.example.vn")
    get(client, "/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="vi")
    assert "X-Cache" not in get(client, "/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="en")


def test_validators_304_and_cache_control_for_a_cdn(client, home, settings):
    first = get(client, "/vi/")
    assert first["Cache-Control"] == f"public, max-age=0, s-maxage={settings.PAGE_CACHE_CDN_SECONDS}"
    assert first["ETag"] and first["Last-Modified"]
    again = get(client, "/vi/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["X-Cache"] == "HIT"
    assert get(client, "/vi/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert get(client, "/vi/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_hit_replays_the_security_headers_of_the_stack(client, home):
    first, hit = get(client, "/vi/"), get(client, "/vi/")
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Cache-Tag"):
        assert hit[header] == first[header], header
    assert "nonce-" not in hit["Content-Security-Policy"]


def test_the_api_keeps_one_cache_layer(client, home):
    get(client, "/api/v2/pages/")
    api_entries = [key for key in cache._cache if ":cms-api:" in key]
    assert api_entries == []
    assert get(client, "/api/v2/pages/")["X-Cache"] == "HIT"


def test_a_page_cache_folder_that_cannot_be_written_costs_the_cache_not_the_page(client, home, settings, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings.CACHES = {**settings.CACHES, "pages": {**settings.CACHES["pages"], "LOCATION": str(blocked / "pages")}}
    answers = [get(client, "/vi/") for _ in range(2)]
    assert [(answer.status_code, answer.get("X-Cache")) for answer in answers] == [(200, None), (200, None)]
    assert client.get("/healthz").json()["cache"] == "error: no round trip"


@contextmanager
def database_unreachable():
    """The real database made unreachable: the connection closed and pointed where nothing answers."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-portal-database/db.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT="8799")  # a port of ours where nothing listens
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("rewarm_content_types")
def test_without_the_database_the_last_good_copies_are_served_stale(news_index, settings):
    # Fresh for 0 s: every answer is built anew while the database answers, and kept as the last good copy.
    settings.PAGE_CACHE_SECONDS = settings.API_CACHE_SECONDS = 0
    page = factories.NewsPageFactory(parent=news_index, title="Cảnh báo bão số 3")
    user = get_user_model().objects.create_superuser("quantri", password="x")
    # As a browser sees it: the answer, not the test client's re-raised exception.
    client, admin = Client(raise_request_exception=False), Client(raise_request_exception=False)
    admin.force_login(user)
    seen = {path: get(client, path) for path in ("/vi/", page.url, "/api/v2/pages/")}
    assert all(response.status_code == 200 and "X-Cache" not in response for response in seen.values())

    with database_unreachable():
        for path, before in seen.items():
            response = get(client, path)
            assert response.status_code == 200, path
            assert (response["X-Cache"], response["Warning"]) == ("STALE", '111 - "Revalidation Failed"'), path
            assert response.content == before.content and int(response["Age"]) >= 0
        never_seen = get(client, news_index.url)
        assert never_seen.status_code == 503 and never_seen["Retry-After"] == "60"
        assert "Hệ thống tạm thời không truy cập được cơ sở dữ liệu" in never_seen.content.decode()
        assert "The system temporarily cannot reach its database" in never_seen.content.decode()
        api = get(client, "/api/v2/pages/?limit=1")
        assert api.status_code == 503
        assert api.json() == {"message": "Hệ thống tạm thời không truy cập được cơ sở dữ liệu"}
        english = get(client, "/en/", HTTP_ACCEPT_LANGUAGE="en")
        assert english.status_code == 503
        assert "<h1>The system temporarily cannot reach its database</h1>" in english.content.decode()
        console = admin.get("/admin/")
        assert console.status_code == 503
        assert "Hệ thống tạm thời không truy cập được cơ sở dữ liệu" in console.content.decode()
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "degraded"
        assert page_cache_check().status == AMBER

    connection.ensure_connection()  # the database answers again: the breaker closes
    assert "X-Cache" not in get(client, "/vi/")
    page.unpublish()
    with database_unreachable():
        # A stale copy is the last good copy *of the current generation*: an unpublished page is never served.
        gone = get(client, page.url)
        assert gone.status_code == 503 and "Cảnh báo bão số 3" not in gone.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("rewarm_content_types")
def test_after_a_database_error_the_breaker_answers_without_trying_the_database(news_index, settings, caplog):
    settings.PAGE_CACHE_SECONDS = settings.API_CACHE_SECONDS = 0
    settings.PAGE_CACHE_BREAKER_SECONDS = 600  # longer than the test: only the returning database closes it
    page = factories.NewsPageFactory(parent=news_index, title="Lịch cắt điện tuần này")
    client = Client(raise_request_exception=False)
    seen = {path: get(client, path) for path in ("/vi/", page.url, "/api/v2/pages/")}

    caplog.clear()
    with database_unreachable(), caplog.at_level("WARNING"):
        answers = [get(client, path) for _ in range(5) for path in seen]
        unseen = get(client, news_index.url)
        tracebacks = [record.name for record in caplog.records if record.exc_info]
    assert [(answer.status_code, answer["X-Cache"]) for answer in answers] == [(200, "STALE")] * 15
    assert [answer.content for answer in answers[:3]] == [before.content for before in seen.values()]
    assert unseen.status_code == 503 and unseen["Retry-After"] == "60"
    # Only the first request ran the stack and failed (one traceback); the other 15 were answered at once,
    # and the visitor counter did not try the database for each of them.
    assert tracebacks == ["django.request"]

    connection.ensure_connection()  # the database answers again: the breaker closes
    with django_assert_queries_run():
        rebuilt = get(client, "/vi/")
    assert rebuilt.status_code == 200 and "X-Cache" not in rebuilt


@contextmanager
def django_assert_queries_run():
    """The block ran SQL: the answer was built from the database, not from the breaker."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        yield
    assert len(queries) > 0
