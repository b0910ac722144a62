"""RSS feed of news in the active language: /vi/rss/, /en/rss/."""

import datetime
from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core import public_urls
from cms.core.models import PortalSettings
from cms.core.sites import in_portal, request_portal_paths
from cms.core.visibility import visible_pages

FEED_SIZE = 20


class FeedScope(NamedTuple):
    locale: Locale
    paths: tuple[str, ...]  # the portal's home paths (cms.core.sites)
    portal_name: str


class NewsFeed(Feed):
    """Only live, public, non-expired news pages of the request's portal in the requested language."""

    def __call__(self, request, *args, **kwargs):
        # Links on the public base URL, like the API's (Django would prefix the request's host).
        with public_urls.absolute_urls(request):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request: keep per-request state out of ``self``.
        locale = Locale.get_active()
        name = PortalSettings.load(request).in_language(locale.language_code)["portal_name"]
        return FeedScope(locale, request_portal_paths(request), name)

    def title(self, scope):
        return f"{scope.portal_name} — {_('Tin tức - Sự kiện')}"

    def link(self, scope):
        from news.models import NewsIndexPage

        index = in_portal(visible_pages(NewsIndexPage).filter(locale=scope.locale), scope.paths).first()
        return public_urls.absolute(index.url if index else f"/{scope.locale.language_code}/")

    def feed_url(self, scope):
        return public_urls.absolute(reverse("news_feed"))

    def description(self, scope):
        return _("Tin tức và văn bản chỉ đạo")

    def items(self, scope):
        from news.models import NewsPage

        news = in_portal(visible_pages(NewsPage).filter(locale=scope.locale), scope.paths)
        return news.order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return public_urls.absolute(item.url)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(7, 0)))

    def item_categories(self, item):
        return [item.get_category_display_text()]
