"""The worker's side: send due deliveries, retry with exponential backoff, then mark them failed.

Called by ``manage.py send_webhooks`` (cron) and by every round of ``manage.py run_scheduler``. Two
workers may run at once: each claims a delivery with a conditional UPDATE before sending it, so one
attempt is made by one worker only.
"""

import datetime
import json
import logging

import requests
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from cms.webhooks import network, signing
from cms.webhooks.models import WebhookDelivery
from cms.webhooks.payloads import redacted

logger = logging.getLogger(__name__)
# How long a claimed delivery stays reserved for the worker sending it (longer than any request timeout).
CLAIM_SECONDS = 120


def retry_delay(attempts: int) -> datetime.timedelta:
    """Wait after the ``attempts``-th failed attempt: base, 2×base, 4×base… (WEBHOOK_RETRY_SECONDS)."""
    return datetime.timedelta(seconds=settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempts - 1))


def due(now=None):
    now = now or timezone.now()
    return (
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, endpoint__active=True)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .select_related("endpoint")
        .order_by("pk")
    )


def body_of(delivery: WebhookDelivery) -> bytes:
    payload = {"delivery": str(delivery.uid), **redacted(delivery.payload)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def send_due(now=None, limit: int = 200) -> dict[str, int]:
    """Send up to ``limit`` due deliveries, oldest first; return how many were delivered, retried, failed."""
    counts = {"delivered": 0, "retried": 0, "failed": 0}
    now = now or timezone.now()
    for delivery in due(now)[:limit]:
        claimed = WebhookDelivery.objects.filter(
            pk=delivery.pk, status=WebhookDelivery.Status.PENDING, attempts=delivery.attempts
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + datetime.timedelta(seconds=CLAIM_SECONDS))
        if not claimed:
            continue  # another worker took it
        delivery.attempts += 1
        counts[attempt(delivery, now)] += 1
    return counts


def attempt(delivery: WebhookDelivery, now) -> str:
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "PortalWebhooks/1",
        signing.SIGNATURE_HEADER: signing.signature_header(delivery.endpoint.secret, body),
        signing.EVENT_HEADER: delivery.event,
        signing.DELIVERY_HEADER: str(delivery.uid),
        signing.ATTEMPT_HEADER: str(delivery.attempts),
    }
    code, error = None, ""
    try:
        # Checked again (the name may point elsewhere since it was saved), and sent to the checked address
        response = network.post(
            delivery.endpoint.url, data=body, headers=headers, timeout=settings.WEBHOOK_TIMEOUT_SECONDS
        )
        code = response.status_code
        if not 200 <= code < 300:
            error = f"HTTP {code}"
    except requests.RequestException as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:300]
    delivery.response_code, delivery.error, delivery.last_attempt_at = code, error, now
    if not error:
        delivery.status, delivery.next_attempt_at, outcome = WebhookDelivery.Status.DELIVERED, None, "delivered"
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at, outcome = WebhookDelivery.Status.FAILED, None, "failed"
        logger.warning("Webhook delivery %s to %s failed for good: %s", delivery.uid, delivery.endpoint.url, error)
    else:
        delivery.next_attempt_at, outcome = now + retry_delay(delivery.attempts), "retried"
    delivery.save(update_fields=["status", "next_attempt_at", "last_attempt_at", "response_code", "error"])
    return outcome


def prune(now=None, batch: int = 1000) -> int:
    """Delete delivered and failed deliveries older than WEBHOOK_DELIVERY_RETENTION_DAYS, ``batch`` at a time
    (a periodic job: one round stays short, the next takes the rest). Pending ones are kept, whatever their age.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS)
    old = WebhookDelivery.objects.filter(
        created_at__lt=cutoff, status__in=[WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED]
    )
    pks = list(old.order_by("created_at").values_list("pk", flat=True)[:batch])
    if not pks:
        return 0
    deleted, _by_model = WebhookDelivery.objects.filter(pk__in=pks).delete()
    return deleted


def resend(delivery: WebhookDelivery) -> WebhookDelivery:
    """A new delivery of the same event and payload (the log keeps the original as it was)."""
    return WebhookDelivery.objects.create(
        endpoint=delivery.endpoint, event=delivery.event, payload=delivery.payload, resend_of=delivery
    )
