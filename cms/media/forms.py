"""The upload forms of images (WAGTAILIMAGES_IMAGE_FORM_BASE) and videos (WAGTAILMEDIA["MEDIA_FORM_BASE"]):
refusals an editor can act on."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail's message gives two bare numbers; say what to do about it.
            self.fields["file"].error_messages["file_too_many_pixels"] = _(
                "Ảnh quá lớn: %(num_pixels)s điểm ảnh, tối đa %(max_pixels_count)s. "
                "Hãy thu nhỏ ảnh (ví dụ còn 6000 × 4000) rồi tải lên lại."
            )


# What an uploaded video or its poster must really be, by the file's first bytes (filetype), per extension.
VIDEO_TYPES = {"mp4": {"video/mp4"}, "webm": {"video/webm"}}
POSTER_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
SNIFF_BYTES = 8192


def sniffed_type(upload) -> str | None:
    """The MIME type the file's first bytes show (None: unknown), leaving the file at its start."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    return kind.mime if kind else None


class PortalMediaForm(BaseMediaForm):
    """The upload form of wagtailmedia (WAGTAILMEDIA["MEDIA_FORM_BASE"]): videos only, MP4 or WebM by content as
    well as by name, at most PORTAL_VIDEO_MAX_UPLOAD_SIZE; a poster must be a picture. Each refusal is a form
    error the editor can act on."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.type != "video":
            raise ValidationError(_("Cổng chỉ nhận tệp video (MP4 hoặc WebM)."), code="not_video")
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on edit
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in VIDEO_TYPES:
            raise ValidationError(
                _("Chỉ nhận video MP4 hoặc WebM. Hãy chuyển đổi tệp sang MP4 (H.264) rồi tải lên lại."),
                code="video_extension",
            )
        limit = settings.PORTAL_VIDEO_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("Tệp video quá lớn: %(size)s, tối đa %(limit)s. Hãy nén hoặc cắt ngắn video."),
                code="video_too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        if sniffed_type(upload) not in VIDEO_TYPES[extension]:
            raise ValidationError(
                _("Nội dung tệp không phải video %(format)s dù tên tệp có đuôi .%(extension)s."),
                code="video_content",
                params={"format": extension.upper(), "extension": extension},
            )
        return upload

    def clean_thumbnail(self):
        upload = self.cleaned_data.get("thumbnail")
        if not isinstance(upload, UploadedFile):
            return upload
        if upload.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE or sniffed_type(upload) not in POSTER_TYPES:
            raise ValidationError(
                _("Ảnh đại diện phải là ảnh JPEG, PNG, GIF hoặc WebP, tối đa %(limit)s."),
                code="poster",
                params={"limit": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)},
            )
        return upload
