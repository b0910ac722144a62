"""What one uncached public page costs in cache round trips, counted (issue 21: the citizens' pages cheap and flat).

With Redis every cache read is a round trip; the publication rule's lists are asked for by every menu, link and
listing of a page, so they are read once per request and kept for the rest of it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.core import cache as content_cache
from news.models import NewsPage
from tests import factories

pytestmark = pytest.mark.django_db


class CountingCache:
    """The cache, with every read and write it is asked for noted as ``(method, key or keys)``."""

    COUNTED = ("get", "get_many", "set", "set_many", "add")

    def __init__(self, cache):
        self.cache = cache
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self.cache, name)
        if name not in self.COUNTED:
            return attribute

        def counted(*args, **kwargs):
            self.calls.append((name, args[0]))
            return attribute(*args, **kwargs)

        return counted


@pytest.fixture
def counted_cache(monkeypatch):
    counting = CountingCache(content_cache.cache)
    monkeypatch.setattr(content_cache, "cache", counting)
    return counting


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_reads_its_remembered_values_once_and_together(client, settings, news_index, monkeypatch):
    """Each remembered value is read once per request, and those the previous request asked for in one round trip.

    With its data committed, as a served page's is: inside a transaction holding an uncommitted change (any
    other test's), values stay with that transaction (``cms.core.cache._uncommitted_memo``), not the cache."""
    settings.PAGE_CACHE_ENABLED = False
    assert client.get("/vi/").status_code == 200  # the values are remembered
    counting = CountingCache(content_cache.cache)
    monkeypatch.setattr(content_cache, "cache", counting)
    assert client.get("/vi/").status_code == 200
    reads = [
        (method, key if isinstance(key, str) else tuple(key))
        for method, key in counting.calls
        if method in ("get", "get_many") and "cms-content:" in str(key)
    ]
    assert [method for method, _keys in reads] == ["get_many"], reads
    # the restriction lists, the locales, the menu and the footer
    assert len(reads[0][1]) >= 4, reads
    assert not [call for call in counting.calls if call[0] in ("set", "set_many", "add")]


def test_with_a_shared_cache_both_stamps_are_read_in_one_round_trip(client, settings, news_index, monkeypatch):
    """With Redis (no generation file) the content generation and the sites stamp are one ``get_many``."""
    settings.PAGE_CACHE_ENABLED = False
    settings.CONTENT_GENERATION_FILE = None
    assert client.get("/vi/").status_code == 200
    counting = CountingCache(content_cache.cache)
    monkeypatch.setattr(content_cache, "cache", counting)
    assert client.get("/vi/").status_code == 200
    stamps = {content_cache.GENERATION_KEY, content_cache.SITES_KEY}
    reads = [
        (method, key)
        for method, key in counting.calls
        if method in ("get", "get_many") and (key in stamps if isinstance(key, str) else stamps & set(key))
    ]
    assert reads == [("get_many", (content_cache.GENERATION_KEY, content_cache.SITES_KEY))]


def test_the_news_section_counts_its_articles_once_per_content_generation(client, settings, news_index):
    """The section's pagination count grows with the section: remembered until the content next changes."""
    settings.PAGE_CACHE_ENABLED = False
    factories.NewsPageFactory.create_batch(2, parent=news_index)
    assert client.get(news_index.url).context["articles"].paginator.count == 2
    with CaptureQueriesContext(connection) as queries:
        response = client.get(news_index.url)
    assert response.context["articles"].paginator.count == 2
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"] and "news_newspage" in query["sql"]]
    factories.NewsPageFactory(parent=news_index)  # publishing starts a new generation
    assert client.get(news_index.url).context["articles"].paginator.count == 3


def test_the_home_reads_its_images_renditions_in_one_round_trip_and_writes_none(
    client, settings, news_index, monkeypatch
):
    """Wagtail's ``{% image %}`` reads each rendition from the cache and writes it back: two round trips per image."""
    from wagtail.images import get_image_model

    settings.PAGE_CACHE_ENABLED = False
    for _ in range(3):
        factories.NewsPageFactory(parent=news_index, hero_image=factories.ImageFactory())
    factories.BannerSlideFactory.create_batch(2)
    first = client.get("/vi/")  # makes the renditions and caches them
    assert first.content.count(b'class="news-card__image"') == 3 and first.content.count(b"carousel__slide") >= 2
    rendition_model = get_image_model().get_rendition_model()
    counting = CountingCache(rendition_model.cache_backend)
    monkeypatch.setattr(rendition_model, "cache_backend", counting)
    response = client.get("/vi/")
    assert response.content.count(b'class="news-card__image"') == 3
    assert [method for method, _keys in counting.calls] == ["get_many"]
    assert len(counting.calls[0][1]) == 5


