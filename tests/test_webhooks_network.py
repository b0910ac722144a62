"""Webhooks go to public addresses only (against SSRF), and the delivery log is pruned after its retention.

The guard is on by default (settings/base.py); settings/dev.py and settings/test.py turn it off for local
receivers, so these tests turn it back on as production has it.
"""

import datetime
import importlib
import shutil
import socket
import ssl
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from cms.operations import jobs
from cms.webhooks import forms, network, sender
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
        "http://240.0.0.1/hook",  # reserved
        "http://[64:ff9b::a00:1]/hook",  # NAT64 of 10.0.0.1
        "http://[2002:7f00:1::]/hook",  # 6to4 of 127.0.0.1
        "http://[::7f00:1]/hook",  # IPv4-compatible 127.0.0.1
        "http://[fec0::1]/hook",  # site-local (is_global misses it on Python 3.11)
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


REBINDING_NAME = "hooks.rebind.test"


@pytest.fixture
def rebinding_dns(monkeypatch):
    """The attacker's DNS: the first answer for REBINDING_NAME is the receiver (127.0.0.1, which this test's
    guard counts as public), every later one 127.0.0.2 (which it does not). Other names resolve as usual."""
    real_getaddrinfo, asked = socket.getaddrinfo, []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != REBINDING_NAME:
            return real_getaddrinfo(host, port, *args, **kwargs)
        asked.append(host)
        return real_getaddrinfo("127.0.0.1" if len(asked) == 1 else "127.0.0.2", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(network, "_is_public", lambda address: address == "127.0.0.1")
    return asked


def _delivery_to(url):
    endpoint = WebhookEndpoint.objects.create(url=url, secret=SECRET, events=["page.published"])
    return WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", payload={"object": {}})


def test_a_delivery_connects_to_the_address_it_checked_not_to_a_second_dns_answer(rebinding_dns):
    server = start_receiver(0, 200)
    port = server.server_address[1]
    try:
        delivery = _delivery_to(f"http://{REBINDING_NAME}:{port}/hooks")
        counts = sender.send_due()
    finally:
        server.shutdown()
        server.server_close()
    delivery.refresh_from_db()
    assert counts == {"delivered": 1, "retried": 0, "failed": 0}, delivery.error
    assert rebinding_dns == [REBINDING_NAME]  # resolved once, by the guard
    [(headers, _body)] = server.received
    assert headers["host"] == f"{REBINDING_NAME}:{port}"


@pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command to make a certificate")
def test_https_to_the_checked_address_sends_the_name_as_sni_and_checks_the_certificate_for_it(
    rebinding_dns, tmp_path, monkeypatch
):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"],
            *["-nodes", "-days", "1"],
            *["-subj", f"/CN={REBINDING_NAME}", "-addext", f"subjectAltName=DNS:{REBINDING_NAME}"],
            *["-keyout", str(key), "-out", str(cert)],
        ],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # the one authority the client trusts here
    context, names = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), []
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _socket, name, _context: names.append(name)
    server = start_receiver(0, 200)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    try:
        _delivery_to(f"https://{REBINDING_NAME}:{port}/hooks")
        assert sender.send_due()["delivered"] == 1
        # The same receiver under a name its certificate does not carry: refused by the certificate check
        other = _delivery_to(f"https://127.0.0.1:{port}/hooks")
        assert sender.send_due()["retried"] == 1
    finally:
        server.shutdown()
        server.server_close()
    assert names[0] == REBINDING_NAME and len(server.received) == 1
    other.refresh_from_db()
    assert "certificate" in other.error.lower() or "hostname" in other.error.lower()


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
