"""Links to other state agencies ("liên kết website", Decree 42/2022/NĐ-CP article 4): a page under each portal's home
that lists them by category, and the footer of every page of that portal.

A page, not a snippet: the links belong to the portal whose tree holds the page (several portals on one
installation each have their own), they are approved through the workflow and translated like any page, and the
publication rule (cms/core/visibility.py) decides whether the list and the footer show them."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import visibility
from cms.core.cache import remember
from cms.core.pages import IndexPage
from cms.core.sites import in_portal
from cms.weblinks.serializers import WebLinkListField

FOOTER_LINKS = 12


class WebLinkCategory(models.TextChoices):
    NATIONAL = "quoc-gia", _("Cổng thông tin quốc gia")
    CENTRAL = "trung-uong", _("Bộ, ngành trung ương")
    PROVINCE = "tinh", _("Tỉnh và các sở, ngành")
    LOCAL = "dia-phuong", _("Huyện, xã và địa phương khác")
    OTHER = "khac", _("Liên kết khác")


class WebLinkPage(IndexPage):
    """The portal's list of links to other state agencies, grouped by category in the order of the categories."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = []
    show_in_menus_default = True
    max_count_per_parent = 1

    content_panels = [*IndexPage.content_panels, InlinePanel("links", label=_("Liên kết"), heading=_("Liên kết"))]
    api_fields = [*IndexPage.api_fields, APIField("links", serializer=WebLinkListField())]
    api_prefetch_related = ["links"]

    class Meta:
        verbose_name = _("Trang liên kết website")
        verbose_name_plural = _("Trang liên kết website")

    def grouped_links(self, links=None) -> list[dict]:
        """``[{"category": (code, label), "links": [...]}, ...]`` in the categories' order, empty groups left out."""
        links = list(self.links.all()) if links is None else links
        groups = []
        for code, label in WebLinkCategory.choices:
            items = [link for link in links if link.category == code]
            if items:
                groups.append({"code": code, "label": label, "links": items})
        return groups


class WebLink(TranslatableMixin, Orderable):
    """One agency's website: its name, its address, its category; whether the footer shows it too."""

    page = ParentalKey(WebLinkPage, on_delete=models.CASCADE, related_name="links")
    category = models.CharField(_("Nhóm"), max_length=20, choices=WebLinkCategory.choices)
    title = models.CharField(_("Tên cơ quan, website"), max_length=255)
    url = models.URLField(_("Địa chỉ"), max_length=500, validators=[URLValidator(schemes=["http", "https"])])
    show_in_footer = models.BooleanField(_("Hiện ở chân trang"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("show_in_footer")]),
        FieldPanel("title"),
        FieldPanel("url"),
    ]

    # wagtail-localize: the name is translated; an English version may override the address (an agency's English
    # site), the rest is the same in every language.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("url", overridable=True),
        SynchronizedField("category", overridable=False),
        SynchronizedField("show_in_footer", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("Liên kết website")
        verbose_name_plural = _("Liên kết website")

    def __str__(self) -> str:
        return self.title


def footer_links(paths: tuple[str, ...], language: str) -> list[dict]:
    """The footer's links of the portal whose homes are ``paths`` in ``language``, remembered per content generation.

    Every page shows the footer, so the lookup costs no query once remembered (cms/core/cache.py)."""

    def compute():
        pages = in_portal(visibility.visible_pages(WebLinkPage), paths).filter(locale__language_code=language)
        page = pages.order_by("path").first()
        if page is None:
            return []
        links = [
            {"title": link.title, "url": link.url} for link in page.links.filter(show_in_footer=True)[:FOOTER_LINKS]
        ]
        return [{"page_url": page.url, "page_title": page.title, "links": links}] if links else []

    return remember(f"weblinks-footer:{language}:{','.join(paths)}", compute)
