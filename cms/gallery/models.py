"""Photo and video albums ("thư viện ảnh"): an album page holds photos with captions and links to videos published
elsewhere (the portal embeds no third-party player: no script or frame from another site, as the CSP requires).

The gallery works without JavaScript: each photo is a lazily loaded thumbnail linking to a large rendition. Photos
from a collection with a view restriction are left out of the page, the listing and the API."""

from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import visibility
from cms.core.pages import IndexPage, PortalPage, paginate
from cms.core.search_document import SearchDocument
from cms.gallery.serializers import PhotoListField, VideoListField

ALBUMS_PER_PAGE = 12


def today():
    return timezone.localdate()


class GalleryIndexPage(IndexPage):
    """The photo library: albums, newest first, each with its cover."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["gallery.AlbumPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("Trang thư viện ảnh")
        verbose_name_plural = _("Trang thư viện ảnh")

    def get_albums(self):
        return (
            visibility.visible_pages(queryset=AlbumPage.objects.child_of(self))
            .order_by("-date", "-pk")
            .prefetch_related("photos__image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["albums"] = paginate(request, self.get_albums(), per_page=ALBUMS_PER_PAGE)
        return context


class AlbumPage(PortalPage):
    """An album: its date, a description, photos with captions and links to videos."""

    date = models.DateField(_("Ngày"), default=today)
    description = models.TextField(_("Mô tả"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("description"),
        InlinePanel("photos", label=_("Ảnh"), heading=_("Ảnh"), min_num=1),
        InlinePanel("videos", label=_("Video"), heading=_("Liên kết video")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description"), index.FilterField("date")]

    api_listing_fields = ["date", "description"]
    api_fields = [
        APIField("date"),
        APIField("description"),
        APIField("photos", serializer=PhotoListField()),
        APIField("videos", serializer=VideoListField()),
    ]
    api_prefetch_related = ["photos__image", "videos"]
    api_default_order = ["-date", "-pk"]

    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []
    show_in_menus_default = False

    class Meta:
        verbose_name = _("Album ảnh")
        verbose_name_plural = _("Album ảnh")

    def public_photos(self) -> list:
        """Photos whose image the public may see (none from a restricted collection), in order."""
        if "photos" in getattr(self, "_prefetched_objects_cache", {}):
            photos = self.photos.all()  # a listing prefetched them
        else:
            # One query for the photos and their images, one for their renditions, however many photos.
            photos = self.photos.select_related("image").prefetch_related("image__renditions")
        return [photo for photo in photos if visibility.is_visible_media(photo.image)]

    def cover(self):
        photos = self.public_photos()
        return photos[0] if photos else None

    def search_document(self) -> SearchDocument:
        captions = [photo.caption for photo in self.photos.all() if photo.caption]
        body = [self.description, *captions] if self.description else captions
        return SearchDocument(title=self.title, date=self.date, body=body)


class AlbumPhoto(TranslatableMixin, Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("Ảnh"))
    caption = models.CharField(_("Chú thích"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    translatable_fields = [SynchronizedField("image", overridable=False), TranslatableField("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("Ảnh")
        verbose_name_plural = _("Ảnh")

    @property
    def alt_text(self) -> str:
        """The image's own description for screen readers, else the caption, else its title."""
        return self.image.default_alt_text or self.caption or self.image.title


class AlbumVideo(TranslatableMixin, Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("Tên video"), max_length=255)
    url = models.URLField(_("Địa chỉ video"), max_length=500, validators=[URLValidator(schemes=["http", "https"])])

    panels = [FieldPanel("title"), FieldPanel("url")]
    translatable_fields = [TranslatableField("title"), SynchronizedField("url", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("Video")
        verbose_name_plural = _("Video")
