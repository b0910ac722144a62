"""The public pages cost a fixed number of SQL queries, however much content the portal holds."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import DirectiveIndexPage, NewsPage

pytestmark = pytest.mark.django_db

# Budgets measured with the visitor counter in the database (tests); with Redis the counter costs no
# SQL. The home page's target is 15.
# News detail depends on the article's body (each linked page costs 3 queries, each image or document
# or statistics block one), not on how many articles exist: the same article is measured at both sizes.
# It includes the breadcrumbs' ancestors (one query, reused by the "back to the list" link) and the related
# news (one query, the article's tags as a subquery).
BUDGETS = {"home": 15, "news_detail": 27, "directive_filter": 16, "site_search": 10}


@pytest.fixture(autouse=True)
def pages_built_not_cached(settings):
    # The budgets are for building a page; a page cache hit runs none (tests/test_page_cache.py).
    settings.PAGE_CACHE_ENABLED = False


def seed(news, directives):
    call_command(
        "seed_content", "--news", str(news), "--directives", str(directives), "--seed", "8", stdout=io.StringIO()
    )
    call_command("rebuild_search_index", stdout=io.StringIO())


def urls():
    article = NewsPage.objects.filter(locale__language_code="vi").order_by("pk").first()
    directive_index = DirectiveIndexPage.objects.filter(locale__language_code="vi").get()
    return {
        "home": "/vi/",
        "news_detail": article.url,
        "directive_filter": f"{directive_index.url}?type=quyet-dinh",
        "site_search": "/vi/search/?q=M%E1%BB%99c+Ch%C3%A2u",
    }


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, restriction list, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return {key: count_queries(client, url) for key, url in urls().items()}


def test_public_pages_stay_within_their_query_budgets(client, django_assert_max_num_queries):
    seed(5, 5)
    for key, url in urls().items():
        client.get(url)
        with django_assert_max_num_queries(BUDGETS[key]):
            assert client.get(url).status_code == 200


def test_public_page_queries_do_not_grow_with_content(client):
    # 25 directives already fill more than one page of the index, so both runs paginate.
    seed(5, 25)
    small = measure(client)
    seed(25, 25)
    large = measure(client)
    assert large == small
    assert all(count <= BUDGETS[key] for key, count in large.items()), large
