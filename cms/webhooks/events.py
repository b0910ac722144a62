"""The events a webhook endpoint may subscribe to (names are part of the public contract)."""

from django.utils.translation import gettext_lazy as _

PAGE_PUBLISHED = "page.published"
PAGE_UNPUBLISHED = "page.unpublished"
PAGE_DELETED = "page.deleted"
PAGE_MOVED = "page.moved"
TRANSLATION_PUBLISHED = "translation.published"
SNIPPET_PUBLISHED = "snippet.published"
DOCUMENT_CHANGED = "document.changed"

EVENT_CHOICES = [
    (PAGE_PUBLISHED, _("Trang được đăng")),
    (PAGE_UNPUBLISHED, _("Trang bị gỡ")),
    (PAGE_DELETED, _("Trang bị xóa")),
    (PAGE_MOVED, _("Trang được chuyển chỗ")),
    (TRANSLATION_PUBLISHED, _("Bản dịch được đăng")),
    (SNIPPET_PUBLISHED, _("Đoạn nội dung (snippet) được đăng")),
    (DOCUMENT_CHANGED, _("Tài liệu thay đổi")),
]
EVENTS = [name for name, _label in EVENT_CHOICES]
# Events that say an object left the public: they carry its id, type, locale and site, never its content.
REMOVAL_EVENTS = {PAGE_UNPUBLISHED, PAGE_DELETED}


def parse_events(text: str) -> list[str]:
    """``"page.published, page.unpublished"`` as a list; ValueError names any unknown event."""
    events = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in events if name not in EVENTS]
    if unknown:
        raise ValueError(", ".join(unknown))
    if not events:
        raise ValueError("(none)")
    return list(dict.fromkeys(events))
