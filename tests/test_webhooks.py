"""Webhooks as a front end receives them: one signed delivery per event, in order, sent after commit by the
worker; retries with backoff, then failed; nothing restricted or unpublished ever in a body.

A real HTTP receiver listens on 127.0.0.1 (WEBHOOK_TEST_PORT, default 8201); the publishes go through the
admin's own views, as editors make them.
"""

import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.core.visibility import is_visible
from cms.operations.health import AMBER, GREEN, RED, run_checks
from cms.statistics.models import Statistic
from cms.webhooks import events, signing
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.payloads import Change
from cms.webhooks.sender import resend, send_due
from cms.webhooks.triggers import enqueue
from news.models import NewsPage
from tests import factories, parallel
from tests.workflow_helpers import edit_page

pytestmark = pytest.mark.django_db

PORT = parallel.port("WEBHOOK_TEST_PORT", 8201)
FAILING_PORT = PORT + 1
DEAD_PORT = PORT + 2  # nothing listens there: connection refused
SECRET = "khoa-ky-thu-nghiem-0123456789"


class Receiver(BaseHTTPRequestHandler):
    """Records every POST; answers ``status``."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start_receiver(port: int, status: int):
    server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    server.received, server.status = [], status
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def receiver():
    server = start_receiver(PORT, 200)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def failing_receiver():
    server = start_receiver(FAILING_PORT, 500)
    yield server
    server.shutdown()
    server.server_close()


def endpoint_for(port: int, event_names=events.EVENTS) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        url=f"http://127.0.0.1:{port}/hooks", secret=SECRET, events=list(event_names)
    )


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quan-tri", "q@example.vn", "pw-Strong-123"))
    return client


@pytest.fixture
def english_tree(locales, news_index):
    factories.translate(news_index.get_parent().specific, "en", {"title": "Home", "slug": "home"})
    factories.translate(news_index, "en", {"title": "News", "slug": "news"})
    return news_index


def draft_article(parent, title="Mộc Châu sơ kết sáu tháng", slug="moc-chau-so-ket") -> NewsPage:
    page = factories.NewsPageFactory(parent=parent, title=title, slug=slug, live=False)
    page.save_revision()
    return page


def publish_in_admin(client, page, capture):
    with capture(execute=True):
        response = edit_page(client, page, "publish")
    assert response.status_code == 302, response.status_code
    page.refresh_from_db()
    assert page.live


def bodies(server) -> list[dict]:
    return [json.loads(body) for _headers, body in server.received]


def assert_signed(headers: dict, body: bytes) -> None:
    assert signing.verify(SECRET, headers["x-portal-signature"], body)
    payload = json.loads(body)
    assert headers["x-portal-event"] == payload["event"]
    assert headers["x-portal-delivery"] == payload["delivery"]
    assert headers["content-type"] == "application/json; charset=utf-8"


# --- The done-when: one signed delivery per event, in order -------------------------------------


def test_receiver_gets_one_signed_delivery_per_event_in_order(
    admin_client, english_tree, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(PORT)
    article = draft_article(english_tree)
    publish_in_admin(admin_client, article, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert response.status_code == 302

    publish_in_admin(admin_client, article, django_capture_on_commit_callbacks)  # public again, to translate
    english = factories.translate(article, "en", {"title": "Moc Chau six-month review", "slug": "review"}, False)
    with django_capture_on_commit_callbacks(execute=True):
        # The translation editor's "Publish" (wagtail-localize posts the action to the page's edit URL).
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live

    add_url = reverse("wagtailsnippets_cms_statistic:add") + "?locale=vi"
    form = {"label": "Hồ sơ giải quyết đúng hạn", "value": "98", "total": "100", "unit": "%"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            add_url, {**form, "reference_date": "2026-11-30", "source": "", "action-publish": "action-publish"}
        )
    assert response.status_code == 302
    statistic = Statistic.objects.get(label=form["label"])
    assert statistic.live

    assert receiver.received == []  # nothing was sent while the editor waited
    assert send_due() == {"delivered": 5, "retried": 0, "failed": 0}
    assert send_due() == {"delivered": 0, "retried": 0, "failed": 0}  # exactly once

    received = bodies(receiver)
    assert [payload["event"] for payload in received] == [
        "page.published",
        "page.unpublished",
        "page.published",
        "translation.published",
        "snippet.published",
    ]
    for headers, body in receiver.received:
        assert_signed(headers, body)
    assert len({payload["delivery"] for payload in received}) == 5

    published, unpublished, _again, translated, snippet = received
    site = published["site"]
    assert site["root_url"] and site["hostname"]
    assert published["object"] == {
        "id": article.pk,
        "type": "news.NewsPage",
        "locale": "vi",
        "public": True,
        "title": "Mộc Châu sơ kết sáu tháng",
        "url_path": article.get_url_parts()[2],
        "urls": {"html": article.get_full_url(), "api": f"{site['root_url']}/api/v2/pages/{article.pk}/"},
    }
    # An unpublish says which object left, never what it contained.
    assert unpublished["object"] == {"id": article.pk, "type": "news.NewsPage", "locale": "vi", "public": False}
    assert unpublished["site"] == site
    assert translated["object"]["id"] == english.pk and translated["object"]["locale"] == "en"
    assert translated["object"]["title"] == "Moc Chau six-month review"
    assert snippet["object"]["type"] == "cms.Statistic" and snippet["object"]["id"] == statistic.pk
    assert snippet["object"]["urls"]["api"].endswith(f"/api/v2/statistics/{statistic.pk}/")
    assert WebhookDelivery.objects.filter(status=WebhookDelivery.Status.DELIVERED, response_code=200).count() == 5


def test_only_subscribed_events_reach_an_endpoint(
    admin_client, news_index, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(PORT, [events.PAGE_UNPUBLISHED])
    article = draft_article(news_index)
    publish_in_admin(admin_client, article, django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    send_due()
    assert [payload["event"] for payload in bodies(receiver)] == ["page.unpublished"]


def test_move_delete_and_document_events(admin_client, news_index, receiver, django_capture_on_commit_callbacks):
    article = draft_article(news_index)
    article.save_revision().publish()
    other_section = factories.NewsIndexPageFactory(parent=news_index.get_parent(), slug="thong-bao")
    endpoint_for(PORT)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[article.pk, other_section.pk]))
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.DocumentFactory(title="Kế hoạch tiếp dân năm 2027")
    send_due()  # before the delete: a page gone by the time its delivery is sent is announced without content
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
    assert response.status_code == 302
    send_due()
    received = bodies(receiver)
    assert [payload["event"] for payload in received] == [
        "page.moved",
        "document.changed",
        "page.unpublished",  # Wagtail unpublishes a live page before deleting it
        "page.deleted",
    ]
    moved, changed, _unpublished, deleted = received
    assert "/thong-bao/" in moved["object"]["url_path"]
    assert changed["object"]["title"] == document.title
    assert changed["object"]["urls"]["api"].endswith(f"/api/v2/documents/{document.pk}/")
    assert deleted["object"] == {"id": article.pk, "type": "news.NewsPage", "locale": "vi", "public": False}
    assert deleted["site"]["root_url"]


def test_a_rolled_back_publish_queues_nothing(news_index, django_capture_on_commit_callbacks):
    from django.db import transaction

    endpoint_for(DEAD_PORT)
    article = draft_article(news_index)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        article.save_revision().publish()
        raise RuntimeError("the editor's transaction fails")
    assert not WebhookDelivery.objects.exists()


# --- Failures: retried with backoff, then failed, never in the editor's request -------------------


def test_failing_receiver_is_retried_with_backoff_then_marked_failed(
    admin_client, news_index, failing_receiver, settings, django_capture_on_commit_callbacks
):
    endpoint_for(FAILING_PORT)
    article = draft_article(news_index)
    publish_in_admin(admin_client, article, django_capture_on_commit_callbacks)
    assert failing_receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (WebhookDelivery.Status.PENDING, 0)

    now = timezone.now()
    waits = []
    for attempt in range(1, settings.WEBHOOK_MAX_ATTEMPTS + 1):
        assert sum(send_due(now).values()) == 1
        assert send_due(now) == {"delivered": 0, "retried": 0, "failed": 0}  # not due again yet
        delivery.refresh_from_db()
        assert delivery.attempts == attempt and delivery.response_code == 500 and delivery.error == "HTTP 500"
        if delivery.status == WebhookDelivery.Status.FAILED:
            break
        waits.append((delivery.next_attempt_at - now).total_seconds())
        now = delivery.next_attempt_at
    assert delivery.status == WebhookDelivery.Status.FAILED and delivery.next_attempt_at is None
    base = settings.WEBHOOK_RETRY_SECONDS
    assert waits == [base * 2**n for n in range(settings.WEBHOOK_MAX_ATTEMPTS - 1)]  # 30 s, 1, 2, 4, 8 min
    assert len(failing_receiver.received) == settings.WEBHOOK_MAX_ATTEMPTS
    # Every attempt is one delivery, signed afresh, numbered.
    assert {headers["x-portal-delivery"] for headers, _body in failing_receiver.received} == {str(delivery.uid)}
    assert [headers["x-portal-attempt"] for headers, _body in failing_receiver.received] == [
        str(n) for n in range(1, settings.WEBHOOK_MAX_ATTEMPTS + 1)
    ]
    for headers, body in failing_receiver.received:
        assert_signed(headers, body)

    line = {line.key: line for line in run_checks()}["webhooks"]
    assert line.status == RED and "1 lần gửi thất bại" in str(line.summary)
    # Fixed: the receiver answers again and the editor resends from the log.
    failing_receiver.status = 200
    resend(delivery)
    assert send_due(now)["delivered"] == 1
    assert {line.key: line for line in run_checks()}["webhooks"].status == GREEN


def test_a_dead_receiver_adds_no_network_and_a_fixed_query_cost_to_the_publish_request(
    admin_client, news_index, django_capture_on_commit_callbacks
):
    """The editor's request writes delivery rows and connects to nobody: its queries are the same whether
    the receiver is up, down or absent, apart from the queue's own (counted here)."""
    first, second, third = (draft_article(news_index, f"Tin {n}", f"tin-{n}") for n in range(3))
    publish_in_admin(admin_client, first, django_capture_on_commit_callbacks)  # warm caches

    def publish_counting(page):
        with CaptureQueriesContext(connection) as queries:
            publish_in_admin(admin_client, page, django_capture_on_commit_callbacks)
        return len(queries)

    without_endpoint = publish_counting(second)
    endpoint_for(DEAD_PORT)
    with_dead_endpoint = publish_counting(third)
    delivery = WebhookDelivery.objects.get()
    assert delivery.attempts == 0 and delivery.last_attempt_at is None  # not tried during the request
    # Building the payload (page, site, restriction lists) and one INSERT for the rows.
    assert with_dead_endpoint - without_endpoint == QUEUE_QUERIES + PORTAL_LOOKUP

    assert send_due() == {"delivered": 0, "retried": 1, "failed": 0}
    delivery.refresh_from_db()
    assert delivery.response_code is None and "ConnectionError" in delivery.error


