"""Webhooks go to public addresses only (against SSRF), and the delivery log is pruned after its retention.

The guard is on by default (settings/base.py); settings/dev.py and settings/test.py turn it off for local
receivers, so these tests turn it back on as production has it.
"""

import datetime
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from cms.operations import jobs
from cms.webhooks import forms, sender
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.test_webhooks import PORT, SECRET, start_receiver, webhook_manager  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

GUARDED_PORT = PORT + 5


@pytest.fixture(autouse=True)
def _guard_on(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8201/hooks",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://172.16.0.5/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://100.64.0.1/hook",  # carrier-grade NAT (shared address space)
        "http://0.0.0.0/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[fe80::1]/hook",
        "http://[fd00::1]/hook",
        "http://224.0.0.1/hook",
        "http://2130706433/hook",  # 127.0.0.1 written as one number
    ],
)
def test_private_loopback_and_link_local_receivers_are_refused(url):
    with pytest.raises(ValidationError) as error:
        forms.validate_endpoint_url(url)
    assert error.value.messages


def test_a_public_address_is_accepted_and_an_unknown_name_is_refused():
    assert forms.validate_endpoint_url("https://93.184.215.14/hook") == "https://93.184.215.14/hook"
    with pytest.raises(ValidationError, match="Không phân giải được"):
        forms.validate_endpoint_url("https://khong-ton-tai.invalid/hook")


def test_the_admin_form_and_the_command_refuse_a_private_receiver(client, webhook_manager):  # noqa: F811
    client.force_login(webhook_manager)
    response = client.post(
        reverse("webhook_endpoint:add"),
        {"url": "http://10.0.0.8/hook", "events": ["page.published"], "secret": SECRET, "active": "on"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert "mạng nội bộ" in str(response.context["form"].errors["url"])
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "http://127.0.0.1/hook", "--events", "page.published")
    assert not WebhookEndpoint.objects.exists()


def test_an_endpoint_that_now_points_inside_is_not_sent_to():
    """Saved while allowed (or re-pointed by DNS since): checked again before every attempt."""
    server = start_receiver(GUARDED_PORT, 200)
    try:
        endpoint = WebhookEndpoint.objects.create(
            url=f"http://127.0.0.1:{GUARDED_PORT}/hooks", secret=SECRET, events=["page.published"]
        )
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", payload={"object": {}})
        assert sender.send_due() == {"delivered": 0, "retried": 1, "failed": 0}
    finally:
        server.shutdown()
        server.server_close()
    assert server.received == []
    delivery.refresh_from_db()
    assert delivery.error.startswith("ConnectionError: refused:") and delivery.response_code is None


def test_the_guard_is_on_unless_dev_or_test_settings_turn_it_off(monkeypatch):
    monkeypatch.delenv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", raising=False)
    base = importlib.reload(importlib.import_module("settings.base"))
    assert base.WEBHOOK_ALLOW_PRIVATE_NETWORKS is False
    assert importlib.import_module("settings.dev").WEBHOOK_ALLOW_PRIVATE_NETWORKS is True
    assert importlib.import_module("settings.test").WEBHOOK_ALLOW_PRIVATE_NETWORKS is True


@pytest.fixture
def aged_log():
    endpoint = WebhookEndpoint.objects.create(
        url="https://93.184.215.14/hook", secret=SECRET, events=["page.published"]
    )
    status = WebhookDelivery.Status
    rows = {}
    for name, state, age in [
        ("old_delivered", status.DELIVERED, 31),
        ("old_failed", status.FAILED, 40),
        ("old_pending", status.PENDING, 45),  # still to be sent: never pruned
        ("recent_delivered", status.DELIVERED, 29),
    ]:
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", payload={}, status=state)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - datetime.timedelta(days=age))
        rows[name] = delivery.pk
    return rows


def test_the_scheduler_prunes_sent_and_failed_deliveries_past_the_retention(aged_log, settings):
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 30
    assert jobs.run_all()["webhooks-prune"] is True
    left = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert left == {aged_log["old_pending"], aged_log["recent_delivered"]}


def test_pruning_goes_in_bounded_batches_at_a_fixed_query_cost(aged_log, settings, django_assert_max_num_queries):
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 30
    with django_assert_max_num_queries(4):  # select the batch, then the delete (and its SET NULL of resends)
        assert sender.prune(batch=1) == 1
    assert sender.prune(batch=1) == 1
    assert sender.prune(batch=1) == 0
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 1
    assert sender.prune() == 1  # a shorter retention takes the recent one too; pending stays
    assert list(WebhookDelivery.objects.values_list("pk", flat=True)) == [aged_log["old_pending"]]
