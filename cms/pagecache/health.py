"""The page cache's line on "Tình trạng hệ thống": on, off, or serving stale copies because the database failed."""

import time

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.operations.health import AMBER, GREEN, OFF, HealthLine, register
from cms.pagecache.middleware import STALE_SERVED_KEY
from cms.pagecache.store import page_store

# A stale copy served this recently means the portal is degraded now.
DEGRADED_WINDOW_SECONDS = 10 * 60


def stale_served_recently() -> float | None:
    """When a stale copy was last served (a timestamp), if within the window."""
    served = page_store().get(STALE_SERVED_KEY)
    if served is not None and time.time() - served < DEGRADED_WINDOW_SECONDS:
        return served
    return None


def page_cache_check() -> HealthLine:
    if not settings.PAGE_CACHE_ENABLED:
        return HealthLine(OFF, _("Tắt (PAGE_CACHE=off)."), _("Bật lại để trang chịu được lượng truy cập lớn."))
    if stale_served_recently() is not None:
        return HealthLine(
            AMBER,
            _("Đang phục vụ bản lưu cũ: cơ sở dữ liệu không truy cập được."),
            _("Kiểm tra máy chủ cơ sở dữ liệu; trang quản trị không dùng được cho đến khi nó hoạt động lại."),
        )
    return HealthLine(GREEN, _("Bật, mỗi trang lưu %(seconds)d giây.") % {"seconds": settings.PAGE_CACHE_SECONDS})


def register_check() -> None:
    register("page_cache", gettext_lazy("Bộ nhớ đệm trang"))(page_cache_check)
