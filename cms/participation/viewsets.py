"""The staff's queues: comments on drafts, and questions and petitions (snippet listings: filters, search, bulk
actions, CSV and XLSX export), with the step from a question to its answer page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from cms.participation.models import Comment, Question, QuestionAnswerPage, QuestionAttachment
from cms.participation.roles import is_moderator, sees_contact

VIEW_CONTACT_ACTION = "participation.view_contact"
ERASE_ACTION = "participation.erase_personal_data"


def moderate(comments, status: str, user) -> int:
    """Set the status of ``comments``; each save renews the content generation (approved ones go public)."""
    changed = 0
    for comment in comments:
        if comment.status != status:
            comment.status = status
            comment.moderated_at = timezone.now()
            comment.moderated_by = user
            comment.save(update_fields=["status", "moderated_at", "moderated_by"])
            log(instance=comment, action="wagtail.edit", user=user)
            changed += 1
    return changed


def log_contact_shown(user, item) -> None:
    """The audit trail: ``user`` was shown the contact details of ``item``'s citizen (if it has any)."""
    if item.has_contact() and sees_contact(user, item):
        log(instance=item, action=VIEW_CONTACT_ACTION, user=user)


class ContactPanel(FieldPanel):
    """A citizen's name or contact detail, read-only, drawn only for those ``sees_contact`` lets see it."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and sees_contact(self.request.user, self.instance)


class ContactEditView(EditView):
    """Opening an item shows its citizen's name and contact to those allowed: the audit trail records who looked."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_contact_shown(request.user, self.object)
        return response


class ContactInspectView(InspectView):
    """An item for staff who may only view it (the moderators, for questions): contact details as in the form."""

    def get_fields_context(self):
        if not sees_contact(self.request.user, self.object):
            self.fields = [field for field in self.fields if field not in self.model.contact_fields]
        return super().get_fields_context()

    def get_field_display_value(self, field_name, field):
        if field_name == "field":  # Wagtail would call this very method as the getter of a field named "field"
            return self.object.get_field_display()
        return super().get_field_display_value(field_name, field)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_contact_shown(request.user, self.object)
        return response


class ContactIndexView(IndexView):
    """The queue: those not allowed to see contact details can neither search by them nor export them."""

    def search_queryset(self, queryset):
        if not is_moderator(self.request.user):
            contact_fields = set(self.model.contact_fields)
            self.search_fields = [field for field in self.search_fields if field not in contact_fields]
        return super().search_queryset(queryset)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if not sees_contact(self.request.user, item):
            for field in item.contact_fields:
                if field in row:
                    row[field] = ""
        return row


class CommentEditView(ContactEditView):
    """Changing a comment's status records who moderated it, and when."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        if "status" in self.form.changed_data:
            instance.moderated_at = timezone.now()
            instance.moderated_by = self.request.user
        instance.save()
        self.has_content_changes = self.form.has_changed()
        return instance


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Kiểm duyệt góp ý")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = ContactIndexView
    edit_view_class = CommentEditView
    list_display = ["__str__", "section", "status", "created_at"]
    list_filter = ["status", "page", "created_at"]
    list_export = ["pk", "page", "section", "text", "status", "created_at", "name", "contact", "show_name"]
    export_filename = "gop-y-du-thao"
    # Moderators may search by name and contact, to meet a citizen's request to see or erase their data.
    search_fields = ["text", "section", "name", "contact"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    panels = [
        FieldPanel("status"),
        FieldPanel("page", read_only=True),
        FieldPanel("section", read_only=True),
        FieldPanel("text", read_only=True),
        ContactPanel("name"),
        ContactPanel("contact"),
        FieldPanel("show_name", read_only=True),
        FieldPanel("created_at", read_only=True),
    ]


class CitizenBulkAction(SnippetBulkAction):
    """What the queues' bulk actions share: change permission on each item, one confirmation page."""

    template_name = "participation/bulk_actions/confirm_moderate.html"
    target_status = ""

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(action_title=self.display_name, target_status=self.target_status)
        return context


