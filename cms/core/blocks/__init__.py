"""StreamField blocks shared by every page type.

Each block owns its HTML template, its admin description and preview value.
Page models import ``BodyBlock`` (cms/body.py) and never special-case a block.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.core import visibility
from cms.core.blocks.raw_html import RawHTMLBlock, sanitise_html  # noqa: F401 - re-exported
from cms.core.embedded_video import embedded_video

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote", "hr"]


def _first_instance(model_path: str):
    """A real object for block previews, or None on an empty database."""
    from django.apps import apps

    return apps.get_model(model_path).objects.order_by("pk").first()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề mục (H2)")), ("h3", _("Tiêu đề phụ (H3)")), ("h4", _("Tiêu đề nhỏ (H4)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "cms/blocks/heading.html"
        description = _("Tiêu đề chia bài viết thành các mục.")
        preview_value = {"text": "Kết quả 6 tháng đầu năm", "level": "h2"}

    api_schema = {"type": "object", "properties": {"text": {"type": "string"}, "level": {"enum": ["h2", "h3", "h4"]}}}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    api_schema = {
        "oneOf": [
            {"type": "string", "description": "HTML with page and document links resolved to public URLs."},
            {"$ref": "#/components/schemas/RichTextTree"},
        ],
        "description": "HTML by default; the `RichTextTree` with `?rich_text=tree`.",
    }

    def get_api_representation(self, value, context=None):
        from cms.core.rich_text_tree import rich_text_representation

        return rich_text_representation(value.source if value is not None else "")

    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        template = "cms/blocks/paragraph.html"
        description = _("Văn bản có định dạng: in đậm, nghiêng, danh sách, liên kết tới trang và tài liệu.")
        preview_value = (
            "<p>Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện đã tổ chức hội nghị sơ kết, "
            "<b>triển khai nhiệm vụ</b> 6 tháng cuối năm.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh (alt)"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng mô tả của ảnh trong thư viện."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), required=False, max_length=255)

    api_schema = {
        "type": "object",
        "properties": {
            "image": {"oneOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]},
            "caption": {"type": "string"},
            "credit": {"type": "string"},
        },
    }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["image"] = visibility.visible_media_or_none(value.get("image"))
        return context

    def get_api_representation(self, value, context=None):
        from cms.core.representations import image_representation

        return {
            "image": image_representation(
                visibility.visible_media_or_none(value.get("image")), alt=value.get("alt_text", "")
            ),
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }

    def get_preview_value(self):
        return {
            "image": _first_instance("wagtailimages.Image"),
            "caption": "Quang cảnh hội nghị",
            "credit": "Mộc Châu",
        }

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "cms/blocks/image.html"
        description = _("Một ảnh với chú thích và nguồn.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người phát biểu"), required=False, max_length=255)

    api_schema = {"type": "object", "properties": {"text": {"type": "string"}, "attribution": {"type": "string"}}}

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "cms/blocks/quote.html"
        description = _("Lời phát biểu hoặc trích dẫn nổi bật.")
        preview_value = {
            "text": "Các đơn vị chủ động lãnh đạo, chỉ đạo triển khai nhiệm vụ thiết thực, hiệu quả.",
            "attribution": "Trưởng Ban chỉ đạo",
        }


class TableBlock(WagtailTableBlock):
    api_schema = {
        "type": "object",
        "properties": {
            "rows": {"type": "array", "items": {"type": "array", "items": {"type": ["string", "null"]}}},
            "first_row_is_header": {"type": "boolean"},
            "first_col_is_header": {"type": "boolean"},
            "caption": {"type": "string"},
        },
    }

    def get_api_representation(self, value, context=None):
        value = value or {}
        return {
            "rows": value.get("data") or [],
            "first_row_is_header": bool(value.get("first_row_is_table_header")),
            "first_col_is_header": bool(value.get("first_col_is_header")),
            "caption": value.get("table_caption") or "",
        }

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "cms/blocks/table.html"
        description = _("Bảng số liệu; hàng đầu có thể là tiêu đề.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                ["Đơn vị", "Đã hoàn thành", "Tổng số"],
                ["Doanh nghiệp", "4", "8"],
                ["Bản, tiểu khu", "87", "180"],
            ],
        }


class EmbedBlock(WagtailEmbedBlock):
    api_schema = {
        "type": "object",
        "properties": {"url": {"type": "string"}, "html": {"type": ["string", "null"]}},
    }

    def get_api_representation(self, value, context=None):
        from cms.core.representations import embed_representation

        return embed_representation(value.url if value else "")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["video"] = embedded_video(value.url) if value else None
        return context

    class Meta:
        icon = "media"
        label = _("Nhúng video")
        template = "cms/blocks/embed.html"
        description = _("Video hoặc nội dung nhúng từ địa chỉ (YouTube, Vimeo…).")
        preview_value = "https://www.youtube.com/watch?v=jNQXAC9IVRw"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"), required=False, max_length=255, help_text=_("Để trống để dùng tên tài liệu.")
    )

    api_schema = {"oneOf": [{"$ref": "#/components/schemas/Document"}, {"type": "null"}]}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["document"] = visibility.visible_media_or_none(value.get("document"))
        return context

    def get_api_representation(self, value, context=None):
        from cms.core.representations import document_representation

        document = visibility.visible_media_or_none(value.get("document"))
        return document_representation(document, title=value.get("title", ""))

    def get_preview_value(self):
        return {"document": _first_instance("wagtaildocs.Document"), "title": ""}

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "cms/blocks/document.html"
        description = _("Liên kết tải về một tài liệu, kèm loại và dung lượng tệp.")


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Trang"))
    title = blocks.CharBlock(
        label=_("Tiêu đề hiển thị"), required=False, max_length=255, help_text=_("Để trống để dùng tiêu đề trang.")
    )
    description = blocks.TextBlock(label=_("Mô tả ngắn"), required=False)

    api_schema = {
        "type": "object",
        "properties": {
            "page": {"oneOf": [{"$ref": "#/components/schemas/PageLink"}, {"type": "null"}]},
            "title": {"type": "string"},
            "description": {"type": "string"},
        },
    }

    def get_api_representation(self, value, context=None):
        from cms.core.representations import page_link_representation

        page = visibility.visible_link(value.get("page"))
        request = (context or {}).get("request")
        return {
            "page": page_link_representation(page, request),
            "title": value.get("title") or (page.title if page else ""),
            "description": value.get("description", ""),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["target"] = visibility.visible_link(value.get("page"))
        return context

    def get_preview_value(self):
        from wagtail.models import Page

        return {"page": Page.objects.filter(depth__gt=1).order_by("path").first(), "title": "", "description": ""}

    class Meta:
        icon = "link"
        label = _("Thẻ liên kết trang")
        template = "cms/blocks/page_link.html"
        description = _("Thẻ dẫn tới một trang khác trên cổng.")
