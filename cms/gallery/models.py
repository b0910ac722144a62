"""Photo and video albums ("thư viện ảnh"): an album page holds photos with captions and videos, each either a
file uploaded to the portal (wagtailmedia, played in a native ``<video>`` with WebVTT captions) or a video on
YouTube/Vimeo (a poster and a link; the privacy-enhanced player only after the citizen's click,
cms/core/embedded_video.py).

The gallery works without JavaScript: each photo is a lazily loaded thumbnail linking to a large rendition. Photos,
video files, posters and captions from a collection with a view restriction are left out of the page, the listing
and the API."""

import mimetypes

from django.core.exceptions import ValidationError
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
from wagtailmedia.edit_handlers import MediaChooserPanel

from cms.core import visibility
from cms.core.embedded_video import embedded_video
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
            .prefetch_related("photos__image", "videos__media", "videos__poster")
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
        InlinePanel("photos", label=_("Ảnh"), heading=_("Ảnh")),
        InlinePanel("videos", label=_("Video"), heading=_("Video")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description"), index.FilterField("date")]

    api_listing_fields = ["date", "description"]
    api_fields = [
        APIField("date"),
        APIField("description"),
        APIField("photos", serializer=PhotoListField()),
        APIField("videos", serializer=VideoListField()),
    ]
    api_prefetch_related = ["photos__image", "videos__media", "videos__poster", "videos__captions"]
    search_prefetch_related = ("photos", "videos")
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

    def public_videos(self) -> list:
        """Videos the public may see, in order: an uploaded file from a restricted collection is left out, and so
        are a restricted poster or captions file (the video then shows without them)."""
        if "videos" in getattr(self, "_prefetched_objects_cache", {}):
            videos = self.videos.all()
        else:
            videos = self.videos.select_related("media", "poster", "captions").prefetch_related("poster__renditions")
        public = []
        for video in videos:
            if video.media_id is not None and not visibility.is_visible_media(video.media):
                continue
            if video.media_id is None and not video.url:
                continue
            public.append(video)
        return public

    def cover(self):
        """The picture that stands for the album: its first public photo, else the first public video poster."""
        photos = self.public_photos()
        if photos:
            return photos[0].image
        posters = [video.public_poster for video in self.public_videos() if video.public_poster]
        return posters[0] if posters else None

    def search_document(self) -> SearchDocument:
        captions = [photo.caption for photo in self.photos.all() if photo.caption]
        captions += [video.title for video in self.videos.all()]
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


CAPTIONS_MAGIC = b"WEBVTT"


class AlbumVideo(TranslatableMixin, Orderable):
    """One video of an album: an uploaded file or the address of a video on YouTube or Vimeo (other addresses
    stay plain links)."""

    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("Tên video"), max_length=255)
    media = models.ForeignKey(
        "wagtailmedia.Media",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Tệp video"),
        help_text=_("Video MP4 hoặc WebM đã tải lên. Để trống nếu dùng địa chỉ YouTube/Vimeo."),
    )
    url = models.URLField(
        _("Địa chỉ video"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Địa chỉ video trên YouTube hoặc Vimeo. Để trống nếu đã chọn tệp video."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ảnh đại diện"),
        help_text=_("Hiện trước khi phát. Với video YouTube/Vimeo, cổng không tải ảnh từ trang khác."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Phụ đề (WebVTT)"),
        help_text=_("Tệp .vtt cho video đã tải lên; bản tiếng Anh có thể chọn phụ đề riêng."),
    )

    panels = [
        FieldPanel("title"),
        MediaChooserPanel("media", media_type="video"),
        FieldPanel("url"),
        FieldPanel("poster"),
        FieldPanel("captions"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("media", overridable=False),
        SynchronizedField("url", overridable=False),
        SynchronizedField("poster", overridable=False),
        SynchronizedField("captions"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("Video")
        verbose_name_plural = _("Video")

    def clean(self):
        super().clean()
        if bool(self.media_id) == bool(self.url):
            raise ValidationError(_("Chọn một tệp video đã tải lên hoặc nhập một địa chỉ video, không cả hai."))
        if self.media_id and self.media.type != "video":
            raise ValidationError({"media": _("Tệp đã chọn không phải video.")})
        if self.captions_id:
            if self.media_id is None:
                raise ValidationError({"captions": _("Phụ đề chỉ dùng cho video đã tải lên.")})
            if not self._captions_are_webvtt():
                raise ValidationError({"captions": _("Phụ đề phải là tệp WebVTT (.vtt, bắt đầu bằng “WEBVTT”).")})

    def _captions_are_webvtt(self) -> bool:
        document = self.captions
        if document.file_extension.lower() != "vtt":
            return False
        try:
            with document.open_file() as handle:
                head = handle.read(len(CAPTIONS_MAGIC) + 3)
        except OSError:
            return False
        return head.removeprefix(b"\xef\xbb\xbf").startswith(CAPTIONS_MAGIC)

    @property
    def embed(self):
        """The YouTube/Vimeo video behind ``url`` (None for an upload or any other address)."""
        return None if self.media_id else embedded_video(self.url)

    @property
    def source_type(self) -> str:
        """The uploaded file's MIME type for ``<source type>``."""
        return mimetypes.guess_type(self.media.file.name)[0] or "video/mp4" if self.media_id else ""

    @property
    def public_poster(self):
        return visibility.visible_media_or_none(self.poster) if self.poster_id else None

    @property
    def public_captions(self):
        return visibility.visible_media_or_none(self.captions) if self.captions_id and self.media_id else None
