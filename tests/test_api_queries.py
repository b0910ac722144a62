"""The cost of a listing does not grow with its size (at most 10 queries)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
