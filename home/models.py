from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.visibility import unexpired, unrestricted

LATEST_NEWS_COUNT = 6
LATEST_DIRECTIVES_COUNT = 5


class HomePage(Page):
    """The portal's front page: banner, latest news, directives box, visitor statistics."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung thêm"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "news.DirectiveIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        from news.models import DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["slides"] = BannerSlide.objects.live_in(self.locale)
        context["latest_news"] = (
            unexpired(unrestricted(NewsPage.objects.live()))
            .filter(locale=self.locale)
            .select_related("hero_image")
            .order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
        )
        context["latest_directives"] = (
            unexpired(unrestricted(DirectivePage.objects.live()))
            .filter(locale=self.locale)
            .order_by("-issue_date", "-pk")[:LATEST_DIRECTIVES_COUNT]
        )
        # One query for both "see all" links; a plain Page is enough for {% pageurl %}.
        index_types = {
            ContentType.objects.get_for_model(model).pk: key
            for key, model in (("news_index", NewsIndexPage), ("directive_index", DirectiveIndexPage))
        }
        context.update(dict.fromkeys(index_types.values()))
        for child in Page.objects.child_of(self).live().filter(content_type__in=index_types).order_by("-path"):
            context[index_types[child.content_type_id]] = child
        return context


class BannerSlideQuerySet(models.QuerySet):
    def live_in(self, locale):
        """Live slides in ``locale`` (plus untranslated default-language ones if the fallback setting is on)."""
        from cms.i18n import in_locale

        slides = unexpired(in_locale(self.filter(live=True), locale))
        return slides.select_related("image", "link_page").order_by("sort_order", "pk")


class BannerSlide(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """One slide of the home page's top banner; editors draft it, approvers publish it."""

    title = models.CharField(_("Tiêu đề"), max_length=255)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.PROTECT, related_name="+", verbose_name=_("Ảnh"))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Liên kết tới trang"),
    )
    link_url = models.URLField(_("Hoặc liên kết ngoài"), blank=True)
    sort_order = models.PositiveIntegerField(_("Thứ tự"), default=0, help_text=_("Số nhỏ hiển thị trước."))

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="banner_slide")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="banner_slide",
        for_concrete_model=False,
    )

    objects = BannerSlideQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading=_("Liên kết")),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Ảnh banner")
        verbose_name_plural = _("Ảnh banner")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def link(self) -> str:
        if self.link_page_id and self.link_page.live:
            return self.link_page.url or ""
        return self.link_url

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Chọn một trang hoặc nhập liên kết ngoài, không chọn cả hai.")})