class ModerateBulkAction(CitizenBulkAction):
    """Approve, reject or mark as spam the selected comments in one go."""

    models = [Comment]
    target = Comment.Status.APPROVED
    action_priority = 10

    @property
    def target_status(self):
        return self.target.label

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.target, kwargs["self"].request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã chuyển %(count)d ý kiến sang “%(status)s”.",
            "Đã chuyển %(count)d ý kiến sang “%(status)s”.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": self.target.label}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Duyệt")
    action_type = "approve_comments"
    aria_label = _("Duyệt các ý kiến đã chọn")
    target = Comment.Status.APPROVED


class RejectBulkAction(ModerateBulkAction):
    display_name = _("Không duyệt")
    action_type = "reject_comments"
    aria_label = _("Không duyệt các ý kiến đã chọn")
    target = Comment.Status.REJECTED


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Thư rác")
    action_type = "spam_comments"
    aria_label = _("Đánh dấu các ý kiến đã chọn là thư rác")
    target = Comment.Status.SPAM


class ErasePersonalDataBulkAction(CitizenBulkAction):
    """A citizen asked for their data to be erased (or staff found personal data in an item): the name, the
    contact details and the files go (``CitizenPersonalData.erase_personal_data``), the text stays."""

    models = [Comment]
    display_name = _("Xoá dữ liệu cá nhân")
    action_type = "erase_personal_data"
    aria_label = _("Xoá họ tên và thông tin liên hệ của các ý kiến đã chọn")
    action_priority = 40
    classes = {"serious"}
    target_status = _("đã xoá dữ liệu cá nhân")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        erased = 0
        for item in objects:
            if item.erase_personal_data():
                log(instance=item, action=ERASE_ACTION, user=kwargs["self"].request.user)
                erased += 1
        return erased, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.model is Question:
            message = ngettext(
                "Đã xoá dữ liệu cá nhân của %(count)d câu hỏi.",
                "Đã xoá dữ liệu cá nhân của %(count)d câu hỏi.",
                num_parent_objects,
            )
        else:
            message = ngettext(
                "Đã xoá dữ liệu cá nhân của %(count)d ý kiến.",
                "Đã xoá dữ liệu cá nhân của %(count)d ý kiến.",
                num_parent_objects,
            )
        return message % {"count": num_parent_objects}


class EraseQuestionDataBulkAction(ErasePersonalDataBulkAction):
    """The same for questions (their attachments go too); its own action so that its label names them."""

    models = [Question]
    action_type = "erase_question_personal_data"
    aria_label = _("Xoá họ tên, thông tin liên hệ và tệp đính kèm của các câu hỏi đã chọn")


# Questions and petitions: the staff's queue.

VIEW_ATTACHMENT_ACTION = "participation.view_attachment"
DRAFT_ANSWER_ACTION = "participation.draft_answer"


