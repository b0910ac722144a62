"""One message when a health line turns red (and, optionally, one when it recovers), not one a minute.

``evaluate()`` runs after every scheduler run and on ``/healthz?detail=1`` (so an outside monitor polling
it still gets alerts when the scheduler itself has stopped). The last status alerted on is kept per line
in ``AlertState``; a conditional UPDATE decides which process sends, so concurrent evaluations send once.
"""

import json
import logging
import urllib.request

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms.operations import records
from cms.operations.health import RED, HealthLine, run_checks
from cms.operations.models import AlertState

logger = logging.getLogger(__name__)

WEBHOOK_TIMEOUT = 10


def alerts_configured() -> bool:
    return bool(settings.HEALTH_ALERT_EMAIL or settings.HEALTH_ALERT_WEBHOOK_URL)


def _claim(line: HealthLine) -> bool:
    """Store the line's red/not-red state; True when this call changed it (and so must alert)."""
    state = "red" if line.status == RED else "ok"
    AlertState.objects.get_or_create(key=line.key, defaults={"status": "ok"})
    changed = (
        AlertState.objects.filter(key=line.key).exclude(status=state).update(status=state, changed_at=timezone.now())
    )
    return changed == 1


def evaluate(lines: list[HealthLine] | None = None) -> dict[str, list[HealthLine]]:
    """Send what changed since the last evaluation; returns the lines that turned red and that recovered."""
    if not alerts_configured():
        return {"red": [], "recovered": []}
    lines = run_checks() if lines is None else lines
    turned_red, recovered = [], []
    for line in lines:
        if _claim(line):
            (turned_red if line.status == RED else recovered).append(line)
    if not settings.HEALTH_ALERT_RECOVERY:
        recovered = []
    if turned_red or recovered:
        send(turned_red, recovered)
    return {"red": turned_red, "recovered": recovered}


def send(turned_red: list[HealthLine], recovered: list[HealthLine]):
    """One e-mail and one webhook call for everything that changed in this evaluation."""
    with override(settings.LANGUAGE_CODE):
        subject = (
            _("[%(site)s] Hỏng: %(lines)s")
            % {"site": settings.WAGTAIL_SITE_NAME, "lines": ", ".join(str(line.label) for line in turned_red)}
            if turned_red
            else _("[%(site)s] Đã trở lại bình thường: %(lines)s")
            % {"site": settings.WAGTAIL_SITE_NAME, "lines": ", ".join(str(line.label) for line in recovered)}
        )
        body = []
        for heading, group in ((_("Hỏng"), turned_red), (_("Đã trở lại bình thường"), recovered)):
            for line in group:
                body.append(f"{heading} — {line.label}: {line.summary}")
                if line.advice and line.status == RED:
                    body.append(f"    {_('Cần làm')}: {line.advice}")
        body.append("")
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("operations_health")
        body.append(_("Xem chi tiết: %(url)s") % {"url": url})
        text = "\n".join(body)
    if settings.HEALTH_ALERT_EMAIL:
        try:
            send_mail(subject, text, None, [settings.HEALTH_ALERT_EMAIL])
        except Exception as error:
            logger.exception("Health alert e-mail failed")
            records.record(records.ALERT_FAILURE, ok=False, channel="email", error=str(error)[:500])
    if settings.HEALTH_ALERT_WEBHOOK_URL:
        payload = {
            "subject": subject,
            "text": text,
            "red": [line.as_dict() for line in turned_red],
            "recovered": [line.as_dict() for line in recovered],
        }
        try:
            post_json(settings.HEALTH_ALERT_WEBHOOK_URL, payload)
        except Exception as error:
            logger.exception("Health alert webhook failed")
            records.record(records.ALERT_FAILURE, ok=False, channel="webhook", error=str(error)[:500])


def post_json(url: str, payload: dict):
    if not url.startswith(("https://", "http://")):
        raise ValueError("HEALTH_ALERT_WEBHOOK_URL must be an http(s) URL")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above; the URL is the operator's setting
        url,
        data=json.dumps(payload, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT) as response:  # noqa: S310
        response.read()
