"""Registration only: the comment and question queues, their bulk actions and the audit actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms.participation.viewsets import (
    DRAFT_ANSWER_ACTION,
    ERASE_ACTION,
    VIEW_ATTACHMENT_ACTION,
    VIEW_CONTACT_ACTION,
    ApproveBulkAction,
    CommentViewSet,
    ErasePersonalDataBulkAction,
    EraseQuestionDataBulkAction,
    QuestionViewSet,
    RejectBulkAction,
    SpamBulkAction,
)

register_snippet(CommentViewSet)
register_snippet(QuestionViewSet)
for action in (ApproveBulkAction, RejectBulkAction, SpamBulkAction, ErasePersonalDataBulkAction):
    hooks.register("register_bulk_action", action)
hooks.register("register_bulk_action", EraseQuestionDataBulkAction)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        VIEW_CONTACT_ACTION, _("Xem thông tin liên hệ"), _("Đã xem thông tin liên hệ của người gửi")
    )
    actions.register_action(ERASE_ACTION, _("Xoá dữ liệu cá nhân"), _("Đã xoá dữ liệu cá nhân của người gửi"))
    actions.register_action(VIEW_ATTACHMENT_ACTION, _("Mở tệp đính kèm"), _("Đã mở tệp đính kèm của người gửi"))
    actions.register_action(DRAFT_ANSWER_ACTION, _("Soạn trang trả lời"), _("Đã tạo trang trả lời để trình duyệt"))
