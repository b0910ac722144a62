"""The "Webhook" line of the health page (registered in ``WebhooksConfig.ready()``)."""

import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from cms.operations.health import AMBER, GREEN, OFF, RED, HealthLine
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

DAY = datetime.timedelta(hours=24)
# A delivery waiting longer than this (first attempt not made) means no worker is sending.
BACKLOG_LATE = datetime.timedelta(minutes=10)
START_WORKER = gettext_noop("Chạy `manage.py run_scheduler` hoặc `manage.py send_webhooks` mỗi phút (cron).")


def webhooks_check() -> HealthLine:
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return HealthLine(OFF, _("Chưa có địa chỉ webhook nào đang hoạt động."))
    now = timezone.now()
    pending = Q(status=WebhookDelivery.Status.PENDING)
    # A failure stops counting once a resend of it got through, or its endpoint was switched off.
    resent = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.DELIVERED, resend_of__isnull=False)
    failed = Q(status=WebhookDelivery.Status.FAILED, last_attempt_at__gte=now - DAY, endpoint__active=True) & ~Q(
        pk__in=resent.values("resend_of")
    )
    numbers = WebhookDelivery.objects.aggregate(
        failed=Count("pk", filter=failed),
        retrying=Count("pk", filter=pending & Q(attempts__gt=0)),
        backlog=Count("pk", filter=pending),
        oldest=Min("created_at", filter=pending & Q(attempts=0)),
    )
    summary = " ".join(
        [
            ngettext(
                "%(count)d lần gửi thất bại trong 24 giờ.",
                "%(count)d lần gửi thất bại trong 24 giờ.",
                numbers["failed"],
            )
            % {"count": numbers["failed"]},
            ngettext("%(count)d lần gửi đang chờ", "%(count)d lần gửi đang chờ", numbers["backlog"])
            % {"count": numbers["backlog"]}
            + " "
            + _("(%(retrying)d đang thử lại).") % {"retrying": numbers["retrying"]},
        ]
    )
    if numbers["failed"]:
        return HealthLine(
            RED, summary, _("Kiểm tra địa chỉ nhận trong Nhật ký gửi webhook, sửa lỗi rồi bấm “Gửi lại”.")
        )
    if numbers["oldest"] is not None and now - numbers["oldest"] > BACKLOG_LATE:
        return HealthLine(AMBER, summary, _("Các lần gửi không được xử lý.") + " " + _(START_WORKER))
    if numbers["retrying"]:
        return HealthLine(AMBER, summary, _("Bên nhận đang trả lỗi; hệ thống sẽ tự thử lại."))
    return HealthLine(GREEN, summary)
