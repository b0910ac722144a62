"""Reviewers decide from the edit page's action menu and from the dashboard, for articles and banner slides.

Autosave is on (Wagtail's default). Buttons are found by Wagtail's data attributes and form names, not labels.
"""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from cms.editorial import roles
from home.models import BannerSlide
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.browser.admin import (
    dashboard_action,
    decide_in_dialog,
    footer_button,
    log_in,
    open_footer_menu,
    workflow_action,
)
from tests.browser.conftest import DESKTOP, new_context
from tests.workflow_helpers import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COLLEAGUE_PASSWORD = "pw-123456789"  # tests.workflow_helpers.make_user's


def submitted_by_editor(instance):
    """Save ``instance`` as the demo editor's draft and start the workflow, as "Gửi duyệt" does."""
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor")
    instance.save_revision(user=editor)
    instance.get_workflow().start(instance, editor)
    instance.refresh_from_db()
    return instance


def article(title: str) -> NewsPage:
    """A draft in the province's news (the default site's, where the demo's "editor" works)."""
    from wagtail.models import Site

    index = NewsIndexPage.objects.child_of(Site.objects.get(is_default_site=True).root_page).get()
    return submitted_by_editor(factories.NewsPageFactory(parent=index, title=title, live=False))


def moderation_row(page, title: str):
    queue = page.locator("#awaiting-review-section")
    return queue.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))


def signed_in(browser, portal, username: str, password: str | None = None):
    page = new_context(browser, portal, DESKTOP).new_page()
    if password:
        log_in(page, username, password)
    else:
        log_in(page, username)
    return page


def test_changes_requested_from_the_edit_page_reach_the_editor_and_from_the_dashboard_too(
    browser, portal, screenshots
):
    news = article("Mộc Châu đón khách du lịch dịp Tết")
    revisions = news.revisions.count()
    make_user("reviewer2", roles.REVIEWERS.name)

    # Another reviewer opens the article and asks for changes from the edit page's action menu.
    colleague = signed_in(browser, portal, "reviewer2", COLLEAGUE_PASSWORD)
    moderation_row(colleague, news.title).get_by_role("link", name=news.title, exact=True).click()
    open_footer_menu(colleague)
    workflow_action(colleague, "reject", with_comment=True).click()
    decide_in_dialog(colleague, "Cần bổ sung nguồn tin và ảnh minh họa.")
    news.refresh_from_db()
    assert news.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert news.revisions.count() == revisions

    # The editor sees the comment on the article's edit page, fixes it and submits again.
    editor = signed_in(browser, portal, "editor")
    editor.goto(f"/admin/pages/{news.pk}/edit/")
    # The status panel says changes were requested; its workflow dialog shows the reviewer's comment.
    editor.locator("[data-side-panel-toggle='status']").click()
    editor.locator("[data-a11y-dialog-show='workflow-status-dialog']").click()
    dialog = editor.locator("#workflow-status-dialog")
    expect(dialog.get_by_text("Cần bổ sung nguồn tin và ảnh minh họa.").filter(visible=True).first).to_be_visible()
    screenshots(editor, "editor-sees-comment", full_page=False)
    editor.keyboard.press("Escape")
    editor.locator("textarea[name='lead'], input[name='lead']").first.fill("Có nguồn tin: Phòng Văn hóa.")
    open_footer_menu(editor)
    footer_button(editor, "action-submit").click()
    expect(editor).not_to_have_url(re.compile(r"/edit/"))
    news.refresh_from_db()
    assert news.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The demo reviewer asks for changes again, from the dashboard row this time.
    reviewer = signed_in(browser, portal, "reviewer")
    row = moderation_row(reviewer, news.title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    dashboard_action(row, "reject", with_comment=True).click()
    decide_in_dialog(reviewer, "Ảnh minh họa chưa đúng.")
    expect(moderation_row(reviewer, news.title)).to_have_count(0)
    news.refresh_from_db()
    assert news.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_banner_slide_is_approved_from_its_edit_page_then_the_dashboard_and_changes_are_requested(
    browser, portal, screenshots
):
    slide = submitted_by_editor(factories.BannerSlideFactory(title="Mộc Châu mùa hoa mận", live=False))
    other = submitted_by_editor(factories.BannerSlideFactory(title="Đồi chè Mộc Châu", live=False))
    revisions = slide.revisions.count()

    reviewer = signed_in(browser, portal, "reviewer")
    reviewer.goto(f"/admin/snippets/home/bannerslide/edit/{slide.pk}/")
    open_footer_menu(reviewer)
    workflow_action(reviewer, "approve").click()
    expect(reviewer).not_to_have_url(re.compile(rf"/edit/{slide.pk}/$"))
    slide.refresh_from_db()
    assert slide.current_workflow_task.name == "Lãnh đạo phê duyệt xuất bản"
    assert slide.revisions.count() == revisions

    # Request changes on another slide from its edit page.
    reviewer.goto(f"/admin/snippets/home/bannerslide/edit/{other.pk}/")
    open_footer_menu(reviewer)
    workflow_action(reviewer, "reject", with_comment=True).click()
    decide_in_dialog(reviewer, "Ảnh chưa đủ sáng.")
    other.refresh_from_db()
    assert other.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    approver = signed_in(browser, portal, "approver")
    row = moderation_row(approver, slide.title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    dashboard_action(row, "approve").click()
    expect(approver.get_by_role("status")).to_contain_text(slide.title)
    screenshots(approver, "approver-published-slide")
    assert BannerSlide.objects.get(pk=slide.pk).live
