"""Webhook endpoints (where to send) and deliveries (the queue and its log)."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.webhooks.events import EVENT_CHOICES


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver URL, its signing secret and the events it wants."""

    # Not content: Wagtail's usage index would otherwise track it (and every delivery) once the admin's
    # view sets register the models, costing queries on each queued event and each pruned row.
    wagtail_reference_index_ignore = True

    url = models.URLField(_("Địa chỉ nhận (URL)"), max_length=500)
    secret = models.CharField(
        _("Khóa ký"),
        max_length=200,
        default=new_secret,
        help_text=_("Bên nhận dùng khóa này để kiểm tra chữ ký HMAC-SHA256 (tiêu đề X-Portal-Signature)."),
    )
    events = models.JSONField(_("Sự kiện"), default=list)
    description = models.CharField(_("Mô tả"), max_length=255, blank=True)
    active = models.BooleanField(_("Đang hoạt động"), default=True)
    # One portal's changes only, or (empty) every portal's: a commune's own app subscribes to its commune.
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Cổng thông tin"),
        help_text=_("Để trống: thay đổi của mọi cổng."),
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("Địa chỉ webhook")
        verbose_name_plural = _("Địa chỉ webhook")
        ordering = ["pk"]
        # One dedicated permission instead of add/change/delete/view: managing webhooks is one job.
        default_permissions = ()
        permissions = [("manage_webhooks", _("Quản lý webhook"))]

    def __str__(self):
        return self.description or self.url

    def events_display(self) -> str:
        labels = dict(EVENT_CHOICES)
        return ", ".join(str(labels.get(event, event)) for event in self.events)

    events_display.short_description = _("Sự kiện")


class WebhookDelivery(models.Model):
    """One event for one endpoint: queued on commit, sent by ``send_webhooks`` / ``run_scheduler``."""

    wagtail_reference_index_ignore = True  # see WebhookEndpoint

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ gửi")
        DELIVERED = "delivered", _("Đã gửi")
        FAILED = "failed", _("Thất bại")

    uid = models.UUIDField(_("Mã lần gửi"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("Địa chỉ webhook")
    )
    event = models.CharField(_("Sự kiện"), max_length=40, choices=EVENT_CHOICES)
    payload = models.JSONField(_("Nội dung"))
    status = models.CharField(_("Trạng thái"), max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("Số lần thử"), default=0)
    next_attempt_at = models.DateTimeField(_("Lần thử tiếp theo"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("Lần thử cuối"), null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(_("Mã phản hồi"), null=True, blank=True)
    error = models.CharField(_("Lỗi"), max_length=300, blank=True)
    resend_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Gửi lại của")
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("Lần gửi webhook")
        verbose_name_plural = _("Nhật ký gửi webhook")
        ordering = ["-pk"]
        default_permissions = ()
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due"),
            # The periodic prune (sender.prune) finds old rows by age.
            models.Index(fields=["created_at"], name="webhook_delivery_created"),
        ]

    def __str__(self):
        return f"{self.event} → {self.endpoint.url} ({self.uid})"
