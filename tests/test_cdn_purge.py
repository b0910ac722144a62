"""The CDN purge covers what the server cache covers: one tag on every cacheable answer, purged on any change.

A local purge receiver on 127.0.0.1 stands in for Varnish and for Cloudflare's API.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.contrib.frontend_cache import utils as frontend_cache_utils
from wagtail.contrib.frontend_cache.backends import CloudflareBackend

from tests import factories, parallel

pytestmark = pytest.mark.django_db

PORT = parallel.port("CDN_TEST_PORT", 9220)
TAG = "portal-content"


class Receiver(BaseHTTPRequestHandler):
    received: list = []

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        Receiver.received.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        payload = b'{"success": true, "errors": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_PURGE = do_POST = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Receiver.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def article(news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Thông báo lịch tiếp dân")
    page.save_revision().publish()
    return page


def test_every_cacheable_public_answer_carries_the_cache_tag(client_vi, article):
    for path in (
        "/vi/",
        article.url,
        "/vi/search/?q=tiep+dan",
        "/vi/rss/",
        "/sitemap.xml",
        "/api/v2/pages/?type=news.NewsPage&fields=*&order=-date",
        f"/api/v2/pages/{article.pk}/",
        "/api/v2/search/?q=tiep+dan",
        "/api/v2/statistics/",
    ):
        response = client_vi.get(path)
        assert response.status_code == 200, path
        assert (response["Cache-Tag"], response["Surrogate-Key"], response["xkey"]) == (TAG, TAG, TAG), path


def test_admin_and_private_answers_carry_no_tag(client, article, django_user_model):
    editor = django_user_model.objects.create_superuser("bien-tap", "b@example.com", "pw-Strong-123")
    client.force_login(editor)
    for path in ("/admin/", f"/api/v2/pages/{article.pk}/"):  # signed in: private, never shared
        assert not client.get(path).has_header("Cache-Tag"), path


def test_unpublishing_purges_the_tag_and_the_api_at_the_http_cache(
    settings, receiver, article, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{PORT}",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    tag_purges = [item for item in receiver if item[0] == "PURGE" and item[2].get("xkey-purge") == TAG]
    assert len(tag_purges) == 1, receiver  # once per transaction, however many signals it sent
    purged_paths = {path for method, path, _headers, _body in receiver if method == "PURGE"}
    assert {"/", "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/search/"} <= purged_paths


def test_a_change_purges_the_tag_at_cloudflare(settings, receiver, article, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }
    original = frontend_cache_utils.get_backends

    def local_cloudflare(*args, **kwargs):
        backends = original(*args, **kwargs)
        for backend in backends.values():
            if isinstance(backend, CloudflareBackend):
                backend.cloudflare_purge_endpoint_url = f"http://127.0.0.1:{PORT}/client/v4/zones/zone/purge_cache"
        return backends

    monkeypatch.setattr(frontend_cache_utils, "get_backends", local_cloudflare)
    from cms.core import cdn

    cdn.purge_content()
    (method, path, headers, body), *_ = receiver
    assert (method, path) == ("POST", "/client/v4/zones/zone/purge_cache")
    assert headers["authorization"] == "Bearer token"
    assert json.loads(body) == {"tags": [TAG]}


def test_without_a_configured_cdn_nothing_is_sent(receiver, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert receiver == []
