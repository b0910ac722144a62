"""The cost of a listing does not grow with its size (at most 10 queries)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.api_content import make_news

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 10


def _list(client, limit, page_type="news.NewsPage"):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*", "limit": limit})
    assert response.status_code == 200, response.content
    assert len(response.json()["items"]) == limit
    return response


def test_news_listing_with_all_fields_costs_the_same_for_1_20_and_100_items(
    client, news_index, settings, django_assert_max_num_queries, django_assert_num_queries
):
    settings.API_CACHE_SECONDS = 0
    make_news(news_index, 100)
    _list(client, 100)  # renditions are generated once, on first use

    with django_assert_max_num_queries(QUERY_BUDGET), CaptureQueriesContext(connection) as one:
        _list(client, 1)
    with django_assert_num_queries(len(one.captured_queries)):
        _list(client, 20)
    with django_assert_num_queries(len(one.captured_queries)):
        _list(client, 100)


def test_a_new_chooser_based_block_is_prefetched_without_changes():
    """Any chooser nested in struct or list blocks, and rich-text links, are collected generically."""
    from wagtail import blocks
    from wagtail.documents.blocks import DocumentChooserBlock
    from wagtail.documents.models import Document
    from wagtail.images.blocks import ImageChooserBlock
    from wagtail.images.models import Image
    from wagtail.models import Page

    from cms.api.prefetch import references_in_stream

    class GalleryBlock(blocks.StructBlock):
        images = blocks.ListBlock(ImageChooserBlock())
        files = blocks.ListBlock(blocks.StructBlock([("file", DocumentChooserBlock())]))

    stream = blocks.StreamBlock([("gallery", GalleryBlock()), ("text", blocks.RichTextBlock())])
    raw = [
        {"type": "gallery", "value": {"images": [{"type": "item", "value": 3}, 4], "files": [{"file": 7}]}},
        {"type": "text", "value": '<p><a linktype="page" id="9">x</a></p>'},
        {"type": "unknown", "value": 1},
    ]
    assert references_in_stream(stream, raw) == {Image: {3, 4}, Document: {7}, Page: {"9"}}


def test_news_listing_sql_never_joins_the_locales(client, news_index, settings):
    """The default language is a ``locale_id`` from the remembered locales, and every row's locale comes from the
    same list: with a join to ``wagtailcore_locale`` SQLite drove the listing from that table and sorted the whole
    language (231 ms at 100,000 pages instead of 0.1 ms)."""
    from wagtail.models import Locale

    settings.API_CACHE_SECONDS = 0
    make_news(news_index, 3)
    _list(client, 3)

    with CaptureQueriesContext(connection) as captured:
        data = _list(client, 3).json()
    statements = [query["sql"] for query in captured.captured_queries]
    assert not [sql for sql in statements if "wagtailcore_locale" in sql], statements
    listing = next(sql for sql in statements if 'FROM "news_newspage"' in sql)
    assert f'"wagtailcore_page"."locale_id" = {Locale.get_default().pk}' in listing
    assert {item["meta"]["locale"] for item in data["items"]} == {settings.LANGUAGE_CODE}
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": "xx"})
    assert response.status_code == 400
    assert not [query for query in captured.captured_queries if "wagtailcore_locale" in query["sql"]]


def test_page_urls_of_a_response_are_the_ones_wagtail_gives(rf, news_index, locales):
    """``cms.core.page_urls.page_url`` reverses the language prefix once per response: the same URL as
    ``Page.get_url`` for every page, with or without a request, in both languages."""
    from wagtail.models import Page

    from cms.api.prefetch import ObjectStore
    from cms.core.page_urls import page_url
    from cms.core.store import use_store

    news = factories.NewsPageFactory(parent=news_index, slug="tin-moi")
    news.copy_for_translation(locales["en"], copy_parents=True).save_revision().publish()
    request = rf.get("/api/v2/pages/")
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert {page.locale.language_code for page in pages} == {"vi", "en"}
    for with_request in (None, request):
        expected = [page.get_url(request=with_request) for page in pages]
        with use_store(ObjectStore()):
            assert [page_url(page, with_request) for page in pages] == expected
    assert news.get_url(request=request) in expected
