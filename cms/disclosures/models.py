"""Public disclosures ("công khai", Decree 42/2022/NĐ-CP article 4): budget and financial reports, public
investment, bidding and procurement, plans and programmes, science programmes. One record type with a
category, a year and files, in a register with filters."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.core import visibility
from cms.core.api_fields import ChoiceField
from cms.core.attachments import PageDocument
from cms.core.cache import remember
from cms.core.pages import PortalPage, RegisterPage
from cms.core.search_document import SearchDocument
from cms.core.text import is_number


def this_year() -> int:
    return timezone.localdate().year


def today() -> datetime.date:
    return timezone.localdate()


class DisclosureCategory(models.TextChoices):
    BUDGET = "ngan-sach", _("Ngân sách, báo cáo tài chính")
    INVESTMENT = "dau-tu-cong", _("Đầu tư công")
    PROCUREMENT = "dau-thau", _("Đấu thầu, mua sắm công")
    PLANS = "quy-hoach-ke-hoach", _("Chiến lược, quy hoạch, kế hoạch")
    SCIENCE = "khoa-hoc", _("Chương trình, đề tài khoa học")


class DisclosureIndexPage(RegisterPage):
    """The register of disclosures, filterable by category and year."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["disclosures.DisclosurePage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Trang danh sách công khai")
        verbose_name_plural = _("Trang danh sách công khai")

    register_order = ("-date", "-pk")
    register_items_name = "disclosures"

    def filter_register(self, queryset, params):
        """Apply the public filters; invalid values are ignored and named, never an error."""
        filters, ignored = {}, []
        category = params.get("category", "")
        if category in DisclosureCategory.values:
            queryset = queryset.filter(category=category)
            filters["category"] = category
        elif category:
            ignored.append("category")
        year = params.get("year", "")
        if is_number(year) and 1900 <= int(year) <= 2999:
            queryset = queryset.filter(year=int(year))
            filters["year"] = int(year)
        elif year:
            ignored.append("year")
        return queryset, filters, ignored

    def register_facets(self, disclosures) -> dict:
        years = remember(
            f"disclosure-years:{self.pk}",
            lambda: list(disclosures.order_by("-year").values_list("year", flat=True).distinct()),
        )
        return {"categories": DisclosureCategory.choices, "years": years}


class DisclosurePage(PortalPage):
    """One disclosed record: a budget report, an investment plan, a bidding notice, a programme."""

    category = models.CharField(_("Nhóm thông tin"), max_length=40, choices=DisclosureCategory.choices)
    year = models.PositiveSmallIntegerField(
        _("Năm"), default=this_year, validators=[MinValueValidator(1900), MaxValueValidator(2999)]
    )
    date = models.DateField(_("Ngày công khai"), default=today)
    summary = models.TextField(_("Tóm tắt"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("category"), FieldPanel("year"), FieldPanel("date")]),
        FieldPanel("summary"),
        InlinePanel("files", label=_("Tệp"), heading=_("Tệp công khai"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("category"),
        index.FilterField("year"),
    ]

    api_listing_fields = ["category", "year", "date", "summary"]
    api_fields = [
        APIField("category", serializer=ChoiceField(DisclosureCategory)),
        APIField("year"),
        APIField("date"),
        APIField("summary"),
        APIField("files"),
    ]
    api_prefetch_related = ["files"]
    api_default_order = ["-date", "-pk"]

    parent_page_types = ["disclosures.DisclosureIndexPage"]
    subpage_types = []
    show_in_menus_default = False

    type_aliases = ("disclosure",)
    search_field_choices = DisclosureCategory.choices

    class Meta:
        verbose_name = _("Thông tin công khai")
        verbose_name_plural = _("Thông tin công khai")
        indexes = [models.Index(models.F("date").desc(), models.F("page_ptr").desc(), name="disclosure_newest_first")]

    def public_files(self) -> list:
        """Files whose document the public may see (none from a restricted collection)."""
        return [item for item in self.files.select_related("document") if visibility.is_visible_media(item.document)]

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            title=self.title, date=self.date, body=[self.summary], keywords=[str(self.year)], field=self.category
        )


class DisclosureFile(PageDocument):
    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="files")

    class Meta(PageDocument.Meta):
        verbose_name = _("Tệp công khai")
        verbose_name_plural = _("Tệp công khai")
