"""Each portal counts its own visits: the store keeps them apart, the box and the API show the host's own."""

import datetime
import io
import os
import uuid

import pytest
from django.core.management import call_command

from cms.visits.stores import DatabaseVisitStore, RedisVisitStore
from tests.demo_snapshot import session_snapshot
from tests.test_visits import BROWSER

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("VISITS_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
VANHO = "vanho.localhost"
NOW = datetime.datetime(2026, 11, 26, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture(params=["database", "redis"])
def store(request):
    if request.param == "database":
        yield DatabaseVisitStore()
        return
    store = RedisVisitStore(REDIS_URL, prefix=f"test:visits:{uuid.uuid4().hex}")
    try:
        store.redis.ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    yield store
    store.clear()


def test_the_store_keeps_each_portal_figures_apart(store):
    store.record_view("a", NOW, site_id=1)
    store.record_view("a", NOW, site_id=1)
    store.record_view("a", NOW, site_id=2)
    store.record_view("b", NOW, site_id=2)
    store.record_view("c", NOW, site_id=2)
    assert store.stats(NOW, site_id=1).as_dict() == {"online": 1, "today": 2, "week": 2, "total": 2}
    assert store.stats(NOW, site_id=2).as_dict() == {"online": 3, "today": 3, "week": 3, "total": 3}
    assert store.stats(NOW, site_id=3).as_dict() == {"online": 0, "today": 0, "week": 0, "total": 0}


def _build_commune():
    call_command("sync_locales", stdout=io.StringIO())
    call_command("create_portal", "--name", "Xã Vân Hồ", "--hostname", VANHO, stdout=io.StringIO())


commune_snapshot = session_snapshot(_build_commune)


@pytest.fixture
def commune(db, commune_snapshot):
    """The province and Vân Hồ (``create_portal``)."""
    commune_snapshot.restore()


def visit(client, host: str, url: str = "/vi/"):
    response = client.get(url, HTTP_HOST=host, HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return response


def test_each_portal_counts_its_own_visits(client, commune, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(3):
        visit(client, "localhost")
    visit(client, VANHO)
    assert client.get("/api/v2/visits/").json()["total"] == 3
    assert client.get("/api/v2/visits/", HTTP_HOST=VANHO).json()["total"] == 1
    assert client.get(f"/api/v2/visits/?site={VANHO}").json()["total"] == 1
    unknown = client.get("/api/v2/visits/?site=nowhere.localhost")
    assert unknown.status_code == 400 and unknown.json()["message"]
    # The "Thống kê truy cập" box of the commune's home shows the commune's figures, not the province's 3.
    html = visit(client, VANHO).content.decode()
    assert 'Tất cả: <strong data-visits="total">1</strong>' in html  # served before this view was counted
    assert client.get("/api/v2/visits/", HTTP_HOST=VANHO).json()["total"] == 2
    assert client.get("/api/v2/visits/").json()["total"] == 3


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", VANHO, f"{VANHO}:8000", "elsewhere.example.vn"])
def test_the_counter_picks_the_site_wagtail_picks(commune, rf, host):
    from wagtail.models import Site

    from cms.core.sites import site_id_for_request

    Site.objects.create(hostname=VANHO, port=8000, root_page=Site.objects.get(hostname=VANHO).root_page)
    request = rf.get("/vi/", HTTP_HOST=host)
    assert site_id_for_request(request) == Site.find_for_request(rf.get("/vi/", HTTP_HOST=host)).pk
