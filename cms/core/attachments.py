"""The shape shared by the documents attached to a page (a directive's attachments, a disclosure's files, a
draft's files): an ordered inline row with a document and an optional display title."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class PageDocument(Orderable):
    """Abstract: a concrete row adds ``page = ParentalKey(<page model>, related_name=...)`` and its verbose names."""

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("Tài liệu")
    )
    title = models.CharField(
        _("Tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống để dùng tên tài liệu.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
