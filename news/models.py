import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.api import fields as api
from cms.api.cache import remember
from cms.blocks import BodyBlock
from cms.visibility import unexpired, unrestricted
from news.choices import DirectiveStatus, DocumentField, DocumentType, NewsCategory

PAGE_SIZE = 10


def paginate(request, queryset, per_page: int = PAGE_SIZE, count: int | None = None):
    """A page of results; a missing, malformed or out-of-range ``page`` never errors."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # cached_property: preset when the caller already knows it
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def today() -> datetime.date:
    return timezone.localdate()


class NewsIndexPage(Page):
    """Lists the news articles below it, newest first."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    api_fields = [APIField("intro")]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("Trang danh sách tin tức")

    def get_articles(self):
        return (
            unexpired(unrestricted(NewsPage.objects.child_of(self).live()))
            .select_related("hero_image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles())
        return context


class NewsPage(Page):
    """A news article ("tin bài")."""

    date = models.DateField(_("Ngày đăng"), default=today)
    lead = models.TextField(_("Tóm tắt"), help_text=_("Đoạn mở đầu hiển thị trong danh sách tin."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Ảnh đại diện"),
    )
    hero_caption = models.CharField(_("Chú thích ảnh"), max_length=500, blank=True)
    category = models.CharField(
        _("Chuyên mục"), max_length=40, choices=NewsCategory.choices, default=NewsCategory.OTHER
    )
    author = models.CharField(_("Tác giả / Nguồn tin"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Ảnh đại diện")),
        FieldPanel("body"),
        FieldPanel("author"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    # API: summary fields in listings, every field in detail and with ?fields=*.
    api_listing_fields = ["date", "lead", "hero_image", "category", "author"]
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("hero_image", serializer=api.ImageField()),
        APIField("hero_caption"),
        APIField("category", serializer=api.ChoiceField(NewsCategory)),
        APIField("author"),
        APIField("body", serializer=api.PageStreamField()),
    ]
    api_default_order = ["-date", "-pk"]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Tin bài")
        verbose_name_plural = _("Tin bài")
        # Newest first without sorting every article: listings walk this index and stop after a page.
        indexes = [models.Index(models.F("date").desc(), models.F("page_ptr").desc(), name="news_newest_first")]

    def get_category_display_text(self) -> str:
        return str(NewsCategory(self.category).label) if self.category in NewsCategory.values else self.category


class DirectiveIndexPage(Page):
    """The register of directives and documents, filterable by type, agency and year."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    api_fields = [APIField("intro")]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.DirectivePage"]

    class Meta:
        verbose_name = _("Trang danh sách văn bản chỉ đạo")

    def get_directives(self):
        return unexpired(unrestricted(DirectivePage.objects.child_of(self).live())).order_by("-issue_date", "-pk")

    def filter_directives(self, queryset, params):
        """Apply the public filters; values that are not valid choices are ignored, never an error."""
        filters = {}
        document_type = params.get("type", "")
        if document_type in DocumentType.values:
            queryset = queryset.filter(document_type=document_type)
            filters["type"] = document_type
        # Control characters never occur in agency names, and PostgreSQL rejects NUL outright.
        agency = "".join(char for char in params.get("agency", "") if char.isprintable()).strip()[:255]
        if agency:
            queryset = queryset.filter(issuing_agency=agency)
            filters["agency"] = agency
        year = params.get("year", "")
        if year.isdigit() and 1900 <= int(year) <= 2999:
            queryset = queryset.filter(issue_date__year=int(year))
            filters["year"] = int(year)
        return queryset, filters

    def get_facets(self, directives) -> tuple[list[str], list[int]]:
        """Agencies and years for the filter form: read from every directive, so remembered until the
        content next changes instead of re-read on each view of the register."""

        def facets():
            agencies = list(directives.order_by("issuing_agency").values_list("issuing_agency", flat=True).distinct())
            return agencies, sorted({date.year for date in directives.dates("issue_date", "year")}, reverse=True)

        return remember(f"directive-facets:{self.pk}", facets)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_directives()
        directives, filters = self.filter_directives(base, request.GET)
        # The count grows with the register (130 ms at 20,000 directives on PostgreSQL); the page shown does not.
        count = remember(f"directive-count:{self.pk}:{sorted(filters.items())}", directives.count)
        context["directives"] = paginate(request, directives, count=count)
        context["filters"] = filters
        context["document_types"] = DocumentType.choices
        context["agencies"], context["years"] = self.get_facets(base)
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context


class DirectivePage(Page):
    """A directive or administrative document record, as Vietnamese portals publish them."""

    number = models.CharField(_("Số ký hiệu"), max_length=100, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    document_type = models.CharField(_("Loại văn bản"), max_length=40, choices=DocumentType.choices)
    issuing_agency = models.CharField(_("Cơ quan ban hành"), max_length=255)
    signer_name = models.CharField(_("Người ký"), max_length=255)
    signer_position = models.CharField(_("Chức vụ người ký"), max_length=255, blank=True)
    issue_date = models.DateField(_("Ngày ban hành"))
    effective_date = models.DateField(_("Ngày có hiệu lực"))
    expiry_date = models.DateField(_("Ngày hết hiệu lực"), null=True, blank=True)
    sector = models.CharField(
        _("Lĩnh vực"), max_length=40, choices=DocumentField.choices, default=DocumentField.ADMINISTRATION
    )
    summary = models.TextField(_("Trích yếu"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuing_agency"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_position")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        InlinePanel("attachments", label=_("Tệp đính kèm"), heading=_("Tệp đính kèm")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuing_agency"),
        index.SearchField("body"),
        index.FilterField("document_type"),
        index.FilterField("issuing_agency"),
        index.FilterField("issue_date"),
    ]

    api_listing_fields = [
        "number",
        "document_type",
        "issuing_agency",
        "issue_date",
        "effective_date",
        "status",
        "summary",
    ]
    api_fields = [
        APIField("number"),
        APIField("document_type", serializer=api.ChoiceField(DocumentType)),
        APIField("issuing_agency"),
        APIField("signer", serializer=api.SignerField()),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("expiry_date"),
        APIField("status", serializer=api.ChoiceField(DirectiveStatus)),
        APIField("sector", serializer=api.ChoiceField(DocumentField)),
        APIField("summary"),
        APIField("attachments", serializer=api.DocumentListField()),
        APIField("body", serializer=api.PageStreamField()),
    ]
    api_prefetch_related = ["attachments"]
    api_default_order = ["-issue_date", "-pk"]

    parent_page_types = ["news.DirectiveIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Văn bản chỉ đạo điều hành")
        verbose_name_plural = _("Văn bản chỉ đạo điều hành")
        indexes = [
            models.Index(models.F("issue_date").desc(), models.F("page_ptr").desc(), name="directive_newest_first")
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("Ngày có hiệu lực không được trước ngày ban hành.")
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = _("Ngày hết hiệu lực không được trước ngày có hiệu lực.")
        if errors:
            raise ValidationError(errors)

    def get_status(self, on: datetime.date | None = None) -> str:
        on = on or today()
        if self.effective_date and on < self.effective_date:
            return DirectiveStatus.NOT_YET_IN_FORCE
        if self.expiry_date and on > self.expiry_date:
            return DirectiveStatus.EXPIRED
        return DirectiveStatus.IN_FORCE

    @property
    def status(self) -> str:
        return self.get_status()

    @property
    def status_label(self) -> str:
        return str(DirectiveStatus(self.status).label)


class DirectiveAttachment(Orderable):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("Tài liệu")
    )
    title = models.CharField(
        _("Tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống để dùng tên tài liệu.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
