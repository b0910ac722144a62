"""The search index (one row per public page), its vocabulary and the editors' synonyms."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from search import text


class SearchEntry(models.Model):
    """One live, public page of a type that declares a search document, with its text pre-folded.

    Rows exist only for pages anyone may read; ``search.index`` keeps them in step with the page tree.
    Folded columns hold space-separated words with a space either side, so " word " is a whole-word match.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("Trang")
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The page type's label, as the pages API names it (cms/core/page_types.py): "news.NewsPage", ...
    page_type = models.CharField(_("Loại nội dung"), max_length=100)
    # The page's tree path, so a search can keep to one portal (site) or span the province.
    path = models.CharField(max_length=255, default="", db_index=False)
    title = models.CharField(_("Tiêu đề"), max_length=255)
    title_exact = models.TextField(help_text="Title words, NFC and case folded, marks kept.")
    title_folded = models.TextField(help_text="Title words folded (no marks, đ -> d).")
    keywords_folded = models.TextField(default="", help_text="Agency, author, number: folded, ranked below title.")
    body = models.TextField(help_text="Plain text for snippets.")
    body_folded = models.TextField(help_text="Body words folded (no marks, đ -> d).")
    date = models.DateField(_("Ngày"))
    number = models.CharField(_("Số ký hiệu"), max_length=100, blank=True)
    number_key = models.CharField(max_length=100, blank=True, help_text="Number folded without punctuation.")
    document_type = models.CharField(_("Loại văn bản"), max_length=40, blank=True)
    issuing_agency = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    field = models.CharField(_("Lĩnh vực"), max_length=60, blank=True)
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


class SearchWord(models.Model):
    """A folded word of the index (the vocabulary), for typo tolerance and joined-word splitting.

    Written as pages are indexed; never shown unless a search of the visible pages confirms it.
    """

    word = models.CharField(max_length=60, primary_key=True)
    frequency = models.PositiveIntegerField(
        default=1, help_text="Index rows containing the word (at the last rebuild)."
    )

    class Meta:
        verbose_name = _("Từ trong chỉ mục")
        verbose_name_plural = _("Từ trong chỉ mục")

    def __str__(self):
        return self.word


class SearchSynonym(models.Model):
    """An abbreviation or word and what it stands for, applied to search queries (never to the index)."""

    term = models.CharField(
        _("Từ viết tắt hoặc từ khóa"),
        max_length=100,
        unique=True,
        help_text=_("Ví dụ: UBND. Viết hoa, có dấu hay không đều được."),
    )
    expansions = models.TextField(
        _("Nghĩa đầy đủ hoặc từ đồng nghĩa"),
        help_text=_("Mỗi dòng một cụm từ, ví dụ: Ủy ban nhân dân. Tìm từ khóa sẽ tìm cả các cụm từ này và ngược lại."),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("Từ viết tắt, đồng nghĩa")
        verbose_name_plural = _("Từ viết tắt, đồng nghĩa")

    def __str__(self):
        return self.term

    def expansion_list(self) -> list[str]:
        return [line.strip() for line in self.expansions.splitlines() if text.folded_words(line)]
