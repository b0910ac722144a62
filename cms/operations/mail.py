"""Failed notification e-mails, recorded for the health page.

Wagtail sends workflow notifications itself and never raises on failure: it logs "Failed to send
notification email …" or "Mail connection error …" on the ``wagtail.admin`` logger (wagtail/admin/mail.py).
This logging handler (settings/base.py, LOGGING) turns those log records into ``mail_failure`` records.
"""

import logging

WAGTAIL_FAILURE_MESSAGES = ("Failed to send notification email", "Mail connection error")


class NotificationFailureHandler(logging.Handler):
    def emit(self, record: logging.LogRecord):
        if not isinstance(record.msg, str) or not record.msg.startswith(WAGTAIL_FAILURE_MESSAGES):
            return
        try:
            from cms.operations import records  # models: not importable while logging is configured

            error = record.exc_info[1] if record.exc_info else None
            records.record(
                records.MAIL_FAILURE,
                ok=False,
                message=record.getMessage()[:300],
                error=f"{error.__class__.__name__}: {error}"[:300] if error else "",
            )
        except Exception:  # noqa: BLE001 - logging must never raise into the caller
            self.handleError(record)
