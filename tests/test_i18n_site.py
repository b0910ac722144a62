"""Public site in two languages: URL prefixes, redirects, hreflang, the language switcher, formats."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import translation

from cms.templatetags.portal_tags import portal_date, portal_number
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, url, language="vi"):
    return client.get(url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE=language)


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def switcher(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([\w-]+)"', nav)}


@pytest.fixture
def bilingual(locales, news_index):
    """A Vietnamese home, news index and article, with English home and index pages."""
    home = news_index.get_parent().specific
    en_home = factories.translate(home, "en", {"title": "Home", "slug": "home"})
    en_index = factories.translate(news_index, "en", {"title": "News", "slug": "news"})
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu sơ kết", slug="moc-chau-so-ket")
    return {"home": home, "en_home": en_home, "index": news_index, "en_index": en_index, "article": article}


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("vi", "/vi/"), ("", "/vi/"), ("fr", "/vi/")],
)
def test_root_redirects_by_accept_language_vietnamese_by_default(client, locales, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_visitor_reads_each_language_under_its_prefix(client, bilingual):
    vi = get(client, "/vi/")
    en = get(client, "/en/", language="vi")
    assert vi.status_code == en.status_code == 200
    assert '<html lang="vi"' in vi.content.decode()
    assert '<html lang="en"' in en.content.decode()
    assert get(client, "/en/news/").status_code == 200


def test_translated_article_links_to_its_translation_both_ways(client, bilingual):
    article = bilingual["article"]
    en_article = factories.translate(article, "en", {"title": "Mộc Châu reviews", "slug": "moc-chau-reviews"})
    assert en_article.url == "/en/news/moc-chau-reviews/"
    for url in (article.url, en_article.url):
        html = get(client, url).content.decode()
        expected = {"vi": f"http://localhost{article.url}", "en": f"http://localhost{en_article.url}"}
        assert alternates(html) == expected
        assert switcher(html) == {"vi": article.url, "en": en_article.url}


def test_switcher_goes_to_the_english_home_when_the_article_is_not_translated(client, bilingual):
    html = get(client, bilingual["article"].url).content.decode()
    assert alternates(html) == {"vi": f"http://localhost{bilingual['article'].url}"}
    assert switcher(html) == {"vi": bilingual["article"].url, "en": "/en/"}


def test_unpublished_translation_is_invisible_on_the_site(client, bilingual):
    article = bilingual["article"]
    draft = factories.translate(article, "en", {"title": "Draft", "slug": "draft-en"}, publish=False)
    assert not draft.live
    assert get(client, "/en/news/draft-en/").status_code == 404
    html = get(client, article.url).content.decode()
    assert "/en/news/draft-en/" not in html
    assert switcher(html)["en"] == "/en/"
    assert "Draft" not in get(client, "/en/news/").content.decode()


def test_english_page_shows_english_template_strings_and_labels(client, bilingual):
    article = bilingual["article"]
    article.category = "dan-chu-co-so"
    article.save_revision().publish()
    factories.translate(article, "en", {"title": "Mộc Châu reviews", "slug": "moc-chau-reviews"})
    en = get(client, "/en/news/moc-chau-reviews/").content.decode()
    vi = get(client, article.url).content.decode()
    assert "Skip to main content" in en and "Bỏ qua, đến nội dung chính" not in en
    assert "Grassroots democracy" in en and "Back to the news" in en
    assert ">1 July 2024</time>" in en
    assert "Bỏ qua, đến nội dung chính" in vi and "Dân chủ cơ sở" in vi
    assert ">Ngày 01/7/2024</time>" in vi


def test_directive_register_shows_english_document_types(client, locales, directive_index):
    home = directive_index.get_parent().specific
    factories.translate(home, "en", {"title": "Home", "slug": "home"})
    en_index = factories.translate(directive_index, "en", {"title": "Directives", "slug": "directives"})
    html = get(client, en_index.url).content.decode()
    assert "Decision" in html and "Official letter" in html
    assert "Quyết định" not in html


def test_dates_and_numbers_follow_the_language():
    day = datetime.date(2024, 7, 1)
    with translation.override("vi"):
        assert portal_date(day) == "01/7/2024"
        assert portal_number(1234567) == "1.234.567"
    with translation.override("en"):
        assert portal_date(day) == "1 July 2024"
        assert portal_number(1234567) == "1,234,567"


def test_english_slides_show_on_the_english_home_only_vietnamese_with_fallback(client, bilingual):
    translated = factories.BannerSlideFactory(title="Slide một", sort_order=1)
    untranslated = factories.BannerSlideFactory(title="Slide hai", sort_order=2)
    factories.translate(translated, "en", {"title": "Slide one"})
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=False):
        html = get(client, "/en/").content.decode()
        assert "Slide one" in html
        assert "Slide một" not in html and untranslated.title not in html
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=True):
        html = get(client, "/en/").content.decode()
        assert "Slide one" in html and untranslated.title in html
        assert "Slide một" not in html
    vi = get(client, "/vi/").content.decode()
    assert "Slide một" in vi and "Slide one" not in vi


def test_unpublished_slide_translation_is_not_shown(client, bilingual):
    slide = factories.BannerSlideFactory(title="Slide một")
    factories.translate(slide, "en", {"title": "Slide draft"}, publish=False)
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=True):
        html = get(client, "/en/").content.decode()
    assert "Slide draft" not in html
    assert "Slide một" in html


def test_a_language_without_a_home_page_redirects_to_the_vietnamese_page(client, locales, news_index):
    article = factories.NewsPageFactory(parent=news_index, slug="tin-a")
    response = get(client, "/en/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"
    response = get(client, f"/en/{news_index.slug}/tin-a/?page=2")
    assert response["Location"] == f"{article.url}?page=2"
    html = get(client, "/vi/").content.decode()
    assert switcher(html) == {"vi": "/vi/"}  # no English site to switch to yet
