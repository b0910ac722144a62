"""The citizens' input roles: Wagtail groups made from code after every migrate, so a fresh database has them.

- "Kiểm duyệt ý kiến" moderates comments on drafts and sees the questions' queue;
- "Tiếp nhận hỏi đáp" receives questions and petitions, assigns them and drafts the answer pages (drafting a
  page also needs the editorial role "Biên tập viên"; publishing goes through the approval workflow).
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

MODERATORS = "Kiểm duyệt ý kiến"
QUESTION_HANDLERS = "Tiếp nhận hỏi đáp"
MODERATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("participation", "view_comment"),
    ("participation", "change_comment"),
    ("participation", "view_question"),
)
QUESTION_HANDLER_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("participation", "view_question"),
    ("participation", "change_question"),
)
GROUPS = {MODERATORS: MODERATOR_PERMISSIONS, QUESTION_HANDLERS: QUESTION_HANDLER_PERMISSIONS}


def setup_moderators(**kwargs) -> Group | None:
    """Each group holds exactly its permissions; running it twice changes nothing. Returns the moderators."""
    if kwargs.get("signal") is not None and "plan" not in kwargs:
        # post_migrate sent by ``flush`` (test databases between transactional tests), not by ``migrate``: the
        # rows come back from the test database's snapshot, and a group made here would collide with them.
        return None
    # post_migrate reaches this app before django.contrib.auth has made its permissions (app order): make them.
    for label in {app_label for permissions in GROUPS.values() for app_label, _codename in permissions}:
        create_permissions(apps.get_app_config(label), verbosity=0)
    groups = {}
    for name, codes in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in codes
            ]
        )
        groups[name] = group
    return groups[MODERATORS]
