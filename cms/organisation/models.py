"""The agency's organisation (Decree 42/2022/NĐ-CP, article 4): units, their functions and contacts, the
officials who are contact points, and the organisation chart.

A unit is a page: its parent unit is its parent in the page tree, so the chart is the tree below the
``OrganisationPage``, each unit goes through the approval workflow and is translated like any page, and
several portals sharing one installation each keep their own units. Officials are inline rows of their unit.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import visibility
from cms.core.pages import IndexPage, PortalPage, page_tree
from cms.core.search_document import SearchDocument
from cms.organisation.serializers import OfficialListField


class OrganisationPage(IndexPage):
    """ "Cơ cấu tổ chức": an introduction and the organisation chart of the units below it."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["organisation.UnitPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Trang cơ cấu tổ chức")
        verbose_name_plural = _("Trang cơ cấu tổ chức")

    def get_chart(self) -> list[dict]:
        """The visible units below this page as a nested list: ``[{"page": unit, "children": [...]}, ...]``.

        One query, whatever the depth: a unit under a hidden unit is hidden with it.
        """
        units = visibility.visible_pages(queryset=UnitPage.objects.descendant_of(self)).order_by("path")
        return page_tree(self, units)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chart"] = self.get_chart()
        return context


class UnitPage(PortalPage):
    """A unit of the agency ("đơn vị": a department, an office, the leadership) with its contacts and officials."""

    short_name = models.CharField(_("Tên viết tắt"), max_length=100, blank=True)
    functions = RichTextField(
        _("Chức năng, nhiệm vụ, quyền hạn"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
    )
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    website = models.URLField(_("Trang web"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_name"),
        FieldPanel("functions"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Liên hệ"),
        ),
        InlinePanel("officials", label=_("Cán bộ"), heading=_("Lãnh đạo và cán bộ đầu mối")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("functions"),
        index.SearchField("address"),
    ]

    api_fields = [
        APIField("short_name"),
        APIField("functions"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("officials", serializer=OfficialListField()),
    ]
    api_listing_fields = ["short_name", "phone", "email"]
    api_prefetch_related = ["officials__photo"]
    search_prefetch_related = ("officials",)

    parent_page_types = ["organisation.OrganisationPage", "organisation.UnitPage"]
    subpage_types = ["organisation.UnitPage"]
    show_in_menus_default = False

    type_aliases = ("page",)

    class Meta:
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")

    def search_document(self) -> SearchDocument:
        officials = list(self.officials.all())
        return SearchDocument(
            title=self.title,
            date=self.search_date(),
            body=[self.short_name, self.functions, self.address, *(f"{o.name} {o.position}" for o in officials)],
            keywords=[self.short_name, *(official.name for official in officials)],
        )

    def get_subunits(self):
        return visibility.visible_pages(queryset=UnitPage.objects.child_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["officials"] = self.officials.select_related("photo")
        context["subunits"] = self.get_subunits()
        return context


class Official(TranslatableMixin, Orderable):
    """An official who is a contact point of the unit: name, position and official contacts."""

    unit = ParentalKey(UnitPage, on_delete=models.CASCADE, related_name="officials", verbose_name=_("Đơn vị"))
    name = models.CharField(_("Họ và tên"), max_length=255)
    position = models.CharField(_("Chức vụ"), max_length=255)
    phone = models.CharField(_("Điện thoại công vụ"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử công vụ"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Ảnh"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
    ]

    # wagtail-localize: a name and the contacts are the same in every language; the position is translated.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # officials added outside the admin's ordered formset have no sort_order
        verbose_name = _("Cán bộ")
        verbose_name_plural = _("Cán bộ")

    def __str__(self) -> str:
        return f"{self.name} — {self.position}"

    def public_photo(self):
        return visibility.visible_media_or_none(self.photo)
