"""Approving and requesting changes from the edit page's action menu and from the dashboard, pages and snippets.

Wagtail saves the edit form before a workflow action taken from the edit page; authorship is judged on content,
so a reviewer who changed nothing decides as from the dashboard, and one who changed the text is told to save
and resubmit (a colleague then decides).
"""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from tests import factories
from tests.workflow_helpers import (
    as_user,
    edit_page,
    edit_snippet,
    page_form,
    page_workflow_action,
    snippet_form,
    snippet_url,
    snippet_workflow_action,
)

pytestmark = pytest.mark.django_db

REFUSAL = "Bạn đã sửa nội dung này nên không thể tự phê duyệt; hãy lưu và gửi duyệt lại"
STEPS = ("Thẩm định nội dung", "Lãnh đạo phê duyệt xuất bản")


def submitted_by_editor(client, staff, obj, edit):
    """``obj`` drafted by the editor and submitted from its edit view (``edit_page`` or ``edit_snippet``)."""
    obj.save_revision(user=staff.editor)
    assert edit(as_user(client, staff.editor), obj, "submit").status_code == 302
    obj.refresh_from_db()
    return obj


def post_workflow_action(client, url: str, form: dict, action: str, comment: str, changes: dict, **headers):
    """What an edit view's action menu posts: the whole form plus the chosen workflow action."""
    data = {**form, **changes, "action-workflow-action": "true", "workflow-action-name": action}
    data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return client.post(url, data, **headers)


@pytest.fixture
def submitted(client, staff, news_index):
    page = factories.NewsPageFactory(
        parent=news_index, live=False, owner=staff.editor, title="Mộc Châu đón khách", slug="moc-chau-don-khach"
    )
    return submitted_by_editor(client, staff, page, edit_page)