# Queries the queue adds to a page publish once an endpoint is subscribed: the locale's code, the reloaded
# page, its site, the restriction and alias lists read fresh (one query for both, read once per fresh() block:
# cms.core.visibility), then one INSERT for all the rows.
QUEUE_QUERIES = 5
# The page's portal, asked only when an endpoint listens (endpoints may belong to one portal): the portals'
# tree paths are remembered under the sites' own stamp (cms.core.sites), which publishing a page does not renew.
PORTAL_LOOKUP = 0


def test_queueing_one_page_event_costs_a_fixed_number_of_queries(
    news_index, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = draft_article(news_index)
    article.save_revision().publish()
    endpoint_for(DEAD_PORT, [events.PAGE_PUBLISHED])
    endpoint_for(PORT, [events.PAGE_PUBLISHED])
    change = Change(events.PAGE_PUBLISHED, NewsPage, article.pk, article.locale_id)
    enqueue(change)  # warms the site root paths, as any earlier request has
    with django_assert_num_queries(1 + QUEUE_QUERIES):  # + the endpoints
        rows = enqueue(change)
    assert len(rows) == 2
    with django_assert_num_queries(1):
        assert enqueue(Change(events.DOCUMENT_CHANGED, NewsPage, article.pk, None)) == []


def test_run_scheduler_sends_due_deliveries(news_index, receiver, django_capture_on_commit_callbacks):
    endpoint_for(PORT)
    article = draft_article(news_index)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    call_command("run_scheduler", once=True, stdout=io.StringIO())
    assert [payload["event"] for payload in bodies(receiver)] == ["page.published"]
    out = io.StringIO()
    call_command("send_webhooks", stdout=out)
    assert "Delivered 0" in out.getvalue()


def test_health_line_shows_the_backlog(news_index, django_capture_on_commit_callbacks):
    assert {line.key: line for line in run_checks()}["webhooks"].status == "off"
    endpoint_for(DEAD_PORT)
    line = {line.key: line for line in run_checks()}["webhooks"]
    assert line.status == GREEN
    article = draft_article(news_index)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    WebhookDelivery.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=30))
    line = {line.key: line for line in run_checks()}["webhooks"]
    assert line.status == AMBER and "1 lần gửi đang chờ" in str(line.summary)


