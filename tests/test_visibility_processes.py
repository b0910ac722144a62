"""A change made in one process is honoured at once by every gunicorn worker, with and without Redis.

Production settings under gunicorn with three workers and the scheduler beside them; an editor's process
(tests/multiprocess/writer.py) unpublishes one page, restricts another, expires a third and moves an image
into a restricted collection. Right after it reports the change committed, every worker answers every
channel (API listing, API detail, search, public pages, image listing) without any of the four: twenty
times over, no stale answer. Without Redis each worker has its own local-memory cache; the content
generation they share is the file ``CONTENT_GENERATION_FILE`` (cms/core/cache.py).
"""

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories, parallel

# serialized_rollback: the flush afterwards restores what the migrations created (home page, site, locales).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("rewarm_content_types"),
]

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = parallel.port("VISIBILITY_TEST_PORT", 9210)
REDIS_URL = parallel.redis_url("VISIBILITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")  # emptied by the test
WORKERS = 3
REPETITIONS = int(os.environ.get("VISIBILITY_TEST_REPETITIONS", "20"))
ORIGIN = f"http://127.0.0.1:{PORT}"


def _database_url() -> str:
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    host = f"{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    return f"postgres://{config['USER']}{password}@{host}/{config['NAME']}"


def _environment(tmp_path: Path, redis_url: str | None) -> dict:
    keep = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DATABASE", "REDIS", "AWS", "S3", "FRONTEND", "DJANGO", "CONTENT_GENERATION"))
    }
    keep.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY="visibility-test-only",
        DATABASE_URL=_database_url(),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        HOST="127.0.0.1",
        PORT=str(PORT),
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_MAX_REQUESTS="0",  # no recycled workers: the same three answer throughout
        API_THROTTLE_ANON="off",
        LOG_LEVEL="WARNING",
        CONTENT_GENERATION_FILE=str(tmp_path / "content-generation"),
        PAGE_CACHE_DIR=str(tmp_path / "page-cache"),  # the page cache's shared folder (no Redis): this test's own
    )
    if redis_url:
        keep["REDIS_URL"] = redis_url
    return keep


def _collect_static(env: dict) -> None:
    """The production storage needs the manifest; collected again only when a static source is newer.

    The folder is the checkout's own: a lock keeps a parallel test process from reading it half written.
    """
    folder = BASE_DIR / "staticfiles"
    folder.mkdir(exist_ok=True)
    with (folder / ".collectstatic.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = folder / "staticfiles.json"
        sources = [path.stat().st_mtime for path in (BASE_DIR / "cms" / "static").rglob("*") if path.is_file()]
        if manifest.exists() and manifest.stat().st_mtime >= max(sources, default=0):
            return
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True
        )


def _get(path: str):
    """(status, worker pid, body) of one request on a new connection."""
    request = Request(ORIGIN + path, headers={"Connection": "close", "Accept-Language": "vi"})  # noqa: S310
    try:
        with urlopen(request, timeout=30) as response:  # noqa: S310 - the local test server
            return response.status, response.headers.get("X-Worker"), response.read().decode()
    except HTTPError as error:
        return error.code, error.headers.get("X-Worker"), error.read().decode()


def wait_until_up(log: Path) -> None:
    """Until gunicorn answers ``/healthz`` (60 s at most; its log in the error otherwise)."""
    for _ in range(120):
        try:
            if _get("/healthz")[0] == 200:
                return
        except (URLError, OSError):
            pass
        time.sleep(0.5)
    raise AssertionError("gunicorn did not start: " + log.read_text()[-2000:])


def _on_every_worker(paths) -> list:
    """(path, answer) pairs until every path has been answered by each worker (concurrent requests spread them)."""
    answers, seen = [], {path: set() for path in paths}
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        for _round in range(60):
            wanted = [path for path, workers in seen.items() if len(workers) < WORKERS]
            if not wanted:
                return answers
            for path, answer in zip(wanted * 2, pool.map(_get, wanted * 2), strict=True):
                answers.append((path, answer))
                seen[path].add(answer[1])
    raise AssertionError(f"not every worker answered: {seen}")


@pytest.fixture
def content(home):
    news_index = factories.NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    root_collection = Collection.get_first_root_node()
    secret = root_collection.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="login")
    image = factories.ImageFactory(title="Ảnh hiện trường kiểm tra", collection=root_collection)
    pages = {
        name: factories.NewsPageFactory(
            parent=news_index,
            title=f"Thông báo kiểm tra {name}",
            slug=f"thong-bao-{name}",
            lead=f"Nội dung riêng {name} của thông báo.",
            hero_image=image if name == "image" else None,
        )
        for name in ("unpublish", "restrict", "expire", "image")
    }
    for page in pages.values():
        page.save_revision().publish()
    ids = {name: page.pk for name, page in pages.items()}
    return {
        "pages": pages,
        "image": image,
        "writer_ids": {
            **ids,
            "image": image.pk,
            "secret_collection": secret.pk,
            "public_collection": root_collection.pk,
        },
    }


