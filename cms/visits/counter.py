"""What counts as a page view by a person, and how a visitor is told apart without cookies or stored IPs."""

import datetime
import logging
import re

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cms.core import sites
from cms.core.http import admin_prefix, client_address
from cms.visits.stores import VisitStats, get_store, local_day

logger = logging.getLogger(__name__)

# Clients that say they are not a person's browser. Checked case-insensitively anywhere in the user agent.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|preview|monitor|check|lighthouse|pingdom|uptime|headless|phantom"
    r"|selenium|puppeteer|playwright|python|curl|wget|httpie|java/|go-http|okhttp|axios|node|libwww|ruby"
    r"|facebookexternalhit|whatsapp|telegram|skype|embedly|feed|rss|archiver|validator",
    re.IGNORECASE,
)


def excluded_prefixes() -> tuple[str, ...]:
    """Paths that are never public HTML pages: the API, the admin, files, the health check."""
    return (
        "/api/",
        admin_prefix(),
        "/documents/",
        "/healthz",
        "/django-admin/",
        settings.STATIC_URL,
        settings.MEDIA_URL,
    )


def is_bot(user_agent: str) -> bool:
    """No user agent, or one that identifies as an automated client."""
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def visitor_id(request, now: datetime.datetime) -> str:
    """A keyed hash of address and user agent; the key derives from SECRET_KEY and the day, so it rotates daily."""
    day = local_day(now).isoformat()
    user_agent = request.headers.get("User-Agent", "")
    return salted_hmac(f"cms.visits:{day}", f"{client_address(request)}\n{user_agent}", algorithm="sha256").hexdigest()


def is_countable_request(request) -> bool:
    """A GET by a person for a public page (not a preview, a prefetch or an excluded path)."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    if request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")).startswith("prefetch"):
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    return not is_bot(request.headers.get("User-Agent", ""))


def is_countable_response(response) -> bool:
    """A complete, successful HTML page."""
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
    )


def portal_id(request=None) -> int:
    """The site id whose counter a request moves (the portal its host serves); the default site's without one."""
    site_id = sites.site_id_for_request(request) if request is not None else None
    return site_id if site_id is not None else (sites.default_site_id() or 0)


class VisitCounter:
    """Records page views and reads the four figures of "Thống kê truy cập", per portal."""

    def __init__(self, store=None):
        self.store = store or get_store()

    def record_view(self, request, now: datetime.datetime | None = None) -> bool:
        """Count one page view on the request's portal; a storage failure is logged, never shown to the reader."""
        now = now or timezone.now()
        try:
            self.store.record_view(visitor_id(request, now), now, portal_id(request))
        except Exception:
            logger.warning("Visit not recorded", exc_info=True)
            return False
        return True

    def stats(self, now: datetime.datetime | None = None, site_id: int | None = None) -> VisitStats:
        """The figures of the portal ``site_id`` (default: the default site's)."""
        return self.store.stats(now or timezone.now(), site_id if site_id is not None else portal_id())
