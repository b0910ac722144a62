"""The image form (WAGTAILIMAGES_IMAGE_FORM_BASE): a refusal an editor can act on when a picture is too big."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail's message gives two bare numbers; say what to do about it.
            self.fields["file"].error_messages["file_too_many_pixels"] = _(
                "Ảnh quá lớn: %(num_pixels)s điểm ảnh, tối đa %(max_pixels_count)s. "
                "Hãy thu nhỏ ảnh (ví dụ còn 6000 × 4000) rồi tải lên lại."
            )
