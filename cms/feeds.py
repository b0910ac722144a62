"""RSS feed of news in the active language: /vi/rss/, /en/rss/."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.i18n import public_pages

FEED_SIZE = 20


class NewsFeed(Feed):
    """Only live, public, non-expired news pages in the requested language."""

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request: keep per-request state out of ``self``.
        return Locale.get_active()

    def title(self, locale):
        return f"{settings.WAGTAIL_SITE_NAME} — {_('Tin tức - Sự kiện')}"

    def link(self, locale):
        from news.models import NewsIndexPage

        index = public_pages(NewsIndexPage.objects.filter(locale=locale)).first()
        return index.url if index else f"/{locale.language_code}/"

    def description(self, locale):
        return _("Tin tức và văn bản chỉ đạo")

    def items(self, locale):
        from news.models import NewsPage

        return public_pages(NewsPage.objects.filter(locale=locale)).order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(7, 0)))

    def item_categories(self, item):
        return [item.get_category_display_text()]