def action_from_edit_page(client, page, action: str, comment: str = "", **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return post_workflow_action(client, url, page_form(client, page), action, comment, changes)


def step(page) -> str | None:
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.name if task else None


def texts(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_reviewer_then_approver_approve_from_the_edit_page_and_the_article_goes_live(client, staff, submitted):
    revisions = submitted.revisions.count()
    response = action_from_edit_page(as_user(client, staff.reviewer), submitted, "approve", "Đạt yêu cầu")
    assert response.status_code == 302
    assert step(submitted) == STEPS[1]
    assert submitted.revisions.count() == revisions  # no revision in the reviewer's name
    assert submitted.current_workflow_state.task_states.get(task__name=STEPS[0]).comment == "Đạt yêu cầu"

    response = action_from_edit_page(as_user(client, staff.approver), submitted, "approve")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live and not submitted.workflow_in_progress
    assert submitted.revisions.count() == revisions
    published = [text for text in texts(response) if "Đã phê duyệt và xuất bản" in text]
    assert published and "Mộc Châu đón khách" in published[0] and submitted.full_url in published[0]


def test_reviewer_who_changed_the_text_is_told_to_save_and_resubmit(client, staff, submitted):
    revisions = submitted.revisions.count()
    reviewer = as_user(client, staff.reviewer)
    response = action_from_edit_page(reviewer, submitted, "approve", title="Mộc Châu đón khách du lịch")
    assert response.status_code == 200  # the edit page again, with the reviewer's text kept in the form
    assert REFUSAL in texts(response)
    assert "Mộc Châu đón khách du lịch" in response.content.decode()
    assert step(submitted) == STEPS[0]
    assert submitted.revisions.count() == revisions
    assert submitted.get_latest_revision_as_object().title == "Mộc Châu đón khách"

    response = action_from_edit_page(reviewer, submitted, "reject", "Sửa tiêu đề", title="Tiêu đề khác")
    assert REFUSAL in texts(response)
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_reviewers_saved_edit_needs_a_colleagues_decision(client, staff, submitted):
    """The decision documented in the README: a reviewer's own edit does not pass their step."""
    from cms.editorial import roles
    from tests.workflow_helpers import make_user

    reviewer = as_user(client, staff.reviewer)
    assert edit_page(reviewer, submitted, title="Mộc Châu đón khách du lịch").status_code == 302
    action_from_edit_page(reviewer, submitted, "approve")
    assert step(submitted) == STEPS[0]
    colleague = as_user(client, make_user("reviewer2", roles.REVIEWERS.name))
    assert action_from_edit_page(colleague, submitted, "approve").status_code == 302
    # WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: that approval was of the submitted revision; the step
    # restarts on the reviewer's edit, which the colleague approves in turn.
    assert step(submitted) == STEPS[0]
    assert action_from_edit_page(colleague, submitted, "approve").status_code == 302
    assert step(submitted) == STEPS[1]


def test_reviewer_requests_changes_from_the_edit_page_and_the_editor_sees_the_comment(client, staff, submitted):
    revisions = submitted.revisions.count()
    response = action_from_edit_page(as_user(client, staff.reviewer), submitted, "reject", "Thiếu nguồn tin")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert submitted.revisions.count() == revisions
    editor_view = as_user(client, staff.editor).get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert "Thiếu nguồn tin" in editor_view.content.decode()


def test_approval_from_the_dashboard_names_the_published_article_and_its_address(client, staff, submitted):
    page_workflow_action(as_user(client, staff.reviewer), submitted, "approve")
    response = page_workflow_action(as_user(client, staff.approver), submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.live
    published = [text for text in texts(response) if "Đã phê duyệt và xuất bản" in text]
    assert published and submitted.full_url in published[0]
    # The message waits for the next screen (the dashboard) instead of vanishing with the modal.
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert submitted.full_url in dashboard.content.decode()


def test_first_step_approval_announces_no_publication(client, staff, submitted):
    response = page_workflow_action(as_user(client, staff.reviewer), submitted, "approve")
    assert not [text for text in texts(response) if "Đã phê duyệt và xuất bản" in text]


@pytest.fixture
def submitted_slide(client, staff):
    slide = factories.BannerSlideFactory(live=False, title="Banner Mộc Châu")
    return submitted_by_editor(client, staff, slide, edit_snippet)


def snippet_action_from_edit_page(client, slide, action: str, comment: str = "", **changes):
    url = snippet_url("edit", slide.pk)
    return post_workflow_action(client, url, snippet_form(client, slide), action, comment, changes)


def test_banner_slide_is_approved_from_its_edit_page_without_a_stray_revision(client, staff, submitted_slide):
    revisions = submitted_slide.revisions.count()
    response = snippet_action_from_edit_page(as_user(client, staff.reviewer), submitted_slide, "approve")
    assert response.status_code == 302
    assert step(submitted_slide) == STEPS[1]
    response = snippet_action_from_edit_page(as_user(client, staff.approver), submitted_slide, "approve")
    assert response.status_code == 302
    submitted_slide.refresh_from_db()
    assert submitted_slide.live
    assert submitted_slide.revisions.count() == revisions
    assert [text for text in texts(response) if "Đã phê duyệt và xuất bản" in text]


def test_banner_slide_reviewer_who_changed_it_is_told_to_save_and_resubmit(client, staff, submitted_slide):
    revisions = submitted_slide.revisions.count()
    response = snippet_action_from_edit_page(
        as_user(client, staff.reviewer), submitted_slide, "approve", title="Banner đã sửa"
    )
    assert response.status_code == 200
    assert any(REFUSAL in text for text in texts(response))
    assert step(submitted_slide) == STEPS[0]
    assert submitted_slide.revisions.count() == revisions


def test_banner_slide_changes_requested_from_the_dashboard(client, staff, submitted_slide):
    snippet_workflow_action(as_user(client, staff.reviewer), submitted_slide, "reject", "Ảnh mờ")
    submitted_slide.refresh_from_db()
    assert submitted_slide.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_autosave_of_an_unchanged_form_leaves_no_revision(client, staff, submitted):
    """Opening an item can make the browser's copy of the form differ (widgets); autosave then saves nothing."""
    revisions = submitted.revisions.count()
    reviewer = as_user(client, staff.reviewer)
    data = page_form(reviewer, submitted)
    url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    response = reviewer.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"]
    assert submitted.revisions.count() == revisions
    data["title"] = "Mộc Châu đón khách du lịch"
    assert reviewer.post(url, data, HTTP_ACCEPT="application/json").json()["success"]
    assert submitted.revisions.count() == revisions + 1


def test_autosave_posting_the_workflow_action_form_decides_nothing(client, staff, submitted, submitted_slide):
    """Wagtail's workflow action script submits the edit form without a native submit event, so autosave posts
    the same form, the action's hidden inputs included, while the real submission runs; only the latter decides."""
    reviewer = as_user(client, staff.reviewer)
    autosave = {"HTTP_ACCEPT": "application/json"}
    for item, url, form in (
        (submitted, reverse("wagtailadmin_pages:edit", args=[submitted.pk]), page_form),
        (submitted_slide, snippet_url("edit", submitted_slide.pk), snippet_form),
    ):
        revisions = item.revisions.count()
        data = form(reviewer, item)
        twin = post_workflow_action(reviewer, url, data, "approve", "Đạt yêu cầu", {}, **autosave)
        assert twin.status_code == 200 and twin.json()["success"], twin.content[:300]
        assert step(item) == STEPS[0]
        real = post_workflow_action(reviewer, url, data, "approve", "Đạt yêu cầu", {})
        assert real.status_code == 302, real.content[:300]
        assert step(item) == STEPS[1], (real.url, texts(real))
        # The copy that arrives after the decision decides nothing either.
        assert post_workflow_action(reviewer, url, data, "approve", "", {}, **autosave).status_code < 500
        assert step(item) == STEPS[1]
        assert item.revisions.count() == revisions
