"""Abuse: very long and pathological queries and query strings never 500 and do bounded work."""

import pytest

from tests import factories
from tests.security.leaks import html_tree

pytestmark = pytest.mark.django_db

PATHOLOGICAL = [
    "(" * 200,
    '"' * 199,
    "a AND " * 33,
    "NOT OR AND || && !! -- ~~",
    "*" * 200,
    "a" * 200,
    "\x00",
    "tin\x00tức",
    "%' OR 1=1 --",
    "\\" * 200,
    "ệ" * 200,
    "a:b:c:d:e:f",
    "<" * 200,
]


@pytest.fixture
def some_news(sections):
    for number in range(3):
        factories.NewsPageFactory(parent=sections[0], title=f"Tin thử {number}")


@pytest.mark.parametrize("query", PATHOLOGICAL)
def test_pathological_search_queries_are_answered(anonymous_client, some_news, query):
    response = anonymous_client.get("/vi/search/", {"q": query, "page": "2"})
    assert response.status_code == 200


def test_overlong_search_queries_are_refused_without_searching(
    anonymous_client, some_news, django_assert_max_num_queries
):
    # Warm the per-process caches (sites, portal settings, restriction lists, next expiry) with the empty
    # search page: what is counted is the refused query's own cost, not the first request's.
    anonymous_client.get("/vi/search/")
    with django_assert_max_num_queries(5):
        response = anonymous_client.get("/vi/search/", {"q": "tin " * 5_000})
    assert response.status_code == 200
    assert html_tree(response).find(class_="form-error") is not None


@pytest.mark.parametrize("page", ["-1", "0", "abc", "9" * 50, "1e9", "", "1;DROP TABLE"])
def test_any_page_number_is_answered(anonymous_client, some_news, sections, page):
    for url in ("/vi/search/", sections[0].get_url(), sections[1].get_url()):
        assert anonymous_client.get(url, {"q": "tin", "page": page}).status_code == 200, url


@pytest.mark.parametrize(
    "params",
    [
        {"year": "9" * 40},
        {"year": "-2024"},
        {"agency": "x" * 20_000},
        {"type": "<script>"},
        {"agency": "\x00"},
        {"year": "2024", "type": "quyet-dinh", "agency": "ệ" * 300},
    ],
)
def test_directive_filters_never_error(anonymous_client, sections, params):
    assert anonymous_client.get(sections[1].get_url(), params).status_code == 200


def test_invalid_utf8_in_the_query_string_is_answered(anonymous_client, some_news):
    assert anonymous_client.get("/vi/search/?q=%ED%A0%80%FF%FE").status_code == 200


def test_too_many_query_parameters_are_a_client_error(anonymous_client, home):
    query = "&".join(f"p{n}=1" for n in range(12_000))
    response = anonymous_client.get(f"/vi/search/?{query}")
    assert response.status_code == 400


def test_very_long_paths_are_not_found_not_errors(anonymous_client, home):
    response = anonymous_client.get("/vi/" + "a/" * 2_000)
    assert response.status_code == 404