def _channels(content) -> dict:
    """Path -> function naming which of the four hidden objects an answer shows."""
    pages, image = content["pages"], content["image"]
    changed = {name: pages[name].pk for name in ("unpublish", "restrict", "expire")}
    stem = Path(image.file.name).stem

    def api_items(body):
        try:
            return json.loads(body).get("items", [])
        except ValueError:
            return []

    def listing(answer):
        items = api_items(answer[2])
        shown = {name for name, pk in changed.items() if any(item["id"] == pk for item in items)}
        if any((item.get("hero_image") or {}).get("id") == image.pk for item in items):
            shown.add("image")
        return shown

    def detail(name):
        def shows(answer):
            if name == "image":
                body = json.loads(answer[2]) if answer[0] == 200 else {}
                return {"image"} if (body.get("hero_image") or {}).get("id") == image.pk else set()
            return {name} if answer[0] == 200 else set()

        return shows

    def search(answer):
        ids = {item["id"] for item in api_items(answer[2])}
        return {name for name, pk in changed.items() if pk in ids}

    def public_page(name):
        marker = f"Nội dung riêng {name}"

        def shows(answer):
            if name == "image":
                return {"image"} if stem in answer[2] or image.title in answer[2] else set()
            return {name} if marker in answer[2] else set()

        return shows

    def images(answer):
        return {"image"} if any(item["id"] == image.pk for item in api_items(answer[2])) else set()

    channels = {
        "/api/v2/pages/?type=news.NewsPage&fields=hero_image&limit=50": listing,
        "/api/v2/search/?q=kiem+tra&limit=50": search,
        "/api/v2/images/?limit=50": images,
    }
    # Details and public pages of the four: the API detail and the HTML page of each.
    for name, page in pages.items():
        channels[f"/api/v2/pages/{page.pk}/"] = detail(name)
        channels[f"/vi/tin-tuc/{page.slug}/"] = public_page(name)
    return channels


@pytest.fixture
def servers(content, tmp_path, request):
    """gunicorn (3 workers), the scheduler and the writer, all on production settings; stopped afterwards."""
    redis_url = request.param
    if redis_url:
        redis = pytest.importorskip("redis")
        try:
            redis.Redis.from_url(redis_url).flushdb()
        except redis.RedisError as error:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"Redis not reachable at {redis_url}: {error}")
    env = _environment(tmp_path, redis_url)
    _collect_static(env)
    log = (tmp_path / "gunicorn.log").open("w")
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tests.multiprocess.wsgi:application"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [sys.executable, "manage.py", "run_scheduler"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        ),
    ]
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.multiprocess.writer", json.dumps(content["writer_ids"])],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    started.append(writer)
    try:
        wait_until_up(tmp_path / "gunicorn.log")
        yield writer
    finally:
        for process in started:
            process.send_signal(signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def _tell(writer, command: str) -> None:
    writer.stdin.write(command + "\n")
    writer.stdin.flush()
    assert writer.stdout.readline().strip() == "done"


# CI runs the suite on SQLite and again on PostgreSQL: the embedded default (no Redis) is tested on SQLite, the
# scale-out setup (Redis) on PostgreSQL, so each pass pays for one. VISIBILITY_TEST_ALL=1 runs both on any database.
ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
BOTH = bool(os.environ.get("VISIBILITY_TEST_ALL"))
VARIANTS = [
    pytest.param(None, id="local-memory cache", marks=pytest.mark.skipif(not ON_SQLITE and not BOTH, reason="SQLite")),
    pytest.param(REDIS_URL, id="redis", marks=pytest.mark.skipif(ON_SQLITE and not BOTH, reason="PostgreSQL pass")),
]


@pytest.mark.parametrize("servers", VARIANTS, indirect=True)
def test_every_worker_stops_showing_hidden_content_at_once(servers, content):
    writer = servers
    channels = _channels(content)
    everything = {"unpublish", "restrict", "expire", "image"}
    stale = []
    for repetition in range(REPETITIONS):
        # Warm every channel on every worker, and check the content is there to hide.
        shown = set()
        for path, answer in _on_every_worker(channels):
            shown |= channels[path](answer)
        assert shown == everything, f"repetition {repetition}: before the change only {shown} were shown"

        _tell(writer, "hide")
        changed_at = time.monotonic()
        for path, answer in _on_every_worker(channels):
            if shown := channels[path](answer):
                stale.append((repetition, path, answer[1], sorted(shown), time.monotonic() - changed_at))
        _tell(writer, "show")
    assert stale == []
