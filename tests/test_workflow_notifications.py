"""E-mail at each workflow event, to the right people, in the recipient's admin language."""

from unittest import mock

import pytest
from django.utils import translation
from wagtail.admin import mail
from wagtail.users.models import UserProfile

from tests import factories
from tests.workflow_helpers import as_user, edit_page, page_workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(staff, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor, title="Tin thông báo")
    page.save_revision(user=staff.editor)
    return page


def mails_to(mailoutbox, user):
    return [mail for mail in mailoutbox if user.email in mail.to]


def test_each_step_notifies_its_group_and_the_submitter_hears_every_decision(client, staff, draft, mailoutbox):
    edit_page(as_user(client, staff.editor), draft, "submit")
    [to_reviewer] = mails_to(mailoutbox, staff.reviewer)
    assert "Thẩm định nội dung" in to_reviewer.subject and "Tin thông báo" in to_reviewer.subject
    assert f"/admin/pages/{draft.pk}/edit/" in to_reviewer.body
    assert not mails_to(mailoutbox, staff.approver)
    assert not mails_to(mailoutbox, staff.editor)

    mailoutbox.clear()
    page_workflow_action(as_user(client, staff.reviewer), draft, "approve", "Đạt")
    [to_approver] = mails_to(mailoutbox, staff.approver)
    assert "Lãnh đạo phê duyệt xuất bản" in to_approver.subject
    [step_passed] = mails_to(mailoutbox, staff.editor)
    assert "Đã qua bước" in step_passed.subject and "Đạt" in step_passed.body

    mailoutbox.clear()
    page_workflow_action(as_user(client, staff.approver), draft, "approve")
    [approved] = mails_to(mailoutbox, staff.editor)
    assert approved.subject.startswith("Đã phê duyệt")
    assert "http://testserver" in approved.body


def test_rejection_mails_the_submitter_the_comment(client, staff, draft, mailoutbox):
    edit_page(as_user(client, staff.editor), draft, "submit")
    mailoutbox.clear()
    page_workflow_action(as_user(client, staff.reviewer), draft, "reject", "Bổ sung nguồn ảnh")
    [rejected] = mails_to(mailoutbox, staff.editor)
    assert rejected.subject.startswith("Yêu cầu chỉnh sửa")
    assert "Bổ sung nguồn ảnh" in rejected.body
    assert "Xin chào" in rejected.body


def test_mail_is_rendered_in_each_recipients_admin_language(client, staff, draft):
    """A reviewer using the English admin still writes to the editor (no preference) in Vietnamese, and vice versa."""
    UserProfile.objects.update_or_create(user=staff.reviewer, defaults={"preferred_language": "en"})
    UserProfile.objects.update_or_create(user=staff.approver, defaults={"preferred_language": "en"})
    edit_page(as_user(client, staff.editor), draft, "submit")

    languages = {}
    real_render = mail.render_to_string

    def recording_render(template_name, context=None, *args, **kwargs):
        languages.setdefault(context["user"].username, set()).add(translation.get_language())
        return real_render(template_name, context, *args, **kwargs)

    reviewer = as_user(client, staff.reviewer)
    reviewer.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with mock.patch.object(mail, "render_to_string", recording_render):
        page_workflow_action(reviewer, draft, "approve")
    assert languages["editor"] == {"vi"}
    assert languages["approver"] == {"en"}
