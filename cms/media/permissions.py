"""Deleting an image or document needs the delete permission itself.

Wagtail's ``CollectionOwnershipPermissionPolicy`` treats "delete" as "change" (and lets an uploader change
their own files), so every editor could delete the attachment of a live directive. Here "delete" needs a
``delete_image``/``delete_document`` collection permission, which only site administrators hold
(cms/editorial/roles.py); every other action is Wagtail's.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

DELETE = "delete"


class DeleteNeedsPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == DELETE:
            return self._check_perm(user, [DELETE])
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        others = [action for action in actions if action != DELETE]
        users = super().users_with_any_permission(others) if others else get_user_model().objects.none()
        if DELETE in actions:
            users = users | self._users_with_perm([DELETE])
        return users.distinct()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if DELETE in actions and self._check_perm(user, [DELETE], collection=instance.collection):
            return True
        others = [action for action in actions if action != DELETE]
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if user.is_active and user.is_superuser:
            return self.model._default_manager.all()
        others = [action for action in actions if action != DELETE]
        instances = super().instances_user_has_any_permission_for(user, others) if others else self.model.objects.none()
        if DELETE in actions:
            deletable = self.model._default_manager.filter(
                collection__in=list(self._collections_with_perm(user, [DELETE]))
            )
            instances = instances | deletable
        return instances

    def users_with_any_permission_for_instance(self, actions, instance):
        others = [action for action in actions if action != DELETE]
        users = (
            super().users_with_any_permission_for_instance(others, instance)
            if others
            else get_user_model().objects.none()
        )
        if DELETE in actions:
            users = users | self._users_with_perm([DELETE], collection=instance.collection)
        return users.distinct()