class QuestionToolsPanel(HelpPanel):
    """Attachments (opened through the audited view) and the step to the answer page, on the question's form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "participation/admin/question_tools.html")
        kwargs.setdefault("heading", _("Tệp đính kèm và trả lời"))
        super().__init__(**kwargs)


class QuestionEditView(ContactEditView):
    def save_instance(self):
        question = self.form.save(commit=False)
        changed = self.form.changed_data
        assigned = {"assigned_unit", "assigned_to"} & set(changed)
        if assigned and question.status == Question.Status.RECEIVED and "status" not in changed:
            question.status = Question.Status.ASSIGNED
        question.set_status(question.status)
        question.save()
        self.has_content_changes = self.form.has_changed()
        return question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Hỏi đáp, phản ánh")
    menu_order = 221
    add_to_admin_menu = True
    index_view_class = ContactIndexView
    edit_view_class = QuestionEditView
    # The moderators may view questions without changing them: they read them here.
    inspect_view_enabled = True
    inspect_view_class = ContactInspectView
    inspect_view_fields = [
        "status",
        "private",
        "assigned_unit",
        "assigned_to",
        "page",
        "kind",
        "field",
        "subject",
        "text",
        "name",
        "email",
        "phone",
        "show_name",
        "created_at",
        "answer_page",
    ]
    list_display = ["__str__", "kind", "field", "status", "assigned_unit", "assigned_to", "created_at"]
    list_filter = ["status", "kind", "field", "assigned_unit", "assigned_to", "page", "created_at"]
    list_export = [
        "pk",
        "kind",
        "field",
        "subject",
        "text",
        "status",
        "assigned_unit",
        "created_at",
        "name",
        "email",
        "phone",
    ]
    export_filename = "hoi-dap"
    # Moderators may search by name and contact, to meet a citizen's request to see or erase their data.
    search_fields = ["subject", "text", "name", "email", "phone"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    panels = [
        QuestionToolsPanel(),
        FieldRowPanel([FieldPanel("status"), FieldPanel("private")]),
        FieldRowPanel([FieldPanel("assigned_unit"), FieldPanel("assigned_to")]),
        FieldPanel("staff_note"),
        FieldPanel("page", read_only=True),
        FieldRowPanel([FieldPanel("kind", read_only=True), FieldPanel("field", read_only=True)]),
        FieldPanel("subject", read_only=True),
        FieldPanel("text", read_only=True),
        FieldRowPanel(
            [
                ContactPanel("name"),
                ContactPanel("email"),
                ContactPanel("phone"),
            ]
        ),
        FieldPanel("show_name", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("notification_error", read_only=True),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("answer/<int:pk>/", self.draft_answer_view, name="draft_answer"),
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
        ]

    def _question(self, request, pk, action="change"):
        question = get_object_or_404(Question.objects.select_related("page", "assigned_unit"), pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(request.user, action, question):
            raise PermissionDenied
        return question

    def draft_answer_view(self, request, pk):
        """GET: what will happen; POST: the answer page is made as a draft, and its editor opens."""
        question = self._question(request, pk)
        edit_url = reverse(self.get_url_name("edit"), args=[question.pk])
        if question.answer_page_id:
            return redirect("wagtailadmin_pages:edit", question.answer_page_id)
        refusal = answer_refusal(question, request.user)
        if refusal:
            messages.error(request, refusal)
            return redirect(edit_url)
        if request.method != "POST":
            return TemplateResponse(
                request,
                "participation/admin/confirm_draft_answer.html",
                {"question": question, "edit_url": edit_url, "page_title": _("Soạn trang trả lời")},
            )
        page = draft_answer_page(question, request.user)
        log(instance=question, action=DRAFT_ANSWER_ACTION, user=request.user)
        messages.success(request, _("Đã tạo trang trả lời. Viết câu trả lời rồi bấm “Gửi duyệt”."))
        return redirect("wagtailadmin_pages:edit", page.pk)

    def attachment_view(self, request, pk):
        """The file, to staff who may see the question and its sender's personal data (``sees_contact``: a citizen's
        papers often carry it); never rendered inline, every opening recorded."""
        attachment = get_object_or_404(QuestionAttachment, pk=pk)
        question = self._question(request, attachment.question_id, action="view")
        if not sees_contact(request.user, question):
            raise PermissionDenied
        try:
            handle = attachment.file.open("rb")
        except OSError as error:
            raise Http404 from error
        log(instance=question, action=VIEW_ATTACHMENT_ACTION, user=request.user)
        response = FileResponse(
            handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response


def answer_refusal(question, user) -> str:
    """Why no answer page can be drafted for ``question`` by ``user`` ("" when it can)."""
    if question.private:
        return _("Câu hỏi không công khai: trả lời riêng cho người hỏi, không đăng lên cổng.")
    if question.status in (Question.Status.REJECTED, Question.Status.SPAM):
        return _("Câu hỏi không được tiếp nhận hoặc là thư rác: không đăng trả lời.")
    if not question.page.permissions_for_user(user).can_add_subpage():
        return _("Bạn không có quyền tạo trang trong mục hỏi đáp.")
    return ""


@transaction.atomic
def draft_answer_page(question, user) -> QuestionAnswerPage:
    """The answer as a draft page under the question's "Hỏi đáp" page: no contact detail, the name only with
    consent; staff write the answer there and submit it to the approval workflow."""
    page = QuestionAnswerPage(
        title=question.subject,
        kind=question.kind,
        field=question.field,
        asker_name=question.name if question.show_name else "",
        asked_on=timezone.localdate(question.created_at),
        question=question.text,
        answer="",
        answering_unit=question.assigned_unit.title if question.assigned_unit else "",
        live=False,
        owner=user,
    )
    question.page.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)  # the answer is still to be written
    question.answer_page = page
    question.set_status(Question.Status.ANSWERED)
    question.save(update_fields=["answer_page", "status", "settled_at"])
    return page
