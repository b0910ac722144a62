"""StreamField blocks shared by every page type.

Each block owns its HTML template, its admin description and preview value.
Page models import ``BodyBlock`` and never special-case a block.
"""

import copy
import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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

    api_schema = {"type": "string", "description": "HTML with page and document links resolved to public URLs."}

    def get_api_representation(self, value, context=None):
        from cms.api.representations import rich_text_html

        return rich_text_html(value.source if value is not None else "")

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

    def get_api_representation(self, value, context=None):
        from cms.api.representations import image_representation

        return {
            "image": image_representation(value.get("image"), alt=value.get("alt_text", "")),
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
        from cms.api.representations import embed_representation

        return embed_representation(value.url if value else "")

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

    def get_api_representation(self, value, context=None):
        from cms.api.representations import document_representation

        return document_representation(value.get("document"), title=value.get("title", ""))

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
        from cms.api.representations import page_link_representation

        page = value.get("page")
        request = (context or {}).get("request")
        return {
            "page": page_link_representation(page, request),
            "title": value.get("title") or (page.title if page else ""),
            "description": value.get("description", ""),
        }

    def get_preview_value(self):
        from wagtail.models import Page

        return {"page": Page.objects.filter(depth__gt=1).order_by("path").first(), "title": "", "description": ""}

    class Meta:
        icon = "link"
        label = _("Thẻ liên kết trang")
        template = "cms/blocks/page_link.html"
        description = _("Thẻ dẫn tới một trang khác trên cổng.")


class StatisticChooserBlock(SnippetChooserBlock):
    """Chooses a ``cms.Statistic``; loads the chosen ones with all their translations in one query."""

    def __init__(self, target_model="cms.Statistic", **kwargs):
        super().__init__(target_model, **kwargs)

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        # StreamBlock calls this once per stream with every id of every statistics block, so a page
        # costs one query however many statistics it shows; an API listing's shared object store
        # (cms.api.prefetch) makes it one query for the whole listing.
        ids = [pk for pk in values if pk is not None]
        found, translations = self._load(ids) if ids else ({}, {})
        result = []
        for pk in values:
            statistic = found.get(pk if isinstance(pk, int) else int(pk) if str(pk).isdigit() else None)
            if statistic is not None:
                statistic = copy.copy(statistic)
                statistic.prefetched_translations = translations.get(statistic.translation_key, {})
            result.append(statistic)
        return result

    def _load(self, ids) -> tuple[dict, dict]:
        """Chosen statistics by id, and every translation of them by translation key and locale."""
        from cms.api.prefetch import active_store

        store = active_store()
        if store is not None and store.knows(self.model_class, ids):
            # Statistic.api_prefetch_queryset put every translation of the chosen statistics in the store.
            memo_key = ("statistic-translations", self.model_class)
            if memo_key not in store.memo:
                by_key = defaultdict(dict)
                for statistic in store.objects.get(self.model_class, {}).values():
                    by_key[statistic.translation_key][statistic.locale_id] = statistic
                store.memo[memo_key] = dict(by_key)
            found = {int(pk): store.get(self.model_class, pk) for pk in ids if str(pk).isdigit()}
            return {pk: obj for pk, obj in found.items() if obj is not None}, store.memo[memo_key]
        by_key = self._translations_of(ids)
        found = {statistic.pk: statistic for group in by_key.values() for statistic in group.values()}
        return found, by_key

    def _translations_of(self, ids) -> dict:
        translations = defaultdict(dict)
        chosen_keys = self.model_class.objects.filter(pk__in=list(ids)).values("translation_key")
        for statistic in self.model_class.objects.filter(translation_key__in=chosen_keys).select_related("locale"):
            translations[statistic.translation_key][statistic.locale_id] = statistic
        return dict(translations)


def _is_live(statistic) -> bool:
    return bool(statistic.live) and (statistic.expire_at is None or statistic.expire_at > timezone.now())


def localized_statistic(statistic, locale_id: int | None):
    """The live translation in the given locale, else (same locale, or fallback configured) the chosen one if live."""
    if statistic is None:
        return None
    if hasattr(statistic, "prefetched_translations"):
        translation = statistic.prefetched_translations.get(locale_id)
    elif locale_id and statistic.pk and statistic.locale_id != locale_id:
        # A value built in memory (an admin preview, a new page) was not loaded through bulk_to_python.
        translation = statistic.get_translation_or_none(locale_id)
    else:
        translation = None
    if translation is not None and _is_live(translation):
        return translation
    if locale_id and statistic.locale_id != locale_id and not settings.PORTAL_SNIPPET_FALLBACK_TO_DEFAULT:
        return None  # the snippet language rule (cms.i18n.in_locale): no other-language figure unless configured
    return statistic if _is_live(statistic) else None


def _context_locale_id(context) -> int | None:
    """The locale of the page being rendered or serialised; None keeps the editor's choice."""
    if not context:
        return None
    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    locale = context.get("locale")
    return getattr(locale, "pk", None)


class StatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề nhóm số liệu"), required=False, max_length=255)
    statistics = blocks.ListBlock(StatisticChooserBlock(label=_("Số liệu")), min_num=1, label=_("Số liệu"))

    api_schema = {
        "type": "object",
        "required": ["heading", "statistics"],
        "properties": {
            "heading": {"type": "string"},
            "statistics": {"type": "array", "items": {"$ref": "#/components/schemas/Statistic"}},
        },
    }

    def visible_statistics(self, value, context=None) -> list:
        """The published statistics of this block, each in the page's language when translated."""
        locale_id = _context_locale_id(context)
        shown = (localized_statistic(statistic, locale_id) for statistic in value["statistics"])
        return [statistic for statistic in shown if statistic is not None]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["statistics"] = self.visible_statistics(value, parent_context)
        return context

    def get_api_representation(self, value, context=None):
        from cms.serializers import StatisticSerializer

        statistics = self.visible_statistics(value, context)
        return {"heading": value["heading"], "statistics": StatisticSerializer(statistics, many=True).data}

    def get_preview_value(self):
        from cms.models import Statistic

        # Unsaved examples: the preview never depends on what the database holds.
        examples = [
            ("Doanh nghiệp còn phải ban hành quy chế dân chủ", 4, 8, "doanh nghiệp"),
            ("Bản, tiểu khu còn phải xây dựng hương ước, quy ước", 93, 180, "bản, tiểu khu"),
            ("Kết quả giải quyết thủ tục hành chính được công khai", 100, None, "%"),
        ]
        statistics = [
            Statistic(
                label=label,
                value=Decimal(value),
                total=None if total is None else Decimal(total),
                unit=unit,
                reference_date=datetime.date(2024, 6, 30),
                live=True,
            )
            for label, value, total, unit in examples
        ]
        return self.normalize({"heading": "Kết quả thực hiện dân chủ ở cơ sở", "statistics": statistics})

    class Meta:
        icon = "table"
        label = _("Số liệu thống kê")
        template = "cms/blocks/statistics.html"
        description = _("Nhóm số liệu được quản lý chung, ví dụ 93/180 bản kèm tỷ lệ phần trăm.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    embed = EmbedBlock()
    document = DocumentBlock()
    page_link = PageLinkBlock()
    statistics = StatisticsBlock()

    class Meta:
        label = _("Nội dung")
