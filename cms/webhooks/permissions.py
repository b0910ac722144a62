"""One permission, ``webhooks.manage_webhooks``, for everything about webhooks in the admin."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

MANAGE = "manage_webhooks"


class ManageWebhooksPolicy(BaseDjangoAuthPermissionPolicy):
    """Holders of the permission may do ``actions``; nobody may do anything else (e.g. edit the log)."""

    def __init__(self, model, actions=("add", "change", "delete", "view")):
        super().__init__(model, auth_model="webhooks.WebhookEndpoint")
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and user.has_perm(f"webhooks.{MANAGE}")

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([MANAGE])
