"""Wagtail's default "Moderators" and "Editors" groups must not offer a way around the review workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from cms.editorial.roles import setup_roles
from tests.security.conftest import make_user

pytestmark = pytest.mark.django_db


def test_fresh_database_has_wagtails_default_groups_with_publish_on_root(db):
    """The premise: Wagtail's migrations grant "Moderators" publish on the root page."""
    moderators = Group.objects.get(name="Moderators")
    assert GroupPagePermission.objects.filter(group=moderators, permission__codename="publish_page").exists()


def test_setup_roles_deletes_empty_default_groups_and_is_idempotent(db):
    setup_roles()
    setup_roles()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()


def test_member_of_moderators_cannot_publish_after_setup_roles(db, sections):
    moderators = Group.objects.get(name="Moderators")
    member = make_user("cu-kiem-duyet", moderators, is_staff=True)
    setup_roles()
    setup_roles()
    moderators.refresh_from_db()  # kept: it has a member, but holds nothing
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()
    assert not moderators.permissions.exists()
    member = type(member).objects.get(pk=member.pk)
    page = Page.objects.get(depth=2)
    assert not page.permissions_for_user(member).can_publish()
    assert not member.has_perm("wagtailadmin.access_admin")
