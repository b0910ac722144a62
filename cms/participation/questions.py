"""Questions and petitions (hỏi đáp, phản ánh kiến nghị): what citizens send, and the answers staff publish.

A ``Question`` is a plain model (personal data, never public). Its answer is a ``QuestionAnswerPage`` drafted
by staff under the portal's "Hỏi đáp" page: a normal page, so the "Duyệt tin bài" workflow (reviewer, then
leader) approves it before anything is public, and the publication rule, API, search and sitemap treat it like
any page. Publishing it marks the question published and e-mails the citizen (``cms.participation.notify``).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core import visibility
from cms.core.pages import IndexPage, PortalPage
from cms.core.search_document import SearchDocument
from cms.participation import views
from cms.participation.attachments import private_storage, stored_name
from cms.participation.personal_data import CitizenPersonalData
from cms.participation.vocabulary import QuestionField, QuestionKind

ASK_ROUTE = "gui-cau-hoi/"
TRACK_ROUTE = "tra-cuu/"
CONFIRM_ROUTE = "xac-nhan/<str:token>/"
# An English "Hỏi đáp" page (/en/questions/) links to English sub-paths; both are served in every language, so a
# link shared from the other language still works.
ENGLISH_ROUTES = {
    "ask": ("ask/", "ask_en"),
    "track": ("track/", "track_en"),
    "confirm": ("confirm/<str:token>/", "confirm_en"),
}


class QuestionIndexPage(RoutablePageMixin, IndexPage):
    """ "Hỏi đáp": the published questions and answers (searchable), the form to ask and the status lookup."""

    subpage_types = ["participation.QuestionAnswerPage"]
    parent_page_types = ["home.HomePage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Danh mục hỏi đáp")
        verbose_name_plural = _("Danh mục hỏi đáp")

    def answers(self):
        return visibility.visible_pages(queryset=QuestionAnswerPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.answer_listing(request, self))
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path(ASK_ROUTE)
    @path(*ENGLISH_ROUTES["ask"])
    def ask(self, request):
        return views.ask(request, self)

    @path(TRACK_ROUTE)
    @path(*ENGLISH_ROUTES["track"])
    def track(self, request):
        return views.track(request, self)

    @path(CONFIRM_ROUTE)
    @path(*ENGLISH_ROUTES["confirm"])
    def confirm(self, request, token):
        return views.confirm_email(request, self, token)

    def reverse_subpage(self, name, args=None, kwargs=None):
        """Links from an English page use the English sub-paths."""
        if name in ENGLISH_ROUTES and self.locale.language_code == "en":
            name = ENGLISH_ROUTES[name][1]
        return super().reverse_subpage(name, args=args, kwargs=kwargs)


class QuestionAnswerPage(PortalPage):
    """One published question and its answer. Holds no contact detail; the asker's name only with consent."""

    kind = models.CharField(_("Loại"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.QUESTION)
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=QuestionField.choices, default=QuestionField.OTHER)
    asker_name = models.CharField(
        _("Người hỏi"),
        max_length=120,
        blank=True,
        help_text=_("Chỉ điền khi người hỏi đồng ý hiển thị tên; để trống sẽ hiện “Người hỏi”."),
    )
    asked_on = models.DateField(_("Ngày hỏi"), default=datetime.date.today)
    question = models.TextField(
        _("Câu hỏi"),
        help_text=_("Xoá mọi thông tin cá nhân (địa chỉ, số điện thoại, số giấy tờ) trước khi trình duyệt."),
    )
    answer = RichTextField(_("Trả lời"), features=["bold", "italic", "ol", "ul", "link", "document-link"])
    answering_unit = models.CharField(_("Đơn vị trả lời"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("field")]),
                FieldRowPanel([FieldPanel("asker_name"), FieldPanel("asked_on")]),
                FieldPanel("question"),
            ],
            heading=_("Câu hỏi"),
        ),
        FieldPanel("answer"),
        FieldPanel("answering_unit"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("field"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("field"),
        APIField("asker_name"),
        APIField("asked_on"),
        APIField("question"),
        APIField("answer"),
        APIField("answering_unit"),
    ]
    api_listing_fields = ["kind", "field", "asked_on"]
    api_default_order = ["-asked_on"]

    parent_page_types = ["participation.QuestionIndexPage"]
    subpage_types: list[str] = []
    search_field_choices = QuestionField.choices

    class Meta:
        verbose_name = _("Câu hỏi và trả lời")
        verbose_name_plural = _("Câu hỏi và trả lời")

    @property
    def public_asker(self) -> str:
        return self.asker_name or str(_("Người hỏi"))

    def search_document(self) -> SearchDocument:
        document = super().search_document()
        document.keywords = [self.answering_unit] if self.answering_unit else []
        document.field = self.field
        return document


class Question(CitizenPersonalData):
    """What a citizen sent. Name, e-mail, phone and attachments are personal data: for the assigned staff only."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Mới tiếp nhận")
        ASSIGNED = "assigned", _("Đã giao xử lý")
        ANSWERED = "answered", _("Đã có trả lời, chờ duyệt")
        PUBLISHED = "published", _("Đã đăng trả lời")
        CLOSED = "closed", _("Đã đóng")
        REJECTED = "rejected", _("Không tiếp nhận")
        SPAM = "spam", _("Thư rác")

    # Statuses after which nothing more happens: the retention period runs from ``settled_at``.
    SETTLED = (Status.PUBLISHED, Status.CLOSED, Status.REJECTED, Status.SPAM)

    page = models.ForeignKey(
        QuestionIndexPage, on_delete=models.CASCADE, related_name="questions", verbose_name=_("Trang hỏi đáp")
    )
    code_digest = models.CharField(max_length=64, unique=True, editable=False)
    kind = models.CharField(_("Loại"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.QUESTION)
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=QuestionField.choices)
    subject = models.CharField(_("Tiêu đề"), max_length=200)
    text = models.TextField(_("Nội dung"))
    email = models.EmailField(_("Thư điện tử"), max_length=254, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=20, blank=True)
    private = models.BooleanField(
        _("Không công khai"),
        default=False,
        help_text=_("Câu hỏi riêng tư hoặc chứa dữ liệu cá nhân: không bao giờ đăng."),
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    assigned_unit = models.ForeignKey(
        "organisation.UnitPage",
        verbose_name=_("Đơn vị xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Cán bộ xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    staff_note = models.TextField(_("Ghi chú nội bộ"), blank=True)
    answer_page = models.ForeignKey(
        QuestionAnswerPage,
        verbose_name=_("Trang trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    settled_at = models.DateTimeField(_("Thời điểm kết thúc xử lý"), null=True, blank=True)
    email_confirmed_at = models.DateTimeField(_("Đã xác nhận thư điện tử lúc"), null=True, blank=True)
    notified_at = models.DateTimeField(_("Đã báo cho người hỏi lúc"), null=True, blank=True)
    notification_error = models.CharField(_("Lỗi gửi thư báo"), max_length=300, blank=True)
    # The solved challenge's signature: one challenge, one stored question, however often the form is resent.
    submission_key = models.CharField(max_length=128, unique=True, editable=False)

    contact_fields = ("name", "email", "phone")

    class Meta(CitizenPersonalData.Meta):
        verbose_name = _("Câu hỏi, phản ánh")
        verbose_name_plural = _("Câu hỏi, phản ánh")
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self):
        return f"#{self.pk} · {self.subject[:80]}" if self.pk else str(_("Câu hỏi, phản ánh"))

    @property
    def citizen_status(self) -> str:
        """What the citizen is told: spam looks like any refusal."""
        status = self.Status.REJECTED if self.status == self.Status.SPAM else self.status
        return self.Status(status).label

    def set_status(self, status: str) -> None:
        self.status = status
        if status in self.SETTLED:
            self.settled_at = self.settled_at or timezone.now()
        else:
            self.settled_at = None

    def erase_files(self) -> None:
        for attachment in self.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()


class QuestionAttachment(models.Model):
    """A file a citizen sent, checked by content (``attachments.check``), in storage no web server serves."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=stored_name, max_length=255)
    original_name = models.CharField(_("Tên tệp gốc"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    def __str__(self):
        return self.original_name