# --- Never restricted or draft content ----------------------------------------------------------


def test_drafts_queue_nothing(admin_client, news_index, django_capture_on_commit_callbacks):
    endpoint_for(DEAD_PORT)
    article = draft_article(news_index)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_page(admin_client, article, None, title="Bản nháp chưa duyệt")
    assert response.status_code == 302
    statistic = factories.StatisticFactory(live=False, label="Số liệu nháp")
    with django_capture_on_commit_callbacks(execute=True):
        statistic.save_revision()
    assert not WebhookDelivery.objects.exists()


def test_restricted_page_is_announced_without_its_content(
    admin_client, news_index, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(PORT)
    section = factories.NewsIndexPageFactory(parent=news_index.get_parent(), slug="noi-bo", title="Nội bộ")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="mat-khau")
    secret_page = draft_article(section, "Danh sách cán bộ dự kiến điều động", "danh-sach-dieu-dong")
    publish_in_admin(admin_client, secret_page, django_capture_on_commit_callbacks)
    assert not is_visible(secret_page)
    send_due()
    [(headers, body)] = receiver.received
    assert_signed(headers, body)
    assert json.loads(body)["object"] == {
        "id": secret_page.pk,
        "type": "news.NewsPage",
        "locale": "vi",
        "public": False,
    }
    for leak in ("Danh sách", "danh-sach-dieu-dong", "noi-bo"):
        assert leak.encode() not in body


