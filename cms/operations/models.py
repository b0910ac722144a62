from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OperationRecord(models.Model):
    """One event an operator cares about: a scheduler run, a backup, a verification, a failed e-mail.

    ``kind`` is free text so that a feature added later records its own events (``webhook_failure``)
    without a migration here; ``cms.operations.records`` holds the kinds used today.
    """

    kind = models.CharField(_("Loại"), max_length=40)
    at = models.DateTimeField(_("Thời điểm"), default=timezone.now)
    ok = models.BooleanField(_("Thành công"), default=True)
    detail = models.JSONField(_("Chi tiết"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Bản ghi vận hành")
        verbose_name_plural = _("Bản ghi vận hành")
        indexes = [models.Index(fields=["kind", "-at"], name="operations_kind_at")]

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'failed'}"


class AlertState(models.Model):
    """The last status alerted on for one health line, so a red line sends one message, not one a minute."""

    key = models.CharField(max_length=60, unique=True)
    status = models.CharField(max_length=10)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Trạng thái cảnh báo")
        verbose_name_plural = _("Trạng thái cảnh báo")

    def __str__(self):
        return f"{self.key}: {self.status}"
