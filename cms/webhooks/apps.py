from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Signed notifications to front ends when content changes (docs/webhooks-and-preview.md)."""

    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = _("Webhook")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from cms.operations import jobs
        from cms.operations.health import register
        from cms.webhooks import health, sender, triggers
        from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
        from cms.webhooks.permissions import ManageWebhooksPolicy

        register_permission_policy(WebhookEndpoint, ManageWebhooksPolicy(WebhookEndpoint))
        # The log is read and resent, never edited by hand.
        register_permission_policy(WebhookDelivery, ManageWebhooksPolicy(WebhookDelivery, actions=("view", "resend")))
        triggers.connect()
        register("webhooks", _("Webhook"))(health.webhooks_check)
        jobs.register("webhooks", sender.send_due)
        jobs.register("webhooks-prune", sender.prune)