def test_a_page_with_no_restriction_above_it_is_served_without_reading_restrictions(client, settings, news_index):
    """Wagtail reads a page's ancestors and their view restrictions to serve it; the publication rule's remembered
    lists say when none can apply."""
    settings.PAGE_CACHE_ENABLED = False
    article = factories.NewsPageFactory(parent=news_index)
    assert client.get(article.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert not [query["sql"] for query in queries if "wagtailcore_pageviewrestriction" in query["sql"]]
    ancestors = '"wagtailcore_page"."alias_of_id" FROM "wagtailcore_page"'  # Wagtail's look for aliases above
    assert not [query["sql"] for query in queries if ancestors in query["sql"]]

    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_home_reads_no_locale_of_its_own(client, settings, news_index):
    """The page's language (the redirect to its own language prefix, its lists) comes from the remembered locales."""
    settings.PAGE_CACHE_ENABLED = False
    factories.BannerSlideFactory()
    assert client.get("/vi/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/vi/").status_code == 200
    by_id = 'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."id"'
    assert not [query["sql"] for query in queries if by_id in query["sql"]]


def test_an_article_lists_its_related_news_without_reading_its_whole_category(client, settings, news_index):
    """The related news are the articles sharing a tag, then the newest of the category: a limited walk of an index,
    not a count of shared tags over every article of the category (22 statements at 100,000 pages against 15)."""
    settings.PAGE_CACHE_ENABLED = False
    article = factories.NewsPageFactory(parent=news_index, category="du-lich")
    article.tags.add("chè")
    article.save_revision().publish()
    factories.NewsPageFactory(parent=news_index, category="du-lich")

    def statements():
        assert client.get(article.url).status_code == 200  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)
        assert response.status_code == 200
        return [query["sql"] for query in queries], response.content.decode()

    few, _html = statements()
    factories.NewsPageFactory.create_batch(12, parent=news_index, category="du-lich")
    many, html = statements()
    assert len(many) == len(few)
    assert html.count('<li><a href="/vi/') >= NewsPage.RELATED_LIMIT
    of_category = [sql for sql in many if 'news_newspage"."category" = ' in sql]
    assert len(of_category) == 1
    assert "LIMIT" in of_category[0] and "GROUP BY" not in of_category[0] and "COUNT(" not in of_category[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_home_builds_its_lists_once_per_content_generation(client, settings, news_index, directive_index):
    """The banner, the latest news and directives, the sections' links and the language links' homes change only
    with the content: read once per generation, not 7 statements per view; a publication shows at once."""
    settings.PAGE_CACHE_ENABLED = False
    factories.NewsPageFactory(parent=news_index, title="Tin thứ nhất")
    factories.DirectivePageFactory(parent=directive_index)
    factories.BannerSlideFactory(title="Ảnh thứ nhất")
    assert client.get("/vi/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/vi/")
    html = response.content.decode()
    assert "Tin thứ nhất" in html and "Ảnh thứ nhất" in html and 'class="more"' in html
    read = [query["sql"] for query in queries if "visits_" not in query["sql"]]  # the counter: Redis in production
    lists = ("news_newspage", "news_directivepage", "home_bannerslide", '"translation_key" =')
    assert not [sql for sql in read if any(table in sql for table in lists)]
    assert len(read) <= 3, read  # Wagtail's routing (the locale, the specific home) and the portal settings

    factories.NewsPageFactory(parent=news_index, title="Tin thứ hai")  # publishing starts a new generation
    assert "Tin thứ hai" in client.get("/vi/").content.decode()


def test_an_article_reads_its_language_links_and_breadcrumbs_once_per_content_generation(client, settings, news_index):
    """The translations (language links) and the ancestors (breadcrumbs, "back to the list") of a page change only
    with the content: remembered, not two statements per view of every page."""
    settings.PAGE_CACHE_ENABLED = False
    article = factories.NewsPageFactory(parent=news_index)
    assert client.get(article.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert f'href="{news_index.url}"' in response.content.decode()  # the breadcrumbs' section
    read = [query["sql"] for query in queries]
    assert not [sql for sql in read if '"translation_key" =' in sql]
    assert not [sql for sql in read if '"wagtailcore_page"."path" IN (' in sql]  # Wagtail's get_ancestors()
