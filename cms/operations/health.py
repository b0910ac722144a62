"""Health lines for the "Tình trạng hệ thống" admin page, ``/healthz?detail=1`` and the alerts.

A check is a function returning a ``HealthLine`` (or ``None`` when its feature is not set up, and then
nothing is shown). Checks are registered by key, in display order; a feature added later registers
its own in its ``AppConfig.ready()``::

    from cms.operations.health import AMBER, GREEN, RED, HealthLine, register

    @register("webhooks", _("Webhook"))
    def webhooks_check():
        failed = ...
        if failed:
            return HealthLine(RED, _("%(n)d lần gửi lỗi trong 24 giờ") % {"n": failed}, _("Kiểm tra địa chỉ nhận."))
        return HealthLine(GREEN, _("Không có lỗi trong 24 giờ"))
"""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

GREEN, AMBER, RED, OFF = "green", "amber", "red", "off"
STATUS_LABELS = {GREEN: _("Tốt"), AMBER: _("Cần chú ý"), RED: _("Hỏng"), OFF: _("Chưa cấu hình")}
STATUS_ORDER = {RED: 0, AMBER: 1, GREEN: 2, OFF: 3}


@dataclass
class HealthLine:
    status: str
    summary: str
    advice: str = ""
    key: str = ""
    label: str = ""

    @property
    def advice_html(self) -> str:
        return _with_code(self.advice)

    @property
    def summary_html(self) -> str:
        return _with_code(self.summary)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": str(self.label),
            "status": self.status,
            "summary": str(self.summary),
            "advice": str(self.advice),
        }


def _with_code(text) -> str:
    """``text`` escaped, with `commands` in <code>."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(str(text))))


_checks: dict[str, tuple[str, Callable[[], HealthLine | None]]] = {}


def register(key: str, label: str):
    """Decorator: add ``check`` under ``key`` with the Vietnamese ``label``; registering a key again replaces it."""

    def decorator(check):
        _checks[key] = (label, check)
        return check

    return decorator


def unregister(key: str):
    _checks.pop(key, None)


def run_checks() -> list[HealthLine]:
    """Every registered check, in order. A check that raises is itself a red line, never an error page."""
    lines = []
    for key, (label, check) in list(_checks.items()):
        try:
            line = check()
        except Exception as error:
            logger.exception("Health check %s failed", key)
            line = HealthLine(
                RED,
                _("Không kiểm tra được (%(error)s).") % {"error": error.__class__.__name__},
                _("Xem nhật ký máy chủ (log) để biết nguyên nhân."),
            )
        if line is None:
            continue
        line.key, line.label = key, label
        lines.append(line)
    return lines


def overall(lines: list[HealthLine]) -> str:
    """The worst status among the lines (``off`` lines do not count)."""
    statuses = [line.status for line in lines if line.status != OFF]
    return min(statuses, key=STATUS_ORDER.__getitem__, default=GREEN)
