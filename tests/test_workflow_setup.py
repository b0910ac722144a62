"""Roles and the "Duyệt tin bài" workflow come from code, idempotently, and stay editable in the admin."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowContentType, WorkflowPage

from cms.editorial import roles
from cms.editorial.workflow.models import NoSelfApprovalTask
from cms.editorial.workflow.setup import WORKFLOW_NAME
from home.models import BannerSlide
from tests import factories
from tests.workflow_helpers import as_user, make_staff

pytestmark = pytest.mark.django_db


def setup_twice():
    for _ in range(2):
        call_command("setup_roles", stdout=io.StringIO())


def test_setup_roles_creates_the_two_step_workflow_once(home):
    setup_twice()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    steps = [task.specific for task in workflow.tasks]
    assert [step.name for step in steps] == ["Thẩm định nội dung", "Lãnh đạo phê duyệt xuất bản"]
    assert all(isinstance(step, NoSelfApprovalTask) for step in steps)
    assert [list(step.groups.values_list("name", flat=True)) for step in steps] == [
        [roles.REVIEWERS.name],
        [roles.APPROVERS.name],
    ]
    assert NoSelfApprovalTask.objects.count() == 2
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_workflow_covers_news_directives_banner_slides_and_translations(home, news_index, directive_index):
    setup_twice()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    news = factories.NewsPageFactory(parent=news_index)
    directive = factories.DirectivePageFactory(parent=directive_index)
    assert news.get_workflow() == workflow
    assert directive.get_workflow() == workflow
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    assert WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(BannerSlide)).workflow == (
        workflow
    )
    # A translation of the home page made later (new locale) inherits the workflow from the root.
    english = Locale.objects.get_or_create(language_code="en")[0]
    english_news = news.copy_for_translation(english, copy_parents=True)
    assert english_news.get_workflow() == workflow


def test_no_role_holds_a_publish_or_delete_permission_even_on_an_old_database(home):
    approvers = Group.objects.create(name=roles.APPROVERS.name)
    approvers.permissions.add(Permission.objects.get(codename="publish_bannerslide"))
    GroupPagePermission.objects.create(
        group=approvers, page=home, permission=Permission.objects.get(codename="publish_page")
    )
    setup_twice()
    for role in roles.ROLES:
        group = Group.objects.get(name=role.name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        page_permissions = GroupPagePermission.objects.filter(group=group)
        codenames |= set(page_permissions.values_list("permission__codename", flat=True))
        assert not {"publish_page", "bulk_delete_page", "publish_bannerslide", "delete_bannerslide"} & codenames


def test_site_admin_can_edit_the_workflow_in_the_admin(client, home):
    staff = make_staff()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    response = as_user(client, staff.site_admin).get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]))
    assert response.status_code == 200
    assert "Thẩm định nội dung" in response.content.decode()
