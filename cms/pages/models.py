"""Plain content pages ("Giới thiệu", "Chức năng nhiệm vụ", "Cơ cấu tổ chức"): a title, an introduction, a body.

Nothing else in the project names this type: the API, its OpenAPI document, the search, the sitemap and
the menus read what ``PortalPage`` declares.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.body import BodyBlock
from cms.core import visibility
from cms.core.pages import PortalPage


class ContentPage(PortalPage):
    """A page of fixed information about the agency, with optional sub-pages."""

    intro = models.TextField(_("Tóm tắt"), blank=True, help_text=_("Một hai câu mở đầu, hiển thị dưới tiêu đề."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    api_fields = [APIField("intro"), APIField("body")]
    api_listing_fields = ["intro"]
    # The search's name for plain pages before types were named by label (cms/core/page_types.py).
    type_aliases = ("page",)

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Trang nội dung")
        verbose_name_plural = _("Trang nội dung")

    def get_children_for_readers(self):
        """Sub-pages anyone may read, in the editors' order."""
        return visibility.visible_pages(queryset=Page.objects.child_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children_for_readers()
        return context
