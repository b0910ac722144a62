"""The permission matrix per role, exercised through the admin views (not model methods)."""

import pytest
from django.urls import reverse

from home.models import BannerSlide
from news.models import NewsPage
from tests import factories
from tests.test_workflow_approval import refused
from tests.workflow_helpers import (
    as_user,
    edit_page,
    edit_snippet,
    page_workflow_action,
    snippet_url,
)

pytestmark = pytest.mark.django_db

ROLES = ["editor", "reviewer", "approver", "site_admin"]


@pytest.fixture
def live_page(news_index):
    return factories.NewsPageFactory(parent=news_index, title="Tin đã đăng")


@pytest.fixture
def draft(staff, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor, title="Tin nháp")
    page.save_revision(user=staff.editor)
    return page


@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_open_a_live_article_in_the_editor(client, staff, live_page, role):
    response = as_user(client, getattr(staff, role)).get(reverse("wagtailadmin_pages:edit", args=[live_page.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("reviewer", False), ("approver", False)])
def test_only_editors_create_articles(client, staff, news_index, role, allowed):
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    response = as_user(client, getattr(staff, role)).get(url)
    assert (response.status_code == 200) is allowed


def test_editor_can_submit_a_draft_for_review(client, staff, draft):
    edit_page(as_user(client, staff.editor), draft, "submit")
    draft.refresh_from_db()
    assert draft.workflow_in_progress


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_publish_directly(client, staff, draft, role):
    edit_page(as_user(client, getattr(staff, role)), draft, "publish")
    draft.refresh_from_db()
    assert not draft.live


def test_superuser_can_publish_directly(client, staff, draft):
    edit_page(as_user(client, staff.superuser), draft, "publish")
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_unpublish_live_content(client, staff, live_page, role):
    response = as_user(client, getattr(staff, role)).post(reverse("wagtailadmin_pages:unpublish", args=[live_page.pk]))
    assert refused(response)
    live_page.refresh_from_db()
    assert live_page.live


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_delete_live_content(client, staff, live_page, role):
    response = as_user(client, getattr(staff, role)).post(reverse("wagtailadmin_pages:delete", args=[live_page.pk]))
    assert refused(response)
    assert NewsPage.objects.filter(pk=live_page.pk).exists()


def test_editor_can_delete_own_unpublished_draft(client, staff, draft):
    as_user(client, staff.editor).post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not NewsPage.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize(
    ("role", "step", "allowed"),
    [
        ("editor", 1, False),
        ("reviewer", 1, True),
        ("approver", 1, False),
        ("site_admin", 1, False),
        ("editor", 2, False),
        ("reviewer", 2, False),
        ("approver", 2, True),
        ("site_admin", 2, False),
    ],
)
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_who_can_approve_or_reject_each_step(client, staff, draft, role, step, allowed, action):
    edit_page(as_user(client, staff.editor), draft, "submit")
    if step == 2:
        page_workflow_action(as_user(client, staff.reviewer), draft, "approve")
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state

    response = page_workflow_action(as_user(client, getattr(staff, role)), draft, action, "ý kiến")
    assert refused(response) is not allowed
    task_state.refresh_from_db()
    assert (task_state.status != "in_progress") is allowed


def test_editor_can_create_and_edit_banner_slides_but_not_publish_unpublish_or_delete(client, staff):
    editor = as_user(client, staff.editor)
    assert editor.get(snippet_url("add")).status_code == 200

    draft = factories.BannerSlideFactory(live=False)
    draft.save_revision(user=staff.editor)
    edit_snippet(editor, draft, "publish", title="Banner tự đăng")
    draft.refresh_from_db()
    assert not draft.live

    live = factories.BannerSlideFactory()
    live.save_revision().publish()
    assert refused(editor.post(snippet_url("unpublish", live.pk)))
    assert refused(editor.post(snippet_url("delete", live.pk)))
    live.refresh_from_db()
    assert live.live


@pytest.mark.parametrize("role", ["reviewer", "approver", "site_admin"])
def test_other_roles_cannot_publish_or_delete_banner_slides(client, staff, role):
    user = as_user(client, getattr(staff, role))
    draft = factories.BannerSlideFactory(live=False)
    draft.save_revision(user=staff.editor)
    edit_snippet(user, draft, "publish")
    draft.refresh_from_db()
    assert not draft.live
    assert refused(user.post(snippet_url("delete", draft.pk)))
    assert BannerSlide.objects.filter(pk=draft.pk).exists()