def test_page_restricted_after_queueing_is_sent_without_content(
    admin_client, news_index, receiver, django_capture_on_commit_callbacks
):
    endpoint_for(PORT)
    article = draft_article(news_index, "Thông tin tạm thời", "thong-tin-tam-thoi")
    publish_in_admin(admin_client, article, django_capture_on_commit_callbacks)
    assert WebhookDelivery.objects.get().payload["object"]["public"] is True
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    send_due()
    [(_headers, body)] = receiver.received
    assert json.loads(body)["object"]["public"] is False
    assert b"Th\xc3\xb4ng tin" not in body and b"thong-tin-tam-thoi" not in body


def test_document_in_a_restricted_collection_is_announced_without_its_content(
    receiver, django_capture_on_commit_callbacks
):
    endpoint_for(PORT, [events.DOCUMENT_CHANGED])
    private = Collection.get_first_root_node().add_child(name="Hồ sơ mật")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        factories.DocumentFactory(title="Biên bản họp kín", collection=private)
    send_due()
    [(_headers, body)] = receiver.received
    assert json.loads(body)["object"]["public"] is False and "Biên bản".encode() not in body


def test_a_retry_or_resend_never_carries_content_that_left_the_public(
    receiver, news_index, django_capture_on_commit_callbacks
):
    endpoint_for(PORT, [events.PAGE_PUBLISHED])
    article = draft_article(news_index, "Lịch tiếp dân", "lich-tiep-dan")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.payload["object"]["title"] == "Lịch tiếp dân"  # public when queued
    article.refresh_from_db()
    article.unpublish()
    resend(delivery)
    send_due()
    assert len(receiver.received) == 2
    for _headers, body in receiver.received:
        assert json.loads(body)["object"]["public"] is False
        assert b"lich-tiep-dan" not in body and "Lịch tiếp".encode() not in body


# --- Admin and command ----------------------------------------------------------------------------


@pytest.fixture
def webhook_manager(django_user_model):
    group = Group.objects.create(name="Quản lý webhook")
    group.permissions.add(
        Permission.objects.get(codename="manage_webhooks"), Permission.objects.get(codename="access_admin")
    )
    user = django_user_model.objects.create_user("quan-ly-webhook", "w@example.vn", "pw-Strong-123")
    user.groups.add(group)
    return user


