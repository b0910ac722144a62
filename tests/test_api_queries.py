"""The cost of a listing does not grow with its size (issue 3: at most 10 queries)."""

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
