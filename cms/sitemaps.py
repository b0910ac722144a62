"""/sitemap.xml: every live, public, non-expired page of the site in every language, with hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms.core import public_urls
from cms.core.visibility import visible_pages


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        # Aliases (a province directive in a commune's register) repeat a page whose own URL is the canonical one.
        pages = visible_pages(Page).filter(trees, alias_of__isnull=True)
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for item in items:
            item.locale = locales[item.locale_id]  # one query instead of one per page
        urls, last_mods = [], set()
        site = self.get_wagtail_site()
        by_key = defaultdict(list)
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                # Wagtail writes the site record's root URL; every channel uses the public base URL.
                url_info["location"] = public_urls.rebase(url_info["location"], self.request, site)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
                by_key[item.translation_key].append((item.locale.language_code, url_info))
        # Alternates come from the same set of public pages, so an unpublished
        # translation is never advertised.
        for versions in by_key.values():
            if len(versions) < 2:
                continue
            alternates = [{"lang_code": code, "location": info["location"]} for code, info in versions]
            for _code, info in versions:
                info["alternates"] = alternates
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
