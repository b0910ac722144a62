"""Editorial roles as Wagtail groups. Applied idempotently by ``manage.py setup_roles``.

Page permissions are granted on the site's home pages (every locale), so they cover
the news and directive sections below them. Nobody in these groups holds a publish
permission: content goes live only through the "Duyệt tin bài" workflow, whose final
approval publishes without one (see cms/editorial/workflow/). Unpublishing and deleting live
content is therefore left to superusers and to scheduled expiry (``expire_at``).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site


@dataclass(frozen=True)
class Role:
    name: str
    page_permissions: tuple[str, ...]
    model_permissions: tuple[str, ...] = field(default_factory=tuple)
    # Actions ("add", "change", ...) on every snippet model in settings.WORKFLOW_SNIPPET_MODELS.
    snippet_actions: tuple[str, ...] = field(default_factory=tuple)


_ADMIN_ACCESS = ("wagtailadmin.access_admin",)
_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
)
_CHOOSE_MEDIA = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# wagtail-localize's "Translate" and "Sync translated pages" actions; publishing still needs publish rights.
_TRANSLATE = ("wagtail_localize.submit_translation",)

# Editors draft and submit. Wagtail lets a page editor without "publish" delete only
# non-live pages, so live content cannot be deleted by them.
EDITORS = Role(
    name="Biên tập viên",
    page_permissions=("add_page", "change_page", "lock_page"),
    model_permissions=_ADMIN_ACCESS + _MEDIA + _TRANSLATE,
    snippet_actions=("add", "change"),
)
# Reviewers check and may correct wording while an item is on their step.
REVIEWERS = Role(
    name="Thẩm định",
    page_permissions=("change_page", "lock_page"),
    model_permissions=_ADMIN_ACCESS + _CHOOSE_MEDIA + _TRANSLATE,
    snippet_actions=("change",),
)
# Approvers publish by approving the last step; a publish permission would let them skip review.
APPROVERS = Role(
    name="Lãnh đạo phê duyệt",
    page_permissions=("change_page", "lock_page", "unlock_page"),
    model_permissions=_ADMIN_ACCESS + _CHOOSE_MEDIA + _TRANSLATE,
    snippet_actions=("change",),
)
# Site administrators run the portal (users, workflows, locales, settings), not its content.
SITE_ADMINS = Role(
    name="Quản trị hệ thống",
    page_permissions=("add_page", "change_page", "lock_page", "unlock_page"),
    model_permissions=_ADMIN_ACCESS
    + _MEDIA
    + _TRANSLATE
    + (
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
        "wagtailmedia.delete_media",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailcore.add_locale",
        "wagtailcore.change_locale",
        "cms.change_portalsettings",
        # Search abbreviations and synonyms (search.SearchSynonym).
        "portal_search.add_searchsynonym",
        "portal_search.change_searchsynonym",
        "portal_search.delete_searchsynonym",
        # Webhook endpoints and their delivery log (cms/webhooks).
        "webhooks.manage_webhooks",
    ),
    snippet_actions=("add", "change"),
)
ROLES = (EDITORS, REVIEWERS, APPROVERS, SITE_ADMINS)
# Groups Wagtail's initial migrations create. "Moderators" may publish anywhere, which would skip review.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
COLLECTION_APPS = {"wagtailimages", "wagtaildocs", "wagtailmedia"}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def snippet_permissions(role: Role) -> list[str]:
    models = [apps.get_model(label) for label in settings.WORKFLOW_SNIPPET_MODELS]
    return [f"{m._meta.app_label}.{action}_{m._meta.model_name}" for m in models for action in role.snippet_actions]


def installation_home_pages():
    """Home pages the installation-wide groups and workflow cover: every one except other portals' homes.

    A portal made by ``create_portal`` (cms.portals) has its own groups and workflow; the default site's
    (the province's) homes, and any home no site points to, stay with the installation-wide ones.
    """
    default_keys = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    other_keys = (
        Site.objects.filter(is_default_site=False)
        .exclude(root_page__translation_key__in=default_keys)
        .values("root_page__translation_key")
    )
    return Page.objects.filter(depth=2).exclude(translation_key__in=other_keys)


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Make every role's group hold exactly its permissions; running it twice changes nothing."""
    home_pages = list(installation_home_pages())
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        names = [*role.model_permissions, *snippet_permissions(role)]
        # set(), not add(): a permission dropped from a role (e.g. publish) is revoked on old databases too.
        group.permissions.set([_permission(name) for name in names])
        GroupPagePermission.objects.filter(group=group, page__in=home_pages).exclude(
            permission__codename__in=role.page_permissions
        ).delete()
        # Wagtail checks image and document permissions per collection, never on the group itself.
        for name in role.model_permissions:
            if name.split(".")[0] in COLLECTION_APPS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(name)
                )
        for page in home_pages:
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission(f"wagtailcore.{codename}")
                )
        groups[role.name] = group
    neutralise_default_groups()
    return groups


def neutralise_default_groups() -> None:
    """Strip Wagtail's default groups of every permission; delete them when nobody is a member.

    A member left in one keeps the account but loses admin access until given a role above.
    """
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        if not group.user_set.exists():
            group.delete()
