from django.contrib.auth.models import Permission
from wagtail import hooks

from cms.webhooks.permissions import MANAGE
from cms.webhooks.viewsets import WebhookViewSetGroup


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return WebhookViewSetGroup()


@hooks.register("register_permissions")
def webhook_permissions():
    return Permission.objects.filter(content_type__app_label="webhooks", codename=MANAGE)
