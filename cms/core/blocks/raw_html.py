"""A block for HTML brought over from an older system (the NukeViet importer), kept for an editor to review."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def sanitise_html(html: str) -> str:
    """Only harmless markup survives: no scripts, frames, styles or event handlers (nh3, the ammonia sanitiser)."""
    import nh3

    return nh3.clean(html or "", url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")


class RawHTMLBlock(blocks.StructBlock):
    """HTML brought over from an older system that no other block could represent, kept for an editor to
    review and rewrite. It is always sanitised before it is shown or served."""

    html = blocks.TextBlock(label=_("Mã HTML"), help_text=_("Được lọc an toàn trước khi hiển thị."))
    reason = blocks.CharBlock(label=_("Lý do chưa chuyển đổi"), required=False, max_length=255)

    api_schema = {
        "type": "object",
        "properties": {"html": {"type": "string"}, "needs_review": {"type": "boolean"}},
    }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["safe_html"] = sanitise_html(value.get("html"))
        return context

    def get_api_representation(self, value, context=None):
        return {"html": sanitise_html(value.get("html")), "needs_review": True}

    def get_searchable_content(self, value):
        from bs4 import BeautifulSoup

        # Only the text a reader would see, never markup or script bodies, goes into search indexes.
        return [BeautifulSoup(sanitise_html(value.get("html")), "html.parser").get_text(" ", strip=True)]

    class Meta:
        icon = "warning"
        label = _("HTML cần rà soát")
        template = "cms/blocks/raw_html.html"
        form_classname = "raw-html-block"
        description = _(
            "Nội dung chuyển từ hệ thống cũ chưa chuyển được sang khối phù hợp; biên tập viên cần rà soát, "
            "viết lại bằng các khối khác rồi xóa khối này."
        )
        preview_value = {"html": "<p>Nội dung <u>cũ</u></p>", "reason": "Bảng có ô gộp"}
