"""Editorial roles as Wagtail groups. Applied idempotently by ``manage.py setup_roles``.

Page permissions are granted on the site's home pages (every locale), so they cover
the news and directive sections below them.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


@dataclass(frozen=True)
class Role:
    name: str
    page_permissions: tuple[str, ...]
    model_permissions: tuple[str, ...] = field(default_factory=tuple)


_ADMIN_ACCESS = ("wagtailadmin.access_admin",)
_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
_SNIPPETS_EDIT = ("home.add_bannerslide", "home.change_bannerslide")

EDITORS = Role(
    name="Biên tập viên",
    page_permissions=("add_page", "change_page", "lock_page"),
    model_permissions=_ADMIN_ACCESS + _MEDIA + _SNIPPETS_EDIT,
)
REVIEWERS = Role(
    name="Thẩm định",
    page_permissions=("add_page", "change_page", "lock_page"),
    model_permissions=_ADMIN_ACCESS + _MEDIA + _SNIPPETS_EDIT,
)
APPROVERS = Role(
    name="Lãnh đạo phê duyệt",
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    model_permissions=_ADMIN_ACCESS + _MEDIA + _SNIPPETS_EDIT + ("home.publish_bannerslide",),
)
SITE_ADMINS = Role(
    name="Quản trị hệ thống",
    page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    model_permissions=_ADMIN_ACCESS
    + _MEDIA
    + _SNIPPETS_EDIT
    + (
        "home.publish_bannerslide",
        "home.delete_bannerslide",
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
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
    ),
)
ROLES = (EDITORS, REVIEWERS, APPROVERS, SITE_ADMINS)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or update every role's group; running it twice changes nothing."""
    home_pages = list(Page.objects.filter(depth=2))
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.add(*[_permission(name) for name in role.model_permissions])
        for name in role.model_permissions:
            # Images and documents are permitted per collection; group.permissions alone lets no one choose them.
            if name.startswith(("wagtailimages.", "wagtaildocs.")):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(name)
                )
        for page in home_pages:
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission(f"wagtailcore.{codename}")
                )
        groups[role.name] = group
    return groups
