"""Drafts put out for public comment (lấy ý kiến dự thảo, Decree 42/2022/NĐ-CP) and the citizens' comments.

A ``DraftPage`` is an ordinary portal page (the publication rule, API, search and sitemap treat it like any
other); its comment period is read at request time, so the form disappears by itself at the closing time.
``Comment`` is a plain model: nothing a citizen writes is public until a moderator approves it.
"""

import json
import math
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.body import BodyBlock
from cms.core import visibility
from cms.core.attachments import PageDocument
from cms.core.pages import IndexPage, PortalPage
from cms.participation.challenge import CHALLENGE_FIELD, check_solution, honeypot_filled, new_challenge, over_limit
from cms.participation.forms import CommentForm
from cms.participation.personal_data import CitizenPersonalData

SENT_PARAMETER = "da-gui"


@register_setting(icon="user")
class ParticipationSettings(BaseSiteSetting):
    """Per portal: the privacy notice every citizens' form links to (Decree 13/2023/NĐ-CP)."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang thông báo xử lý dữ liệu cá nhân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submissions_per_hour = models.PositiveIntegerField(
        _("Số lần gửi tối đa mỗi giờ từ một địa chỉ"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Để trống để dùng mức chung của hệ thống."),
    )
    require_email_confirmation = models.BooleanField(
        _("Yêu cầu xác nhận thư điện tử"),
        default=False,
        help_text=_("Người hỏi bấm đường dẫn trong thư xác nhận thì mới nhận thư báo khi có trả lời."),
    )

    panels = [FieldPanel("privacy_page"), FieldPanel("submissions_per_hour"), FieldPanel("require_email_confirmation")]

    class Meta:
        verbose_name = _("Góp ý của người dân")

    def submission_limit(self) -> int | None:
        """This portal's hourly limit per address; the installation's when the portal sets none."""
        return self.submissions_per_hour or settings.PARTICIPATION_SUBMISSIONS_PER_HOUR


class DraftIndexPage(IndexPage):
    """ "Lấy ý kiến dự thảo": lists the drafts, those open for comment first."""

    subpage_types = ["participation.DraftPage"]
    parent_page_types = ["home.HomePage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Danh mục lấy ý kiến dự thảo")
        verbose_name_plural = _("Danh mục lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        drafts = list(
            visibility.visible_pages(queryset=DraftPage.objects.child_of(self)).order_by("-closes_at", "-pk")
        )
        now = timezone.now()
        context["open_drafts"] = [draft for draft in drafts if draft.is_open(now)]
        context["other_drafts"] = [draft for draft in drafts if not draft.is_open(now)]
        return context


class DraftPage(PortalPage):
    """One draft document put out for comment, with its files, comment period and, later, the summary report."""

    intro = models.TextField(_("Tóm tắt dự thảo"), help_text=_("Nội dung chính và mục đích của dự thảo."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))
    drafting_unit = models.CharField(_("Cơ quan chủ trì soạn thảo"), max_length=255)
    contact = models.TextField(
        _("Đầu mối liên hệ"), blank=True, help_text=_("Đơn vị, điện thoại, thư điện tử công vụ nhận góp ý.")
    )
    opens_at = models.DateTimeField(_("Bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("Hết hạn lấy ý kiến"))
    sections = models.TextField(
        _("Các phần của dự thảo"),
        blank=True,
        help_text=_("Mỗi dòng một phần (ví dụ: Điều 1, Chương II); người góp ý chọn phần mình góp ý."),
    )
    summary_report = RichTextField(
        _("Báo cáo tiếp thu, giải trình"),
        blank=True,
        help_text=_("Đơn vị soạn thảo đăng sau khi hết hạn lấy ý kiến."),
    )
    summary_report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp báo cáo tiếp thu, giải trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("drafting_unit"),
                FieldPanel("contact"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("sections"),
            ],
            heading=_("Lấy ý kiến"),
        ),
        InlinePanel("files", heading=_("Tệp dự thảo"), label=_("Tệp")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("summary_report"), FieldPanel("summary_report_document")],
            heading=_("Sau khi hết hạn lấy ý kiến"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("drafting_unit"),
        index.SearchField("body"),
        index.SearchField("summary_report"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("drafting_unit"),
        APIField("contact"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("files"),
        APIField("body"),
        APIField("summary_report"),
    ]
    api_listing_fields = ["intro", "drafting_unit", "opens_at", "closes_at"]
    api_default_order = ["-closes_at"]

    parent_page_types = ["participation.DraftIndexPage"]
    subpage_types: list[str] = []
    type_aliases = ("draft",)

    class Meta:
        verbose_name = _("Dự thảo lấy ý kiến")
        verbose_name_plural = _("Dự thảo lấy ý kiến")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def days_remaining(self, now=None) -> int:
        """Whole days left, rounded up (the last afternoon still counts as one day)."""
        seconds = (self.closes_at - (now or timezone.now())).total_seconds()
        return max(0, math.ceil(seconds / 86400))

    def section_choices(self) -> list[str]:
        return [line.strip() for line in self.sections.splitlines() if line.strip()]

    def approved_comments(self):
        return self.comments.filter(status=Comment.Status.APPROVED).order_by("created_at", "pk")

    def serve(self, request, *args, **kwargs):
        """The page; while open, with the comment form (POST stores a comment, then redirects back)."""
        form, notice, status = None, "", 200
        if self.is_open():
            if request.method == "POST":
                form, notice, status = self.receive_comment(request)
                if form is None:
                    return redirect(f"{self.get_url(request)}?{SENT_PARAMETER}=1#gop-y")
            else:
                form = CommentForm(sections=self.section_choices())
        elif request.method == "POST":
            notice, status = _("Đã hết thời hạn lấy ý kiến dự thảo này; ý kiến chưa được ghi nhận."), 410
        context = self.get_context(request, *args, **kwargs)
        context.update(
            form=form,
            notice=notice,
            sent=request.GET.get(SENT_PARAMETER) == "1",
            challenge_json=json.dumps(new_challenge()) if form is not None else "",
            retention_days=settings.PARTICIPATION_RETENTION_DAYS,
            privacy_page=ParticipationSettings.for_request(request).privacy_page,
            comments=self.approved_comments(),
        )
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
        if form is not None:
            # A one-off challenge and a CSRF token: no shared cache may keep this page.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    def receive_comment(self, request):
        """(form to show again, message, status); form None when the comment is stored (or silently dropped)."""
        form = CommentForm(request.POST, sections=self.section_choices())
        if over_limit(request, "comment", ParticipationSettings.for_request(request).submission_limit()):
            return form, _("Bạn đã gửi quá nhiều lần trong một giờ. Vui lòng thử lại sau."), 429
        if honeypot_filled(request.POST):
            return None, "", 200  # a robot: tell it nothing, keep nothing
        verdict = check_solution(request.POST.get(CHALLENGE_FIELD, ""))
        if not verdict.ok:
            return form, verdict.message, 400
        if not form.is_valid():
            return form, _("Vui lòng kiểm tra các ô được đánh dấu."), 400
        data = form.cleaned_data
        comment = Comment(
            page=self,
            name=data["name"],
            contact=data["contact"],
            show_name=data["show_name"],
            section=data.get("section", ""),
            text=data["text"],
            submission_key=verdict.key,
        )
        # bulk_create sends no post_save: a pending comment changes nothing public, so it must not renew
        # the content generation (cms.core.cache) and empty every cache; approving it does.
        try:
            with transaction.atomic():
                Comment.objects.bulk_create([comment])
        except IntegrityError:
            pass  # the same solved challenge sent again (a double click, a resend): stored once already
        return None, "", 200


class DraftFile(PageDocument):
    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="files")
    api_fields = [APIField("document"), APIField("title")]

    class Meta(PageDocument.Meta):
        verbose_name = _("Tệp dự thảo")
        verbose_name_plural = _("Tệp dự thảo")


class Comment(CitizenPersonalData):
    """A citizen's comment on a draft. Name and contact are personal data: shown to moderators only."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Không duyệt")
        SPAM = "spam", _("Thư rác")

    page = models.ForeignKey(DraftPage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("Dự thảo"))
    contact = models.CharField(_("Thư điện tử hoặc điện thoại"), max_length=120, blank=True)
    section = models.CharField(_("Phần góp ý"), max_length=255, blank=True)
    text = models.TextField(_("Nội dung góp ý"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    moderated_at = models.DateTimeField(_("Thời điểm kiểm duyệt"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người kiểm duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The solved challenge's signature: one challenge, one stored comment, however often the form is resent.
    submission_key = models.CharField(max_length=128, unique=True, default=uuid.uuid4, editable=False)

    contact_fields = ("name", "contact")

    class Meta(CitizenPersonalData.Meta):
        verbose_name = _("Ý kiến góp ý")
        verbose_name_plural = _("Ý kiến góp ý")
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self):
        return f"#{self.pk} · {self.page.title[:60]}" if self.pk else str(_("Ý kiến góp ý"))

    @property
    def public_name(self) -> str:
        if self.show_name and self.name:
            return self.name
        return str(_("Người góp ý"))


# Questions and petitions live in their own module; re-exported here, where Django looks for models.
from cms.participation.questions import (  # noqa: E402
    Question,
    QuestionAnswerPage,
    QuestionAttachment,
    QuestionIndexPage,
)

__all__ = [
    "Comment",
    "DraftFile",
    "DraftIndexPage",
    "DraftPage",
    "ParticipationSettings",
    "Question",
    "QuestionAnswerPage",
    "QuestionAttachment",
    "QuestionIndexPage",
]
