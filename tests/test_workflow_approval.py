"""The "Duyệt tin bài" workflow through the admin: two steps, no self-approval, rejection, re-approval, audit trail."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from cms.editorial import roles
from tests import factories
from tests.workflow_helpers import (
    as_user,
    edit_page,
    edit_snippet,
    make_user,
    page_workflow_action,
    snippet_workflow_action,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(staff, news_index):
    """A never-published news article drafted by the editor."""
    page = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor, title="Tin nháp")
    page.save_revision(user=staff.editor)
    return page


def submit(client, staff, page):
    response = edit_page(as_user(client, staff.editor), page, "submit")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page


def current_step(page) -> str:
    page.refresh_from_db()
    return page.current_workflow_task.name


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_news_article_goes_live_only_after_review_then_approval(client, staff, draft):
    submit(client, staff, draft)
    assert current_step(draft) == "Thẩm định nội dung"

    # The approver cannot jump the review step.
    assert refused(page_workflow_action(as_user(client, staff.approver), draft, "approve"))
    assert current_step(draft) == "Thẩm định nội dung"

    page_workflow_action(as_user(client, staff.reviewer), draft, "approve", "Nội dung chính xác")
    assert current_step(draft) == "Lãnh đạo phê duyệt xuất bản"
    draft.refresh_from_db()
    assert not draft.live

    # The reviewer cannot approve the leader's step.
    assert refused(page_workflow_action(as_user(client, staff.reviewer), draft, "approve"))

    page_workflow_action(as_user(client, staff.approver), draft, "approve", "Đồng ý đăng")
    draft.refresh_from_db()
    assert draft.live
    assert not draft.workflow_in_progress
    publish = PageLogEntry.objects.get(page=draft, action="wagtail.publish")
    assert publish.user == staff.approver


def test_submitter_in_the_reviewer_group_cannot_approve_or_reject_own_article(client, staff, draft):
    staff.editor.groups.add(Group.objects.get(name=roles.REVIEWERS.name))
    submit(client, staff, draft)

    editor = as_user(client, staff.editor)
    assert refused(page_workflow_action(editor, draft, "approve"))
    assert refused(page_workflow_action(editor, draft, "reject", "tự từ chối"))
    assert current_step(draft) == "Thẩm định nội dung"
    # No approve button in the editor, and nothing in the review queue; a colleague has both.
    approve_url = f"/{draft.pk}/approve/"
    assert approve_url not in editor.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert not TaskState.objects.reviewable_by(staff.editor).exists()
    reviewer = as_user(client, staff.reviewer)
    assert approve_url in reviewer.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert TaskState.objects.reviewable_by(staff.reviewer).count() == 1


def test_reviewer_who_rewrote_the_article_cannot_approve_it_but_a_colleague_can(client, staff, draft):
    submit(client, staff, draft)
    edit_page(as_user(client, staff.reviewer), draft, title="Tin nháp đã sửa")
    assert refused(page_workflow_action(as_user(client, staff.reviewer), draft, "approve"))

    colleague = make_user("reviewer2", roles.REVIEWERS.name)
    page_workflow_action(as_user(client, colleague), draft, "approve")
    # WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: the approval was on the submitted revision,
    # so the step restarts on the edited one and the colleague confirms it.
    assert current_step(draft) == "Thẩm định nội dung"
    page_workflow_action(as_user(client, colleague), draft, "approve")
    assert current_step(draft) == "Lãnh đạo phê duyệt xuất bản"


def test_superuser_cannot_approve_own_submission(client, staff, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False)
    page.save_revision(user=staff.superuser)
    edit_page(as_user(client, staff.superuser), page, "submit")
    assert refused(page_workflow_action(client, page, "approve"))
    assert current_step(page) == "Thẩm định nội dung"


@override_settings(WORKFLOW_ALLOW_SUPERUSER_SELF_APPROVAL=True)
def test_superuser_may_approve_own_submission_when_the_setting_allows(client, staff, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False)
    page.save_revision(user=staff.superuser)
    edit_page(as_user(client, staff.superuser), page, "submit")
    page_workflow_action(client, page, "approve")
    assert current_step(page) == "Lãnh đạo phê duyệt xuất bản"


def test_rejection_returns_to_editor_with_comment_and_resubmission_restarts_the_step(client, staff, draft):
    submit(client, staff, draft)
    page_workflow_action(as_user(client, staff.reviewer), draft, "reject", "Thiếu nguồn tin")
    draft.refresh_from_db()
    state = draft.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Thiếu nguồn tin"

    # The editor can edit again, sees the comment, and resubmits.
    editor = as_user(client, staff.editor)
    assert "Thiếu nguồn tin" in editor.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    edit_page(editor, draft, "submit", author="Phòng Văn hóa")
    draft.refresh_from_db()
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current_step(draft) == "Thẩm định nội dung"
    assert draft.get_latest_revision_as_object().author == "Phòng Văn hóa"


def test_an_edit_during_the_approval_step_sends_the_article_back_to_review(client, staff, draft):
    submit(client, staff, draft)
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve")
    # The approver rewrites the article on their step, then approves: review must look again.
    edit_page(as_user(client, staff.approver), draft, title="Tin đã sửa bởi lãnh đạo")
    assert refused(page_workflow_action(as_user(client, staff.approver), draft, "approve"))
    other_approver = make_user("approver2", roles.APPROVERS.name)
    page_workflow_action(as_user(client, other_approver), draft, "approve")
    assert current_step(draft) == "Thẩm định nội dung"
    draft.refresh_from_db()
    assert not draft.live


def test_an_edit_after_publication_stays_a_draft_until_approved_again(client, staff, draft):
    submit(client, staff, draft)
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve")
    page_workflow_action(as_user(client, staff.approver), draft, "approve")

    edit_page(as_user(client, staff.editor), draft, "submit", title="Tin đã cập nhật")
    draft.refresh_from_db()
    assert draft.title == "Tin nháp"
    assert draft.has_unpublished_changes
    assert current_step(draft) == "Thẩm định nội dung"
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve")
    page_workflow_action(as_user(client, staff.approver), draft, "approve")
    draft.refresh_from_db()
    assert draft.title == "Tin đã cập nhật"


def test_history_shows_submit_review_approval_rejection_and_publish_with_comments(client, staff, draft):
    submit(client, staff, draft)
    page_workflow_action(as_user(client, staff.reviewer), draft, "reject", "Cần sửa tiêu đề")
    edit_page(as_user(client, staff.editor), draft, "submit", title="Tin nháp sửa")
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve", "Đạt yêu cầu")
    page_workflow_action(as_user(client, staff.approver), draft, "approve", "Cho phép đăng")

    actions = set(PageLogEntry.objects.filter(page=draft).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.reject", "wagtail.workflow.resume"} <= actions
    assert {"wagtail.workflow.approve", "wagtail.publish"} <= actions
    response = as_user(client, staff.approver).get(reverse("wagtailadmin_pages:history", args=[draft.pk]))
    html = response.content.decode()
    for comment in ("Cần sửa tiêu đề", "Đạt yêu cầu", "Cho phép đăng"):
        assert comment in html
    for name in ("editor", "reviewer", "approver"):
        assert name in html


def test_approver_can_compare_the_submitted_revision_with_the_live_one(client, staff, draft):
    draft.save_revision(user=staff.editor).publish(skip_permission_checks=True)
    edit_page(as_user(client, staff.editor), draft, "submit", title="Tiêu đề mới")
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve")

    approver = as_user(client, staff.approver)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, "live", "latest"])
    response = approver.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin nháp" in html and "Tiêu đề mới" in html
    preview = approver.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[draft.pk, draft.current_workflow_task.pk])
    )
    assert preview.status_code == 200


def test_banner_slide_goes_live_only_after_both_steps(client, staff):
    slide = factories.BannerSlideFactory(live=False, title="Banner mới")
    slide.save_revision(user=staff.editor)
    response = edit_snippet(as_user(client, staff.editor), slide, "submit")
    assert response.status_code == 302
    slide.refresh_from_db()
    assert slide.current_workflow_task.name == "Thẩm định nội dung"

    assert refused(snippet_workflow_action(as_user(client, staff.editor), slide, "approve"))
    snippet_workflow_action(as_user(client, staff.reviewer), slide, "approve")
    slide.refresh_from_db()
    assert not slide.live
    snippet_workflow_action(as_user(client, staff.approver), slide, "approve")
    slide.refresh_from_db()
    assert slide.live


def test_review_queue_costs_the_same_queries_with_more_portals_tasks(staff, draft):
    """The dashboard's queue (``reviewable_by``) asks every active task whether the user is in its groups: with
    two steps per portal, one query per task grew with the portals (152 for a commune editor at 77 portals)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.editorial.workflow.models import NoSelfApprovalTask

    def queue_queries() -> int:
        reviewer = get_user_model().objects.get(pk=staff.reviewer.pk)  # a fresh object: nothing remembered
        with CaptureQueriesContext(connection) as queries:
            list(TaskState.objects.reviewable_by(reviewer))
        return len(queries)

    def add_portal_steps(count: int):
        for number in range(count):
            task = NoSelfApprovalTask.objects.create(name=f"Bước của xã {number} – {count}")
            task.groups.add(Group.objects.create(name=f"Nhóm xã {number} – {count}"))

    add_portal_steps(2)
    queue_queries()  # warm Django's content type cache (cold when this test runs alone: one query more)
    fewer = queue_queries()
    add_portal_steps(6)
    assert queue_queries() == fewer


