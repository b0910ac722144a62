"""Administrative procedures ("thủ tục hành chính", Decree 42/2022/NĐ-CP article 4): one page per procedure
under a register page, with its national code, field, online level, time limit, fees, responsible agency and
required documents, and a link to the procedure on the national public-service portal built from the code."""

from urllib.parse import quote

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.core.api_fields import ChoiceField
from cms.core.cache import remember
from cms.core.pages import PortalPage, RegisterPage
from cms.core.search_document import SearchDocument
from cms.procedures.choices import OnlineLevel
from cms.procedures.serializers import LinkField

# The national public-service portal's page of one procedure, by the procedure's code in the national database
# (Cơ sở dữ liệu quốc gia về thủ tục hành chính). The code is the key both systems share.
NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"

# National codes: "1.004227", "2.000794"; provincial variants append dot-separated parts ("1.004227.000.00.00.H53").
code_validator = RegexValidator(
    r"^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,10}){0,5}$", _("Mã thủ tục có dạng 1.004227 (theo Cơ sở dữ liệu quốc gia).")
)

KEYWORD_MAX = 100


def clean_text(value: str, limit: int) -> str:
    """A query parameter as safe text: printable characters only (PostgreSQL rejects NUL), trimmed, bounded."""
    return "".join(char for char in value if char.isprintable()).strip()[:limit]


class ProcedureIndexPage(RegisterPage):
    """The register of administrative procedures, filterable by field, online level and keyword."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["procedures.ProcedurePage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Trang danh sách thủ tục hành chính")
        verbose_name_plural = _("Trang danh sách thủ tục hành chính")

    register_order = ("field", "title")
    register_items_name = "procedures"

    def filter_register(self, queryset, params):
        """Apply the public filters; values that are not valid are ignored (and named), never an error."""
        filters, ignored = {}, []
        field = clean_text(params.get("field", ""), 255)
        if field:
            queryset = queryset.filter(field=field)
            filters["field"] = field
        level = params.get("level", "")
        if level in OnlineLevel.values:
            queryset = queryset.filter(level=level)
            filters["level"] = level
        elif level:
            ignored.append("level")
        keyword = clean_text(params.get("q", ""), KEYWORD_MAX)
        if keyword:
            queryset = queryset.filter(models.Q(title__icontains=keyword) | models.Q(code__istartswith=keyword))
            filters["q"] = keyword
        return queryset, filters, ignored

    def register_facets(self, procedures) -> dict:
        """The online levels, and the fields ("lĩnh vực") remembered until the content next changes."""
        fields = remember(
            f"procedure-fields:{self.pk}",
            lambda: list(procedures.order_by("field").values_list("field", flat=True).distinct()),
        )
        return {"levels": OnlineLevel.choices, "fields": fields}


class ProcedurePage(PortalPage):
    """One administrative procedure as the national database describes it."""

    code = models.CharField(
        _("Mã thủ tục"), max_length=60, validators=[code_validator], help_text=_("Mã trên Cơ sở dữ liệu quốc gia.")
    )
    field = models.CharField(_("Lĩnh vực"), max_length=255, help_text=_("Ví dụ: Hộ tịch, Đất đai, Xây dựng."))
    level = models.CharField(_("Mức độ trực tuyến"), max_length=20, choices=OnlineLevel.choices)
    processing_time = models.CharField(_("Thời hạn giải quyết"), max_length=500, blank=True)
    fees = models.TextField(_("Phí, lệ phí"), blank=True)
    agency = models.CharField(_("Cơ quan thực hiện"), max_length=500)
    documents = models.TextField(_("Thành phần hồ sơ"), blank=True, help_text=_("Mỗi giấy tờ một dòng."))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("field"), FieldPanel("agency")]),
                FieldPanel("processing_time"),
            ],
            heading=_("Thông tin thủ tục"),
        ),
        FieldPanel("fees"),
        FieldPanel("documents"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("field"),
        index.SearchField("agency"),
        index.SearchField("documents"),
        index.FilterField("field"),
        index.FilterField("level"),
    ]

    api_listing_fields = ["code", "field", "level", "agency", "national_portal_url"]
    api_fields = [
        APIField("code"),
        APIField("field"),
        APIField("level", serializer=ChoiceField(OnlineLevel)),
        APIField("processing_time"),
        APIField("fees"),
        APIField("agency"),
        APIField("documents"),
        APIField("national_portal_url", serializer=LinkField()),
    ]
    api_default_order = ["field", "title"]

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    show_in_menus_default = False

    type_aliases = ("procedure",)

    class Meta:
        verbose_name = _("Thủ tục hành chính")
        verbose_name_plural = _("Thủ tục hành chính")
        indexes = [
            models.Index(fields=["field"], name="procedure_by_field"),
            models.Index(fields=["code"], name="procedure_by_code"),
        ]

    @property
    def national_portal_url(self) -> str:
        return NATIONAL_PORTAL_URL.format(code=quote(self.code, safe=""))

    def document_list(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            title=self.title,
            date=self.search_date(),
            body=[self.code, self.field, self.agency, self.processing_time, self.fees, self.documents],
            keywords=[self.code, self.field],
            number=self.code,
        )
