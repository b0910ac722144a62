"""RSS per language and the sitemap: only live, public, non-expired pages, with hreflang alternates."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site_content(locales, news_index):
    home = news_index.get_parent().specific
    factories.translate(home, "en", {"title": "Home", "slug": "home"})
    factories.translate(news_index, "en", {"title": "News", "slug": "news"})
    public = factories.NewsPageFactory(parent=news_index, title="Tin công khai", date=datetime.date(2024, 7, 2))
    factories.translate(public, "en", {"title": "Public news", "slug": "public-news"})
    draft_translation = factories.NewsPageFactory(parent=news_index, title="Tin có bản nháp tiếng Anh")
    factories.translate(draft_translation, "en", {"title": "Draft news", "slug": "draft-news"}, publish=False)
    private = factories.NewsPageFactory(parent=news_index, title="Tin nội bộ", slug="tin-noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    expired = factories.NewsPageFactory(parent=news_index, title="Tin hết hạn", slug="tin-het-han")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()  # still live: Wagtail's publish_scheduled job has not run yet
    unpublished = factories.NewsPageFactory(parent=news_index, title="Tin chưa xuất bản", slug="tin-chua-xuat-ban")
    unpublished.unpublish()
    return {"public": public, "draft_translation": draft_translation}


def parse(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input


def feed_titles(client, language):
    response = client.get(f"/{language}/rss/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse(response).find("channel")
    assert channel.findtext("language") == language
    return [item.findtext("title") for item in channel.findall("item")]


def test_each_language_has_its_own_news_feed(client, site_content):
    assert feed_titles(client, "en") == ["Public news"]
    vi = feed_titles(client, "vi")
    assert vi == ["Tin công khai", "Tin có bản nháp tiếng Anh"]


def test_feed_item_links_to_the_article_in_that_language(client, site_content):
    channel = parse(client.get("/en/rss/", HTTP_HOST="localhost")).find("channel")
    assert channel.find("item").findtext("link") == "http://localhost/en/news/public-news/"


def test_sitemap_lists_public_pages_in_every_language_with_alternates(client, site_content):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    root = parse(response)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }
    public_vi = f"http://localhost{site_content['public'].url}"
    public_en = "http://localhost/en/news/public-news/"
    assert entries[public_vi] == entries[public_en] == {"vi": public_vi, "en": public_en}
    assert entries["http://localhost/en/"] == {"vi": "http://localhost/vi/", "en": "http://localhost/en/"}
    locations = "\n".join(entries)
    for hidden in ("draft-news", "tin-noi-bo", "tin-het-han", "tin-chua-xuat-ban"):
        assert hidden not in locations
    # The Vietnamese page whose English version is a draft has no alternates.
    assert entries[f"http://localhost{site_content['draft_translation'].url}"] == {}


def test_sitemap_query_count_does_not_grow_with_pages(client, site_content, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get("/sitemap.xml", HTTP_HOST="localhost")
