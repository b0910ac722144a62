from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageType(models.TextChoices):
    NEWS = "news", _("Tin bài")
    DIRECTIVE = "directive", _("Văn bản chỉ đạo điều hành")


class SearchEntry(models.Model):
    """One live, public news article or directive, with its text pre-folded for Vietnamese search.

    Rows exist only for pages anyone may read; ``search.index`` keeps them in step with the page tree.
    Folded columns hold space-separated words with a space either side, so " word " is a whole-word match.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("Trang")
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    page_type = models.CharField(_("Loại nội dung"), max_length=20, choices=PageType.choices)
    title = models.CharField(_("Tiêu đề"), max_length=255)
    title_exact = models.TextField(help_text="Title words, NFC and case folded, marks kept.")
    title_folded = models.TextField(help_text="Title words folded (no marks, đ -> d).")
    body = models.TextField(help_text="Plain text for snippets.")
    body_folded = models.TextField(help_text="Body words folded (no marks, đ -> d).")
    date = models.DateField(_("Ngày"))
    number = models.CharField(_("Số ký hiệu"), max_length=100, blank=True)
    number_key = models.CharField(max_length=100, blank=True, help_text="Number folded without punctuation.")
    document_type = models.CharField(_("Loại văn bản"), max_length=40, blank=True)
    issuing_agency = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    expire_at = models.DateTimeField(null=True, blank=True)
    # PostgreSQL only (NULL on SQLite): the title and body words as a position-less tsvector, written by a
    # trigger (migration 0003) so no code path can forget it, and kept in the row so matching is cheap.
    document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("Mục chỉ mục tìm kiếm")
        verbose_name_plural = _("Chỉ mục tìm kiếm")
        indexes = [models.Index(fields=["locale", "-date"], name="portal_search_locale_date")]

    def __str__(self):
        return self.title
