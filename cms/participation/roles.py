"""The citizens' input roles: Wagtail groups made from code after every migrate, so a fresh database has them.

- "Kiểm duyệt ý kiến" moderates comments on drafts and sees the questions' queue;
- "Tiếp nhận hỏi đáp" receives questions and petitions, assigns them and drafts the answer pages (drafting a
  page also needs the editorial role "Biên tập viên"; publishing goes through the approval workflow).

``sees_contact`` is the one rule for who sees a citizen's name and contact details in the admin (the forms,
the listings' search, the exports and the questions' attachments): superusers, the moderators, and the officer a
question is assigned to.
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


def is_moderator(user) -> bool:
    """A superuser or a member of the moderators' group (asked once per user object)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_participation_moderator", None)
    if cached is None:
        cached = user.groups.filter(name=MODERATORS).exists()
        user._participation_moderator = cached
    return cached


def sees_contact(user, item) -> bool:
    """Whether ``user`` may see the name and contact details of the citizen who sent ``item`` (a comment or a
    question): the moderators and superusers always, the officer a question is assigned to; nobody else."""
    if not (user.is_authenticated and user.is_active):
        return False
    assigned_to = getattr(item, "assigned_to_id", None)
    return (assigned_to is not None and assigned_to == user.pk) or is_moderator(user)