def test_only_holders_of_the_permission_manage_webhooks(client, django_user_model, webhook_manager):
    editor = django_user_model.objects.create_user("bien-tap", "b@example.vn", "pw-Strong-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for name in ("webhook_endpoint:index", "webhook_endpoint:add", "webhook_delivery:index"):
        assert client.get(reverse(name)).status_code in (302, 403), name
    assert reverse("webhook_endpoint:index") not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(webhook_manager)
    home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # The sidebar menu is JSON for the admin's JavaScript (non-ASCII letters escaped).
    for label in ("Nhật ký gửi webhook", "Địa chỉ webhook"):
        assert json.dumps(label)[1:-1] in home
    assert reverse("webhook_endpoint:index") in home and reverse("webhook_delivery:index") in home
    response = client.post(
        reverse("webhook_endpoint:add"),
        {
            "url": "https://frontend.example.vn/api/revalidate",
            "description": "Trang Next.js",
            "events": ["page.published", "page.unpublished"],
            "secret": SECRET,
            "active": "on",
        },
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published", "page.unpublished"] and endpoint.secret == SECRET


def test_site_administrators_manage_webhooks_and_editors_do_not(client, home):
    from cms.editorial import roles
    from tests.workflow_helpers import make_user

    roles.setup_roles()
    client.force_login(make_user("quan-tri-he-thong", roles.SITE_ADMINS.name))
    assert client.get(reverse("webhook_endpoint:index")).status_code == 200
    assert client.get(reverse("webhook_delivery:index")).status_code == 200
    client.force_login(make_user("bien-tap-vien", roles.EDITORS.name))
    assert client.get(reverse("webhook_endpoint:index")).status_code in (302, 403)


@pytest.mark.parametrize(
    "url",
    ["not a url", "ftp://frontend.example.vn/hook", "javascript:alert(1)", "https://user:pw@frontend.example.vn/"],
)
def test_bad_endpoint_urls_get_a_form_error(client, webhook_manager, url):
    client.force_login(webhook_manager)
    response = client.post(
        reverse("webhook_endpoint:add"), {"url": url, "events": ["page.published"], "secret": SECRET, "active": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not WebhookEndpoint.objects.exists()


def test_unknown_event_and_short_secret_get_form_errors(client, webhook_manager):
    client.force_login(webhook_manager)
    response = client.post(
        reverse("webhook_endpoint:add"),
        {"url": "https://frontend.example.vn/hook", "events": ["page.exploded"], "secret": "ngan"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"events", "secret"}


def test_delivery_log_shows_status_and_resends(client, webhook_manager, receiver, news_index):
    endpoint = endpoint_for(PORT)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="page.deleted",
        payload={"event": "page.deleted", "object": {"id": 1, "type": "news.NewsPage", "locale": "vi"}},
        status=WebhookDelivery.Status.FAILED,
        attempts=6,
        response_code=503,
    )
    client.force_login(webhook_manager)
    listing = client.get(reverse("webhook_delivery:index"), HTTP_ACCEPT_LANGUAGE="vi")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Thất bại" in text and "503" in text and "Gửi lại" in text
    assert client.get(reverse("webhook_delivery:inspect", args=[delivery.pk])).status_code == 200
    # The log cannot be edited or added to by hand.
    assert client.get(reverse("webhook_delivery:edit", args=[delivery.pk])).status_code in (302, 403)
    resend_url = reverse("webhook_delivery:resend", args=[delivery.pk])
    assert client.get(resend_url).status_code == 200
    assert client.post(resend_url).status_code == 302
    again = WebhookDelivery.objects.get(resend_of=delivery)
    assert again.status == WebhookDelivery.Status.PENDING
    send_due()
    again.refresh_from_db()
    assert again.status == WebhookDelivery.Status.DELIVERED
    assert json.loads(receiver.received[0][1])["delivery"] == str(again.uid)


def test_webhooks_command_adds_lists_and_removes():
    out = io.StringIO()
    call_command(
        "webhooks", "add", "https://frontend.example.vn/hook", "--secret", SECRET, "--events",
        "page.published,page.unpublished", stdout=out,
    )  # fmt: skip
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published", "page.unpublished"] and endpoint.secret == SECRET
    out = io.StringIO()
    call_command("webhooks", "list", stdout=out)
    assert "https://frontend.example.vn/hook" in out.getvalue() and SECRET not in out.getvalue()
    with pytest.raises(CommandError, match=r"page\.exploded"):
        call_command("webhooks", "add", "https://x.example.vn/", "--events", "page.exploded")
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "ftp://x.example.vn/", "--events", "page.published")
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "https://x.example.vn/", "--events", "page.published", "--secret", "ngan")
    out = io.StringIO()
    call_command("webhooks", "add", "https://y.example.vn/", "--events", "snippet.published", stdout=out)
    assert "Secret" in out.getvalue()
    call_command("webhooks", "remove", str(endpoint.pk), stdout=io.StringIO())
    assert list(WebhookEndpoint.objects.values_list("url", flat=True)) == ["https://y.example.vn/"]
    with pytest.raises(CommandError):
        call_command("webhooks", "remove", "999")


def test_signature_verification_refuses_tampering_and_replays():
    body = b'{"event":"page.published"}'
    header = signing.signature_header(SECRET, body, timestamp=1_800_000_000)
    assert signing.verify(SECRET, header, body, now=1_800_000_100)
    assert not signing.verify(SECRET, header, body + b" ", now=1_800_000_100)
    assert not signing.verify("another-secret-0123456789", header, body, now=1_800_000_100)
    assert not signing.verify(SECRET, header, body, now=1_800_000_000 + signing.REPLAY_WINDOW_SECONDS + 1)
    assert not signing.verify(SECRET, "garbage", body)
