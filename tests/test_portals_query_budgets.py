"""A portal's pages cost the same SQL queries with 1 portal and with 76 (the province and 75 communes).

The first commune is made by ``seed_content --portals`` (``create_portal``'s provisioner: groups, workflow,
sections, English translations). Made the same way, the other 74 cost 0.7 s (Vietnamese only) to 3 s each on
this machine, minutes in all; by default they are made with what the public pages read of a portal (its Site
and its home page: the host table, Wagtail's site root paths, the portal trees and names). Set
``PORTAL_BUDGETS_FULL_PROVISION=1`` to make all 75 with the provisioner (``seed_content --portals 76``).
"""

import io
import os

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import DirectiveIndexPage, NewsIndexPage

pytestmark = pytest.mark.django_db

PROVINCE, COMMUNE = "localhost", "xa01.localhost"


@pytest.fixture(autouse=True)
def pages_built_not_cached(settings):
    # Building a page is measured; a page cache hit runs no query (tests/test_page_cache.py).
    settings.PAGE_CACHE_ENABLED = False


def seed_portals(count: int, news: int = 0, directives: int = 0) -> None:
    call_command(
        "seed_content",
        *("--portals", str(count), "--news", str(news), "--directives", str(directives), "--seed", "8"),
        "--quiet",
        stdout=io.StringIO(),
    )


def add_communes(first: int, last: int) -> None:
    """Communes ``first``..``last`` as the public pages see them: a Site and its home page."""
    if os.environ.get("PORTAL_BUDGETS_FULL_PROVISION"):
        seed_portals(last + 1)
        return
    root, locale = Page.get_first_root_node(), Locale.get_default()
    for number in range(first, last + 1):
        home = root.add_child(
            instance=HomePage(title=f"Xã Nhẹ {number:02d}", slug=f"xa-nhe-{number:02d}", locale=locale)
        )
        Site.objects.create(hostname=f"xa{number:02d}.localhost", root_page=home, site_name=home.title)


def count_queries(client, url, host, params=None):
    client.get(url, params, HTTP_HOST=host)  # warm the per-process caches (site root paths, portal trees)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, url)
    return len(queries)


def measure(client, host: str) -> dict[str, int]:
    """The portal's home, its news listing and register (its second page), and its API listing of news."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    site = Site.objects.get(hostname=host) if host != PROVINCE else Site.objects.get(is_default_site=True)
    news_index, register = (
        model.objects.child_of(site.root_page).get().url for model in (NewsIndexPage, DirectiveIndexPage)
    )
    return {
        "home": count_queries(client, "/vi/", host),
        "news_listing": count_queries(client, news_index, host, {"page": 2}),
        "directive_listing": count_queries(client, register, host, {"page": 2}),
        "api_listing": count_queries(client, "/api/v2/pages/", host, {"type": "news.NewsPage", "limit": 5}),
    }


def test_a_portals_pages_cost_the_same_with_1_and_with_76_portals(client):
    seed_portals(1, news=12, directives=12)  # two listing pages
    province_alone = measure(client, PROVINCE)

    seed_portals(2, news=22, directives=22)  # the first commune: 11 articles and 11 directives, two listing pages
    commune_of_two = measure(client, COMMUNE)

    add_communes(2, 75)
    assert Site.objects.count() == 76
    assert measure(client, COMMUNE) == commune_of_two
    # With any commune the province's home lists the news communes shared upward: read with the home's other lists,
    # once per content generation (home.models.HomePage.home_lists), so no query per view, however many communes.
    assert measure(client, PROVINCE) == province_alone


def test_the_province_home_reads_shared_news_through_their_own_index(home):
    """ "Tin từ các xã, phường" picks a few shared articles among every commune's news: without an index of the
    shared ones, PostgreSQL scanned all articles (53 ms at 96,000). On PostgreSQL the plan must use it: for a
    test's few rows the planner prefers scanning a table, or another index and a sort, so it is told to avoid
    both (an index that cannot serve the query still loses to them at their penalty); SQLite's planner, without
    statistics, starts from the locale, so there only the index is checked."""
    constraints = connection.introspection.get_constraints(connection.cursor(), "news_newspage")
    assert constraints.get("news_shared_newest_first", {}).get("index")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
        assert "news_shared_newest_first" in home.shared_news_queryset().explain()
