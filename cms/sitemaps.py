"""/sitemap.xml: every live, public, non-expired page of the site in every language, with hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.i18n import public_pages


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            public_pages(Page.objects.filter(trees))
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # Alternates come from the same set of public pages, so an unpublished
        # translation is never advertised.
        by_key = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            by_key[item.translation_key].append(item)
        locations = {url["location"]: url for url in urls}
        for items in by_key.values():
            alternates = [
                {"lang_code": item.locale.language_code, "location": item.get_full_url(self.request)} for item in items
            ]
            if len(alternates) < 2:
                continue
            for alternate in alternates:
                if alternate["location"] in locations:
                    locations[alternate["location"]]["alternates"] = alternates
        return urls
