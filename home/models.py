"""The home page and its banner slides."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from cms.body import BodyBlock
from cms.core import renditions, sites, visibility
from cms.core.cache import remember
from cms.core.pages import PortalPage
from cms.core.snippets import WorkflowSnippet

LATEST_NEWS_COUNT = 6
LATEST_DIRECTIVES_COUNT = 5
# The slides' filter spec in home_page.html.
SLIDE_IMAGE = "fill-1200x400|format-webp"


class HomePage(PortalPage):
    """The portal's front page: banner, latest news, directives box, visitor statistics."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung thêm"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each page type names its parents (``parent_page_types``), so a new type placed under
    # the home page needs no change here.
    max_count_per_parent = 1
    search_document = None  # the front page gathers other pages; it is not a search result

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The province's home (the default site's, with communes) also lists what the communes shared upward.
        with_shared = self.shows_shared_news(request)
        # The lists change only when content does (a publication, a restriction, an expiry starts a new
        # generation): built once per generation instead of 6 statements per view.
        # The slides also depend on the untranslated-snippet fallback (cms.core.i18n.in_locale).
        key = f"home-lists:{self.pk}:{int(with_shared)}:{int(settings.PORTAL_SNIPPET_FALLBACK_TO_DEFAULT)}"
        if self.pk is None:  # the preview of a home not saved yet: nothing to key it by
            lists = self.home_lists(with_shared)
        else:
            lists = remember(key, lambda: self.home_lists(with_shared))
        context.update(lists)
        # Every image of the page in one read of the renditions cache (the specs of the templates' {% rendition %}).
        articles = [*lists["latest_news"], *lists["shared_news"]]
        renditions.prepare(
            [(article.hero_image, renditions.NEWS_CARD) for article in articles]
            + [(slide.image, SLIDE_IMAGE) for slide in lists["slides"]]
        )
        return context

    def home_lists(self, with_shared: bool) -> dict:
        """The banner, the latest news and directives, the communes' shared news and the sections' links."""
        from news.models import DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage

        lists = {"slides": list(BannerSlide.objects.live_in(self.locale_id, sites.site_id_of_path(self.path)))}
        # ``path__startswith``: this portal's news only; another portal's home is another tree. The bodies are
        # not shown here: left out of the query and of the remembered copy.
        lists["latest_news"] = list(
            visibility.visible_pages(NewsPage)
            .filter(locale_id=self.locale_id, path__startswith=self.path)
            .select_related("hero_image")
            .defer("body")
            .order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
        )
        lists["latest_directives"] = list(
            visibility.visible_pages(DirectivePage)
            .filter(locale_id=self.locale_id, path__startswith=self.path)
            .defer("body")
            .order_by("-issue_date", "-pk")[:LATEST_DIRECTIVES_COUNT]
        )
        lists["shared_news"] = self.shared_news() if with_shared else []
        # One query for both "see all" links; a plain Page is enough for {% pageurl %}.
        index_types = {
            ContentType.objects.get_for_model(model).pk: key
            for key, model in (("news_index", NewsIndexPage), ("directive_index", DirectiveIndexPage))
        }
        lists.update(dict.fromkeys(index_types.values()))
        children = visibility.visible_pages(queryset=Page.objects.child_of(self))
        for child in children.filter(content_type__in=index_types).order_by("-path"):
            lists[index_types[child.content_type_id]] = child
        return lists

    def shared_news_queryset(self):
        """The communes' newest shared articles in this home's language (an index holds the shared ones only)."""
        from news.models import NewsPage

        return (
            visibility.visible_pages(NewsPage)
            .filter(locale_id=self.locale_id, share_with_province=True)
            .exclude(path__startswith=self.path)
            .select_related("hero_image")
            .order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
        )

    @staticmethod
    def shows_shared_news(request) -> bool:
        """Whether the request is for the province's home (the default site's) of an installation with communes."""
        site = Site.find_for_request(request)
        return len(sites.portal_trees()) >= 2 and site is not None and site.is_default_site

    def shared_news(self) -> list:
        """The latest news the communes shared upward, each with its portal's name."""
        names = sites.portal_names()
        news = list(self.shared_news_queryset().defer("body"))
        for article in news:
            article.portal_name = names.get(article.path[: sites.HOME_PATH_LENGTH], "")
        return news


class BannerSlideQuerySet(models.QuerySet):
    def live_in(self, locale, site_id: int | None):
        """Live slides of the portal ``site_id`` in ``locale``, a Locale or its id (plus untranslated default-language
        ones if the fallback setting is on)."""
        from cms.core.i18n import in_locale

        slides = in_locale(visibility.visible_snippets(self.filter(site_id=site_id)), locale)
        hidden_images = visibility.restricted_collection_ids()
        if hidden_images:
            # A slide is its image: one from a restricted collection takes the slide with it.
            slides = slides.exclude(image__collection_id__in=hidden_images)
        return slides.select_related("image", "link_page").order_by("sort_order", "pk")


class BannerSlide(WorkflowSnippet):
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

    objects = BannerSlideQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading=_("Liên kết")),
        FieldPanel("sort_order"),
        FieldPanel("site"),
    ]

    class Meta(WorkflowSnippet.Meta):
        verbose_name = _("Ảnh banner")
        verbose_name_plural = _("Ảnh banner")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def link(self) -> str:
        if self.link_page_id:
            page = visibility.visible_link(self.link_page)
            return (page.url or "") if page else ""
        return self.link_url

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Chọn một trang hoặc nhập liên kết ngoài, không chọn cả hai.")})
