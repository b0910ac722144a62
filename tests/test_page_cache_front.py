"""The page cache's per-process front with Redis (cms/pagecache/store.py): hits from this process's memory,
ended by a generation another process writes to Redis, and never more memory than its bound.

The gunicorn workers of tests/test_page_cache_processes.py (Redis variant) check the same through real processes;
here the other process is played by writing Redis directly, as it would, with no signal in this process.
"""

import os
import pickle
import time
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page

from cms.core.cache import GENERATION_KEY
from cms.core.models import PortalSettings
from cms.pagecache import store
from tests import factories

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")  # keys under a uuid prefix


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    prefix = f"test-pagecache-{uuid.uuid4().hex}"
    shared = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    with override_settings(
        CACHES={**settings.CACHES, "default": shared}, PAGE_CACHE_ALIAS="default", CONTENT_GENERATION_FILE=None
    ):
        PortalSettings.load()
        yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def get(client, path):
    return client.get(path, HTTP_ACCEPT_LANGUAGE="vi")


def test_hits_come_from_this_process_until_another_process_starts_a_generation(client, news_index, redis_cache):
    redis, prefix = redis_cache
    page = factories.NewsPageFactory(parent=news_index, title="Thông báo lịch tiếp công dân tháng Mười Hai")
    first = get(client, page.url)
    assert first.status_code == 200 and first.get("X-Cache") is None
    entries = list(redis.scan_iter(f"{prefix}:*pagecache:*"))
    assert len(entries) == 1
    redis.delete(*entries)  # evicted from Redis: this process's copy still answers, without a Redis read of it
    second = get(client, page.url)
    assert (second.get("X-Cache"), second.content) == ("HIT", first.content)

    # Another process unpublishes the page: the row changes and a new generation is written to Redis, and
    # nothing at all happens in this process (no signal, no call).
    Page.objects.filter(pk=page.pk).update(live=False)
    redis.set(f"{prefix}:1:{GENERATION_KEY}", pickle.dumps(time.time() + 1))
    after = get(client, page.url)
    assert after.status_code == 404 and after.get("X-Cache") != "HIT"


def test_the_front_keeps_at_most_its_bound_and_drops_the_least_recently_used():
    front = store.LocalFront(limit=20_000)

    def entry(size):
        return {"body": b"x" * size, "headers": (("Content-Type", "text/html"),), "expires_at": time.time() + 60}

    for number in range(40):
        front.put(f"key-{number}", entry(1_000))
        if number == 30:
            assert front.get("key-25", time.time()) is not None  # used: kept over older ones
        assert front.used <= front.limit
    assert front.get("key-0", time.time()) is None and front.get("key-39", time.time()) is not None
    assert front.get("key-25", time.time()) is not None
    front.put("large", entry(front.limit // 8))  # over an eighth of the bound: Redis only
    assert front.get("large", time.time()) is None
    front.put("expired", {**entry(10), "expires_at": time.time() - 1})
    assert front.get("expired", time.time()) is None


def test_no_front_with_the_local_memory_cache():
    assert cache.__class__.__name__ == "ConnectionProxy"
    assert store.front() is None  # settings.test: the local-memory cache is this process's memory already