def test_review_queue_is_wagtails_built_as_one_condition_whatever_the_number_of_steps(client, staff, draft):
    """``review_queue.reviewable_by`` keeps Wagtail's answer (each step's own rule, no self-approval) but asks the
    steps of one type with one condition: Wagtail OR-ed one queryset per step, two per portal, and each ``|``
    copied every condition before it (the superuser's dashboard: 1.9 of 2.7 s at 77 portals)."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import EmptyResultSet
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.editorial.workflow import review_queue
    from cms.editorial.workflow.models import NoSelfApprovalTask

    submit(client, staff, draft)

    def fresh(user):
        return get_user_model().objects.get(pk=user.pk)  # nothing remembered on the object

    def add_portal_steps(count: int):
        for number in range(count):
            task = NoSelfApprovalTask.objects.create(name=f"Bước xã {number} – {count}")
            task.groups.add(Group.objects.create(name=f"Nhóm xã {number} – {count}"))

    def conditions(user) -> int:
        try:
            return str(TaskState.objects.reviewable_by(fresh(user)).query).count("task_id")
        except EmptyResultSet:  # no step of this user's: nothing to ask
            return 0

    users = (staff.editor, staff.reviewer, staff.approver, staff.site_admin, staff.superuser)
    for user in users:
        ours = set(TaskState.objects.reviewable_by(fresh(user)))
        assert ours == set(review_queue.WAGTAIL_REVIEWABLE_BY(TaskState.objects, fresh(user))), user
    assert [bool(TaskState.objects.reviewable_by(fresh(user))) for user in users] == [False, True, False, False, True]
    add_portal_steps(2)
    few = {user.pk: conditions(user) for user in users}
    client.force_login(staff.superuser)
    client.get(reverse("wagtailadmin_home"))
    with CaptureQueriesContext(connection) as dashboard_with_few:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    add_portal_steps(18)
    assert {user.pk: conditions(user) for user in users} == few
    with CaptureQueriesContext(connection) as dashboard_with_more:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert len(dashboard_with_more) == len(dashboard_with_few)
