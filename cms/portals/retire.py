"""Retiring a portal in two steps, neither of which deletes content.

Read-only: the portal stays online; its groups keep their members but lose every page permission and
the right to add or change images and documents, so nothing can be edited or submitted. Archived: also
offline: its Site is deleted (no host serves it), its homes get a login restriction (so no public channel
lists its pages: cms.core.visibility hides restricted trees) and its groups lose admin access. The pages,
revisions, media and the Portal row stay; re-creating the site with create_portal brings it back.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PageViewRestriction

from cms.editorial.roles import COLLECTION_APPS
from cms.portals.models import Portal
from cms.portals.provision import PORTAL_ROLES, scoped_name


def _portal(hostname: str, port: int) -> Portal:
    portal = Portal.objects.filter(hostname=hostname, port=port).first()
    if portal is None:
        raise ValidationError(f"No portal has the host name {hostname}:{port} (see list_portals).")
    return portal


def portal_groups(portal: Portal):
    return Group.objects.filter(name__in=[scoped_name(role.name, portal.name) for role in PORTAL_ROLES])


@transaction.atomic
def make_read_only(hostname: str, port: int = 80) -> tuple[Portal, list[str]]:
    portal = _portal(hostname, port)
    changes = []
    groups = portal_groups(portal)
    deleted, _kinds = GroupPagePermission.objects.filter(group__in=groups).delete()
    if deleted:
        changes.append(f"{deleted} page permissions")
    editing = GroupCollectionPermission.objects.filter(group__in=groups, permission__codename__regex=r"^(add|change)_")
    deleted, _kinds = editing.delete()
    if deleted:
        changes.append(f"{deleted} image and document permissions")
    if portal.status == Portal.Status.ACTIVE:
        portal.status = Portal.Status.READ_ONLY
        portal.save(update_fields=["status"])
    return portal, changes


@transaction.atomic
def archive(hostname: str, port: int = 80) -> tuple[Portal, list[str]]:
    portal, changes = make_read_only(hostname, port)
    for group in portal_groups(portal):
        removable = group.permissions.exclude(content_type__app_label__in=COLLECTION_APPS)
        if removable.exists():
            group.permissions.clear()
            changes.append(f"{group.name}: admin access")
    for home in portal.home.get_translations(inclusive=True):
        if not PageViewRestriction.objects.filter(page=home).exists():
            PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
            changes.append(f"{home.title} ({home.locale.language_code}): hidden from the public")
    if portal.site_id is not None:
        portal.site.delete()
        changes.append(f"site {portal.hostname}:{portal.port}")
    if portal.status != Portal.Status.ARCHIVED:
        Portal.objects.filter(pk=portal.pk).update(status=Portal.Status.ARCHIVED, site=None)
        portal.refresh_from_db()
    return portal, changes
