"""News and the directive register: the article and directive page types and their listing pages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.body import BodyBlock
from cms.core import renditions, visibility
from cms.core.api_fields import ChoiceField
from cms.core.attachments import PageDocument
from cms.core.cache import remember
from cms.core.pages import PAGE_SIZE, IndexPage, PortalPage, RegisterPage, paginate
from cms.core.search_document import SearchDocument, stream_text
from cms.core.sites import HOME_PATH_LENGTH, default_site_id, portal_trees, site_id_of_path
from news.choices import DirectiveStatus, DocumentField, DocumentType, NewsCategory
from news.filters import DirectiveFilters
from news.serializers import SignerField


def today() -> datetime.date:
    return timezone.localdate()


class NewsIndexPage(IndexPage):
    """Lists the news articles below it, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("Trang danh sách tin tức")

    def get_articles(self):
        return (
            visibility.visible_pages(queryset=self.listed_children(NewsPage))
            .select_related("hero_image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        # The count grows with the section (96 ms for 40,553 articles on PostgreSQL) while the page shown does
        # not: remembered until the content next changes, as the registers' counts are (cms.core.pages).
        count = remember(f"news-count:{self.pk}", articles.count)
        context["articles"] = paginate(request, articles, count=count)
        renditions.prepare((article.hero_image, renditions.NEWS_CARD) for article in context["articles"])
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(PortalPage):
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
    # Chosen by the commune: the article takes effect on the province home once the workflow publishes it.
    share_with_province = models.BooleanField(
        _("Đưa lên cổng tỉnh"),
        default=False,
        help_text=_("Khi được xuất bản, tin hiện ở mục “Tin từ các xã, phường” trên trang chủ cổng tỉnh."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("Từ khóa"),
        # The project's own text (locale/), not taggit's generic "A comma-separated list of tags."
        help_text=_("Các từ khóa, cách nhau bằng dấu phẩy."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Ảnh đại diện")),
        FieldPanel("body"),
        FieldPanel("author"),
        FieldPanel("tags"),
        FieldPanel("share_with_province"),
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
        APIField("hero_image"),
        APIField("hero_caption"),
        APIField("category"),
        APIField("author"),
        APIField("body"),
    ]
    api_default_order = ["-date", "-pk"]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Tin bài")
        verbose_name_plural = _("Tin bài")
        # Newest first without sorting every article: listings walk this index and stop after a page.
        indexes = [
            models.Index(models.F("date").desc(), models.F("page_ptr").desc(), name="news_newest_first"),
            # The province home's "Tin từ các xã, phường": a few shared articles among all the communes' news
            # (without it, a scan of every article: 53 ms at 96,000 on PostgreSQL).
            models.Index(
                models.F("date").desc(),
                models.F("page_ptr").desc(),
                condition=models.Q(share_with_province=True),
                name="news_shared_newest_first",
            ),
            # Related articles: the newest of a category without reading the category (NewsPage.related_articles).
            models.Index(
                "category", models.F("date").desc(), models.F("page_ptr").desc(), name="news_category_newest_first"
            ),
        ]

    RELATED_LIMIT = 5

    def related_articles(self, limit: int = RELATED_LIMIT):
        """Visible articles of the same portal and language sharing a tag or the category: most shared tags first,
        then newest.

        Two bounded queries instead of one that counted shared tags over every article of the category: the
        articles sharing a tag (ranked by how many), then the newest ``limit`` of the category (the index
        ``news_category_newest_first``), which are all a list needs after the tag sharers. The portal's articles
        are those under the same home (another portal's would not even be served on this host).
        """
        tag_ids = NewsPageTag.objects.filter(content_object_id=self.pk).values("tag_id")
        same_portal = NewsPage.objects.filter(locale_id=self.locale_id, path__startswith=self.path[: Page.steplen * 2])
        articles = visibility.visible_pages(queryset=same_portal).exclude(pk=self.pk)
        sharing_tags = list(
            articles.filter(tagged_items__tag_id__in=tag_ids)
            .annotate(shared_tags=Count("tagged_items", distinct=True))
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )
        if len(sharing_tags) == limit:
            return sharing_tags
        listed = {article.pk for article in sharing_tags}
        newest_of_category = articles.filter(category=self.category).order_by("-date", "-pk")[:limit]
        return [*sharing_tags, *(article for article in newest_of_category if article.pk not in listed)][:limit]

    def get_category_display_text(self) -> str:
        return str(NewsCategory(self.category).label) if self.category in NewsCategory.values else self.category

    # Public search (search/documents.py): news gets a small boost while it is recent.
    type_aliases = ("news",)
    search_field_choices = NewsCategory.choices
    search_recency_boost = True

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            title=self.title,
            date=self.date,
            body=[self.lead, *stream_text(self.body), self.hero_caption, self.author],
            keywords=[self.author],
            field=self.category,
        )


class DirectiveIndexPage(RegisterPage):
    """The register of directives and documents, filterable as the API is (``news.filters``)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.DirectivePage"]

    class Meta:
        verbose_name = _("Trang danh sách văn bản chỉ đạo")

    register_order = ("-issue_date", "-pk")
    register_items_name = "directives"
    register_per_page = PAGE_SIZE

    def register_items(self):
        # The original's path, to tell the province's directives (aliases: cms.portals.directives) from the
        # portal's own without a query per row.
        return super().register_items().annotate(original_path=models.F("alias_of__path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        aliases = [directive for directive in context["directives"] if directive.original_path]
        if aliases:  # no query for a register without any
            province = portal_trees().get(default_site_id(), ())
            for directive in aliases:
                home = directive.original_path[:HOME_PATH_LENGTH]
                directive.from_province = home != directive.path[:HOME_PATH_LENGTH] and home in province
        return context

    def filter_register(self, queryset, params):
        """The API's filters and names (``news.filters``), plus dates as people type them and the register's
        first names (``type``, ``agency``) so bookmarked links keep filtering; a bad value is ignored and named."""
        filters = DirectiveFilters.parse(params, register=True)
        return filters.apply(queryset), filters.values, list(filters.errors)

    def register_facets(self, directives) -> dict:
        """Agencies and years for the filter form: read from every directive, so remembered until the
        content next changes instead of re-read on each view of the register."""

        def facets():
            agencies = list(directives.order_by("issuing_agency").values_list("issuing_agency", flat=True).distinct())
            return agencies, sorted({date.year for date in directives.dates("issue_date", "year")}, reverse=True)

        agencies, years = remember(f"directive-facets:{self.pk}", facets)
        return {
            "document_types": DocumentType.choices,
            "sectors": DocumentField.choices,
            "statuses": DirectiveStatus.choices,
            "agencies": agencies,
            "years": years,
        }


class ProvinceScopePanel(MultiFieldPanel):
    """ "Văn bản của tỉnh áp dụng cho xã, phường": shown only where it decides something, on a province directive
    (the default site's tree, not an alias) in the language that decides for all its translations (the default
    one, or the page's own when it has no default-language version; cms.portals.directives)."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            page = self.instance
            path = page.path or getattr(getattr(self.form, "parent_page", None), "path", "")
            if page.alias_of_id or not path or site_id_of_path(path) != default_site_id():
                return False
            default = Locale.get_default()
            if page.locale_id not in (None, default.pk) and page.pk and page.get_translation_or_none(default):
                return False
            return super().is_shown()


class DirectivePage(PortalPage):
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
    # A province directive shown in the registers of the communes it applies to, as Wagtail aliases of this one
    # record (cms.portals.directives): published, changed and unpublished with it. Read on the province only.
    applies_to_all_communes = models.BooleanField(
        _("Áp dụng cho tất cả các xã, phường"),
        default=False,
        help_text=_("Chỉ dùng cho văn bản của cổng tỉnh: văn bản hiện trong danh sách văn bản của mọi xã, phường."),
    )
    applies_to = ParentalManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="+",
        limit_choices_to={"is_default_site": False},
        verbose_name=_("Áp dụng cho các xã, phường"),
        help_text=_(
            "Chỉ dùng cho văn bản của cổng tỉnh: văn bản hiện trong danh sách văn bản của các xã, phường đã chọn."
        ),
    )

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
        ProvinceScopePanel(
            [FieldPanel("applies_to_all_communes"), FieldPanel("applies_to", widget=forms.CheckboxSelectMultiple)],
            heading=_("Văn bản của tỉnh áp dụng cho xã, phường"),
        ),
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
        # In a commune's listing, a province directive (an alias) names its original: the canonical page.
        "alias_of",
    ]
    api_fields = [
        APIField("number"),
        APIField("document_type"),
        APIField("issuing_agency"),
        APIField("signer", serializer=SignerField()),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("expiry_date"),
        APIField("status", serializer=ChoiceField(DirectiveStatus)),
        APIField("sector"),
        APIField("summary"),
        APIField("attachments"),
        APIField("body"),
    ]
    # ``alias_of``: one query for the aliases of a listing, none when it has no alias.
    api_prefetch_related = ["attachments", "alias_of"]
    api_filters = DirectiveFilters
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

    def public_attachments(self) -> list:
        """Attachments whose document the public may see (none from a restricted collection)."""
        attachments = self.attachments.select_related("document")
        return [attachment for attachment in attachments if visibility.is_visible_media(attachment.document)]

    @property
    def status_label(self) -> str:
        return str(DirectiveStatus(self.status).label)

    def province_original(self):
        """The province's directive this page stands for in a commune's register (an alias of a page of another
        portal: cms.portals.directives), else None. Its page is the canonical one."""
        if not self.alias_of_id:
            return None
        original = self.alias_of
        if original is None or original.path[:HOME_PATH_LENGTH] == self.path[:HOME_PATH_LENGTH]:
            return None
        return original

    # Public search (search/documents.py).
    type_aliases = ("directive",)
    search_field_choices = DocumentField.choices

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            title=self.title,
            date=self.issue_date,
            body=[self.number, self.summary, self.issuing_agency, self.signer_name, *stream_text(self.body)],
            keywords=[self.number, self.issuing_agency, self.get_document_type_display()],
            number=self.number,
            document_type=self.document_type,
            agency=self.issuing_agency,
            field=self.sector,
        )


class DirectiveAttachment(PageDocument):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(PageDocument.Meta):
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")
